/** @file connection_pool.cc
 *  @brief A thread per busy connection, grown on demand, never past the cap.
 */
#include "connection_pool.h"

#include <algorithm>

namespace searchd {

ConnectionPool::ConnectionPool(std::size_t initial_threads, std::size_t max_threads)
    : max_threads_(std::max<std::size_t>(max_threads, 1)) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < std::min(initial_threads, max_threads_); ++i) add_thread();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::add_thread() {
    threads_.emplace_back([this] { work(); });
}

void ConnectionPool::enqueue(std::function<void()> connection) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(connection));
        // Threads are never retired: at most max_threads_ of them, whose
        // stacks cost address space, not memory, while they wait.
        if (idle_ < queue_.size() && threads_.size() < max_threads_) add_thread();
    }
    ready_.notify_one();
}

void ConnectionPool::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        --idle_;
        if (queue_.empty()) return;  // stopping, and nothing left to finish
        auto connection = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        connection();
        lock.lock();
    }
}

void ConnectionPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
        threads.swap(threads_);
    }
    ready_.notify_all();
    for (auto& t : threads) t.join();
}

}  // namespace searchd
