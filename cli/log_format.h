/** @file log_format.h
 *  @brief One log line format for searchd's requests and indexer's skipped
 *  files: human-readable text, or JSON lines for a log collector.
 */
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stmtcli {

enum class LogFormat { text, json };
/// In increasing severity; `--log-level L` keeps lines of L and above.
enum class LogLevel { debug, info, warn, error };

inline constexpr const char* LOG_FORMAT_NAMES = "text, json";
inline constexpr const char* LOG_LEVEL_NAMES = "debug, info, warn, error";

std::optional<LogFormat> parse_log_format(std::string_view name);
std::optional<LogLevel> parse_log_level(std::string_view name);
std::string_view to_string(LogLevel level);

using LogFields = std::vector<std::pair<std::string, nlohmann::json>>;

/// One line without its newline. Text: `TIME LEVEL message name=value ...`
/// (values with spaces quoted); JSON: `{"time", "level", "message", fields...}`.
std::string format_log_line(LogFormat format, LogLevel level, std::string_view message, const LogFields& fields);

}  // namespace stmtcli
