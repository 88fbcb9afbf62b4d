/** @file ranking_ties_test.cc
 *  @brief Equal weights are ordered by statement id, then paragraph, and
 *  each statement shows its first matching paragraph, however the page
 *  is ranked (windows of matches with ties across their edge, or Xapian's
 *  collapse for deep pages).
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace stmt_it {
namespace {

constexpr int STATEMENTS = 30;
constexpr int PARAGRAPHS = 3;

/// A library of synthetic statements whose paragraphs all read alike, so
/// that every match of "tiebreak" weighs the same.
class IntegrationRankingTies : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const fs::path corpus = *dir_ / "corpus";
        fs::create_directories(corpus);
        for (int s = 0; s < STATEMENTS; ++s) {
            char name[32];
            std::snprintf(name, sizeof name, "ties-%02d.txt", s);
            std::string text = "Statement by the Birch Data Council at AHC 5\n\n";
            for (int p = 0; p < PARAGRAPHS; ++p) text += "The tiebreak paragraph reads the same everywhere.\n\n";
            text += "(Synthetic statement written for the Statement Library tests; not a real statement.)\n";
            write_file(corpus / name, text);
        }
        const auto built = run_indexer(corpus, *dir_ / "db");
        ASSERT_EQ(built.exit_code, 0) << built.output();
        server_ = new Server(*dir_ / "db");
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
    }

    /// (statement id, paragraph) of each hit of `path`.
    static std::vector<std::pair<std::string, int>> hits(const std::string& path) {
        std::vector<std::pair<std::string, int>> out;
        const auto body = server_->get_json(path);
        for (const auto& hit : body["results"]) out.emplace_back(hit["statement_id"], hit["paragraph"]);
        return out;
    }

    static TempDir* dir_;
    static Server* server_;
};

TempDir* IntegrationRankingTies::dir_ = nullptr;
Server* IntegrationRankingTies::server_ = nullptr;

TEST_F(IntegrationRankingTies, StatementsViewListsTiedStatementsByIdWithTheirFirstParagraph) {
    std::vector<std::pair<std::string, int>> all;
    for (int page = 1; page <= 3; ++page) {
        const auto got = hits("/api/search?q=tiebreak&per_page=10&page=" + std::to_string(page));
        ASSERT_EQ(got.size(), 10u) << "page " << page;
        all.insert(all.end(), got.begin(), got.end());
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i > 0) {
            EXPECT_LT(all[i - 1].first, all[i].first) << "at " << i;
        }
        EXPECT_EQ(all[i].second, all.front().second) << all[i].first;
    }
    // Pages of another size start where their offset says.
    const auto shallow = hits("/api/search?q=tiebreak&per_page=7&page=4");
    ASSERT_EQ(shallow.size(), 7u);
    EXPECT_EQ(shallow.front(), all[21]);
}

TEST_F(IntegrationRankingTies, PassagesViewOrdersTiesByStatementIdThenParagraph) {
    std::vector<std::pair<std::string, int>> all;
    for (int page = 1; page <= 3; ++page) {
        const auto got = hits("/api/search?q=tiebreak&view=passages&per_page=30&page=" + std::to_string(page));
        ASSERT_EQ(got.size(), 30u) << "page " << page;
        all.insert(all.end(), got.begin(), got.end());
    }
    for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1], all[i]) << "at " << i;
    // A page ending past result 100 is ranked by Xapian's sort instead of
    // a window; it must continue the same order.
    const auto deep = hits("/api/search?q=tiebreak&view=passages&per_page=55&page=2");
    ASSERT_EQ(deep.size(), 35u);
    EXPECT_EQ(deep.front(), all[55]);
    EXPECT_EQ(deep.back(), all[89]);
}

}  // namespace
}  // namespace stmt_it
