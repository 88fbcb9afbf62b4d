/** @file extract_common.cc
 *  @brief Shared clean-up of extracted text.
 */
#include "extract_common.h"

#include "stmtlib/text.h"

#include <xapian.h>

#include <array>

namespace stmt::extract {
namespace {

/// The code points of Windows-1252 bytes 0x80..0x9F; the five undefined
/// bytes map to the C1 controls of the same value, as browsers do.
constexpr std::array<unsigned, 32> CP1252_HIGH = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

/// Spaces inside a line collapsed to one; the line trimmed.
std::string clean_line(std::string_view line) {
    std::string out;
    bool space = false;
    for (const char c : line) {
        if (c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return text::trim(out);
}

unsigned first_codepoint(std::string_view s) {
    const Xapian::Utf8Iterator it(s.data(), s.size());
    return it == Xapian::Utf8Iterator() ? 0 : *it;
}

/// The code point that ends at byte `end`, or 0.
unsigned codepoint_before(std::string_view s, std::size_t end) {
    if (end == 0) return 0;
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return first_codepoint(s.substr(start, end - start));
}

bool is_letter(unsigned ch) {
    return Xapian::Unicode::is_wordchar(ch) &&
           Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

constexpr std::string_view SOFT_HYPHEN = "\xC2\xAD";
constexpr std::string_view UNICODE_HYPHEN = "\xE2\x80\x90";  // U+2010

}  // namespace

Error unreadable(std::string message) {
    return Error{ErrorCode::unreadable_document, std::move(message), {}};
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto invalid = text::find_invalid_utf8(s.substr(i));
        const std::size_t good_end = invalid ? i + *invalid : s.size();
        for (std::size_t k = i; k < good_end;) {
            const auto c = static_cast<unsigned char>(s[k]);
            if (c == '\t' || c == '\f' || c == '\v') out += ' ';
            else if (c == '\r') out += (k + 1 < good_end && s[k + 1] == '\n') ? "" : "\n";
            else if (c >= 0x20 || c == '\n') {
                // Multi-byte sequences are copied whole; C1 controls (U+0080..U+009F,
                // C2 80..C2 9F) and byte-order marks (EF BB BF) are dropped.
                const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                const std::string_view seq = s.substr(k, len);
                const bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(seq[1]) < 0xA0;
                if (c != 0x7F && !c1 && seq != "\xEF\xBB\xBF") out += seq;
                k += len;
                continue;
            }
            ++k;
        }
        if (!invalid) break;
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        i = good_end + 1;
    }
    // Presentation-form ligatures, as PDF fonts often encode them, spelled out.
    static constexpr std::pair<std::string_view, std::string_view> ligatures[] = {
        {"\xEF\xAC\x80", "ff"}, {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
        {"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"}};
    for (const auto& [from, to] : ligatures)
        for (std::size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size()))
            out.replace(pos, from.size(), to);
    return out;
}

std::string join_blocks(const std::vector<std::string>& blocks) {
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    for (const auto& block : blocks) {
        const std::string clean = sanitize_utf8(block);
        std::size_t start = 0;
        while (start <= clean.size()) {
            std::size_t end = clean.find('\n', start);
            if (end == std::string::npos) end = clean.size();
            const std::string line = clean_line(std::string_view(clean).substr(start, end - start));
            if (line.empty()) flush();
            else current += (current.empty() ? "" : "\n") + line;
            start = end + 1;
        }
        flush();
    }
    return text::join(out, "\n\n");
}

bool starts_lowercase(std::string_view s) {
    return Xapian::Unicode::get_category(first_codepoint(s)) == Xapian::Unicode::LOWERCASE_LETTER;
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && std::string_view(")]\"'*").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    return !s.empty() && std::string_view(".!?:;").find(s.back()) != std::string_view::npos;
}

bool starts_bullet(std::string_view s) {
    for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xEF\x82\xB7"})
        if (s.starts_with(bullet)) return true;
    return false;
}

void append_line(std::string& paragraph, std::string_view line) {
    if (paragraph.empty() || line.empty()) {
        paragraph += line;
        return;
    }
    if (paragraph.ends_with(SOFT_HYPHEN)) {
        paragraph.resize(paragraph.size() - SOFT_HYPHEN.size());
        paragraph += line;
        return;
    }
    const std::size_t hyphen =
        paragraph.ends_with('-') ? 1 : paragraph.ends_with(UNICODE_HYPHEN) ? UNICODE_HYPHEN.size() : 0;
    if (hyphen != 0 && is_letter(codepoint_before(paragraph, paragraph.size() - hyphen))) {
        if (starts_lowercase(line)) paragraph.resize(paragraph.size() - hyphen);  // "inter-" "national"
        paragraph += line;                                                        // "non-" "State"
        return;
    }
    paragraph += ' ';
    paragraph += line;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out += ch;
        else if (c < 0xA0) Xapian::Unicode::append_utf8(out, CP1252_HIGH[c - 0x80]);
        else Xapian::Unicode::append_utf8(out, c);
    }
    return out;
}

}  // namespace stmt::extract
