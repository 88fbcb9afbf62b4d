/** @file connection_pool.h
 *  @brief cpp-httplib's task queue for searchd: worker threads made on
 *  demand up to a cap, because in cpp-httplib 0.11 every open connection,
 *  idle keep-alive ones included, holds a worker for as long as it lasts.
 *
 *  With the library's fixed pool (8 threads on a small machine) eight idle
 *  or slow clients stop everyone else. Here a connection gets a thread of
 *  its own while fewer than `max_threads` are busy; past the cap new
 *  connections wait in a queue until one ends. The short idle and read
 *  timeouts set in server_limits.cc make sure that each one does end.
 */
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace searchd {

class ConnectionPool : public httplib::TaskQueue {
public:
    ConnectionPool(std::size_t initial_threads, std::size_t max_threads);
    ~ConnectionPool() override;
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    void enqueue(std::function<void()> connection) override;
    /// Lets every queued and running connection finish, then joins.
    void shutdown() override;

private:
    void work();
    void add_thread();  ///< with mutex_ held

    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace searchd
