/** @file cache_test.cc
 *  @brief searchd's result cache: a cached answer equals a computed one, a
 *  re-index is never answered from the old generation's entries, and
 *  `--cache-size 0` computes every request.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace stmt_it {
namespace {

/// Paths of every cached endpoint, with parameters in a fixed order.
const std::vector<std::string> CACHED_PATHS = {
    "/api/search?q=human%20rights&view=passages",
    "/api/search?q=cooperation&session=ahc-5&page=1",
    "/api/search?q=zzzznothing",
    "/api/statements/seed-alliance-ahc5",
    "/api/statements/no-such-statement",
    "/api/facets",
    "/api/timeline?q=safeguards",
    "/api/similar?statement=seed-alliance-ahc5&paragraph=2",
};

ServerOptions without_cache() {
    ServerOptions options;
    options.extra_args = {"--cache-size", "0"};
    return options;
}

struct Reply {
    int status = 0;
    std::string cache;  ///< the X-Cache header
    nlohmann::json body;
};

Reply get(const Server& server, const std::string& path) {
    auto client = server.client();
    const auto res = client.Get(path.c_str());
    if (!res) {
        ADD_FAILURE() << "no reply to " << path;
        return {};
    }
    return {res->status, res->get_header_value("X-Cache"), nlohmann::json::parse(res->body, nullptr, false)};
}

/// took_ms is the only field allowed to differ between two computations.
nlohmann::json without_timing(nlohmann::json body) {
    if (body.is_object()) body.erase("took_ms");
    return body;
}

std::string statement(const std::string& topic) {
    return "Statement by the Birch Data Council at AHC 5\n\n"
           "We ask that " + topic + " be handled with care and with conditions and safeguards in the text.\n\n"
           "(Synthetic statement written for the Statement Library tests; not a real statement.)\n";
}

TEST(IntegrationCache, ACachedAnswerEqualsAComputedOne) {
    Server computing(fixture_library().db(), without_cache());
    Server& caching = fixture_server();  // default cache size
    for (const auto& path : CACHED_PATHS) {
        const Reply fresh = get(computing, path);
        EXPECT_EQ(fresh.cache, "") << path << ": the cache is off";
        const Reply first = get(caching, path);
        const Reply second = get(caching, path);
        EXPECT_EQ(second.cache, "hit") << path;
        EXPECT_EQ(second.status, fresh.status) << path;
        EXPECT_EQ(first.status, fresh.status) << path;
        EXPECT_EQ(second.body, first.body) << path << ": a hit is the answer first computed, took_ms included";
        EXPECT_EQ(without_timing(second.body), without_timing(fresh.body)) << path;
    }
}

TEST(IntegrationCache, ParameterOrderDoesNotMatter) {
    Server& server = fixture_server();
    const Reply first = get(server, "/api/search?q=encryption&view=passages&per_page=5");
    const Reply reordered = get(server, "/api/search?per_page=5&view=passages&q=encryption");
    EXPECT_EQ(reordered.cache, "hit");
    EXPECT_EQ(reordered.body, first.body);
}

TEST(IntegrationCache, CacheSizeZeroComputesEveryRequest) {
    Server server(fixture_library().db(), without_cache());
    const Reply first = get(server, "/api/search?q=encryption");
    const Reply second = get(server, "/api/search?q=encryption");
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(second.cache, "");
    EXPECT_EQ(without_timing(second.body), without_timing(first.body));
}

TEST(IntegrationCache, ANegativeCacheSizeIsRefused) {
    const auto result = run_process(
        {STMT_SEARCHD_PATH, "--db", fixture_library().db().string(), "--listen", "127.0.0.1:0", "--cache-size", "-1"},
        std::chrono::seconds(10));
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("--cache-size"), std::string::npos) << result.err;
}

TEST(IntegrationCache, AReindexIsNotAnsweredFromTheOldGeneration) {
    TempDir dir;
    fs::create_directories(dir / "corpus");
    write_file(dir / "corpus" / "birch.txt", statement("ransomware"));
    ASSERT_EQ(run_indexer(dir / "corpus", dir / "db").exit_code, 0);
    Server server(dir / "db");
    const std::string ransomware = search_path({{"q", "ransomware"}});
    EXPECT_EQ(result_ids(get(server, ransomware).body), std::vector<std::string>{"birch"});
    EXPECT_EQ(get(server, ransomware).cache, "hit");

    write_file(dir / "corpus" / "birch.txt", statement("extradition"));
    const auto rebuilt = run_indexer(dir / "corpus", dir / "db");
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.output();
    // searchd looks at the stub at most every 0.5 s: poll briefly.
    Reply after;
    for (int attempt = 0; attempt < 40; ++attempt) {
        after = get(server, ransomware);
        if (result_ids(after.body).empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(result_ids(after.body).empty()) << "still the old generation's answer: " << after.body.dump();
    EXPECT_EQ(result_ids(get(server, search_path({{"q", "extradition"}})).body), std::vector<std::string>{"birch"});
}

}  // namespace
}  // namespace stmt_it
