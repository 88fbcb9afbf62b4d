/** @file wording_overlap_test.cc
 *  @brief compare_wording(): shared word runs of three words or more,
 *  coverages, word overlap and the similarity they make.
 */
#include "stmtlib/wording_overlap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt {
namespace {

WordingOverlap compare(const std::string& text, const std::string& passage) {
    return compare_wording(tokenize(text), passage, tokenize(passage));
}

/// The passage's words in a span, joined by single spaces.
std::string span_words(const std::string& passage, const TokenSpan& span) {
    const auto tokens = tokenize(passage);
    std::string out;
    for (std::size_t i = span.first; i <= span.last; ++i) out += (i == span.first ? "" : " ") + tokens[i].word;
    return out;
}

const std::string SEED_PARAGRAPH =
    "Civil society can and does play a role in capacity building and technical assistance on crime and justice "
    "matters, by providing outside expertise, and bringing more sectors of society into the process.";

TEST(WordingOverlap, IdenticalTextHasSimilarityOne) {
    const auto o = compare(SEED_PARAGRAPH, SEED_PARAGRAPH);
    EXPECT_DOUBLE_EQ(o.text_coverage, 1.0);
    EXPECT_DOUBLE_EQ(o.passage_coverage, 1.0);
    EXPECT_DOUBLE_EQ(o.word_overlap, 1.0);
    EXPECT_DOUBLE_EQ(o.similarity(), 1.0);
    ASSERT_EQ(o.passage_spans.size(), 1u);
    EXPECT_EQ(o.passage_spans[0].first, 0u);
    EXPECT_EQ(o.passage_spans[0].last, tokenize(SEED_PARAGRAPH).size() - 1);
    // The phrase is the passage's own text, first word to last (the final full stop is not a word).
    ASSERT_EQ(o.phrases.size(), 1u);
    EXPECT_EQ(o.phrases[0], SEED_PARAGRAPH.substr(0, SEED_PARAGRAPH.size() - 1));
}

TEST(WordingOverlap, CaseAndPunctuationDoNotMatter) {
    const auto o = compare("CIVIL SOCIETY CAN AND DOES PLAY A ROLE", "Civil society can, and does, play a role!");
    EXPECT_DOUBLE_EQ(o.similarity(), 1.0);
    ASSERT_EQ(o.phrases.size(), 1u);
    EXPECT_EQ(o.phrases[0], "Civil society can, and does, play a role");
}

TEST(WordingOverlap, UnrelatedTextIsAboutZero) {
    const auto disjoint = compare("Ransomware gangs attack hospitals every winter.", SEED_PARAGRAPH);
    EXPECT_DOUBLE_EQ(disjoint.similarity(), 0.0);
    EXPECT_TRUE(disjoint.passage_spans.empty());
    EXPECT_TRUE(disjoint.phrases.empty());
    // A few common words in common, no shared sequence: still near zero.
    const auto near = compare("The ransomware of the gangs and the hospitals in winter.", SEED_PARAGRAPH);
    EXPECT_TRUE(near.phrases.empty());
    EXPECT_LT(near.similarity(), 0.05);
    EXPECT_GT(near.word_overlap, 0.0);
}

TEST(WordingOverlap, EmptyTextsGiveZero) {
    EXPECT_DOUBLE_EQ(compare("", SEED_PARAGRAPH).similarity(), 0.0);
    EXPECT_DOUBLE_EQ(compare(SEED_PARAGRAPH, "").similarity(), 0.0);
    EXPECT_DOUBLE_EQ(compare("", "").similarity(), 0.0);
}

TEST(WordingOverlap, SharedThreeWordRunIsMarked) {
    const std::string passage = "States should build capacity building programmes with partners.";
    const auto o = compare("We value capacity building programmes a lot.", passage);
    ASSERT_EQ(o.passage_spans.size(), 1u);
    EXPECT_EQ(span_words(passage, o.passage_spans[0]), "capacity building programmes");
    EXPECT_EQ(o.phrases, std::vector<std::string>{"capacity building programmes"});
    EXPECT_GT(o.similarity(), 0.0);
    EXPECT_LT(o.similarity(), 1.0);
}

TEST(WordingOverlap, SharedTwoWordRunIsNotMarked) {
    const std::string passage = "States should build capacity building programmes with partners.";
    const auto o = compare("Capacity building matters; so do programmes.", passage);
    EXPECT_TRUE(o.passage_spans.empty());
    EXPECT_TRUE(o.phrases.empty());
    EXPECT_DOUBLE_EQ(o.text_coverage, 0.0);
    EXPECT_DOUBLE_EQ(o.passage_coverage, 0.0);
    EXPECT_GT(o.word_overlap, 0.0);  // words in common still count a little
}

TEST(WordingOverlap, OverlappingTrigramsMakeOneMaximalRun) {
    const std::string passage = "There is a reference to avoiding the duplication of efforts, but this could be clearer.";
    const auto o = compare("Our coalition fears the duplication of efforts everywhere.", passage);
    ASSERT_EQ(o.passage_spans.size(), 1u);
    EXPECT_EQ(span_words(passage, o.passage_spans[0]), "the duplication of efforts");
    EXPECT_EQ(o.phrases, std::vector<std::string>{"the duplication of efforts"});
}

TEST(WordingOverlap, SeveralRunsInPassageOrder) {
    const std::string passage =
        "First, mutual legal assistance must respect dual criminality. Second, judicial authorization is needed.";
    const auto o = compare("Judicial authorization is needed, and mutual legal assistance too.", passage);
    EXPECT_EQ(o.phrases, (std::vector<std::string>{"mutual legal assistance", "judicial authorization is needed"}));
    ASSERT_EQ(o.passage_spans.size(), 2u);
    EXPECT_LT(o.passage_spans[0].last, o.passage_spans[1].first);
}

TEST(WordingOverlap, EveryReportedPhraseIsASequenceTheTextContains) {
    // "alpha beta gamma" and "delta epsilon zeta" are each shared, but the
    // text never has them one after the other: they are two phrases, not one.
    const std::string passage = "alpha beta gamma delta epsilon zeta";
    const auto o = compare("alpha beta gamma and then delta epsilon zeta", passage);
    EXPECT_EQ(o.phrases, (std::vector<std::string>{"alpha beta gamma", "delta epsilon zeta"}));
}

TEST(WordingOverlap, CoveragesAreSharesOfEachSide) {
    // 4 of the text's 8 words, all 4 of the passage's words.
    const std::string passage = "expedited preservation of data";
    const auto o = compare("we oppose expedited preservation of data without oversight", passage);
    EXPECT_DOUBLE_EQ(o.passage_coverage, 1.0);
    EXPECT_DOUBLE_EQ(o.text_coverage, 4.0 / 8.0);
    const double f1 = 2 * o.text_coverage * o.passage_coverage / (o.text_coverage + o.passage_coverage);
    EXPECT_NEAR(o.similarity(), 0.85 * f1 + 0.15 * o.word_overlap, 1e-12);
    EXPECT_DOUBLE_EQ(o.word_overlap, 4.0 / 8.0);
}

TEST(WordingOverlap, MultibytePhrasesKeepTheirBytes) {
    const std::string passage = "La coop\xC3\xA9ration internationale exige des garanties proc\xC3\xA9" "durales.";
    const auto o = compare("une coop\xC3\xA9ration internationale exige beaucoup", passage);
    EXPECT_EQ(o.phrases, std::vector<std::string>{"coop\xC3\xA9ration internationale exige"});
}

}  // namespace
}  // namespace stmt

namespace stmt {
namespace {

TEST(WordingOverlapShortText, ATextShorterThanARunIsLookedForWhole) {
    const std::string passage = "In practice, gender mainstreaming should run through the whole convention.";
    const auto tokens = tokenize(passage);
    const auto o = compare_wording(tokenize("gender mainstreaming"), passage, tokens);
    EXPECT_EQ(o.phrases, std::vector<std::string>{"gender mainstreaming"});
    EXPECT_DOUBLE_EQ(o.text_coverage, 1.0);
    const auto none = compare_wording(tokenize("mainstreaming gender"), passage, tokens);
    EXPECT_TRUE(none.phrases.empty());
}

}  // namespace
}  // namespace stmt
