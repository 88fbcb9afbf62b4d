/** @file index_builder.cc
 *  @brief Full builds and incremental updates share one path per file:
 *  read -> parse -> documents; both write a new generation, commit
 *  explicitly, then switch.
 */
#include "stmtlib/index_builder.h"

#include "shard_writers.h"

#include "stmtlib/corpus_reader.h"
#include "stmtlib/document_builder.h"
#include "stmtlib/library_store.h"
#include "stmtlib/schema.h"
#include "stmtlib/shard_layout.h"
#include "stmtlib/statement_parser.h"
#include "stmtlib/vocabulary.h"
#include "stmtlib/xapian_language.h"

#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

std::string now_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string first_error(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::error) return d.to_string();
    return {};
}

fs::path vocabulary_dir(const BuildOptions& options) {
    return options.vocabulary.empty() ? options.corpus / VOCABULARY_FOLDER : options.vocabulary;
}

/// Hash of every vocabulary file's name and bytes.
std::string vocabulary_hash(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::string material;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        material += f.filename().string() + "\x1f" + bytes.str() + "\x1e";
    }
    return content_hash(material);
}

/// What the database records about each indexed file.
struct IndexedFile {
    std::string fingerprint;
    std::string id;
    std::size_t paragraphs = 0;
};
using FileIndex = std::map<std::string, IndexedFile>;

nlohmann::json to_json(const FileIndex& files) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [path, f] : files) j[path] = {{"fingerprint", f.fingerprint}, {"id", f.id}, {"paragraphs", f.paragraphs}};
    return j;
}

FileIndex file_index_from(const std::string& stored) {
    FileIndex files;
    const auto j = nlohmann::json::parse(stored, nullptr, false);
    if (!j.is_object()) return files;
    for (const auto& [path, f] : j.items())
        files[path] = {f.value("fingerprint", ""), f.value("id", ""), f.value("paragraphs", std::size_t{0})};
    return files;
}

/// Files a worker may read and parse ahead of the writer, per worker:
/// enough to keep the writer busy, few enough to bound memory.
constexpr std::size_t PARSE_AHEAD_PER_JOB = 16;

/// One file read, fingerprinted and parsed: all that can run beside the
/// writer.
struct ParsedFile {
    std::string fingerprint;
    std::optional<Error> read_error;      ///< the file could not be read or extracted
    std::vector<Diagnostic> diagnostics;  ///< from reading (extraction, sidecar)
    ParseOutcome outcome;
    /// Set when the parse must be redone by the writer with the shared
    /// vocabulary: the worker's copy met an organisation it did not know,
    /// which the writer's vocabulary may know by now (or must learn, in
    /// corpus order, so that ids and warnings equal a serial build's).
    std::optional<StatementSource> source;
    /// Organisations the shared vocabulary knew before this file was parsed
    /// with it (a serial build); a skipped file's discoveries are forgotten.
    std::optional<std::size_t> shared_orgs_before;
    /// The statement's documents and spelling words, when built beside the
    /// writer (not for a source the writer parses again).
    std::optional<std::vector<Xapian::Document>> documents;
    SpellingCounts spelling;
};

/// Reads (once) and parses a file with `vocabulary`. With `speculative`,
/// an organisation the vocabulary does not know is not kept in it: the
/// source comes back for the writer to parse again. With `builder`, the
/// documents of a parsed statement are built too.
ParsedFile read_and_parse(const CorpusReader& reader, const CorpusFile& file, const std::string* fingerprint,
                          Vocabulary& vocabulary, const ThemeTagger& tagger, bool speculative = false,
                          DocumentBuilder* builder = nullptr) {
    ParsedFile out;
    auto source = reader.read(file, out.diagnostics, fingerprint ? nullptr : &out.fingerprint);
    if (fingerprint) out.fingerprint = *fingerprint;
    if (!source) {
        out.read_error = source.error();
        return out;
    }
    const std::size_t known_orgs = vocabulary.organizations.size();
    if (!speculative) out.shared_orgs_before = known_orgs;
    out.outcome = parse_statement(*source, vocabulary, tagger);
    if (speculative && vocabulary.organizations.size() != known_orgs) {
        vocabulary.organizations.resize(known_orgs);
        out.outcome = {};
        out.source = std::move(*source);
    }
    if (builder && out.outcome.statement)
        out.documents = builder->build(*out.outcome.statement, vocabulary, &out.spelling);
    return out;
}

