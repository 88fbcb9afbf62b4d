/** @file static_files.cc
 *  @brief Loads the web folder into memory once and serves it by exact
 *  URL look-up; see static_files.h for why nothing is read per request.
 */
#include "static_files.h"

#include "error_status.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>

namespace searchd {
namespace {

namespace fs = std::filesystem;

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";
constexpr const char* PAGE_FILE = "/index.html";
constexpr const char* WIDGET_FILE = "/widget.js";

/// Extension -> Content-Type. Types not listed are not served. Text types
/// carry a charset; cpp-httplib compresses text/* and image/svg+xml bodies
/// when the client accepts gzip or br.
struct ContentType {
    std::string_view extension;
    const char* type;
};
constexpr ContentType CONTENT_TYPES[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".woff2", "font/woff2"},
};

const char* content_type_of(const fs::path& path) {
    const std::string extension = path.extension().string();
    for (const auto& entry : CONTENT_TYPES)
        if (entry.extension == extension) return entry.type;
    return nullptr;
}

/// FNV-1a, 64 bits: stable across runs and builds, unlike std::hash.
std::string content_hash(std::string_view data) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : data) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

bool is_hidden(const fs::path& relative) {
    for (const auto& part : relative)
        if (part.string().starts_with('.')) return true;
    return false;
}

/// True when `path` is `root` or lies under it (both canonical).
bool is_within(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p)
        if (p == path.end() || *p != *r) return false;
    return true;
}

std::optional<std::string> read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    return std::move(body).str();
}

void skip(const fs::path& path, const char* why) {
    std::fprintf(stderr, "searchd: web: not serving %s: %s\n", path.string().c_str(), why);
}

void write_not_found(httplib::Response& res, const std::string& message) {
    const stmt::Error error{stmt::ErrorCode::not_found, message, ""};
    res.status = http_status(error.code);
    res.set_content(error_body(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
}

/// Answers with the file, or a bodiless 304 when the client has it already.
void write_file(const StaticFile& file, const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", file.etag);
    res.set_header("Cache-Control", file.cache_control);
    res.set_header("Vary", "Accept-Encoding");
    if (file.cache_control == WIDGET_CACHE_CONTROL) res.set_header("Cross-Origin-Resource-Policy", "cross-origin");
    if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), file.etag)) {
        res.status = 304;
        return;
    }
    res.set_content(file.body, file.content_type);
}

}  // namespace

std::map<std::string, StaticFile> load_web_files(const fs::path& web_dir) {
    std::map<std::string, StaticFile> files;
    std::error_code ec;
    if (web_dir.empty() || !fs::is_directory(web_dir, ec)) return files;
    const fs::path root = fs::canonical(web_dir, ec);
    if (ec) return files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(root);
        if (is_hidden(relative)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        std::error_code file_ec;
        if (!it->is_regular_file(file_ec) && !it->is_symlink(file_ec)) continue;
        const fs::path real = fs::canonical(it->path(), file_ec);
        if (file_ec) {
            skip(relative, "a broken link");
            continue;
        }
        if (!is_within(real, root)) {
            skip(relative, "it leads outside the web folder");
            continue;
        }
        if (!fs::is_regular_file(real, file_ec)) continue;
        const char* type = content_type_of(real);
        if (!type) {
            skip(relative, "unknown file type");
            continue;
        }
        if (fs::file_size(real, file_ec) > MAX_STATIC_FILE_BYTES) {
            skip(relative, "too large");
            continue;
        }
        auto body = read_whole(real);
        if (!body) {
            skip(relative, "unreadable");
            continue;
        }
        const std::string url = "/" + relative.generic_string();
        StaticFile file;
        file.etag = "W/\"" + content_hash(*body) + "\"";
        file.body = std::move(*body);
        file.content_type = type;
        file.cache_control = url == WIDGET_FILE ? WIDGET_CACHE_CONTROL : PAGE_CACHE_CONTROL;
        files.emplace(url, std::move(file));
    }
    return files;
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    const auto opaque = [](std::string_view tag) {
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        return tag;
    };
    const std::string_view wanted = opaque(etag);
    std::string_view rest = if_none_match;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (item == "*" || opaque(item) == wanted) return true;
    }
    return false;
}

void serve_static(httplib::Server& server, const fs::path& web_dir) {
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", REFERRER_POLICY},
                                {"Content-Security-Policy", CONTENT_SECURITY_POLICY}});

    // Shared by the handlers, which only read it.
    const auto files = std::make_shared<const std::map<std::string, StaticFile>>(load_web_files(web_dir));

    // The page is one document; /statements/{id} and /similar are views of it.
    server.Get(R"(/|/statements/[^/]+|/similar)", [files](const httplib::Request& req, httplib::Response& res) {
        const auto page = files->find(PAGE_FILE);
        if (page == files->end()) return write_not_found(res, "the web page is not installed");
        write_file(page->second, req, res);
    });
    // Anything else outside /api/: an exact look-up, never a file-system path.
    server.Get(R"(/(?!api(?:/|$)).*)", [files](const httplib::Request& req, httplib::Response& res) {
        const auto file = files->find(req.path);
        if (file == files->end()) return write_not_found(res, "nothing at " + req.path);
        write_file(file->second, req, res);
    });
}

}  // namespace searchd
