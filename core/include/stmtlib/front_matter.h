/** @file front_matter.h
 *  @brief The YAML block between "---" lines at the top of a statement file.
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
    int line = 0;  ///< line in the statement file
};

struct FrontMatter {
    std::map<std::string, FrontMatterValue> fields;  ///< scalar fields by key
    std::vector<FrontMatterValue> themes;
    std::size_t body_offset = 0;  ///< byte offset where the statement text starts
    int body_line = 1;            ///< line number of that offset
};

/// Keys a front matter block may have ("organisation" is read as "organization").
inline const std::vector<std::string> FRONT_MATTER_KEYS = {
    "id", "title", "organization", "session", "chapter", "date",
    "language", "status", "themes", "source"};

/// Splits off and parses front matter; a file without one gives an empty
/// FrontMatter with body_offset 0. Problems are added to `diagnostics`
/// (a YAML syntax error is an error; an unknown key a warning).
FrontMatter parse_front_matter(std::string_view content, const std::string& file,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace stmt
