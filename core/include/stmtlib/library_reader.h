/** @file library_reader.h
 *  @brief searchd's view of the database: one snapshot per generation
 *  (vocabulary, facet table) and a pool of Xapian::Database handles, one
 *  per concurrent request, since Xapian objects are not thread-safe.
 */
#pragma once

#include "stmtlib/completions.h"
#include "stmtlib/error.h"
#include "stmtlib/facet_table.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stmt {

/// Everything that belongs to one generation of the database.
class Snapshot {
public:
    Snapshot(std::filesystem::path path, std::string generation, const Xapian::Database& db);

    const std::filesystem::path& path() const { return path_; }
    const std::string& generation() const { return generation_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    const FacetTable& facets() const { return *facets_; }
    const Completions& completions() const { return completions_; }
    const std::string& built_at() const { return built_at_; }
    Xapian::doccount paragraph_count() const { return paragraph_count_; }
    Xapian::rev revision() const { return revision_; }

    /// A database handle for this generation: reused if one is free.
    Xapian::Database acquire();
    void release(Xapian::Database db);

private:
    std::filesystem::path path_;
    std::string generation_;
    Vocabulary vocabulary_;
    std::unique_ptr<FacetTable> facets_;
    Completions completions_;
    std::string built_at_;
    Xapian::doccount paragraph_count_ = 0;
    Xapian::rev revision_ = 0;
    std::mutex pool_mutex_;
    std::vector<Xapian::Database> pool_;
};

/// A database handle lent for one request; returned to its snapshot's pool.
class Lease {
public:
    Lease(std::shared_ptr<Snapshot> snapshot);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Xapian::Database& db() { return db_; }
    const Snapshot& snapshot() const { return *snapshot_; }

private:
    std::shared_ptr<Snapshot> snapshot_;
    Xapian::Database db_;
};

class LibraryReader {
public:
    /// How often a request may look at the stub file for a newer generation.
    static constexpr std::chrono::milliseconds RELOAD_CHECK_INTERVAL{500};

    /// Opens the database named by `db` (a stub file or a database folder).
    /// Requests look for a new generation at most every `check_interval`;
    /// zero: only when check_now() is called (searchd: on SIGHUP).
    static Expected<std::unique_ptr<LibraryReader>> open(const std::filesystem::path& db,
                                                         std::chrono::milliseconds check_interval = RELOAD_CHECK_INTERVAL);

    /// The current snapshot, switching first if the indexer replaced it.
    Lease lease();
    /// The current snapshot without a database handle (same switching).
    std::shared_ptr<Snapshot> current();

    /// Looks at the stub now and switches if it names a new generation.
    void check_now();

    /// Reads the served generation afresh from disk (a new handle, not a
    /// pooled one), so that a removed or damaged database is noticed.
    std::optional<Error> verify();

private:
    LibraryReader(std::filesystem::path db, std::chrono::milliseconds check_interval);
    static Expected<std::shared_ptr<Snapshot>> load(const std::filesystem::path& db);
    void reload_if_changed(bool force);
    /// The snapshot now served, without looking for a newer one.
    std::shared_ptr<Snapshot> serving();

    std::filesystem::path db_;
    std::chrono::milliseconds check_interval_;
    std::mutex mutex_;  ///< guards current_
    std::shared_ptr<Snapshot> current_;
    std::mutex reload_mutex_;  ///< guards the two below; held while a generation loads
    std::filesystem::file_time_type stub_time_{};
    std::chrono::steady_clock::time_point next_check_{};
};

}  // namespace stmt
