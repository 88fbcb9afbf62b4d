// The pool that runs the counting half of searches.
#include "stmtlib/worker_pool.h"

#include <gtest/gtest.h>

#include <pthread.h>

#include <atomic>
#include <csignal>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

namespace {

using stmt::FinishedBeforeLeaving;
using stmt::WorkerPool;

TEST(WorkerPool, RunsEachJobOnceAndReturnsItsResult) {
    WorkerPool pool(2);
    std::vector<std::future<int>> results;
    for (int i = 0; i < 100; ++i) results.push_back(pool.run([i] { return i * i; }));
    for (int i = 0; i < 100; ++i) EXPECT_EQ(results[static_cast<std::size_t>(i)].get(), i * i);
}

TEST(WorkerPool, RunsJobsOffTheCallersThread) {
    WorkerPool pool(1);
    const auto caller = std::this_thread::get_id();
    EXPECT_NE(pool.run([] { return std::this_thread::get_id(); }).get(), caller);
}

TEST(WorkerPool, AJobsExceptionReachesItsFutureAndThePoolGoesOn) {
    WorkerPool pool(1);
    auto failing = pool.run([]() -> int { throw std::runtime_error("job failed"); });
    EXPECT_THROW(failing.get(), std::runtime_error);
    EXPECT_EQ(pool.run([] { return 7; }).get(), 7);
}

// searchd blocks SIGTERM after its Searcher (and so this pool) exists and
// waits for it with sigwait(): a pool thread taking it would end the process.
TEST(WorkerPool, PoolThreadsLeaveTerminationSignalsToTheProgram) {
    WorkerPool pool(1);
    const auto blocked = pool.run([] {
                             sigset_t mask;
                             pthread_sigmask(SIG_BLOCK, nullptr, &mask);
                             return sigismember(&mask, SIGTERM) == 1 && sigismember(&mask, SIGINT) == 1 &&
                                    sigismember(&mask, SIGHUP) == 1;
                         }).get();
    EXPECT_TRUE(blocked);
}

TEST(WorkerPool, ZeroThreadsStillRunsJobs) {
    WorkerPool pool(0);
    EXPECT_EQ(pool.run([] { return 1; }).get(), 1);
}

TEST(WorkerPool, DestructorFinishesTheJobsAlreadyQueued) {
    std::atomic<int> done{0};
    {
        WorkerPool pool(1);
        for (int i = 0; i < 20; ++i)
            pool.run([&done] {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                ++done;
            });
    }
    EXPECT_EQ(done.load(), 20);
}

TEST(WorkerPool, FinishedBeforeLeavingWaitsForTheJobWhenTheScopeThrows) {
    WorkerPool pool(1);
    std::atomic<bool> finished{false};
    try {
        auto job = pool.run([&finished] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            finished = true;
        });
        const FinishedBeforeLeaving<void> wait(job);
        throw std::runtime_error("the caller failed first");
    } catch (const std::runtime_error&) {
        EXPECT_TRUE(finished.load());
    }
}

}  // namespace
