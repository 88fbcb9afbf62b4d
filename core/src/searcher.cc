/** @file searcher.cc
 *  @brief Two passes per search, as the facet counts need: a ranked pass
 *  for the page (collapsed to statements in the statements view) and an
 *  unranked pass over the whole match set that counts facets exactly.
 */
#include "stmtlib/searcher.h"

#include "docid_list_source.h"
#include "search_support.h"

#include "stmtlib/match_set.h"
#include "stmtlib/query_builder.h"
#include "stmtlib/schema.h"
#include "stmtlib/xapian_language.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <future>
#include <optional>
#include <thread>

namespace stmt {
using namespace support;

namespace {

/// Facet counts where each filtered field is counted without its own
/// filter, so that the other values of a field one has selected in stay
/// countable (and selectable): values of one field are ORed.
FacetCounts disjunctive_counts(QueryBuilder& builder, Xapian::Database& db, const SearchRequest& request,
                               Matching matching, const FacetTable& table, const FacetCounts& counts) {
    FacetCounts out = counts;
    for (const auto& [field, values] : request.filters) {
        SearchRequest without = request;
        without.filters.erase(field);
        auto query = builder.build(without, matching);
        if (!query) continue;
        const FacetCounts field_counts = count_matches(db, *query, table, request.view);
        if (field == api::PARAM_THEME) {
            out.themes = field_counts.themes;
            continue;
        }
        for (const auto& [name, slot] : FACET_FIELDS)
            if (name == field) out.fields[static_cast<std::size_t>(slot)] = field_counts.fields[static_cast<std::size_t>(slot)];
    }
    return out;
}

}  // namespace


void to_json(nlohmann::json& j, const Labelled& l) { j = {{"id", l.id}, {"label", l.label}}; }

void to_json(nlohmann::json& j, const FacetValue& f) { j = {{"id", f.id}, {"label", f.label}, {"count", f.count}}; }

nlohmann::json facets_to_json(const Facets& facets) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [field, values] : facets) j[field] = values;
    return j;
}

void to_json(nlohmann::json& j, const SearchHit& h) {
    j = {{"statement_id", h.statement_id},
         {"paragraph", h.paragraph},
         {"title", h.title},
         {"organization", h.organization},
         {"session", h.session ? nlohmann::json(*h.session) : nlohmann::json(nullptr)},
         {"chapter", h.chapter},
         {"date", h.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.date)},
         {"status", h.status},
         {"language", h.language},
         {"themes", h.themes},
         {"snippet", h.snippet},
         {"score", h.score},
         {"url", h.url}};
}

void to_json(nlohmann::json& j, const SearchResponse& r) {
    j = {{"query", r.query},
         {"total", r.total},
         {"page", r.page},
         {"per_page", r.per_page},
         {"view", r.view},
         {"matching", r.matching},
         {"results", r.results},
         {"facets", facets_to_json(r.facets)},
         {"suggestion", r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr)},
         {"took_ms", r.took_ms}};
}

