/** @file result_cache.cc
 *  @brief Sharded LRU: a key's hash picks a shard; each shard is a list in
 *  recency order plus a hash index into it, under its own mutex.
 */
#include "stmtlib/result_cache.h"

#include <algorithm>
#include <functional>

namespace stmt {

ResultCache::ResultCache(std::size_t capacity)
    : capacity_(capacity),
      shard_capacity_(capacity == 0 ? 0 : std::max<std::size_t>(1, (capacity + SHARDS - 1) / SHARDS)),
      shards_(capacity == 0 ? 0 : std::min(SHARDS, capacity)) {
    // Fewer shards than SHARDS for tiny capacities, so the total stays at
    // most `capacity` (rounded up to whole shards).
    if (!shards_.empty()) shard_capacity_ = (capacity + shards_.size() - 1) / shards_.size();
}

ResultCache::Shard& ResultCache::shard_of(const std::string& key) {
    return shards_[std::hash<std::string>{}(key) % shards_.size()];
}

std::shared_ptr<const CachedResponse> ResultCache::find(const std::string& key) {
    if (!enabled()) {
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    Shard& shard = shard_of(key);
    std::shared_ptr<const CachedResponse> found;
    {
        std::lock_guard lock(shard.mutex);
        const auto it = shard.index.find(key);
        if (it != shard.index.end()) {
            shard.order.splice(shard.order.begin(), shard.order, it->second);
            found = it->second->second;
        }
    }
    (found ? hits_ : misses_).fetch_add(1, std::memory_order_relaxed);
    return found;
}

void ResultCache::store(const std::string& key, CachedResponse response) {
    if (!enabled() || response.body.size() > MAX_BODY_BYTES) return;
    auto value = std::make_shared<const CachedResponse>(std::move(response));
    Shard& shard = shard_of(key);
    std::lock_guard lock(shard.mutex);
    if (const auto it = shard.index.find(key); it != shard.index.end()) {
        it->second->second = std::move(value);  // another thread computed it meanwhile
        shard.order.splice(shard.order.begin(), shard.order, it->second);
        return;
    }
    shard.order.emplace_front(key, std::move(value));
    shard.index.emplace(shard.order.front().first, shard.order.begin());
    entries_.fetch_add(1, std::memory_order_relaxed);
    if (shard.order.size() > shard_capacity_) {
        shard.index.erase(shard.order.back().first);
        shard.order.pop_back();
        entries_.fetch_sub(1, std::memory_order_relaxed);
    }
}

ResultCache::Stats ResultCache::stats() const {
    return {hits_.load(std::memory_order_relaxed), misses_.load(std::memory_order_relaxed),
            entries_.load(std::memory_order_relaxed)};
}

std::string ResultCache::make_key(std::string_view generation, std::string_view endpoint,
                                  std::vector<std::pair<std::string, std::string>> parameters) {
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // Separators are control characters, which percent-decoded parameters
    // may contain too; lengths make the key unambiguous anyway.
    std::string key;
    const auto append = [&key](std::string_view part) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
    };
    append(generation);
    append(endpoint);
    for (const auto& [name, value] : parameters) {
        append(name);
        append(value);
    }
    return key;
}

}  // namespace stmt
