/** @file fuzz_manifest.cc
 *  @brief corpus/manifest.csv of any shape: the CSV reader and the rows
 *  as metadata.
 */
#include "fuzz_support.h"

#include "stmtlib/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = stmt::fuzz::as_text(data, size);
    const stmt::CsvTable table = stmt::parse_csv(input);
    for (const auto& row : table.rows)
        if (row.line < 1) std::abort();
    std::vector<stmt::Diagnostic> diagnostics;
    stmt::parse_manifest(input, "manifest.csv", diagnostics);
    return 0;
}
