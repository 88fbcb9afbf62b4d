/** @file rate_limiter.h
 *  @brief Requests per client address, limited with a token bucket: each
 *  address may make `burst` requests at once and `rate` per second after
 *  that; over the limit, a 429 with Retry-After.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace searchd {

/// Requests per second a client address may make, sustained (0: no limit).
inline constexpr double DEFAULT_RATE_LIMIT = 10;
/// Requests a client address may make at once (a page load, a burst of typing).
inline constexpr double DEFAULT_RATE_BURST = 40;
/// Addresses remembered at most; past this, those that are back to a full
/// bucket are forgotten first.
inline constexpr std::size_t MAX_TRACKED_CLIENTS = 100000;

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double rate, double burst);

    /// Takes one token for `client`: zero when the request may go on, else
    /// the whole seconds until it could.
    std::chrono::seconds take(const std::string& client, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    void forget_idle(Clock::time_point now);  ///< with mutex_ held

    const double rate_;
    const double burst_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

struct RateLimitOptions {
    double rate = DEFAULT_RATE_LIMIT;
    double burst = DEFAULT_RATE_BURST;
    bool loopback = false;  ///< limit 127.0.0.1 and ::1 too (tests, a local proxy)
};

/// --rate-limit, --rate-burst, --rate-limit-loopback.
void add_rate_limit_options(CLI::App& app, RateLimitOptions& options);

/// The admission check that answers over-limit requests with 429 before
/// any route runs (HttpOptions::admit); empty when limiting is off.
std::function<bool(const httplib::Request&, httplib::Response&)> rate_limit_admission(const RateLimitOptions& options);

}  // namespace searchd
