/** @file metrics.cc
 *  @brief Counting under one mutex (a request adds two numbers; scrapes are
 *  rare), and the text format written by hand: it is a few lines of
 *  `name{labels} value`, and Debian 12 packages no Prometheus C++ client.
 */
#include "metrics.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <sstream>

namespace searchd {
namespace {

/// Label values escape backslash, double quote and newline.
std::string label(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    std::ostringstream out;
    out.precision(10);
    out << value;
    return out.str();
}

void family(std::ostringstream& out, const char* name, const char* type, const char* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

/// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ"; nullopt otherwise.
std::optional<double> epoch_seconds(const std::string& utc) {
    std::tm parts{};
    char zone = 0;
    if (std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                    &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone) != 7 ||
        zone != 'Z')
        return std::nullopt;
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    return static_cast<double>(timegm(&parts));
}

}  // namespace

Metrics::Metrics(std::vector<RouteName> routes, CacheCountersProvider cache)
    : routes_(std::move(routes)), cache_(std::move(cache)) {}

void Metrics::set_routes(std::vector<RouteName> routes) {
    const std::lock_guard lock(mutex_);
    routes_ = std::move(routes);
}

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
    const std::lock_guard lock(mutex_);
    ++requests_[{method, route, status}];
    Histogram& histogram = latency_[route];
    for (std::size_t i = 0; i < LATENCY_BUCKETS_SECONDS.size(); ++i)
        if (seconds <= LATENCY_BUCKETS_SECONDS[i]) ++histogram.buckets[i];
    ++histogram.count;
    histogram.sum += seconds;
}

std::string Metrics::render(const nlohmann::json& health) {
    std::ostringstream out;
    const std::lock_guard lock(mutex_);

    family(out, "searchd_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
    for (const auto& [key, count] : requests_) {
        const auto& [method, route, status] = key;
        out << "searchd_http_requests_total{method=\"" << label(method) << "\",route=\"" << label(route)
            << "\",status=\"" << status << "\"} " << count << '\n';
    }

    family(out, "searchd_http_request_duration_seconds", "histogram",
           "Time from routing a request to writing its response, by route.");
    for (const auto& [route, histogram] : latency_) {
        const std::string name = "searchd_http_request_duration_seconds";
        const std::string route_label = "route=\"" + label(route) + "\"";
        for (std::size_t i = 0; i < LATENCY_BUCKETS_SECONDS.size(); ++i)
            out << name << "_bucket{" << route_label << ",le=\"" << number(LATENCY_BUCKETS_SECONDS[i]) << "\"} "
                << histogram.buckets[i] << '\n';
        out << name << "_bucket{" << route_label << ",le=\"+Inf\"} " << histogram.count << '\n';
        out << name << "_sum{" << route_label << "} " << number(histogram.sum) << '\n';
        out << name << "_count{" << route_label << "} " << histogram.count << '\n';
    }

    family(out, "searchd_route_info", "gauge", "Routes of the API, by method and path template (always 1).");
    for (const auto& route : routes_)
        out << "searchd_route_info{method=\"" << label(route.method) << "\",route=\"" << label(route.path)
            << "\"} 1\n";

    family(out, "searchd_results_cache_connected", "gauge",
           "1 when a results cache reports to these metrics; 0: none does, and no cache metrics follow.");
    out << "searchd_results_cache_connected " << (cache_ ? 1 : 0) << '\n';
    if (cache_) {
        const CacheCounters counters = cache_();
        family(out, "searchd_results_cache_hits_total", "counter", "Searches answered from the results cache.");
        out << "searchd_results_cache_hits_total " << counters.hits << '\n';
        family(out, "searchd_results_cache_misses_total", "counter", "Searches the results cache did not hold.");
        out << "searchd_results_cache_misses_total " << counters.misses << '\n';
        family(out, "searchd_results_cache_entries", "gauge", "Responses held in the results cache.");
        out << "searchd_results_cache_entries " << counters.entries << '\n';
    }

    family(out, "searchd_database_revision", "gauge", "Xapian revision of the database being served.");
    out << "searchd_database_revision " << health.value("revision", 0) << '\n';
    family(out, "searchd_database_statements", "gauge", "Statements in the database being served.");
    out << "searchd_database_statements " << health.value("statements", 0) << '\n';
    family(out, "searchd_database_paragraphs", "gauge", "Paragraphs (Xapian documents) in the database being served.");
    out << "searchd_database_paragraphs " << health.value("paragraphs", 0) << '\n';
    if (const auto built = epoch_seconds(health.value("built_at", std::string()))) {
        family(out, "searchd_index_switch_timestamp_seconds", "gauge",
               "When the generation being served was built and switched to (Unix time).");
        out << "searchd_index_switch_timestamp_seconds " << number(*built) << '\n';
        family(out, "searchd_index_switch_age_seconds", "gauge", "Seconds since the generation being served was switched to.");
        out << "searchd_index_switch_age_seconds " << number(static_cast<double>(std::time(nullptr)) - *built) << '\n';
    }
    return out.str();
}

}  // namespace searchd
