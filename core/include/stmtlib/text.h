/** @file text.h
 *  @brief Small Unicode-aware text helpers shared by parsing and tagging.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stmt::text {

/// Chinese characters and Japanese kana: scripts written without spaces.
inline bool is_cjk(unsigned ch) {
    return (ch >= 0x3040 && ch <= 0x30FF) || (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF);
}

/// Offset of the first byte that is not valid UTF-8, or nullopt if all is.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Removes leading and trailing ASCII and Unicode white space.
std::string trim(std::string_view s);

/// Lowercases and reduces to words separated by single spaces, splitting
/// letters from digits ("AHC5" -> "ahc 5", "5th" -> "5 th"), so that the
/// many spellings of a name compare equal.
std::string normalize_for_matching(std::string_view s);

/// True if `needle` (normalised) occurs in `haystack` (normalised) as whole words.
bool contains_words(std::string_view haystack, std::string_view needle);

/// Lowercased words (letters and digits; "'s" dropped), in order.
std::vector<std::string> words(std::string_view s);

/// Unicode normalisation form C (composed) and D (decomposed) of UTF-8
/// text, through ICU; the text unchanged if ICU fails.
std::string to_nfc(std::string_view utf8);
std::string to_nfd(std::string_view utf8);

/// ASCII kebab-case id: "Human Rights Watch" -> "human-rights-watch".
std::string slugify(std::string_view s);

/// Strips Markdown-style decoration around a header line: "*X*", "**X**",
/// "# X", "_X_".
std::string strip_decoration(std::string_view line);

/// Number of words (runs of non-space characters).
std::size_t word_count(std::string_view s);

/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Splits on a single character, dropping empty pieces.
std::vector<std::string> split(std::string_view s, char separator);

}  // namespace stmt::text
