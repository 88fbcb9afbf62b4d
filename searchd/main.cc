/** @file main.cc
 *  @brief `searchd`: the HTTP daemon. Reads flags, opens the library,
 *  registers routes, listens; SIGINT/SIGTERM stop it cleanly, SIGHUP
 *  re-checks the database (lifecycle.h).
 */
#include "cli_config.h"
#include "http_api.h"
#include "lifecycle.h"
#include "rate_limiter.h"
#include "server_limits.h"

#include "stmtlib/library_reader.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

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
    std::size_t cache_size = stmt::ResultCache::DEFAULT_CAPACITY;
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
    app.add_option("--cache-size", cache_size,
                   "Answers of read-only API requests kept in memory (least recently used go first); "
                   "0 computes every request")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "Do not log each request");
    double reload_interval = std::chrono::duration<double>(stmt::LibraryReader::RELOAD_CHECK_INTERVAL).count();
    app.add_option("--reload-interval", reload_interval,
                   "Seconds between looks at the stub file for a new database; 0: only on SIGHUP")
        ->check(CLI::Range(0.0, 86400.0))
        ->capture_default_str();
    searchd::ServerLimits limits;
    searchd::add_limit_options(app, limits);
    searchd::RateLimitOptions rate_limit;
    searchd::add_rate_limit_options(app, rate_limit);
    std::string log_format = "text";
    app.add_option("--log-format", log_format, "Request log lines: text (for people) or json (one object a line)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    std::string log_level = "info";
    app.add_option("--log-level", log_level,
                   "Least severe log lines written: debug, info (every request), warn, error (5xx only)")
        ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
        ->capture_default_str();
    bool check_config = false;
    app.add_flag("--check-config", check_config,
                 "Validate the configuration (flags, listen address, database, web folder) and exit 0 if it is "
                 "usable, 1 if not, without listening");
    stmtcli::add_environment_and_config(app);  // after every option is declared
    CLI11_PARSE(app, argc, argv);

    const auto address = parse_listen(listen);
    if (!address) {
        std::cerr << "searchd: --listen '" << listen << "' is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)\n";
        return 2;
    }
    const auto check_interval = std::chrono::milliseconds(static_cast<long long>(reload_interval * 1000));
    auto reader = stmt::LibraryReader::open(std::vector<std::filesystem::path>(db.begin(), db.end()), check_interval);
    if (!reader) {
        std::cerr << "searchd: " << reader.error().message << "\n";
        return 1;
    }
    if (check_config) {
        if (!std::filesystem::is_directory(web_dir)) {
            std::cerr << "searchd: --web '" << web_dir << "' is not a folder\n";
            return 1;
        }
        std::string databases;
        for (const auto& path : db) databases += (databases.empty() ? "" : ", ") + path;
        std::cout << "searchd: configuration OK (database " << databases << ", listen " << listen << ")" << std::endl;
        return 0;
    }
    stmt::Searcher searcher(**reader);

    searchd::block_signals();

    httplib::Server server;
    searchd::HttpOptions options;
    options.web_dir = web_dir;
    options.cors_origins = cors;
    options.log_requests = !quiet;
    options.public_url = public_url;
    options.log_format = *stmtcli::parse_log_format(log_format);  // checked by IsMember
    options.log_level = *stmtcli::parse_log_level(log_level);
    options.admit = searchd::rate_limit_admission(rate_limit);
    options.cache = std::make_shared<stmt::ResultCache>(cache_size);
    if (cache_size > 0)
        options.cache_counters = [cache = options.cache] {
            const auto stats = cache->stats();
            return searchd::CacheCounters{stats.hits, stats.misses, stats.entries};
        };
    if (!std::filesystem::is_directory(web_dir))
        std::cerr << "searchd: warning: web folder '" << web_dir << "' not found; only the API is served\n";
    searchd::register_routes(server, searcher, options);
    searchd::apply_limits(server, limits);

    const int port = address->port == 0 ? server.bind_to_any_port(address->host)
                                        : (server.bind_to_port(address->host, address->port) ? address->port : -1);
    if (port < 0) {
        std::cerr << "searchd: cannot listen on " << listen << " (in use, or not an address of this machine)\n";
        return 1;
    }
    searchd::widen_listen_backlog(port);
    std::cout << "searchd: listening on http://" << url_host(address->host) << ":" << port << std::endl;

    const bool ok = searchd::serve(server, **reader, std::chrono::seconds(limits.shutdown_grace));
    std::cout << "searchd: stopped" << std::endl;
    return ok ? 0 : 1;
}
