/** @file worker_pool.cc
 *  @brief One queue, taken from by every thread in arrival order.
 */
#include "stmtlib/worker_pool.h"

#include <pthread.h>

#include <algorithm>
#include <csignal>

namespace stmt {

WorkerPool::WorkerPool(unsigned threads) {
    threads = std::max(1u, threads);
    threads_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
}

void WorkerPool::enqueue(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
}

namespace {

/// Pool threads leave the signals a program waits for or handles (searchd
/// takes SIGINT, SIGTERM and SIGHUP with sigwait() on a thread of its own)
/// to the program: a pool started before the program blocks them in its
/// threads would otherwise be the thread the kernel hands them to.
void leave_signals_to_the_program() {
    sigset_t signals;
    sigemptyset(&signals);
    for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGCHLD})
        sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

}  // namespace

void WorkerPool::work() {
    leave_signals_to_the_program();
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        // A packaged_task keeps its job's exception for the future.
        job();
    }
}

}  // namespace stmt
