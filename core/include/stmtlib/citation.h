/** @file citation.h
 *  @brief Stable citations of a statement or one of its paragraphs, as
 *  plain text, Markdown, BibTeX and CSL-JSON.
 */
#pragma once

#include "stmtlib/error.h"

#include <optional>
#include <string>
#include <string_view>

namespace stmt {

enum class CitationFormat { text, markdown, bibtex, csl_json };

/// "text", "markdown", "bibtex", "csl-json".
std::optional<CitationFormat> citation_format(std::string_view name);
/// The media type a citation in that format is served as.
std::string_view citation_media_type(CitationFormat format);

struct CitationSource {
    std::string statement_id;
    std::string title;
    std::string organization;    ///< full name
    std::string status;          ///< status id: draft, oral, written, joint, final
    std::string session_id;      ///< empty when unknown
    std::string session_label;   ///< "Fifth session"
    std::string session_short;   ///< "AHC 5"
    std::string chapter_id;
    std::string chapter_label;   ///< "International cooperation"
    std::string date;            ///< YYYY-MM-DD or empty
    int paragraph = 0;           ///< 0: the whole statement
    std::string url;             ///< absolute permalink, with #pN for a paragraph
};

/// e.g. "Alliance of NGOs on Crime Prevention and Criminal Justice, draft
/// statement, fifth session of the Ad Hoc Committee (AHC 5), International
/// cooperation, para. 4."
std::string cite(const CitationSource& source, CitationFormat format);

}  // namespace stmt
