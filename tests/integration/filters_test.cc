/** @file filters_test.cc
 *  @brief Filters (ORed within a field, ANDed across fields), date ranges,
 *  sorting and paging of /api/search, checked against EXPECTED.md.
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace stmt_it {
namespace {

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// Every statement the request finds (one page of up to 100 is all of them).
nlohmann::json search_all(Params params) {
    params.emplace_back("per_page", "100");
    return fixture_server().get_json(search_path(params));
}

/// Checks that a filtered listing finds exactly `expected`, and that
/// `total` counts distinct statements.
void expect_finds(const Params& params, const std::vector<std::string>& expected) {
    const auto response = search_all(params);
    const auto ids = result_ids(response);
    EXPECT_EQ(sorted(ids), expected);
    EXPECT_EQ(response.value("total", std::size_t{0}), expected.size());
}

std::string organization_id(std::string_view label) {
    const auto facets = fixture_server().get_json("/api/facets");
    for (const auto& value : facets.at("facets").at("organization"))
        if (value.at("label") == label) return value.at("id").get<std::string>();
    ADD_FAILURE() << "no organisation labelled " << label;
    return {};
}

std::string effective_date_of(const std::string& id) {
    const auto* s = expected_statement(id);
    return s ? effective_date(*s) : std::string("?");
}

TEST(IntegrationFilters, EachSessionFindsExactlyItsStatements) {
    for (const auto& [session, start] : SESSION_STARTS) {
        SCOPED_TRACE(std::string(session));
        expect_finds({{"session", std::string(session)}}, expected_ids([&](const auto& s) { return s.session == session; }));
    }
}

TEST(IntegrationFilters, EachChapterFindsExactlyItsStatements) {
    std::set<std::string_view> chapters;
    for (const auto& s : expected_statements()) chapters.insert(s.chapter);
    for (const auto chapter : chapters) {
        SCOPED_TRACE(std::string(chapter));
        expect_finds({{"chapter", std::string(chapter)}}, expected_ids([&](const auto& s) { return s.chapter == chapter; }));
    }
}

TEST(IntegrationFilters, EachOrganizationFindsExactlyItsStatements) {
    std::set<std::string_view> labels;
    for (const auto& s : expected_statements()) labels.insert(s.organization);
    for (const auto label : labels) {
        SCOPED_TRACE(std::string(label));
        expect_finds({{"organization", organization_id(label)}},
                     expected_ids([&](const auto& s) { return s.organization == label; }));
    }
}

TEST(IntegrationFilters, EachStatusFindsExactlyItsStatements) {
    for (const std::string_view status : {"draft", "oral", "written", "final"}) {
        SCOPED_TRACE(std::string(status));
        expect_finds({{"status", std::string(status)}}, expected_ids([&](const auto& s) { return s.status == status; }));
    }
}

TEST(IntegrationFilters, LanguageEnglishFindsEveryStatement) {
    expect_finds({{"language", "en"}}, expected_ids([](const auto&) { return true; }));
}

TEST(IntegrationFilters, ThemeFindsOnlyStatementsTaggedWithIt) {
    // EXPECTED.md: gender is mentioned only by the two Meridian files and the seed.
    const auto response = search_all({{"theme", "gender"}});
    EXPECT_EQ(sorted(result_ids(response)),
              (std::vector<std::string>{"meridian-ahc5-implementation-mechanism", "meridian-ahc8-technical-assistance",
                                        "seed-alliance-ahc5"}));
    for (const auto& hit : response.at("results")) {
        const auto& themes = hit.at("themes");
        EXPECT_TRUE(std::any_of(themes.begin(), themes.end(), [](const auto& t) { return t.at("id") == "gender"; }))
            << hit.at("statement_id");
    }
}

TEST(IntegrationFilters, ValuesOfOneFieldAreOred) {
    expect_finds({{"session", "ahc-1"}, {"session", "ahc-2"}, {"session", "ahc-concluding"}},
                 expected_ids([](const auto& s) {
                     return s.session == "ahc-1" || s.session == "ahc-2" || s.session == "ahc-concluding";
                 }));
    expect_finds({{"status", "draft"}, {"status", "oral"}},
                 expected_ids([](const auto& s) { return s.status == "draft" || s.status == "oral"; }));
}

TEST(IntegrationFilters, DifferentFieldsAreAnded) {
    expect_finds({{"session", "ahc-5"}, {"status", "draft"}}, {"seed-alliance-ahc5"});
    expect_finds({{"session", "ahc-5"}, {"organization", organization_id("Coastal Legal Aid Network")}},
                 {"coastal-ahc5-international-cooperation"});
    // ORed within chapter, then ANDed with the statuses.
    expect_finds({{"chapter", "criminalization"}, {"chapter", "preventive-measures"}, {"status", "draft"}},
                 {"riverside-concluding-prevention"});
    expect_finds({{"session", "ahc-1"}, {"status", "draft"}}, {});
}

TEST(IntegrationFilters, FiltersApplyToTheQueryResults) {
    const auto response = search_all({{"q", "human rights"}, {"chapter", "criminalization"}});
    EXPECT_FALSE(response.at("results").empty());
    for (const auto& hit : response.at("results")) EXPECT_EQ(hit.at("chapter").at("id"), "criminalization");
}

TEST(IntegrationFilters, DateRangeIsInclusiveAndUsesTheSortDate) {
    const auto within = [](std::string from, std::string to) {
        return expected_ids([=](const auto& s) { return effective_date(s) >= from && effective_date(s) <= to; });
    };
    expect_finds({{"date_from", "2023-01-01"}, {"date_to", "2023-12-31"}}, within("2023-01-01", "2023-12-31"));
    expect_finds({{"date_from", "2023-04-18"}, {"date_to", "2023-04-18"}}, {"meridian-ahc5-implementation-mechanism"});
    expect_finds({{"date_from", "2024-01-01"}}, within("2024-01-01", "9999-12-31"));
    expect_finds({{"date_to", "2022-06-02"}}, within("0000-01-01", "2022-06-02"));
    const auto response = search_all({{"date_from", "2022-06-02"}, {"date_to", "2022-09-01"}});
    for (const auto& hit : response.at("results")) {
        ASSERT_TRUE(hit.at("date").is_string()) << hit.at("statement_id");
        EXPECT_GE(hit.at("date").get<std::string>(), "2022-06-02");
        EXPECT_LE(hit.at("date").get<std::string>(), "2022-09-01");
    }
}

TEST(IntegrationFilters, EmptyQueryListsEverythingNewestFirst) {
    const auto response = search_all({{"q", ""}});
    EXPECT_EQ(response.value("total", -1), EXPECTED_STATEMENT_COUNT);
    const auto ids = result_ids(response);
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(EXPECTED_STATEMENT_COUNT));
    for (std::size_t i = 1; i < ids.size(); ++i)
        EXPECT_GE(effective_date_of(ids[i - 1]), effective_date_of(ids[i])) << ids[i - 1] << " before " << ids[i];
    EXPECT_EQ(ids.front(), "meridian-ahc8-technical-assistance");  // reconvened concluding session, 2024-07
    EXPECT_EQ(ids.back(), "riverside-ahc1-opening");               // first session, 2022-02
    // The default page holds ten.
    EXPECT_EQ(result_ids(fixture_server().get_json("/api/search")).size(), 10u);
}

TEST(IntegrationFilters, SortByDateOrdersBothWays) {
    for (const std::string query : {"", "human rights"}) {
        SCOPED_TRACE("q=" + query);
        const auto ascending = result_ids(search_all({{"q", query}, {"sort", "date"}}));
        const auto descending = result_ids(search_all({{"q", query}, {"sort", "-date"}}));
        ASSERT_GT(ascending.size(), 1u);
        EXPECT_EQ(ascending.size(), descending.size());
        for (std::size_t i = 1; i < ascending.size(); ++i) {
            EXPECT_LE(effective_date_of(ascending[i - 1]), effective_date_of(ascending[i]));
            EXPECT_GE(effective_date_of(descending[i - 1]), effective_date_of(descending[i]));
        }
        EXPECT_EQ(sorted(ascending), sorted(descending));
    }
}

/// Pages through a request and checks the pages add up to the full list.
void expect_paging_covers(Params params, int per_page, bool passages) {
    params.emplace_back("view", passages ? "passages" : "statements");
    const auto all = search_all(params);
    const std::size_t total = all.at("total").get<std::size_t>();
    std::vector<std::pair<std::string, int>> paged;
    for (int page = 1; page <= static_cast<int>(total) / per_page + 2; ++page) {
        Params p = params;
        p.emplace_back("page", std::to_string(page));
        p.emplace_back("per_page", std::to_string(per_page));
        const auto response = fixture_server().get_json(search_path(p));
        EXPECT_EQ(response.at("total").get<std::size_t>(), total) << "page " << page;
        EXPECT_EQ(response.at("page"), page);
        EXPECT_LE(response.at("results").size(), static_cast<std::size_t>(per_page));
        for (const auto& hit : response.at("results"))
            paged.emplace_back(hit.at("statement_id").get<std::string>(), hit.at("paragraph").get<int>());
    }
    std::vector<std::pair<std::string, int>> whole;
    for (const auto& hit : all.at("results"))
        whole.emplace_back(hit.at("statement_id").get<std::string>(), hit.at("paragraph").get<int>());
    EXPECT_EQ(paged, whole);  // same results, same order, no repeats, none lost
    EXPECT_EQ(paged.size(), total);
}

TEST(IntegrationFilters, PagingCoversAllResultsWithoutRepeats) {
    expect_paging_covers({{"q", ""}}, 4, false);
    expect_paging_covers({{"q", ""}}, 10, true);
    expect_paging_covers({{"q", "data"}}, 2, false);
    expect_paging_covers({{"q", "human rights"}, {"sort", "date"}}, 3, true);
}

}  // namespace
}  // namespace stmt_it
