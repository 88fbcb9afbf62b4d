/** @file library_reader.h
 *  @brief searchd's view of the database: one snapshot per generation
 *  (vocabulary, facet table) and a pool of Xapian::Database handles, one
 *  per concurrent request, since Xapian objects are not thread-safe.
 *
 *  A library may be several databases (repeated --db, or a stub listing
 *  local and `remote HOST:PORT` shards); they are searched as one.
 */
#pragma once

#include "stmtlib/completions.h"
#include "stmtlib/error.h"
#include "stmtlib/facet_table.h"
#include "stmtlib/shard_layout.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stmt {

/// The handles one request uses: the combined database and, when a shard
/// is remote (whose spelling table Xapian cannot read), an in-memory copy
/// of the library's spelling data.
struct Handles {
    Xapian::Database db;
    std::optional<Xapian::Database> spelling;
};

/// Everything that belongs to one generation of the database.
class Snapshot {
public:
    Snapshot(std::vector<ShardSource> shards, std::string generation);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

    const std::vector<ShardSource>& shards() const { return shards_; }
    const std::string& generation() const { return generation_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    const FacetTable& facets() const { return *facets_; }
    const Completions& completions() const { return completions_; }
    const std::string& built_at() const { return built_at_; }
    Xapian::doccount paragraph_count() const { return paragraph_count_; }
    Xapian::rev revision() const { return revision_; }  ///< 0 for several shards
    std::size_t remote_shards() const;
    /// False when a remote shard carries no exported spelling data.
    bool suggestions() const { return suggestions_; }

    /// Idle handles kept for reuse; more are opened for a peak of requests
    /// and closed after it (each holds a few file descriptors per shard).
    static constexpr std::size_t MAX_IDLE_HANDLES = 32;
    /// Handles for this generation: reused if some are free.
    Handles acquire();
    void release(Handles handles);
    /// New handles, not pooled ones (to read the generation afresh).
    Handles open_handles() const;

private:
    void attach_spelling(Handles& handles) const;
    void write_spelling(const std::map<std::string, Xapian::termcount>& words);

    std::vector<ShardSource> shards_;
    std::string generation_;
    Vocabulary vocabulary_;
    std::unique_ptr<FacetTable> facets_;
    Completions completions_;
    std::string built_at_;
    Xapian::doccount paragraph_count_ = 0;
    Xapian::rev revision_ = 0;
    bool suggestions_ = true;
    std::filesystem::path spelling_dir_;  ///< remote shards' spelling words; empty when all are local
    std::mutex pool_mutex_;
    std::vector<Handles> pool_;
};

/// A database handle lent for one request; returned to its snapshot's pool.
class Lease {
public:
    Lease(std::shared_ptr<Snapshot> snapshot);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Xapian::Database& db() { return handles_.db; }
    /// The database spelling suggestions come from, when not db().
    const Xapian::Database* spelling() const { return handles_.spelling ? &*handles_.spelling : nullptr; }
    const Snapshot& snapshot() const { return *snapshot_; }

private:
    std::shared_ptr<Snapshot> snapshot_;
    Handles handles_;
    int exceptions_ = 0;  ///< in flight when lent: more at return = the request failed
};

class LibraryReader {
public:
    /// How often a request may look at the stub files for a newer generation.
    static constexpr std::chrono::milliseconds RELOAD_CHECK_INTERVAL{500};

    /// Opens the databases named by `dbs` (stub files or database folders)
    /// as one library. Requests look for a new generation at most every
    /// `check_interval`; zero: only when check_now() is called (searchd: on
    /// SIGHUP).
    static Expected<std::unique_ptr<LibraryReader>> open(const std::vector<std::filesystem::path>& dbs,
                                                         std::chrono::milliseconds check_interval = RELOAD_CHECK_INTERVAL);
    static Expected<std::unique_ptr<LibraryReader>> open(const std::filesystem::path& db,
                                                         std::chrono::milliseconds check_interval = RELOAD_CHECK_INTERVAL) {
        return open(std::vector<std::filesystem::path>{db}, check_interval);
    }

    /// The current snapshot, switching first if the indexer replaced it.
    Lease lease();
    /// The current snapshot without database handles (same switching).
    std::shared_ptr<Snapshot> current();

    /// Looks at the stubs now and switches if they name a new generation.
    void check_now();

    /// Reads the served generation afresh (new handles, not pooled ones),
    /// so that a removed or damaged database is noticed.
    std::optional<Error> verify();

private:
    LibraryReader(std::vector<std::filesystem::path> dbs, std::chrono::milliseconds check_interval);
    static Expected<std::shared_ptr<Snapshot>> load(const std::vector<std::filesystem::path>& dbs);
    std::vector<std::filesystem::file_time_type> stub_times() const;
    void reload_if_changed(bool force);
    /// The snapshot now served, without looking for a newer one.
    std::shared_ptr<Snapshot> serving();

    std::vector<std::filesystem::path> dbs_;
    std::chrono::milliseconds check_interval_;
    std::mutex mutex_;  ///< guards current_
    std::shared_ptr<Snapshot> current_;
    std::mutex reload_mutex_;  ///< guards the two below; held while a generation loads
    std::vector<std::filesystem::file_time_type> stub_times_;
    std::chrono::steady_clock::time_point next_check_{};
};

}  // namespace stmt
