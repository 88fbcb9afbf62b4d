/** @file route_table.cc
 *  @brief Path templates to cpp-httplib regexes, and back for labels.
 */
#include "route_table.h"

namespace searchd {
namespace {

/// "/api/statements/{id}/cite" -> "/api/statements/([^/]+)/cite"
std::string regex_of(const std::string& path) {
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '{') {
            i = path.find('}', i);
            out += "([^/]+)";
            if (i == std::string::npos) break;
        } else if (std::string_view(".+*?()[]|^$\\").find(c) != std::string_view::npos) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

void RouteTable::get(const std::string& path, httplib::Server::Handler handler) { add("GET", path, std::move(handler)); }

void RouteTable::post(const std::string& path, httplib::Server::Handler handler) {
    add("POST", path, std::move(handler));
}

void RouteTable::add(const std::string& method, const std::string& path, httplib::Server::Handler handler) {
    const std::string pattern = regex_of(path);
    if (method == "POST")
        server_.Post(pattern, std::move(handler));
    else
        server_.Get(pattern, std::move(handler));
    routes_.push_back({method, path, std::regex(pattern)});
}

std::string RouteTable::label_of(const std::string& path) const {
    for (const auto& route : routes_)
        if (std::regex_match(path, route.pattern)) return route.path;
    return path == "/api" || path.starts_with("/api/") ? UNKNOWN_ROUTE_LABEL : STATIC_ROUTE_LABEL;
}

}  // namespace searchd
