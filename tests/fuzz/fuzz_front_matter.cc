/** @file fuzz_front_matter.cc
 *  @brief The YAML front matter at the top of a statement file, and the
 *  same YAML as a sidecar file: any bytes give metadata or diagnostics.
 */
#include "fuzz_support.h"

#include "stmtlib/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = stmt::fuzz::as_text(data, size);
    std::vector<stmt::Diagnostic> diagnostics;
    const stmt::FrontMatter front = stmt::parse_front_matter(input, "fuzz.md", diagnostics);
    // The body must start inside the file, after the front matter.
    if (front.body_offset > input.size() || front.body_line < 1) std::abort();
    stmt::parse_metadata_yaml(input, "fuzz.pdf.yaml", 1, diagnostics);
    return 0;
}
