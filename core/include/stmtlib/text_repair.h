/** @file text_repair.h
 *  @brief Repairs text as reposts damage it, before anything reads it.
 */
#pragma once

#include <string>
#include <string_view>

namespace stmt {

/// Undoes UTF-8 that was read as Windows-1252 and saved again
/// ("Secretariatâ€™s" -> "Secretariat’s"), folds non-breaking and other
/// fixed-width spaces into plain spaces, drops soft hyphens, zero-width
/// characters and byte-order marks, and puts the text in Unicode NFC.
/// Curly quotes and dashes are kept. Input must be valid UTF-8.
std::string repair_text(std::string_view utf8);

/// Only the Windows-1252 mojibake repair (exposed for tests).
std::string repair_mojibake(std::string_view utf8);

}  // namespace stmt
