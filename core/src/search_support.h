/** @file search_support.h
 *  @brief Pieces the searcher's operations share (search, similar
 *  passages, timeline, citations): labels, counting, ordering, hits.
 *  Internal to the core library.
 */
#pragma once

#include "stmtlib/facet_table.h"
#include "stmtlib/query_builder.h"
#include "stmtlib/search_request.h"
#include "stmtlib/searcher.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace stmt::support {

inline constexpr const char* HIGHLIGHT_START = "<mark>";
inline constexpr const char* HIGHLIGHT_END = "</mark>";
inline constexpr const char* OMISSION = "\u2026";
inline constexpr const char* STATEMENT_URL_PREFIX = "/statements/";

std::string language_label(const std::string& code);

/// Milliseconds since `started`, to two decimals: the responses' took_ms.
double elapsed_ms(std::chrono::steady_clock::time_point started);

/// The single-valued facet fields by API name.
inline constexpr std::array<std::pair<std::string_view, StatementField>, STATEMENT_FIELD_COUNT> FACET_FIELDS = {{
    {api::PARAM_SESSION, StatementField::session},
    {api::PARAM_CHAPTER, StatementField::chapter},
    {api::PARAM_ORGANIZATION, StatementField::organization},
    {api::PARAM_LANGUAGE, StatementField::language},
    {api::PARAM_STATUS, StatementField::status},
}};



/// Labels of ids, from the vocabulary stored with the index.
class Labeller {
public:
    explicit Labeller(const Vocabulary& v) : v_(v) {}
    std::string label(std::string_view field, const std::string& id) const;
    Labelled labelled(std::string_view field, const std::string& id) const { return {id, label(field, id)}; }
    std::vector<Labelled> themes(const nlohmann::json& ids) const;

private:
    const Vocabulary& v_;
};

/// Counts facets over the whole match set of `query` (statements or passages).
FacetCounts count_matches(Xapian::Database& db, const Xapian::Query& query, const FacetTable& table, View view,
                          bool count_session_organizations = false);

/// A request's query and its counts: all of its words, or, when that finds
/// nothing, any of them.
struct CountedQuery {
    Xapian::Query query;
    FacetCounts counts;
    Matching matching = Matching::all;
};
Expected<CountedQuery> count_query(QueryBuilder& builder, Xapian::Database& db, const SearchRequest& request,
                                   const FacetTable& table, View view, bool count_session_organizations = false);

/// The error of a wildcard that stands for too many words (Xapian throws
/// WildcardError when a match expands it).
Error wildcard_error();

Facets shape_facets(const FacetCounts& counts, const FacetTable& table, const Vocabulary& v,
                    const SearchRequest* request);

/// How a request's results are ordered by date: not at all (relevance,
/// with words), newest first (also relevance without words), oldest first.
enum class DateOrder { none, newest_first, oldest_first };
DateOrder date_order(const SearchRequest& r);

/// Date orders (and the newest-first order of an empty query).
void configure_order(Xapian::Enquire& enquire, const SearchRequest& r);

/// The library's languages, English first: the stemmers queries are parsed with.
std::vector<std::string> library_languages(const FacetTable& table);

/// A hit's statement fields from a document's data; snippet and score are
/// left to the caller.
SearchHit hit_from_data(const nlohmann::json& data, const Labeller& labeller);

bool is_statement_id(const std::string& id);

/// The snippet of a hit: Xapian's, or, when the query has a quoted phrase,
/// one that marks whole phrase occurrences and the other query words only.
std::string snippet_for(const Xapian::MSet& mset, const std::string& text, const std::string& language,
                        const std::string& query);

}  // namespace stmt::support
