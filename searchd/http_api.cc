/** @file http_api.cc
 *  @brief Routes, then error handler, exception handler and logger, in the
 *  order cpp-httplib applies them.
 */
#include "http_api.h"

#include "error_status.h"
#include "openapi_document.h"
#include "request_log.h"
#include "route_table.h"

#include "stmtlib/atom_feed.h"
#include "stmtlib/research_requests.h"
#include "static_files.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace searchd {
namespace {

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";
/// A POST body over this is refused before it is parsed (the text inside
/// has its own, smaller limit in characters).
constexpr std::size_t MAX_SIMILAR_BODY_BYTES = stmt::api::MAX_BODY_BYTES;

void write_json(httplib::Response& res, int status, const nlohmann::json& body) {
    note_results(body);  // for the request log
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
}

void write_error(httplib::Response& res, const stmt::Error& error) {
    write_json(res, http_status(error.code), error_body(error));
}

stmt::QueryParameters parameters_of(const httplib::Request& req) {
    stmt::QueryParameters out;
    for (const auto& [name, value] : req.params) out.emplace_back(name, value);
    return out;
}

/// Accepts no parameters at all on endpoints that take none.
bool reject_parameters(const httplib::Request& req, httplib::Response& res) {
    if (req.params.empty()) return false;
    const std::string& name = req.params.begin()->first;
    write_error(res, {stmt::ErrorCode::unknown_parameter, "unknown parameter '" + name + "'", name});
    return true;
}

void get_search(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    const auto request = stmt::parse_search_parameters(parameters_of(req));
    if (!request) return write_error(res, request.error());
    const auto response = searcher.search(*request);
    if (!response) return write_error(res, response.error());
    write_json(res, 200, *response);
}

void get_statement(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    if (reject_parameters(req, res)) return;
    const auto statement = searcher.statement(req.matches[1].str());
    if (!statement) return write_error(res, statement.error());
    write_json(res, 200, *statement);
}

void get_facets(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    if (reject_parameters(req, res)) return;
    write_json(res, 200, searcher.facets());
}

void get_suggest(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    const auto request = stmt::parse_suggest_parameters(parameters_of(req));
    if (!request) return write_error(res, request.error());
    write_json(res, 200, searcher.suggest(*request));
}

void get_health(stmt::Searcher& searcher, const httplib::Request&, httplib::Response& res) {
    const auto health = searcher.health();
    if (!health) return write_error(res, health.error());
    write_json(res, 200, *health);
}

/// Says whether a cacheable answer came from the cache ("hit") or was
/// computed ("miss"); absent when the cache is off.
constexpr const char* CACHE_HEADER = "X-Cache";

using Handler = void (*)(stmt::Searcher&, const httplib::Request&, httplib::Response&);

/// A handler whose answers depend only on the database and the request's
/// path and parameters, answered from the cache when it can be. A cached
/// answer keeps the took_ms of the request that computed it.
httplib::Server::Handler cached(stmt::Searcher& searcher, const std::shared_ptr<stmt::ResultCache>& cache,
                                Handler handler) {
    if (!cache || !cache->enabled())
        return [&searcher, handler](const httplib::Request& req, httplib::Response& res) { handler(searcher, req, res); };
    return [&searcher, cache, handler](const httplib::Request& req, httplib::Response& res) {
        const std::string key = stmt::ResultCache::make_key(searcher.generation_tag(), req.path, parameters_of(req));
        if (const auto hit = cache->find(key)) {
            res.status = hit->status;
            res.set_content(hit->body, hit->content_type);
            res.set_header(CACHE_HEADER, "hit");
            return;
        }
        handler(searcher, req, res);
        res.set_header(CACHE_HEADER, "miss");
        if (res.status < 500) cache->store(key, {res.status, res.body, res.get_header_value("Content-Type")});
    };
}

/// Methods the routes take: all GET, and /api/similar POST too.
constexpr const char* ALLOWED_METHODS = "GET, HEAD, OPTIONS";
constexpr const char* SIMILAR_PATH = "/api/similar";
constexpr const char* SIMILAR_METHODS = "GET, POST, HEAD, OPTIONS";

std::string allowed_methods(const std::string& path) { return path == SIMILAR_PATH ? SIMILAR_METHODS : ALLOWED_METHODS; }

void method_not_allowed(const httplib::Request& req, httplib::Response& res) {
    const std::string allowed = allowed_methods(req.path);
    res.set_header("Allow", allowed);
    write_error(res, {stmt::ErrorCode::method_not_allowed,
                      req.method + " is not allowed on " + req.path + "; use " + allowed, ""});
}

/// The scheme and host permalinks in citations start with: --public-url,
/// else what a proxy forwarded, else the Host the client asked for.
std::string base_url(const HttpOptions& options, const httplib::Request& req) {
    if (!options.public_url.empty()) return options.public_url;
    const std::string proto = req.get_header_value("X-Forwarded-Proto");
    const std::string forwarded_host = req.get_header_value("X-Forwarded-Host");
    const std::string host = !forwarded_host.empty() ? forwarded_host : req.get_header_value("Host");
    return (proto == "https" ? "https://" : "http://") + (host.empty() ? std::string("localhost") : host);
}

void get_cite(stmt::Searcher& searcher, const HttpOptions& options, const httplib::Request& req, httplib::Response& res) {
    const auto request = stmt::parse_cite_parameters(req.matches[1].str(), parameters_of(req));
    if (!request) return write_error(res, request.error());
    const auto citation = searcher.cite(*request, base_url(options, req));
    if (!citation) return write_error(res, citation.error());
    res.set_content(*citation, std::string(stmt::citation_media_type(request->format)));
}

void respond_similar(stmt::Searcher& searcher, const stmt::Expected<stmt::SimilarRequest>& request, httplib::Response& res) {
    if (!request) return write_error(res, request.error());
    const auto response = searcher.similar(*request);
    if (!response) return write_error(res, response.error());
    write_json(res, 200, *response);
}

void get_similar(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    respond_similar(searcher, stmt::parse_similar_parameters(parameters_of(req)), res);
}

void post_similar(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > MAX_SIMILAR_BODY_BYTES)
        return write_error(res, {stmt::ErrorCode::payload_too_large,
                                 "the body is larger than " + std::to_string(MAX_SIMILAR_BODY_BYTES) + " bytes", "body"});
    respond_similar(searcher, stmt::parse_similar_body(req.body), res);
}

