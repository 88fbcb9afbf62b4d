/** @file phrase_bigrams.cc
 *  @brief Writing bigram terms and using them in phrase queries.
 */
#include "stmtlib/phrase_bigrams.h"

#include "stmtlib/match_set.h"
#include "stmtlib/schema.h"

#include <map>
#include <vector>

namespace stmt {
namespace {

/// The terms of a phrase whose words must be adjacent, in order (Xapian
/// 1.4 shows a phrase's window only in its description: "(a PHRASE 2 b)").
std::optional<std::vector<std::string>> adjacent_phrase_terms(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_PHRASE) return std::nullopt;
    const std::size_t n = query.get_num_subqueries();
    if (n < 2) return std::nullopt;
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < n; ++i) {
        auto term = leaf_term(query.get_subquery(i));
        if (!term || schema::is_prefixed_term(*term)) return std::nullopt;
        terms.push_back(std::move(*term));
    }
    if (query.get_description().find(" PHRASE " + std::to_string(n) + " ") == std::string::npos) return std::nullopt;
    return terms;
}

}  // namespace

std::optional<std::string> bigram_term(const std::string& first, const std::string& second) {
    if (schema::is_prefixed_term(first) || schema::is_prefixed_term(second)) return std::nullopt;
    std::string term = std::string(schema::PREFIX_BIGRAM) + first + ' ' + second;
    if (term.size() > MAX_BIGRAM_BYTES) return std::nullopt;
    return term;
}

void add_bigram_terms(Xapian::Document& doc) {
    std::map<Xapian::termpos, std::vector<std::string>> at;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        if (schema::is_prefixed_term(*term)) continue;
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
            at[*position].push_back(*term);
    }
    for (auto it = at.begin(); it != at.end(); ++it) {
        const auto next = std::next(it);
        if (next == at.end() || next->first != it->first + 1) continue;
        for (const auto& first : it->second)
            for (const auto& second : next->second)
                if (auto bigram = bigram_term(first, second)) doc.add_boolean_term(*bigram);
    }
}

std::optional<std::string> exact_bigram_of(const Xapian::Query& query) {
    const auto terms = adjacent_phrase_terms(query);
    if (!terms || terms->size() != 2) return std::nullopt;
    return bigram_term((*terms)[0], (*terms)[1]);
}

Xapian::Query with_phrase_bigrams(const Xapian::Query& query) {
    if (const auto terms = adjacent_phrase_terms(query)) {
        std::vector<Xapian::Query> bigrams;
        for (std::size_t i = 0; i + 1 < terms->size(); ++i)
            if (auto bigram = bigram_term((*terms)[i], (*terms)[i + 1])) bigrams.emplace_back(*bigram);
        if (bigrams.empty()) return query;
        return Xapian::Query(Xapian::Query::OP_FILTER, query,
                             Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end()));
    }
    // Nodes with windows, factors or values cannot be rebuilt from their
    // subqueries alone; they keep their phrases as they are.
    if (!combines_match_sets(query.get_type()) || query.get_num_subqueries() == 0) return query;
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) subqueries.push_back(with_phrase_bigrams(query.get_subquery(i)));
    return Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
}

}  // namespace stmt
