/** @file text_test.cc
 *  @brief stmt::text: normalisation, whole-word matching, words, slugs,
 *  header decoration and UTF-8 validation.
 */
#include "stmtlib/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace stmt::text {
namespace {

using Words = std::vector<std::string>;

// --- normalize_for_matching -----------------------------------------------

TEST(NormalizeForMatching, SessionSpellingsCompareEqual) {
    const std::string expected = "ahc 5";
    EXPECT_EQ(normalize_for_matching("AHC5"), expected);
    EXPECT_EQ(normalize_for_matching("AHC-5"), expected);
    EXPECT_EQ(normalize_for_matching("AHC 5"), expected);
    EXPECT_EQ(normalize_for_matching("  ahc   5 "), expected);
    EXPECT_NE(normalize_for_matching("AHC 50"), expected);
}

TEST(NormalizeForMatching, SplitsDigitsFromLetters) {
    EXPECT_EQ(normalize_for_matching("5th session"), "5 th session");
    EXPECT_EQ(normalize_for_matching("Chapter V: International Cooperation"), "chapter v international cooperation");
}

TEST(NormalizeForMatching, StraightAndCurlyApostrophesAreDropped) {
    EXPECT_EQ(normalize_for_matching("Secretariat's note"), "secretariats note");
    EXPECT_EQ(normalize_for_matching("Secretariat\u2019s note"), "secretariats note");
}

TEST(NormalizeForMatching, NoBreakSpaceSeparatesWords) {
    EXPECT_EQ(normalize_for_matching("AHC\u00A05"), "ahc 5");
    EXPECT_EQ(normalize_for_matching("fifth\u00A0session"), "fifth session");
    EXPECT_EQ(normalize_for_matching("\u00A0\u202Fdraft\u00A0"), "draft");
}

TEST(NormalizeForMatching, LowercasesNonAscii) {
    EXPECT_EQ(normalize_for_matching("ÉTAT DE DROIT"), "état de droit");
    EXPECT_EQ(normalize_for_matching(""), "");
    EXPECT_EQ(normalize_for_matching(" -- ** "), "");
}

// --- contains_words -------------------------------------------------------

TEST(ContainsWords, MatchesWholeWordsOnly) {
    EXPECT_FALSE(contains_words("chapter ii", "chapter i"));
    EXPECT_TRUE(contains_words("chapter ii", "chapter ii"));
    EXPECT_TRUE(contains_words("see chapter i and chapter ii", "chapter i"));
    EXPECT_FALSE(contains_words("ahc 50", "ahc 5"));
    EXPECT_FALSE(contains_words("draftsmanship", "draft"));
    EXPECT_TRUE(contains_words("alliance draft statement for ahc 5", "ahc 5"));
}

TEST(ContainsWords, SecondOccurrenceIsFoundAfterAPartialOne) {
    // The first "ahc 5" is part of "ahc 50"; the second is whole.
    EXPECT_TRUE(contains_words("ahc 50 and ahc 5", "ahc 5"));
}

TEST(ContainsWords, EmptyNeedleNeverMatches) {
    EXPECT_FALSE(contains_words("anything", ""));
    EXPECT_FALSE(contains_words("", "x"));
}

TEST(ContainsWords, WorksOnNormalisedText) {
    EXPECT_FALSE(contains_words(normalize_for_matching("Chapter II"), normalize_for_matching("Chapter I")));
    EXPECT_TRUE(contains_words(normalize_for_matching("STATEMENT FOR AHC5"), normalize_for_matching("AHC-5")));
}

// --- words ----------------------------------------------------------------

TEST(Words, LowercasesAndSplitsOnPunctuation) {
    EXPECT_EQ(words("Civil society, and NGOs!"), (Words{"civil", "society", "and", "ngos"}));
    EXPECT_EQ(words("24/7 network"), (Words{"24", "7", "network"}));
    EXPECT_TRUE(words("  ... ").empty());
}

TEST(Words, PossessiveIsDropped) {
    EXPECT_EQ(words("the Secretariat's report"), (Words{"the", "secretariat", "report"}));
    EXPECT_EQ(words("the Secretariat\u2019s report"), (Words{"the", "secretariat", "report"}));
    EXPECT_EQ(words("victims' rights"), (Words{"victims", "rights"}));
}

TEST(Words, UnicodeLowercasing) {
    EXPECT_EQ(words("ÉTAT"), (Words{"état"}));
    EXPECT_EQ(words("ÜBER Straße"), (Words{"über", "straße"}));
}

TEST(Words, ElisionKeepsTheWordAfterTheApostrophe) {
    // Only a possessive "'s" is documented as dropped; in French "l'État"
    // the word after the apostrophe is the one that matters.
    const Words w = words("l\u2019État de droit");
    EXPECT_TRUE(std::any_of(w.begin(), w.end(), [](const std::string& x) { return x.find("état") != std::string::npos; }))
        << "words: " << join(w, "|");
}

// --- slugify --------------------------------------------------------------

TEST(Slugify, KebabCase) {
    EXPECT_EQ(slugify("Human Rights Watch"), "human-rights-watch");
    EXPECT_EQ(slugify("  Alliance of NGOs -- on Crime!  "), "alliance-of-ngos-on-crime");
    EXPECT_EQ(slugify("ARTICLE 19"), "article-19");
    EXPECT_EQ(slugify("already-a-slug"), "already-a-slug");
    EXPECT_EQ(slugify("Women's Forum"), "womens-forum");
    EXPECT_EQ(slugify("!!!"), "");
}

TEST(Slugify, OutputIsAsciiKebabCase) {
    const std::string slug = slugify("Médecins Sans Frontières (MSF)");
    EXPECT_FALSE(slug.empty());
    for (const char c : slug)
        EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << slug;
    EXPECT_NE(slug.front(), '-');
    EXPECT_NE(slug.back(), '-');
    EXPECT_EQ(slug.find("--"), std::string::npos);
}

TEST(Slugify, CurlyApostropheActsLikeStraightApostrophe) {
    // Word processors write "Women’s"; the id must not depend on the typography.
    EXPECT_EQ(slugify("Women\u2019s Forum"), slugify("Women's Forum"));
}

// --- strip_decoration -----------------------------------------------------

TEST(StripDecoration, MarkdownAroundHeaderLines) {
    EXPECT_EQ(strip_decoration("*International cooperation*"), "International cooperation");
    EXPECT_EQ(strip_decoration("**COASTAL LEGAL AID NETWORK**"), "COASTAL LEGAL AID NETWORK");
    EXPECT_EQ(strip_decoration("# Meridian Women in Tech Forum"), "Meridian Women in Tech Forum");
    EXPECT_EQ(strip_decoration("_Draft_"), "Draft");
    EXPECT_EQ(strip_decoration("  *ALLIANCE DRAFT STATEMENT FOR AHC 5*  "), "ALLIANCE DRAFT STATEMENT FOR AHC 5");
    EXPECT_EQ(strip_decoration("Plain line"), "Plain line");
    EXPECT_EQ(strip_decoration("***"), "");
}

TEST(StripDecoration, KeepsInnerMarks) {
    EXPECT_EQ(strip_decoration("**Chapter V: international_cooperation**"), "Chapter V: international_cooperation");
}

// --- trim, word_count, join, split ----------------------------------------

TEST(Trim, RemovesAsciiAndUnicodeSpace) {
    EXPECT_EQ(trim("  \t x y \r\n"), "x y");
    EXPECT_EQ(trim("\u00A0\u202Fx\u00A0"), "x");
    EXPECT_EQ(trim("   "), "");
}

TEST(SmallHelpers, WordCountJoinSplit) {
    EXPECT_EQ(word_count("  Thank you,  Chair. "), 3u);
    EXPECT_EQ(word_count(""), 0u);
    EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
    EXPECT_EQ(join({}, ", "), "");
    EXPECT_EQ(split(",a,,b,", ','), (Words{"a", "b"}));
    EXPECT_TRUE(split("", ',').empty());
}

// --- find_invalid_utf8 ----------------------------------------------------

TEST(FindInvalidUtf8, ValidTextIncludingMultibyte) {
    EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
    EXPECT_EQ(find_invalid_utf8("plain ASCII"), std::nullopt);
    EXPECT_EQ(find_invalid_utf8("é € \U0001D11E \u4E2D\u6587 \u0627"), std::nullopt);
    EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF, the last code point
}

TEST(FindInvalidUtf8, OverlongEncodings) {
    EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);          // "/" in two bytes
    EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
    EXPECT_EQ(find_invalid_utf8("x\xE0\x80\xAF"), 1u);       // three bytes
    EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\xAF"), 0u);    // four bytes
}

TEST(FindInvalidUtf8, Surrogates) {
    EXPECT_EQ(find_invalid_utf8("ok \xED\xA0\x80"), 3u);     // U+D800
    EXPECT_EQ(find_invalid_utf8("\xED\xBF\xBF"), 0u);        // U+DFFF
    EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), std::nullopt);  // U+D7FF is fine
}

TEST(FindInvalidUtf8, TruncatedAndStraySequences) {
    EXPECT_EQ(find_invalid_utf8("abc\xE2\x82"), 3u);         // "€" cut short at the end
    EXPECT_EQ(find_invalid_utf8("\xE2\x82X"), 0u);           // continuation missing
    EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);               // stray continuation byte
    EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // beyond U+10FFFF
    EXPECT_EQ(find_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);
}

}  // namespace
}  // namespace stmt::text
