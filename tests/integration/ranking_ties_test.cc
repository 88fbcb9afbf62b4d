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
        std::vector<std::pair<std::string, std::string>> files;
        for (int s = 0; s < STATEMENTS; ++s) {
            char name[32];
            std::snprintf(name, sizeof name, "ties-%02d.txt", s);
            std::string text = "Statement by the Birch Data Council at AHC 5\n\n";
            for (int p = 0; p < PARAGRAPHS; ++p) text += "The tiebreak paragraph reads the same everywhere.\n\n";
            text += "(Synthetic statement written for the Statement Library tests; not a real statement.)\n";
            files.emplace_back(name, text);
        }
        library_ = new SyntheticLibrary(files);
    }
    static void TearDownTestSuite() { delete library_; }

    /// (statement id, paragraph) of each hit of `path`.
    static std::vector<std::pair<std::string, int>> hits(const std::string& path) {
        std::vector<std::pair<std::string, int>> out;
        const auto body = library_->server().get_json(path);
        for (const auto& hit : body["results"]) out.emplace_back(hit["statement_id"], hit["paragraph"]);
        return out;
    }

    /// Hits of the first `count` pages of `per_page` results of `path`, each page full.
    static std::vector<std::pair<std::string, int>> pages(const std::string& path, int per_page, int count) {
        std::vector<std::pair<std::string, int>> all;
        for (int page = 1; page <= count; ++page) {
            const auto got =
                hits(path + "&per_page=" + std::to_string(per_page) + "&page=" + std::to_string(page));
            EXPECT_EQ(got.size(), static_cast<std::size_t>(per_page)) << "page " << page;
            all.insert(all.end(), got.begin(), got.end());
        }
        return all;
    }

    static SyntheticLibrary* library_;
};

SyntheticLibrary* IntegrationRankingTies::library_ = nullptr;

TEST_F(IntegrationRankingTies, StatementsViewListsTiedStatementsByIdWithTheirFirstParagraph) {
    const auto all = pages("/api/search?q=tiebreak", 10, 3);
    ASSERT_EQ(all.size(), 30u);
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
    const auto all = pages("/api/search?q=tiebreak&view=passages", 30, 3);
    ASSERT_EQ(all.size(), 90u);
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
