/** @file result_cache_test.cc
 *  @brief ResultCache: least recently used entries go first, capacity 0
 *  keeps nothing, counters count, keys ignore parameter order.
 */
#include "stmtlib/result_cache.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace stmt {
namespace {

CachedResponse body(const std::string& text) { return {200, text, "application/json"}; }

TEST(ResultCache, KeepsAndFindsAnAnswer) {
    ResultCache cache(8);
    EXPECT_EQ(cache.find("a"), nullptr);
    cache.store("a", {404, "{\"error\":1}", "application/json"});
    const auto hit = cache.find("a");
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->status, 404);
    EXPECT_EQ(hit->body, "{\"error\":1}");
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits, 1u);
    EXPECT_EQ(stats.misses, 1u);
    EXPECT_EQ(stats.entries, 1u);
}

TEST(ResultCache, EvictsTheLeastRecentlyUsed) {
    ResultCache cache(2);  // fewer entries than shards: two shards of one, or one of two
    cache.store("first", body("1"));
    cache.store("second", body("2"));
    for (int i = 0; i < 50; ++i) cache.store("other" + std::to_string(i), body("x"));
    EXPECT_LE(cache.stats().entries, 2u);
    EXPECT_EQ(cache.find("first"), nullptr);
    EXPECT_EQ(cache.find("second"), nullptr);
}

TEST(ResultCache, RecencyDecidesWhatIsEvicted) {
    ResultCache big(2 * ResultCache::SHARDS);  // two entries per shard
    // In a shard of two, reading the older entry makes the newer one go first.
    std::vector<std::string> same_shard;
    {
        // Keys that land in one shard: a key is in shard hash % SHARDS.
        const std::size_t target = std::hash<std::string>{}("a0") % ResultCache::SHARDS;
        for (int i = 0; same_shard.size() < 3; ++i) {
            const std::string k = "a" + std::to_string(i);
            if (std::hash<std::string>{}(k) % ResultCache::SHARDS == target) same_shard.push_back(k);
        }
    }
    big.store(same_shard[0], body("0"));
    big.store(same_shard[1], body("1"));
    ASSERT_NE(big.find(same_shard[0]), nullptr);  // now the most recent
    big.store(same_shard[2], body("2"));
    EXPECT_NE(big.find(same_shard[0]), nullptr);
    EXPECT_EQ(big.find(same_shard[1]), nullptr);
    EXPECT_NE(big.find(same_shard[2]), nullptr);
}

TEST(ResultCache, CapacityZeroKeepsNothing) {
    ResultCache cache(0);
    EXPECT_FALSE(cache.enabled());
    cache.store("a", body("1"));
    EXPECT_EQ(cache.find("a"), nullptr);
    EXPECT_EQ(cache.stats().entries, 0u);
    EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(ResultCache, HugeBodiesAreNotKept) {
    ResultCache cache(8);
    cache.store("big", body(std::string(ResultCache::MAX_BODY_BYTES + 1, 'x')));
    EXPECT_EQ(cache.find("big"), nullptr);
}

TEST(ResultCache, KeysIgnoreParameterOrderButNotValueOrder) {
    using P = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(ResultCache::make_key("g1@3", "/api/search", P{{"q", "x"}, {"page", "2"}}),
              ResultCache::make_key("g1@3", "/api/search", P{{"page", "2"}, {"q", "x"}}));
    EXPECT_NE(ResultCache::make_key("g1@3", "/api/search", P{{"theme", "a"}, {"theme", "b"}}),
              ResultCache::make_key("g1@3", "/api/search", P{{"theme", "b"}, {"theme", "a"}}));
    EXPECT_NE(ResultCache::make_key("g1@3", "/api/search", P{{"q", "x"}}),
              ResultCache::make_key("g2@1", "/api/search", P{{"q", "x"}}));
    EXPECT_NE(ResultCache::make_key("g", "/api/search", P{{"q", "a"}}),
              ResultCache::make_key("g", "/api/search", P{{"qa", ""}}));
}

TEST(ResultCache, ManyThreadsAtOnce) {
    ResultCache cache(64);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&cache, t] {
            for (int i = 0; i < 2000; ++i) {
                const std::string key = "k" + std::to_string((i * 7 + t) % 200);
                if (!cache.find(key)) cache.store(key, body(key));
            }
        });
    for (auto& th : threads) th.join();
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits + stats.misses, 8000u);
    EXPECT_LE(stats.entries, 64u + ResultCache::SHARDS);
    for (int i = 0; i < 200; ++i)
        if (const auto hit = cache.find("k" + std::to_string(i))) {
            EXPECT_EQ(hit->body, "k" + std::to_string(i));
        }
}

}  // namespace
}  // namespace stmt
