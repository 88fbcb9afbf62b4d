/** @file api_parameters.h
 *  @brief Names of the API's parameters and their limits and defaults:
 *  defined once, used by the core's parameter parsing and by searchd.
 */
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace stmt::api {

inline constexpr std::string_view PARAM_QUERY = "q";
inline constexpr std::string_view PARAM_SESSION = "session";
inline constexpr std::string_view PARAM_CHAPTER = "chapter";
inline constexpr std::string_view PARAM_THEME = "theme";
inline constexpr std::string_view PARAM_ORGANIZATION = "organization";
inline constexpr std::string_view PARAM_LANGUAGE = "language";
inline constexpr std::string_view PARAM_STATUS = "status";
inline constexpr std::string_view PARAM_DATE_FROM = "date_from";
inline constexpr std::string_view PARAM_DATE_TO = "date_to";
inline constexpr std::string_view PARAM_VIEW = "view";
inline constexpr std::string_view PARAM_SORT = "sort";
inline constexpr std::string_view PARAM_PAGE = "page";
inline constexpr std::string_view PARAM_PER_PAGE = "per_page";

/// The filter fields, in the order facets are listed.
inline constexpr std::array<std::string_view, 6> FILTER_FIELDS = {
    PARAM_SESSION, PARAM_CHAPTER, PARAM_THEME, PARAM_ORGANIZATION, PARAM_LANGUAGE, PARAM_STATUS};

inline constexpr std::string_view VIEW_STATEMENTS = "statements";
inline constexpr std::string_view VIEW_PASSAGES = "passages";
inline constexpr std::string_view SORT_RELEVANCE = "relevance";
inline constexpr std::string_view SORT_DATE = "date";
inline constexpr std::string_view SORT_DATE_DESCENDING = "-date";

inline constexpr int DEFAULT_PER_PAGE = 10;
inline constexpr int MAX_PER_PAGE = 100;
/// Deepest result reachable by paging: page * per_page may not exceed it.
inline constexpr int MAX_RESULT_WINDOW = 10000;
/// Longest query string accepted, in bytes.
inline constexpr std::size_t MAX_QUERY_BYTES = 1000;
/// Most values one request may give for all filter parameters together.
inline constexpr std::size_t MAX_FILTER_VALUES = 50;
/// Most terms a query may parse into (words, phrase words, CJK n-grams),
/// counted before synonyms are added: each term is a posting list to merge.
inline constexpr unsigned MAX_QUERY_TERMS = 64;
/// Most words one wildcard (`crim*`) may stand for; a broader one is
/// refused rather than silently cut, so results never depend on which
/// words happened to be kept.
inline constexpr unsigned MAX_WILDCARD_EXPANSION = 100;
/// Seconds after which Xapian's matcher stops checking matches, per pass:
/// counts (total, facets) become estimates and the page the best found so
/// far, instead of the answer being slow. (Counts read as posting-list sets,
/// match_set.h, are bounded by MAX_QUERY_TERMS posting lists instead.)
inline constexpr double MATCH_TIME_LIMIT_SECONDS = 2.0;
/// Largest request body a POST endpoint reads (/api/similar); larger ones
/// are refused with 413 before they are parsed.
inline constexpr std::size_t MAX_BODY_BYTES = std::size_t{64} * 1024;
/// Characters of a paragraph shown in a snippet.
inline constexpr std::size_t SNIPPET_LENGTH = 240;
/// A query that finds fewer results than this gets a spelling suggestion.
inline constexpr long SUGGESTION_BELOW = 3;

}  // namespace stmt::api
