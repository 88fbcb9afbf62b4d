/** @file research_requests_test.cc
 *  @brief Parsing of the research endpoints' requests: /api/similar (GET
 *  parameters and POST bodies), /api/compare and /api/statements/{id}/cite,
 *  every parameter and every error code with the parameter it blames.
 */
#include "stmtlib/research_requests.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

namespace stmt {
namespace {

using Values = std::vector<std::string>;

template <typename T>
void expect_error(const Expected<T>& r, ErrorCode code, std::string_view parameter, std::string_view message = {}) {
    ASSERT_FALSE(r.ok()) << "accepted";
    EXPECT_EQ(r.error().code, code) << to_string(r.error().code) << ": " << r.error().message;
    EXPECT_EQ(r.error().parameter, parameter) << r.error().message;
    EXPECT_FALSE(r.error().message.empty());
    if (!message.empty()) {
        EXPECT_EQ(r.error().message, message);
    }
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// ---- GET /api/similar ------------------------------------------------------

TEST(ResearchRequests, SimilarByStatementAndParagraph) {
    const auto r = parse_similar_parameters({{"statement", " seed-alliance-ahc5 "}, {"paragraph", "3"}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->statement_id, "seed-alliance-ahc5");
    EXPECT_EQ(r->paragraph, 3);
    EXPECT_EQ(r->text, "");
    EXPECT_EQ(r->scope.query, "");
    EXPECT_TRUE(r->scope.filters.empty());
    EXPECT_EQ(r->scope.per_page, DEFAULT_SIMILAR_RESULTS);
}

TEST(ResearchRequests, SimilarTakesFiltersDatesAndPerPage) {
    const auto r = parse_similar_parameters({{"statement", "x"},
                                             {"paragraph", "1"},
                                             {"session", "ahc-3"},
                                             {"session", "AHC 4"},
                                             {"chapter", "criminalization"},
                                             {"date_from", "2022-01-01"},
                                             {"date_to", "2023-12-31"},
                                             {"per_page", "3"}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->scope.filters.at("session"), (Values{"ahc-3", "AHC 4"}));
    EXPECT_EQ(r->scope.filters.at("chapter"), Values{"criminalization"});
    EXPECT_EQ(r->scope.date_from, "2022-01-01");
    EXPECT_EQ(r->scope.date_to, "2023-12-31");
    EXPECT_EQ(r->scope.per_page, 3);
}

TEST(ResearchRequests, SimilarTextAsAParameter) {
    const auto r = parse_similar_parameters({{"text", "mutual legal assistance with safeguards"}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->text, "mutual legal assistance with safeguards");
    EXPECT_EQ(r->statement_id, "");
    EXPECT_EQ(r->paragraph, 0);
}

TEST(ResearchRequests, SimilarWithoutStatementOrText) {
    expect_error(parse_similar_parameters({}), ErrorCode::invalid_parameter, "statement",
                 "give 'statement' and 'paragraph' (or POST a 'text')");
    expect_error(parse_similar_parameters({{"statement", "  "}, {"paragraph", "2"}}), ErrorCode::invalid_parameter,
                 "statement");
    expect_error(parse_similar_parameters({{"session", "ahc-5"}}), ErrorCode::invalid_parameter, "statement");
}

TEST(ResearchRequests, SimilarWithoutAValidParagraph) {
    const std::string message = "'paragraph' must be a whole number from 1";
    expect_error(parse_similar_parameters({{"statement", "seed-alliance-ahc5"}}), ErrorCode::invalid_parameter,
                 "paragraph", message);
    for (const char* bad : {"0", "-1", "x", "3x", "", "1.5", "99999999999"})
        expect_error(parse_similar_parameters({{"statement", "seed-alliance-ahc5"}, {"paragraph", bad}}),
                     ErrorCode::invalid_parameter, "paragraph", message);
}

TEST(ResearchRequests, SimilarTextLimitIsInCharacters) {
    const std::string at_limit = repeat("\xC3\xA9", MAX_SIMILAR_TEXT_CHARACTERS);  // 5000 characters, 10000 bytes
    EXPECT_TRUE(parse_similar_parameters({{"text", at_limit}}).ok());
    expect_error(parse_similar_parameters({{"text", at_limit + "a"}}), ErrorCode::payload_too_large, "text",
                 "'text' is longer than 5000 characters");
    expect_error(parse_similar_parameters({{"text", std::string(MAX_SIMILAR_TEXT_CHARACTERS + 1, 'a')}}),
                 ErrorCode::payload_too_large, "text");
}

TEST(ResearchRequests, SimilarBlankTextIsRefusedAsInABody) {
    // POST {"text": "   "} is refused with this error; the same text as a
    // GET parameter should be too, not searched as an empty text.
    expect_error(parse_similar_parameters({{"text", "   "}}), ErrorCode::invalid_parameter, "text",
                 "'text' must be a non-empty string");
}

TEST(ResearchRequests, SimilarTextMustBeUtf8) {
    expect_error(parse_similar_parameters({{"text", "abc \xC3\x28 def"}}), ErrorCode::invalid_parameter, "text",
                 "'text' is not valid UTF-8");
}

TEST(ResearchRequests, SimilarRefusesAQuery) {
    expect_error(parse_similar_parameters({{"statement", "x"}, {"paragraph", "1"}, {"q", "civil society"}}),
                 ErrorCode::unknown_parameter, "q", "'q' is not taken here: give 'text' or 'statement'");
}

TEST(ResearchRequests, SimilarRefusesUnknownAndBadSearchParameters) {
    expect_error(parse_similar_parameters({{"statement", "x"}, {"paragraph", "1"}, {"foo", "1"}}),
                 ErrorCode::unknown_parameter, "foo", "unknown parameter 'foo'");
    expect_error(parse_similar_parameters({{"statement", "x"}, {"paragraph", "1"}, {"per_page", "101"}}),
                 ErrorCode::invalid_parameter, "per_page");
    expect_error(parse_similar_parameters({{"statement", "x"}, {"paragraph", "1"}, {"per_page", "0"}}),
                 ErrorCode::invalid_parameter, "per_page");
    expect_error(parse_similar_parameters({{"statement", "x"}, {"paragraph", "1"}, {"date_from", "yesterday"}}),
                 ErrorCode::invalid_parameter, "date_from");
}

// ---- POST /api/similar -----------------------------------------------------

TEST(ResearchRequests, SimilarBodyWithTextFiltersAndPerPage) {
    const auto r = parse_similar_body(
        R"({"text": "capacity building for developing countries", "session": ["ahc-5", "ahc-6"],
            "chapter": "technical-assistance-and-information-exchange", "per_page": 4, "date_to": null})");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->text, "capacity building for developing countries");
    EXPECT_EQ(r->scope.filters.at("session"), (Values{"ahc-5", "ahc-6"}));
    EXPECT_EQ(r->scope.filters.at("chapter"), Values{"technical-assistance-and-information-exchange"});
    EXPECT_EQ(r->scope.per_page, 4);
    EXPECT_EQ(r->scope.date_to, "");
}

TEST(ResearchRequests, SimilarBodyWithStatementAndParagraph) {
    const auto as_number = parse_similar_body(R"({"statement": "seed-alliance-ahc5", "paragraph": 3})");
    ASSERT_TRUE(as_number.ok()) << as_number.error().message;
    EXPECT_EQ(as_number->statement_id, "seed-alliance-ahc5");
    EXPECT_EQ(as_number->paragraph, 3);
    const auto as_string = parse_similar_body(R"({"statement": "seed-alliance-ahc5", "paragraph": "3"})");
    ASSERT_TRUE(as_string.ok()) << as_string.error().message;
    EXPECT_EQ(as_string->paragraph, 3);
}

TEST(ResearchRequests, SimilarBodyThatIsNotAJsonObject) {
    const std::string message = "the body must be a JSON object such as {\"text\": \"...\"}";
    for (const char* bad : {"", "text=hello", "{\"text\": \"unterminated", "[\"text\"]", "\"text\"", "42", "null"})
        expect_error(parse_similar_body(bad), ErrorCode::invalid_parameter, "body", message);
}

TEST(ResearchRequests, SimilarBodyWithANonStringText) {
    const std::string message = "'text' must be a non-empty string";
    for (const char* bad : {R"({"text": 5})", R"({"text": ["a", "b"]})", R"({"text": ""})", R"({"text": "  \n "})"})
        expect_error(parse_similar_body(bad), ErrorCode::invalid_parameter, "text", message);
}

TEST(ResearchRequests, SimilarBodyWithValuesOfTheWrongType) {
    expect_error(parse_similar_body(R"({"text": "x y z", "session": [5]})"), ErrorCode::invalid_parameter, "session",
                 "'session' must hold strings");
    expect_error(parse_similar_body(R"({"text": "x y z", "per_page": true})"), ErrorCode::invalid_parameter,
                 "per_page", "'per_page' must be a string, a number or a list of strings");
    expect_error(parse_similar_body(R"({"text": "x y z", "per_page": 2.5})"), ErrorCode::invalid_parameter,
                 "per_page");
    expect_error(parse_similar_body(R"({"text": "x y z", "session": {"id": "ahc-5"}})"),
                 ErrorCode::invalid_parameter, "session");
    expect_error(parse_similar_body(R"({"text": {"nested": "object"}})"), ErrorCode::invalid_parameter, "text");
}

TEST(ResearchRequests, SimilarBodyErrorsOfTheParameters) {
    expect_error(parse_similar_body(R"({"text": "x y z", "q": "civil society"})"), ErrorCode::unknown_parameter, "q");
    expect_error(parse_similar_body(R"({"text": "x y z", "colour": "red"})"), ErrorCode::unknown_parameter, "colour");
    expect_error(parse_similar_body(R"({"text": "x y z", "per_page": 1000})"), ErrorCode::invalid_parameter,
                 "per_page");
    expect_error(parse_similar_body("{}"), ErrorCode::invalid_parameter, "statement");
    expect_error(parse_similar_body(R"({"statement": "seed-alliance-ahc5"})"), ErrorCode::invalid_parameter,
                 "paragraph");
    expect_error(parse_similar_body(R"({"statement": "seed-alliance-ahc5", "paragraph": 0})"),
                 ErrorCode::invalid_parameter, "paragraph");
}

TEST(ResearchRequests, SimilarBodyTextOverTheLimit) {
    const std::string text = repeat("word ", 1000) + "x";  // 5001 characters
    expect_error(parse_similar_body(nlohmann::json{{"text", text}}.dump()), ErrorCode::payload_too_large, "text",
                 "'text' is longer than 5000 characters");
    EXPECT_TRUE(parse_similar_body(nlohmann::json{{"text", text.substr(0, 5000)}}.dump()).ok());
}

// ---- GET /api/compare ------------------------------------------------------

TEST(ResearchRequests, CompareTwoSides) {
    const auto r = parse_compare_parameters({{"q", "safeguards"}, {"a", " ahc-4 "}, {"b", "Coastal Legal Aid Network"}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->a, "ahc-4");
    EXPECT_EQ(r->b, "Coastal Legal Aid Network");
    EXPECT_EQ(r->search.query, "safeguards");
    EXPECT_EQ(r->search.per_page, DEFAULT_COMPARE_RESULTS);
}

TEST(ResearchRequests, CompareKeepsOtherSearchParameters) {
    const auto r = parse_compare_parameters(
        {{"a", "ahc-4"}, {"b", "ahc-6"}, {"chapter", "criminalization"}, {"view", "passages"}, {"per_page", "2"}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->search.filters.at("chapter"), Values{"criminalization"});
    EXPECT_EQ(r->search.view, View::passages);
    EXPECT_EQ(r->search.per_page, 2);
}

TEST(ResearchRequests, CompareWithoutAOrB) {
    const std::string message = "'a' and 'b' name the two sessions or organisations to compare";
    expect_error(parse_compare_parameters({{"b", "ahc-6"}}), ErrorCode::invalid_parameter, "a", message);
    expect_error(parse_compare_parameters({{"a", "ahc-4"}}), ErrorCode::invalid_parameter, "b", message);
    expect_error(parse_compare_parameters({{"a", " "}, {"b", "ahc-6"}}), ErrorCode::invalid_parameter, "a", message);
    expect_error(parse_compare_parameters({}), ErrorCode::invalid_parameter, "a", message);
}

TEST(ResearchRequests, CompareErrorsOfTheSearchParameters) {
    expect_error(parse_compare_parameters({{"a", "ahc-4"}, {"b", "ahc-6"}, {"c", "ahc-5"}}), ErrorCode::unknown_parameter,
                 "c");
    expect_error(parse_compare_parameters({{"a", "ahc-4"}, {"b", "ahc-6"}, {"per_page", "0"}}),
                 ErrorCode::invalid_parameter, "per_page");
    expect_error(parse_compare_parameters({{"a", "ahc-4"}, {"b", "ahc-6"}, {"q", std::string(1001, 'a')}}),
                 ErrorCode::invalid_parameter, "q");
}

// ---- GET /api/statements/{id}/cite -----------------------------------------

TEST(ResearchRequests, CiteDefaults) {
    const auto r = parse_cite_parameters("seed-alliance-ahc5", {});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->statement_id, "seed-alliance-ahc5");
    EXPECT_EQ(r->paragraph, 0);
    EXPECT_EQ(r->format, CitationFormat::text);
}

TEST(ResearchRequests, CiteParagraphAndEveryFormat) {
    const std::pair<const char*, CitationFormat> formats[] = {{"text", CitationFormat::text},
                                                              {"markdown", CitationFormat::markdown},
                                                              {"bibtex", CitationFormat::bibtex},
                                                              {"csl-json", CitationFormat::csl_json}};
    for (const auto& [name, format] : formats) {
        const auto r = parse_cite_parameters("seed-alliance-ahc5", {{"paragraph", "4"}, {"format", name}});
        ASSERT_TRUE(r.ok()) << name << ": " << r.error().message;
        EXPECT_EQ(r->paragraph, 4);
        EXPECT_EQ(r->format, format) << name;
    }
}

TEST(ResearchRequests, CiteErrors) {
    const std::string paragraph_message = "'paragraph' must be a whole number from 1";
    for (const char* bad : {"0", "-2", "four", "", "4 "})
        expect_error(parse_cite_parameters("x", {{"paragraph", bad}}), ErrorCode::invalid_parameter, "paragraph",
                     paragraph_message);
    const std::string format_message = "'format' must be text, markdown, bibtex or csl-json";
    for (const char* bad : {"xml", "BIBTEX", "csl_json", "ris"})
        expect_error(parse_cite_parameters("x", {{"format", bad}}), ErrorCode::invalid_parameter, "format",
                     format_message);
    expect_error(parse_cite_parameters("x", {{"style", "apa"}}), ErrorCode::unknown_parameter, "style",
                 "unknown parameter 'style'");
}

}  // namespace
}  // namespace stmt

namespace stmt {
namespace {

TEST(ResearchRequestsBoth, SimilarRefusesTextAndStatementTogether) {
    const auto r = parse_similar_parameters({{"text", "civil society"}, {"statement", "x"}, {"paragraph", "1"}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::invalid_parameter);
    EXPECT_EQ(r.error().parameter, "text");
    EXPECT_EQ(r.error().message, "give either 'text' or 'statement', not both");
}

}  // namespace
}  // namespace stmt