using Shards = std::vector<Xapian::WritableDatabase>;

/// Lays out a new generation: one shard is the generation folder itself;
/// several are shard-N folders beside a stub (XAPIANDB) listing them, so
/// that the generation opens as one database. Returns the shards' paths,
/// for ShardWriters to create.
std::vector<fs::path> lay_out_shards(const fs::path& generation, std::size_t count) {
    if (count <= 1) return {generation};
    fs::create_directories(generation);
    std::vector<fs::path> paths;
    std::ofstream stub(generation / STUB_FOLDER_FILE);
    for (std::size_t i = 0; i < count; ++i) {
        paths.push_back(generation / shard_folder_name(i));
        stub << "glass " << shard_folder_name(i) << "\n";
    }
    stub.close();
    if (!stub) throw Xapian::DatabaseCreateError((generation / STUB_FOLDER_FILE).string() + ": cannot write");
    return paths;
}

/// How many shards a generation folder holds (1 unless it is a stub folder).
std::size_t shard_count(const fs::path& generation) {
    std::error_code ec;
    if (!fs::exists(generation / STUB_FOLDER_FILE, ec)) return 1;
    std::size_t count = 0;
    while (fs::is_directory(generation / shard_folder_name(count), ec)) ++count;
    return count;
}

Shards open_shards(const fs::path& generation) {
    const std::size_t count = shard_count(generation);
    if (count <= 1 && !fs::exists(generation / STUB_FOLDER_FILE))
        return {Xapian::WritableDatabase(generation.string(), Xapian::DB_OPEN)};
    Shards shards;
    for (std::size_t i = 0; i < count; ++i)
        shards.emplace_back((generation / shard_folder_name(i)).string(), Xapian::DB_OPEN);
    return shards;
}

/// Where a FileIndexer's documents go. A full build adds them to new
/// shards through the part writers; an update writes into a copy of the
/// live shards, where a paragraph replaces its earlier version by its id
/// term, and commits once, at the end: Xapian 1.4 aborted the process
/// (terminate inside commit) when the disk filled at an intermediate
/// commit of an update, while its single final commit fails cleanly.
struct WriteTarget {
    ShardWriters* fresh = nullptr;
    Shards* existing = nullptr;
    std::size_t shard_count() const { return fresh ? fresh->shard_count() : existing->size(); }
};

/// Indexes files into writable shards, keeping the file index, the report
/// and the id registry up to date. Spelling words are gathered per shard
/// and written by finish_writing(), once per word.
class FileIndexer {
public:
    FileIndexer(WriteTarget target, Vocabulary& vocabulary, const CorpusReader& reader, BuildReport& report,
                FileIndex& files)
        : target_(target), vocabulary_(vocabulary), reader_(reader), report_(report), files_(files),
          tagger_(vocabulary, DEFAULT_LANGUAGE), spelling_(target.shard_count()) {
        for (const auto& [path, f] : files_)
            if (!f.id.empty()) ids_[f.id] = path;
    }

