/** @file document_writers.h
 *  @brief Writes PDF, Word (.docx) and HTML documents from paragraphs, the
 *  way statements reach us, for tests and the synthetic corpus.
 *
 *  The writers are deliberately small and deterministic: the same input
 *  gives the same bytes. They throw std::runtime_error only if libzip fails.
 */
#pragma once

#include <string>
#include <vector>

namespace docgen {

/// A one-column PDF 1.4 (base-14 Helvetica, WinAnsiEncoding: Latin text only; characters outside
/// WinAnsi become '?'), paragraphs wrapped at ~90 chars, a blank line between paragraphs, several pages when long,
/// with an optional running page header and page numbers (to test that the extractor drops them).
/// Paragraphs are written as given ("# " and "- " are not interpreted); the blank line between two paragraphs
/// may open a page, as a typed empty line does. Page numbers read "Page N of M", centred at the foot of each page.
std::string write_pdf(const std::vector<std::string>& paragraphs, const std::string& running_header = "",
                      bool page_numbers = false);

/// A minimal valid .docx (zip with [Content_Types].xml, _rels/.rels, word/document.xml, and word/footnotes.xml when footnotes are given).
/// Paragraphs starting with "# " become Heading1-styled paragraphs; "- " become list paragraphs.
std::string write_docx(const std::vector<std::string>& paragraphs, const std::vector<std::string>& footnotes = {});

/// A full HTML page: site <header> with <nav> links, a <main><article> holding the paragraphs as <p>
/// (paragraphs starting with "# " as <h1>), an <aside>, a <footer>, a <script>; text escaped.
std::string write_html(const std::vector<std::string>& paragraphs, const std::string& site_name = "Example NGO");

}  // namespace docgen
