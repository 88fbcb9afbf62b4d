/** @file worker_pool.h
 *  @brief Threads kept for the second half of a search: starting a thread
 *  per search (std::async) cost about 60 µs on the 2-core benchmark
 *  machines, a few percent of a whole search.
 */
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace stmt {

class WorkerPool {
public:
    /// Starts `threads` threads (at least one).
    explicit WorkerPool(unsigned threads);
    /// Finishes the jobs already queued, then joins the threads.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Runs `job` on a pool thread. Unlike std::async's, the future does not
    /// wait in its destructor: a caller whose job refers to its own locals
    /// must wait for it (see FinishedBeforeLeaving).
    template <class Job>
    std::future<std::invoke_result_t<Job>> run(Job job) {
        auto task = std::make_shared<std::packaged_task<std::invoke_result_t<Job>()>>(std::move(job));
        auto result = task->get_future();
        enqueue([task] { (*task)(); });
        return result;
    }

private:
    void enqueue(std::function<void()> job);
    void work();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

/// Waits for a job when the scope that started it ends, also by an
/// exception: the job may refer to that scope's locals.
template <class T>
class FinishedBeforeLeaving {
public:
    explicit FinishedBeforeLeaving(std::future<T>& job) : job_(job) {}
    ~FinishedBeforeLeaving() {
        if (job_.valid()) job_.wait();
    }
    FinishedBeforeLeaving(const FinishedBeforeLeaving&) = delete;
    FinishedBeforeLeaving& operator=(const FinishedBeforeLeaving&) = delete;

private:
    std::future<T>& job_;
};

}  // namespace stmt
