/** @file fuzz_docx.cc
 *  @brief Word files of any shape (zip containers, XML parts) through the
 *  DOCX extractor; the zip-bomb limits must hold too.
 */
#include "fuzz_support.h"

#include "stmtlib/extractors.h"
#include "stmtlib/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto extraction = stmt::extract_docx(stmt::fuzz::as_text(data, size));
    if (extraction && stmt::text::find_invalid_utf8(extraction->text)) std::abort();
    return 0;
}
