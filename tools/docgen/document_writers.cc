/** @file document_writers.cc
 *  @brief PDF 1.4 written by hand (one font, uncompressed content streams),
 *  .docx zipped in memory with libzip, HTML from a page template.
 */
#include "document_writers.h"

#include <zip.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace docgen {
namespace {

// --- PDF layout (points; A4 portrait) ----------------------------------------
constexpr int PAGE_WIDTH = 595;
constexpr int PAGE_HEIGHT = 842;
constexpr int MARGIN_LEFT = 56;
constexpr int BODY_TOP = 778;        ///< baseline of the first body line
constexpr int BODY_BOTTOM = 72;      ///< no body baseline below this
constexpr int FONT_SIZE = 10;
constexpr int LEADING = 13;
constexpr int HEADER_FONT_SIZE = 9;
constexpr int HEADER_BASELINE = 806;
constexpr int FOOTER_BASELINE = 36;
constexpr std::size_t WRAP_COLUMNS = 90;
constexpr std::size_t LINES_PER_PAGE = (BODY_TOP - BODY_BOTTOM) / LEADING + 1;

/// Windows-1252 bytes 0x80..0x9F and the code points they stand for (0 = unused).
constexpr std::array<char32_t, 32> CP1252_HIGH = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/// UTF-8 -> WinAnsi (Windows-1252) bytes; anything else, and invalid UTF-8, becomes '?'.
std::string to_winansi(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool valid = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; valid && k < len; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            valid = (d & 0xC0) == 0x80;
            cp = (cp << 6) | (d & 0x3F);
        }
        i += valid ? len : 1;
        if (!valid) { out += '?'; continue; }
        if (cp == '\t' || cp == '\n' || cp == '\r') { out += ' '; continue; }
        if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) { out += static_cast<char>(cp); continue; }
        char mapped = '?';
        for (std::size_t k = 0; k < CP1252_HIGH.size(); ++k)
            if (CP1252_HIGH[k] != 0 && CP1252_HIGH[k] == cp) mapped = static_cast<char>(0x80 + k);
        out += mapped;
    }
    return out;
}

/// Greedy word wrap on spaces; a word longer than a line is cut.
std::vector<std::string> wrap(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        while (word.size() > WRAP_COLUMNS) {
            if (!line.empty()) lines.push_back(std::exchange(line, {}));
            lines.push_back(word.substr(0, WRAP_COLUMNS));
            word.erase(0, WRAP_COLUMNS);
        }
        if (!line.empty() && line.size() + 1 + word.size() > WRAP_COLUMNS) lines.push_back(std::exchange(line, {}));
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

/// A PDF literal string: parentheses and backslashes escaped, high bytes in octal.
std::string pdf_string(std::string_view winansi) {
    std::string out = "(";
    for (const char ch : winansi) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '(' || ch == ')' || ch == '\\') { out += '\\'; out += ch; }
        else if (c >= 0x80) {
            std::array<char, 8> buf{};
            std::snprintf(buf.data(), buf.size(), "\\%03o", c);
            out += buf.data();
        } else out += ch;
    }
    return out + ")";
}

std::string text_at(int size, int x, int y, std::string_view winansi) {
    return "BT /F1 " + std::to_string(size) + " Tf " + std::to_string(x) + " " + std::to_string(y) + " Td " +
           pdf_string(winansi) + " Tj ET\n";
}

/// Body lines split into pages. The blank line between paragraphs is typed
/// (an empty paragraph), so it may open a page, as it does in word processors.
std::vector<std::vector<std::string>> paginate(const std::vector<std::string>& paragraphs) {
    std::vector<std::vector<std::string>> pages(1);
    const auto add = [&](std::string line) {
        if (pages.back().size() == LINES_PER_PAGE) pages.emplace_back();
        pages.back().push_back(std::move(line));
    };
    bool first = true;
    for (const auto& paragraph : paragraphs) {
        const auto lines = wrap(to_winansi(paragraph));
        if (lines.empty()) continue;
        if (!std::exchange(first, false)) add("");
        for (const auto& line : lines) add(line);
    }
    return pages;
}

// --- XML and zip ---------------------------------------------------------------

std::string xml_escape(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // Control characters are not allowed in XML 1.0.
                if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t' || ch == '\n') out += ch;
        }
    }
    return out;
}

constexpr std::string_view W_NS = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

/// The runs of one paragraph: tabs and line breaks as their own elements.
std::string runs(std::string_view text) {
    std::string out, piece;
    const auto flush = [&] {
        if (!piece.empty()) out += R"(<w:r><w:t xml:space="preserve">)" + xml_escape(piece) + "</w:t></w:r>";
        piece.clear();
    };
    for (const char ch : text) {
        if (ch == '\t' || ch == '\n') {
            flush();
            out += ch == '\t' ? "<w:r><w:tab/></w:r>" : "<w:r><w:br/></w:r>";
        } else piece += ch;
    }
    flush();
    return out;
}

