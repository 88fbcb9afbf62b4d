/** @file synonym_expansion.cc
 *  @brief Query-string rewriting, because Xapian's own synonyms map a term
 *  to terms, not to phrases such as "mutual legal assistance".
 */
#include "stmtlib/synonym_expansion.h"

#include <algorithm>
#include <cctype>

namespace stmt {
namespace {

constexpr std::size_t CASE_SENSITIVE_MAX_LENGTH = 2;

struct Candidate {
    std::string term;
    const std::vector<std::string>* group;
};

bool is_word_byte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

bool matches_at(const std::string& text, std::size_t pos, const std::string& term) {
    if (pos + term.size() > text.size()) return false;
    const bool exact_case = term.size() <= CASE_SENSITIVE_MAX_LENGTH;
    for (std::size_t i = 0; i < term.size(); ++i) {
        const char a = text[pos + i], b = term[i];
        if (exact_case ? a != b : std::tolower(static_cast<unsigned char>(a)) != std::tolower(static_cast<unsigned char>(b)))
            return false;
    }
    const std::size_t end = pos + term.size();
    return end == text.size() || !is_word_byte(text[end]) || !is_word_byte(term.back());
}

std::string alternatives(const std::vector<std::string>& group) {
    std::string out = "(";
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (i) out += " OR ";
        const bool one_word = std::all_of(group[i].begin(), group[i].end(), is_word_byte);
        out += one_word ? group[i] : "\"" + group[i] + "\"";
    }
    return out + ")";
}

std::string expand_segment(const std::string& segment, const std::vector<Candidate>& candidates) {
    std::string out;
    std::size_t pos = 0;
    while (pos < segment.size()) {
        const bool word_start = is_word_byte(segment[pos]) && (pos == 0 || !is_word_byte(segment[pos - 1])) &&
                                (pos == 0 || (segment[pos - 1] != ':' && segment[pos - 1] != '-'));
        const Candidate* found = nullptr;
        if (word_start)
            for (const auto& c : candidates)
                if (matches_at(segment, pos, c.term)) {
                    found = &c;
                    break;
                }
        if (found) {
            out += alternatives(*found->group);
            pos += found->term.size();
        } else {
            out += segment[pos++];
        }
    }
    return out;
}

}  // namespace

std::string expand_synonyms(const std::string& query, const std::vector<std::vector<std::string>>& groups) {
    std::vector<Candidate> candidates;
    for (const auto& group : groups)
        for (const auto& term : group)
            if (!term.empty()) candidates.push_back({term, &group});
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.term.size() > b.term.size(); });
    if (candidates.empty()) return query;

    std::string out;
    std::size_t start = 0;
    bool quoted = false;
    while (start <= query.size()) {
        const std::size_t quote = std::min(query.find('"', start), query.size());
        const std::string segment = query.substr(start, quote - start);
        out += quoted ? segment : expand_segment(segment, candidates);
        if (quote == query.size()) break;
        out += '"';
        quoted = !quoted;
        start = quote + 1;
    }
    return out;
}

}  // namespace stmt
