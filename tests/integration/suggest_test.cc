/** @file suggest_test.cc
 *  @brief GET /api/suggest: completions of the last word typed from the
 *  index's words, most frequent first, no stopwords, limits and errors.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

nlohmann::json suggest(const std::string& query_string, int status = 200) {
    return fixture_server().get_json("/api/suggest?" + query_string, status);
}

std::vector<std::string> words_of(const nlohmann::json& response) {
    std::vector<std::string> out;
    for (const auto& s : response.at("suggestions")) out.push_back(s.at("word").get<std::string>());
    return out;
}

nlohmann::json error_body(const std::string& code, const std::string& message, const std::string& parameter) {
    return {{"error", {{"code", code}, {"message", message}, {"parameter", parameter}}}};
}

TEST(IntegrationSuggest, CompletesTheLastWordMostFrequentFirst) {
    const auto response = suggest("q=" + url_encode("human ri"));
    EXPECT_EQ(response.at("query"), "human ri");
    const auto& suggestions = response.at("suggestions");
    ASSERT_FALSE(suggestions.empty());
    // "rights" is the fixture corpus's most frequent word starting "ri".
    EXPECT_EQ(suggestions[0].at("word"), "rights");
    EXPECT_EQ(suggestions[0].at("text"), "human rights");
    std::size_t previous = SIZE_MAX;
    for (const auto& s : suggestions) {
        const std::string word = s.at("word");
        EXPECT_EQ(word.rfind("ri", 0), 0u) << word;
        EXPECT_EQ(s.at("text"), "human " + word);
        const std::size_t paragraphs = s.at("paragraphs");
        EXPECT_GT(paragraphs, 0u);
        EXPECT_LE(paragraphs, previous) << "most frequent first";
        previous = paragraphs;
    }
    const auto words = words_of(response);
    EXPECT_NE(std::find(words.begin(), words.end(), "riverside"), words.end());
}

TEST(IntegrationSuggest, ACompletedWordIsFoundBySearch) {
    for (const auto& word : words_of(suggest("q=encr"))) {
        const auto found = fixture_server().get_json(search_path({{"q", word}, {"view", "passages"}}));
        EXPECT_GT(found.at("total").get<int>(), 0) << word;
    }
    EXPECT_FALSE(words_of(suggest("q=encr")).empty());
}

TEST(IntegrationSuggest, CaseAndPunctuationBeforeTheWordDoNotMatter) {
    EXPECT_EQ(words_of(suggest("q=RIGH")), words_of(suggest("q=righ")));
    const auto quoted = suggest("q=" + url_encode("\"human righ"));
    ASSERT_FALSE(quoted.at("suggestions").empty());
    EXPECT_EQ(quoted.at("suggestions")[0].at("text"), "\"human rights");
}

TEST(IntegrationSuggest, StopwordsAreNeverSuggested) {
    const auto words = words_of(suggest("q=th&limit=20"));
    EXPECT_FALSE(words.empty()) << "'these', 'they', ... are in the fixture corpus";
    for (const char* stopword : {"the", "that", "this"})
        EXPECT_EQ(std::find(words.begin(), words.end(), stopword), words.end()) << stopword;
}

TEST(IntegrationSuggest, ShortOrFinishedWordsGetNothing) {
    EXPECT_TRUE(suggest("q=r").at("suggestions").empty()) << "below the minimum prefix";
    EXPECT_TRUE(suggest("q=").at("suggestions").empty());
    EXPECT_TRUE(suggest("q=" + url_encode("human ")).at("suggestions").empty()) << "the last word is finished";
    EXPECT_TRUE(suggest("q=zzqx").at("suggestions").empty());
}

TEST(IntegrationSuggest, LimitCapsTheList) {
    EXPECT_EQ(suggest("q=th&limit=2").at("suggestions").size(), 2u);
    EXPECT_LE(suggest("q=th").at("suggestions").size(), 8u) << "the default limit";
}

TEST(IntegrationSuggest, BadParametersAreClearErrors) {
    const std::string limit_message = "'limit' must be a whole number from 1 to 20";
    EXPECT_EQ(suggest("", 400), error_body("invalid_parameter", "'q' is required: the text typed so far", "q"));
    EXPECT_EQ(suggest("q=ri&limit=0", 400), error_body("invalid_parameter", limit_message, "limit"));
    EXPECT_EQ(suggest("q=ri&limit=21", 400), error_body("invalid_parameter", limit_message, "limit"));
    EXPECT_EQ(suggest("q=ri&limit=x", 400), error_body("invalid_parameter", limit_message, "limit"));
    EXPECT_EQ(suggest("q=" + std::string(201, 'a'), 400),
              error_body("invalid_parameter", "'q' is longer than 200 bytes", "q"));
    EXPECT_EQ(suggest("q=ri&view=passages", 400),
              error_body("unknown_parameter", "unknown parameter 'view'", "view"));
    EXPECT_EQ(suggest("q=%FF", 400), error_body("invalid_parameter", "'q' is not valid UTF-8", "q"));
}

}  // namespace
}  // namespace stmt_it
