/** @file header_inference_test.cc
 *  @brief Metadata read off header lines, and soften_capitals.
 */
#include "stmtlib/header_inference.h"

#include "unit_support.h"

#include <gtest/gtest.h>

namespace stmt {
namespace {

using stmt::testing::first_error;
using stmt::testing::has_error;

constexpr const char* FILE_NAME = "corpus/x.txt";

class HeaderInference : public ::testing::Test {
protected:
    InferredMetadata infer(const std::vector<HeaderLine>& header) {
        diagnostics.clear();
        return infer_metadata(header, vocabulary, FILE_NAME, diagnostics);
    }
    static std::string value(const std::optional<LocatedValue>& v) { return v ? v->value : "<none>"; }
    static int line(const std::optional<LocatedValue>& v) { return v ? v->line : -1; }

    Vocabulary vocabulary = stmt::testing::vocabulary();
    std::vector<Diagnostic> diagnostics;
};

TEST_F(HeaderInference, SeedHeader) {
    const auto m = infer({{"ALLIANCE DRAFT STATEMENT FOR AHC 5", 3}, {"International cooperation", 5}});
    EXPECT_FALSE(has_error(diagnostics));
    EXPECT_EQ(value(m.organization), "alliance");
    EXPECT_EQ(line(m.organization), 3);
    EXPECT_FALSE(m.new_organization);
    EXPECT_EQ(value(m.status), "draft");
    EXPECT_EQ(value(m.session), "ahc-5");
    EXPECT_EQ(line(m.session), 3);
    EXPECT_EQ(value(m.chapter), "international-cooperation");
    EXPECT_EQ(line(m.chapter), 5);
    EXPECT_FALSE(m.date);
    EXPECT_EQ(m.title, "Alliance draft statement for AHC 5 \u2014 International cooperation");
}

TEST_F(HeaderInference, StatementByKnownOrganizationAtSession) {
    const auto m = infer({{"Statement by Human Rights Watch at the fifth session of the Ad Hoc Committee", 1}});
    EXPECT_FALSE(has_error(diagnostics));
    EXPECT_EQ(value(m.organization), "human-rights-watch");
    EXPECT_EQ(value(m.session), "ahc-5");
    EXPECT_FALSE(m.chapter);
}

TEST_F(HeaderInference, OnBehalfOfUnknownOrganization) {
    const auto m = infer({{"Oral statement on behalf of the Riverside Child Safety Coalition", 2}});
    EXPECT_FALSE(m.organization);
    EXPECT_EQ(value(m.new_organization), "Riverside Child Safety Coalition");
    EXPECT_EQ(line(m.new_organization), 2);
    EXPECT_EQ(value(m.status), "oral");
}

TEST_F(HeaderInference, NameEndingInAKnownAliasIsNotThatOrganization) {
    const auto m = infer({{"on behalf of the Riverside Child Safety Alliance", 1}});
    EXPECT_FALSE(m.organization) << value(m.organization);
    EXPECT_EQ(value(m.new_organization), "Riverside Child Safety Alliance");
}

TEST_F(HeaderInference, DeliveredByPersonOnBehalfOfOrganization) {
    const auto known = infer({{"Delivered by Jane Doe on behalf of Human Rights Watch", 1}});
    EXPECT_EQ(value(known.organization), "human-rights-watch");
    EXPECT_EQ(value(known.status), "oral");
    const auto unknown = infer({{"Delivered by Dr Amara Quist on behalf of the Open Borders Research Institute", 2}});
    EXPECT_EQ(value(unknown.new_organization), "Open Borders Research Institute");
    EXPECT_EQ(value(unknown.status), "oral");
}

TEST_F(HeaderInference, UnknownOrganizationNameWithPreposition) {
    // "for" inside a name must not cut it: APC is a frequent voice at the AHC.
    const auto m = infer({{"Statement by the Association for Progressive Communications at the fifth session", 1}});
    EXPECT_EQ(value(m.new_organization), "Association for Progressive Communications");
    EXPECT_EQ(value(m.session), "ahc-5");
}

TEST_F(HeaderInference, ChapterWithNumeralAndTitle) {
    const auto m = infer({{"Statement by the Northwind Digital Rights Collective at the fourth session of the Ad Hoc Committee", 1},
                          {"Chapter II: Criminalization", 2}});
    EXPECT_FALSE(has_error(diagnostics));
    EXPECT_EQ(value(m.new_organization), "Northwind Digital Rights Collective");
    EXPECT_EQ(value(m.session), "ahc-4");
    EXPECT_EQ(value(m.chapter), "criminalization");
    EXPECT_EQ(line(m.chapter), 2);
}

TEST_F(HeaderInference, BareNameOnFirstLine) {
    const auto m = infer({{"Coastal Legal Aid Network", 1}, {"Statement on international cooperation, AHC 5", 2}});
    EXPECT_EQ(value(m.new_organization), "Coastal Legal Aid Network");
    EXPECT_EQ(value(m.session), "ahc-5");
    EXPECT_EQ(value(m.chapter), "international-cooperation");
}

TEST_F(HeaderInference, DecoratedCapitalsWithDashes) {
    const auto m = infer({{"COASTAL LEGAL AID NETWORK \u2013 ORAL STATEMENT \u2013 AHC6", 1},
                          {"Procedural measures and law enforcement", 3}});
    // A name written in capitals is given title case, not sentence case.
    EXPECT_EQ(value(m.new_organization), "Coastal Legal Aid Network");
    EXPECT_EQ(value(m.status), "oral");
    EXPECT_EQ(value(m.session), "ahc-6");
    EXPECT_EQ(value(m.chapter), "procedural-measures-and-law-enforcement");
}

TEST_F(HeaderInference, UnknownSessionIsAnErrorNamingTheLine) {
    const auto m = infer({{"STATEMENT FOR AHC 9", 1}, {"Northwind Digital Rights Collective", 2},
                          {"Chapter V: International cooperation", 3}});
    EXPECT_FALSE(m.session);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 1);
    EXPECT_EQ(error->file, FILE_NAME);
    EXPECT_NE(error->message.find("ahc 9"), std::string::npos) << error->message;
    EXPECT_EQ(value(m.chapter), "international-cooperation");
}

TEST_F(HeaderInference, UnknownOrdinalSessionIsAnError) {
    infer({{"Statement at the 12th session", 4}});
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 4);
}