namespace {

/// What the counting half of a search finds: the query it counted and
/// which matching that is (all words, or any when all find nothing), the
/// facets and the total, and a spelling correction that would find more.
struct CountedSearch {
    Xapian::Query query;
    Matching matching = Matching::all;
    std::size_t total = 0;
    Facets facets;
    std::optional<std::string> suggestion;
};

Expected<CountedSearch> count_search(const Snapshot& snapshot, Lease& lease, const SearchRequest& request) {
    Xapian::Database& db = lease.db();
    QueryBuilder builder(db, snapshot.vocabulary(), library_languages(snapshot.facets()), lease.spelling());
    auto counted = count_query(builder, db, request, snapshot.facets(), request.view);
    if (!counted) return counted.error();
    CountedSearch out;
    out.query = counted->query;
    out.matching = counted->matching;
    out.total = counted->counts.total;
    const FacetCounts facet_counts =
        disjunctive_counts(builder, db, request, counted->matching, snapshot.facets(), counted->counts);
    out.facets = shape_facets(facet_counts, snapshot.facets(), snapshot.vocabulary(), &request);
    const std::string corrected =
        static_cast<long>(out.total) < api::SUGGESTION_BELOW ? builder.spelling_correction(request) : "";
    if (!corrected.empty() && corrected != request.query) {
        SearchRequest alternative = request;
        alternative.query = corrected;
        if (auto q = builder.build(alternative, Matching::all); q) {
            if (count_matches(db, *q, snapshot.facets(), request.view).total > out.total) out.suggestion = corrected;
        }
    }
    return out;
}

/// Ranking by relevance reads windows of this many matches per result
/// wanted (at least MIN_WINDOW), growing by the same factor, up to
/// MAX_WINDOW; pages deeper than MAX_WINDOW_PAGE_END results, or ties too
/// many for the largest window, are ranked by Xapian's collapse and sort.
constexpr Xapian::doccount WINDOW_PER_RESULT = 4;
constexpr Xapian::doccount MIN_WINDOW = 40;
constexpr Xapian::doccount MAX_WINDOW = 2560;
constexpr Xapian::doccount MAX_WINDOW_PAGE_END = 100;

/// The items of results offset..end-1 in the library's order (weight, then
/// statement id, then docid; one per statement in the statements view),
/// from windows of matches ranked by Xapian on weight alone: no collapse
/// and no sort value to read per match, statements told apart by the
/// facet table in memory. A window decides the page once it holds every
/// match or its last weight is below the page's last (no match outside it
/// could rank into the page); nothing when no window up to MAX_WINDOW does.
std::optional<std::vector<Xapian::MSetIterator>> page_from_windows(Xapian::Enquire& enquire, const FacetTable& table,
                                                                    bool one_per_statement, Xapian::doccount offset,
                                                                    Xapian::doccount end, Xapian::MSet& mset) {
    struct Candidate {
        double weight;
        const std::string* statement_id;
        std::uint32_t statement;
        Xapian::MSetIterator item;
    };
    const auto before = [](const Candidate& a, const Candidate& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        if (*a.statement_id != *b.statement_id) return *a.statement_id < *b.statement_id;
        return *a.item < *b.item;
    };
    for (Xapian::doccount window = std::max(end * WINDOW_PER_RESULT, MIN_WINDOW); window <= MAX_WINDOW;
         window *= WINDOW_PER_RESULT) {
        mset = enquire.get_mset(0, window);
        std::vector<Candidate> candidates;
        candidates.reserve(mset.size());
        for (auto item = mset.begin(); item != mset.end(); ++item) {
            const std::uint32_t statement = table.statement_of(*item);
            candidates.push_back({item.get_weight(), &table.statement_id(statement), statement, item});
        }
        std::sort(candidates.begin(), candidates.end(), before);
        std::vector<Xapian::MSetIterator> page;
        std::vector<std::uint32_t> statements;
        Xapian::doccount rank = 0;
        double last_weight = 0;
        for (const Candidate& c : candidates) {
            if (rank == end) break;
            if (one_per_statement) {
                if (std::find(statements.begin(), statements.end(), c.statement) != statements.end()) continue;
                statements.push_back(c.statement);
            }
            if (rank++ >= offset) page.push_back(c.item);
            last_weight = c.weight;
        }
        const bool every_match = mset.size() < window;
        if (every_match || (rank == end && last_weight > candidates.back().weight)) return page;
    }
    return std::nullopt;
}

/// The docids of results offset..end-1 in date order (newest first when
/// `newest_first`; one per statement in the statements view), chosen from
/// the date orders kept in the facet table and the query's match set;
/// nullopt when the table keeps no date order (several shards) or the
/// query is not evaluable as a set (match_set.h).
std::optional<std::vector<Xapian::docid>> page_in_date_order(Xapian::Database& db, const Xapian::Query& query,
                                                             const FacetTable& table, bool newest_first,
                                                             bool one_per_statement, Xapian::doccount offset,
                                                             Xapian::doccount end) {
    const std::vector<Xapian::docid>& order = table.in_date_order(newest_first);
    if (order.empty()) return std::nullopt;  // several shards: no order kept
    const auto matches = match_set(db, query, &table.posting_sets());
    if (!matches) return std::nullopt;
    std::vector<Xapian::docid> page;
    std::vector<bool> statement_taken(one_per_statement ? table.statement_count() : 0, false);
    Xapian::doccount rank = 0;
    for (const Xapian::docid docid : order) {
        if (rank == end) break;
        if (!matches->contains(docid)) continue;
        if (one_per_statement) {
            const std::uint32_t statement = table.statement_of(docid);
            if (statement == FacetTable::NO_STATEMENT || statement_taken[statement]) continue;
            statement_taken[statement] = true;
        }
        if (rank++ >= offset) page.push_back(docid);
    }
    return page;
}

/// The requested page of hits for `query`, ranked, with snippets.
Expected<std::vector<SearchHit>> rank_page(const Snapshot& snapshot, Lease& lease, const SearchRequest& request,
                                           const Xapian::Query& query) try {
    // Outlives the enquire and the MSet, whose query may point to it.
    std::optional<DocidListSource> page_documents;
    Xapian::Enquire enquire(lease.db());
    enquire.set_query(query);
    enquire.set_time_limit(api::MATCH_TIME_LIMIT_SECONDS);
    const bool one_per_statement = request.view == View::statements;
    const auto offset = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
    const auto end = offset + static_cast<Xapian::doccount>(request.per_page);
    Xapian::MSet mset;
    std::optional<std::vector<Xapian::MSetIterator>> page;
    if (request.sort == Sort::relevance && !request.query.empty() && end <= MAX_WINDOW_PAGE_END)
        page = page_from_windows(enquire, snapshot.facets(), one_per_statement, offset, end, mset);
    if (!page) {
        if (one_per_statement) enquire.set_collapse_key(schema::VALUE_STATEMENT_ID);
        configure_order(enquire, request);
        // Date order: Xapian's sort reads the sort value of every match;
        // the page is found from the orders kept in memory instead, and
        // Xapian ranks only its documents (same weights, order, snippets).
        const DateOrder order = date_order(request);
        Xapian::doccount first = offset;
        if (order != DateOrder::none) {
            if (auto docids = page_in_date_order(lease.db(), query, snapshot.facets(),
                                                 order == DateOrder::newest_first, one_per_statement, offset, end)) {
                page_documents.emplace(std::move(*docids));
                enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&*page_documents)));
                first = 0;
            }
        }
        mset = enquire.get_mset(first, static_cast<Xapian::doccount>(request.per_page));
        page.emplace();
        for (auto item = mset.begin(); item != mset.end(); ++item) page->push_back(item);
    }
    const Labeller labeller(snapshot.vocabulary());
    std::vector<SearchHit> hits;
    for (const auto& item : *page) {
        const auto data = nlohmann::json::parse(item.get_document().get_data(), nullptr, false);
        SearchHit hit = hit_from_data(data, labeller);
        hit.snippet = snippet_for(mset, data.value("text", ""), hit.language, request.query);
        hit.score = std::round(item.get_weight() * 1000.0) / 1000.0;
        hits.push_back(std::move(hit));
    }
    return hits;
} catch (const Xapian::WildcardError&) {
    return wildcard_error();
}

