/** @file search_support.cc
 *  @brief Shared pieces of the searcher's operations.
 */
#include "search_support.h"

#include "stmtlib/query_builder.h"
#include "stmtlib/schema.h"
#include "stmtlib/xapian_language.h"

#include "stmtlib/highlighter.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace stmt::support {



double elapsed_ms(std::chrono::steady_clock::time_point started) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return std::round(ms * 100.0) / 100.0;
}

std::string language_label(const std::string& code) {
    static const std::pair<const char*, const char*> names[] = {
        {"en", "English"}, {"fr", "French"}, {"es", "Spanish"}, {"ru", "Russian"}, {"ar", "Arabic"}, {"zh", "Chinese"}};
    for (const auto& [c, name] : names)
        if (code == c) return name;
    return code;
}

std::string Labeller::label(std::string_view field, const std::string& id) const {
    const VocabularyEntry* e = nullptr;
    if (field == api::PARAM_SESSION) e = v_.session(id);
    else if (field == api::PARAM_CHAPTER) e = v_.chapter(id);
    else if (field == api::PARAM_THEME) e = v_.theme(id);
    else if (field == api::PARAM_ORGANIZATION) e = v_.organization(id);
    else if (field == api::PARAM_STATUS) e = v_.status(id);
    else if (field == api::PARAM_LANGUAGE) return language_label(id);
    return e ? e->label : id;
}

std::vector<Labelled> Labeller::themes(const nlohmann::json& ids) const {
    std::vector<Labelled> out;
    for (const auto& id : ids) out.push_back(labelled(api::PARAM_THEME, id.get<std::string>()));
    return out;
}

FacetCounts count_matches(Xapian::Database& db, const Xapian::Query& query, const FacetTable& table, View view,
                          bool count_session_organizations) {
    FacetCountingSpy spy(table, view == View::statements, count_session_organizations);
    // AND/OR/NOT of terms and filters: read from posting lists as a set,
    // several times cheaper than the matcher (match_set.h). Several shards
    // number their documents apart, so they go through the matcher.
    if (!table.counts_by_docids()) {
        if (const auto matches = match_set(db, query, &table.posting_sets())) {
            spy.add_set(*matches);
            return spy.counts();
        }
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    // Counting every match is the one pass whose work grows with the
    // library; past the limit Xapian stops and the counts are estimates.
    enquire.set_time_limit(api::MATCH_TIME_LIMIT_SECONDS);
    const Xapian::doccount all = db.get_doccount();
    if (table.counts_by_docids()) {
        // A remote shard cannot run our spy: it sends every matching docid
        // back instead, and they are counted here.
        const Xapian::MSet matches = enquire.get_mset(0, all);
        for (auto item = matches.begin(); item != matches.end(); ++item) spy.add_docid(*item);
        return spy.counts();
    }
    // Phrases, wildcards and value ranges: the matcher runs our spy.
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, all);
    return spy.counts();
}


/// Position of an id in vocabulary order, for fields listed in that order.
template <typename Entry>
std::size_t order_in(const std::vector<Entry>& entries, const std::string& id) {
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].id == id) return i;
    return entries.size();
}

Expected<CountedQuery> count_query(QueryBuilder& builder, Xapian::Database& db, const SearchRequest& request,
                                   const FacetTable& table, View view, bool count_session_organizations) try {
    auto all = builder.build(request, Matching::all);
    if (!all) return all.error();
    CountedQuery out{*all, count_matches(db, *all, table, view, count_session_organizations), Matching::all};
    if (out.counts.total > 0 || request.query.empty()) return out;
    if (auto any = builder.build(request, Matching::any)) {
        FacetCounts counts = count_matches(db, *any, table, view, count_session_organizations);
        if (counts.total > 0) {
            out.query = *any;
            out.counts = std::move(counts);
            out.matching = Matching::any;
        }
    }
    return out;
} catch (const Xapian::WildcardError&) {
    // The first match of a query expands its wildcards, and that is here;
    // later passes over the same query objects expand them no further.
    return wildcard_error();
}

