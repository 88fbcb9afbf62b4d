/** @file searcher.cc
 *  @brief Two passes per search, as the facet counts need: a ranked pass
 *  for the page (collapsed to statements in the statements view) and an
 *  unranked pass over the whole match set that counts facets exactly.
 */
#include "stmtlib/searcher.h"

#include "stmtlib/query_builder.h"
#include "stmtlib/schema.h"
#include "stmtlib/xapian_language.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace stmt {
namespace {

constexpr const char* HIGHLIGHT_START = "<mark>";
constexpr const char* HIGHLIGHT_END = "</mark>";
constexpr const char* OMISSION = "\u2026";
constexpr const char* STATEMENT_URL_PREFIX = "/statements/";

std::string language_label(const std::string& code) {
    static const std::pair<const char*, const char*> names[] = {
        {"en", "English"}, {"fr", "French"}, {"es", "Spanish"}, {"ru", "Russian"}, {"ar", "Arabic"}, {"zh", "Chinese"}};
    for (const auto& [c, name] : names)
        if (code == c) return name;
    return code;
}

/// Labels of ids, from the vocabulary stored with the index.
class Labeller {
public:
    explicit Labeller(const Vocabulary& v) : v_(v) {}

    std::string label(std::string_view field, const std::string& id) const {
        const VocabularyEntry* e = nullptr;
        if (field == api::PARAM_SESSION) e = v_.session(id);
        else if (field == api::PARAM_CHAPTER) e = v_.chapter(id);
        else if (field == api::PARAM_THEME) e = v_.theme(id);
        else if (field == api::PARAM_ORGANIZATION) e = v_.organization(id);
        else if (field == api::PARAM_STATUS) e = v_.status(id);
        else if (field == api::PARAM_LANGUAGE) return language_label(id);
        return e ? e->label : id;
    }
    Labelled labelled(std::string_view field, const std::string& id) const { return {id, label(field, id)}; }
    std::vector<Labelled> themes(const nlohmann::json& ids) const {
        std::vector<Labelled> out;
        for (const auto& id : ids) out.push_back(labelled(api::PARAM_THEME, id.get<std::string>()));
        return out;
    }

private:
    const Vocabulary& v_;
};

FacetCounts count_matches(Xapian::Database& db, const Xapian::Query& query, const FacetTable& table, View view) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    FacetCountingSpy spy(table, view == View::statements);
    enquire.add_matchspy(&spy);
    const Xapian::doccount all = db.get_doccount();
    enquire.get_mset(0, 0, all);
    return spy.counts();
}

constexpr std::array<std::pair<std::string_view, StatementField>, STATEMENT_FIELD_COUNT> FACET_FIELDS = {{
    {api::PARAM_SESSION, StatementField::session},
    {api::PARAM_CHAPTER, StatementField::chapter},
    {api::PARAM_ORGANIZATION, StatementField::organization},
    {api::PARAM_LANGUAGE, StatementField::language},
    {api::PARAM_STATUS, StatementField::status},
}};

/// Position of an id in vocabulary order, for fields listed in that order.
template <typename Entry>
std::size_t order_in(const std::vector<Entry>& entries, const std::string& id) {
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].id == id) return i;
    return entries.size();
}

Facets shape_facets(const FacetCounts& counts, const FacetTable& table, const Vocabulary& v,
                    const SearchRequest* request) {
    const Labeller labeller(v);
    const auto make_list = [&](std::string_view field, const std::vector<std::string>& ids,
                               const std::vector<std::size_t>& n) {
        std::vector<FacetValue> values;
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (n[i] > 0) values.push_back({ids[i], labeller.label(field, ids[i]), n[i]});
        if (request) {  // keep selected values listed, so they can be unselected
            const auto selected = request->filters.find(field);
            if (selected != request->filters.end())
                for (const auto& value : selected->second) {
                    const bool listed = std::any_of(values.begin(), values.end(), [&](const FacetValue& f) { return f.id == value; });
                    if (!listed) values.push_back({value, labeller.label(field, value), 0});
                }
        }
        return values;
    };
    Facets facets;
    for (const auto& [field, slot] : FACET_FIELDS) {
        auto values = make_list(field, table.values(slot), counts.fields[static_cast<std::size_t>(slot)]);
        if (field == api::PARAM_SESSION) {
            std::stable_sort(values.begin(), values.end(), [&](const FacetValue& a, const FacetValue& b) {
                return v.session_order(a.id) < v.session_order(b.id);
            });
        } else if (field == api::PARAM_CHAPTER) {
            std::stable_sort(values.begin(), values.end(), [&](const FacetValue& a, const FacetValue& b) {
                return order_in(v.chapters, a.id) < order_in(v.chapters, b.id);
            });
        } else if (field == api::PARAM_STATUS) {
            std::stable_sort(values.begin(), values.end(), [&](const FacetValue& a, const FacetValue& b) {
                return order_in(v.statuses, a.id) < order_in(v.statuses, b.id);
            });
        } else {
            std::stable_sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
                return a.count != b.count ? a.count > b.count : a.label < b.label;
            });
        }
        facets.emplace_back(std::string(field), std::move(values));
        if (field == api::PARAM_CHAPTER) {  // themes listed after chapters
            auto themes = make_list(api::PARAM_THEME, table.theme_ids(), counts.themes);
            std::stable_sort(themes.begin(), themes.end(), [](const FacetValue& a, const FacetValue& b) {
                return a.count > b.count;
            });
            facets.emplace_back(std::string(api::PARAM_THEME), std::move(themes));
        }
    }
    return facets;
}

