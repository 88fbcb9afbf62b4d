/** @file rng.h
 *  @brief Deterministic randomness: std::mt19937_64 (specified bit for bit by
 *  the standard) with our own distributions, since std::uniform_int_distribution
 *  and friends differ between standard libraries.
 */
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace gen_corpus {

/// SplitMix64: derives independent seeds (one per statement) from one seed.
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [0, n), n > 0, by rejection (no modulo bias).
    std::size_t below(std::size_t n) {
        const std::uint64_t bound = static_cast<std::uint64_t>(n);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t x = engine_();
        while (x >= limit) x = engine_();
        return static_cast<std::size_t>(x % bound);
    }

    /// Uniform in [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo) + 1)); }

    /// True with probability percent / 100.
    bool percent(int percent) { return static_cast<int>(below(100)) < percent; }

    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

    std::uint64_t next() { return engine_(); }

private:
    std::mt19937_64 engine_;
};

}  // namespace gen_corpus
