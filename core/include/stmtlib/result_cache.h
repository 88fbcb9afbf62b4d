/** @file result_cache.h
 *  @brief A bounded, thread-safe LRU cache of finished API responses, keyed
 *  by database generation, endpoint and normalised parameters.
 *
 *  Repeat traffic (a widget on a site, people paging back and forth) is
 *  answered without touching Xapian. The key starts with the generation and
 *  revision of the database that answered, so a re-index never serves a
 *  stale answer: the old keys are simply never asked for again and age out.
 */
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stmt {

/// What a cached request answered: its status and body, ready to send.
struct CachedResponse {
    int status = 200;
    std::string body;
    std::string content_type;
};

class ResultCache {
public:
    /// Entries kept when `searchd --cache-size` is not given.
    static constexpr std::size_t DEFAULT_CAPACITY = 4096;
    /// Bodies larger than this are not kept, so that a few huge answers
    /// (a long statement) cannot crowd the memory of many small ones.
    static constexpr std::size_t MAX_BODY_BYTES = std::size_t{256} * 1024;
    /// Independent LRU lists, each with its own lock, so that the server's
    /// worker threads seldom wait for one another.
    static constexpr std::size_t SHARDS = 16;

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::size_t entries = 0;
    };

    /// `capacity` 0 turns the cache off: every lookup misses, nothing is kept.
    explicit ResultCache(std::size_t capacity = DEFAULT_CAPACITY);
    ResultCache(const ResultCache&) = delete;
    ResultCache& operator=(const ResultCache&) = delete;

    bool enabled() const { return capacity_ > 0; }
    std::size_t capacity() const { return capacity_; }

    /// The cached answer for `key` (and it becomes the most recently used).
    std::shared_ptr<const CachedResponse> find(const std::string& key);
    /// Keeps an answer, evicting the least recently used of its shard.
    void store(const std::string& key, CachedResponse response);

    Stats stats() const;

    /// A key from its parts: generation tag, endpoint, and the parameters
    /// sorted by name (so their order in the URL does not matter). Values of
    /// one name keep their order, which a response may reflect.
    static std::string make_key(std::string_view generation, std::string_view endpoint,
                                std::vector<std::pair<std::string, std::string>> parameters);

private:
    struct Shard {
        using Entry = std::pair<std::string, std::shared_ptr<const CachedResponse>>;
        std::mutex mutex;
        std::list<Entry> order;  ///< most recently used first
        std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  ///< views into `order`'s keys
    };
    Shard& shard_of(const std::string& key);

    std::size_t capacity_;
    std::size_t shard_capacity_;
    std::vector<Shard> shards_;
    std::atomic<std::uint64_t> hits_{0};
    std::atomic<std::uint64_t> misses_{0};
    std::atomic<std::size_t> entries_{0};
};

}  // namespace stmt