    /// Indexes a file read and parsed beforehand (possibly by a worker
    /// thread with its own copy of the vocabulary): what only the writer
    /// may do, in corpus order. A file that cannot be a statement is skipped.
    void index(const CorpusFile& file, ParsedFile parsed) {
        const std::size_t known_orgs = parsed.shared_orgs_before.value_or(vocabulary_.organizations.size());
        const std::string& fingerprint = parsed.fingerprint;
        if (parsed.read_error)
            return skip(file, fingerprint, reader_.display(file.relative) + ":1: " + parsed.read_error->message, known_orgs);
        if (parsed.source) parsed.outcome = parse_statement(*parsed.source, vocabulary_, tagger_);
        std::vector<Diagnostic>& diagnostics = parsed.diagnostics;
        diagnostics.insert(diagnostics.end(), parsed.outcome.diagnostics.begin(), parsed.outcome.diagnostics.end());
        for (const auto& d : diagnostics)
            if (d.severity == Diagnostic::Severity::warning) report_.warnings.push_back(d);
        if (!parsed.outcome.statement) return skip(file, fingerprint, first_error(diagnostics), known_orgs);
        const Statement& s = *parsed.outcome.statement;
        if (const auto clash = ids_.find(s.id); clash != ids_.end() && clash->second != file.relative)
            return skip(file, fingerprint, reader_.display(file.relative) + ":1: statement id '" + s.id +
                                               "' already used by " + reader_.display(clash->second), known_orgs);
        const std::size_t shard = shard_of(s.id, target_.shard_count());
        if (parsed.documents) {
            for (const auto& [word, count] : parsed.spelling) spelling_[shard][word] += count;
        } else {
            parsed.documents = builder_.build(s, vocabulary_, &spelling_[shard]);
        }
        const std::size_t paragraphs = parsed.documents->size();
        if (target_.fresh) {
            target_.fresh->add(shard, std::move(*parsed.documents));
        } else {
            const auto& docs = *parsed.documents;
            for (std::size_t i = 0; i < docs.size(); ++i)
                (*target_.existing)[shard].replace_document(paragraph_id_term(s.id, s.paragraphs[i].number), docs[i]);
        }
        ids_[s.id] = file.relative;
        files_[file.relative] = {fingerprint, s.id, paragraphs};
    }

    /// Writes what is still queued and the spelling words; a full build's
    /// parts are merged into their shards here. The shards commit after.
    void finish_writing() {
        if (target_.fresh) return target_.fresh->finish(spelling_);
        for (std::size_t i = 0; i < target_.existing->size(); ++i) add_spelling((*target_.existing)[i], spelling_[i]);
    }

    /// Reads and parses `files` and hands each to `consume` in order, on
    /// this thread. With jobs > 1, that many worker threads read, parse and
    /// build documents ahead, each with its own vocabulary copy, tagger and
    /// document builder (Xapian's stemmers and TermGenerator are not
    /// thread-safe); with 1, all happens here.
    void for_each_parsed(const std::vector<const CorpusFile*>& files, const std::vector<const std::string*>& fingerprints,
                         unsigned jobs, const std::function<void(std::size_t, ParsedFile)>& consume) {
        if (jobs <= 1 || files.size() <= 1) {
            for (std::size_t i = 0; i < files.size(); ++i)
                consume(i, read_and_parse(reader_, *files[i], fingerprints[i], vocabulary_, tagger_));
            return;
        }
        struct Slot {
            std::optional<ParsedFile> parsed;
            std::exception_ptr failure;
        };
        std::vector<Slot> slots(files.size());
        std::mutex mutex;
        std::condition_variable ready, room;
        std::size_t next = 0, consumed = 0;
        bool stopping = false;
        const std::size_t window = PARSE_AHEAD_PER_JOB * jobs;
        const auto work = [&](Vocabulary vocabulary) {
            const ThemeTagger tagger(vocabulary, DEFAULT_LANGUAGE);
            DocumentBuilder builder;
            for (;;) {
                std::size_t i = 0;
                {
                    std::unique_lock lock(mutex);
                    room.wait(lock, [&] { return stopping || next >= files.size() || next < consumed + window; });
                    if (stopping || next >= files.size()) return;
                    i = next++;
                }
                Slot slot;
                try {
                    slot.parsed = read_and_parse(reader_, *files[i], fingerprints[i], vocabulary, tagger, true, &builder);
                } catch (...) {
                    slot.failure = std::current_exception();
                }
                {
                    std::lock_guard lock(mutex);
                    slots[i] = std::move(slot);
                }
                ready.notify_all();
            }
        };
        std::vector<std::thread> workers;
        const auto stop = [&] {
            {
                std::lock_guard lock(mutex);
                stopping = true;
            }
            room.notify_all();
            for (auto& w : workers) w.join();
        };
        for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work, vocabulary_);
        try {
            for (std::size_t i = 0; i < files.size(); ++i) {
                Slot slot;
                {
                    std::unique_lock lock(mutex);
                    ready.wait(lock, [&] { return slots[i].parsed || slots[i].failure; });
                    slot = std::move(slots[i]);
                    consumed = i + 1;
                }
                room.notify_all();
                if (slot.failure) std::rethrow_exception(slot.failure);
                consume(i, std::move(*slot.parsed));
            }
        } catch (...) {
            stop();
            throw;
        }
        stop();
    }

    /// Deletes the statement a file had produced (an update's step).
    void remove(const std::string& relative) {
        const auto it = files_.find(relative);
        if (it == files_.end()) return;
        if (!it->second.id.empty()) {
            (*target_.existing)[shard_of(it->second.id, target_.shard_count())].delete_document(
                std::string(schema::PREFIX_STATEMENT) + it->second.id);
            ids_.erase(it->second.id);
        }
        files_.erase(it);
    }

