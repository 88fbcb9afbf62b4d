/** @file completions.h
 *  @brief Autocomplete: the index's words in sorted order with the number
 *  of paragraphs each occurs in, held in memory per database generation so
 *  that completing a prefix is a binary search and a short scan.
 */
#pragma once

#include "stmtlib/error.h"
#include "stmtlib/search_request.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stmt {

namespace api {
inline constexpr std::string_view PARAM_LIMIT = "limit";
/// Completions /api/suggest gives when `limit` is not set, and at most.
inline constexpr int DEFAULT_SUGGEST_LIMIT = 8;
inline constexpr int MAX_SUGGEST_LIMIT = 20;
/// A last word shorter than this (in characters) gets no completions:
/// one letter matches too much of the library to help.
inline constexpr std::size_t MIN_SUGGEST_PREFIX_CHARACTERS = 2;
/// Longest `q` /api/suggest accepts, in bytes: typing, not documents.
inline constexpr std::size_t MAX_SUGGEST_QUERY_BYTES = 200;
}  // namespace api

struct SuggestRequest {
    std::string query;  ///< as typed; its last word is completed
    int limit = api::DEFAULT_SUGGEST_LIMIT;
};

/// GET /api/suggest?q=PREFIX&limit=N
Expected<SuggestRequest> parse_suggest_parameters(const QueryParameters& parameters);

struct Completion {
    std::string text;        ///< the query with its last word completed
    std::string word;        ///< the completed word
    std::size_t paragraphs;  ///< paragraphs the word occurs in
};
void to_json(nlohmann::json& j, const Completion& c);

struct SuggestResponse {
    std::string query;
    std::vector<Completion> suggestions;
    double took_ms = 0;
};
void to_json(nlohmann::json& j, const SuggestResponse& r);

class Completions {
public:
    Completions() = default;
    /// Reads every unprefixed (free-text, unstemmed) term of `db`,
    /// leaving out stopwords.
    explicit Completions(const Xapian::Database& db);

    /// The words starting with `prefix` (lowercase), most frequent first,
    /// at most `limit`.
    std::vector<std::pair<std::string, std::size_t>> complete(std::string_view prefix, std::size_t limit) const;

    std::size_t size() const { return words_.size(); }

private:
    std::vector<std::pair<std::string, std::size_t>> words_;  ///< sorted by word
};

/// The completions of a request's last word against `words`.
SuggestResponse suggest(const Completions& words, const SuggestRequest& request);

}  // namespace stmt
