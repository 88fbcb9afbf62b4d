/** @file citation_test.cc
 *  @brief cite(): plain text, Markdown, BibTeX and CSL-JSON of a statement
 *  or a paragraph, format names and media types.
 */
#include "stmtlib/citation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

namespace stmt {
namespace {

const std::string ALLIANCE = "Alliance of NGOs on Crime Prevention and Criminal Justice";
const std::string SEED_URL = "https://library.example.org/statements/alliance-ahc5-international-cooperation#p4";

/// Like the seed statement (corpus/alliance-ahc5-international-cooperation.txt), paragraph 4.
CitationSource seed_like() {
    CitationSource s;
    s.statement_id = "alliance-ahc5-international-cooperation";
    s.title = "Alliance draft statement for AHC 5 \u2014 International cooperation";
    s.organization = ALLIANCE;
    s.status = "draft";
    s.session_id = "ahc-5";
    s.session_label = "Fifth session";
    s.session_short = "AHC 5";
    s.chapter_id = "international-cooperation";
    s.chapter_label = "International cooperation";
    s.paragraph = 4;
    s.url = SEED_URL;
    return s;
}

/// A dated oral statement on no chapter in particular, cited whole.
CitationSource general_dated() {
    CitationSource s;
    s.statement_id = "meridian-ahc1-opening";
    s.title = "Opening statement";
    s.organization = "Meridian Women in Tech Forum";
    s.status = "oral";
    s.session_id = "ahc-1";
    s.session_label = "First session";
    s.session_short = "AHC 1";
    s.chapter_id = "general";
    s.chapter_label = "General";
    s.date = "2022-03-01";
    s.url = "http://localhost:8080/statements/meridian-ahc1-opening";
    return s;
}

TEST(Citation, PlainTextOfTheSeedLikeSource) {
    EXPECT_EQ(cite(seed_like(), CitationFormat::text),
              "Alliance of NGOs on Crime Prevention and Criminal Justice, draft statement, fifth session of the Ad Hoc "
              "Committee (AHC 5), International cooperation, para. 4.");
}

TEST(Citation, PlainTextOfAWholeStatementHasNoParagraph) {
    auto s = seed_like();
    s.paragraph = 0;
    EXPECT_EQ(cite(s, CitationFormat::text),
              "Alliance of NGOs on Crime Prevention and Criminal Justice, draft statement, fifth session of the Ad Hoc "
              "Committee (AHC 5), International cooperation.");
}

TEST(Citation, PlainTextNamesNoChapterForGeneralAndGivesTheDate) {
    EXPECT_EQ(cite(general_dated(), CitationFormat::text),
              "Meridian Women in Tech Forum, oral statement, first session of the Ad Hoc Committee (AHC 1), 2022-03-01.");
}

TEST(Citation, PlainTextNamesEachKindOfStatement) {
    auto s = general_dated();
    s.date.clear();
    const std::pair<const char*, const char*> kinds[] = {{"draft", "draft statement"},
                                                         {"oral", "oral statement"},
                                                         {"written", "written submission"},
                                                         {"joint", "joint statement"},
                                                         {"final", "statement"}};
    for (const auto& [status, kind] : kinds) {
        s.status = status;
        EXPECT_EQ(cite(s, CitationFormat::text),
                  "Meridian Women in Tech Forum, " + std::string(kind) + ", first session of the Ad Hoc Committee (AHC 1).")
            << status;
    }
}

TEST(Citation, PlainTextWithoutSession) {
    auto s = general_dated();
    s.session_id.clear();
    s.session_label.clear();
    s.session_short.clear();
    EXPECT_EQ(cite(s, CitationFormat::text), "Meridian Women in Tech Forum, oral statement, 2022-03-01.");
}

TEST(Citation, MeetingsThatAreNotCommitteeSessionsKeepTheirLabel) {
    auto s = general_dated();
    s.date.clear();
    s.session_id = "intersessional-2";
    s.session_label = "Second intersessional consultation";
    s.session_short = "Intersessional 2";
    EXPECT_EQ(cite(s, CitationFormat::text),
              "Meridian Women in Tech Forum, oral statement, second intersessional consultation (Intersessional 2).");
    s.session_id = "signing-ceremony";
    s.session_label = "Signing ceremony";
    s.session_short = "Signing ceremony";  // same as the label: not repeated
    EXPECT_EQ(cite(s, CitationFormat::text), "Meridian Women in Tech Forum, oral statement, signing ceremony.");
}

TEST(Citation, MarkdownLinksThePlainTextToThePermalink) {
    EXPECT_EQ(cite(seed_like(), CitationFormat::markdown),
              "[Alliance of NGOs on Crime Prevention and Criminal Justice, draft statement, fifth session of the Ad Hoc "
              "Committee (AHC 5), International cooperation, para. 4](" +
                  SEED_URL + ").");
}

TEST(Citation, MarkdownEscapesBracketsInTheLinkText) {
    auto s = general_dated();
    s.organization = "Forum [North] \\ South";
    EXPECT_EQ(cite(s, CitationFormat::markdown),
              "[Forum \\[North\\] \\\\ South, oral statement, first session of the Ad Hoc Committee (AHC 1), "
              "2022-03-01](http://localhost:8080/statements/meridian-ahc1-opening).");
}

TEST(Citation, BibtexEntryOfTheSeedLikeSource) {
    EXPECT_EQ(cite(seed_like(), CitationFormat::bibtex),
              "@misc{alliance-ahc5-international-cooperation-p4,\n"
              "  author = {{Alliance of NGOs on Crime Prevention and Criminal Justice}},\n"
              "  title = {{Alliance draft statement for AHC 5 \u2014 International cooperation}},\n"
              "  howpublished = {draft statement, fifth session of the Ad Hoc Committee (AHC 5)},\n"
              "  note = {para. 4},\n"
              "  url = {" +
                  SEED_URL +
                  "}\n"
                  "}\n");
}

TEST(Citation, BibtexEntryWithADateAndNoParagraph) {
    EXPECT_EQ(cite(general_dated(), CitationFormat::bibtex),
              "@misc{meridian-ahc1-opening,\n"
              "  author = {{Meridian Women in Tech Forum}},\n"
              "  title = {{Opening statement}},\n"
              "  howpublished = {oral statement, first session of the Ad Hoc Committee (AHC 1)},\n"
              "  year = {2022},\n"
              "  date = {2022-03-01},\n"
              "  url = {http://localhost:8080/statements/meridian-ahc1-opening}\n"
              "}\n");
}

TEST(Citation, BibtexEscapesLatexSpecialCharacters) {
    auto s = general_dated();
    s.organization = "R&D {Lab} 100% $ #1 under_score";
    s.title = "Fees & {costs}";
    const std::string entry = cite(s, CitationFormat::bibtex);
    EXPECT_NE(entry.find("  author = {{R\\&D \\{Lab\\} 100\\% \\$ \\#1 under\\_score}},\n"), std::string::npos) << entry;
    EXPECT_NE(entry.find("  title = {{Fees \\& \\{costs\\}}},\n"), std::string::npos) << entry;
}

TEST(Citation, BibtexEscapesABackslashAsTextbackslash) {
    // "\\" in a BibTeX field is a LaTeX line break, not a backslash.
    auto s = general_dated();
    s.title = "A\\B";
    const std::string entry = cite(s, CitationFormat::bibtex);
    EXPECT_NE(entry.find("  title = {{A\\textbackslash{}B}},\n"), std::string::npos) << entry;
}

TEST(Citation, BibtexBracesStayBalancedWhateverTheTitle) {
    auto s = general_dated();
    s.title = "}{ unbalanced }}} {{";
    const std::string entry = cite(s, CitationFormat::bibtex);
    int depth = 0;
    for (std::size_t i = 0; i < entry.size(); ++i) {
        if (entry[i] == '\\') {
            ++i;  // an escaped character does not count
            continue;
        }
        if (entry[i] == '{') ++depth;
        if (entry[i] == '}') --depth;
        ASSERT_GE(depth, 0) << entry;
    }
    EXPECT_EQ(depth, 0) << entry;
}

TEST(Citation, CslJsonOfTheSeedLikeSource) {
    const std::string out = cite(seed_like(), CitationFormat::csl_json);
    const auto json = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(json.is_discarded()) << out;
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 1u);
    const auto& item = json[0];
    EXPECT_EQ(item.at("id"), "alliance-ahc5-international-cooperation-p4");
    EXPECT_EQ(item.at("type"), "speech");
    EXPECT_EQ(item.at("title"), "Alliance draft statement for AHC 5 \u2014 International cooperation");
    EXPECT_EQ(item.at("author"), nlohmann::json::parse(R"([{"literal": "Alliance of NGOs on Crime Prevention and Criminal Justice"}])"));
    EXPECT_EQ(item.at("genre"), "draft statement");
    EXPECT_EQ(item.at("event-title"), "fifth session of the Ad Hoc Committee (AHC 5)");
    EXPECT_EQ(item.at("section"), "International cooperation");
    EXPECT_EQ(item.at("locator"), "4");
    EXPECT_EQ(item.at("label"), "paragraph");
    EXPECT_EQ(item.at("URL"), SEED_URL);
    EXPECT_FALSE(item.contains("issued")) << "the source has no date";
}

TEST(Citation, CslJsonIssuedDateParts) {
    const std::string out = cite(general_dated(), CitationFormat::csl_json);
    const auto json = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(json.is_discarded()) << out;
    ASSERT_EQ(json.size(), 1u);
    const auto& item = json[0];
    EXPECT_EQ(item.at("issued"), nlohmann::json::parse(R"({"date-parts": [[2022, 3, 1]]})"));
    EXPECT_EQ(item.at("id"), "meridian-ahc1-opening");
    EXPECT_FALSE(item.contains("section")) << "no chapter for a general statement";
    EXPECT_FALSE(item.contains("locator"));
}

TEST(Citation, CslJsonStaysValidWithQuotesAndInvalidUtf8) {
    auto s = general_dated();
    s.title = "Say \"no\" to \\ backslashes \xC3\x28";
    const auto json = nlohmann::json::parse(cite(s, CitationFormat::csl_json), nullptr, false);
    ASSERT_FALSE(json.is_discarded());
    EXPECT_TRUE(json[0].at("title").get<std::string>().starts_with("Say \"no\" to \\ backslashes "));
}

TEST(Citation, FormatNames) {
    EXPECT_EQ(citation_format("text"), CitationFormat::text);
    EXPECT_EQ(citation_format(""), CitationFormat::text);
    EXPECT_EQ(citation_format("markdown"), CitationFormat::markdown);
    EXPECT_EQ(citation_format("bibtex"), CitationFormat::bibtex);
    EXPECT_EQ(citation_format("csl-json"), CitationFormat::csl_json);
    EXPECT_FALSE(citation_format("csl_json"));
    EXPECT_FALSE(citation_format("BibTeX"));
    EXPECT_FALSE(citation_format("xml"));
}

TEST(Citation, MediaTypes) {
    EXPECT_EQ(citation_media_type(CitationFormat::text), "text/plain; charset=utf-8");
    EXPECT_EQ(citation_media_type(CitationFormat::markdown), "text/markdown; charset=utf-8");
    EXPECT_EQ(citation_media_type(CitationFormat::bibtex), "application/x-bibtex; charset=utf-8");
    EXPECT_EQ(citation_media_type(CitationFormat::csl_json), "application/vnd.citationstyles.csl+json; charset=utf-8");
}

}  // namespace
}  // namespace stmt
