/** @file server_limits.h
 *  @brief How long searchd waits for slow or idle clients and how many
 *  connections it serves at once: named defaults, their flags, and how
 *  they are applied to cpp-httplib.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <cstddef>
#include <ctime>

namespace searchd {

/// A client that sends nothing for this long, in the middle of a request,
/// is dropped (each byte restarts the wait).
inline constexpr std::time_t DEFAULT_READ_TIMEOUT_SECONDS = 5;
/// A client that takes nothing of its response for this long is dropped.
inline constexpr std::time_t DEFAULT_WRITE_TIMEOUT_SECONDS = 5;
/// An idle keep-alive connection (or a new one that has sent nothing yet)
/// is closed after this long: it holds a worker thread while it waits.
inline constexpr std::time_t DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS = 2;
/// Requests on one connection before it is closed.
inline constexpr std::size_t DEFAULT_KEEP_ALIVE_MAX_REQUESTS = 100;
/// Connections served at once (one thread each); more wait in a queue.
inline constexpr std::size_t DEFAULT_MAX_CONNECTIONS = 512;
/// Worker threads started with the server; more are made on demand.
inline constexpr std::size_t INITIAL_WORKER_THREADS = 8;
/// After SIGTERM, connections still open after this long are abandoned
/// and searchd exits anyway.
inline constexpr int DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

struct ServerLimits {
    std::time_t read_timeout = DEFAULT_READ_TIMEOUT_SECONDS;
    std::time_t write_timeout = DEFAULT_WRITE_TIMEOUT_SECONDS;
    std::time_t keep_alive_timeout = DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS;
    std::size_t keep_alive_max_requests = DEFAULT_KEEP_ALIVE_MAX_REQUESTS;
    std::size_t max_connections = DEFAULT_MAX_CONNECTIONS;
    int shutdown_grace = DEFAULT_SHUTDOWN_GRACE_SECONDS;
};

/// --read-timeout, --write-timeout, --keep-alive-timeout, --keep-alive-max,
/// --max-connections, --shutdown-grace.
void add_limit_options(CLI::App& app, ServerLimits& limits);

/// Connections the kernel queues for accept() (Debian's cpp-httplib is
/// compiled with a backlog of 5, which drops connections under load).
inline constexpr int LISTEN_BACKLOG = 1024;

/// Raises the backlog of the socket listening on `port` to LISTEN_BACKLOG.
/// cpp-httplib does not hand out its socket, so it is found among the
/// process's descriptors; Linux lets listen() on a listening socket change
/// its backlog.
void widen_listen_backlog(int port);

/// Sets the timeouts and the connection pool (connection_pool.h), and lets
/// the process keep open as many sockets as max_connections needs.
void apply_limits(httplib::Server& server, const ServerLimits& limits);

}  // namespace searchd