private:
    /// A skipped file is remembered with its fingerprint (and no statement),
    /// so that an update retries it only once it changes.
    void skip(const CorpusFile& file, const std::string& fingerprint, std::string reason, std::size_t known_orgs) {
        report_.skipped.push_back({reader_.display(file.relative), std::move(reason)});
        files_[file.relative] = {fingerprint, "", 0};
        vocabulary_.organizations.resize(known_orgs);  // forget names only a skipped file gave
    }

    WriteTarget target_;
    Vocabulary& vocabulary_;
    const CorpusReader& reader_;
    BuildReport& report_;
    FileIndex& files_;
    ThemeTagger tagger_;
    DocumentBuilder builder_;                ///< for files parsed on this thread
    std::vector<SpellingCounts> spelling_;  ///< per shard, until finish_writing()
    std::map<std::string, std::string> ids_;  // statement id -> relative path
};

/// A shard's spelling table as lines "word<TAB>frequency" (META_SPELLING).
std::string export_spelling(const Xapian::Database& db) {
    std::string out;
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
        out += *word + "\t" + std::to_string(word.get_termfreq()) + "\n";
    return out;
}

void finish(Shards& shards, const Vocabulary& vocabulary, const std::string& vocab_hash, const FileIndex& files,
            BuildReport& report) {
    for (const auto& org : vocabulary.organizations)
        if (org.discovered) report.new_organizations.push_back(org.label + " (" + org.id + ")");
    for (const auto& [path, f] : files) {
        if (f.id.empty()) continue;
        ++report.statements;
        report.paragraphs += f.paragraphs;
    }
    report.shards = shards.size();
    const std::string built_at = now_iso();
    // Every shard carries the same metadata: searchd reads it from any one.
    for (auto& db : shards) {
        db.set_metadata(std::string(schema::META_VOCABULARY), nlohmann::json(vocabulary).dump());
        db.set_metadata(std::string(schema::META_VOCABULARY_HASH), vocab_hash);
        db.set_metadata(std::string(schema::META_FILES), to_json(files).dump());
        db.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::string(schema::SCHEMA_VERSION));
        db.set_metadata(std::string(schema::META_BUILT_AT), built_at);
        // A shard may be served remotely, where its spelling table cannot be read.
        if (shards.size() > 1) {
            db.commit();
            db.set_metadata(std::string(schema::META_SPELLING), export_spelling(db));
        }
        db.commit();
        db.close();
    }
}

/// Switches unless the build must not replace the live database.
Expected<BuildReport> conclude(const LibraryStore& store, const fs::path& generation, const BuildOptions& options,
                               BuildReport report, bool anything_indexable) {
    const bool nothing_indexed = report.statements == 0 && report.files > 0;
    if (options.strict && !report.skipped.empty()) {
        store.discard(generation);
        report.note = "not switched: --strict and files were skipped; the live database is unchanged";
        return report;
    }
    if (nothing_indexed || !anything_indexable) {
        store.discard(generation);
        report.note = "not switched: no statement could be indexed; the live database is unchanged";
        return report;
    }
    if (auto error = store.switch_to(generation)) {
        store.discard(generation);
        return *error;
    }
    report.switched = true;
    report.note = "switched to generation " + report.generation;
    return report;
}

