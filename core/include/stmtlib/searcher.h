/** @file searcher.h
 *  @brief The engine's operations: search, fetch a statement, list facets,
 *  report health. Results are shaped here as JSON-ready structs; searchd
 *  only serialises them.
 */
#pragma once

#include "stmtlib/completions.h"
#include "stmtlib/library_reader.h"
#include "stmtlib/search_request.h"
#include "stmtlib/worker_pool.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace stmt {

struct Labelled {
    std::string id;
    std::string label;
};
void to_json(nlohmann::json& j, const Labelled& l);

struct FacetValue {
    std::string id;
    std::string label;
    std::size_t count = 0;
};
void to_json(nlohmann::json& j, const FacetValue& f);

/// Facet field name (session, chapter, theme, organization, language,
/// status) -> values with counts, sessions in chronological order.
using Facets = std::vector<std::pair<std::string, std::vector<FacetValue>>>;
nlohmann::json facets_to_json(const Facets& facets);

struct SearchHit {
    std::string statement_id;
    int paragraph = 0;
    std::string title;
    Labelled organization;
    std::optional<Labelled> session;
    Labelled chapter;
    std::string date;  ///< empty -> null
    std::string status;
    std::string language;
    std::vector<Labelled> themes;
    std::string snippet;  ///< HTML-escaped, <mark> around matches
    double score = 0;
    std::string url;
};
void to_json(nlohmann::json& j, const SearchHit& h);

struct SearchResponse {
    std::string query;
    std::size_t total = 0;
    int page = 1;
    int per_page = 10;
    std::string view;
    std::string matching;  ///< "all" words, or "any" when all found nothing
    std::vector<SearchHit> results;
    Facets facets;
    std::optional<std::string> suggestion;
    double took_ms = 0;
};
void to_json(nlohmann::json& j, const SearchResponse& r);

struct SimilarHit {
    SearchHit hit;  ///< snippet: the passage with the shared wording marked
    double similarity = 0;
    std::vector<std::string> shared_phrases;
};
void to_json(nlohmann::json& j, const SimilarHit& h);

struct SimilarResponse {
    std::vector<SimilarHit> results;
    double took_ms = 0;
};
void to_json(nlohmann::json& j, const SimilarResponse& r);

struct TimelineEntry {
    std::string id, label, short_name, start, end;
    std::size_t statements = 0;
    std::size_t organizations = 0;
    std::optional<SearchHit> best;  ///< the session's best passage
};
void to_json(nlohmann::json& j, const TimelineEntry& e);

struct TimelineResponse {
    std::string query;
    std::size_t total = 0;  ///< statements over all sessions
    std::vector<TimelineEntry> sessions;  ///< every session, chronological
    double took_ms = 0;
};
void to_json(nlohmann::json& j, const TimelineResponse& r);

struct CompareSide {
    std::string field;  ///< "session" or "organization"
    Labelled value;
    SearchResponse search;
};

struct CompareResponse {
    std::string query;
    CompareSide a, b;
};
void to_json(nlohmann::json& j, const CompareResponse& r);

struct SimilarRequest;
struct CompareRequest;
struct CiteRequest;

class Searcher {
public:
    explicit Searcher(LibraryReader& reader);

    Expected<SearchResponse> search(const SearchRequest& request);
    /// The statement with its numbered paragraphs, as JSON.
    Expected<nlohmann::json> statement(const std::string& id);
    /// Every facet value with its count over the whole library.
    nlohmann::json facets();
    /// Size and generation of the library being served, from memory: no
    /// database is opened (the feed and /metrics ask for it on every call).
    nlohmann::json status();
    /// status(), after reading the served generation afresh from disk;
    /// database_unavailable when it can no longer be read.
    Expected<nlohmann::json> health();
    /// Completions of the last word typed, from the index's words.
    SuggestResponse suggest(const SuggestRequest& request);
    /// Names the database generation and revision now served: answers
    /// cached under one tag stay true until the tag changes.
    std::string generation_tag();

    /// Passages whose wording is closest to a text or to a passage.
    Expected<SimilarResponse> similar(const SimilarRequest& request);
    /// Per session, chronologically: statements, organisations, best passage.
    Expected<TimelineResponse> timeline(const SearchRequest& request);
    /// The best passages of two sessions or organisations side by side.
    Expected<CompareResponse> compare(const CompareRequest& request);
    /// A citation of a statement or paragraph; `base_url` makes the permalink
    /// absolute ("https://host").
    Expected<std::string> cite(const CiteRequest& request, const std::string& base_url);

private:
    LibraryReader& reader_;
    std::atomic<unsigned> searches_in_flight_{0};
    /// Counts the matches of a search while its thread ranks the page:
    /// one thread per core beyond the first.
    WorkerPool counting_;
};

}  // namespace stmt
