/** @file metrics.h
 *  @brief searchd's counters and latency histograms, rendered in the
 *  Prometheus text exposition format (version 0.0.4) at /metrics.
 */
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace searchd {

/// What the results cache reports about itself.
struct CacheCounters {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t entries = 0;
};

/// Connects a results cache to /metrics; empty while searchd has none, and
/// /metrics then says so (searchd_results_cache_connected 0) instead of
/// reporting zeros that look like a cold cache.
using CacheCountersProvider = std::function<CacheCounters()>;

/// Upper bounds of the latency histogram's buckets, in seconds.
inline constexpr std::array<double, 12> LATENCY_BUCKETS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                                  0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

inline constexpr const char* METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

class Metrics {
public:
    struct RouteName {
        std::string method;
        std::string path;
    };

    explicit Metrics(std::vector<RouteName> routes = {}, CacheCountersProvider cache = {});

    /// One finished request; `route` is its route's template, not its path.
    void observe(const std::string& method, const std::string& route, int status, double seconds);

    /// Everything, given the live database's health() (statements,
    /// paragraphs, revision, generation, built_at).
    std::string render(const nlohmann::json& health);

    void set_routes(std::vector<RouteName> routes);

private:
    struct Histogram {
        std::array<std::uint64_t, LATENCY_BUCKETS_SECONDS.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };

    std::mutex mutex_;
    std::vector<RouteName> routes_;
    CacheCountersProvider cache_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // method, route, status
    std::map<std::string, Histogram> latency_;                                     // by route
};

}  // namespace searchd
