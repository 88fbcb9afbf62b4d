/** @file rate_limiter.cc
 *  @brief Token buckets keyed by the client's address, refilled lazily on
 *  each request, so that an idle client costs nothing.
 */
#include "rate_limiter.h"

#include "error_status.h"

#include <algorithm>
#include <cmath>

namespace searchd {
namespace {

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";

bool is_loopback(const std::string& address) {
    return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

}  // namespace

RateLimiter::RateLimiter(double rate, double burst) : rate_(rate), burst_(std::max(burst, 1.0)) {}

std::chrono::seconds RateLimiter::take(const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(client);
    if (it == buckets_.end()) {
        if (buckets_.size() >= MAX_TRACKED_CLIENTS) forget_idle(now);
        it = buckets_.emplace(client, Bucket{burst_, now}).first;
    }
    Bucket& bucket = it->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * rate_);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::chrono::seconds(0);
    }
    const double wait = (1 - bucket.tokens) / rate_;
    return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait))));
}

void RateLimiter::forget_idle(Clock::time_point now) {
    std::erase_if(buckets_, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
        return entry.second.tokens + elapsed * rate_ >= burst_;
    });
    // Every address busy (a flood from many addresses): start afresh rather
    // than grow without bound.
    if (buckets_.size() >= MAX_TRACKED_CLIENTS) buckets_.clear();
}

void add_rate_limit_options(CLI::App& app, RateLimitOptions& options) {
    app.add_option("--rate-limit", options.rate,
                   "Requests per second each client address may make, sustained; 0 turns limiting off")
        ->check(CLI::Range(0.0, 1e6))
        ->capture_default_str();
    app.add_option("--rate-burst", options.burst, "Requests each client address may make at once")
        ->check(CLI::Range(1.0, 1e6))
        ->capture_default_str();
    app.add_flag("--rate-limit-loopback", options.loopback,
                 "Limit loopback clients (127.0.0.1, ::1) too; they are exempt by default");
}

std::function<bool(const httplib::Request&, httplib::Response&)> rate_limit_admission(const RateLimitOptions& options) {
    if (options.rate <= 0) return {};
    auto limiter = std::make_shared<RateLimiter>(options.rate, options.burst);
    const bool loopback = options.loopback;
    return [limiter, loopback](const httplib::Request& req, httplib::Response& res) {
        if (!loopback && is_loopback(req.remote_addr)) return true;
        const auto wait = limiter->take(req.remote_addr);
        if (wait.count() == 0) return true;
        const stmt::Error error{stmt::ErrorCode::rate_limited,
                                "too many requests from " + req.remote_addr + "; retry in " +
                                    std::to_string(wait.count()) + " s",
                                ""};
        res.status = http_status(error.code);
        res.set_header("Retry-After", std::to_string(wait.count()));
        res.set_content(error_body(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
        return false;
    };
}

}  // namespace searchd
