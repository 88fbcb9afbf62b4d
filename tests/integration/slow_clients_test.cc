/** @file slow_clients_test.cc
 *  @brief Idle and slow connections cannot starve searchd: with 200 idle
 *  connections and a few clients sending a header byte per second, a
 *  normal client is still answered; idle connections are closed.
 */
#include "reliability_support.h"
#include "server_support.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <thread>

namespace stmt_it {
namespace {

constexpr int IDLE_CONNECTIONS = 200;
constexpr int SLOWLORIS_CLIENTS = 5;
constexpr int NORMAL_REQUESTS = 20;
/// The normal client gives up after this long: far above an answer's time,
/// far below how long the idle connections would hold a small fixed pool.
constexpr int NORMAL_CLIENT_TIMEOUT_SECONDS = 5;


TEST(IntegrationReliability, IdleAndSlowConnectionsDoNotStarveANormalClient) {
    Server server(fixture_library().db());
    // Half send nothing; half send the start of a request and stop.
    std::vector<int> idle;
    for (int i = 0; i < IDLE_CONNECTIONS; ++i) {
        const int fd = connect_to(server.port());
        ASSERT_GE(fd, 0) << "connection " << i;
        if (i % 2 == 1) {
            const std::string start = "GET /api/health HTTP/1.1\r\n";
            ASSERT_GT(::send(fd, start.data(), start.size(), 0), 0);
        }
        idle.push_back(fd);
    }
    std::atomic<bool> stop{false};
    std::vector<std::thread> slowloris;
    for (int i = 0; i < SLOWLORIS_CLIENTS; ++i) {
        slowloris.emplace_back([&] {
            const int fd = connect_to(server.port());
            const std::string request = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ";
            for (std::size_t sent = 0; !stop; sent = (sent + 1) % request.size()) {
                if (::send(fd, &request[sent], 1, MSG_NOSIGNAL) <= 0) break;
                for (int waited = 0; waited < 10 && !stop; ++waited)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            ::close(fd);
        });
    }

    auto client = server.client();
    client.set_read_timeout(NORMAL_CLIENT_TIMEOUT_SECONDS, 0);
    client.set_connection_timeout(NORMAL_CLIENT_TIMEOUT_SECONDS, 0);
    int answered = 0;
    for (int i = 0; i < NORMAL_REQUESTS; ++i) {
        const auto res = client.Get(i % 2 ? "/api/search?q=cooperation" : "/api/health");
        if (res && res->status == 200) ++answered;
        else ADD_FAILURE() << "request " << i << ": " << (res ? std::to_string(res->status) : httplib::to_string(res.error()));
    }
    EXPECT_EQ(answered, NORMAL_REQUESTS);

    // searchd closes the idle ones itself: those that sent nothing after the
    // keep-alive timeout, those that stopped mid-request after the read
    // timeout (with a 400 first).
    const timeval patience{30, 0};
    int closed = 0;
    for (const int fd : idle) {
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
        char buffer[512];
        ssize_t n = 0;
        while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
        }
        if (n == 0 || errno == ECONNRESET) ++closed;  // not EAGAIN: the wait ran out
        ::close(fd);
    }
    EXPECT_EQ(closed, IDLE_CONNECTIONS);
    stop = true;
    for (auto& t : slowloris) t.join();
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
}

}  // namespace
}  // namespace stmt_it
