/** @file statement_parser_test.cc
 *  @brief parse_statement on the real seed statement and on small texts:
 *  paragraphs, formulas, themes, metadata precedence and rejected files.
 */
#include "stmtlib/statement_parser.h"

#include "unit_support.h"

#include <gtest/gtest.h>

namespace stmt {
namespace {

using stmt::testing::contains;
using stmt::testing::first_error;
using stmt::testing::has_error;

constexpr const char* SEED_FILE = "alliance-ahc5-international-cooperation.txt";

class StatementParser : public ::testing::Test {
protected:
    ParseOutcome parse(std::string_view content, const std::string& file = "corpus/test.txt") {
        return parse_statement(content, file, vocabulary, tagger);
    }
    ParseOutcome parse_seed() { return parse(stmt::testing::read_file(stmt::testing::seed_path()), SEED_FILE); }
    /// The paragraph whose text contains `phrase`, or nullptr.
    static const Paragraph* paragraph_with(const Statement& s, const std::string& phrase) {
        for (const auto& p : s.paragraphs)
            if (p.text.find(phrase) != std::string::npos) return &p;
        return nullptr;
    }

    Vocabulary vocabulary = stmt::testing::vocabulary();
    ThemeTagger tagger{vocabulary};
};

TEST_F(StatementParser, SeedParagraphsHeaderAndClosing) {
    const auto out = parse_seed();
    ASSERT_TRUE(out.statement) << (out.diagnostics.empty() ? "" : out.diagnostics[0].message);
    const Statement& s = *out.statement;
    ASSERT_EQ(s.paragraphs.size(), 9u);
    for (std::size_t i = 0; i < s.paragraphs.size(); ++i) EXPECT_EQ(s.paragraphs[i].number, static_cast<int>(i) + 1);
    EXPECT_TRUE(s.paragraphs[0].text.starts_with("The Alliance of NGOs")) << s.paragraphs[0].text;
    EXPECT_EQ(s.paragraphs[0].line, 7);
    EXPECT_TRUE(s.paragraphs[8].text.starts_with("Civil society stakeholders involved")) << s.paragraphs[8].text;
    EXPECT_EQ(s.closing, std::vector<std::string>{"Thank you"});
    EXPECT_TRUE(s.opening.empty());
    EXPECT_EQ(s.header, (std::vector<std::string>{"ALLIANCE DRAFT STATEMENT FOR AHC 5", "International cooperation"}));
    EXPECT_EQ(s.id, "alliance-ahc5-international-cooperation");
    EXPECT_EQ(s.source, SEED_FILE);
}

TEST_F(StatementParser, SeedMetadata) {
    const auto out = parse_seed();
    ASSERT_TRUE(out.statement);
    const Statement& s = *out.statement;
    EXPECT_FALSE(has_error(out.diagnostics));
    EXPECT_EQ(s.organization, "alliance");
    EXPECT_EQ(s.status, "draft");
    EXPECT_EQ(s.session, "ahc-5");
    EXPECT_EQ(s.chapter, "international-cooperation");
    EXPECT_EQ(s.language, "en");
    EXPECT_EQ(s.date, "");
    EXPECT_FALSE(s.title.empty());
}

TEST_F(StatementParser, SeedThemesOnTheParagraphsThatSpeakOfThem) {
    const auto out = parse_seed();
    ASSERT_TRUE(out.statement);
    const Statement& s = *out.statement;
    for (const char* theme : {"civil-society-participation", "technical-assistance", "human-rights-safeguards", "gender",
                              "victims-witnesses", "existing-instruments"})
        EXPECT_TRUE(contains(s.themes, theme)) << theme;
    const struct { const char* phrase; const char* theme; } expected[] = {
        {"gender mainstreaming", "gender"},
        {"duplication of efforts", "existing-instruments"},
        {"victim and witness protection", "victims-witnesses"},
        {"references to human rights", "human-rights-safeguards"},
        {"Civil society can and does play a role", "civil-society-participation"},
        {"Civil society can and does play a role", "technical-assistance"},
    };
    for (const auto& e : expected) {
        const Paragraph* p = paragraph_with(s, e.phrase);
        ASSERT_NE(p, nullptr) << e.phrase;
        EXPECT_TRUE(contains(p->themes, e.theme)) << e.theme << " on para " << p->number;
    }
    EXPECT_FALSE(contains(paragraph_with(s, "duplication of efforts")->themes, "gender"));
    // The statement's themes follow the vocabulary's order.
    std::vector<std::string> ordered;
    for (const auto& t : vocabulary.themes)
        if (contains(s.themes, t.id)) ordered.push_back(t.id);
    EXPECT_EQ(s.themes, ordered);
}

TEST_F(StatementParser, CrlfAndBomParseLikeLf) {
    const std::string lf = stmt::testing::read_file(stmt::testing::seed_path());
    std::string crlf = "\xEF\xBB\xBF";
    for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto a = parse(lf, SEED_FILE);
    const auto b = parse(crlf, SEED_FILE);
    ASSERT_TRUE(a.statement);
    ASSERT_TRUE(b.statement);
    ASSERT_EQ(a.statement->paragraphs.size(), b.statement->paragraphs.size());
    for (std::size_t i = 0; i < a.statement->paragraphs.size(); ++i) {
        EXPECT_EQ(a.statement->paragraphs[i].text, b.statement->paragraphs[i].text);
        EXPECT_EQ(a.statement->paragraphs[i].line, b.statement->paragraphs[i].line);
        EXPECT_EQ(a.statement->paragraphs[i].themes, b.statement->paragraphs[i].themes);
    }
    EXPECT_EQ(a.statement->header, b.statement->header);
    EXPECT_EQ(a.statement->closing, b.statement->closing);
    EXPECT_EQ(a.statement->session, b.statement->session);
    EXPECT_EQ(a.statement->organization, b.statement->organization);
}

TEST_F(StatementParser, FrontMatterBeatsInference) {
    const auto out = parse("---\nsession: ahc-6\nid: My Statement\n---\n*ALLIANCE DRAFT STATEMENT FOR AHC 5*\n\n"
                           "We welcome the text on international cooperation.\n");
    ASSERT_TRUE(out.statement);
    EXPECT_EQ(out.statement->session, "ahc-6");
    EXPECT_EQ(out.statement->organization, "alliance");
    EXPECT_EQ(out.statement->status, "draft");
    EXPECT_EQ(out.statement->id, "my-statement");
    ASSERT_EQ(out.statement->paragraphs.size(), 1u);
    EXPECT_EQ(out.statement->paragraphs[0].line, 7);
}

TEST_F(StatementParser, FrontMatterValuesAreResolved) {
    const auto out = parse("---\norganization: Human Rights Watch\nsession: AHC 3\nchapter: Chapter V\n"
                           "date: 1 September 2022\nstatus: Oral statement\nthemes: [Gender]\n---\n\n"
                           "We ask for safeguards.\n");
    ASSERT_TRUE(out.statement) << (out.diagnostics.empty() ? "" : out.diagnostics[0].message);
    const Statement& s = *out.statement;
    EXPECT_EQ(s.organization, "human-rights-watch");
    EXPECT_EQ(s.session, "ahc-3");
    EXPECT_EQ(s.chapter, "international-cooperation");
    EXPECT_EQ(s.date, "2022-09-01");
    EXPECT_EQ(s.status, "oral");
    EXPECT_EQ(s.given_themes, std::vector<std::string>{"gender"});
    EXPECT_TRUE(contains(s.themes, "gender"));
    EXPECT_TRUE(contains(s.themes, "human-rights-safeguards"));
}

TEST_F(StatementParser, UnknownSessionInFrontMatterIsAnError) {
    const auto out = parse("---\norganization: Human Rights Watch\nsession: ahc-99\n---\n\nSome text here.\n");
    EXPECT_FALSE(out.statement);
    const Diagnostic* error = first_error(out.diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 3);
    EXPECT_EQ(error->file, "corpus/test.txt");
    EXPECT_NE(error->message.find("ahc-99"), std::string::npos);
}

TEST_F(StatementParser, UnknownChapterAndThemeInFrontMatterAreErrors) {
    const auto chapter = parse("---\nchapter: chapter-twelve\n---\nText.\n");
    EXPECT_FALSE(chapter.statement);
    ASSERT_NE(first_error(chapter.diagnostics), nullptr);
    EXPECT_EQ(first_error(chapter.diagnostics)->line, 2);
    const auto theme = parse("---\nthemes:\n  - astrology\n---\nText.\n");
    EXPECT_FALSE(theme.statement);
    ASSERT_NE(first_error(theme.diagnostics), nullptr);
    EXPECT_EQ(first_error(theme.diagnostics)->line, 3);
}

TEST_F(StatementParser, UnknownSessionInHeaderIsAnError) {
    const auto out = parse(stmt::testing::read_file(std::filesystem::path(STMT_FIXTURES_DIR) / "bad" / "unknown-session.txt"),
                           "bad/unknown-session.txt");
    EXPECT_FALSE(out.statement);
    ASSERT_NE(first_error(out.diagnostics), nullptr);
    EXPECT_EQ(first_error(out.diagnostics)->line, 1);
}

TEST_F(StatementParser, RejectedContent) {
    for (const std::string& content : {std::string(), std::string("\n \n\t\n"), std::string("Some text\0more text.\n", 21),
                                      std::string("Valid first line.\n\nBroken \xC3\x28 byte.\n")}) {
        const auto out = parse(content);
        EXPECT_FALSE(out.statement) << content;
        EXPECT_TRUE(has_error(out.diagnostics)) << content;
    }
    const auto utf8 = parse("Valid first line.\n\nBroken \xC3\x28 byte.\n");
    ASSERT_NE(first_error(utf8.diagnostics), nullptr);
    EXPECT_EQ(first_error(utf8.diagnostics)->line, 3);
}

TEST_F(StatementParser, OpeningAndClosingFormulasAreNotNumbered) {
    const auto out = parse("Coastal Legal Aid Network\nStatement on international cooperation, AHC 5\n\nMadam Chair,\n\n"
                           "Mutual legal assistance rarely works for the defence.\n\nExtradition needs guarantees.\n\n"
                           "Thank you, Chair.\n");
    ASSERT_TRUE(out.statement);
    const Statement& s = *out.statement;
    EXPECT_EQ(s.opening, std::vector<std::string>{"Madam Chair,"});
    EXPECT_EQ(s.closing, std::vector<std::string>{"Thank you, Chair."});
    ASSERT_EQ(s.paragraphs.size(), 2u);
    EXPECT_EQ(s.paragraphs[0].number, 1);
    EXPECT_TRUE(s.paragraphs[0].text.starts_with("Mutual legal assistance"));
    EXPECT_EQ(s.paragraphs[0].line, 6);
    EXPECT_EQ(s.header.size(), 2u);
    EXPECT_EQ(s.session, "ahc-5");
}

TEST_F(StatementParser, AllShortLinesStillGetParagraphs) {
    const auto out = parse("We support the text\nwith safeguards\n\nNo more limits\n\nThe end\n");
    ASSERT_TRUE(out.statement);
    const Statement& s = *out.statement;
    EXPECT_TRUE(s.header.empty());
    ASSERT_EQ(s.paragraphs.size(), 3u);
    EXPECT_EQ(s.paragraphs[0].text, "We support the text with safeguards");
    EXPECT_EQ(s.paragraphs[2].number, 3);
}

TEST_F(StatementParser, NewOrganizationIsAddedWithAWarning) {
    const std::size_t before = vocabulary.organizations.size();
    const auto out = parse("Statement on behalf of the Riverside Child Safety Coalition\n\nChildren need protection online.\n");
    ASSERT_TRUE(out.statement);
    EXPECT_EQ(out.statement->organization, "riverside-child-safety-coalition");
    EXPECT_EQ(vocabulary.organizations.size(), before + 1);
    EXPECT_TRUE(vocabulary.organization("riverside-child-safety-coalition")->discovered);
    EXPECT_FALSE(out.diagnostics.empty());
}

TEST(StatementIdForPath, KebabCasedPathWithoutExtension) {
    EXPECT_EQ(statement_id_for_path("alliance-ahc5-international-cooperation.txt"), "alliance-ahc5-international-cooperation");
    EXPECT_EQ(statement_id_for_path("2023/AHC5/Alliance Statement.md"), "2023-ahc5-alliance-statement");
    EXPECT_EQ(statement_id_for_path("v1.2/notes"), "v1-2-notes");
}

}  // namespace
}  // namespace stmt
