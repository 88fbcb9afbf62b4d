/** @file extract_support.h
 *  @brief What every extractor promises, checked the same way for PDF,
 *  DOCX and HTML.
 */
#pragma once

#include "stmtlib/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace stmt::extract_support {

/// The blocks of extracted text (separated by one blank line).
inline std::vector<std::string> blocks_of(const std::string& text) {
    std::vector<std::string> blocks;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find("\n\n", start), text.size());
        blocks.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return blocks;
}

/// Valid UTF-8, no NUL, trimmed non-empty blocks.
inline void expect_well_formed(const std::string& text) {
    EXPECT_FALSE(text::find_invalid_utf8(text).has_value());
    EXPECT_EQ(text.find('\0'), std::string::npos);
    EXPECT_EQ(text.find("\n\n\n"), std::string::npos);
    for (const auto& block : blocks_of(text)) {
        EXPECT_FALSE(block.empty());
        EXPECT_EQ(block, text::trim(block));
    }
}

}  // namespace stmt::extract_support
