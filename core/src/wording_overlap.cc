/** @file wording_overlap.cc
 *  @brief Shared n-grams marked on both sides, then merged into runs.
 */
#include "stmtlib/wording_overlap.h"

#include <set>
#include <unordered_set>

namespace stmt {
namespace {

std::string ngram(const std::vector<Token>& tokens, std::size_t at) {
    std::string key;
    for (std::size_t k = 0; k < MIN_SHARED_WORDS; ++k) {
        if (k) key += ' ';
        key += tokens[at + k].word;
    }
    return key;
}

std::unordered_set<std::string> ngrams(const std::vector<Token>& tokens) {
    std::unordered_set<std::string> out;
    for (std::size_t i = 0; i + MIN_SHARED_WORDS <= tokens.size(); ++i) out.insert(ngram(tokens, i));
    return out;
}

/// Which tokens of `tokens` lie in an n-gram that `other` has too.
std::vector<bool> shared_tokens(const std::vector<Token>& tokens, const std::unordered_set<std::string>& other) {
    std::vector<bool> marked(tokens.size(), false);
    for (std::size_t i = 0; i + MIN_SHARED_WORDS <= tokens.size(); ++i)
        if (other.count(ngram(tokens, i)))
            for (std::size_t k = 0; k < MIN_SHARED_WORDS; ++k) marked[i + k] = true;
    return marked;
}

double share(const std::vector<bool>& marked) {
    if (marked.empty()) return 0;
    std::size_t n = 0;
    for (bool m : marked) n += m;
    return static_cast<double>(n) / static_cast<double>(marked.size());
}

}  // namespace

double WordingOverlap::similarity() const {
    constexpr double PHRASE_WEIGHT = 0.85;
    const double sum = text_coverage + passage_coverage;
    const double f1 = sum > 0 ? 2 * text_coverage * passage_coverage / sum : 0;
    return PHRASE_WEIGHT * f1 + (1 - PHRASE_WEIGHT) * word_overlap;
}

WordingOverlap compare_wording(const std::vector<Token>& text, std::string_view passage,
                               const std::vector<Token>& passage_tokens) {
    WordingOverlap out;
    const auto passage_marked = shared_tokens(passage_tokens, ngrams(text));
    const auto text_marked = shared_tokens(text, ngrams(passage_tokens));
    out.text_coverage = share(text_marked);
    out.passage_coverage = share(passage_marked);

    std::set<std::string> a, b;
    for (const auto& t : text) a.insert(t.word);
    for (const auto& t : passage_tokens) b.insert(t.word);
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    const std::size_t all = a.size() + b.size() - common;
    out.word_overlap = all ? static_cast<double>(common) / static_cast<double>(all) : 0;

    for (std::size_t i = 0; i < passage_marked.size();) {
        if (!passage_marked[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < passage_marked.size() && passage_marked[j + 1]) ++j;
        out.passage_spans.push_back({i, j});
        out.phrases.emplace_back(passage.substr(passage_tokens[i].begin, passage_tokens[j].end - passage_tokens[i].begin));
        i = j + 1;
    }
    return out;
}

}  // namespace stmt