unsigned jobs_of(const BuildOptions& options) {
    if (options.jobs > 0) return options.jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

struct Prepared {
    Vocabulary vocabulary;
    std::string vocab_hash;
    CorpusListing listing;
};

Expected<Prepared> prepare(const BuildOptions& options, BuildReport& report) {
    if (!fs::is_directory(options.corpus))
        return Error{ErrorCode::invalid_parameter, options.corpus.string() + ": corpus folder not found", "corpus"};
    auto vocabulary = load_vocabulary(vocabulary_dir(options));
    if (!vocabulary) return vocabulary.error();
    Prepared p{std::move(*vocabulary), vocabulary_hash(vocabulary_dir(options)),
               scan_corpus(options.corpus, options.max_file_bytes)};
    for (const auto& skipped : p.listing.skipped)
        report.skipped.push_back({(options.corpus / skipped.relative).generic_string(),
                                  (options.corpus / skipped.relative).generic_string() + ":1: " + skipped.reason});
    report.files = p.listing.statements.size() + p.listing.skipped.size();
    return p;
}

/// A Xapian error during a build, said so that an operator knows that
/// nothing was switched (a full disk shows as "No space left on device").
Error build_failure(const BuildOptions& options, const Xapian::Error& e) {
    return Error{ErrorCode::internal_error,
                 options.db.string() + ": " + e.get_description() + "; the live database is unchanged", "db"};
}

}  // namespace

std::string Diagnostic::to_string() const {
    return file + ":" + std::to_string(line) + ": " + (severity == Severity::warning ? "warning: " : "") + message;
}

namespace {

Expected<BuildReport> build_locked(const BuildOptions& options) {
    BuildReport report;
    auto prepared = prepare(options, report);
    if (!prepared) return prepared.error();
    const LibraryStore store(options.db);
    const auto generation = store.new_generation();
    if (!generation) return generation.error();
    report.generation = generation->filename().string();

    std::vector<Diagnostic> manifest_problems;
    const CorpusReader reader(options.corpus, manifest_problems);
    for (const auto& d : manifest_problems) report.warnings.push_back(d);
    try {
        const std::size_t shard_count = std::max<std::size_t>(options.shards, 1);
        const unsigned jobs = jobs_of(options);
        ShardWriters writers(lay_out_shards(*generation, shard_count), store.scratch_for(*generation),
                             (jobs + shard_count - 1) / shard_count);
        FileIndex files;
        FileIndexer indexer(WriteTarget{&writers, nullptr}, prepared->vocabulary, reader, report, files);
        const auto& listed = prepared->listing.statements;
        std::vector<const CorpusFile*> to_index;
        to_index.reserve(listed.size());
        for (const auto& file : listed) to_index.push_back(&file);
        indexer.for_each_parsed(to_index, std::vector<const std::string*>(listed.size(), nullptr), jobs,
                                [&](std::size_t i, ParsedFile parsed) {
                                    indexer.index(listed[i], std::move(parsed));
                                    if (options.progress) options.progress(i + 1, listed.size(), listed[i].relative);
                                });
        indexer.finish_writing();
        Shards db = open_shards(*generation);
        finish(db, prepared->vocabulary, prepared->vocab_hash, files, report);
    } catch (const Xapian::Error& e) {
        store.discard(*generation);
        return build_failure(options, e);
    }
    return conclude(store, *generation, options, std::move(report), true);
}

}  // namespace

Expected<BuildReport> build_index(const BuildOptions& options) {
    const LibraryStore store(options.db);
    auto lock = store.lock();
    if (!lock) return lock.error();
    store.remove_abandoned();
    return build_locked(options);
}

