/** @file front_matter_test.cc
 *  @brief The YAML block at the top of a statement file: fields with their
 *  lines, themes, warnings and errors, and where the body starts.
 */
#include "stmtlib/front_matter.h"

#include "unit_support.h"

#include <gtest/gtest.h>

namespace stmt {
namespace {

using stmt::testing::first_error;
using stmt::testing::has_error;

constexpr const char* FILE_NAME = "corpus/x.md";

const std::string FULL =
    "---\n"                                   // 1
    "title: Gender-responsive review\n"       // 2
    "organisation: Meridian Women in Tech Forum\n"  // 3
    "session: AHC5\n"                         // 4
    "chapter: mechanism-of-implementation\n"  // 5
    "date: 2023-04-18\n"                      // 6
    "themes:\n"                               // 7
    "  - gender\n"                            // 8
    "  - victims-witnesses\n"                 // 9
    "---\n"                                   // 10
    "\n"                                      // 11
    "The Meridian Women in Tech Forum speaks.\n";  // 12

TEST(FrontMatter, FieldsWithTheirLines) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter(FULL, FILE_NAME, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    ASSERT_EQ(fm.fields.count("title"), 1u);
    EXPECT_EQ(fm.fields.at("title").value, "Gender-responsive review");
    EXPECT_EQ(fm.fields.at("title").line, 2);
    ASSERT_EQ(fm.fields.count("session"), 1u);
    EXPECT_EQ(fm.fields.at("session").value, "AHC5");
    EXPECT_EQ(fm.fields.at("session").line, 4);
    ASSERT_EQ(fm.fields.count("chapter"), 1u);
    EXPECT_EQ(fm.fields.at("chapter").line, 5);
    ASSERT_EQ(fm.fields.count("date"), 1u);
    EXPECT_EQ(fm.fields.at("date").value, "2023-04-18");
    EXPECT_EQ(fm.fields.at("date").line, 6);
    EXPECT_EQ(fm.fields.count("themes"), 0u);  // themes are kept apart
}

TEST(FrontMatter, OrganisationIsReadAsOrganization) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter(FULL, FILE_NAME, diagnostics);
    EXPECT_EQ(fm.fields.count("organisation"), 0u);
    ASSERT_EQ(fm.fields.count("organization"), 1u);
    EXPECT_EQ(fm.fields.at("organization").value, "Meridian Women in Tech Forum");
    EXPECT_EQ(fm.fields.at("organization").line, 3);
}

TEST(FrontMatter, ThemesListWithLines) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter(FULL, FILE_NAME, diagnostics);
    ASSERT_EQ(fm.themes.size(), 2u);
    EXPECT_EQ(fm.themes[0].value, "gender");
    EXPECT_EQ(fm.themes[0].line, 8);
    EXPECT_EQ(fm.themes[1].value, "victims-witnesses");
    EXPECT_EQ(fm.themes[1].line, 9);
}

TEST(FrontMatter, FlowAndScalarThemes) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter flow = parse_front_matter("---\nthemes: [gender, prevention]\n---\nBody.\n", FILE_NAME, diagnostics);
    ASSERT_EQ(flow.themes.size(), 2u);
    EXPECT_EQ(flow.themes[1].value, "prevention");
    EXPECT_EQ(flow.themes[1].line, 2);
    const FrontMatter scalar = parse_front_matter("---\nthemes: gender\n---\nBody.\n", FILE_NAME, diagnostics);
    ASSERT_EQ(scalar.themes.size(), 1u);
    EXPECT_EQ(scalar.themes[0].value, "gender");
    EXPECT_TRUE(diagnostics.empty());
}

TEST(FrontMatter, BodyOffsetAndLine) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter(FULL, FILE_NAME, diagnostics);
    EXPECT_EQ(fm.body_line, 11);
    ASSERT_LE(fm.body_offset, FULL.size());
    EXPECT_EQ(FULL.substr(fm.body_offset), "\nThe Meridian Women in Tech Forum speaks.\n");
}

