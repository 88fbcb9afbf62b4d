/** @file theme_tagger.cc
 *  @brief Phrase matching over stem sequences, indexed by first stem.
 */
#include "stmtlib/theme_tagger.h"

#include "stmtlib/text.h"
#include "stmtlib/xapian_language.h"

#include <algorithm>

namespace stmt {

ThemeTagger::ThemeTagger(const Vocabulary& vocabulary, const std::string& language)
    : stemmer_(stemmer_for(language)) {
    for (std::size_t t = 0; t < vocabulary.themes.size(); ++t) {
        const Theme& theme = vocabulary.themes[t];
        theme_ids_.push_back(theme.id);
        for (const auto& phrase : theme.aliases) {
            auto stems = stems_of(phrase);
            if (stems.empty()) continue;
            const std::string first = stems.front();
            phrases_by_first_stem_[first].push_back(Phrase{t, std::move(stems)});
        }
    }
}

std::vector<std::string> ThemeTagger::stems_of(std::string_view text_value) const {
    std::vector<std::string> stems;
    for (const auto& word : text::words(text_value)) stems.push_back(stemmer_(word));
    return stems;
}

std::vector<std::string> ThemeTagger::tag(std::string_view text_value) const {
    const auto stems = stems_of(text_value);
    std::vector<bool> found(theme_ids_.size(), false);
    for (std::size_t i = 0; i < stems.size(); ++i) {
        const auto candidates = phrases_by_first_stem_.find(stems[i]);
        if (candidates == phrases_by_first_stem_.end()) continue;
        for (const auto& phrase : candidates->second) {
            if (found[phrase.theme] || i + phrase.stems.size() > stems.size()) continue;
            found[phrase.theme] = std::equal(phrase.stems.begin(), phrase.stems.end(), stems.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
    std::vector<std::string> out;
    for (std::size_t t = 0; t < found.size(); ++t)
        if (found[t]) out.push_back(theme_ids_[t]);
    return out;
}

}  // namespace stmt