void configure_order(Xapian::Enquire& enquire, const SearchRequest& r, Xapian::MultiValueKeyMaker& keys) {
    const bool newest_first = r.sort == Sort::date_descending || (r.sort == Sort::relevance && r.query.empty());
    if (r.sort == Sort::relevance && !r.query.empty()) return;
    keys.add_value(schema::VALUE_SORT_DATE, newest_first);
    keys.add_value(schema::VALUE_STATEMENT_ID);
    keys.add_value(schema::VALUE_PARAGRAPH);
    enquire.set_sort_by_key_then_relevance(&keys, false);
}

/// The library's languages, English first: the stemmers queries are parsed with.
std::vector<std::string> library_languages(const FacetTable& table) {
    std::vector<std::string> languages = table.values(StatementField::language);
    std::stable_sort(languages.begin(), languages.end(),
                     [](const std::string& a, const std::string& b) { return a == DEFAULT_LANGUAGE && b != DEFAULT_LANGUAGE; });
    return languages;
}

SearchHit make_hit(const Xapian::MSetIterator& item, const Xapian::MSet& mset, const Labeller& labeller) {
    const auto data = nlohmann::json::parse(item.get_document().get_data(), nullptr, false);
    SearchHit hit;
    if (data.is_discarded()) return hit;
    const auto& s = data.at("statement");
    hit.statement_id = s.at("id").get<std::string>();
    hit.paragraph = data.at("n").get<int>();
    hit.title = s.at("title").get<std::string>();
    hit.organization = labeller.labelled(api::PARAM_ORGANIZATION, s.at("organization").get<std::string>());
    if (const auto session = s.at("session").get<std::string>(); !session.empty())
        hit.session = labeller.labelled(api::PARAM_SESSION, session);
    hit.chapter = labeller.labelled(api::PARAM_CHAPTER, s.at("chapter").get<std::string>());
    hit.date = s.at("date").get<std::string>();
    hit.status = s.at("status").get<std::string>();
    hit.language = s.at("language").get<std::string>();
    hit.themes = labeller.themes(s.at("themes"));
    hit.snippet = mset.snippet(data.at("text").get<std::string>(), api::SNIPPET_LENGTH, stemmer_for(hit.language),
                               Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM, HIGHLIGHT_START,
                               HIGHLIGHT_END, OMISSION);
    hit.score = std::round(item.get_weight() * 1000.0) / 1000.0;
    hit.url = STATEMENT_URL_PREFIX + hit.statement_id;
    return hit;
}

bool is_statement_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
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

Expected<SearchResponse> Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    Lease lease = reader_.lease();
    Xapian::Database& db = lease.db();
    const Snapshot& snapshot = lease.snapshot();
    QueryBuilder builder(db, snapshot.vocabulary(), library_languages(snapshot.facets()));

    SearchResponse response;
    response.query = request.query;
    response.page = request.page;
    response.per_page = request.per_page;
    response.view = std::string(request.view == View::statements ? api::VIEW_STATEMENTS : api::VIEW_PASSAGES);
    response.matching = "all";

    auto query = builder.build(request, Matching::all);
    if (!query) return query.error();
    const std::string corrected = builder.corrected_query();
    FacetCounts counts = count_matches(db, *query, snapshot.facets(), request.view);
    if (counts.total == 0 && !request.query.empty()) {
        auto any = builder.build(request, Matching::any);
        if (any) {
            FacetCounts any_counts = count_matches(db, *any, snapshot.facets(), request.view);
            if (any_counts.total > 0) {
                query = std::move(any);
                counts = std::move(any_counts);
                response.matching = "any";
            }
        }
    }
    response.total = counts.total;
    response.facets = shape_facets(counts, snapshot.facets(), snapshot.vocabulary(), &request);

    Xapian::Enquire enquire(db);
    enquire.set_query(*query);
    if (request.view == View::statements) enquire.set_collapse_key(schema::VALUE_STATEMENT_ID);
    Xapian::MultiValueKeyMaker keys;
    configure_order(enquire, request, keys);
    const auto offset = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
    const Xapian::MSet mset = enquire.get_mset(offset, static_cast<Xapian::doccount>(request.per_page));
    const Labeller labeller(snapshot.vocabulary());
    for (auto item = mset.begin(); item != mset.end(); ++item)
        response.results.push_back(make_hit(item, mset, labeller));

    if (!corrected.empty() && corrected != request.query &&
        static_cast<long>(response.total) < api::SUGGESTION_BELOW) {
        SearchRequest alternative = request;
        alternative.query = corrected;
        if (auto q = builder.build(alternative, Matching::all); q) {
            if (count_matches(db, *q, snapshot.facets(), request.view).total > response.total)
                response.suggestion = corrected;
        }
    }
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    response.took_ms = std::round(response.took_ms * 100.0) / 100.0;
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
    const FacetCounts counts = count_matches(lease.db(), Xapian::Query::MatchAll, snapshot.facets(), View::statements);
    return {{"statements", counts.total},
            {"paragraphs", snapshot.paragraph_count()},
            {"facets", facets_to_json(shape_facets(counts, snapshot.facets(), snapshot.vocabulary(), nullptr))}};
}

nlohmann::json Searcher::health() {
    Lease lease = reader_.lease();
    const Snapshot& snapshot = lease.snapshot();
    return {{"status", "ok"},
            {"statements", snapshot.facets().statement_count()},
            {"paragraphs", snapshot.paragraph_count()},
            {"revision", snapshot.revision()},
            {"generation", snapshot.generation()},
            {"built_at", snapshot.built_at()}};
}

}  // namespace stmt
