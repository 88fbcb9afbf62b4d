/** @file http_api.h
 *  @brief searchd's routes: each handler parses, calls the core, and writes
 *  a status and a JSON body.
 */
#pragma once

#include "log_format.h"
#include "metrics.h"
#include "stmtlib/result_cache.h"
#include "stmtlib/searcher.h"

#include <httplib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace searchd {

struct HttpOptions {
    std::filesystem::path web_dir;          ///< served at /
    std::vector<std::string> cors_origins;  ///< origins allowed to call the API
    bool log_requests = true;
    std::string public_url;  ///< "https://host" for permalinks; empty: from the request
    stmtcli::LogFormat log_format = stmtcli::LogFormat::text;
    stmtcli::LogLevel log_level = stmtcli::LogLevel::info;
    /// Connects the results cache's counters to /metrics; empty: no cache.
    CacheCountersProvider cache_counters;
    /// Runs before routing; returns false when it has answered the request
    /// itself (the rate limiter's 429). Empty: every request is admitted.
    std::function<bool(const httplib::Request&, httplib::Response&)> admit;
    /// Answers of read-only GET endpoints; null or capacity 0: none cached.
    std::shared_ptr<stmt::ResultCache> cache;
};

/// Registers every route, the error and exception handlers and the logger.
void register_routes(httplib::Server& server, stmt::Searcher& searcher, const HttpOptions& options);

}  // namespace searchd
