/** @file synonym_expansion_test.cc
 *  @brief expand_synonyms(): acronyms and spelled-out forms as OR groups,
 *  outside quotes and field:value filters, longest member first, and
 *  short acronyms only as written in capitals. Uses the real
 *  corpus/vocabulary/synonyms.yaml.
 */
#include "stmtlib/synonym_expansion.h"

#include "unit_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt {
namespace {

std::string expand(const std::string& query) { return expand_synonyms(query, testing::vocabulary().synonyms); }

const std::string MLA_GROUP = "(MLA OR \"mutual legal assistance\")";
const std::string UN_GROUP = "(UN OR \"United Nations\")";

TEST(SynonymExpansion, AcronymBecomesAGroupWithItsSpelledOutForm) {
    EXPECT_EQ(expand("MLA"), MLA_GROUP);
    EXPECT_EQ(expand("MLA requests"), MLA_GROUP + " requests");
    EXPECT_EQ(expand("delays in MLA"), "delays in " + MLA_GROUP);
}

TEST(SynonymExpansion, SpelledOutFormBecomesTheSameGroupWhateverItsCase) {
    EXPECT_EQ(expand("mutual legal assistance"), MLA_GROUP);
    EXPECT_EQ(expand("Mutual Legal Assistance treaties"), MLA_GROUP + " treaties");
    EXPECT_EQ(expand("mla"), MLA_GROUP) << "three letters or more match in any case";
}

TEST(SynonymExpansion, QuotedTextIsUntouched) {
    EXPECT_EQ(expand("\"MLA requests\""), "\"MLA requests\"");
    EXPECT_EQ(expand("\"mutual legal assistance\" delays"), "\"mutual legal assistance\" delays");
    EXPECT_EQ(expand("\"MLA requests\" and MLA"), "\"MLA requests\" and " + MLA_GROUP);
    EXPECT_EQ(expand("MLA \"about MLA\" MLA"), MLA_GROUP + " \"about MLA\" " + MLA_GROUP);
    EXPECT_EQ(expand("unbalanced \"MLA quote"), "unbalanced \"MLA quote");
}

TEST(SynonymExpansion, ShortAcronymsMatchOnlyInCapitals) {
    EXPECT_EQ(expand("un accord"), "un accord") << "the French article is not the UN";
    EXPECT_EQ(expand("Un accord"), "Un accord");
    EXPECT_EQ(expand("UN role"), UN_GROUP + " role");
    EXPECT_EQ(expand("the UN."), "the " + UN_GROUP + ".");
}

TEST(SynonymExpansion, FieldValuesAreNotExpanded) {
    EXPECT_EQ(expand("title:MLA"), "title:MLA");
    EXPECT_EQ(expand("session:AHC-5 extradition"), "session:AHC-5 extradition");
    EXPECT_EQ(expand("org:UN"), "org:UN");
    EXPECT_EQ(expand("theme:gender MLA"), "theme:gender " + MLA_GROUP);
}

TEST(SynonymExpansion, OnlyWholeWordsMatch) {
    EXPECT_EQ(expand("MLAs"), "MLAs");
    EXPECT_EQ(expand("SMLA"), "SMLA");
    EXPECT_EQ(expand("non-MLA"), "non-MLA");
    EXPECT_EQ(expand("UNCAC"), "(UNCAC OR \"United Nations Convention against Corruption\" OR \"Convention against Corruption\")");
}

TEST(SynonymExpansion, LongestMemberWins) {
    EXPECT_EQ(expand("UN Convention against Cybercrime ratification"),
              "(\"UN Convention against Cybercrime\" OR \"United Nations Convention against Cybercrime\" OR "
              "\"Hanoi Convention\") ratification");
    EXPECT_EQ(expand("online gender-based violence"),
              "(OGBV OR \"online gender-based violence\" OR \"online gender based violence\" OR TFGBV OR "
              "\"technology-facilitated gender-based violence\")");
    EXPECT_EQ(expand("gender-based violence"), "(GBV OR \"gender-based violence\" OR \"gender based violence\")");
    EXPECT_EQ(expand("ICTs"), "(ICTs OR \"information and communications technologies\" OR "
                              "\"information and communication technologies\")");
    EXPECT_EQ(expand("ICT"),
              "(ICT OR \"information and communications technology\" OR \"information and communication technology\")");
}

TEST(SynonymExpansion, MembersWithSymbolsAreQuoted) {
    EXPECT_EQ(expand("LGBTQI+ rights"), "(LGBTQI OR \"LGBTQI+\" OR LGBTIQ OR \"LGBTIQ+\") rights");
}

TEST(SynonymExpansion, SeveralGroupsInOneQuery) {
    EXPECT_EQ(expand("MLA and CSAM"),
              MLA_GROUP + " and (CSAM OR \"child sexual abuse material\" OR \"child sexual abuse materials\")");
}

TEST(SynonymExpansion, NoGroupsOrNoMatchLeavesTheQueryAsIs) {
    EXPECT_EQ(expand_synonyms("MLA requests", {}), "MLA requests");
    EXPECT_EQ(expand("extradition and dual criminality"), "extradition and dual criminality");
    EXPECT_EQ(expand(""), "");
}

TEST(SynonymExpansion, LocalGroupsCaseRuleFollowsTheTermLength) {
    const std::vector<std::vector<std::string>> groups = {{"EU", "European Union"}, {"JIT", "joint investigation team"}};
    EXPECT_EQ(expand_synonyms("eu rules", groups), "eu rules");
    EXPECT_EQ(expand_synonyms("EU rules", groups), "(EU OR \"European Union\") rules");
    EXPECT_EQ(expand_synonyms("a jit", groups), "a (JIT OR \"joint investigation team\")");
}

}  // namespace
}  // namespace stmt
