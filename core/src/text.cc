/** @file text.cc
 *  @brief Unicode-aware text helpers, built on Xapian's UTF-8 and Unicode
 *  tables so that tagging and matching agree with the indexer's words.
 */
#include "stmtlib/text.h"

#include <xapian.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace stmt::text {
namespace {

bool is_space_codepoint(unsigned ch) {
    return Xapian::Unicode::is_whitespace(ch) || ch == 0xA0 || ch == 0x202F || ch == 0xFEFF;
}

bool is_digit_codepoint(unsigned ch) {
    return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019; }

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        unsigned min = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > s.size()) return i;
        unsigned cp = c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) {
            if ((byte(i + k) & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::string trim(std::string_view s) {
    // Work on code points so that non-breaking spaces are trimmed too.
    std::size_t begin = 0, end = 0;
    bool seen = false;
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
        const std::size_t pos = static_cast<std::size_t>(it.raw() - s.data());
        if (!is_space_codepoint(*it)) {
            if (!seen) { begin = pos; seen = true; }
            Xapian::Utf8Iterator next = it;
            ++next;
            end = next == Xapian::Utf8Iterator() ? s.size()
                                                 : static_cast<std::size_t>(next.raw() - s.data());
        }
    }
    return seen ? std::string(s.substr(begin, end - begin)) : std::string();
}

std::string normalize_for_matching(std::string_view s) {
    std::string out;
    enum class Kind { none, letter, digit } previous = Kind::none;
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (is_apostrophe(ch)) continue;  // "Secretariat's" -> "secretariats"
        if (!Xapian::Unicode::is_wordchar(ch) || ch == '_') {
            previous = Kind::none;
            continue;
        }
        const Kind kind = is_digit_codepoint(ch) ? Kind::digit : Kind::letter;
        if (!out.empty() && (previous == Kind::none || previous != kind)) out += ' ';
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
        previous = kind;
    }
    return out;
}

bool contains_words(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return false;
    std::size_t pos = haystack.find(needle);
    while (pos != std::string_view::npos) {
        const bool starts = pos == 0 || haystack[pos - 1] == ' ';
        const std::size_t after = pos + needle.size();
        const bool ends = after == haystack.size() || haystack[after] == ' ';
        if (starts && ends) return true;
        pos = haystack.find(needle, pos + 1);
    }
    return false;
}

std::vector<std::string> words(std::string_view s) {
    // An apostrophe separates words ("l'État" -> "l", "état"); the "s" of a
    // possessive ("Women's") is dropped.
    std::vector<std::string> out;
    std::string current;
    bool after_apostrophe = false;
    const auto flush = [&] {
        if (!current.empty() && !(after_apostrophe && current == "s")) out.push_back(std::move(current));
        current.clear();
    };
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (is_apostrophe(ch)) {
            const bool joined = !current.empty();
            flush();
            after_apostrophe = joined;
            continue;
        }
        if (Xapian::Unicode::is_wordchar(ch) && ch != '_') {
            Xapian::Unicode::append_utf8(current, Xapian::Unicode::tolower(ch));
        } else {
            flush();
            after_apostrophe = false;
        }
    }
    flush();
    return out;
}

namespace {

/// ICU's normalizer singletons, looked up once behind C++ statics. ICU
/// creates them lazily, synchronised by its own atomics, which
/// ThreadSanitizer cannot see in Debian's uninstrumented libicu (it
/// reported two searchd threads' first normalisations as a race); the
/// guard of a function-local static it sees.
const icu::Normalizer2* looked_up(const icu::Normalizer2* (*get)(UErrorCode&)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = get(status);
    return U_FAILURE(status) ? nullptr : normalizer;
}

const icu::Normalizer2* nfc_normalizer() {
    static const icu::Normalizer2* const instance = looked_up(&icu::Normalizer2::getNFCInstance);
    return instance;
}

const icu::Normalizer2* nfd_normalizer() {
    static const icu::Normalizer2* const instance = looked_up(&icu::Normalizer2::getNFDInstance);
    return instance;
}

std::string normalized(const icu::Normalizer2* normalizer, std::string_view utf8) {
    if (normalizer == nullptr) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString out = normalizer->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string bytes;
    out.toUTF8String(bytes);
    return bytes;
}

/// Latin letters without their accents ("Société" -> "Societe"), through
/// Unicode decomposition; other scripts pass unchanged.
std::string fold_accents(std::string_view s) {
    const std::string decomposed = to_nfd(s);
    std::string out;
    for (Xapian::Utf8Iterator it(decomposed); it != Xapian::Utf8Iterator(); ++it)
        if (Xapian::Unicode::get_category(*it) != Xapian::Unicode::NON_SPACING_MARK) Xapian::Unicode::append_utf8(out, *it);
    return out;
}

}  // namespace

std::string to_nfc(std::string_view utf8) { return normalized(nfc_normalizer(), utf8); }

std::string to_nfd(std::string_view utf8) { return normalized(nfd_normalizer(), utf8); }

std::string slugify(std::string_view original) {
    const std::string folded = fold_accents(original);
    const std::string_view s = folded;
    std::string out;
    bool dash = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto uc = static_cast<unsigned char>(c);
        if ((uc >= 'a' && uc <= 'z') || (uc >= '0' && uc <= '9')) {
            if (dash && !out.empty()) out += '-';
            out += c;
            dash = false;
        } else if (uc >= 'A' && uc <= 'Z') {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(uc - 'A' + 'a');
            dash = false;
        } else if (uc == '\'') {
            continue;
        } else if (s.substr(i).starts_with("\u2019")) {  // a curly apostrophe, like a straight one
            i += 2;
            continue;
        } else {
            dash = true;
        }
    }
    return out;
}

std::string strip_decoration(std::string_view line) {
    std::string s = trim(line);
    const auto decoration = [](char c) { return c == '*' || c == '_' || c == '#' || c == '=' || c == '~'; };
    std::size_t b = 0, e = s.size();
    while (b < e && (decoration(s[b]) || s[b] == ' ')) ++b;
    while (e > b && (decoration(s[e - 1]) || s[e - 1] == ' ')) --e;
    return trim(std::string_view(s).substr(b, e - b));
}

std::size_t word_count(std::string_view s) {
    // Runs of non-space characters, where each Chinese or Japanese
    // character counts as a word of its own (those scripts use no spaces).
    std::size_t n = 0;
    bool in_word = false;
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (is_cjk(ch)) {
            ++n;
            in_word = false;
            continue;
        }
        const bool space = is_space_codepoint(ch);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find(separator, start), s.size());
        if (end > start) out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace stmt::text
