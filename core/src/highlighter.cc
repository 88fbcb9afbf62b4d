/** @file highlighter.cc
 *  @brief Tokenising with offsets and marking spans in escaped HTML.
 */
#include "stmtlib/highlighter.h"

#include <xapian.h>

#include <algorithm>
#include <utility>

namespace stmt {

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    Token current;
    bool in_word = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        const auto offset = static_cast<std::size_t>(it.raw() - text.data());
        if (Xapian::Unicode::is_wordchar(ch) && ch != '_') {
            if (!in_word) {
                current = Token{};
                current.begin = offset;
                in_word = true;
            }
            Xapian::Unicode::append_utf8(current.word, Xapian::Unicode::tolower(ch));
            Xapian::Utf8Iterator next = it;
            ++next;
            current.end = next == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(next.raw() - text.data());
        } else if (in_word) {
            tokens.push_back(std::exchange(current, Token{}));
            in_word = false;
        }
    }
    if (in_word) tokens.push_back(std::move(current));
    return tokens;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

/// Moves a byte offset back to the start of a UTF-8 character.
std::size_t char_start(std::string_view text, std::size_t pos) {
    while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

}  // namespace

std::string highlight(std::string_view text, const std::vector<Token>& tokens, std::vector<TokenSpan> spans,
                      std::size_t length) {
    std::sort(spans.begin(), spans.end(), [](const TokenSpan& a, const TokenSpan& b) { return a.first < b.first; });
    std::vector<TokenSpan> merged;
    for (const auto& s : spans) {
        if (s.last >= tokens.size() || s.first > s.last) continue;
        if (!merged.empty() && s.first <= merged.back().last + 1) merged.back().last = std::max(merged.back().last, s.last);
        else merged.push_back(s);
    }
    // The window: about `length` bytes, starting a little before the first mark.
    std::size_t from = 0;
    if (!merged.empty() && text.size() > length) {
        const std::size_t first_mark = tokens[merged.front().first].begin;
        const std::size_t lead = length / 5;
        from = first_mark > lead ? first_mark - lead : 0;
        for (const auto& t : tokens)  // start on a word boundary
            if (t.begin >= from) {
                from = t.begin;
                break;
            }
    }
    std::size_t to = std::min(text.size(), from + length);
    if (to < text.size()) {
        to = char_start(text, to);
        const auto space = text.rfind(' ', to);
        if (space != std::string_view::npos && space > from) to = space;
    }
    std::string out = from > 0 ? "\u2026" : "";
    std::size_t pos = from;
    for (const auto& span : merged) {
        const std::size_t b = tokens[span.first].begin, e = tokens[span.last].end;
        if (e <= from) continue;
        if (b >= to) break;
        const std::size_t mark_begin = std::max(b, from), mark_end = std::min(e, to);
        out += escape_html(text.substr(pos, mark_begin - pos));
        out += "<mark>" + escape_html(text.substr(mark_begin, mark_end - mark_begin)) + "</mark>";
        pos = mark_end;
    }
    out += escape_html(text.substr(pos, to - pos));
    if (to < text.size()) out += "\u2026";
    return out;
}

}  // namespace stmt
