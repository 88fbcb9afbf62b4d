/** @file fuzz_support.h
 *  @brief What the fuzz targets share: the project's vocabulary, loaded
 *  once, and the input as a string.
 */
#pragma once

#include "stmtlib/vocabulary.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace stmt::fuzz {

/// corpus/vocabulary, or the process ends: a target without it would fuzz nothing.
inline const Vocabulary& vocabulary() {
    static const Vocabulary loaded = [] {
        auto v = load_vocabulary(STMT_VOCABULARY_DIR);
        if (!v) {
            std::fprintf(stderr, "fuzz: cannot load the vocabulary: %s\n", v.error().message.c_str());
            std::abort();
        }
        return *v;
    }();
    return loaded;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace stmt::fuzz
