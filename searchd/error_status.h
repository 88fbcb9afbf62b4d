/** @file error_status.h
 *  @brief The one table from core error codes to HTTP statuses.
 */
#pragma once

#include "stmtlib/error.h"

#include <nlohmann/json.hpp>

namespace searchd {

int http_status(stmt::ErrorCode code);

/// {"error": {"code", "message", "parameter"}}
nlohmann::json error_body(const stmt::Error& error);

}  // namespace searchd
