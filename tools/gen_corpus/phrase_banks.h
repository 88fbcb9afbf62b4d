/** @file phrase_banks.h
 *  @brief Per-language phrase banks the statement bodies are composed from.
 *
 *  Sentences are templates: "{a|b|c}" picks one alternative (not nested);
 *  $Org / $ORG name the organisation (at a sentence start / inside one),
 *  $CHAPTER the chapter in prose, $ART an article number, $N a number from
 *  3 to 40, $YEARS a number of years. Every bank was written for this
 *  generator; none quotes a real statement.
 */
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gen_corpus {

/// How one language names a chapter: in prose ("the chapter on ...") and as a title.
struct ChapterWords {
    std::string prose;
    std::string title;
};

struct PhraseBank {
    std::string language;
    bool spaced = true;  ///< words separated by spaces (false: Chinese)
    std::vector<std::string> openings;  ///< courtesy formulas before the body ("Madam Chair,")
    std::vector<std::string> closings;  ///< courtesy formulas after it ("Thank you.")
    std::string marker;                 ///< the synthetic-statement note, last numbered paragraph
    std::vector<std::string> intros;    ///< first paragraph; may use $CHAPTER
    std::vector<std::string> neutral_intros;  ///< first paragraph naming no chapter or session
    std::vector<std::string> conclusions;
    std::vector<std::string> connectors;  ///< prefixed to a sentence ("Moreover, ")
    std::vector<std::pair<std::string, std::vector<std::string>>> themes;  ///< theme id -> sentences
    std::map<std::string, ChapterWords> chapters;  ///< by chapter id; others use `any_chapter`
    ChapterWords any_chapter;
    std::vector<std::string> titles;     ///< front matter titles; $TITLE is the chapter's title
    std::vector<std::string> footnotes;  ///< for Word documents
};

/// The bank of a language code (en, fr, es, ru, ar, zh); nullptr if none.
const PhraseBank* phrase_bank(const std::string& language);

/// Languages with a bank, in a fixed order.
const std::vector<std::string>& bank_languages();

PhraseBank make_english_bank();
PhraseBank make_french_bank();
PhraseBank make_spanish_bank();
PhraseBank make_russian_bank();
PhraseBank make_arabic_bank();
PhraseBank make_chinese_bank();

}  // namespace gen_corpus