TEST_F(HeaderInference, UnknownChapterIsAnError) {
    const auto m = infer({{"Human Rights Watch", 1}, {"Chapter XII", 2}});
    EXPECT_FALSE(m.chapter) << value(m.chapter);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->line, 2);
    EXPECT_NE(error->message.find("chapter xii"), std::string::npos) << error->message;
}

TEST_F(HeaderInference, DateOnlyHeaderGivesDateAndSession) {
    const auto m = infer({{"Vienna, 12 January 2023", 1}});
    EXPECT_FALSE(has_error(diagnostics));
    EXPECT_EQ(value(m.date), "2023-01-12");
    EXPECT_EQ(line(m.date), 1);
    EXPECT_EQ(value(m.session), "ahc-4");
    EXPECT_FALSE(m.organization);
    EXPECT_FALSE(m.new_organization);
}

TEST_F(HeaderInference, ExplicitSessionBeatsTheDate) {
    // Written in April 2023 (AHC 5) about the sixth session.
    const auto m = infer({{"Vienna, 17 April 2023", 1}, {"Submission for AHC 6", 2}});
    EXPECT_EQ(value(m.date), "2023-04-17");
    EXPECT_EQ(value(m.session), "ahc-6");
}

TEST_F(HeaderInference, EmptyHeader) {
    const auto m = infer({});
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_FALSE(m.session || m.chapter || m.organization || m.new_organization || m.status || m.date);
    EXPECT_TRUE(m.title.empty());
}

// --- soften_capitals ------------------------------------------------------

TEST(SoftenCapitals, KeepsAcronymsAndDigits) {
    const auto acronyms = stmt::testing::vocabulary().acronyms();
    EXPECT_EQ(soften_capitals("ALLIANCE DRAFT STATEMENT FOR AHC 5", acronyms), "Alliance draft statement for AHC 5");
    EXPECT_EQ(soften_capitals("STATEMENT ON MLA AT AHC5", acronyms), "Statement on MLA at AHC5");
    EXPECT_EQ(soften_capitals("ARTICLE 19 ON CHAPTER V", {}), "Article 19 on chapter v");
}

TEST(SoftenCapitals, LinesWithLowercaseAreUnchanged) {
    EXPECT_EQ(soften_capitals("International cooperation", {}), "International cooperation");
    EXPECT_EQ(soften_capitals("Statement by HRW", {}), "Statement by HRW");
    EXPECT_EQ(soften_capitals("2023 - 5", {}), "2023 - 5");
    EXPECT_EQ(soften_capitals("", {}), "");
}

TEST(SoftenCapitals, KeepsPunctuation) {
    EXPECT_EQ(soften_capitals("COASTAL \u2013 ORAL STATEMENT, AHC6!", {}), "Coastal \u2013 oral statement, AHC6!");
}

TEST(SoftenCapitals, AccentedCapitalsAreLoweredToo) {
    // French and Spanish statements are in the corpus's languages.
    EXPECT_EQ(soften_capitals("DÉCLARATION DE LA SOCIÉTÉ CIVILE", {}), "Déclaration de la société civile");
}

}  // namespace
}  // namespace stmt
