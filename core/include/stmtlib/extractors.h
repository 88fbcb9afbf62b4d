/** @file extractors.h
 *  @brief PDF, Word (.docx) and HTML statements -> plain text that goes
 *  through the same header inference and paragraph splitting as .txt files.
 *
 *  Every extractor returns UTF-8 text with one paragraph (or heading, or
 *  list item) per block and a blank line between blocks, or an Error with
 *  ErrorCode::unreadable_document and a message a person can act on
 *  ("encrypted PDF", "no text layer: scanned, needs OCR", ...).
 */
#pragma once

#include "stmtlib/error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

struct Extraction {
    std::string text;                   ///< blocks separated by blank lines
    std::vector<std::string> warnings;  ///< e.g. "dropped 12 page numbers"
};

/// A .docx whose parts would inflate beyond this is refused (zip bomb).
inline constexpr std::uint64_t MAX_DOCX_INFLATED_BYTES = 64ull * 1024 * 1024;
/// ... or whose compression ratio exceeds this.
inline constexpr std::uint64_t MAX_DOCX_COMPRESSION_RATIO = 200;
/// Parts that would inflate to less than this are not ratio-checked: a few
/// kilobytes of repetitive XML compress that well without being a bomb.
inline constexpr std::uint64_t MIN_DOCX_RATIO_CHECKED_BYTES = 1024ull * 1024;

Expected<Extraction> extract_pdf(std::string_view bytes);
Expected<Extraction> extract_docx(std::string_view bytes);
Expected<Extraction> extract_html(std::string_view bytes);

}  // namespace stmt
