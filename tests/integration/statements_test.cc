/** @file statements_test.cc
 *  @brief GET /api/statements/{id}: numbered paragraphs equal to the source
 *  file, formulas kept apart, and every fixture's metadata as EXPECTED.md.
 */
#include "fixture_expectations.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace stmt_it {
namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// The file's blocks separated by blank lines, each block's lines joined
/// with single spaces: how a reader sees the paragraphs.
std::vector<std::string> blocks_of(const std::string& content) {
    std::vector<std::string> blocks;
    std::string current;
    std::istringstream in(content);
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty()) {
            if (!current.empty()) blocks.push_back(current);
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
    }
    if (!current.empty()) blocks.push_back(current);
    return blocks;
}

std::vector<std::string> strings(const nlohmann::json& array) { return array.get<std::vector<std::string>>(); }

TEST(IntegrationStatements, SeedParagraphsAreTheFileBodyNumberedFromOne) {
    const auto statement = fixture_server().get_json("/api/statements/seed-alliance-ahc5");
    auto blocks = blocks_of(read_file(FIXTURE_CORPUS / "seed-alliance-ahc5.txt"));
    ASSERT_EQ(blocks.size(), 12u);  // two header lines, nine paragraphs, "Thank you"
    ASSERT_EQ(blocks.back(), "Thank you");
    const std::vector<std::string> body(blocks.begin() + 2, blocks.end() - 1);

    const auto& paragraphs = statement.at("paragraphs");
    ASSERT_EQ(paragraphs.size(), 9u);
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        EXPECT_EQ(paragraphs[i].at("n"), static_cast<int>(i) + 1);
        EXPECT_EQ(paragraphs[i].at("text"), body[i]) << "paragraph " << i + 1;
    }
}

TEST(IntegrationStatements, SeedHeaderAndClosingAreNotParagraphs) {
    const auto statement = fixture_server().get_json("/api/statements/seed-alliance-ahc5");
    EXPECT_EQ(strings(statement.at("header")),
              (std::vector<std::string>{"ALLIANCE DRAFT STATEMENT FOR AHC 5", "International cooperation"}));
    EXPECT_EQ(strings(statement.at("closing")), std::vector<std::string>{"Thank you"});
    EXPECT_TRUE(statement.at("opening").empty());
    EXPECT_EQ(statement.at("id"), "seed-alliance-ahc5");
    EXPECT_EQ(statement.at("url"), "/statements/seed-alliance-ahc5");
    EXPECT_EQ(statement.at("source"), "seed-alliance-ahc5.txt");
}

TEST(IntegrationStatements, SeedParagraphThemesIncludeTheIntendedThemes) {
    const auto statement = fixture_server().get_json("/api/statements/seed-alliance-ahc5");
    std::set<std::string> tagged;
    for (const auto& p : statement.at("paragraphs"))
        for (const auto& t : p.at("themes")) tagged.insert(t.at("id").get<std::string>());
    for (const auto theme : expected_statement("seed-alliance-ahc5")->themes)
        EXPECT_TRUE(tagged.count(std::string(theme))) << theme;
    // Paragraph 3 is about civil society and technical assistance.
    std::set<std::string> third;
    for (const auto& t : statement.at("paragraphs").at(2).at("themes")) third.insert(t.at("id").get<std::string>());
    EXPECT_TRUE(third.count("civil-society-participation"));
    EXPECT_TRUE(third.count("technical-assistance"));
}

TEST(IntegrationStatements, OpeningAndClosingFormulasAreKeptApart) {
    const auto statement = fixture_server().get_json("/api/statements/coastal-ahc5-international-cooperation");
    EXPECT_EQ(strings(statement.at("opening")), std::vector<std::string>{"Madam Chair,"});
    EXPECT_EQ(strings(statement.at("closing")), std::vector<std::string>{"Thank you, Chair."});
    const auto& paragraphs = statement.at("paragraphs");
    ASSERT_EQ(paragraphs.size(), 5u);
    EXPECT_TRUE(paragraphs[0].at("text").get<std::string>().starts_with("The Coastal Legal Aid Network appreciates"));
    // The synthetic note precedes the closing, so it is the last paragraph.
    EXPECT_EQ(paragraphs[4].at("text"),
              "(Synthetic test fixture written for the Statement Library tests; not a real statement.)");

    const auto meridian = fixture_server().get_json("/api/statements/meridian-ahc5-implementation-mechanism");
    EXPECT_EQ(strings(meridian.at("closing")), std::vector<std::string>{"Thank you."});
}

TEST(IntegrationStatements, EveryFixtureHasItsExpectedMetadata) {
    for (const auto& expected : expected_statements()) {
        SCOPED_TRACE(std::string(expected.file));
        const auto statement = fixture_server().get_json("/api/statements/" + std::string(expected.id));
        ASSERT_TRUE(statement.contains("paragraphs"));
        EXPECT_EQ(statement.at("session").at("id"), expected.session);
        EXPECT_EQ(statement.at("chapter").at("id"), expected.chapter);
        EXPECT_EQ(statement.at("organization").at("label"), expected.organization);
        EXPECT_EQ(statement.at("status"), expected.status);
        if (expected.date.empty()) {
            EXPECT_TRUE(statement.at("date").is_null()) << statement.at("date");
        } else {
            EXPECT_EQ(statement.at("date"), expected.date);
        }
        EXPECT_EQ(statement.at("language"), "en");
        EXPECT_EQ(statement.at("source"), expected.file);
        EXPECT_EQ(statement.at("paragraphs").size(), static_cast<std::size_t>(expected.paragraphs));
        std::set<std::string> themes;
        for (const auto& t : statement.at("themes")) themes.insert(t.at("id").get<std::string>());
        for (const auto theme : expected.themes) EXPECT_TRUE(themes.count(std::string(theme))) << "theme " << theme;
        for (std::size_t i = 0; i < statement.at("paragraphs").size(); ++i)
            EXPECT_EQ(statement.at("paragraphs")[i].at("n"), static_cast<int>(i) + 1);
    }
}

TEST(IntegrationStatements, SearchHitsShowTheSameMetadataAsTheStatement) {
    const auto listing = fixture_server().get_json(search_path({{"per_page", "100"}}));
    ASSERT_EQ(listing.at("results").size(), static_cast<std::size_t>(EXPECTED_STATEMENT_COUNT));
    for (const auto& hit : listing.at("results")) {
        const std::string id = hit.at("statement_id").get<std::string>();
        SCOPED_TRACE(id);
        const auto statement = fixture_server().get_json("/api/statements/" + id);
        for (const char* field : {"title", "organization", "session", "chapter", "date", "status", "language", "themes", "url"})
            EXPECT_EQ(hit.at(field), statement.at(field)) << field;
    }
}

TEST(IntegrationStatements, PlainHeaderOrganizationIsRecognised) {
    // No front matter: organisation, session and chapter come from the header.
    const auto statement = fixture_server().get_json("/api/statements/northwind-ahc4-criminalization");
    EXPECT_EQ(strings(statement.at("header")),
              (std::vector<std::string>{
                  "Statement by the Northwind Digital Rights Collective at the fourth session of the Ad Hoc Committee",
                  "Chapter II: Criminalization"}));
    EXPECT_EQ(statement.at("organization").at("label"), "Northwind Digital Rights Collective");
}

}  // namespace
}  // namespace stmt_it
