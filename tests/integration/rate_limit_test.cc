/** @file rate_limit_test.cc
 *  @brief Per-address rate limiting: a burst, then 429 with Retry-After and
 *  the JSON error body; loopback is exempt unless asked.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

constexpr int BURST = 5;

TEST(IntegrationReliability, OverTheRateLimitIs429WithRetryAfter) {
    // One token per 100 s: the bucket cannot refill during the test.
    Server server(fixture_library().db(), {},
                  {"--rate-limit", "0.01", "--rate-burst", std::to_string(BURST), "--rate-limit-loopback"});
    auto client = server.client();
    for (int i = 0; i < BURST; ++i) {
        const auto res = client.Get("/api/health");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << "request " << i << " of the burst";
    }
    const auto res = client.Get("/api/search?q=cooperation");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 429);
    const std::string retry_after = res->get_header_value("Retry-After");
    ASSERT_FALSE(retry_after.empty());
    const int seconds = std::stoi(retry_after);
    EXPECT_GE(seconds, 1);
    EXPECT_LE(seconds, 100);
    EXPECT_EQ(nlohmann::json::parse(res->body),
              nlohmann::json::parse(R"({"error":{"code":"rate_limited","message":"too many requests from 127.0.0.1; retry in )" +
                                    retry_after + R"( s","parameter":null}})"));
    EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("application/json"));
}

TEST(IntegrationReliability, LoopbackClientsAreNotRateLimitedByDefault) {
    Server server(fixture_library().db(), {}, {"--rate-limit", "0.01", "--rate-burst", std::to_string(BURST)});
    auto client = server.client();
    for (int i = 0; i < 4 * BURST; ++i) {
        const auto res = client.Get("/api/health");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << "request " << i;
    }
}

}  // namespace
}  // namespace stmt_it
