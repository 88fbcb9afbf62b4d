/** @file extract_common.h
 *  @brief What the PDF, Word and HTML extractors share: their error, and
 *  turning blocks of extracted text into clean UTF-8 with blank lines
 *  between blocks.
 */
#pragma once

#include "stmtlib/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace stmt::extract {

/// An ErrorCode::unreadable_document error with this message.
Error unreadable(std::string message);

/// Valid UTF-8 with no control characters: invalid bytes become U+FFFD,
/// tabs and form feeds spaces, CR line ends LF, other C0/C1 controls (NUL
/// included) and byte-order marks are dropped, ligatures (U+FB00..U+FB04)
/// are spelled out.
std::string sanitize_utf8(std::string_view s);

/// The extractors' output: each block sanitised, runs of spaces collapsed,
/// each line trimmed; a blank line inside a block splits it; empty blocks
/// are dropped; "\n\n" between blocks.
std::string join_blocks(const std::vector<std::string>& blocks);

/// True if the text starts with a lowercase letter.
bool starts_lowercase(std::string_view s);

/// True if the text ends like a sentence (., !, ?, : or ;), perhaps inside
/// closing quotes or brackets.
bool ends_sentence(std::string_view s);

/// True if the text starts with a bullet character (•, ●, ▪, ◦, or Symbol's U+F0B7).
bool starts_bullet(std::string_view s);

/// Appends the next line of a paragraph after a space; or, when the paragraph
/// ends in a hyphen after a letter (a word cut at the line end), without one:
/// dropping the hyphen before a lowercase letter ("inter-" + "national"),
/// keeping it before anything else ("non-" + "State"). A soft hyphen at the
/// end is always dropped.
void append_line(std::string& paragraph, std::string_view line);

/// Windows-1252 (which HTML also uses for "iso-8859-1") bytes to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace stmt::extract
