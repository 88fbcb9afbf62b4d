/** @file concurrency_test.cc
 *  @brief Many clients at once: every answer is the one the same request
 *  gets alone, and searchd exits cleanly afterwards. The `tsan` preset runs
 *  these under ThreadSanitizer (docs/reliability.md), where a data race in
 *  searchd makes it report and exit non-zero.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace stmt_it {
namespace {

constexpr int CLIENTS = 8;
constexpr int ROUNDS = 6;

/// Requests over every engine path that reads the library.
const std::vector<std::string> PATHS = {
    "/api/search?q=civil+society",
    "/api/search?q=cooperation&view=passages&sort=-date",
    "/api/search?q=safeguard*&theme=human-rights",
    "/api/search?session=ahc-5&per_page=3&page=2",
    "/api/search?q=coop%C3%A9ration&language=fr",
    "/api/statements/seed-alliance-ahc5",
    "/api/statements/seed-alliance-ahc5/cite?paragraph=2&format=bibtex",
    "/api/facets",
    "/api/similar?statement=seed-alliance-ahc5&paragraph=3",
    "/api/timeline?q=data",
    "/api/compare?q=safeguards&a=ahc-4&b=ahc-5",
    "/api/search?q=AND",
};

/// The body without what differs from one run to the next (timings).
std::string stable(const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) return body;
    const auto strip = [](auto& self, nlohmann::json& j) -> void {
        if (j.is_object()) {
            j.erase("took_ms");
            for (auto& [key, value] : j.items()) self(self, value);
        } else if (j.is_array()) {
            for (auto& value : j) self(self, value);
        }
    };
    strip(strip, json);
    return json.dump();
}

TEST(IntegrationConcurrency, ParallelRequestsGetTheAnswersTheyGetAlone) {
    Server server(fixture_library().db());
    std::map<std::string, std::pair<int, std::string>> alone;
    for (const auto& path : PATHS) {
        const auto res = server.client().Get(path.c_str());
        ASSERT_TRUE(res) << path;
        alone[path] = {res->status, stable(res->body)};
    }

    std::atomic<int> wrong = 0;
    std::atomic<int> failed = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < CLIENTS; ++c) {
        clients.emplace_back([&, c] {
            auto client = server.client();
            for (int round = 0; round < ROUNDS; ++round) {
                for (std::size_t i = 0; i < PATHS.size(); ++i) {
                    // Each client walks the list from its own place.
                    const std::string& path = PATHS[(i + static_cast<std::size_t>(c)) % PATHS.size()];
                    const auto res = client.Get(path.c_str());
                    if (!res) {
                        ++failed;
                        continue;
                    }
                    if (std::pair{res->status, stable(res->body)} != alone.at(path)) ++wrong;
                }
            }
        });
    }
    for (auto& client : clients) client.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(wrong.load(), 0);
    // Under a sanitizer, a report makes searchd exit non-zero.
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
}

TEST(IntegrationConcurrency, ParallelSearchesOnSeparateConnections) {
    // New connections for each request: the accept path and the thread
    // pool hand-over, not only keep-alive reuse.
    Server server(fixture_library().db());
    const auto expected = stable(server.client().Get("/api/search?q=data")->body);
    std::atomic<int> wrong = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < CLIENTS; ++c) {
        clients.emplace_back([&] {
            for (int round = 0; round < ROUNDS * 2; ++round) {
                auto client = server.client();
                client.set_keep_alive(false);
                const auto res = client.Get("/api/search?q=data");
                if (!res || res->status != 200 || stable(res->body) != expected) ++wrong;
            }
        });
    }
    for (auto& client : clients) client.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
}

}  // namespace
}  // namespace stmt_it
