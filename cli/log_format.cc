/** @file log_format.cc
 *  @brief Text and JSON renderings of a log line.
 */
#include "log_format.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace stmtcli {
namespace {

/// UTC with milliseconds, e.g. 2026-11-29T15:50:58.123Z.
std::string now_utc() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(millis));
    return out;
}

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string text_value(const nlohmann::json& value) {
    if (!value.is_string()) return dump(value);
    const auto& text = value.get_ref<const std::string&>();
    const bool plain = !text.empty() && text.find_first_of(" \t\"=\n\r") == std::string::npos;
    return plain ? text : dump(value);  // quoted and escaped
}

}  // namespace

std::optional<LogFormat> parse_log_format(std::string_view name) {
    if (name == "text") return LogFormat::text;
    if (name == "json") return LogFormat::json;
    return std::nullopt;
}

std::optional<LogLevel> parse_log_level(std::string_view name) {
    if (name == "debug") return LogLevel::debug;
    if (name == "info") return LogLevel::info;
    if (name == "warn") return LogLevel::warn;
    if (name == "error") return LogLevel::error;
    return std::nullopt;
}

std::string_view to_string(LogLevel level) {
    switch (level) {
        case LogLevel::debug: return "debug";
        case LogLevel::info: return "info";
        case LogLevel::warn: return "warn";
        case LogLevel::error: return "error";
    }
    return "info";
}

std::string format_log_line(LogFormat format, LogLevel level, std::string_view message, const LogFields& fields) {
    if (format == LogFormat::json) {
        nlohmann::ordered_json line;
        line["time"] = now_utc();
        line["level"] = to_string(level);
        line["message"] = message;
        for (const auto& [name, value] : fields) line[name] = value;
        return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
    std::string line = now_utc() + " " + std::string(to_string(level)) + " " + std::string(message);
    for (const auto& [name, value] : fields)
        if (!value.is_null()) line += " " + name + "=" + text_value(value);
    return line;
}

}  // namespace stmtcli
