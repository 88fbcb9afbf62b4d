/** @file atom_feed.h
 *  @brief The newest statements matching a search, as an Atom 1.0 feed
 *  (RFC 4287), so that a feed reader can follow a subject.
 */
#pragma once

#include "stmtlib/error.h"
#include "stmtlib/search_request.h"
#include "stmtlib/searcher.h"

#include <string>

namespace stmt {

inline constexpr const char* ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/// Entries in a feed unless `per_page` asks for another number (1..100).
inline constexpr int FEED_DEFAULT_ENTRIES = 20;
/// Entry ids are this followed by the statement id: stable across
/// re-indexing and hosts, as the statement id is.
inline constexpr const char* FEED_ENTRY_ID_PREFIX = "urn:statement-library:statement:";
inline constexpr const char* FEED_ID_PREFIX = "urn:statement-library:feed:";

/// GET /api/feed.atom: takes `q`, the filters and `per_page` of
/// /api/search (not `sort`, `view` or `page`: a feed is the newest
/// statements); `base_url` ("https://host") starts its links.
Expected<std::string> atom_feed(Searcher& searcher, const QueryParameters& parameters, const std::string& base_url);

}  // namespace stmt