struct ZipDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, ZipDeleter> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) throw std::runtime_error("docgen: cannot create a zip buffer");
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (archive == nullptr) throw std::runtime_error("docgen: cannot open a zip buffer");
    zip_source_keep(buffer.get());  // the archive's close must not free it: we read it afterwards
    for (const auto& [name, data] : parts) {
        zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
        const zip_int64_t index = part == nullptr ? -1 : zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
        // A fixed time (1 January 2024, MS-DOS format) keeps the bytes the
        // same from one run to the next.
        constexpr zip_uint16_t DOS_TIME = 0, DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
        if (index < 0 || zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), DOS_TIME, DOS_DATE, 0) < 0) {
            if (index < 0) zip_source_free(part);
            zip_discard(archive);
            throw std::runtime_error("docgen: cannot add " + name);
        }
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        throw std::runtime_error("docgen: cannot write the zip");
    }
    zip_stat_t st;
    if (zip_source_stat(buffer.get(), &st) < 0 || zip_source_open(buffer.get()) < 0)
        throw std::runtime_error("docgen: cannot read the zip back");
    std::string out(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_source_read(buffer.get(), out.data(), out.size());
    zip_source_close(buffer.get());
    if (n < 0 || static_cast<std::size_t>(n) != out.size()) throw std::runtime_error("docgen: short zip read");
    return out;
}

}  // namespace

std::string write_pdf(const std::vector<std::string>& paragraphs, const std::string& running_header,
                      bool page_numbers) {
    const auto pages = paginate(paragraphs);
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  // the page tree, once the page objects are numbered
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    std::string kids;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::string content;
        if (!running_header.empty())
            content += text_at(HEADER_FONT_SIZE, MARGIN_LEFT, HEADER_BASELINE, to_winansi(running_header));
        if (!pages[p].empty()) {
            content += "BT /F1 " + std::to_string(FONT_SIZE) + " Tf " + std::to_string(LEADING) + " TL " +
                       std::to_string(MARGIN_LEFT) + " " + std::to_string(BODY_TOP) + " Td\n";
            for (std::size_t i = 0; i < pages[p].size(); ++i)
                content += (i == 0 ? "" : "T* ") + (pages[p][i].empty() ? "" : pdf_string(pages[p][i]) + " Tj") + "\n";
            content += "ET\n";
        }
        if (page_numbers) {
            const std::string number = "Page " + std::to_string(p + 1) + " of " + std::to_string(pages.size());
            content += text_at(HEADER_FONT_SIZE, PAGE_WIDTH / 2 - 24, FOOTER_BASELINE, number);
        }
        const std::size_t page_id = objects.size() + 1;
        kids += std::to_string(page_id) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(PAGE_WIDTH) + " " +
                          std::to_string(PAGE_HEIGHT) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(page_id + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        std::array<char, 24> entry{};
        std::snprintf(entry.data(), entry.size(), "%010zu 00000 n \n", offset);
        pdf += entry.data();
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string write_docx(const std::vector<std::string>& paragraphs, const std::vector<std::string>& footnotes) {
    std::string body;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        std::string_view text = paragraphs[i];
        std::string props;
        if (text.starts_with("# ")) { props = R"(<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>)"; text.remove_prefix(2); }
        else if (text.starts_with("- ")) { props = R"(<w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr>)"; text.remove_prefix(2); }
        std::string refs;
        if (i + 1 == paragraphs.size())  // every footnote is referenced from the last paragraph
            for (std::size_t n = 1; n <= footnotes.size(); ++n)
                refs += R"(<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id=")" +
                        std::to_string(n) + R"("/></w:r>)";
        body += "<w:p>" + props + runs(text) + refs + "</w:p>\n";
    }
    const std::string decl = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\n";
    std::string types = decl + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)";
    if (!footnotes.empty())
        types += R"(<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>)";
    types += "</Types>";
    const std::string rels = decl + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
        "</Relationships>";
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", types},
        {"_rels/.rels", rels},
        {"word/document.xml", decl + "<w:document " + std::string(W_NS) + "><w:body>\n" + body +
                                  R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>)"}};
    if (!footnotes.empty()) {
        std::string notes = decl + "<w:footnotes " + std::string(W_NS) + ">"
            R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
            R"(<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>)";
        for (std::size_t n = 1; n <= footnotes.size(); ++n)
            notes += R"(<w:footnote w:id=")" + std::to_string(n) + R"("><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>)"
                     R"(<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>)" +
                     runs(" " + footnotes[n - 1]) + "</w:p></w:footnote>";
        parts.emplace_back("word/footnotes.xml", notes + "</w:footnotes>");
        parts.emplace_back("word/_rels/document.xml.rels",
            decl + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
            R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>)"
            "</Relationships>");
    }
    return zip_parts(parts);
}

std::string write_html(const std::vector<std::string>& paragraphs, const std::string& site_name) {
    const std::string site = xml_escape(site_name);
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + site +
        "</title>\n<style>body { font-family: sans-serif; } nav a { margin: 0 1em; }</style>\n</head>\n<body>\n"
        "<header class=\"site-header\">\n  <a class=\"logo\" href=\"/\">" + site + "</a>\n"
        "  <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About us</a></li>"
        "<li><a href=\"/statements\">Statements</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav>\n"
        "</header>\n<main>\n<article>\n";
    for (const auto& paragraph : paragraphs) {
        if (paragraph.starts_with("# ")) page += "  <h1>" + xml_escape(paragraph.substr(2)) + "</h1>\n";
        else page += "  <p>" + xml_escape(paragraph) + "</p>\n";
    }
    page += "</article>\n<aside>\n  <h2>Related statements</h2>\n  <ul><li><a href=\"/statements/1\">Our earlier "
            "submission</a></li></ul>\n</aside>\n</main>\n<footer>\n  <p>&copy; 2024 " + site +
            ". All rights reserved.</p>\n  <p><a href=\"/privacy\">Privacy policy</a></p>\n</footer>\n"
            "<script>window.dataLayer = window.dataLayer || []; function track() { return 'analytics'; }</script>\n"
            "</body>\n</html>\n";
    return page;
}

}  // namespace docgen
