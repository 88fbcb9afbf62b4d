/** @file request_log.cc
 *  @brief Thread-local request measures and the request log line.
 */
#include "request_log.h"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>

namespace searchd {
namespace {

using Clock = std::chrono::steady_clock;

struct ThreadMeasure {
    std::optional<Clock::time_point> started;
    std::optional<std::size_t> results;
};

thread_local ThreadMeasure current;

bool is_sane_id(const std::string& id) {
    if (id.empty() || id.size() > MAX_REQUEST_ID_LENGTH) return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '.' || c == '_' || c == ':';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string request_id_for(const httplib::Request& req) {
    std::string given = req.get_header_value(REQUEST_ID_HEADER);
    if (is_sane_id(given)) return given;
    thread_local std::mt19937_64 random{std::random_device{}()};
    static constexpr char HEX[] = "0123456789abcdef";
    std::string id;
    for (int half = 0; half < 2; ++half) {
        std::uint64_t bits = random();
        for (int i = 0; i < 16; ++i, bits >>= 4) id += HEX[bits & 0xF];
    }
    return id;
}

void start_request_measure() { current = {Clock::now(), std::nullopt}; }

void note_results(const nlohmann::json& body) {
    if (!body.is_object()) return;
    if (const auto total = body.find("total"); total != body.end() && total->is_number_unsigned())
        current.results = total->get<std::size_t>();
    else if (const auto results = body.find("results"); results != body.end() && results->is_array())
        current.results = results->size();
}

RequestMeasure finish_request_measure() {
    RequestMeasure measure;
    if (current.started) measure.seconds = std::chrono::duration<double>(Clock::now() - *current.started).count();
    measure.results = current.results;
    current = {};
    return measure;
}

stmtcli::LogLevel request_log_level(int status) {
    return status >= 500 ? stmtcli::LogLevel::error : stmtcli::LogLevel::info;
}

std::string request_log_line(stmtcli::LogFormat format, const httplib::Request& req, const httplib::Response& res,
                             const RequestMeasure& measure) {
    const double ms = static_cast<double>(std::llround(measure.seconds * 1e5)) / 100;  // 2 decimals
    const std::string id = res.get_header_value(REQUEST_ID_HEADER);
    stmtcli::LogFields fields;
    if (format == stmtcli::LogFormat::json) {
        fields = {{"method", req.method}, {"path", req.path}, {"status", res.status}};
        if (const auto q = req.target.find('?'); q != std::string::npos) fields.emplace_back("query", req.target.substr(q + 1));
    }
    fields.emplace_back("duration_ms", ms);
    if (measure.results) fields.emplace_back("results", *measure.results);
    fields.emplace_back("request_id", id);
    const std::string message = req.method + " " + req.target + " " + std::to_string(res.status);
    return stmtcli::format_log_line(format, request_log_level(res.status), message, fields);
}

}  // namespace searchd
