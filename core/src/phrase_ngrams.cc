/** @file phrase_ngrams.cc
 *  @brief Writing bigram and trigram terms and using them in phrase queries.
 */
#include "stmtlib/phrase_ngrams.h"

#include "stmtlib/match_set.h"
#include "stmtlib/schema.h"

#include <algorithm>
#include <set>
#include <utility>

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

std::string_view prefix_for(std::size_t words) {
    return words == 2 ? schema::PREFIX_BIGRAM : schema::PREFIX_TRIGRAM;
}

/// The n-grams that every match of a phrase longer than three words has:
/// its trigrams, or the bigrams of a trigram too long to be indexed.
std::vector<Xapian::Query> filters_of_long_phrase(const std::vector<std::string>& terms) {
    std::set<std::string> ngrams;
    for (std::size_t i = 0; i + 3 <= terms.size(); ++i) {
        if (auto trigram = ngram_term({terms[i], terms[i + 1], terms[i + 2]})) {
            ngrams.insert(std::move(*trigram));
            continue;
        }
        for (std::size_t k = i; k < i + 2; ++k)
            if (auto bigram = ngram_term({terms[k], terms[k + 1]})) ngrams.insert(std::move(*bigram));
    }
    return {ngrams.begin(), ngrams.end()};
}

}  // namespace

std::optional<std::string> ngram_term(const std::vector<std::string>& words) {
    if (words.size() != 2 && words.size() != 3) return std::nullopt;
    std::string term(prefix_for(words.size()));
    for (const auto& word : words) {
        if (schema::is_prefixed_term(word)) return std::nullopt;
        if (term.size() > prefix_for(words.size()).size()) term += ' ';
        term += word;
    }
    if (term.size() > MAX_NGRAM_BYTES) return std::nullopt;
    return term;
}

bool is_ngram_term(std::string_view term) {
    return term.starts_with(schema::PREFIX_BIGRAM) || term.starts_with(schema::PREFIX_TRIGRAM);
}

std::optional<std::vector<std::string>> words_of_ngram(const std::string& term) {
    std::size_t expected = 0;
    if (term.starts_with(schema::PREFIX_BIGRAM)) expected = 2;
    else if (term.starts_with(schema::PREFIX_TRIGRAM)) expected = 3;
    else return std::nullopt;
    std::vector<std::string> words;
    std::size_t start = prefix_for(expected).size();
    for (std::size_t space; (space = term.find(' ', start)) != std::string::npos; start = space + 1)
        words.push_back(term.substr(start, space - start));
    words.push_back(term.substr(start));
    if (words.size() != expected) return std::nullopt;
    return words;
}

void add_ngram_terms(Xapian::Document& doc) {
    std::vector<std::string> words;
    std::vector<std::pair<Xapian::termpos, std::size_t>> at;  // position, index into words
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        if (schema::is_prefixed_term(*term)) continue;
        words.push_back(*term);
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
            at.emplace_back(*position, words.size() - 1);
    }
    std::sort(at.begin(), at.end());
    // The words at one position (usually one) and where the next position starts.
    const auto group_end = [&at](std::size_t begin) {
        std::size_t end = begin;
        while (end < at.size() && at[end].first == at[begin].first) ++end;
        return end;
    };
    const auto adjacent = [&at](std::size_t group, std::size_t next) {
        return next < at.size() && at[next].first == at[group].first + 1;
    };
    // Built in place rather than by ngram_term(): a paragraph has two
    // n-grams per word, and the words here are unprefixed terms already.
    std::string term;
    const auto add = [&doc, &term] {
        if (term.size() <= MAX_NGRAM_BYTES) doc.add_boolean_term(term);
    };
    for (std::size_t first = 0; first < at.size();) {
        const std::size_t second = group_end(first);
        if (adjacent(first, second)) {
            const std::size_t third = group_end(second);
            const bool three = adjacent(second, third);
            const std::size_t third_end = three ? group_end(third) : third;
            for (std::size_t a = first; a < second; ++a)
                for (std::size_t b = second; b < third; ++b) {
                    const std::string& x = words[at[a].second];
                    const std::string& y = words[at[b].second];
                    term.assign(schema::PREFIX_BIGRAM).append(x).append(1, ' ').append(y);
                    add();
                    for (std::size_t c = third; three && c < third_end; ++c) {
                        term.assign(schema::PREFIX_TRIGRAM).append(x).append(1, ' ').append(y).append(1, ' ');
                        term.append(words[at[c].second]);
                        add();
                    }
                }
        }
        first = second;
    }
}

std::optional<std::string> exact_ngram_of(const Xapian::Query& query) {
    const auto terms = adjacent_phrase_terms(query);
    if (!terms) return std::nullopt;
    return ngram_term(*terms);
}

Xapian::Query with_phrase_ngrams(const Xapian::Query& query) {
    if (const auto terms = adjacent_phrase_terms(query)) {
        if (const auto ngram = ngram_term(*terms)) {
            std::vector<Xapian::Query> words;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) words.push_back(query.get_subquery(i));
            return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                                 Xapian::Query(*ngram));
        }
        const auto filters = filters_of_long_phrase(*terms);
        if (filters.empty()) return query;
        return Xapian::Query(Xapian::Query::OP_FILTER, query,
                             Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    // Nodes with windows, factors or values cannot be rebuilt from their
    // subqueries alone; they keep their phrases as they are.
    if (!combines_match_sets(query.get_type()) || query.get_num_subqueries() == 0) return query;
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) subqueries.push_back(with_phrase_ngrams(query.get_subquery(i)));
    return Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
}

}  // namespace stmt
