/** @file library_reader.cc
 *  @brief Snapshots keyed by generation; a swapped stub file is only seen by
 *  a newly opened Database, so each switch builds a new snapshot.
 */
#include "stmtlib/library_reader.h"

#include "stmtlib/schema.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <exception>
#include <fstream>
#include <map>
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

/// A remote shard's exported spelling words (see schema::META_SPELLING).
bool read_exported_spelling(const Xapian::Database& shard, std::map<std::string, Xapian::termcount>& words) {
    const std::string exported = shard.get_metadata(std::string(schema::META_SPELLING));
    if (exported.empty()) return false;
    std::istringstream lines(exported);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        words[line.substr(0, tab)] += static_cast<Xapian::termcount>(std::stoul(line.substr(tab + 1)));
    }
    return true;
}

}  // namespace

Snapshot::Snapshot(std::vector<ShardSource> shards, std::string generation)
    : shards_(std::move(shards)), generation_(std::move(generation)) {
    std::vector<FacetTable::Shard> opened;
    std::string vocabulary_json;
    std::map<std::string, Xapian::termcount> remote_spelling;
    for (const auto& shard : shards_) {
        Xapian::Database db = open_shard(shard);
        const std::string version = db.get_metadata(std::string(schema::META_SCHEMA_VERSION));
        if (version != schema::SCHEMA_VERSION)
            throw Xapian::DatabaseError(shard.describe() + ": schema version '" + version + "' is not '" +
                                        std::string(schema::SCHEMA_VERSION) + "': rebuild with this version's indexer");
        const std::string stored = db.get_metadata(std::string(schema::META_VOCABULARY));
        if (opened.empty()) vocabulary_json = stored;
        else if (stored != vocabulary_json)
            throw Xapian::DatabaseError(shard.describe() + ": built with another vocabulary than " +
                                        shards_.front().describe() + "; build shards together ('indexer build --shards N')");
        if (shard.remote && !read_exported_spelling(db, remote_spelling)) suggestions_ = false;
        opened.push_back({db, shard.remote});
    }
    const auto vocabulary = nlohmann::json::parse(vocabulary_json, nullptr, false);
    if (vocabulary.is_discarded()) throw Xapian::DatabaseError("the stored vocabulary is not valid JSON");
    vocabulary_ = vocabulary.get<Vocabulary>();
    facets_ = std::make_unique<FacetTable>(opened, vocabulary_);
    if (remote_shards() > 0) write_spelling(remote_spelling);

    Handles first;
    if (opened.size() == 1) first.db = opened.front().db;
    else
        for (const auto& shard : opened) first.db.add_database(shard.db);
    completions_ = Completions(first.db);
    built_at_ = first.db.get_metadata(std::string(schema::META_BUILT_AT));
    paragraph_count_ = first.db.get_doccount();
    if (opened.size() == 1) revision_ = first.db.get_revision();
    attach_spelling(first);
    pool_.push_back(std::move(first));
}

std::size_t Snapshot::remote_shards() const {
    return static_cast<std::size_t>(std::count_if(shards_.begin(), shards_.end(), [](const ShardSource& s) { return s.remote; }));
}

Handles Snapshot::open_handles() const {
    Handles handles{open_combined(shards_), std::nullopt};
    attach_spelling(handles);
    return handles;
}

