/** @file facets_test.cc
 *  @brief Facet counts: the EXPECTED.md counts over the library, sessions in
 *  chronological order, and the exact-count property (a facet's count is
 *  the total one gets by selecting it).
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <map>

namespace stmt_it {
namespace {

using Counts = std::vector<std::pair<std::string, std::size_t>>;

/// (id, count) of one facet field, in the order the API lists them.
Counts facet_counts(const nlohmann::json& facets, const std::string& field) {
    Counts counts;
    for (const auto& value : facets.at(field))
        counts.emplace_back(value.at("id").get<std::string>(), value.at("count").get<std::size_t>());
    return counts;
}

std::map<std::string, std::size_t> by_label(const nlohmann::json& facets, const std::string& field) {
    std::map<std::string, std::size_t> counts;
    for (const auto& value : facets.at(field))
        counts[value.at("label").get<std::string>()] = value.at("count").get<std::size_t>();
    return counts;
}

const Counts EXPECTED_SESSIONS = {{"ahc-1", 1}, {"ahc-2", 1}, {"ahc-3", 1},          {"ahc-4", 3},
                                  {"ahc-5", 3}, {"ahc-6", 1}, {"ahc-concluding", 2}, {"ahc-concluding-resumed", 1}};

std::map<std::string, std::size_t> as_map(const Counts& counts) { return {counts.begin(), counts.end()}; }

TEST(IntegrationFacets, SessionCountsOverAllStatementsInChronologicalOrder) {
    const auto response = fixture_server().get_json(search_path({{"q", ""}}));
    EXPECT_EQ(facet_counts(response.at("facets"), "session"), EXPECTED_SESSIONS);
}

TEST(IntegrationFacets, ChapterStatusAndOrganizationCountsMatchExpected) {
    const auto facets = fixture_server().get_json(search_path({{"q", ""}})).at("facets");
    EXPECT_EQ(as_map(facet_counts(facets, "chapter")),
              (std::map<std::string, std::size_t>{{"general", 1},
                                                  {"general-provisions", 1},
                                                  {"criminalization", 2},
                                                  {"procedural-measures-and-law-enforcement", 2},
                                                  {"international-cooperation", 3},
                                                  {"preventive-measures", 1},
                                                  {"technical-assistance-and-information-exchange", 1},
                                                  {"mechanism-of-implementation", 1},
                                                  {"final-provisions", 1}}));
    EXPECT_EQ(as_map(facet_counts(facets, "status")),
              (std::map<std::string, std::size_t>{{"draft", 3}, {"oral", 3}, {"written", 3}, {"final", 4}}));
    EXPECT_EQ(by_label(facets, "organization"),
              (std::map<std::string, std::size_t>{{"Alliance of NGOs on Crime Prevention and Criminal Justice", 1},
                                                  {"Northwind Digital Rights Collective", 2},
                                                  {"Coastal Legal Aid Network", 3},
                                                  {"Open Borders Research Institute", 2},
                                                  {"Meridian Women in Tech Forum", 2},
                                                  {"Riverside Child Safety Coalition", 3}}));
    EXPECT_EQ(as_map(facet_counts(facets, "language")), (std::map<std::string, std::size_t>{{"en", 13}}));
}

TEST(IntegrationFacets, QueryFacetsOnlyCountMatchingStatements) {
    const auto facets = fixture_server().get_json(search_path({{"q", "civil society"}})).at("facets");
    EXPECT_EQ(facet_counts(facets, "session"), (Counts{{"ahc-1", 1}, {"ahc-5", 1}}));
}

/// For every value of the listed fields, selecting it gives `total` ==
/// its count: the facets are exact, not estimated.
void expect_exact_counts(const std::string& query, const std::string& view) {
    SCOPED_TRACE("q=" + query + " view=" + view);
    const Params base = {{"q", query}, {"view", view}};
    const auto response = fixture_server().get_json(search_path(base));
    std::size_t checked = 0;
    for (const std::string field : {"session", "chapter", "theme", "organization", "status"}) {
        for (const auto& [id, count] : facet_counts(response.at("facets"), field)) {
            Params filtered = base;
            filtered.emplace_back(field, id);
            const auto narrowed = fixture_server().get_json(search_path(filtered));
            EXPECT_EQ(narrowed.value("total", std::size_t{0}), count) << field << "=" << id;
            ++checked;
        }
    }
    EXPECT_GT(checked, 0u);
}

TEST(IntegrationFacets, CountsEqualTheTotalOfSelectingThemInStatementsView) {
    for (const std::string query : {"", "civil society", "gender", "human rights", "evidence OR victims"})
        expect_exact_counts(query, "statements");
}

TEST(IntegrationFacets, CountsEqualTheTotalOfSelectingThemInPassagesView) {
    for (const std::string query : {"", "civil society", "data", "human rights"}) expect_exact_counts(query, "passages");
}

TEST(IntegrationFacets, PassagesViewCountsParagraphs) {
    const auto response = fixture_server().get_json(search_path({{"view", "passages"}}));
    EXPECT_EQ(response.value("total", -1), EXPECTED_PARAGRAPH_COUNT);
    std::map<std::string, std::size_t> paragraphs_by_session;
    for (const auto& s : expected_statements())
        paragraphs_by_session[std::string(s.session)] += static_cast<std::size_t>(s.paragraphs);
    EXPECT_EQ(as_map(facet_counts(response.at("facets"), "session")), paragraphs_by_session);
}

TEST(IntegrationFacets, SelectedValueStaysListedWhenNothingMatches) {
    // So that the page can still offer to unselect it. The field's other
    // values are counted without its own filter: what selecting them too
    // would add.
    const auto response = fixture_server().get_json(
        search_path({{"q", "\"data localisation mandates\""}, {"organization", "alliance"}}));
    EXPECT_EQ(response.value("total", -1), 0);
    EXPECT_EQ(facet_counts(response.at("facets"), "organization"),
              (Counts{{"northwind-digital-rights-collective", 1}, {"alliance", 0}}));
    // Fields without a filter of their own count the (empty) match set.
    EXPECT_TRUE(response.at("facets").at("session").empty());
}

TEST(IntegrationFacets, AFilteredFieldKeepsItsOtherValuesSelectable) {
    const Params one = {{"q", ""}, {"session", "ahc-4"}};
    const auto response = fixture_server().get_json(search_path(one));
    EXPECT_EQ(response.value("total", -1), 3);
    // Every session is still listed with its own count ...
    EXPECT_EQ(facet_counts(response.at("facets"), "session"), EXPECTED_SESSIONS);
    // ... and each count is what selecting that session alongside gives.
    for (const auto& [id, count] : EXPECTED_SESSIONS) {
        if (id == "ahc-4") continue;
        SCOPED_TRACE(id);
        Params two = one;
        two.emplace_back("session", id);
        EXPECT_EQ(fixture_server().get_json(search_path(two)).value("total", -1), static_cast<int>(3 + count));
    }
    // Other fields count the filtered match set.
    EXPECT_EQ(by_label(response.at("facets"), "status").size() > 0, true);
    std::size_t chapter_total = 0;
    for (const auto& [id, count] : facet_counts(response.at("facets"), "chapter")) chapter_total += count;
    EXPECT_EQ(chapter_total, 3u);
}

TEST(IntegrationFacets, FacetsEndpointCountsTheWholeLibrary) {
    const auto library = fixture_server().get_json("/api/facets");
    EXPECT_EQ(library.value("statements", -1), EXPECTED_STATEMENT_COUNT);
    EXPECT_EQ(library.value("paragraphs", -1), EXPECTED_PARAGRAPH_COUNT);
    EXPECT_EQ(facet_counts(library.at("facets"), "session"), EXPECTED_SESSIONS);
    // The same counts as searching for everything.
    const auto everything = fixture_server().get_json(search_path({{"q", ""}}));
    EXPECT_EQ(library.at("facets"), everything.at("facets"));
}

}  // namespace
}  // namespace stmt_it
