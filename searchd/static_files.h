/** @file static_files.h
 *  @brief The search page, its assets and the embeddable widget, served
 *  from memory with content types, ETags, caching and security headers.
 *
 *  Every file under the web folder is read once at start-up into a table
 *  keyed by its URL path; a request is answered only by an exact look-up in
 *  that table, so no request path ever reaches the file system (`../`,
 *  encoded or not, absolute paths and symlinks that lead out of the folder
 *  find nothing and get a 404 JSON error).
 */
#pragma once

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace searchd {

/// The policy the page and the widget satisfy: no inline script or style,
/// API calls to the same origin only.
inline constexpr const char* CONTENT_SECURITY_POLICY =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'self'";
inline constexpr const char* REFERRER_POLICY = "strict-origin-when-cross-origin";

/// The page and its assets: browsers keep them but ask again each time
/// (a 304 when unchanged), so a new release is seen at once.
inline constexpr const char* PAGE_CACHE_CONTROL = "no-cache";
/// widget.js is loaded by other sites on every page view: cached a while.
inline constexpr const char* WIDGET_CACHE_CONTROL = "public, max-age=600";
/// Files larger than this are not served (the web folder holds small files).
inline constexpr std::uintmax_t MAX_STATIC_FILE_BYTES = std::uintmax_t{4} * 1024 * 1024;

struct StaticFile {
    std::string body;
    std::string content_type;
    std::string etag;           ///< weak, from a hash of the content: W/"..."
    std::string cache_control;
};

/// URL path ("/app.js", "/images/x.png") -> file. Hidden files, files of
/// unknown type and anything whose real path is outside `web_dir` are left
/// out (each noted on standard error). Empty when `web_dir` is no folder.
std::map<std::string, StaticFile> load_web_files(const std::filesystem::path& web_dir);

/// True when an If-None-Match header value names `etag` (or is `*`);
/// weak and strong forms compare equal.
bool etag_matches(const std::string& if_none_match, const std::string& etag);

/// Sets the headers every response carries (nosniff, Referrer-Policy,
/// Content-Security-Policy) and registers GET handlers for the page (`/`,
/// `/statements/{id}`, `/similar`) and for every file under `web_dir`.
/// Paths under /api/ are left to the API routes.
void serve_static(httplib::Server& server, const std::filesystem::path& web_dir);

}  // namespace searchd