/// Counts searches under way, so that one runs its halves in parallel
/// only while a core would otherwise idle.
class InFlight {
public:
    explicit InFlight(std::atomic<unsigned>& counter) : counter_(counter), before_(counter_.fetch_add(1)) {}
    ~InFlight() { counter_.fetch_sub(1); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    unsigned others() const { return before_; }

private:
    std::atomic<unsigned>& counter_;
    unsigned before_;
};

unsigned cores() {
    static const unsigned count = std::max(1u, std::thread::hardware_concurrency());
    return count;
}

}  // namespace

Searcher::Searcher(LibraryReader& reader) : reader_(reader), counting_(cores() - 1) {}

Expected<SearchResponse> Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    // Both halves read the same generation, each with its own handles
    // (Xapian objects, queries included, are not shared between threads).
    const std::shared_ptr<Snapshot> snapshot = reader_.current();
    const InFlight in_flight(searches_in_flight_);
    const bool parallel = in_flight.others() + 1 < cores();

    Expected<CountedSearch> counted = Error{ErrorCode::internal_error, "not counted", ""};
    Expected<std::vector<SearchHit>> hits = std::vector<SearchHit>{};
    if (parallel) {
        // The page is ranked for all words meanwhile, with this thread's own
        // query; if counting falls back to any word, the page is ranked again
        // with the counted query (cheap: all words found nothing). That query
        // is this thread's once get() has returned.
        auto counting = counting_.run([&snapshot, &request] {
            Lease lease(snapshot);
            return count_search(*snapshot, lease, request);
        });
        const FinishedBeforeLeaving counted_first(counting);
        Lease lease(snapshot);
        QueryBuilder builder(lease.db(), snapshot->vocabulary(), library_languages(snapshot->facets()), lease.spelling());
        if (auto all = builder.build(request, Matching::all)) hits = rank_page(*snapshot, lease, request, *all);
        else hits = all.error();
        counted = counting.get();
        if (counted && counted->matching == Matching::any) hits = rank_page(*snapshot, lease, request, counted->query);
    } else {
        Lease lease(snapshot);
        counted = count_search(*snapshot, lease, request);
        if (counted) hits = rank_page(*snapshot, lease, request, counted->query);
    }
    if (!counted) return counted.error();
    if (!hits) return hits.error();

    SearchResponse response;
    response.query = request.query;
    response.page = request.page;
    response.per_page = request.per_page;
    response.view = std::string(request.view == View::statements ? api::VIEW_STATEMENTS : api::VIEW_PASSAGES);
    response.matching = counted->matching == Matching::any ? "any" : "all";
    response.total = counted->total;
    response.facets = std::move(counted->facets);
    response.results = std::move(*hits);
    response.suggestion = std::move(counted->suggestion);
    response.took_ms = elapsed_ms(started);
    return response;
}

