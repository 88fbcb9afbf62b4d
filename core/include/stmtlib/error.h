/** @file error.h
 *  @brief Errors as values: a code, a message and the parameter at fault.
 *
 *  The core never knows HTTP; searchd maps each ErrorCode to a status in
 *  one table (searchd/error_status.cc).
 */
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace stmt {

enum class ErrorCode {
    invalid_parameter,     ///< a parameter has a value of the wrong form
    unknown_parameter,     ///< a parameter the endpoint does not take
    unknown_filter_value,  ///< a filter names no known session, chapter, ...
    malformed_query,       ///< the query string does not parse
    page_out_of_range,     ///< page * per_page beyond the result window
    statement_not_found,   ///< no statement with that id
    paragraph_not_found,   ///< the statement has no such paragraph
    not_found,             ///< no such route or file
    method_not_allowed,    ///< the route exists for another method
    origin_not_allowed,    ///< a browser origin not on the CORS allow-list
    bad_request,           ///< an HTTP request that is not well-formed
    payload_too_large,     ///< a request body over its limit
    rate_limited,          ///< a client over its request rate (searchd/rate_limiter.h)
    unreadable_document,   ///< a corpus file that cannot be turned into text
    database_unavailable,  ///< the index cannot be opened or read
    internal_error,        ///< anything unexpected
};

/// Every code, for tables that must cover them all (the error table of
/// docs/api.md is checked against it). internal_error stays last.
inline constexpr std::array ALL_ERROR_CODES = {
    ErrorCode::invalid_parameter,    ErrorCode::unknown_parameter,   ErrorCode::unknown_filter_value,
    ErrorCode::malformed_query,      ErrorCode::page_out_of_range,   ErrorCode::statement_not_found,
    ErrorCode::paragraph_not_found,  ErrorCode::not_found,           ErrorCode::method_not_allowed,
    ErrorCode::origin_not_allowed,   ErrorCode::bad_request,         ErrorCode::payload_too_large,
    ErrorCode::rate_limited,         ErrorCode::unreadable_document, ErrorCode::database_unavailable,
    ErrorCode::internal_error,
};
static_assert(ALL_ERROR_CODES.size() == static_cast<std::size_t>(ErrorCode::internal_error) + 1,
              "a new ErrorCode goes before internal_error and into ALL_ERROR_CODES");

/// The stable name of a code, as clients see it in JSON.
std::string_view to_string(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::internal_error;
    std::string message;
    std::string parameter;  ///< empty when no single parameter is at fault
};

/// A value or an Error (std::expected arrives only in C++23).
template <typename T>
class Expected {
public:
    Expected(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
    Expected(Error error) : state_(std::move(error)) {}    // NOLINT: implicit by design

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

}  // namespace stmt