void Snapshot::write_spelling(const std::map<std::string, Xapian::termcount>& words) {
    // Xapian's in-memory backend has no spelling table: a small private
    // glass database holds the remote shards' words instead.
    const fs::path base = std::getenv("TMPDIR") ? fs::path(std::getenv("TMPDIR")) : fs::temp_directory_path();
    std::string pattern = (base / "stmtlib-spelling-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw Xapian::DatabaseCreateError(pattern + ": cannot create a folder for spelling data");
    spelling_dir_ = pattern;
    Xapian::WritableDatabase db((spelling_dir_ / "db").string(), Xapian::DB_CREATE);
    if (suggestions_)
        for (const auto& [word, frequency] : words) db.add_spelling(word, frequency);
    db.commit();
    db.close();
}

Snapshot::~Snapshot() {
    if (spelling_dir_.empty()) return;
    std::error_code ec;
    fs::remove_all(spelling_dir_, ec);  // open handles keep reading unlinked files
}

void Snapshot::attach_spelling(Handles& handles) const {
    if (spelling_dir_.empty()) return;
    // The parser's database for spelling: the shards (for term_exists and the
    // local shards' spelling tables) plus the remote shards' exported words.
    Xapian::Database spelling = suggestions_ ? handles.db : Xapian::Database();
    spelling.add_database(Xapian::Database((spelling_dir_ / "db").string()));
    handles.spelling = std::move(spelling);
}

Handles Snapshot::acquire() {
    {
        std::lock_guard lock(pool_mutex_);
        if (!pool_.empty()) {
            Handles handles = std::move(pool_.back());
            pool_.pop_back();
            return handles;
        }
    }
    return open_handles();
}

void Snapshot::release(Handles handles) {
    std::lock_guard lock(pool_mutex_);
    // Beyond this many idle handles a peak's extra ones are closed, so that
    // the descriptors they hold go back to what steady traffic needs.
    if (pool_.size() < MAX_IDLE_HANDLES) pool_.push_back(std::move(handles));
}

Lease::Lease(std::shared_ptr<Snapshot> snapshot)
    : snapshot_(std::move(snapshot)), handles_(snapshot_->acquire()), exceptions_(std::uncaught_exceptions()) {}

Lease::~Lease() {
    // Handles of a failed request (e.g. a remote shard's connection lost) are
    // dropped, so that the next request opens fresh ones.
    if (std::uncaught_exceptions() > exceptions_) return;
    snapshot_->release(std::move(handles_));
}

LibraryReader::LibraryReader(std::vector<fs::path> dbs, std::chrono::milliseconds check_interval)
    : dbs_(std::move(dbs)), check_interval_(check_interval) {}

Expected<std::shared_ptr<Snapshot>> LibraryReader::load(const std::vector<fs::path>& dbs) {
    std::vector<ShardSource> shards;
    std::string generation;
    for (const auto& db : dbs) {
        std::error_code ec;
        if (!fs::exists(db, ec))
            return Error{ErrorCode::database_unavailable, db.string() + ": no database here; run 'indexer build' first", "db"};
        std::string name;
        auto expanded = expand_shards(resolve_stub(db, name));
        if (!expanded) return expanded.error();
        shards.insert(shards.end(), expanded->begin(), expanded->end());
        generation += (generation.empty() ? "" : "+") + name;
    }
    std::string names;
    for (const auto& db : dbs) names += (names.empty() ? "" : ", ") + db.string();
    try {
        return std::make_shared<Snapshot>(std::move(shards), generation);
    } catch (const Xapian::Error& e) {
        return Error{ErrorCode::database_unavailable, names + ": " + e.get_description(), "db"};
    } catch (const nlohmann::json::exception& e) {
        return Error{ErrorCode::database_unavailable, names + ": stored vocabulary: " + std::string(e.what()), "db"};
    }
}

std::vector<fs::file_time_type> LibraryReader::stub_times() const {
    std::vector<fs::file_time_type> times;
    for (const auto& db : dbs_) {
        std::error_code ec;
        times.push_back(fs::last_write_time(db, ec));
    }
    return times;
}

Expected<std::unique_ptr<LibraryReader>> LibraryReader::open(const std::vector<fs::path>& dbs,
                                                             std::chrono::milliseconds check_interval) {
    if (dbs.empty()) return Error{ErrorCode::database_unavailable, "no database given", "db"};
    auto snapshot = load(dbs);
    if (!snapshot) return snapshot.error();
    std::unique_ptr<LibraryReader> reader(new LibraryReader(dbs, check_interval));
    reader->current_ = std::move(*snapshot);
    reader->stub_times_ = reader->stub_times();
    reader->next_check_ = std::chrono::steady_clock::now() + check_interval;
    return reader;
}

void LibraryReader::reload_if_changed(bool force) {
    // One request at a time looks at the stubs and loads a new generation;
    // meanwhile the others go on serving the current snapshot. A forced
    // check waits its turn instead, so that it is never skipped.
    std::unique_lock reloading(reload_mutex_, std::defer_lock);
    if (force) reloading.lock();
    else if (check_interval_.count() == 0 || !reloading.try_lock()) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now < next_check_) return;
    next_check_ = now + check_interval_;
    const auto times = stub_times();
    std::string generation;
    for (const auto& db : dbs_) {
        std::string name;
        resolve_stub(db, name);
        generation += (generation.empty() ? "" : "+") + name;
    }
    if (times == stub_times_ && generation == serving()->generation()) return;
    auto snapshot = load(dbs_);
    if (!snapshot) return;  // keep serving the generation we have
    std::lock_guard lock(mutex_);
    current_ = std::move(*snapshot);
    stub_times_ = times;
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
        const Handles fresh = snapshot->open_handles();
        if (fresh.db.get_doccount() != snapshot->paragraph_count())
            return Error{ErrorCode::database_unavailable,
                         "generation " + snapshot->generation() + " changed on disk under the server", ""};
        fresh.db.get_metadata(std::string(schema::META_SCHEMA_VERSION));
    } catch (const Xapian::Error& e) {
        return Error{ErrorCode::database_unavailable,
                     "generation " + snapshot->generation() + " cannot be read: " + e.get_description(), ""};
    }
    return std::nullopt;
}

}  // namespace stmt
