/** @file update_test.cc
 *  @brief `indexer update`: only new and changed files are indexed, gone
 *  files' statements deleted, and a second run changes nothing.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

namespace stmt_it {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string statement(const std::string& organisation, const std::string& topic) {
    return "Statement by the " + organisation + " at AHC 5\n\n"
           "We ask that " + topic + " be handled with care and with conditions and safeguards in the text.\n\n"
           "(Synthetic statement written for the Statement Library tests; not a real statement.)\n";
}

class IntegrationUpdate : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(corpus());
        fs::copy(VOCABULARY_DIR, vocabulary(), fs::copy_options::recursive);
        write("a.txt", statement("Birch Data Council", "encryption"));
        write("b.txt", statement("Fennel Legal Collective", "extradition"));
        write("c.txt", statement("Lakeside Rights Forum", "ransomware"));
    }
    fs::path corpus() const { return dir_ / "corpus"; }
    fs::path vocabulary() const { return dir_ / "vocabulary"; }
    fs::path db() const { return dir_ / "db"; }
    void write(const std::string& name, const std::string& content) { write_file(corpus() / name, content); }
    ProcessResult update() {
        return run_process({STMT_INDEXER_PATH, "update", corpus().string(), "--vocabulary", vocabulary().string(),
                            "--db", db().string(), "-q"});
    }
    std::set<std::string> generations() const {
        std::set<std::string> out;
        for (const auto& entry : fs::directory_iterator(dir_ / "db.generations")) out.insert(entry.path().filename());
        return out;
    }

    TempDir dir_;
};

TEST_F(IntegrationUpdate, FirstRunBuildsEverythingSecondRunChangesNothing) {
    const auto first = update();
    ASSERT_EQ(first.exit_code, 0) << first.output();
    EXPECT_TRUE(contains(first.out, "full rebuild")) << first.out;
    EXPECT_TRUE(contains(first.out, "statements:  3")) << first.out;
    const auto before = generations();
    const std::string stub_before = read_file(db());

    const auto second = update();
    ASSERT_EQ(second.exit_code, 0) << second.output();
    EXPECT_TRUE(contains(second.out, "unchanged:   3")) << second.out;
    EXPECT_TRUE(contains(second.out, "no changes")) << second.out;
    EXPECT_EQ(generations(), before);
    EXPECT_EQ(read_file(db()), stub_before);
}

TEST_F(IntegrationUpdate, OnlyChangedFilesAreTouchedAndSearchdFollows) {
    ASSERT_EQ(update().exit_code, 0);
    Server server(db());
    EXPECT_EQ(result_ids(server.get_json(search_path({{"q", "extradition"}}))), std::vector<std::string>{"b"});

    write("b.txt", statement("Fennel Legal Collective", "dual criminality"));  // changed
    fs::remove(corpus() / "c.txt");                                            // deleted
    write("d.txt", statement("Willow Privacy Lab", "ransomware"));             // added
    const auto result = update();
    ASSERT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.out, "added:       1")) << result.out;
    EXPECT_TRUE(contains(result.out, "changed:     1")) << result.out;
    EXPECT_TRUE(contains(result.out, "deleted:     1")) << result.out;
    EXPECT_TRUE(contains(result.out, "unchanged:   1")) << result.out;
    EXPECT_TRUE(contains(result.out, "statements:  3")) << result.out;

    // searchd looks at the stub at most every 0.5 s: poll briefly.
    std::vector<std::string> ransomware;
    for (int attempt = 0; attempt < 40; ++attempt) {
        ransomware = result_ids(server.get_json(search_path({{"q", "ransomware"}})));
        if (ransomware == std::vector<std::string>{"d"}) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(ransomware, std::vector<std::string>{"d"});
    EXPECT_TRUE(result_ids(server.get_json(search_path({{"q", "extradition"}}))).empty());
    EXPECT_EQ(result_ids(server.get_json(search_path({{"q", "\"dual criminality\""}}))), std::vector<std::string>{"b"});
    EXPECT_EQ(server.get_json("/api/health")["statements"], 3);
}

TEST_F(IntegrationUpdate, ASkippedFileIsRetriedOnlyWhenItChanges) {
    write("broken.txt", "STATEMENT FOR AHC 9\n\nA paragraph that is long enough to be the body of a statement here.\n");
    const auto first = update();
    ASSERT_EQ(first.exit_code, 0) << first.output();
    EXPECT_TRUE(contains(first.err, "broken.txt:1: unknown session")) << first.err;
    const auto second = update();
    EXPECT_TRUE(contains(second.out, "no changes")) << second.out;

    write("broken.txt", statement("Birch Data Council", "cybercrime"));
    const auto fixed = update();
    EXPECT_TRUE(contains(fixed.out, "added:       1")) << fixed.out;
    EXPECT_TRUE(contains(fixed.out, "statements:  4")) << fixed.out;
}

TEST_F(IntegrationUpdate, AVocabularyChangeMeansAFullRebuild) {
    ASSERT_EQ(update().exit_code, 0);
    write_file(vocabulary() / "organizations.yaml",
               read_file(vocabulary() / "organizations.yaml") +
                   "\n  - id: birch-data-council\n    name: Birch Data Council\n    aliases: [\"Birch\"]\n");
    const auto result = update();
    ASSERT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.out, "full rebuild")) << result.out;
    EXPECT_FALSE(contains(result.out, "Birch Data Council (birch-data-council)")) << "now a known organisation";
}

}  // namespace
}  // namespace stmt_it