void get_timeline(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    const auto request = stmt::parse_search_parameters(parameters_of(req));
    if (!request) return write_error(res, request.error());
    const auto response = searcher.timeline(*request);
    if (!response) return write_error(res, response.error());
    write_json(res, 200, *response);
}

void get_compare(stmt::Searcher& searcher, const httplib::Request& req, httplib::Response& res) {
    const auto request = stmt::parse_compare_parameters(parameters_of(req));
    if (!request) return write_error(res, request.error());
    const auto response = searcher.compare(*request);
    if (!response) return write_error(res, response.error());
    write_json(res, 200, *response);
}

void get_feed(stmt::Searcher& searcher, const HttpOptions& options, const httplib::Request& req, httplib::Response& res) {
    const auto feed = stmt::atom_feed(searcher, parameters_of(req), base_url(options, req));
    if (!feed) return write_error(res, feed.error());
    res.set_content(*feed, stmt::ATOM_CONTENT_TYPE);
}

void get_openapi(const httplib::Request& req, httplib::Response& res) {
    if (reject_parameters(req, res)) return;
    res.set_content(std::string(OPENAPI_DOCUMENT), JSON_TYPE);
}

/// What every route and hook below shares, kept alive by their lambdas.
struct ServerState {
    explicit ServerState(httplib::Server& server, const HttpOptions& options)
        : routes(server), metrics({}, options.cache_counters) {}
    RouteTable routes;
    Metrics metrics;
};

void log_request(ServerState& state, const HttpOptions& options, const httplib::Request& req,
                 const httplib::Response& res) {
    const RequestMeasure measure = finish_request_measure();
    state.metrics.observe(req.method, state.routes.label_of(req.path), res.status, measure.seconds);
    if (!options.log_requests || request_log_level(res.status) < options.log_level) return;
    const std::string line = request_log_line(options.log_format, req, res, measure) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);  // one write per line, so lines of threads never interleave
}

bool is_allowed_origin(const HttpOptions& options, const std::string& origin) {
    for (const auto& allowed : options.cors_origins)
        if (allowed == origin || allowed == "*") return true;
    return false;
}

void add_cors_headers(const HttpOptions& options, const httplib::Request& req, httplib::Response& res) {
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || !is_allowed_origin(options, origin)) return;
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
}

void options_preflight(const HttpOptions& options, const httplib::Request& req, httplib::Response& res) {
    const std::string origin = req.get_header_value("Origin");
    if (!is_allowed_origin(options, origin))
        return write_error(res, {stmt::ErrorCode::origin_not_allowed, "origin '" + origin + "' may not call this API", "Origin"});
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", allowed_methods(req.path));
    res.set_header("Access-Control-Allow-Headers", "Content-Type");
    res.set_header("Access-Control-Max-Age", "600");
}

}  // namespace

