/** @file wording_overlap.cc
 *  @brief Shared n-grams marked on both sides, then merged into runs.
 */
#include "stmtlib/wording_overlap.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace stmt {
namespace {

std::string ngram(const std::vector<Token>& tokens, std::size_t at, std::size_t n) {
    std::string key;
    for (std::size_t k = 0; k < n; ++k) {
        if (k) key += ' ';
        key += tokens[at + k].word;
    }
    return key;
}

std::unordered_set<std::string> ngrams(const std::vector<Token>& tokens, std::size_t n) {
    std::unordered_set<std::string> out;
    for (std::size_t i = 0; i + n <= tokens.size(); ++i) out.insert(ngram(tokens, i, n));
    return out;
}

/// Which tokens of `tokens` lie in an n-gram that `other` has too.
std::vector<bool> shared_tokens(const std::vector<Token>& tokens, const std::unordered_set<std::string>& other,
                                std::size_t n) {
    std::vector<bool> marked(tokens.size(), false);
    for (std::size_t i = 0; i + n <= tokens.size(); ++i)
        if (other.count(ngram(tokens, i, n)))
            for (std::size_t k = 0; k < n; ++k) marked[i + k] = true;
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
    // A text shorter than a shared run is looked for whole ("gender mainstreaming").
    const std::size_t run = std::clamp<std::size_t>(text.size(), 1, MIN_SHARED_WORDS);
    const auto passage_marked = shared_tokens(passage_tokens, ngrams(text, run), run);
    const auto text_marked = shared_tokens(text, ngrams(passage_tokens, run), run);
    out.text_coverage = share(text_marked);
    out.passage_coverage = share(passage_marked);

    std::set<std::string> a, b;
    for (const auto& t : text) a.insert(t.word);
    for (const auto& t : passage_tokens) b.insert(t.word);
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    const std::size_t all = a.size() + b.size() - common;
    out.word_overlap = all ? static_cast<double>(common) / static_cast<double>(all) : 0;

    // Maximal common word sequences, by the longest-common-suffix table:
    // run[p][t] = length of the common run ending at passage word p and text
    // word t. A run is maximal where it cannot be extended by one more word.
    const std::size_t n = passage_tokens.size(), m = text.size();
    std::vector<std::size_t> previous(m + 1, 0), current(m + 1, 0);
    std::vector<TokenSpan> spans;
    for (std::size_t p = 1; p <= n; ++p) {
        for (std::size_t t = 1; t <= m; ++t)
            current[t] = passage_tokens[p - 1].word == text[t - 1].word ? previous[t - 1] + 1 : 0;
        for (std::size_t t = 1; t <= m; ++t) {
            const bool extends = p < n && t < m && passage_tokens[p].word == text[t].word;
            if (current[t] >= run && !extends) spans.push_back({p - current[t], p - 1});
        }
        std::swap(previous, current);
    }
    // Keep each run once, in passage order, and not inside a longer one.
    std::sort(spans.begin(), spans.end(), [](const TokenSpan& x, const TokenSpan& y) {
        return x.first != y.first ? x.first < y.first : x.last > y.last;
    });
    for (const auto& span : spans) {
        if (!out.passage_spans.empty() && span.last <= out.passage_spans.back().last) continue;
        out.passage_spans.push_back(span);
        out.phrases.emplace_back(passage.substr(passage_tokens[span.first].begin,
                                                passage_tokens[span.last].end - passage_tokens[span.first].begin));
    }
    return out;
}

}  // namespace stmt
