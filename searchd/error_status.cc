/** @file error_status.cc
 *  @brief Error codes to statuses, and the single error body shape.
 */
#include "error_status.h"

namespace searchd {

int http_status(stmt::ErrorCode code) {
    using stmt::ErrorCode;
    switch (code) {
        case ErrorCode::invalid_parameter:
        case ErrorCode::unknown_parameter:
        case ErrorCode::unknown_filter_value:
        case ErrorCode::malformed_query:
        case ErrorCode::page_out_of_range:
        case ErrorCode::bad_request: return 400;
        case ErrorCode::origin_not_allowed: return 403;
        case ErrorCode::statement_not_found:
        case ErrorCode::paragraph_not_found:
        case ErrorCode::not_found: return 404;
        case ErrorCode::method_not_allowed: return 405;
        case ErrorCode::payload_too_large: return 413;
        case ErrorCode::unreadable_document: return 422;
        case ErrorCode::rate_limited: return 429;
        case ErrorCode::database_unavailable: return 503;
        case ErrorCode::internal_error: return 500;
    }
    return 500;
}

nlohmann::json error_body(const stmt::Error& error) {
    return {{"error",
             {{"code", stmt::to_string(error.code)},
              {"message", error.message},
              {"parameter", error.parameter.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.parameter)}}}};
}

}  // namespace searchd
