/** @file extract_pdf_test.cc
 *  @brief stmt::extract_pdf on PDFs written by docgen: paragraphs across
 *  pages, running headers and page numbers dropped, hyphenation undone,
 *  and the errors for encrypted, scanned and damaged files.
 */
#include "stmtlib/extractors.h"
#include "stmtlib/text.h"

#include "document_writers.h"
#include "unit_support.h"

#include "extract_support.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace stmt {
namespace {

const std::string ENCRYPTED = "encrypted PDF: cannot be read without its password";
const std::string NO_TEXT = "no text layer: scanned, needs OCR";
const std::string DAMAGED = "not a readable PDF (damaged or truncated)";
constexpr std::size_t WRAP_COLUMNS = 90;  // docgen::write_pdf wraps lines at this many characters

using extract_support::blocks_of;
using extract_support::expect_well_formed;

Extraction extract_ok(const std::string& pdf) {
    auto result = extract_pdf(pdf);
    if (!result) ADD_FAILURE() << result.error().message;
    return result ? *result : Extraction{};
}

/// Paragraphs of varied prose, long enough to fill several pages.
std::vector<std::string> statement_paragraphs() {
    const std::vector<std::string> sentences = {
        "The draft convention must keep robust human rights safeguards in every article on procedural powers.",
        "Requests for stored content data should require prior authorisation by an independent judge.",
        "Dual criminality protects people whose conduct is lawful where they live",
        "Journalists and security researchers need explicit protection from overbroad offences;",
        "we urge delegations to narrow the scope of international cooperation to serious crimes.",
        "Notification of affected persons and an effective remedy are minimum standards",
        "that the Ad Hoc Committee should not trade away for speed."};
    std::vector<std::string> paragraphs = {"Statement by the Coastal Legal Aid Network", "Madam Chair,"};
    for (std::size_t p = 0; p < 24; ++p) {
        std::string paragraph = "Paragraph " + std::to_string(p + 1) + ":";
        for (std::size_t s = 0; s < 2 + p % 5; ++s) paragraph += " " + sentences[(p * 3 + s) % sentences.size()];
        paragraphs.push_back(paragraph);
    }
    paragraphs.push_back("Thank you, Chair.");
    return paragraphs;
}

std::size_t page_count(const std::string& pdf) {
    std::size_t n = 0;
    for (std::size_t pos = pdf.find("/Type /Page "); pos != std::string::npos; pos = pdf.find("/Type /Page ", pos + 1)) ++n;
    return n;
}

/// Rewrites each page's "Page N of M" in place, padded so that no byte offset moves.
std::string restyle_page_numbers(std::string pdf, const std::function<std::string(int)>& style) {
    const std::size_t pages = page_count(pdf);
    for (std::size_t n = 1; n <= pages; ++n) {
        const std::string old = "(Page " + std::to_string(n) + " of " + std::to_string(pages) + ") Tj";
        std::string replacement = "(" + style(static_cast<int>(n)) + ") Tj";
        replacement.resize(old.size(), ' ');
        const std::size_t pos = pdf.find(old);
        if (pos == std::string::npos) ADD_FAILURE() << "no " << old;
        else pdf.replace(pos, old.size(), replacement);
    }
    return pdf;
}

/// A paragraph whose first line docgen wraps right after `last_word`.
std::string line_ending_with(const std::string& last_word, const std::string& rest) {
    static const std::array<std::string, 5> pads = {"", "s", " a", " an", " and"};  // "s": "text" -> "texts"
    std::string line = "Delegations";
    while (line.size() + 5 + 1 + last_word.size() <= WRAP_COLUMNS) line += " text";
    line += pads.at(WRAP_COLUMNS - line.size() - 1 - last_word.size());
    return line + " " + last_word + " " + rest;
}

TEST(ExtractPdf, KeepsParagraphsAcrossPages) {
    const auto paragraphs = statement_paragraphs();
    const std::string pdf = docgen::write_pdf(paragraphs);
    ASSERT_GE(page_count(pdf), 2u);
    const Extraction result = extract_ok(pdf);
    expect_well_formed(result.text);
    EXPECT_EQ(blocks_of(result.text), paragraphs);
    EXPECT_TRUE(result.warnings.empty());
}

TEST(ExtractPdf, FindsParagraphBreaksAtPageBreaks) {
    // Paragraphs of two full lines (nine, then eight words of nine letters) that end a
    // sentence: at a page break only the blank line at the top of the next page, or at
    // the foot of this one, tells two paragraphs apart.
    const std::vector<std::string> words = {"safeguard", "necessity", "authority", "evidences", "oversight",
                                            "principle", "proposals", "diligence", "procedure", "transfers"};
    std::vector<std::string> paragraphs;
    for (std::size_t i = 0; i < 60; ++i) {
        std::string paragraph;
        for (std::size_t k = 0; k < 17; ++k) paragraph += (k ? " " : "") + words[(i * 7 + k * (1 + i % 3)) % words.size()];
        paragraphs.push_back(paragraph + ".");
    }
    const std::string pdf = docgen::write_pdf(paragraphs);
    ASSERT_GE(page_count(pdf), 4u);
    EXPECT_EQ(blocks_of(extract_ok(pdf).text), paragraphs);
}

TEST(ExtractPdf, DropsRunningHeaderAndPageNumbers) {
    const auto paragraphs = statement_paragraphs();
    const std::string pdf = docgen::write_pdf(paragraphs, "Coastal Legal Aid Network \xE2\x80\x94 AHC 5", true);
    const std::size_t pages = page_count(pdf);
    ASSERT_GE(pages, 3u);
    const Extraction result = extract_ok(pdf);
    expect_well_formed(result.text);
    EXPECT_EQ(blocks_of(result.text), paragraphs);
    EXPECT_EQ(result.text.find("AHC 5"), std::string::npos);
    EXPECT_EQ(result.text.find("Page 2"), std::string::npos);
    EXPECT_TRUE(testing::contains(result.warnings, "dropped " + std::to_string(pages) + " page numbers"));
    EXPECT_TRUE(testing::contains(result.warnings,
                                  "dropped " + std::to_string(pages) + " running header and footer lines"));
}

TEST(ExtractPdf, DropsEveryStyleOfPageNumber) {
    const auto paragraphs = statement_paragraphs();
    const std::string pdf = docgen::write_pdf(paragraphs, "", true);
    const int pages = static_cast<int>(page_count(pdf));
    const std::vector<std::function<std::string(int)>> styles = {
        [](int n) { return std::to_string(n); },
        [](int n) { return "Page " + std::to_string(n); },
        [pages](int n) { return std::to_string(n) + " of " + std::to_string(pages); },
        [](int n) { return "- " + std::to_string(n) + " -"; }};
    for (const auto& style : styles) {
        SCOPED_TRACE(style(2));
        const Extraction result = extract_ok(restyle_page_numbers(pdf, style));
        EXPECT_EQ(blocks_of(result.text), paragraphs);
        EXPECT_TRUE(testing::contains(result.warnings, "dropped " + std::to_string(pages) + " page numbers"));
    }
}

TEST(ExtractPdf, DropsRunningFooter) {
    const auto paragraphs = statement_paragraphs();
    const std::string pdf = restyle_page_numbers(docgen::write_pdf(paragraphs, "", true),
                                                 [](int) { return std::string("Draft"); });
    const Extraction result = extract_ok(pdf);
    EXPECT_EQ(blocks_of(result.text), paragraphs);
    EXPECT_EQ(result.text.find("Draft"), std::string::npos);
}

TEST(ExtractPdf, JoinsWordsHyphenatedAtLineEnd) {
    const std::vector<std::string> paragraphs = {
        line_ending_with("inter-", "national cooperation on cyber-enabled crimes must respect human rights."),
        line_ending_with("non-", "State actors and cyber-enabled offences are outside the scope."),
        "A short closing paragraph."};
    const Extraction result = extract_ok(docgen::write_pdf(paragraphs));
    const auto blocks = blocks_of(result.text);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_NE(blocks[0].find(" international cooperation on cyber-enabled crimes"), std::string::npos) << blocks[0];
    EXPECT_EQ(blocks[0].find("inter-"), std::string::npos);
    EXPECT_NE(blocks[1].find(" non-State actors and cyber-enabled offences"), std::string::npos) << blocks[1];
}

TEST(ExtractPdf, ReadsWinAnsiCharactersAsUtf8) {
    const std::vector<std::string> paragraphs = {
        "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 \xE2\x82\xAC" "5 and na\xC3\xAFve (parentheses) back\\slash.",
        "Not in WinAnsi: \xE6\x97\xA5\xE6\x9C\xAC."};
    const Extraction result = extract_ok(docgen::write_pdf(paragraphs));
    expect_well_formed(result.text);
    EXPECT_EQ(blocks_of(result.text), (std::vector<std::string>{paragraphs[0], "Not in WinAnsi: ??."}));
}

TEST(ExtractPdf, RefusesEncryptedPdf) {
    if (std::system("qpdf --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "qpdf is not installed";
    testing::TempDir dir;
    const auto plain = dir.path() / "plain.pdf";
    testing::write_file(plain, docgen::write_pdf(statement_paragraphs()));
    const auto run_qpdf = [&](const std::string& user_password, const std::string& name) {
        const auto out = dir.path() / name;
        const std::string command = "qpdf --encrypt '" + user_password + "' owner-secret 256 -- '" + plain.string() +
                                    "' '" + out.string() + "'";
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        return testing::read_file(out);
    };

    const auto locked = extract_pdf(run_qpdf("user-secret", "locked.pdf"));
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, ErrorCode::unreadable_document);
    EXPECT_EQ(locked.error().message, ENCRYPTED);

    // Encrypted with an empty user password (permissions only): anyone can open it.
    const Extraction open = extract_ok(run_qpdf("", "restricted.pdf"));
    EXPECT_EQ(blocks_of(open.text), statement_paragraphs());
}

TEST(ExtractPdf, RefusesPdfWithoutText) {
    for (const std::string& pdf : {docgen::write_pdf({}), docgen::write_pdf({}, "", true)}) {
        const auto result = extract_pdf(pdf);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::unreadable_document);
        EXPECT_EQ(result.error().message, NO_TEXT);
    }
}

TEST(ExtractPdf, RefusesTruncatedAndGarbageInput) {
    const std::string pdf = docgen::write_pdf(statement_paragraphs());
    std::vector<std::string> inputs = {"", "hello", "%PDF-1.4\n", "%PDF-1.4\n%%EOF\n", pdf.substr(0, 100),
                                       pdf.substr(0, pdf.size() / 2), pdf.substr(0, pdf.size() * 9 / 10),
                                       pdf.substr(0, pdf.size() - 40)};
    std::mt19937 random(20240131);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xFF);
    inputs.push_back(noise);
    inputs.push_back("%PDF-1.4\n" + noise);
    for (const auto& input : inputs) {
        SCOPED_TRACE(input.size());
        const auto result = extract_pdf(input);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::unreadable_document);
        EXPECT_EQ(result.error().message, DAMAGED);
    }
}

TEST(ExtractPdf, NeverCrashesOnCorruptedBytes) {
    const std::string pdf = docgen::write_pdf(statement_paragraphs(), "Header", true);
    std::mt19937 random(7);
    for (int round = 0; round < 40; ++round) {
        std::string corrupt = pdf;
        for (int k = 0; k < 1 + round; ++k) corrupt[random() % corrupt.size()] = static_cast<char>(random() & 0xFF);
        const auto result = extract_pdf(corrupt);
        if (result) expect_well_formed(result->text);
        else EXPECT_EQ(result.error().code, ErrorCode::unreadable_document);
    }
}

}  // namespace
}  // namespace stmt