Expected<nlohmann::json> Searcher::statement(const std::string& id) {
    const Error missing{ErrorCode::statement_not_found, "no statement with id '" + id + "'", "id"};
    if (!is_statement_id(id)) return missing;
    Lease lease = reader_.lease();
    Xapian::Database& db = lease.db();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(std::string(schema::PREFIX_STATEMENT) + id));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::VALUE_PARAGRAPH, false);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    if (mset.empty()) return missing;

    const Labeller labeller(lease.snapshot().vocabulary());
    nlohmann::json out;
    nlohmann::json paragraphs = nlohmann::json::array();
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        const auto data = nlohmann::json::parse(item.get_document().get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        if (out.is_null()) {
            const auto& s = data.at("statement");
            const std::string session = s.at("session").get<std::string>();
            const std::string date = s.at("date").get<std::string>();
            out = {{"id", id},
                   {"title", s.at("title")},
                   {"organization", labeller.labelled(api::PARAM_ORGANIZATION, s.at("organization"))},
                   {"session", session.empty() ? nlohmann::json(nullptr) : nlohmann::json(labeller.labelled(api::PARAM_SESSION, session))},
                   {"chapter", labeller.labelled(api::PARAM_CHAPTER, s.at("chapter"))},
                   {"date", date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date)},
                   {"status", s.at("status")},
                   {"language", s.at("language")},
                   {"themes", labeller.themes(s.at("themes"))},
                   {"source", s.at("source")},
                   {"source_url", s.value("source_url", "")},
                   {"url", STATEMENT_URL_PREFIX + id},
                   {"header", data.value("header", nlohmann::json::array())},
                   {"opening", data.value("opening", nlohmann::json::array())},
                   {"closing", data.value("closing", nlohmann::json::array())}};
        }
        paragraphs.push_back({{"n", data.at("n")}, {"text", data.at("text")}, {"themes", labeller.themes(data.at("themes"))}});
    }
    out["paragraphs"] = std::move(paragraphs);
    return out;
}

nlohmann::json Searcher::facets() {
    Lease lease = reader_.lease();
    const Snapshot& snapshot = lease.snapshot();
    // Match-all, but not the shared Xapian::Query::MatchAll (see query_builder.cc).
    const FacetCounts counts = count_matches(lease.db(), Xapian::Query(std::string()), snapshot.facets(), View::statements);
    return {{"statements", counts.total},
            {"paragraphs", snapshot.paragraph_count()},
            {"facets", facets_to_json(shape_facets(counts, snapshot.facets(), snapshot.vocabulary(), nullptr))}};
}

nlohmann::json Searcher::status() {
    const auto snapshot = reader_.current();
    return {{"status", "ok"},
            {"statements", snapshot->facets().statement_count()},
            {"paragraphs", snapshot->paragraph_count()},
            {"revision", snapshot->revision()},
            {"generation", snapshot->generation()},
            {"built_at", snapshot->built_at()},
            {"shards", snapshot->shards().size()},
            {"remote_shards", snapshot->remote_shards()},
            {"suggestions", snapshot->suggestions()}};
}

Expected<nlohmann::json> Searcher::health() {
    nlohmann::json out = status();
    if (auto error = reader_.verify()) return *error;
    return out;
}

SuggestResponse Searcher::suggest(const SuggestRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SuggestResponse response = stmt::suggest(reader_.current()->completions(), request);
    response.took_ms = elapsed_ms(started);
    return response;
}

std::string Searcher::generation_tag() {
    const auto snapshot = reader_.current();
    return snapshot->generation() + "@" + std::to_string(snapshot->revision());
}

}  // namespace stmt
