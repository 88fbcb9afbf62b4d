/** @file wording_overlap.h
 *  @brief Shared wording between a pasted text and a passage: word
 *  sequences both contain, how much of each they cover, and a similarity.
 */
#pragma once

#include "stmtlib/highlighter.h"

#include <string>
#include <string_view>
#include <vector>

namespace stmt {

/// Shorter shared sequences than this are coincidence, not shared wording
/// (unless the text itself is shorter: then it is looked for whole).
inline constexpr std::size_t MIN_SHARED_WORDS = 3;

struct WordingOverlap {
    std::vector<TokenSpan> passage_spans;  ///< maximal shared runs in the passage
    std::vector<std::string> phrases;      ///< their text, in passage order
    double text_coverage = 0;      ///< share of the pasted text's words in shared runs
    double passage_coverage = 0;   ///< share of the passage's words in shared runs
    double word_overlap = 0;       ///< Jaccard index of the two word sets
    /// 0..1: mostly the harmonic mean of the two coverages, a little the
    /// word overlap, so that passages sharing words but no phrase still rank.
    double similarity() const;
};

WordingOverlap compare_wording(const std::vector<Token>& text, std::string_view passage,
                               const std::vector<Token>& passage_tokens);

}  // namespace stmt
