/** @file extract_docx_test.cc
 *  @brief stmt::extract_docx: paragraphs, headings, lists, tables, text
 *  boxes and footnotes; zip bombs refused before inflating; archives that
 *  are not Word documents, or hold broken XML.
 */
#include "stmtlib/extractors.h"
#include "stmtlib/text.h"

#include "document_writers.h"

#include "extract_support.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace stmt {
namespace {

const std::string NOT_ZIP = "not a Word .docx file (not a zip archive)";
const std::string NO_DOCUMENT = "not a Word .docx file (no word/document.xml)";
const std::string W_NS = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

using extract_support::blocks_of;
using extract_support::expect_well_formed;

/// A zip archive of these parts, deflated, made in memory with libzip.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr);
    zip_source_keep(buffer);
    for (const auto& [name, data] : parts)
        zip_file_add(archive, name.c_str(), zip_source_buffer(archive, data.data(), data.size(), 0), 0);
    EXPECT_EQ(zip_close(archive), 0);
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_source_open(buffer);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

std::string document_xml(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + W_NS +
           R"( xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")"
           R"( xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")"
           R"( xmlns:v="urn:schemas-microsoft-com:vml"><w:body>)" + body + "<w:sectPr/></w:body></w:document>";
}

/// Overwrites a 32-bit little-endian field of the local and central headers of `name`.
void patch_entry(std::string& zip, const std::string& name, std::size_t local_offset, std::size_t central_offset,
                 std::uint32_t value) {
    const auto field = [&](const char* signature, std::size_t name_length_at, std::size_t name_at, std::size_t at) {
        for (std::size_t p = zip.find(signature); p != std::string::npos; p = zip.find(signature, p + 1)) {
            std::uint16_t length = 0;
            std::memcpy(&length, &zip[p + name_length_at], sizeof length);
            if (zip.compare(p + name_at, length, name) == 0) std::memcpy(&zip[p + at], &value, sizeof value);
        }
    };
    field("PK\x03\x04", 26, 30, local_offset);
    field("PK\x01\x02", 28, 46, central_offset);
}
void patch_size(std::string& zip, const std::string& name, std::uint32_t size) { patch_entry(zip, name, 22, 24, size); }
void patch_compressed_size(std::string& zip, const std::string& name, std::uint32_t size) {
    patch_entry(zip, name, 18, 20, size);
}

std::string error_of(const std::string& docx) {
    const auto result = extract_docx(docx);
    if (result) return "(no error) " + result->text;
    EXPECT_EQ(result.error().code, ErrorCode::unreadable_document);
    return result.error().message;
}

TEST(ExtractDocx, ReadsParagraphsHeadingsListsAndFootnotes) {
    const std::string docx = docgen::write_docx(
        {"# Refusal grounds", "Madam Chair,", "We propose two changes:", "- add a dual criminality requirement;",
         "- add a human rights refusal ground.", "Tabs\tand\nbreaks & <markup> \"kept\"."},
        {"See A/AC.291/22, para. 4.", "Caf\xC3\xA9 \xE2\x80\x94 second note."});
    const auto result = extract_docx(docx);
    ASSERT_TRUE(result) << result.error().message;
    expect_well_formed(result->text);
    EXPECT_EQ(blocks_of(result->text),
              (std::vector<std::string>{"Refusal grounds", "Madam Chair,", "We propose two changes:",
                                        "add a dual criminality requirement;", "add a human rights refusal ground.",
                                        "Tabs and\nbreaks & <markup> \"kept\".", "[1] See A/AC.291/22, para. 4.",
                                        "[2] Caf\xC3\xA9 \xE2\x80\x94 second note."}));
}

TEST(ExtractDocx, ReadsTablesTextBoxesAndRuns) {
    const std::string body =
        R"(<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Before</w:t></w:r>)"
        R"(<w:r><w:tab/><w:t>tab</w:t></w:r><w:r><w:br/><w:t>after break</w:t></w:r></w:p>)"
        R"(<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc>)"
        R"(<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p><w:p><w:r><w:t>second paragraph</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
        R"(<w:p><w:r><w:t xml:space="preserve">Split </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>across</w:t></w:r>)"
        R"(<w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>runs</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>)"
        R"(<w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:hyperlink><w:r><w:t>, linked</w:t></w:r></w:hyperlink></w:p>)"
        R"(<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>)"
        R"(<w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>)"
        R"(<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent>)"
        R"(</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor paragraph</w:t></w:r></w:p>)"
        R"(<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>)"
        R"(<w:sdt><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>)";
    const auto result = extract_docx(zip_of({{"word/document.xml", document_xml(body)}}));
    ASSERT_TRUE(result) << result.error().message;
    expect_well_formed(result->text);
    EXPECT_EQ(blocks_of(result->text),
              (std::vector<std::string>{"Before tab\nafter break", "Cell one", "Cell two", "second paragraph",
                                        "Split across runs, linked", "Anchor paragraph", "Text box",
                                        "In a content control"}));
}

