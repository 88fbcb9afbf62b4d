/** @file indexer_test.cc
 *  @brief `indexer build` as an operator runs it: what it reports, its exit
 *  status, and what a searchd started afterwards serves.
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

namespace stmt_it {
namespace {

using namespace std::string_literals;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// The line of the indexer's report that names `file`, or "".
std::string report_line(const std::string& report, const std::string& file) {
    std::istringstream lines(report);
    std::string line;
    while (std::getline(lines, line))
        if (contains(line, file)) return line;
    return {};
}

/// A corpus folder of chosen files, copied from the fixtures.
class Corpus {
public:
    Corpus() { fs::create_directory(path()); }
    Corpus& copy(const fs::path& file) {
        fs::copy_file(file, path() / file.filename());
        return *this;
    }
    Corpus& write(const std::string& name, std::string_view content) {
        write_file(path() / name, content);
        return *this;
    }
    fs::path path() const { return dir_ / "corpus"; }

private:
    TempDir dir_;
};

const fs::path GOOD_FILE = FIXTURE_CORPUS / "riverside-ahc1-opening.txt";

TEST(IntegrationIndexer, BadCorpusReportsEachFileWithItsLineAndServesNothing) {
    const TempDir dir;
    const auto result = run_indexer(BAD_FIXTURES, dir / "db");
    EXPECT_NE(result.exit_code, 0);
    EXPECT_TRUE(contains(result.err, "unknown-session.txt:1: unknown session")) << result.err;
    EXPECT_TRUE(contains(result.err, "unknown-chapter.txt:6: unknown chapter 'chapter-twelve'")) << result.err;
    EXPECT_TRUE(contains(result.out, "statements:  0")) << result.out;
    EXPECT_FALSE(fs::exists(dir / "db")) << "no statement could be indexed, so no database may be switched to";
    EXPECT_THROW(Server{dir / "db"}, std::runtime_error);
}

TEST(IntegrationIndexer, ValidFileIsIndexedAndBadFileIsNamed) {
    Corpus corpus;
    corpus.copy(GOOD_FILE).copy(BAD_FIXTURES / "unknown-chapter.txt");
    const TempDir dir;
    const auto result = run_indexer(corpus.path(), dir / "db");
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.err, "unknown-chapter.txt:6:")) << result.err;
    EXPECT_FALSE(contains(result.err, "riverside-ahc1-opening")) << result.err;
    EXPECT_TRUE(contains(result.out, "skipped:     1")) << result.out;

    Server server(dir / "db");
    EXPECT_EQ(server.get_json("/api/health").at("statements"), 1);
    (void)server.get_json("/api/statements/riverside-ahc1-opening", 200);
    (void)server.get_json("/api/statements/unknown-chapter", 404);
}

TEST(IntegrationIndexer, StrictBuildWithABadFileKeepsThePreviousDatabase) {
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    const std::string stub_before = read_file(db);

    // A corpus that would give a different library (one statement) if it
    // were switched to.
    Corpus corpus;
    corpus.copy(GOOD_FILE).copy(BAD_FIXTURES / "unknown-session.txt");
    const auto strict = run_indexer(corpus.path(), db, {"--strict"});
    EXPECT_EQ(strict.exit_code, 1);
    EXPECT_TRUE(contains(strict.err, "unknown-session.txt:1:")) << strict.err;
    EXPECT_TRUE(contains(strict.out, "not switched")) << strict.out;
    EXPECT_EQ(read_file(db), stub_before);

    Server server(db);
    EXPECT_EQ(server.get_json("/api/health").at("statements"), EXPECTED_STATEMENT_COUNT);
    const auto ids = result_ids(server.get_json(search_path({{"q", "civil society"}})));
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), "seed-alliance-ahc5");
}

/// What a client sees of a library: the listing, a ranked search and one
/// statement, with the per-build fields (timings) left out.
nlohmann::json observable(const Server& server) {
    nlohmann::json seen;
    for (const auto& path : {search_path({{"per_page", "100"}}), search_path({{"q", "civil society"}}),
                             search_path({{"q", "human rights"}, {"view", "passages"}, {"per_page", "100"}})}) {
        auto response = server.get_json(path);
        response.erase("took_ms");
        seen[path] = response;
    }
    seen["statement"] = server.get_json("/api/statements/seed-alliance-ahc5");
    return seen;
}

TEST(IntegrationIndexer, RebuildingGivesTheSameIdsAndResults) {
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    nlohmann::json first;
    std::string first_generation;
    {
        Server server(db);
        first = observable(server);
        first_generation = server.get_json("/api/health").at("generation").get<std::string>();
    }
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    Server server(db);
    EXPECT_NE(server.get_json("/api/health").at("generation"), first_generation) << "a rebuild is a new generation";
    EXPECT_EQ(observable(server), first);
}

TEST(IntegrationIndexer, RunningSearchdPicksUpARebuild) {
    Corpus small;
    small.copy(GOOD_FILE);
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(small.path(), db).exit_code, 0);
    Server server(db);
    ASSERT_EQ(server.get_json("/api/health").at("statements"), 1);

    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    int statements = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (statements != EXPECTED_STATEMENT_COUNT && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        statements = server.get_json("/api/health").at("statements").get<int>();
    }
    EXPECT_EQ(statements, EXPECTED_STATEMENT_COUNT);
}

TEST(IntegrationIndexer, UnsupportedAndBrokenFilesAreReported) {
    Corpus corpus;
    corpus.copy(GOOD_FILE).write("dump.bin", "\x00\x01\x02"s).write("slides.pdf", "%PDF-1.4\n"s);
    const TempDir dir;
    const auto result = run_indexer(corpus.path(), dir / "db");
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(report_line(result.err, "dump.bin:"), "unsupported file type '.bin'")) << result.err;
    // PDF is a statement format, so a file that is not really one is
    // reported as skipped (not silently indexed as garbage).
    EXPECT_TRUE(contains(report_line(result.err, "slides.pdf:"), "(skipped)")) << result.err;
    EXPECT_TRUE(contains(result.out, "skipped:     2")) << result.out;
    Server server(dir / "db");
    EXPECT_EQ(server.get_json("/api/health").at("statements"), 1);
}

TEST(IntegrationIndexer, EmptyAndBinaryTextFilesAreReported) {
    Corpus corpus;
    corpus.copy(GOOD_FILE)
        .write("empty.txt", "")
        .write("with-nul.txt", "Riverside Child Safety Coalition\n\nSome\0text that is long enough.\n"s);
    const TempDir dir;
    const auto result = run_indexer(corpus.path(), dir / "db");
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(report_line(result.err, "empty.txt:1:"), "empty statement")) << result.err;
    EXPECT_TRUE(contains(report_line(result.err, "with-nul.txt:1:"), "binary content")) << result.err;
    Server server(dir / "db");
    EXPECT_EQ(server.get_json("/api/health").at("statements"), 1);
}

TEST(IntegrationIndexer, MissingCorpusFolderIsAnError) {
    const TempDir dir;
    const auto result = run_indexer(dir / "no-such-corpus", dir / "db");
    EXPECT_NE(result.exit_code, 0);
    EXPECT_TRUE(contains(result.err, "no-such-corpus")) << result.err;
    EXPECT_FALSE(fs::exists(dir / "db"));
}

}  // namespace
}  // namespace stmt_it
