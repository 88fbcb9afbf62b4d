/** @file library_admin.h
 *  @brief What an administrator asks of a built library: a compact
 *  single-file copy (for backups) and counts by facet.
 */
#pragma once

#include "stmtlib/error.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace stmt {

/// Writes the database `db` (a stub file or a Xapian database) compacted
/// into the single file `output`, through a temporary file renamed at the
/// end, so that a failed compaction leaves no half-written output.
Expected<std::filesystem::path> compact_library(const std::filesystem::path& db, const std::filesystem::path& output);

struct StatsRow {
    std::string value;  ///< an id: ahc-5, gender, en, ...
    std::size_t statements = 0;
    std::size_t paragraphs = 0;
};

struct LibraryStats {
    std::size_t statements = 0;
    std::size_t paragraphs = 0;
    /// Field (session, chapter, theme, organization, language) -> its values,
    /// most statements first.
    std::vector<std::pair<std::string, std::vector<StatsRow>>> fields;
};

void to_json(nlohmann::json& j, const LibraryStats& stats);

Expected<LibraryStats> library_stats(const std::filesystem::path& db);

/// The stats as aligned plain-text tables, one per field.
std::string stats_table(const LibraryStats& stats);

}  // namespace stmt
