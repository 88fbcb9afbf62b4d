/** @file index_builder.h
 *  @brief `indexer build`: corpus folder -> a new database generation ->
 *  atomic switch.
 */
#pragma once

#include "stmtlib/corpus_scanner.h"
#include "stmtlib/error.h"
#include "stmtlib/statement.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace stmt {

struct BuildOptions {
    std::filesystem::path corpus;
    std::filesystem::path db;          ///< the stub file searchd opens
    std::filesystem::path vocabulary;  ///< default: corpus/vocabulary
    bool strict = false;               ///< any skipped file fails the build
    std::uintmax_t max_file_bytes = DEFAULT_MAX_FILE_BYTES;
    /// Called after each file: (files done, files in all, current file).
    std::function<void(std::size_t, std::size_t, const std::string&)> progress;
};

struct BuildReport {
    std::size_t files = 0;
    std::size_t statements = 0;
    std::size_t paragraphs = 0;
    std::vector<SkippedFile> skipped;      ///< with "file:line: reason"
    std::vector<Diagnostic> warnings;      ///< indexed, but worth knowing
    std::vector<std::string> new_organizations;  ///< "Name (id)"
    std::string generation;                ///< folder name of the new database
    bool switched = false;                 ///< false when --strict refused
};

/// Builds and, unless strict mode finds a skipped file, switches to the new
/// database. Errors that stop the whole build (a broken vocabulary, an
/// unwritable database folder) come back as Error; the live database is
/// left as it was.
Expected<BuildReport> build_index(const BuildOptions& options);

}  // namespace stmt
