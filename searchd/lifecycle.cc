/** @file lifecycle.cc
 *  @brief One thread waits for signals with sigwait(); the main thread
 *  listens; a condition variable tells the first when the second is done.
 */
#include "lifecycle.h"

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace searchd {
namespace {

sigset_t handled_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    return signals;
}

}  // namespace

void block_signals() {
    const sigset_t signals = handled_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

bool serve(httplib::Server& server, stmt::LibraryReader& reader, std::chrono::seconds grace) {
    std::mutex mutex;
    std::condition_variable done_changed;
    std::atomic<bool> done{false};
    std::thread signal_thread([&] {
        const sigset_t signals = handled_signals();
        for (;;) {
            int received = 0;
            sigwait(&signals, &received);
            if (done) return;
            if (received == SIGHUP) {
                reader.check_now();
                continue;
            }
            // stop() closes the listening socket; the connection pool then
            // lets every connection finish its request before it joins.
            server.stop();
            std::unique_lock lock(mutex);
            if (!done_changed.wait_for(lock, grace, [&] { return done.load(); })) {
                std::fprintf(stderr, "searchd: connections still open %llds after the signal; exiting anyway\n",
                             static_cast<long long>(grace.count()));
                std::fflush(nullptr);
                std::_Exit(0);
            }
            return;
        }
    });
    const bool ok = server.listen_after_bind();
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    done_changed.notify_all();
    pthread_kill(signal_thread.native_handle(), SIGTERM);  // wakes it if listening ended otherwise
    signal_thread.join();
    return ok;
}

}  // namespace searchd
