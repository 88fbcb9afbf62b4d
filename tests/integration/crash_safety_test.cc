/** @file crash_safety_test.cc
 *  @brief `indexer build` and `indexer update` killed with SIGKILL at random
 *  moments and at chosen system calls of Xapian's commit and of the stub
 *  switch: a searchd running throughout keeps answering from a complete
 *  database, and the next run succeeds. Also: a full disk, and two builds
 *  into one --db at once.
 */
#include "reliability_support.h"

#include <gtest/gtest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

namespace stmt_it {
namespace {

using Clock = std::chrono::steady_clock;

/// Big enough that a build takes seconds (about 3,600 paragraphs), small
/// enough for 20 killed and 20 completed runs. Commits are hit precisely
/// by the system-call kills below, not by chance.
constexpr int CORPUS_STATEMENTS = 400;
constexpr int CORPUS_SEED = 5;
/// The second corpus lacks every 10th statement of the first.
constexpr int DROP_EVERY = 10;
/// Random kills per command (build, update).
constexpr int RANDOM_KILLS_PER_COMMAND = 10;
/// Fixed, so that a failure can be replayed; printed with each kill.
constexpr unsigned KILL_SEED = 20261129;

/// Two corpora with known answers, a database built from the first, and a
/// searchd serving it throughout the test.
class KillableLibrary {
public:
    KillableLibrary() : a_(dir_ / "a"), b_(dir_ / "b"), db_(dir_ / "db") {
        generate_corpus(a_, CORPUS_STATEMENTS, CORPUS_SEED);
        copy_corpus_without_every(a_, b_, DROP_EVERY);
        const auto started = Clock::now();
        const auto built = run_process(indexer_argv("build", a_, db_), std::chrono::seconds(600));
        if (built.exit_code != 0) throw std::runtime_error("building the first corpus failed: " + built.output());
        build_time_ = Clock::now() - started;
        server_ = std::make_unique<Server>(db_);
        fingerprints_[a_] = answers_fingerprint(*server_);
        live_ = a_;
        const auto updating = Clock::now();
        complete_run("update", b_);
        update_time_ = Clock::now() - updating;
        complete_run("build", a_);
    }

    const fs::path& db() const { return db_; }
    const fs::path& a() const { return a_; }
    const fs::path& b() const { return b_; }
    Server& server() { return *server_; }
    const fs::path& live() const { return live_; }
    const fs::path& other() const { return live_ == a_ ? b_ : a_; }
    Clock::duration run_time(const std::string& command) const { return command == "build" ? build_time_ : update_time_; }

    /// Runs to completion, then checks that searchd serves `corpus`'s answers.
    void complete_run(const std::string& command, const fs::path& corpus) {
        const auto result = run_process(indexer_argv(command, corpus, db_), std::chrono::seconds(600));
        ASSERT_EQ(result.exit_code, 0) << command << " after a kill failed:\n" << result.output();
        ASSERT_TRUE(wait_for_generation(*server_, live_generation(db_)));
        const std::string answers = answers_fingerprint(*server_);
        ASSERT_FALSE(answers.empty());
        if (!fingerprints_.count(corpus)) fingerprints_[corpus] = answers;
        EXPECT_EQ(answers, fingerprints_[corpus]) << "searchd does not answer as " << corpus.filename() << " should";
        live_ = corpus;
    }

    /// After a run aimed at `target` was killed: searchd serves the live
    /// database if the stub did not move, or all of `target` if it did.
    void expect_whole_database(const std::string& generation_before, const fs::path& target, const std::string& what) {
        const std::string generation = live_generation(db_);
        ASSERT_TRUE(wait_for_generation(*server_, generation)) << what;
        if (generation != generation_before) live_ = target;
        EXPECT_EQ(answers_fingerprint(*server_), fingerprints_.at(live_))
            << what << ": searchd does not serve the whole of " << live_.filename();
        const auto health = server_->get_json("/api/health");
        EXPECT_EQ(health.value("status", ""), "ok") << what;
    }

