/** @file library_reader.cc
 *  @brief Snapshots keyed by generation; a swapped stub file is only seen by
 *  a newly opened Database, so each switch builds a new snapshot.
 */
#include "stmtlib/library_reader.h"

#include "stmtlib/schema.h"

#include <fstream>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

/// The concrete database a one-line local stub names, so that all handles
/// of a snapshot open the same generation even if the stub is swapped
/// meanwhile. Other stubs (remote shards, several databases) open as given.
fs::path resolve_stub(const fs::path& db, std::string& generation) {
    generation = db.filename().string();
    std::error_code ec;
    if (!fs::is_regular_file(db, ec)) return db;
    std::ifstream in(db);
    std::string line, backend, path, rest;
    std::vector<std::string> lines;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    if (lines.size() != 1) return db;
    std::istringstream words(lines.front());
    if (!(words >> backend >> path) || (words >> rest)) return db;
    if (backend != "auto" && backend != "glass" && backend != "chert" && backend != "honey") return db;
    fs::path target(path);
    if (target.is_relative()) target = db.parent_path() / target;
    generation = target.filename().string();
    return target;
}

}  // namespace

Snapshot::Snapshot(fs::path path, std::string generation, const Xapian::Database& db)
    : path_(std::move(path)), generation_(std::move(generation)) {
    const std::string version = db.get_metadata(std::string(schema::META_SCHEMA_VERSION));
    if (version != schema::SCHEMA_VERSION)
        throw Xapian::DatabaseError("schema version '" + version + "' is not '" + std::string(schema::SCHEMA_VERSION) +
                                    "': rebuild with this version's indexer");
    const auto vocabulary = nlohmann::json::parse(db.get_metadata(std::string(schema::META_VOCABULARY)), nullptr, false);
    if (vocabulary.is_discarded()) throw Xapian::DatabaseError("the stored vocabulary is not valid JSON");
    vocabulary_ = vocabulary.get<Vocabulary>();
    facets_ = std::make_unique<FacetTable>(db, vocabulary_);
    completions_ = Completions(db);
    built_at_ = db.get_metadata(std::string(schema::META_BUILT_AT));
    paragraph_count_ = db.get_doccount();
    revision_ = db.get_revision();
    pool_.push_back(db);
}

Xapian::Database Snapshot::acquire() {
    {
        std::lock_guard lock(pool_mutex_);
        if (!pool_.empty()) {
            Xapian::Database db = std::move(pool_.back());
            pool_.pop_back();
            return db;
        }
    }
    return Xapian::Database(path_.string());
}

void Snapshot::release(Xapian::Database db) {
    std::lock_guard lock(pool_mutex_);
    pool_.push_back(std::move(db));
}

Lease::Lease(std::shared_ptr<Snapshot> snapshot) : snapshot_(std::move(snapshot)), db_(snapshot_->acquire()) {}

Lease::~Lease() { snapshot_->release(std::move(db_)); }

LibraryReader::LibraryReader(fs::path db, std::chrono::milliseconds check_interval)
    : db_(std::move(db)), check_interval_(check_interval) {}

Expected<std::shared_ptr<Snapshot>> LibraryReader::load(const fs::path& db) {
    std::error_code ec;
    if (!fs::exists(db, ec))
        return Error{ErrorCode::database_unavailable, db.string() + ": no database here; run 'indexer build' first", "db"};
    std::string generation;
    const fs::path path = resolve_stub(db, generation);
    try {
        Xapian::Database handle(path.string());
        return std::make_shared<Snapshot>(path, generation, handle);
    } catch (const Xapian::Error& e) {
        return Error{ErrorCode::database_unavailable, db.string() + ": " + e.get_description(), "db"};
    } catch (const nlohmann::json::exception& e) {
        return Error{ErrorCode::database_unavailable, db.string() + ": stored vocabulary: " + e.what(), "db"};
    }
}

Expected<std::unique_ptr<LibraryReader>> LibraryReader::open(const fs::path& db, std::chrono::milliseconds check_interval) {
    auto snapshot = load(db);
    if (!snapshot) return snapshot.error();
    std::unique_ptr<LibraryReader> reader(new LibraryReader(db, check_interval));
    reader->current_ = std::move(*snapshot);
    std::error_code ec;
    reader->stub_time_ = fs::last_write_time(db, ec);
    reader->next_check_ = std::chrono::steady_clock::now() + check_interval;
    return reader;
}

void LibraryReader::reload_if_changed(bool force) {
    // One request at a time looks at the stub and loads a new generation;
    // meanwhile the others go on serving the current snapshot. A forced
    // check waits its turn instead, so that it is never skipped.
    std::unique_lock reloading(reload_mutex_, std::defer_lock);
    if (force) reloading.lock();
    else if (check_interval_.count() == 0 || !reloading.try_lock()) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now < next_check_) return;
    next_check_ = now + check_interval_;
    std::error_code ec;
    const auto time = fs::last_write_time(db_, ec);
    std::string generation;
    resolve_stub(db_, generation);
    std::string serving;
    {
        std::lock_guard lock(mutex_);
        serving = current_->generation();
    }
    if (ec || (time == stub_time_ && generation == serving)) return;
    auto snapshot = load(db_);
    if (!snapshot) return;  // keep serving the generation we have
    std::lock_guard lock(mutex_);
    current_ = std::move(*snapshot);
    stub_time_ = time;
}

std::shared_ptr<Snapshot> LibraryReader::current() {
    reload_if_changed(false);
    return serving();
}

std::shared_ptr<Snapshot> LibraryReader::serving() {
    std::lock_guard lock(mutex_);
    return current_;
}

Lease LibraryReader::lease() {
    try {
        return Lease(current());
    } catch (const Xapian::DatabaseOpeningError&) {
        // No pooled handle was free and the generation is gone from disk:
        // the indexer has pruned it, so the stub names a newer one.
        reload_if_changed(true);
        return Lease(serving());
    }
}

void LibraryReader::check_now() { reload_if_changed(true); }

std::optional<Error> LibraryReader::verify() {
    const auto snapshot = serving();
    try {
        const Xapian::Database fresh(snapshot->path().string());
        if (fresh.get_doccount() != snapshot->paragraph_count())
            return Error{ErrorCode::database_unavailable,
                         "generation " + snapshot->generation() + " changed on disk under the server", ""};
        fresh.get_metadata(std::string(schema::META_SCHEMA_VERSION));
    } catch (const Xapian::Error& e) {
        return Error{ErrorCode::database_unavailable,
                     "generation " + snapshot->generation() + " cannot be read: " + e.get_description(), ""};
    }
    return std::nullopt;
}

}  // namespace stmt
