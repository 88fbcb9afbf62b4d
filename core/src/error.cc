/** @file error.cc
 *  @brief Stable names of error codes.
 */
#include "stmtlib/error.h"

namespace stmt {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_parameter: return "invalid_parameter";
        case ErrorCode::unknown_parameter: return "unknown_parameter";
        case ErrorCode::unknown_filter_value: return "unknown_filter_value";
        case ErrorCode::malformed_query: return "malformed_query";
        case ErrorCode::page_out_of_range: return "page_out_of_range";
        case ErrorCode::statement_not_found: return "statement_not_found";
        case ErrorCode::paragraph_not_found: return "paragraph_not_found";
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::method_not_allowed: return "method_not_allowed";
        case ErrorCode::origin_not_allowed: return "origin_not_allowed";
        case ErrorCode::bad_request: return "bad_request";
        case ErrorCode::payload_too_large: return "payload_too_large";
        case ErrorCode::unreadable_document: return "unreadable_document";
        case ErrorCode::rate_limited: return "rate_limited";
        case ErrorCode::database_unavailable: return "database_unavailable";
        case ErrorCode::internal_error: return "internal_error";
    }
    return "internal_error";
}

}  // namespace stmt
