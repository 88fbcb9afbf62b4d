/** @file server_limits.cc
 *  @brief Timeouts and the connection cap, from flags to cpp-httplib.
 */
#include "server_limits.h"

#include "connection_pool.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

namespace searchd {
namespace {

/// Descriptors a busy connection may need: its socket, and the table files
/// of the Xapian handle its request leases (the pool keeps one per
/// concurrent request, library_reader.h).
constexpr rlim_t DESCRIPTORS_PER_CONNECTION = 8;
/// Descriptors besides: the listening socket, logs, a snapshot loading.
constexpr rlim_t RESERVED_DESCRIPTORS = 256;

/// The soft limit on open files is often 1024; a searchd with a higher cap
/// raises it as far as the hard limit allows.
void raise_open_file_limit(std::size_t max_connections) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = static_cast<rlim_t>(max_connections) * DESCRIPTORS_PER_CONNECTION + RESERVED_DESCRIPTORS;
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur < wanted)
        std::fprintf(stderr, "searchd: warning: open files limited to %llu, fewer than --max-connections needs\n",
                     static_cast<unsigned long long>(limit.rlim_cur));
}

/// The listening socket's options; accepted sockets inherit them on Linux.
/// TCP_NODELAY: cpp-httplib writes a response's headers and body in
/// separate sends, and Nagle's algorithm would hold the body back until
/// the client's delayed ACK of the headers (about 40 ms per response).
void set_listening_socket_options(socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

}  // namespace

void widen_listen_backlog(int port) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        int listening = 0;
        socklen_t length = sizeof listening;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || !listening) continue;
        sockaddr_storage address{};
        socklen_t address_length = sizeof address;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0) continue;
        int bound = -1;
        if (address.ss_family == AF_INET) bound = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
        if (address.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
        if (bound == port) ::listen(fd, LISTEN_BACKLOG);
    }
}

void add_limit_options(CLI::App& app, ServerLimits& limits) {
    app.add_option("--read-timeout", limits.read_timeout, "Seconds a client may pause while sending a request")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    app.add_option("--write-timeout", limits.write_timeout, "Seconds a client may pause while reading a response")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    app.add_option("--keep-alive-timeout", limits.keep_alive_timeout,
                   "Seconds an idle connection stays open (it holds a worker thread meanwhile)")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    app.add_option("--keep-alive-max", limits.keep_alive_max_requests, "Requests per connection before it is closed")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    app.add_option("--max-connections", limits.max_connections,
                   "Connections served at once, one thread each; more wait their turn")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    app.add_option("--shutdown-grace", limits.shutdown_grace,
                   "Seconds after SIGTERM to finish open requests before exiting anyway")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();
}

void apply_limits(httplib::Server& server, const ServerLimits& limits) {
    server.set_read_timeout(limits.read_timeout, 0);
    server.set_write_timeout(limits.write_timeout, 0);
    server.set_keep_alive_timeout(limits.keep_alive_timeout);
    server.set_keep_alive_max_count(limits.keep_alive_max_requests);
    server.set_socket_options(set_listening_socket_options);
    const std::size_t max_connections = limits.max_connections;
    server.new_task_queue = [max_connections] { return new ConnectionPool(INITIAL_WORKER_THREADS, max_connections); };
    raise_open_file_limit(max_connections);
}

}  // namespace searchd
