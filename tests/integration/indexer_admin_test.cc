/** @file indexer_admin_test.cc
 *  @brief `indexer compact` and `indexer stats` on the fixture library: a
 *  compacted single file that searchd serves with the same answers, and
 *  counts that agree with the API's facets.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <map>

namespace stmt_it {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// A response without its timing, which differs from run to run.
nlohmann::json without_timing(nlohmann::json response) {
    response.erase("took_ms");
    return response;
}

TEST(IntegrationIndexerAdmin, CompactedSingleFileIsServedWithTheSameAnswers) {
    const TempDir dir;
    const fs::path output = dir / "library-backup.db";
    const auto compacted =
        run_process({STMT_INDEXER_PATH, "compact", "--db", fixture_library().db().string(), "--output", output.string()});
    ASSERT_EQ(compacted.exit_code, 0) << compacted.output();
    EXPECT_TRUE(fs::is_regular_file(output)) << "a single file, not a folder";
    EXPECT_FALSE(fs::exists(output.string() + ".compacting"));

    Server copy(output);
    for (const std::string path :
         {"/api/search?q=civil+society", "/api/search?theme=gender&sort=-date&view=passages", "/api/facets",
          "/api/statements/coastal-ahc5-international-cooperation", "/api/timeline?q=cooperation"})
        EXPECT_EQ(without_timing(copy.get_json(path)), without_timing(fixture_server().get_json(path))) << path;
    EXPECT_EQ(copy.get_json("/api/health").at("statements"), fixture_server().get_json("/api/health").at("statements"));
}

TEST(IntegrationIndexerAdmin, CompactOfAMissingDatabaseFailsAndWritesNothing) {
    const TempDir dir;
    const auto result = run_process(
        {STMT_INDEXER_PATH, "compact", "--db", (dir / "missing.db").string(), "--output", (dir / "out.db").string()});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_TRUE(contains(result.err, "missing.db")) << result.err;
    EXPECT_FALSE(fs::exists(dir / "out.db"));
}

TEST(IntegrationIndexerAdmin, StatsAgreeWithTheFacetsOfTheApi) {
    const auto result = run_process({STMT_INDEXER_PATH, "stats", "--db", fixture_library().db().string(), "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.output();
    const auto stats = nlohmann::json::parse(result.out, nullptr, false);
    ASSERT_FALSE(stats.is_discarded()) << result.out;
    const auto facets = fixture_server().get_json("/api/facets");
    EXPECT_EQ(stats.at("statements"), facets.at("statements"));
    EXPECT_EQ(stats.at("paragraphs"), facets.at("paragraphs"));
    for (const std::string field : {"session", "chapter", "theme", "organization", "language"}) {
        std::map<std::string, int> from_stats;
        std::size_t paragraphs = 0;
        for (const auto& row : stats.at("fields").at(field)) {
            from_stats[row.at("id")] = row.at("statements");
            paragraphs += row.at("paragraphs").get<std::size_t>();
        }
        std::map<std::string, int> from_facets;
        for (const auto& value : facets.at("facets").at(field)) from_facets[value.at("id")] = value.at("count");
        EXPECT_EQ(from_stats, from_facets) << field;
        if (field != "theme") {
            EXPECT_EQ(paragraphs, facets.at("paragraphs").get<std::size_t>()) << field;
        }
    }
}

TEST(IntegrationIndexerAdmin, StatsTableOnTheTerminal) {
    const auto result = run_process({STMT_INDEXER_PATH, "stats", "--db", fixture_library().db().string()});
    ASSERT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.out, "statements: 13")) << result.out;
    for (const std::string heading : {"session ", "chapter ", "theme ", "organization ", "language "})
        EXPECT_TRUE(contains(result.out, "\n" + heading)) << heading << "\n" << result.out;
    EXPECT_TRUE(contains(result.out, "ahc-5")) << result.out;
}

}  // namespace
}  // namespace stmt_it
