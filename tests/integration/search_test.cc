/** @file search_test.cc
 *  @brief Ranking, highlighting, phrases and the two result views of
 *  /api/search, against the fixture corpus.
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace stmt_it {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Paragraph texts of a statement by number, from /api/statements/{id}.
std::map<int, std::string> paragraph_texts(const std::string& id) {
    std::map<int, std::string> texts;
    const auto statement = fixture_server().get_json("/api/statements/" + id);
    for (const auto& p : statement.value("paragraphs", nlohmann::json::array()))
        texts[p.at("n").get<int>()] = p.at("text").get<std::string>();
    return texts;
}

TEST(IntegrationSearch, CivilSocietyRanksTheSeedStatementFirst) {
    const auto response = fixture_server().get_json(search_path({{"q", "civil society"}}));
    ASSERT_FALSE(response.value("results", nlohmann::json::array()).empty());
    const auto& first = response["results"][0];
    EXPECT_EQ(first.at("statement_id"), "seed-alliance-ahc5");
    EXPECT_EQ(first.at("session").at("id"), "ahc-5");
    EXPECT_EQ(first.at("chapter").at("id"), "international-cooperation");
    EXPECT_EQ(first.at("organization").at("id"), "alliance");
    EXPECT_EQ(first.at("status"), "draft");
    EXPECT_EQ(first.at("url"), "/statements/seed-alliance-ahc5");
    EXPECT_EQ(response.at("matching"), "all");
    // EXPECTED.md: only the seed and riverside-ahc1 say "civil society".
    std::vector<std::string> ids = result_ids(response);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"riverside-ahc1-opening", "seed-alliance-ahc5"}));
}

TEST(IntegrationSearch, SnippetMarksEachQueryWord) {
    const auto response = fixture_server().get_json(search_path({{"q", "civil society"}}));
    ASSERT_FALSE(response.value("results", nlohmann::json::array()).empty());
    const std::string snippet = lower(response["results"][0].at("snippet").get<std::string>());
    EXPECT_NE(snippet.find("<mark>civil</mark>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("<mark>society</mark>"), std::string::npos) << snippet;
}

TEST(IntegrationSearch, SessionFilterLeavesOutTheSeed) {
    const auto response = fixture_server().get_json(search_path({{"q", "civil society"}, {"session", "ahc-3"}}));
    const auto ids = result_ids(response);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "seed-alliance-ahc5"), 0);
    for (const auto& hit : response.value("results", nlohmann::json::array()))
        EXPECT_EQ(hit.at("session").at("id"), "ahc-3");
}

TEST(IntegrationSearch, QuotedPhraseFindsExactlyOneStatement) {
    const auto response = fixture_server().get_json(search_path({{"q", "\"data localisation mandates\""}}));
    EXPECT_EQ(response.value("total", -1), 1);
    EXPECT_EQ(result_ids(response), std::vector<std::string>{"northwind-ahc2-procedural-measures"});
}

TEST(IntegrationSearch, PhraseWordsOutOfOrderDoNotMatchThePhrase) {
    const auto response = fixture_server().get_json(search_path({{"q", "\"mandates localisation data\""}}));
    EXPECT_EQ(response.value("total", -1), 0);
}

TEST(IntegrationSearch, PassagesViewReturnsOneResultPerMatchingParagraph) {
    const auto response =
        fixture_server().get_json(search_path({{"q", "civil society"}, {"view", "passages"}, {"per_page", "100"}}));
    EXPECT_EQ(response.at("view"), "passages");
    const auto& results = response.at("results");
    EXPECT_EQ(response.at("total").get<std::size_t>(), results.size());
    std::set<std::pair<std::string, int>> seen;
    std::map<std::string, int> per_statement;
    for (const auto& hit : results) {
        const std::string id = hit.at("statement_id").get<std::string>();
        const int n = hit.at("paragraph").get<int>();
        EXPECT_TRUE(seen.emplace(id, n).second) << "paragraph listed twice: " << id << " #" << n;
        ++per_statement[id];
        // Every passage is a paragraph that itself contains both words.
        const std::string text = lower(paragraph_texts(id)[n]);
        EXPECT_NE(text.find("civil"), std::string::npos) << id << " #" << n;
        EXPECT_NE(text.find("society"), std::string::npos) << id << " #" << n;
    }
    // The seed says "civil society" in several paragraphs: passages share its id.
    EXPECT_GT(per_statement["seed-alliance-ahc5"], 1);
}

TEST(IntegrationSearch, PassagesViewCoversEveryParagraphOfTheLibrary) {
    const auto response = fixture_server().get_json(search_path({{"view", "passages"}, {"per_page", "100"}}));
    EXPECT_EQ(response.value("total", -1), EXPECTED_PARAGRAPH_COUNT);
    std::map<std::string, int> per_statement;
    for (const auto& hit : response.at("results")) ++per_statement[hit.at("statement_id").get<std::string>()];
    for (const auto& s : expected_statements()) EXPECT_EQ(per_statement[std::string(s.id)], s.paragraphs) << s.id;
}

TEST(IntegrationSearch, StatementsViewNeverRepeatsAStatement) {
    for (const std::string query : {"", "civil society", "gender", "human rights", "data", "evidence OR victims"}) {
        SCOPED_TRACE("q=" + query);
        const auto response = fixture_server().get_json(search_path({{"q", query}, {"per_page", "100"}}));
        EXPECT_EQ(response.at("view"), "statements");
        const auto ids = result_ids(response);
        const std::set<std::string> distinct(ids.begin(), ids.end());
        EXPECT_EQ(distinct.size(), ids.size());
        EXPECT_EQ(response.at("total").get<std::size_t>(), ids.size());
    }
}

TEST(IntegrationSearch, GenderFindsTheThreeStatementsThatMentionIt) {
    const auto response = fixture_server().get_json(search_path({{"q", "gender"}}));
    std::vector<std::string> ids = result_ids(response);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"meridian-ahc5-implementation-mechanism",
                                             "meridian-ahc8-technical-assistance", "seed-alliance-ahc5"}));
}

TEST(IntegrationSearch, FallsBackToAnyWordWhenAllWordsFindNothing) {
    const auto response = fixture_server().get_json(search_path({{"q", "civil xylophonist"}}));
    EXPECT_EQ(response.at("matching"), "any");
    const auto ids = result_ids(response);
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), "seed-alliance-ahc5");
}

// corpus/vocabulary/synonyms.yaml says its groups are "used to expand
// queries"; EXPECTED.md: openborders-ahc3 writes only "MLA", so the spelled
// out form finds it only through that expansion.
TEST(IntegrationSearch, SpelledOutTermAlsoFindsItsAcronymThroughSynonyms) {
    const auto response = fixture_server().get_json(search_path({{"q", "mutual legal assistance"}}));
    std::vector<std::string> ids = result_ids(response);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"coastal-ahc5-international-cooperation",
                                             "openborders-ahc3-international-cooperation"}));
}

TEST(IntegrationSearch, AcronymAlsoFindsTheSpelledOutTermThroughSynonyms) {
    // riverside-ahc4 writes "(CSAM)"; riverside-ahc1 only "child sexual abuse material".
    const auto response = fixture_server().get_json(search_path({{"q", "CSAM"}}));
    std::vector<std::string> ids = result_ids(response);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"riverside-ahc1-opening", "riverside-ahc4-criminalization"}));
}

TEST(IntegrationSearch, AcronymAndSpelledOutFormGiveTheSameTopResults) {
    for (const std::string view : {"statements", "passages"}) {
        SCOPED_TRACE(view);
        const auto acronym = fixture_server().get_json(search_path({{"q", "MLA"}, {"view", view}}));
        const auto spelled = fixture_server().get_json(search_path({{"q", "mutual legal assistance"}, {"view", view}}));
        EXPECT_FALSE(result_ids(acronym).empty());
        EXPECT_EQ(result_ids(acronym), result_ids(spelled));
        EXPECT_EQ(acronym["total"], spelled["total"]);
    }
}

TEST(IntegrationSearch, MisspelledQuerySuggestsTheLibrarysOwnWord) {
    const auto response = fixture_server().get_json(search_path({{"q", "safegards"}}));
    EXPECT_EQ(response["total"], 0);
    ASSERT_TRUE(response["suggestion"].is_string()) << response.dump();
    EXPECT_EQ(response["suggestion"], "safeguards");
    const auto suggested = fixture_server().get_json(search_path({{"q", response["suggestion"].get<std::string>()}}));
    EXPECT_GT(suggested["total"].get<int>(), 0);
}

TEST(IntegrationSearch, NoSuggestionThatFindsNothingOrWhenResultsAreMany) {
    EXPECT_TRUE(fixture_server().get_json(search_path({{"q", "zzqxjv"}}))["suggestion"].is_null());
    EXPECT_TRUE(fixture_server().get_json(search_path({{"q", "safeguards"}}))["suggestion"].is_null());
}

}  // namespace
}  // namespace stmt_it
