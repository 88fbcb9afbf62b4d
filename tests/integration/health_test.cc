/** @file health_test.cc
 *  @brief /api/health and searchd's own lifecycle (start, clean stop).
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

TEST(IntegrationHealth, ReportsOkAndTheLibrarySize) {
    const auto health = fixture_server().get_json("/api/health");
    EXPECT_EQ(health.at("status"), "ok");
    EXPECT_EQ(health.at("statements"), EXPECTED_STATEMENT_COUNT);
    EXPECT_EQ(health.at("paragraphs"), EXPECTED_PARAGRAPH_COUNT);
    EXPECT_FALSE(health.at("generation").get<std::string>().empty());
    EXPECT_FALSE(health.at("built_at").get<std::string>().empty());
}

TEST(IntegrationHealth, ParagraphCountIsTheSumOverStatements) {
    const auto health = fixture_server().get_json("/api/health");
    std::size_t sum = 0;
    for (const auto& s : expected_statements())
        sum += fixture_server().get_json("/api/statements/" + std::string(s.id)).at("paragraphs").size();
    EXPECT_EQ(health.at("paragraphs").get<std::size_t>(), sum);
}

TEST(IntegrationHealth, SearchdStopsCleanlyOnSigterm) {
    Server second(fixture_library().db());
    EXPECT_EQ(second.get_json("/api/health").at("status"), "ok");
    EXPECT_EQ(second.stop(), 0) << second.stderr_text();
}

TEST(IntegrationHealth, SearchdRefusesToStartWithoutADatabase) {
    const TempDir dir;
    const auto result = run_process({STMT_SEARCHD_PATH, "--db", (dir / "missing").string(), "--listen",
                                     "127.0.0.1:0", "--web", WEB_DIR.string(), "-q"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("no database here; run 'indexer build' first"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("listening"), std::string::npos);
}

}  // namespace
}  // namespace stmt_it