TEST(FrontMatter, NoFrontMatter) {
    std::vector<Diagnostic> diagnostics;
    const std::string content = "*ALLIANCE DRAFT STATEMENT FOR AHC 5*\n\nText.\n";
    const FrontMatter fm = parse_front_matter(content, FILE_NAME, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_TRUE(fm.fields.empty());
    EXPECT_TRUE(fm.themes.empty());
    EXPECT_EQ(fm.body_offset, 0u);
    EXPECT_EQ(fm.body_line, 1);
}

TEST(FrontMatter, EmptyBlockAndDotsClosing) {
    std::vector<Diagnostic> diagnostics;
    const std::string empty = "---\n---\nBody.\n";
    const FrontMatter fm = parse_front_matter(empty, FILE_NAME, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_TRUE(fm.fields.empty());
    EXPECT_EQ(empty.substr(fm.body_offset), "Body.\n");
    EXPECT_EQ(fm.body_line, 3);

    const std::string dots = "---\nid: x\n...\nBody.\n";
    const FrontMatter fm2 = parse_front_matter(dots, FILE_NAME, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(fm2.fields.at("id").value, "x");
    EXPECT_EQ(dots.substr(fm2.body_offset), "Body.\n");
}

TEST(FrontMatter, CrlfLineEnds) {
    std::vector<Diagnostic> diagnostics;
    const std::string content = "---\r\ntitle: T\r\nsession: ahc-2\r\n---\r\nBody.\r\n";
    const FrontMatter fm = parse_front_matter(content, FILE_NAME, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    ASSERT_EQ(fm.fields.count("session"), 1u);
    EXPECT_EQ(fm.fields.at("session").value, "ahc-2");
    EXPECT_EQ(fm.fields.at("session").line, 3);
    EXPECT_EQ(content.substr(fm.body_offset), "Body.\r\n");
}

TEST(FrontMatter, UnknownKeyIsAWarningWithItsLine) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter("---\ntitle: T\nauthor: Someone\n---\nBody.\n", FILE_NAME, diagnostics);
    EXPECT_FALSE(has_error(diagnostics));
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::warning);
    EXPECT_EQ(diagnostics[0].line, 3);
    EXPECT_EQ(diagnostics[0].file, FILE_NAME);
    EXPECT_NE(diagnostics[0].message.find("author"), std::string::npos);
    EXPECT_EQ(fm.fields.count("author"), 0u);
    EXPECT_EQ(fm.fields.count("title"), 1u);
}

TEST(FrontMatter, UnclosedBlockIsAnErrorAtLine1) {
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse_front_matter("---\ntitle: T\n\nBody text.\n", FILE_NAME, diagnostics);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 1);
    EXPECT_EQ(error->file, FILE_NAME);
    EXPECT_TRUE(fm.fields.empty());
}

TEST(FrontMatter, YamlSyntaxErrorHasALineInsideTheBlock) {
    std::vector<Diagnostic> diagnostics;
    parse_front_matter("---\ntitle: T\nsession: [ahc-1\nchapter: x\n---\nBody.\n", FILE_NAME, diagnostics);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_GE(error->line, 2);
    EXPECT_LE(error->line, 5);
    EXPECT_EQ(error->file, FILE_NAME);
}

TEST(FrontMatter, BadIndentationErrorPointsAtTheLine) {
    std::vector<Diagnostic> diagnostics;
    parse_front_matter("---\ntitle: T\nsession: ahc-1\n  chapter: x\n---\nBody.\n", FILE_NAME, diagnostics);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 4);
}

TEST(FrontMatter, NonScalarFieldIsAnError) {
    std::vector<Diagnostic> diagnostics;
    parse_front_matter("---\ntitle: T\nsession:\n  - ahc-1\n  - ahc-2\n---\nBody.\n", FILE_NAME, diagnostics);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 3);
    EXPECT_NE(error->message.find("session"), std::string::npos);
}

TEST(FrontMatter, SidecarYamlLinesStartAtFirstLine) {
    std::vector<Diagnostic> diagnostics;
    const MetadataLayer layer = parse_metadata_yaml("session: ahc-2\nfoo: 1\n", "x.pdf.yaml", 1, diagnostics);
    ASSERT_EQ(layer.fields.count("session"), 1u);
    EXPECT_EQ(layer.fields.at("session").line, 1);
    EXPECT_EQ(layer.fields.at("session").file, "x.pdf.yaml");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::warning);
    EXPECT_EQ(diagnostics[0].line, 2);
}

TEST(FrontMatter, NotAMappingIsAnError) {
    std::vector<Diagnostic> diagnostics;
    parse_front_matter("---\n- just\n- a list\n---\nBody.\n", FILE_NAME, diagnostics);
    EXPECT_TRUE(has_error(diagnostics));
}

}  // namespace
}  // namespace stmt
