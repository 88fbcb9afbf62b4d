/** @file search_params_test.cc
 *  @brief parse_search_parameters: defaults, every parameter, and errors
 *  with their codes and parameter names.
 */
#include "stmtlib/search_request.h"

#include <gtest/gtest.h>

#include <string>

namespace stmt {
namespace {

namespace api = stmt::api;
using Values = std::vector<std::string>;

Expected<SearchRequest> parse(const QueryParameters& p) { return parse_search_parameters(p); }

/// Checks that `p` is rejected with `code`, blaming `parameter`.
void expect_error(const QueryParameters& p, ErrorCode code, std::string_view parameter) {
    const auto r = parse(p);
    ASSERT_FALSE(r.ok()) << "accepted: " << (p.empty() ? "" : p.front().first + "=" + p.front().second);
    EXPECT_EQ(r.error().code, code) << to_string(r.error().code) << ": " << r.error().message;
    EXPECT_EQ(r.error().parameter, parameter) << r.error().message;
    EXPECT_FALSE(r.error().message.empty());
}

TEST(SearchParams, Defaults) {
    const auto r = parse({});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->query, "");
    EXPECT_TRUE(r->filters.empty());
    EXPECT_EQ(r->date_from, "");
    EXPECT_EQ(r->date_to, "");
    EXPECT_EQ(r->view, View::statements);
    EXPECT_EQ(r->sort, Sort::relevance);
    EXPECT_EQ(r->page, 1);
    EXPECT_EQ(r->per_page, api::DEFAULT_PER_PAGE);
}

TEST(SearchParams, QueryIsTrimmed) {
    const auto r = parse({{"q", "  civil society \t"}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->query, "civil society");
}

TEST(SearchParams, EveryFilterField) {
    QueryParameters p;
    for (const auto field : api::FILTER_FIELDS) p.emplace_back(std::string(field), "value-" + std::string(field));
    const auto r = parse(p);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->filters.size(), api::FILTER_FIELDS.size());
    for (const auto field : api::FILTER_FIELDS) {
        const auto it = r->filters.find(field);
        ASSERT_NE(it, r->filters.end()) << field;
        EXPECT_EQ(it->second, Values{"value-" + std::string(field)});
    }
}

TEST(SearchParams, RepeatedFilterValuesAreKeptInOrder) {
    const auto r = parse({{"session", "ahc-5"}, {"chapter", "criminalization"}, {"session", " AHC 6 "}, {"session", ""}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->filters.at("session"), (Values{"ahc-5", "AHC 6"}));
    EXPECT_EQ(r->filters.at("chapter"), Values{"criminalization"});
}

TEST(SearchParams, EmptyFilterValueIsIgnored) {
    const auto r = parse({{"theme", "  "}});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->filters.empty());
}

TEST(SearchParams, Dates) {
    const auto r = parse({{"date_from", "2023-01-01"}, {"date_to", "2023-12-31"}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->date_from, "2023-01-01");
    EXPECT_EQ(r->date_to, "2023-12-31");
    const auto same_day = parse({{"date_from", "2023-04-17"}, {"date_to", "2023-04-17"}});
    EXPECT_TRUE(same_day.ok());
}

TEST(SearchParams, ViewAndSort) {
    const auto passages = parse({{"view", "passages"}, {"sort", "date"}});
    ASSERT_TRUE(passages.ok());
    EXPECT_EQ(passages->view, View::passages);
    EXPECT_EQ(passages->sort, Sort::date_ascending);
    const auto statements = parse({{"view", "statements"}, {"sort", "-date"}});
    ASSERT_TRUE(statements.ok());
    EXPECT_EQ(statements->view, View::statements);
    EXPECT_EQ(statements->sort, Sort::date_descending);
    const auto relevance = parse({{"sort", "relevance"}});
    ASSERT_TRUE(relevance.ok());
    EXPECT_EQ(relevance->sort, Sort::relevance);
}

TEST(SearchParams, PageAndPerPage) {
    const auto r = parse({{"page", "3"}, {"per_page", "25"}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->page, 3);
    EXPECT_EQ(r->per_page, 25);
    const auto edge = parse({{"page", "100"}, {"per_page", std::to_string(api::MAX_PER_PAGE)}});
    ASSERT_TRUE(edge.ok()) << edge.error().message;  // exactly MAX_RESULT_WINDOW
    EXPECT_EQ(edge->per_page, api::MAX_PER_PAGE);
}

TEST(SearchParams, PerPageErrors) {
    for (const char* bad : {"0", "101", "abc", "-5", "1.5", "", "10x"})
        expect_error({{"per_page", bad}}, ErrorCode::invalid_parameter, "per_page");
}

TEST(SearchParams, PageErrors) {
    for (const char* bad : {"0", "-1", "two", "99999999999999"})
        expect_error({{"page", bad}}, ErrorCode::invalid_parameter, "page");
}

TEST(SearchParams, PageBeyondResultWindow) {
    const int per_page = 100;
    const int page = api::MAX_RESULT_WINDOW / per_page + 1;
    expect_error({{"page", std::to_string(page)}, {"per_page", std::to_string(per_page)}}, ErrorCode::page_out_of_range,
                 "page");
    expect_error({{"page", "1001"}}, ErrorCode::page_out_of_range, "page");  // default per_page 10
}

TEST(SearchParams, UnknownParameter) {
    expect_error({{"q", "x"}, {"colour", "blue"}}, ErrorCode::unknown_parameter, "colour");
    expect_error({{"Session", "ahc-5"}}, ErrorCode::unknown_parameter, "Session");
}

TEST(SearchParams, BadDates) {
    expect_error({{"date_from", "2023-02-30"}}, ErrorCode::invalid_parameter, "date_from");
    expect_error({{"date_to", "17 April 2023"}}, ErrorCode::invalid_parameter, "date_to");
    expect_error({{"date_to", "2023-4-1"}}, ErrorCode::invalid_parameter, "date_to");
}

TEST(SearchParams, DateFromAfterDateTo) {
    expect_error({{"date_from", "2023-05-01"}, {"date_to", "2023-04-30"}}, ErrorCode::invalid_parameter, "date_from");
}

TEST(SearchParams, BadViewAndSort) {
    expect_error({{"view", "paragraphs"}}, ErrorCode::invalid_parameter, "view");
    expect_error({{"sort", "newest"}}, ErrorCode::invalid_parameter, "sort");
}

TEST(SearchParams, QueryLength) {
    EXPECT_TRUE(parse({{"q", std::string(api::MAX_QUERY_BYTES, 'a')}}).ok());
    expect_error({{"q", std::string(api::MAX_QUERY_BYTES + 1, 'a')}}, ErrorCode::invalid_parameter, "q");
}

TEST(SearchParams, TooManyFilterValues) {
    QueryParameters p;
    for (std::size_t i = 0; i < api::MAX_FILTER_VALUES; ++i) p.emplace_back(i % 2 ? "theme" : "session", "v" + std::to_string(i));
    EXPECT_TRUE(parse(p).ok());
    p.emplace_back("chapter", "one-too-many");
    expect_error(p, ErrorCode::invalid_parameter, "chapter");
}

TEST(SearchParams, InvalidUtf8) {
    expect_error({{"q", "civil \xFF society"}}, ErrorCode::invalid_parameter, "q");
    expect_error({{"organization", "Alliance \xC0\xAF"}}, ErrorCode::invalid_parameter, "organization");
    EXPECT_TRUE(parse({{"q", "société civile"}}).ok());
}

TEST(ErrorCodes, StableNames) {
    EXPECT_EQ(to_string(ErrorCode::invalid_parameter), "invalid_parameter");
    EXPECT_EQ(to_string(ErrorCode::unknown_parameter), "unknown_parameter");
    EXPECT_EQ(to_string(ErrorCode::unknown_filter_value), "unknown_filter_value");
    EXPECT_EQ(to_string(ErrorCode::page_out_of_range), "page_out_of_range");
}

}  // namespace
}  // namespace stmt