Error wildcard_error() {
    return Error{ErrorCode::invalid_parameter,
                 "a wildcard in the query stands for more than " + std::to_string(api::MAX_WILDCARD_EXPANSION) +
                     " words; type more letters before the *",
                 std::string(api::PARAM_QUERY)};
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

DateOrder date_order(const SearchRequest& r) {
    if (r.sort == Sort::date_ascending) return DateOrder::oldest_first;
    if (r.sort == Sort::date_descending || r.query.empty()) return DateOrder::newest_first;
    return DateOrder::none;
}

void configure_order(Xapian::Enquire& enquire, const SearchRequest& r) {
    const DateOrder order = date_order(r);
    // Equal weights are ordered by statement id (then docid, which keeps a
    // statement's paragraphs in order in any shard), not by docid alone,
    // so that a split into shards orders ties as one database does.
    if (order == DateOrder::none)
        enquire.set_sort_by_relevance_then_value(schema::VALUE_STATEMENT_ID, false);
    else
        enquire.set_sort_by_value_then_relevance(
            order == DateOrder::newest_first ? schema::VALUE_ORDER_NEWEST : schema::VALUE_ORDER_OLDEST, false);
}

/// The library's languages, English first: the stemmers queries are parsed with.
std::vector<std::string> library_languages(const FacetTable& table) {
    std::vector<std::string> languages = table.values(StatementField::language);
    std::stable_sort(languages.begin(), languages.end(),
                     [](const std::string& a, const std::string& b) { return a == DEFAULT_LANGUAGE && b != DEFAULT_LANGUAGE; });
    return languages;
}

SearchHit hit_from_data(const nlohmann::json& data, const Labeller& labeller) {
    SearchHit hit;
    if (!data.is_object()) return hit;
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
    hit.url = STATEMENT_URL_PREFIX + hit.statement_id;
    return hit;
}

bool is_statement_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}


namespace {

struct QueryWords {
    std::vector<std::vector<std::string>> phrases;  ///< quoted, lowercased words
    std::vector<std::string> words;                 ///< unquoted, lowercased
};

QueryWords words_of_query(const std::string& query) {
    QueryWords out;
    bool quoted = false;
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t quote = std::min(query.find('"', start), query.size());
        const std::string segment = query.substr(start, quote - start);
        if (quoted) {
            std::vector<std::string> phrase;
            for (const auto& t : tokenize(segment)) phrase.push_back(t.word);
            if (!phrase.empty()) out.phrases.push_back(std::move(phrase));
        } else {
            std::istringstream pieces(segment);
            std::string piece;
            while (pieces >> piece) {
                // Operators, field:value filters and prefixes* mark nothing.
                if (piece == "AND" || piece == "OR" || piece == "NOT" || piece.find(':') != std::string::npos) continue;
                for (const auto& t : tokenize(piece))
                    if (!is_stopword(t.word)) out.words.push_back(t.word);
            }
        }
        if (quote == query.size()) break;
        quoted = !quoted;
        start = quote + 1;
    }
    return out;
}

}  // namespace

std::string snippet_for(const Xapian::MSet& mset, const std::string& text, const std::string& language,
                        const std::string& query) {
    const QueryWords q = words_of_query(query);
    if (q.phrases.empty())
        return mset.snippet(text, api::SNIPPET_LENGTH, stemmer_for(language),
                            Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM, HIGHLIGHT_START,
                            HIGHLIGHT_END, OMISSION);
    const auto tokens = tokenize(text);
    std::vector<TokenSpan> spans;
    for (const auto& phrase : q.phrases)
        for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k) match = tokens[i + k].word == phrase[k];
            if (match) spans.push_back({i, i + phrase.size() - 1});
        }
    const Xapian::Stem stemmer = stemmer_for(language);
    std::vector<std::string> stems;
    for (const auto& w : q.words) stems.push_back(stemmer(w));
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (std::find(stems.begin(), stems.end(), stemmer(tokens[i].word)) != stems.end()) spans.push_back({i, i});
    return highlight(text, tokens, std::move(spans), api::SNIPPET_LENGTH);
}

}  // namespace stmt::support