    void expect_distinct_answers() const {
        ASSERT_EQ(fingerprints_.size(), 2u);
        EXPECT_NE(fingerprints_.at(a_), fingerprints_.at(b_));
    }

private:
    TempDir dir_;
    fs::path a_, b_, db_;
    std::unique_ptr<Server> server_;
    std::map<fs::path, std::string> fingerprints_;
    fs::path live_;
    Clock::duration build_time_{}, update_time_{};
};

/// Generations left after a successful run: the live one and the previous.
void expect_tidy(const fs::path& db) {
    std::size_t generations = 0;
    for (const auto& entry : fs::directory_iterator(db.string() + ".generations")) {
        (void)entry;
        ++generations;
    }
    EXPECT_LE(generations, 2u);
    for (const auto& entry : fs::directory_iterator(db.parent_path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(IntegrationReliability, IndexerKilledAtRandomMomentsLeavesTheServedDatabaseWhole) {
    KillableLibrary library;
    library.expect_distinct_answers();
    std::mt19937 random(KILL_SEED);
    int killed = 0, finished_first = 0;
    for (int i = 0; i < 2 * RANDOM_KILLS_PER_COMMAND; ++i) {
        const std::string command = i % 2 == 0 ? "build" : "update";
        const fs::path target = library.other();
        const auto run_time = std::chrono::duration_cast<std::chrono::milliseconds>(library.run_time(command));
        std::uniform_int_distribution<long long> moment(0, run_time.count());
        const auto delay = std::chrono::milliseconds(moment(random));
        const std::string what = command + " " + target.filename().string() + " killed after " +
                                 std::to_string(delay.count()) + " ms of about " + std::to_string(run_time.count());
        SCOPED_TRACE(what);
        const std::string before = live_generation(library.db());
        {
            Child indexer(indexer_argv(command, target, library.db()));
            std::this_thread::sleep_for(delay);
            if (indexer.exited()) ++finished_first;
            else ++killed;
            indexer.kill_now();
        }
        library.expect_whole_database(before, target, what);
        library.complete_run(command, target);
        if (HasFatalFailure()) return;
    }
    expect_tidy(library.db());
    std::cout << "[ reliability ] random kills: " << killed << " mid-run, " << finished_first
              << " runs finished before their kill moment; searchd served a whole database after each\n";
    EXPECT_GE(killed, RANDOM_KILLS_PER_COMMAND);  // most moments fall inside a run
}

/// How often a build's busiest thread makes each system call (strace
/// names the call; `-f` starts each line with the thread's id). strace's
/// `inject=...:when=N` counts per thread, and a build writes its parts of
/// the database on several threads, so N must be within one thread's count.
std::map<std::string, int> count_syscalls(const fs::path& log) {
    std::map<std::string, std::map<std::string, int>> per_thread;
    static const std::regex CALL(R"(^(\d+)\s+(fdatasync|fsync|rename|renameat2?)\()");
    std::istringstream lines(read_file(log));
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, CALL)) ++per_thread[m[2].str()][m[1].str()];
    }
    std::map<std::string, int> counts;
    for (const auto& [call, threads] : per_thread)
        for (const auto& [thread, count] : threads) counts[call] = std::max(counts[call], count);
    return counts;
}

TEST(IntegrationReliability, IndexerKilledMidCommitAndMidSwitch) {
    const auto strace_found = run_process({"/bin/sh", "-c", "command -v strace"});
    if (strace_found.exit_code != 0) GTEST_SKIP() << "strace is not installed (scripts/install-deps test installs it)";
    KillableLibrary library;
    const TempDir scratch;
    // Which syncs and renames a build makes: Xapian's commits (fdatasync of
    // each table, then the version file renamed into place) and the switch
    // (fsync of the new stub and folders, rename over the stub).
    const auto traced = run_process({"/usr/bin/strace", "-f", "-qq", "-o", (scratch / "calls").string(), "-e",
                                     "trace=fsync,fdatasync,rename,renameat,renameat2",
                                     STMT_INDEXER_PATH, "build", library.other().string(), "--vocabulary",
                                     VOCABULARY_DIR.string(), "--db", library.db().string(), "-q"},
                                    std::chrono::seconds(600));
    if (traced.exit_code != 0 && traced.output().find("ptrace") != std::string::npos)
        GTEST_SKIP() << "strace cannot trace here: " << traced.output();
    ASSERT_EQ(traced.exit_code, 0) << traced.output();
    library.complete_run("build", library.other());
    const auto counts = count_syscalls(scratch / "calls");
    ASSERT_TRUE(counts.count("fdatasync") || counts.count("fsync")) << read_file(scratch / "calls");
    int points = 0;
    for (const auto& [call, count] : counts) {
        for (const int when : std::set<int>{1, (count + 1) / 2, count}) {
            const fs::path target = library.other();
            const std::string what = "build " + target.filename().string() + " killed at " + call + " #" +
                                     std::to_string(when) + " of " + std::to_string(count);
            SCOPED_TRACE(what);
            const std::string before = live_generation(library.db());
            const auto killed = run_process({"/usr/bin/strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + call, "-e",
                                             "inject=" + call + ":signal=KILL:when=" + std::to_string(when),
                                             STMT_INDEXER_PATH, "build", target.string(), "--vocabulary",
                                             VOCABULARY_DIR.string(), "--db", library.db().string(), "-q"},
                                            std::chrono::seconds(600));
            EXPECT_EQ(killed.exit_code, 128 + SIGKILL) << killed.output();
            library.expect_whole_database(before, target, what);
            library.complete_run("build", target);
            if (HasFatalFailure()) return;
            ++points;
        }
    }
    expect_tidy(library.db());
    std::cout << "[ reliability ] kill points at system calls survived: " << points << "\n";
}

TEST(IntegrationReliability, SecondBuildIntoTheSameDatabaseIsRefusedWhileOneRuns) {
    const TempDir dir;
    generate_corpus(dir / "corpus", CORPUS_STATEMENTS, CORPUS_SEED);
    const fs::path db = dir / "db";
    Child first(indexer_argv("build", dir / "corpus", db));
    // The first build holds the lock from before it makes its generation
    // folder until it ends.
    const auto generations = fs::path(db.string() + ".generations");
    while (!first.exited() && (!fs::exists(generations) || fs::is_empty(generations)))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_FALSE(first.exited()) << "the first build ended before the second could start:\n" << first.output();
    const auto second = run_process(indexer_argv("build", FIXTURE_CORPUS, db));
    EXPECT_EQ(second.exit_code, 1);
    EXPECT_NE(second.err.find("another indexer is building into this database"), std::string::npos) << second.output();
    EXPECT_EQ(first.wait(), 0) << first.output();
    Server server(db);
    EXPECT_EQ(server.get_json("/api/health").value("statements", 0), CORPUS_STATEMENTS);
}

/// A tmpfs of a given size mounted for the test; skipped where mounting
/// is not permitted (not root, or no CAP_SYS_ADMIN in a container).
class SmallDisk {
public:
    explicit SmallDisk(const std::string& size) : mount_point_(dir_ / "disk") {
        fs::create_directory(mount_point_);
        const std::string options = "size=" + size;
        if (::mount("tmpfs", mount_point_.c_str(), "tmpfs", 0, options.c_str()) == 0) mounted_ = true;
        else reason_ = std::strerror(errno);
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(mount_point_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& reason() const { return reason_; }
    const fs::path& path() const { return mount_point_; }

private:
    TempDir dir_;
    fs::path mount_point_;
    bool mounted_ = false;
    std::string reason_;
};

TEST(IntegrationReliability, FullDiskFailsTheBuildCleanlyAndKeepsTheLiveDatabase) {
    // Room for the fixture library, not for a 400-statement one.
    SmallDisk disk("8m");
    if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here: " << disk.reason();
    const TempDir dir;
    generate_corpus(dir / "big", CORPUS_STATEMENTS, CORPUS_SEED);
    const fs::path db = disk.path() / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    Server server(db);
    const std::string before = answers_fingerprint(server);
    const std::string generation = live_generation(db);
    ASSERT_FALSE(before.empty());

    for (const std::string command : {"build", "update"}) {
        SCOPED_TRACE(command);
        const auto full = run_process(indexer_argv(command, dir / "big", db), std::chrono::seconds(600));
        EXPECT_EQ(full.exit_code, 1) << full.output();
        EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
        EXPECT_NE(full.err.find("the live database is unchanged"), std::string::npos) << full.err;
        EXPECT_EQ(live_generation(db), generation);
        EXPECT_EQ(answers_fingerprint(server), before);
        // The failed generation is gone, so the disk has room again.
        std::size_t generations = 0;
        for (const auto& entry : fs::directory_iterator(db.string() + ".generations")) generations += entry.is_directory();
        EXPECT_EQ(generations, 1u);
    }
    const auto again = run_indexer(FIXTURE_CORPUS, db);
    EXPECT_EQ(again.exit_code, 0) << again.output();
}

}  // namespace
}  // namespace stmt_it