void register_routes(httplib::Server& server, stmt::Searcher& searcher, const HttpOptions& options) {
    server.set_payload_max_length(MAX_SIMILAR_BODY_BYTES);
    const auto state = std::make_shared<ServerState>(server, options);
    const auto& cache = options.cache;
    // Every API route goes through the route table: it labels metrics and
    // lists the routes that docs/openapi.json must describe (openapi_test).
    RouteTable& routes = state->routes;
    routes.get("/api/search", cached(searcher, cache, get_search));
    routes.get("/api/statements/{id}", cached(searcher, cache, get_statement));
    routes.get("/api/statements/{id}/cite",
               [&searcher, options](const auto& req, auto& res) { get_cite(searcher, options, req, res); });
    routes.get(SIMILAR_PATH, cached(searcher, cache, get_similar));
    routes.post(SIMILAR_PATH, [&searcher](const auto& req, auto& res) { post_similar(searcher, req, res); });
    routes.get("/api/timeline", cached(searcher, cache, get_timeline));
    routes.get("/api/compare", cached(searcher, cache, get_compare));
    routes.get("/api/facets", cached(searcher, cache, get_facets));
    // Not cached: completing a prefix costs less than building a cache key.
    routes.get("/api/suggest", [&searcher](const auto& req, auto& res) { get_suggest(searcher, req, res); });
    routes.get("/api/health", [&searcher](const auto& req, auto& res) { get_health(searcher, req, res); });
    routes.get("/api/feed.atom", [&searcher, options](const auto& req, auto& res) { get_feed(searcher, options, req, res); });
    routes.get("/api/openapi.json", get_openapi);
    routes.get("/metrics", [&searcher, state](const auto& req, auto& res) {
        if (reject_parameters(req, res)) return;
        res.set_content(state->metrics.render(searcher.status()), METRICS_CONTENT_TYPE);
    });
    std::vector<Metrics::RouteName> names;
    for (const auto& route : routes.routes()) names.push_back({route.method, route.path});
    state->metrics.set_routes(std::move(names));
    server.Get(R"(/api(/.*)?)", [](const auto& req, auto& res) {
        write_error(res, {stmt::ErrorCode::not_found, "no endpoint " + req.path, ""});
    });
    serve_static(server, options.web_dir);  // the page, its assets and widget.js (static_files.h)
    server.Options(R"(.*)", [options](const auto& req, auto& res) { options_preflight(options, req, res); });
    server.Post(R"(.*)", method_not_allowed);
    server.Put(R"(.*)", method_not_allowed);
    server.Patch(R"(.*)", method_not_allowed);
    server.Delete(R"(.*)", method_not_allowed);

    server.set_pre_routing_handler([admit = options.admit](const auto& req, auto& res) {
        start_request_measure();
        if (admit && !admit(req, res)) return httplib::Server::HandlerResponse::Handled;
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_post_routing_handler([options](const auto& req, auto& res) {
        add_cors_headers(options, req, res);
        res.set_header(REQUEST_ID_HEADER, request_id_for(req));
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        // Statuses cpp-httplib sets itself, before any route runs.
        const int status = res.status;
        stmt::ErrorCode code = stmt::ErrorCode::bad_request;
        std::string message = "the HTTP request is malformed (" + std::to_string(status) + ")";
        if (status == 404) {
            code = stmt::ErrorCode::not_found;
            message = "nothing at " + req.path;
        } else if (status == 405) {
            code = stmt::ErrorCode::method_not_allowed;
            message = req.method + " is not allowed; use " + allowed_methods(req.path);
            res.set_header("Allow", allowed_methods(req.path));
        } else if (status == 413) {
            code = stmt::ErrorCode::payload_too_large;
            message = "the request body is too large";
        } else if (status == 414) {
            code = stmt::ErrorCode::bad_request;
            message = "the request URI is too long";
        } else if (status >= 500) {
            code = stmt::ErrorCode::internal_error;
            message = "internal error";
        }
        write_json(res, status, error_body({code, message, ""}));
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr& ep) {
        std::string what = "unexpected error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const Xapian::Error& e) {
            what = e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "searchd: internal error: %s\n", what.c_str());
        write_error(res, {stmt::ErrorCode::internal_error, "internal error", ""});
    });
    server.set_logger([state, options](const auto& req, const auto& res) { log_request(*state, options, req, res); });
}

}  // namespace searchd
