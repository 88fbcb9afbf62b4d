/** @file research_requests.h
 *  @brief Requests of the drafting and research endpoints (similar
 *  passages, timeline, compare, citations) and their parsing from GET
 *  parameters or a JSON body, into one struct each before the engine.
 */
#pragma once

#include "stmtlib/citation.h"
#include "stmtlib/search_request.h"

#include <string>

namespace stmt {

/// The longest text /api/similar compares, in characters (code points).
inline constexpr std::size_t MAX_SIMILAR_TEXT_CHARACTERS = 5000;
/// Default and most results of /api/similar and of each side of /api/compare.
inline constexpr int DEFAULT_SIMILAR_RESULTS = 10;
inline constexpr int DEFAULT_COMPARE_RESULTS = 5;

inline constexpr std::string_view PARAM_TEXT = "text";
inline constexpr std::string_view PARAM_STATEMENT = "statement";
inline constexpr std::string_view PARAM_PARAGRAPH = "paragraph";
inline constexpr std::string_view PARAM_FORMAT = "format";
inline constexpr std::string_view PARAM_COMPARE_A = "a";
inline constexpr std::string_view PARAM_COMPARE_B = "b";

struct SimilarRequest {
    std::string text;          ///< pasted text; or empty and:
    std::string statement_id;  ///< a passage of the library,
    int paragraph = 0;         ///< left out of the results
    SearchRequest scope;       ///< filters, date range and per_page (no query)
};

/// GET /api/similar?statement=ID&paragraph=N&<filters>
Expected<SimilarRequest> parse_similar_parameters(const QueryParameters& parameters);
/// POST /api/similar {"text": "...", "session": ["ahc-5"], "per_page": 10, ...}
Expected<SimilarRequest> parse_similar_body(const std::string& body);

struct CompareRequest {
    SearchRequest search;  ///< query, filters, per_page for each side
    std::string a;         ///< a session or an organisation (id or name)
    std::string b;
};

/// GET /api/compare?q=...&a=ahc-4&b=ahc-6&<filters>
Expected<CompareRequest> parse_compare_parameters(const QueryParameters& parameters);

struct CiteRequest {
    std::string statement_id;
    int paragraph = 0;  ///< 0: the whole statement
    CitationFormat format = CitationFormat::text;
};

/// GET /api/statements/{id}/cite?paragraph=N&format=text|markdown|bibtex|csl-json
Expected<CiteRequest> parse_cite_parameters(const std::string& statement_id, const QueryParameters& parameters);

}  // namespace stmt
