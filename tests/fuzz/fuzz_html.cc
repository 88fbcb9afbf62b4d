/** @file fuzz_html.cc
 *  @brief HTML pages of any shape through the HTML extractor.
 */
#include "fuzz_support.h"

#include "stmtlib/extractors.h"
#include "stmtlib/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto extraction = stmt::extract_html(stmt::fuzz::as_text(data, size));
    if (extraction && stmt::text::find_invalid_utf8(extraction->text)) std::abort();
    return 0;
}
