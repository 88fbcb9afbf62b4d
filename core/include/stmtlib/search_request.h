/** @file search_request.h
 *  @brief One search, whatever the transport: GET parameters and (later)
 *  POST bodies both become a SearchRequest before the engine sees them.
 */
#pragma once

#include "stmtlib/api_parameters.h"
#include "stmtlib/error.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace stmt {

enum class View { statements, passages };
enum class Sort { relevance, date_ascending, date_descending };

struct SearchRequest {
    std::string query;
    /// Filter field (api::FILTER_FIELDS) -> values; values of one field are
    /// ORed, fields ANDed.
    std::map<std::string, std::vector<std::string>, std::less<>> filters;
    std::string date_from;  ///< YYYY-MM-DD, inclusive
    std::string date_to;    ///< YYYY-MM-DD, inclusive
    View view = View::statements;
    Sort sort = Sort::relevance;
    int page = 1;
    int per_page = api::DEFAULT_PER_PAGE;
};

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

/// Parses and checks the form of /api/search parameters; whether filter
/// values exist is checked by the searcher against the vocabulary.
Expected<SearchRequest> parse_search_parameters(const QueryParameters& parameters);

}  // namespace stmt
