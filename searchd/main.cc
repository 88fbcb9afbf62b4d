/** @file main.cc
 *  @brief `searchd`: the HTTP daemon. Reads flags, opens the library,
 *  registers routes, listens; SIGINT/SIGTERM stop it cleanly.
 */
#include "http_api.h"

#include "stmtlib/library_reader.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

namespace {

constexpr const char* DEFAULT_LISTEN = "127.0.0.1:8080";

struct ListenAddress {
    std::string host;
    int port = 0;
};

/// "127.0.0.1:8080", "[::1]:8080", "localhost:0" (0: any free port).
std::optional<ListenAddress> parse_listen(const std::string& value) {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon + 1 == value.size()) return std::nullopt;
    ListenAddress address;
    address.host = value.substr(0, colon);
    if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']')
        address.host = address.host.substr(1, address.host.size() - 2);
    try {
        std::size_t used = 0;
        address.port = std::stoi(value.substr(colon + 1), &used);
        if (used != value.size() - colon - 1 || address.port < 0 || address.port > 65535) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (address.host.empty()) return std::nullopt;
    return address;
}

std::string url_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Statement Library search daemon: ranked, filtered search over HTTP, plus the web page."};
    std::vector<std::string> db;
    std::string listen = DEFAULT_LISTEN;
    std::string web_dir = "web";
    std::vector<std::string> cors;
    bool quiet = false;
    std::string public_url;
    app.add_option("--db", db,
                   "Database: the stub file written by 'indexer build' (or a Xapian database, or a stub listing "
                   "shards, 'remote HOST:PORT' for xapian-tcpsrv); repeat to search several as one")
        ->required();
    app.add_option("--listen", listen, "Address and port to listen on; port 0 picks a free one")->capture_default_str();
    app.add_option("--web", web_dir, "Folder of the web page and widget, served at /")->capture_default_str();
    app.add_option("--cors", cors, "Origin allowed to call the API from a browser (repeatable), e.g. https://example.org");
    app.add_option("--public-url", public_url,
                   "Scheme and host of permalinks in citations, e.g. https://statements.example.org "
                   "(default: from the request's Host or X-Forwarded-* headers)");
    app.add_flag("-q,--quiet", quiet, "Do not log each request");
    CLI11_PARSE(app, argc, argv);

    const auto address = parse_listen(listen);
    if (!address) {
        std::cerr << "searchd: --listen '" << listen << "' is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)\n";
        return 2;
    }
    auto reader = stmt::LibraryReader::open(std::vector<std::filesystem::path>(db.begin(), db.end()));
    if (!reader) {
        std::cerr << "searchd: " << reader.error().message << "\n";
        return 1;
    }
    stmt::Searcher searcher(**reader);

    // Signals are taken by one thread with sigwait(), so that stopping the
    // server never runs inside a signal handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    httplib::Server server;
    searchd::HttpOptions options{web_dir, cors, !quiet, public_url};
    if (!std::filesystem::is_directory(web_dir))
        std::cerr << "searchd: warning: web folder '" << web_dir << "' not found; only the API is served\n";
    searchd::register_routes(server, searcher, options);

    const int port = address->port == 0 ? server.bind_to_any_port(address->host)
                                        : (server.bind_to_port(address->host, address->port) ? address->port : -1);
    if (port < 0) {
        std::cerr << "searchd: cannot listen on " << listen << " (in use, or not an address of this machine)\n";
        return 1;
    }
    std::cout << "searchd: listening on http://" << url_host(address->host) << ":" << port << std::endl;

    std::thread stopper([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    const bool ok = server.listen_after_bind();
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper if listening ended otherwise
    stopper.join();
    std::cout << "searchd: stopped" << std::endl;
    return ok ? 0 : 1;
}
