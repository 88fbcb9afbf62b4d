/** @file similar_passages.cc
 *  @brief Similar language: Xapian finds candidates (relevance feedback for
 *  a library passage, the text's most telling words for a pasted text),
 *  then an alignment of word sequences ranks them and marks what they share.
 */
#include "stmtlib/document_builder.h"
#include "stmtlib/highlighter.h"
#include "stmtlib/language_detector.h"
#include "stmtlib/phrase_ngrams.h"
#include "stmtlib/query_builder.h"
#include "stmtlib/research_requests.h"
#include "stmtlib/schema.h"
#include "stmtlib/searcher.h"
#include "stmtlib/wording_overlap.h"
#include "stmtlib/xapian_language.h"

#include "search_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

namespace stmt {

using namespace support;

namespace {

/// Candidates Xapian proposes before the alignment ranks them.
constexpr Xapian::doccount SIMILAR_CANDIDATES = 200;
/// Query terms taken from the text (the most telling, by Xapian's weights).
constexpr Xapian::termcount SIMILAR_QUERY_TERMS = 40;
/// A similar passage is shown whole up to this many bytes.
constexpr std::size_t SIMILAR_SNIPPET_LENGTH = 700;
/// Passages sharing less than this are not similar at all.
constexpr double MIN_SIMILARITY = 0.02;

/// The stemmed words of a text as an elite set: the most telling terms
/// decide, common ones do not swamp the match.
Xapian::Query query_for_text(const std::string& text_value, const std::string& language) {
    const Xapian::Stem stemmer = stemmer_for(language);
    std::set<std::string> terms;
    for (const auto& token : tokenize(text_value))
        if (!is_stopword(token.word))
            terms.insert(stemmer.is_none() ? token.word : std::string(schema::PREFIX_STEMMED) + stemmer(token.word));
    return Xapian::Query(Xapian::Query::OP_ELITE_SET, terms.begin(), terms.end(), SIMILAR_QUERY_TERMS);
}

/// N-gram terms are left out of relevance feedback: a passage has two per
/// word, mostly unique, and their many equal weights would crowd out the
/// words that describe it.
class NotNgrams : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override { return !is_ngram_term(term); }
};

/// Relevance feedback: the terms that best describe one passage.
Xapian::Query query_for_passage(Xapian::Database& db, Xapian::docid docid) {
    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(docid);
    const NotNgrams words;
    const Xapian::ESet eset = enquire.get_eset(SIMILAR_QUERY_TERMS, rset, &words);
    std::vector<std::string> terms(eset.begin(), eset.end());
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

void to_json(nlohmann::json& j, const SimilarHit& h) {
    j = h.hit;
    j["similarity"] = h.similarity;
    j["shared_phrases"] = h.shared_phrases;
}

void to_json(nlohmann::json& j, const SimilarResponse& r) { j = {{"results", r.results}, {"took_ms", r.took_ms}}; }

Expected<SimilarResponse> Searcher::similar(const SimilarRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    Lease lease = reader_.lease();
    Xapian::Database& db = lease.db();
    const Snapshot& snapshot = lease.snapshot();

    std::string text_value = request.text;
    std::optional<Xapian::docid> source;
    if (!request.statement_id.empty()) {
        const std::string id_term = paragraph_id_term(request.statement_id, request.paragraph);
        auto posting = db.postlist_begin(id_term);
        if (posting == db.postlist_end(id_term)) {
            const bool statement_exists = db.term_exists(std::string(schema::PREFIX_STATEMENT) + request.statement_id);
            return Error{statement_exists ? ErrorCode::paragraph_not_found : ErrorCode::statement_not_found,
                         statement_exists ? "statement '" + request.statement_id + "' has no paragraph " + std::to_string(request.paragraph)
                                          : "no statement with id '" + request.statement_id + "'",
                         std::string(statement_exists ? PARAM_PARAGRAPH : PARAM_STATEMENT)};
        }
        source = *posting;
        const auto data = nlohmann::json::parse(db.get_document(*source).get_data(), nullptr, false);
        text_value = data.is_object() ? data.value("text", "") : "";
    }

    QueryBuilder builder(db, snapshot.vocabulary(), library_languages(snapshot.facets()), lease.spelling());
    auto scope = builder.build(request.scope, Matching::all);
    if (!scope) return scope.error();
    Xapian::Query query = source ? query_for_passage(db, *source) : query_for_text(text_value, detect_language(text_value));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, *scope);
    if (source)
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(paragraph_id_term(request.statement_id, request.paragraph)));

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet candidates = enquire.get_mset(0, SIMILAR_CANDIDATES);
    const auto text_tokens = tokenize(text_value);
    const Labeller labeller(snapshot.vocabulary());
    std::vector<std::pair<SimilarHit, double>> ranked;  // with Xapian's weight, to break ties
    for (auto item = candidates.begin(); item != candidates.end(); ++item) {
        const auto data = nlohmann::json::parse(item.get_document().get_data(), nullptr, false);
        if (!data.is_object()) continue;
        const std::string passage = data.value("text", "");
        const auto tokens = tokenize(passage);
        const WordingOverlap overlap = compare_wording(text_tokens, passage, tokens);
        if (overlap.similarity() < MIN_SIMILARITY) continue;
        SimilarHit hit{hit_from_data(data, labeller), std::round(overlap.similarity() * 1000.0) / 1000.0, overlap.phrases};
        hit.hit.snippet = highlight(passage, tokens, overlap.passage_spans, SIMILAR_SNIPPET_LENGTH);
        hit.hit.score = hit.similarity;
        ranked.emplace_back(std::move(hit), item.get_weight());
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        return x.first.similarity != y.first.similarity ? x.first.similarity > y.first.similarity : x.second > y.second;
    });
    SimilarResponse response;
    const auto wanted = static_cast<std::size_t>(request.scope.per_page);
    for (std::size_t i = 0; i < ranked.size() && i < wanted; ++i) response.results.push_back(std::move(ranked[i].first));
    response.took_ms = elapsed_ms(started);
    return response;
}

}  // namespace stmt
