/** @file completions.cc
 *  @brief Autocomplete over the index's words: parameters, the in-memory
 *  word list, and completing a query's last word.
 */
#include "stmtlib/completions.h"

#include "stmtlib/query_builder.h"
#include "stmtlib/schema.h"
#include "stmtlib/text.h"

#include <algorithm>
#include <charconv>

namespace stmt {
namespace {

Error invalid(std::string_view parameter, std::string message) {
    return Error{ErrorCode::invalid_parameter, std::move(message), std::string(parameter)};
}

/// Where the last word of `query` starts: after the last character that
/// cannot be part of a word, as Xapian's term generator splits words.
std::size_t last_word_start(const std::string& query) {
    std::size_t start = 0;
    for (Xapian::Utf8Iterator it(query); it != Xapian::Utf8Iterator();) {
        const unsigned character = *it;
        ++it;
        if (!Xapian::Unicode::is_wordchar(character)) start = query.size() - it.left();
    }
    return start;
}

std::size_t characters(std::string_view s) {
    std::size_t n = 0;
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) ++n;
    return n;
}

}  // namespace

Expected<SuggestRequest> parse_suggest_parameters(const QueryParameters& parameters) {
    SuggestRequest r;
    bool has_query = false;
    for (const auto& [name, value] : parameters) {
        if (text::find_invalid_utf8(value)) return invalid(name, "'" + name + "' is not valid UTF-8");
        if (name == api::PARAM_QUERY) {
            if (value.size() > api::MAX_SUGGEST_QUERY_BYTES)
                return invalid(name, "'q' is longer than " + std::to_string(api::MAX_SUGGEST_QUERY_BYTES) + " bytes");
            r.query = value;
            has_query = true;
        } else if (name == api::PARAM_LIMIT) {
            int limit = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
            if (value.empty() || ec != std::errc() || end != value.data() + value.size() || limit < 1 ||
                limit > api::MAX_SUGGEST_LIMIT)
                return invalid(name, "'limit' must be a whole number from 1 to " + std::to_string(api::MAX_SUGGEST_LIMIT));
            r.limit = limit;
        } else {
            return Error{ErrorCode::unknown_parameter, "unknown parameter '" + name + "'", name};
        }
    }
    if (!has_query) return invalid(api::PARAM_QUERY, "'q' is required: the text typed so far");
    return r;
}

void to_json(nlohmann::json& j, const Completion& c) {
    j = {{"text", c.text}, {"word", c.word}, {"paragraphs", c.paragraphs}};
}

void to_json(nlohmann::json& j, const SuggestResponse& r) {
    j = {{"query", r.query}, {"suggestions", r.suggestions}, {"took_ms", r.took_ms}};
}

Completions::Completions(const Xapian::Database& db) {
    // Prefixed terms (filters, ids, stems, title words) start with an ASCII
    // capital: skip past them in one step rather than reading each.
    auto term = db.allterms_begin();
    while (term != db.allterms_end()) {
        const std::string word = *term;
        if (schema::is_prefixed_term(word)) {
            term.skip_to("[");  // the byte after 'Z'
            continue;
        }
        if (!is_stopword(word)) words_.emplace_back(word, term.get_termfreq());
        ++term;
    }
}

std::vector<std::pair<std::string, std::size_t>> Completions::complete(std::string_view prefix,
                                                                       std::size_t limit) const {
    std::vector<std::pair<std::string, std::size_t>> best;
    if (limit == 0) return best;
    const auto more_frequent = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                               [](const auto& entry, std::string_view p) { return entry.first < p; });
    // Keep the `limit` most frequent in a heap whose top is the weakest kept.
    for (; it != words_.end() && std::string_view(it->first).substr(0, prefix.size()) == prefix; ++it) {
        if (best.size() < limit) {
            best.push_back(*it);
            std::push_heap(best.begin(), best.end(), more_frequent);
        } else if (more_frequent(*it, best.front())) {
            std::pop_heap(best.begin(), best.end(), more_frequent);
            best.back() = *it;
            std::push_heap(best.begin(), best.end(), more_frequent);
        }
    }
    std::sort_heap(best.begin(), best.end(), more_frequent);
    return best;
}

SuggestResponse suggest(const Completions& words, const SuggestRequest& request) {
    SuggestResponse response;
    response.query = request.query;
    const std::size_t start = last_word_start(request.query);
    const std::string prefix = Xapian::Unicode::tolower(request.query.substr(start));
    if (characters(prefix) < api::MIN_SUGGEST_PREFIX_CHARACTERS) return response;
    for (auto& [word, paragraphs] : words.complete(prefix, static_cast<std::size_t>(request.limit)))
        response.suggestions.push_back({request.query.substr(0, start) + word, word, paragraphs});
    return response;
}

}  // namespace stmt
