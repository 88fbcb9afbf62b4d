/** @file composer.h
 *  @brief Statement bodies composed from the phrase banks: an intro, theme
 *  paragraphs leaning on the chapter's themes, a conclusion, the synthetic
 *  marker, and courtesy formulas around them.
 */
#pragma once

#include "phrase_banks.h"
#include "rng.h"

#include <string>
#include <vector>

namespace gen_corpus {

struct BodyRequest {
    const PhraseBank& bank;
    std::string organization;  ///< full name
    bool english_article;      ///< English prose says "the NAME"
    std::string chapter_id;
    bool neutral;              ///< name neither chapter nor session (statements filed by folder)
};

struct Body {
    std::vector<std::string> openings;    ///< formulas before the body (not numbered)
    std::vector<std::string> paragraphs;  ///< numbered paragraphs, the marker last
    std::vector<std::string> closings;    ///< formulas after the body (not numbered)
};

Body compose_body(const BodyRequest& request, Rng& rng);

/// A title for front matter, sidecars and the manifest.
std::string compose_title(const PhraseBank& bank, const std::string& chapter_title, Rng& rng);

/// Expands "{a|b}" alternatives and $-slots ($ORG, $Org, $CHAPTER, $ART, $N, $YEARS).
std::string expand(const std::string& text, const std::string& org, const std::string& org_at_start,
                   const std::string& chapter, Rng& rng);

}  // namespace gen_corpus
