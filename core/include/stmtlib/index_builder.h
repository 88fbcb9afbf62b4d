/** @file index_builder.h
 *  @brief `indexer build` and `indexer update`: corpus folder -> a new
 *  database generation -> atomic switch.
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
    /// Threads that read, extract and parse files while one thread writes
    /// the database; 0: one per hardware thread. The database is the same
    /// whatever the number.
    unsigned jobs = 0;
    /// Shards to write the statements into (by a hash of the statement id).
    /// 0: one database for `build`, as many as the live library for `update`.
    std::size_t shards = 0;
    /// Called after each file: (files done, files in all, current file).
    std::function<void(std::size_t, std::size_t, const std::string&)> progress;
};

struct BuildReport {
    std::size_t files = 0;
    std::size_t statements = 0;  ///< statements in the new database
    std::size_t paragraphs = 0;  ///< paragraphs in the new database
    std::vector<SkippedFile> skipped;      ///< `relative` is the display path; reason "file:line: ..."
    std::vector<Diagnostic> warnings;      ///< indexed, but worth knowing
    std::vector<std::string> new_organizations;  ///< "Name (id)"
    std::string generation;                ///< folder name of the new database
    std::size_t shards = 1;                ///< databases the generation holds
    bool switched = false;                 ///< false when nothing changed or --strict refused
    // For `update`:
    bool full_rebuild = true;    ///< false when only changed files were indexed
    std::size_t added = 0, changed = 0, deleted = 0, unchanged = 0;
    std::string note;            ///< why a switch did or did not happen, for people
};

/// Builds and, unless strict mode finds a skipped file or nothing could be
/// indexed, switches to the new database. Errors that stop the whole build
/// (a broken vocabulary, an unwritable database folder) come back as Error;
/// the live database is left as it was.
Expected<BuildReport> build_index(const BuildOptions& options);

/// Indexes only files that are new or changed (by content fingerprint) and
/// deletes the statements of files that are gone, into a copy of the live
/// database, then switches. Nothing changed: no new generation. A changed
/// vocabulary or no live database: a full build.
Expected<BuildReport> update_index(const BuildOptions& options);

}  // namespace stmt
