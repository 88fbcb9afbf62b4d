/** @file theme_tagger.h
 *  @brief Tags text with the themes whose phrases it contains, on stems.
 */
#pragma once

#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stmt {

class ThemeTagger {
public:
    /// Stems every theme phrase once; `language` picks the stemmer.
    explicit ThemeTagger(const Vocabulary& vocabulary, const std::string& language = "en");

    /// Theme ids whose phrases occur in `text` as consecutive stems, in the
    /// vocabulary's order ("safeguard" matches "safeguards").
    std::vector<std::string> tag(std::string_view text) const;

private:
    struct Phrase {
        std::size_t theme;               ///< index into theme_ids_
        std::vector<std::string> stems;  ///< whole phrase
    };
    std::vector<std::string> stems_of(std::string_view text) const;

    Xapian::Stem stemmer_;
    std::vector<std::string> theme_ids_;
    std::unordered_map<std::string, std::vector<Phrase>> phrases_by_first_stem_;
};

}  // namespace stmt
