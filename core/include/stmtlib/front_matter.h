/** @file front_matter.h
 *  @brief Explicit metadata: the YAML block between "---" lines at the top
 *  of a statement file, a sidecar file (NAME.pdf.yaml), or a manifest row.
 */
#pragma once

#include "stmtlib/statement.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

struct FrontMatterValue {
    std::string value;
    int line = 0;      ///< line in `file`
    std::string file;  ///< where the value was written (for messages)
};

/// One source of explicit metadata, keyed like front matter.
struct MetadataLayer {
    std::map<std::string, FrontMatterValue> fields;  ///< scalar fields by key
    std::vector<FrontMatterValue> themes;
    bool empty() const { return fields.empty() && themes.empty(); }
};

struct FrontMatter : MetadataLayer {
    std::size_t body_offset = 0;  ///< byte offset where the statement text starts
    int body_line = 1;            ///< line number of that offset
};

/// Keys explicit metadata may have ("organisation" is read as "organization").
inline const std::vector<std::string> FRONT_MATTER_KEYS = {
    "id", "title", "organization", "session", "chapter", "date",
    "language", "status", "themes", "source"};

/// Parses a YAML mapping of metadata keys; `first_line` is the file line of
/// the YAML's first line. Problems go to `diagnostics` (a syntax error is an
/// error; an unknown key a warning).
MetadataLayer parse_metadata_yaml(std::string_view yaml, const std::string& file, int first_line,
                                  std::vector<Diagnostic>& diagnostics);

/// Splits off and parses front matter; a file without one gives an empty
/// FrontMatter with body_offset 0.
FrontMatter parse_front_matter(std::string_view content, const std::string& file,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace stmt
