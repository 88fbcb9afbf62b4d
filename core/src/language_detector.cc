/** @file language_detector.cc
 *  @brief Script counts first, then function-word counts.
 */
#include "stmtlib/language_detector.h"

#include "stmtlib/text.h"
#include "stmtlib/xapian_language.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <unordered_set>

namespace stmt {
namespace {

struct FunctionWords {
    const char* language;
    std::unordered_set<std::string> words;
};

const std::array<FunctionWords, 3>& latin_languages() {
    static const std::array<FunctionWords, 3> languages = {{
        {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "as", "be", "this", "are", "we", "should"}},
        {"fr", {"le", "la", "les", "des", "et", "du", "une", "est", "que", "pour", "dans", "nous", "sur", "qui", "pas", "au"}},
        {"es", {"el", "la", "los", "las", "y", "del", "una", "es", "que", "para", "en", "por", "con", "se", "al", "como"}},
    }};
    return languages;
}

}  // namespace

std::string detect_language(std::string_view text_value) {
    constexpr std::size_t MAX_CODEPOINTS = 20000;  // enough to decide; keeps big files cheap
    std::size_t latin = 0, cyrillic = 0, arabic = 0, cjk = 0, seen = 0;
    for (Xapian::Utf8Iterator it(text_value.data(), text_value.size()); it != Xapian::Utf8Iterator() && seen < MAX_CODEPOINTS;
         ++it, ++seen) {
        const unsigned cp = *it;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F)) ++latin;
        else if (cp >= 0x0400 && cp <= 0x04FF) ++cyrillic;
        else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFEFF)) ++arabic;
        else if (text::is_cjk(cp)) ++cjk;
    }
    // CJK characters are words on their own: weigh them like short words.
    const std::size_t cjk_weight = cjk * 3;
    const std::size_t most = std::max({latin, cyrillic, arabic, cjk_weight});
    if (most == 0) return DEFAULT_LANGUAGE;
    if (most == cyrillic) return "ru";
    if (most == arabic) return "ar";
    if (most == cjk_weight) return "zh";

    std::array<std::size_t, 3> hits{};
    const auto words = text::words(text_value.substr(0, std::min<std::size_t>(text_value.size(), 60000)));
    for (const auto& w : words)
        for (std::size_t i = 0; i < latin_languages().size(); ++i)
            if (latin_languages()[i].words.count(w)) ++hits[i];
    const auto best = std::max_element(hits.begin(), hits.end());
    if (*best == 0) return DEFAULT_LANGUAGE;
    return latin_languages()[static_cast<std::size_t>(best - hits.begin())].language;
}

}  // namespace stmt
