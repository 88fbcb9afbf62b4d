// corpus/manifest.csv: RFC 4180 reading and metadata rows.
#include "stmtlib/manifest.h"

#include <gtest/gtest.h>

namespace {

using stmt::Diagnostic;

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndLineEnds) {
    const auto table = stmt::parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here");
    ASSERT_EQ(table.unclosed_quote_line, 0);
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(table.rows[1].line, 2);
    EXPECT_EQ(table.rows[2].line, 4);
    EXPECT_EQ(table.rows[2].cells[2], "here");
}

TEST(Csv, CrlfAndBlankLines) {
    const auto table = stmt::parse_csv("a,b\r\n\r\n1,2\r\n");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(table.rows[1].line, 3);
}

TEST(Csv, UnclosedQuoteNamesItsLine) {
    const auto table = stmt::parse_csv("a,b\n1,2\n\"open,3\n4,5\n");
    EXPECT_EQ(table.unclosed_quote_line, 3);
}

TEST(Manifest, RowsBecomeMetadataLayersWithLines) {
    std::vector<Diagnostic> diagnostics;
    const auto rows = stmt::parse_manifest(
        "file,title,organization,session,chapter,date,language,status,source\n"
        "ahc-5/a.pdf,A title,Human Rights Watch,AHC 5,Chapter V,2023-04-17,en,oral,https://example.org/a.pdf\n"
        "b.docx,,Access Now,ahc-6,,,,,\n",
        "corpus/manifest.csv", diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    ASSERT_EQ(rows.size(), 2u);
    const auto& a = rows.at("ahc-5/a.pdf");
    EXPECT_EQ(a.fields.at("session").value, "AHC 5");
    EXPECT_EQ(a.fields.at("session").line, 2);
    EXPECT_EQ(a.fields.at("session").file, "corpus/manifest.csv");
    EXPECT_EQ(a.fields.at("source").value, "https://example.org/a.pdf");
    const auto& b = rows.at("b.docx");
    EXPECT_EQ(b.fields.count("title"), 0u);  // empty cells say nothing
    EXPECT_EQ(b.fields.at("organization").value, "Access Now");
}

TEST(Manifest, ReportsProblemsWithFileAndLine) {
    std::vector<Diagnostic> diagnostics;
    const auto rows = stmt::parse_manifest("file,colour\na.txt,blue\na.txt,red\n,green\n", "m.csv", diagnostics);
    EXPECT_EQ(rows.size(), 1u);
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].to_string(), "m.csv:1: warning: manifest: unknown column 'colour' ignored");
    EXPECT_EQ(diagnostics[1].to_string(), "m.csv:3: warning: manifest: second row for 'a.txt' ignored");
    EXPECT_EQ(diagnostics[2].to_string(), "m.csv:4: warning: manifest: row without a file ignored");
}

TEST(Manifest, WithoutFileColumnIsAnError) {
    std::vector<Diagnostic> diagnostics;
    EXPECT_TRUE(stmt::parse_manifest("title,session\nx,ahc-5\n", "m.csv", diagnostics).empty());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::error);
}

}  // namespace
