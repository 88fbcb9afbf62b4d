/** @file vocabulary_test.cc
 *  @brief Loading corpus/vocabulary, resolving names to ids, discovered
 *  organisations, the JSON round trip and errors in broken data files.
 */
#include "stmtlib/vocabulary.h"

#include "stmtlib/dates.h"
#include "unit_support.h"

#include <gtest/gtest.h>

#include <regex>
#include <tuple>

namespace stmt {
namespace {

using stmt::testing::vocabulary;

TEST(Vocabulary, LoadsTheCorpusVocabulary) {
    const auto loaded = load_vocabulary(STMT_VOCABULARY_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_FALSE(loaded->chapters.empty());
    EXPECT_FALSE(loaded->organizations.empty());
    EXPECT_FALSE(loaded->themes.empty());
    EXPECT_FALSE(loaded->statuses.empty());
    EXPECT_FALSE(loaded->synonyms.empty());
    EXPECT_FALSE(loaded->formulas.opening.empty());
    EXPECT_TRUE(stmt::testing::contains(loaded->formulas.closing, "thank you"));
    EXPECT_NE(loaded->chapter(GENERAL_CHAPTER_ID), nullptr);
    EXPECT_EQ(loaded->default_status().id, "final");
}

TEST(Vocabulary, SessionsAreChronological) {
    const Vocabulary v = vocabulary();
    ASSERT_FALSE(v.sessions.empty());
    EXPECT_EQ(v.sessions.front().id, "ahc-org");
    for (std::size_t i = 1; i < v.sessions.size(); ++i)
        EXPECT_LE(v.sessions[i - 1].start, v.sessions[i].start) << v.sessions[i].id;
    EXPECT_LT(v.session_order("ahc-1"), v.session_order("intersessional-1"));
    EXPECT_LT(v.session_order("intersessional-1"), v.session_order("ahc-2"));
    EXPECT_EQ(v.session_order("ahc-99"), -1);
}

TEST(Vocabulary, EverySessionOfTheDomainExists) {
    const Vocabulary v = vocabulary();
    for (const char* id : {"ahc-org", "ahc-1", "ahc-2", "ahc-3", "ahc-4", "ahc-5", "ahc-6", "ahc-concluding",
                           "ahc-concluding-resumed", "intersessional-1", "intersessional-2", "intersessional-3",
                           "intersessional-4", "intersessional-5"}) {
        const Session* s = v.session(id);
        ASSERT_NE(s, nullptr) << id;
        EXPECT_TRUE(dates::is_iso_date(s->start) && dates::is_iso_date(s->end) && s->start <= s->end) << id;
    }
    EXPECT_EQ(v.session("ahc-5")->short_name, "AHC 5");
    EXPECT_EQ(v.session("ahc-5")->city, "Vienna");
}

TEST(Vocabulary, ResolvesSessionSpellings) {
    const Vocabulary v = vocabulary();
    for (const char* name : {"AHC 5", "AHC5", "ahc-5", "AHC-5", "fifth session", "Fifth session", "5th session"}) {
        const Session* s = v.resolve_session(name);
        ASSERT_NE(s, nullptr) << name;
        EXPECT_EQ(s->id, "ahc-5") << name;
    }
    ASSERT_NE(v.resolve_session("reconvened concluding session"), nullptr);
    EXPECT_EQ(v.resolve_session("reconvened concluding session")->id, "ahc-concluding-resumed");
    ASSERT_NE(v.resolve_session("concluding session"), nullptr);
    EXPECT_EQ(v.resolve_session("concluding session")->id, "ahc-concluding");
    EXPECT_EQ(v.resolve_session("AHC 9"), nullptr);
    EXPECT_EQ(v.resolve_session(""), nullptr);
    EXPECT_EQ(v.resolve_session("AHC 5 and more words"), nullptr);  // exact names only
}

TEST(Vocabulary, SessionOnDate) {
    const Vocabulary v = vocabulary();
    ASSERT_NE(v.session_on("2023-04-17"), nullptr);
    EXPECT_EQ(v.session_on("2023-04-17")->id, "ahc-5");
    ASSERT_NE(v.session_on("2023-04-11"), nullptr);  // first day
    EXPECT_EQ(v.session_on("2023-04-11")->id, "ahc-5");
    ASSERT_NE(v.session_on("2023-04-21"), nullptr);  // last day
    EXPECT_EQ(v.session_on("2023-04-21")->id, "ahc-5");
    ASSERT_NE(v.session_on("2023-01-12"), nullptr);
    EXPECT_EQ(v.session_on("2023-01-12")->id, "ahc-4");
    EXPECT_EQ(v.session_on("2023-04-22"), nullptr);
    EXPECT_EQ(v.session_on("2019-01-01"), nullptr);
}

TEST(Vocabulary, ResolvesChapters) {
    const Vocabulary v = vocabulary();
    const auto id_of = [&](const char* name) {
        const Chapter* c = v.resolve_chapter(name);
        return c ? c->id : std::string("<none>");
    };
    EXPECT_EQ(id_of("Chapter V"), "international-cooperation");
    EXPECT_EQ(id_of("international cooperation"), "international-cooperation");
    EXPECT_EQ(id_of("International Co-operation"), "international-cooperation");
    EXPECT_EQ(id_of("Technical assistance"), "technical-assistance-and-information-exchange");
    EXPECT_EQ(id_of("Chapter II"), "criminalization");
    EXPECT_EQ(id_of("Chapter I"), "general-provisions");
    EXPECT_EQ(id_of("Chapter XII"), "<none>");
    EXPECT_EQ(v.chapter("international-cooperation")->number, "V");
    EXPECT_EQ(v.chapter("international-cooperation")->articles, "35-52");
}

TEST(Vocabulary, ResolvesOrganizationsAndStatuses) {
    const Vocabulary v = vocabulary();
    ASSERT_NE(v.resolve_organization("Alliance"), nullptr);
    EXPECT_EQ(v.resolve_organization("Alliance")->id, "alliance");
    ASSERT_NE(v.resolve_organization("HRW"), nullptr);
    EXPECT_EQ(v.resolve_organization("HRW")->id, "human-rights-watch");
    EXPECT_EQ(v.resolve_organization("Riverside Child Safety Coalition"), nullptr);
    ASSERT_NE(v.resolve_status("Draft"), nullptr);
    EXPECT_EQ(v.resolve_status("Draft")->id, "draft");
    ASSERT_NE(v.resolve_theme("Gender"), nullptr);
    EXPECT_EQ(v.resolve_theme("Gender")->id, "gender");
}

TEST(Vocabulary, DiscoverOrganizationMakesASlugIdAndMarksIt) {
    Vocabulary v = vocabulary();
    const std::size_t before = v.organizations.size();
    const Organization found = v.discover_organization("  Riverside Child Safety Coalition ");
    EXPECT_EQ(found.id, "riverside-child-safety-coalition");
    EXPECT_EQ(found.label, "Riverside Child Safety Coalition");
    EXPECT_TRUE(found.discovered);
    EXPECT_EQ(v.organizations.size(), before + 1);
    ASSERT_NE(v.resolve_organization("Riverside Child Safety Coalition"), nullptr);
    // Discovering it again, or a known one, adds nothing.
    EXPECT_EQ(v.discover_organization("RIVERSIDE CHILD SAFETY COALITION").id, "riverside-child-safety-coalition");
    const Organization known = v.discover_organization("Human Rights Watch");
    EXPECT_EQ(known.id, "human-rights-watch");
    EXPECT_FALSE(known.discovered);
    EXPECT_EQ(v.organizations.size(), before + 1);
}

TEST(Vocabulary, AcronymsComeFromTheSynonyms) {
    const auto acronyms = vocabulary().acronyms();
    EXPECT_TRUE(stmt::testing::contains(acronyms, "AHC"));
    EXPECT_TRUE(stmt::testing::contains(acronyms, "MLA"));
    EXPECT_TRUE(stmt::testing::contains(acronyms, "NGOs"));
    EXPECT_FALSE(stmt::testing::contains(acronyms, "mutual legal assistance"));
}

TEST(Vocabulary, JsonRoundTripKeepsEverything) {
    Vocabulary v = vocabulary();
    v.discover_organization("Riverside Child Safety Coalition");
    const nlohmann::json j = v;
    const Vocabulary back = j.get<Vocabulary>();
    EXPECT_EQ(nlohmann::json(back), j);

    ASSERT_EQ(back.sessions.size(), v.sessions.size());
    for (std::size_t i = 0; i < v.sessions.size(); ++i) {
        const Session &a = v.sessions[i], &b = back.sessions[i];
        EXPECT_EQ(std::tie(a.id, a.label, a.aliases, a.short_name, a.start, a.end, a.city, a.match_keys),
                  std::tie(b.id, b.label, b.aliases, b.short_name, b.start, b.end, b.city, b.match_keys));
    }
    ASSERT_EQ(back.chapters.size(), v.chapters.size());
    for (std::size_t i = 0; i < v.chapters.size(); ++i) {
        const Chapter &a = v.chapters[i], &b = back.chapters[i];
        EXPECT_EQ(std::tie(a.id, a.label, a.aliases, a.number, a.articles, a.match_keys),
                  std::tie(b.id, b.label, b.aliases, b.number, b.articles, b.match_keys));
    }
    ASSERT_EQ(back.organizations.size(), v.organizations.size());
    for (std::size_t i = 0; i < v.organizations.size(); ++i) {
        const Organization &a = v.organizations[i], &b = back.organizations[i];
        EXPECT_EQ(std::tie(a.id, a.label, a.aliases, a.short_name, a.discovered, a.match_keys),
                  std::tie(b.id, b.label, b.aliases, b.short_name, b.discovered, b.match_keys));
    }
    EXPECT_TRUE(back.organization("riverside-child-safety-coalition")->discovered);
    ASSERT_EQ(back.themes.size(), v.themes.size());
    for (std::size_t i = 0; i < v.themes.size(); ++i)
        EXPECT_EQ(std::tie(v.themes[i].id, v.themes[i].aliases), std::tie(back.themes[i].id, back.themes[i].aliases));
    ASSERT_EQ(back.statuses.size(), v.statuses.size());
    for (std::size_t i = 0; i < v.statuses.size(); ++i)
        EXPECT_EQ(std::tie(v.statuses[i].id, v.statuses[i].aliases, v.statuses[i].is_default),
                  std::tie(back.statuses[i].id, back.statuses[i].aliases, back.statuses[i].is_default));
    EXPECT_EQ(back.synonyms, v.synonyms);
    EXPECT_EQ(back.formulas.opening, v.formulas.opening);
    EXPECT_EQ(back.formulas.closing, v.formulas.closing);
    EXPECT_EQ(back.default_status().id, "final");
    ASSERT_NE(back.resolve_session("AHC5"), nullptr);
    EXPECT_EQ(back.resolve_session("AHC5")->id, "ahc-5");
}

// --- broken vocabulary folders -------------------------------------------

class BrokenVocabulary : public ::testing::Test {
protected:
    void SetUp() override {
        for (const auto& entry : std::filesystem::directory_iterator(STMT_VOCABULARY_DIR))
            std::filesystem::copy_file(entry.path(), dir.path() / entry.path().filename());
    }
    /// Replaces sessions.yaml with a two-entry file whose second entry is `second`.
    void write_sessions(const std::string& second) {
        stmt::testing::write_file(dir.path() / "sessions.yaml",
                                  "sessions:\n"
                                  "  - id: ahc-1\n"
                                  "    label: First session\n"
                                  "    start: 2022-02-28\n"
                                  "    end: 2022-03-11\n" +
                                      second);
    }
    /// The error message of loading the folder, which must fail.
    std::string error_message() {
        const auto loaded = load_vocabulary(dir.path());
        EXPECT_FALSE(loaded.ok());
        return loaded.ok() ? std::string() : loaded.error().message;
    }
    /// True if `message` names `file` followed by ":<line>".
    bool names_file_and_line(const std::string& message, const std::string& file) {
        const std::regex re(std::regex_replace((dir.path() / file).string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + ":[0-9]+");
        return std::regex_search(message, re);
    }
    stmt::testing::TempDir dir;
};

TEST_F(BrokenVocabulary, CopyOfTheRealFolderLoads) {
    EXPECT_TRUE(load_vocabulary(dir.path()).ok());
}

TEST_F(BrokenVocabulary, MissingFolder) {
    const auto loaded = load_vocabulary(dir.path() / "nowhere");
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("nowhere"), std::string::npos);
}

TEST_F(BrokenVocabulary, MissingFileIsNamed) {
    std::filesystem::remove(dir.path() / "chapters.yaml");
    const std::string message = error_message();
    EXPECT_NE(message.find((dir.path() / "chapters.yaml").string()), std::string::npos) << message;
}

TEST_F(BrokenVocabulary, BadYamlGivesFileAndLine) {
    write_sessions("  - id: ahc-2\n    label: [unclosed\n    start: 2022-05-30\n");
    const std::string message = error_message();
    EXPECT_TRUE(names_file_and_line(message, "sessions.yaml")) << message;
}

TEST_F(BrokenVocabulary, BadDateFormatGivesFileAndLine) {
    write_sessions("  - id: ahc-2\n    label: Second session\n    start: 30 May 2022\n");
    const std::string message = error_message();
    EXPECT_TRUE(names_file_and_line(message, "sessions.yaml")) << message;
    EXPECT_NE(message.find(":6"), std::string::npos) << "entry starts on line 6: " << message;
}

TEST_F(BrokenVocabulary, ImpossibleCalendarDateIsRejected) {
    write_sessions("  - id: ahc-2\n    label: Second session\n    start: 2022-13-45\n");
    const std::string message = error_message();
    EXPECT_TRUE(names_file_and_line(message, "sessions.yaml")) << message;
}

TEST_F(BrokenVocabulary, DuplicateIdGivesFileAndLine) {
    write_sessions("  - id: ahc-1\n    label: Again\n    start: 2022-05-30\n");
    const std::string message = error_message();
    EXPECT_NE(message.find("ahc-1"), std::string::npos) << message;
    EXPECT_TRUE(names_file_and_line(message, "sessions.yaml")) << message;
}

TEST_F(BrokenVocabulary, IdMustBeKebabCase) {
    write_sessions("  - id: AHC 2\n    start: 2022-05-30\n");
    const std::string message = error_message();
    EXPECT_TRUE(names_file_and_line(message, "sessions.yaml")) << message;
}

TEST_F(BrokenVocabulary, ChaptersWithoutGeneralAreRejected) {
    stmt::testing::write_file(dir.path() / "chapters.yaml", "chapters:\n  - id: preamble\n    label: Preamble\n");
    const std::string message = error_message();
    EXPECT_NE(message.find("general"), std::string::npos) << message;
}

}  // namespace
}  // namespace stmt
