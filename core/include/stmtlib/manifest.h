/** @file manifest.h
 *  @brief corpus/manifest.csv: metadata for files that carry none, one row
 *  per file (file,title,organization,session,chapter,date,language,status,source).
 */
#pragma once

#include "stmtlib/front_matter.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

/// The manifest's file name, at the top of the corpus folder.
inline constexpr const char* MANIFEST_FILE = "manifest.csv";
/// The column naming the statement file, relative to the corpus folder.
inline constexpr const char* MANIFEST_FILE_COLUMN = "file";

struct CsvRow {
    int line = 0;  ///< line where the row starts
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<CsvRow> rows;
    int unclosed_quote_line = 0;  ///< where a quote opened and never closed; 0 if none
};

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line ends.
CsvTable parse_csv(std::string_view text);

/// Manifest rows by the relative path they describe. Problems (unknown
/// columns, duplicate rows, a row without a file) go to `diagnostics`.
std::map<std::string, MetadataLayer> parse_manifest(std::string_view text, const std::string& file,
                                                    std::vector<Diagnostic>& diagnostics);

}  // namespace stmt