Expected<BuildReport> update_index(const BuildOptions& options) {
    const LibraryStore store(options.db);
    auto lock = store.lock();
    if (!lock) return lock.error();
    store.remove_abandoned();
    const auto live = store.current_generation();
    std::error_code ec;
    if (!live || !fs::is_directory(store.generations_dir() / *live, ec)) return build_locked(options);
    const fs::path live_path = store.generations_dir() / *live;
    if (options.shards != 0 && options.shards != shard_count(live_path)) return build_locked(options);
    BuildOptions as_live = options;  // a full rebuild below keeps the live number of shards
    as_live.shards = shard_count(live_path);

    BuildReport report;
    auto prepared = prepare(options, report);
    if (!prepared) return prepared.error();
    FileIndex files;
    try {
        Xapian::Database current(live_path.string());
        if (current.get_metadata(std::string(schema::META_SCHEMA_VERSION)) != schema::SCHEMA_VERSION ||
            current.get_metadata(std::string(schema::META_VOCABULARY_HASH)) != prepared->vocab_hash)
            return build_locked(as_live);
        files = file_index_from(current.get_metadata(std::string(schema::META_FILES)));
        // Organisations found in statements before stay known under the same ids.
        const auto stored = nlohmann::json::parse(current.get_metadata(std::string(schema::META_VOCABULARY)), nullptr, false);
        if (!stored.is_discarded())
            for (const auto& org : stored.value("organizations", nlohmann::json::array()))
                if (org.value("discovered", false)) prepared->vocabulary.discover_organization(org.value("label", ""));
    } catch (const Xapian::Error&) {
        return build_locked(as_live);
    }
    report.full_rebuild = false;
    report.shards = as_live.shards;

    std::vector<Diagnostic> manifest_problems;
    const CorpusReader reader(options.corpus, manifest_problems);
    for (const auto& d : manifest_problems) report.warnings.push_back(d);
    std::vector<std::pair<const CorpusFile*, std::string>> to_index;
    std::set<std::string> present;
    for (const auto& file : prepared->listing.statements) {
        present.insert(file.relative);
        const std::string fingerprint = reader.fingerprint(file);
        const auto known = files.find(file.relative);
        if (known != files.end() && known->second.fingerprint == fingerprint) ++report.unchanged;
        else to_index.emplace_back(&file, fingerprint);
    }
    std::vector<std::string> gone;
    for (const auto& [path, f] : files)
        if (!present.count(path)) gone.push_back(path);
    if (to_index.empty() && gone.empty()) {
        for (const auto& [path, f] : files) {
            if (f.id.empty()) continue;
            ++report.statements;
            report.paragraphs += f.paragraphs;
        }
        report.note = "no changes: the live database is up to date";
        return report;
    }

    const auto generation = store.new_generation();
    if (!generation) return generation.error();
    report.generation = generation->filename().string();
    fs::copy(live_path, *generation, fs::copy_options::recursive, ec);
    if (ec) {
        store.discard(*generation);
        return Error{ErrorCode::internal_error, generation->string() + ": cannot copy the live database: " + ec.message() +
                                                    "; the live database is unchanged", "db"};
    }
    try {
        Shards db = open_shards(*generation);
        FileIndexer indexer(WriteTarget{nullptr, &db}, prepared->vocabulary, reader, report, files);
        for (const auto& path : gone) indexer.remove(path);
        report.deleted = gone.size();
        std::vector<const CorpusFile*> changed_files;
        std::vector<const std::string*> fingerprints;
        changed_files.reserve(to_index.size());
        fingerprints.reserve(to_index.size());
        for (const auto& [file, fingerprint] : to_index) {
            changed_files.push_back(file);
            fingerprints.push_back(&fingerprint);
        }
        indexer.for_each_parsed(changed_files, fingerprints, jobs_of(options), [&](std::size_t i, ParsedFile parsed) {
            const CorpusFile* file = changed_files[i];
            const bool existed = files.count(file->relative) > 0 && !files.at(file->relative).id.empty();
            indexer.remove(file->relative);
            const std::size_t skipped_before = report.skipped.size();
            indexer.index(*file, std::move(parsed));
            if (report.skipped.size() == skipped_before) ++(existed ? report.changed : report.added);
            else if (existed) ++report.deleted;
            if (options.progress) options.progress(i + 1, to_index.size(), file->relative);
        });
        indexer.finish_writing();
        finish(db, prepared->vocabulary, prepared->vocab_hash, files, report);
    } catch (const Xapian::Error& e) {
        store.discard(*generation);
        return build_failure(options, e);
    }
    return conclude(store, *generation, options, std::move(report), true);
}

}  // namespace stmt
