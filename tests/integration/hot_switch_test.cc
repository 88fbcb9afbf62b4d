/** @file hot_switch_test.cc
 *  @brief searchd switches to a new database under load without dropping
 *  or garbling a request, by polling the stub or at once on SIGHUP.
 */
#include "reliability_support.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <iostream>
#include <map>
#include <set>
#include <thread>

namespace stmt_it {
namespace {

constexpr int CORPUS_STATEMENTS = 300;
constexpr int CORPUS_SEED = 8;
constexpr int DROP_EVERY = 10;
constexpr int CLIENT_THREADS = 4;
constexpr int REINDEXINGS = 3;

/// Requests the clients cycle through; each has one right answer per corpus.
/// (Each search's results fit in one page: compared as sets.)
const std::vector<std::string> LOAD_PATHS = {
    "/api/search?q=cooperation&session=ahc-3&per_page=100",
    "/api/search?q=human+rights&session=ahc-5&view=passages&per_page=100",
    "/api/search?q=data&language=es&per_page=100",
    "/api/facets",
    "/api/health",
};

std::string comparable(const std::string& body) { return normalized_answer(body); }

std::vector<std::string> answers(const Server& server) {
    auto client = server.client();
    std::vector<std::string> out;
    for (const auto& path : LOAD_PATHS) {
        const auto res = client.Get(path.c_str());
        out.push_back(res && res->status == 200 ? comparable(res->body) : "failed");
    }
    return out;
}

void reindex(const std::string& command, const fs::path& corpus, const fs::path& db) {
    const auto result = run_process(indexer_argv(command, corpus, db), std::chrono::seconds(600));
    ASSERT_EQ(result.exit_code, 0) << result.output();
}

TEST(IntegrationReliability, ReindexingUnderLoadDropsNoRequest) {
    const TempDir dir;
    const fs::path a = dir / "a", b = dir / "b", db = dir / "db";
    generate_corpus(a, CORPUS_STATEMENTS, CORPUS_SEED);
    copy_corpus_without_every(a, b, DROP_EVERY);
    reindex("build", b, db);
    Server server(db);
    const auto answers_b = answers(server);
    reindex("build", a, db);
    ASSERT_TRUE(wait_for_generation(server, live_generation(db)));
    const auto answers_a = answers(server);
    for (std::size_t i = 0; i < LOAD_PATHS.size(); ++i) {
        ASSERT_NE(answers_a[i], "failed") << LOAD_PATHS[i];
        ASSERT_NE(answers_b[i], "failed") << LOAD_PATHS[i];
    }
    ASSERT_NE(answers_a, answers_b);

    std::atomic<bool> stop{false};
    std::atomic<long> served{0}, failed{0}, wrong{0}, as_a{0}, as_b{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < CLIENT_THREADS; ++t) {
        clients.emplace_back([&, t] {
            auto client = server.client();
            client.set_keep_alive(true);
            for (std::size_t i = static_cast<std::size_t>(t); !stop; ++i) {
                const std::size_t k = i % LOAD_PATHS.size();
                const auto res = client.Get(LOAD_PATHS[k].c_str());
                ++served;
                if (!res || res->status != 200) {
                    ++failed;
                    continue;
                }
                const std::string got = comparable(res->body);
                if (got == answers_a[k]) ++as_a;
                else if (got == answers_b[k]) ++as_b;
                else ++wrong;
            }
        });
    }
    // Three switches while the clients run: to B, back to A (by update),
    // to B again; each time until searchd reports the new generation.
    const std::vector<std::pair<std::string, fs::path>> runs = {{"build", b}, {"update", a}, {"build", b}};
    for (const auto& [command, corpus] : runs) {
        reindex(command, corpus, db);
        EXPECT_TRUE(wait_for_generation(server, live_generation(db)));
    }
    const long before_stop = served;
    while (served < before_stop + 50) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop = true;
    for (auto& c : clients) c.join();

    EXPECT_EQ(failed, 0);
    EXPECT_EQ(wrong, 0);
    EXPECT_GT(as_a, 0);
    EXPECT_GT(as_b, 0);
    EXPECT_EQ(answers(server), answers_b);
    std::cout << "[ reliability ] " << served << " requests during " << REINDEXINGS << " re-indexings: " << failed
              << " failed, " << wrong << " wrong (" << as_a << " answered from A, " << as_b << " from B)\n";
}

TEST(IntegrationReliability, SighupSwitchesAtOnceWhenPollingIsOff) {
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    Server server(db, {}, {"--reload-interval", "0"});
    const std::string first = server.get_json("/api/health").value("generation", "");
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    const std::string second = live_generation(db);
    ASSERT_NE(first, second);
    // Polling is off: without the signal searchd stays on the first one.
    for (int i = 0; i < 3; ++i) EXPECT_EQ(server.get_json("/api/health").value("generation", ""), first);
    ASSERT_EQ(::kill(server.pid(), SIGHUP), 0);
    EXPECT_TRUE(wait_for_generation(server, second));
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
}

}  // namespace
}  // namespace stmt_it
