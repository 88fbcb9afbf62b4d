/** @file request_log.h
 *  @brief Request ids, the per-request log line and the measurements that
 *  feed it and /metrics.
 */
#pragma once

#include "log_format.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace searchd {

inline constexpr const char* REQUEST_ID_HEADER = "X-Request-Id";
/// A client's X-Request-Id longer than this, or with other characters than
/// letters, digits and `-._:`, is replaced by a fresh one.
inline constexpr std::size_t MAX_REQUEST_ID_LENGTH = 128;

/// The request's own X-Request-Id when it is sane, else 32 random hex digits.
std::string request_id_for(const httplib::Request& req);

/// What the log line and the metrics know about the request being answered
/// on this thread (cpp-httplib answers each request on one thread, from
/// routing to logging).
struct RequestMeasure {
    double seconds = 0;                  ///< 0 when routing never started (a malformed request)
    std::optional<std::size_t> results;  ///< result count, where the response has one
};

void start_request_measure();
/// Takes the count from a JSON body: its "total", else its "results" length.
void note_results(const nlohmann::json& body);
/// Returns the measure and resets it for the thread's next request.
RequestMeasure finish_request_measure();

/// The request line: 5xx at level error, the rest at info.
stmtcli::LogLevel request_log_level(int status);
std::string request_log_line(stmtcli::LogFormat format, const httplib::Request& req, const httplib::Response& res,
                             const RequestMeasure& measure);

}  // namespace searchd
