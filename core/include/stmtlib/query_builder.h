/** @file query_builder.h
 *  @brief SearchRequest -> Xapian::Query: the user's query string through
 *  Xapian's QueryParser, filters as boolean terms under OP_FILTER.
 */
#pragma once

#include "stmtlib/error.h"
#include "stmtlib/search_request.h"
#include "stmtlib/vocabulary.h"
#include "stmtlib/xapian_language.h"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stmt {

/// Field names a query string may use, e.g. `org:alliance`, `session:ahc-5`.
struct QueryField {
    std::string_view name;
    std::string_view filter;  ///< the filter parameter it stands for
};
inline constexpr QueryField QUERY_FIELDS[] = {
    {"session", api::PARAM_SESSION},   {"chapter", api::PARAM_CHAPTER},
    {"theme", api::PARAM_THEME},       {"org", api::PARAM_ORGANIZATION},
    {"organization", api::PARAM_ORGANIZATION}, {"organisation", api::PARAM_ORGANIZATION},
    {"language", api::PARAM_LANGUAGE}, {"lang", api::PARAM_LANGUAGE},
    {"status", api::PARAM_STATUS},
};

/// How the words of a query combine: all must match, or (when that finds
/// nothing) any may.
enum class Matching { all, any };

class QueryBuilder {
public:
    /// `languages`: the languages of the library, whose stemmers parse a
    /// query that has no language filter (so an English query still finds
    /// English text in a mixed library, and French words French text).
    /// `spelling`: where suggestions come from when not `db` (a library with
    /// remote shards, see Lease::spelling()).
    QueryBuilder(const Xapian::Database& db, const Vocabulary& vocabulary,
                 std::vector<std::string> languages = {DEFAULT_LANGUAGE}, const Xapian::Database* spelling = nullptr);
    QueryBuilder(const QueryBuilder&) = delete;  // its field processors point back at it
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// The whole query: words and filters. An unknown filter value or
    /// a query that does not parse is an Error.
    Expected<Xapian::Query> build(const SearchRequest& request, Matching matching);

    /// Xapian's spelling correction of the request's query as typed, or
    /// "". A parse of its own: asked for only when a search finds little.
    std::string spelling_correction(const SearchRequest& request);

    /// A filter value as the id the index uses, or nullopt if unknown.
    std::optional<std::string> resolve_filter(std::string_view field, const std::string& value) const;

private:
    Expected<Xapian::Query> parse_words(const std::string& query, Matching matching,
                                        const std::vector<std::string>& languages);
    /// The languages a request's words are parsed in: its language filter, else the library's.
    std::vector<std::string> parse_languages(const SearchRequest& request) const;
    Expected<Xapian::Query> filters(const SearchRequest& request) const;

    const Xapian::Database& db_;
    const Xapian::Database* spelling_;
    const Vocabulary& vocabulary_;
    std::vector<std::string> languages_;
    Xapian::QueryParser parser_;
    std::shared_ptr<std::vector<std::string>> unknown_field_values_;
};

/// True for the common English words a query drops beside other words.
bool is_stopword(std::string_view word);

/// The boolean term prefix of a filter field.
std::string_view prefix_of(std::string_view filter_field);

}  // namespace stmt
