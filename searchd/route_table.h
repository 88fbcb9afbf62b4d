/** @file route_table.h
 *  @brief The API's routes as data: each is registered with cpp-httplib and
 *  remembered by its path template, so that metrics label requests by route
 *  and /metrics can list every route (the OpenAPI test compares the list
 *  with docs/openapi.json).
 */
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

namespace searchd {

struct Route {
    std::string method;  ///< "GET", "POST"
    std::string path;    ///< a template as in OpenAPI: "/api/statements/{id}"
    std::regex pattern;  ///< what cpp-httplib matches the path with
};

/// Label of requests that no registered route serves: the page and its
/// assets, and 404s.
inline constexpr const char* STATIC_ROUTE_LABEL = "(static)";
inline constexpr const char* UNKNOWN_ROUTE_LABEL = "(none)";

class RouteTable {
public:
    explicit RouteTable(httplib::Server& server) : server_(server) {}

    /// `{name}` in `path` matches one path segment, captured in req.matches.
    void get(const std::string& path, httplib::Server::Handler handler);
    void post(const std::string& path, httplib::Server::Handler handler);

    const std::vector<Route>& routes() const { return routes_; }

    /// The template of the first route whose pattern matches `path` (the
    /// order cpp-httplib tries them in), else one of the labels above.
    std::string label_of(const std::string& path) const;

private:
    void add(const std::string& method, const std::string& path, httplib::Server::Handler handler);

    httplib::Server& server_;
    std::vector<Route> routes_;
};

}  // namespace searchd
