/** @file theme_tagger_test.cc
 *  @brief ThemeTagger: phrase matching on consecutive stems.
 */
#include "stmtlib/theme_tagger.h"

#include "unit_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace stmt {
namespace {

using stmt::testing::contains;
using Ids = std::vector<std::string>;

class ThemeTaggerTest : public ::testing::Test {
protected:
    Vocabulary vocabulary = stmt::testing::vocabulary();
    ThemeTagger tagger{vocabulary};
};

TEST_F(ThemeTaggerTest, StemsMatchInflectedForms) {
    // The phrase is "safeguards"; the singular shares its stem.
    EXPECT_EQ(tagger.tag("A single safeguard is not enough"), Ids{"human-rights-safeguards"});
    EXPECT_EQ(tagger.tag("Strong safeguards are needed"), Ids{"human-rights-safeguards"});
    // "victim" matches "victims"; "survivors" matches "survivor".
    EXPECT_EQ(tagger.tag("Victims deserve support"), Ids{"victims-witnesses"});
    EXPECT_EQ(tagger.tag("A survivor spoke"), Ids{"victims-witnesses"});
}

TEST_F(ThemeTaggerTest, CaseAndPunctuationDoNotMatter) {
    EXPECT_EQ(tagger.tag("TECHNICAL ASSISTANCE!"), Ids{"technical-assistance"});
    EXPECT_EQ(tagger.tag("(technical, assistance)"), Ids{"technical-assistance"});
    EXPECT_EQ(tagger.tag("Requests for MLA are slow"), Ids{"international-cooperation"});
    EXPECT_EQ(tagger.tag("a multi-stakeholder approach"), Ids{"civil-society-participation"});
}

TEST_F(ThemeTaggerTest, MultiWordPhrasesOnlyWhenConsecutive) {
    EXPECT_EQ(tagger.tag("civil society"), Ids{"civil-society-participation"});
    EXPECT_TRUE(tagger.tag("civil rights in society").empty());
    EXPECT_TRUE(tagger.tag("society, civil").empty());
    EXPECT_EQ(tagger.tag("technical assistance"), Ids{"technical-assistance"});
    EXPECT_TRUE(tagger.tag("technical and financial assistance").empty());
    EXPECT_EQ(tagger.tag("the Budapest Convention"), Ids{"existing-instruments"});
    EXPECT_TRUE(tagger.tag("a convention signed in Budapest").empty());
}

TEST_F(ThemeTaggerTest, PhraseAtTheEndOfTheText) {
    EXPECT_EQ(tagger.tag("we oppose data localisation"), Ids{"privacy-data-protection"});
    EXPECT_TRUE(tagger.tag("we oppose data").empty());
}

TEST_F(ThemeTaggerTest, OrderFollowsTheVocabulary) {
    // Text order: gender, then human rights; vocabulary order is the other way round.
    const Ids tags = tagger.tag("gender mainstreaming and human rights");
    EXPECT_EQ(tags, (Ids{"human-rights-safeguards", "gender"}));
    const Ids many = tagger.tag("ransomware, civil society, child protection, privacy and due process");
    std::vector<std::size_t> positions;
    for (const auto& id : many) {
        const auto it = std::find_if(vocabulary.themes.begin(), vocabulary.themes.end(),
                                     [&](const Theme& t) { return t.id == id; });
        ASSERT_NE(it, vocabulary.themes.end()) << id;
        positions.push_back(static_cast<std::size_t>(it - vocabulary.themes.begin()));
    }
    EXPECT_EQ(many.size(), 5u);
    EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));
}

TEST_F(ThemeTaggerTest, EachThemeOnce) {
    EXPECT_EQ(tagger.tag("human rights, human rights law, safeguards and oversight"), Ids{"human-rights-safeguards"});
}

TEST_F(ThemeTaggerTest, NoFalseThemeOnUnrelatedText) {
    EXPECT_TRUE(tagger.tag("").empty());
    EXPECT_TRUE(tagger.tag("The weather in Vienna was pleasant and the coffee was strong.").empty());
    EXPECT_TRUE(tagger.tag("Delegates met in the afternoon to discuss the agenda.").empty());
    // Words that share letters with a phrase but not its stem.
    EXPECT_FALSE(contains(tagger.tag("The Gendarmerie arrived."), "gender"));
}

TEST_F(ThemeTaggerTest, EveryThemeHasATaggablePhrase) {
    for (const auto& theme : vocabulary.themes) {
        ASSERT_FALSE(theme.aliases.empty()) << theme.id;
        EXPECT_TRUE(contains(tagger.tag("We note: " + theme.aliases.front() + "."), theme.id)) << theme.id;
    }
}

TEST_F(ThemeTaggerTest, TaggerWithoutStemmerStillMatchesExactWords) {
    const ThemeTagger plain(vocabulary, "zh");
    EXPECT_TRUE(contains(plain.tag("civil society"), "civil-society-participation"));
    EXPECT_FALSE(contains(plain.tag("a safeguard"), "human-rights-safeguards"));  // no stemming
}

}  // namespace
}  // namespace stmt
