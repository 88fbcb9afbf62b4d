/** @file parallel_index_test.cc
 *  @brief `indexer build --jobs N`: files read and parsed by several
 *  threads, and each shard written into several part databases merged by
 *  compaction, give the same database as a serial build: every document's
 *  data, values, terms and positions, the spelling table and the metadata
 *  (new organisations included), and the same messages. Only document
 *  numbers may differ, so documents are compared by paragraph id.
 */
#include "server_support.h"

#include "stmtlib/schema.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <map>

namespace stmt_it {
namespace {

constexpr int GENERATED_STATEMENTS = 120;
constexpr const char* BUILT_AT_KEY = "stmtlib.built_at";  // differs between any two builds

/// The paragraph id term of a document ("Q<statement>#<n>").
std::string paragraph_id(const Xapian::Document& doc) {
    const std::string prefix(stmt::schema::PREFIX_PARAGRAPH_ID);
    auto term = doc.termlist_begin();
    term.skip_to(prefix);
    if (term == doc.termlist_end() || !(*term).starts_with(prefix)) return "(no paragraph id)";
    return *term;
}

/// Everything a database holds that a search can see, as comparable text,
/// documents keyed by their paragraph id.
std::map<std::string, std::string> contents(const fs::path& db_path) {
    Xapian::Database db(db_path.string());
    std::map<std::string, std::string> out;
    out["doccount"] = std::to_string(db.get_doccount());
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        const Xapian::Document doc = db.get_document(*id);
        std::string text = "data=" + doc.get_data() + "\n";
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
            text += "value" + std::to_string(v.get_valueno()) + "=" + *v + "\n";
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            text += "term " + *t + " wdf " + std::to_string(t.get_wdf()) + " at";
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) text += " " + std::to_string(*p);
            text += "\n";
        }
        const std::string key = "doc " + paragraph_id(doc);
        EXPECT_EQ(out.count(key), 0u) << key << " twice";
        out[key] = text;
    }
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s)
        out["spelling " + *s] = std::to_string(s.get_termfreq());
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
        if (*k != BUILT_AT_KEY) out["metadata " + *k] = db.get_metadata(*k);
    return out;
}

ProcessResult build(const fs::path& corpus, const fs::path& db, std::vector<std::string> extra, const char* jobs) {
    std::vector<std::string> argv = {STMT_INDEXER_PATH, "build", corpus.string(), "--db", db.string(), "--jobs", jobs};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_process(argv);
}

/// The indexer's log without the time at the start of each line, which
/// differs between any two runs.
std::string without_times(const std::string& log) {
    std::istringstream lines(log);
    std::string line, out;
    while (std::getline(lines, line)) {
        const auto space = line.find(' ');
        const bool timed = space != std::string::npos && space > 0 && line[space - 1] == 'Z' && std::isdigit(static_cast<unsigned char>(line[0]));
        out += (timed ? line.substr(space + 1) : line) + "\n";
    }
    return out;
}

void expect_same_build(const fs::path& corpus, const std::vector<std::string>& extra) {
    const TempDir dir;
    const auto serial = build(corpus, dir / "serial", extra, "1");
    const auto parallel = build(corpus, dir / "parallel", extra, "4");
    ASSERT_EQ(serial.exit_code, 0) << serial.output();
    ASSERT_EQ(parallel.exit_code, 0) << parallel.output();
    EXPECT_EQ(without_times(parallel.err), without_times(serial.err)) << "warnings and skipped files, in the same order";
    const auto expected = contents(dir / "serial");
    const auto actual = contents(dir / "parallel");
    ASSERT_GT(expected.size(), 10u);
    // The merged parts leave no gaps in any shard's document numbers, and
    // no scratch folder behind.
    std::size_t shards = 0;
    for (const auto& generation : fs::directory_iterator(dir / "parallel.generations")) {
        ASSERT_FALSE(generation.path().filename().string().ends_with(".parts")) << generation.path();
        std::vector<fs::path> databases = {generation.path()};
        if (fs::exists(generation.path() / "shard-0")) {
            databases.clear();
            for (const auto& shard : fs::directory_iterator(generation.path()))
                if (shard.is_directory()) databases.push_back(shard.path());
        }
        for (const auto& path : databases) {
            const Xapian::Database shard(path.string());
            EXPECT_EQ(shard.get_lastdocid(), shard.get_doccount()) << path;
            ++shards;
        }
    }
    EXPECT_GT(shards, 0u);
    EXPECT_EQ(actual.size(), expected.size());
    for (const auto& [key, value] : expected) {
        const auto found = actual.find(key);
        if (found == actual.end()) {
            ADD_FAILURE() << "missing in the parallel build: " << key;
            continue;
        }
        EXPECT_EQ(found->second, value) << key;
    }
}

TEST(IntegrationParallelIndex, FixtureCorpusWithSkippedFilesBuildsTheSameWithFourJobs) {
    const TempDir dir;
    fs::copy(FIXTURE_CORPUS, dir / "corpus", fs::copy_options::recursive);
    fs::copy(BAD_FIXTURES, dir / "corpus" / "bad", fs::copy_options::recursive);
    expect_same_build(dir / "corpus", {"--vocabulary", VOCABULARY_DIR.string()});
}

TEST(IntegrationParallelIndex, TwoShardsBuildTheSameWithFourJobsAsWithOne) {
    // Four jobs over two shards: two part databases per shard, merged.
    const TempDir dir;
    fs::copy(FIXTURE_CORPUS, dir / "corpus", fs::copy_options::recursive);
    expect_same_build(dir / "corpus", {"--vocabulary", VOCABULARY_DIR.string(), "--shards", "2"});
}

TEST(IntegrationParallelIndex, GeneratedCorpusWithNewOrganisationsBuildsTheSameWithFourJobs) {
    const TempDir dir;
    const auto generated = run_process({STMT_GEN_CORPUS_PATH, "--count", std::to_string(GENERATED_STATEMENTS), "--seed",
                                        "5", "--out", (dir / "corpus").string(), "--truth", (dir / "truth.jsonl").string(),
                                        "--vocabulary", VOCABULARY_DIR.string(), "--discover-organizations", "-q"});
    ASSERT_EQ(generated.exit_code, 0) << generated.output();
    expect_same_build(dir / "corpus", {});
}

}  // namespace
}  // namespace stmt_it