TEST(ExtractDocx, CleansInvalidText) {
    const std::string body = "<w:p><w:r><w:t>caf\xE9 bad&#1;byte</w:t></w:r></w:p>";
    const auto result = extract_docx(zip_of({{"word/document.xml", document_xml(body)}}));
    ASSERT_TRUE(result) << result.error().message;
    expect_well_formed(result->text);
    EXPECT_EQ(result->text, "caf\xEF\xBF\xBD badbyte");
}

TEST(ExtractDocx, RefusesWhatIsNotAWordFile) {
    EXPECT_EQ(error_of(""), NOT_ZIP);
    EXPECT_EQ(error_of("hello, world"), NOT_ZIP);
    EXPECT_EQ(error_of(docgen::write_pdf({"A PDF"})), NOT_ZIP);
    EXPECT_EQ(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')), NOT_ZIP);  // legacy .doc
    const std::string docx = docgen::write_docx({"Some text"});
    EXPECT_EQ(error_of(docx.substr(0, docx.size() / 2)), NOT_ZIP);  // cut short: no central directory
    EXPECT_EQ(error_of(zip_of({{"word/other.xml", "<x/>"}, {"content.xml", "<x/>"}})), NO_DOCUMENT);
}

TEST(ExtractDocx, NamesThePartWithBrokenXml) {
    const std::string broken_body = error_of(zip_of({{"word/document.xml", "<w:document><w:body><w:p>"}}));
    EXPECT_TRUE(broken_body.starts_with("not a readable Word .docx file (word/document.xml is not well-formed XML"))
        << broken_body;
    const std::string broken_notes = error_of(zip_of({{"word/document.xml", document_xml("<w:p/>")},
                                                      {"word/footnotes.xml", "<w:footnotes><w:footnote>"}}));
    EXPECT_TRUE(broken_notes.starts_with("not a readable Word .docx file (word/footnotes.xml is not well-formed XML"))
        << broken_notes;
}

TEST(ExtractDocx, RefusesPartDeclaredTooLarge) {
    std::string docx = docgen::write_docx({"Some text"});
    patch_size(docx, "word/document.xml", 100u * 1024 * 1024);
    EXPECT_EQ(error_of(docx), "refused: compressed data would inflate to 104857600 bytes (zip bomb?)");
}

TEST(ExtractDocx, RefusesPartsDeclaredTooLargeTogether) {
    const std::string xml = document_xml("<w:p/>");
    std::string docx = zip_of({{"word/document.xml", xml}, {"word/media/a.bin", "aaaa"}, {"word/media/b.bin", "bbbb"}});
    for (const std::string name : {"word/media/a.bin", "word/media/b.bin"}) {
        patch_size(docx, name, 40u * 1024 * 1024);  // incompressible: the ratio is 1
        patch_compressed_size(docx, name, 40u * 1024 * 1024);
    }
    EXPECT_EQ(error_of(docx), "refused: compressed data would inflate to " + std::to_string(xml.size() + 80 * 1024 * 1024) +
                                  " bytes (zip bomb?)");
}

TEST(ExtractDocx, RefusesSteepCompressionRatio) {
    const std::string body = "<w:p><w:r><w:t>" + std::string(2 * 1024 * 1024, 'a') + "</w:t></w:r></w:p>";
    const std::string xml = document_xml(body);
    EXPECT_EQ(error_of(zip_of({{"word/document.xml", xml}})),
              "refused: compressed data would inflate to " + std::to_string(xml.size()) + " bytes (zip bomb?)");
}

TEST(ExtractDocx, StopsReadingAPartThatLiesAboutItsSize) {
    std::string docx = docgen::write_docx(std::vector<std::string>(200, "A paragraph of the statement."));
    patch_size(docx, "word/document.xml", 1000);
    EXPECT_EQ(error_of(docx), "refused: word/document.xml inflates to more than its declared 1000 bytes (zip bomb?)");
}

}  // namespace
}  // namespace stmt
