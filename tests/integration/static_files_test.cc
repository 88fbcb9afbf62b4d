/** @file static_files_test.cc
 *  @brief How searchd serves the page, its assets and widget.js: content
 *  types, compression, ETags and 304s, caching and security headers, and
 *  that no request reads a file outside the web folder.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt_it {
namespace {

const std::string CSP =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

/// A client that shows bodies exactly as sent (no transparent gunzip).
httplib::Client raw_client(const Server& server) {
    auto client = server.client();
    client.set_decompress(false);
    return client;
}

httplib::Result get(const Server& server, const std::string& path, const httplib::Headers& headers = {}) {
    return raw_client(server).Get(path.c_str(), headers);
}

void expect_not_found_json(const httplib::Result& response, const std::string& path) {
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_TRUE(response->get_header_value("Content-Type").starts_with("application/json")) << path;
    const auto body = nlohmann::json::parse(response->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << path << ": " << response->body;
    EXPECT_EQ(body["error"]["code"], "not_found") << path;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << path;
}

TEST(IntegrationStaticFiles, EachAssetHasItsContentType) {
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"/", "text/html; charset=utf-8"},
        {"/statements/seed-alliance-ahc5", "text/html; charset=utf-8"},
        {"/similar", "text/html; charset=utf-8"},
        {"/app.js", "text/javascript; charset=utf-8"},
        {"/widget.js", "text/javascript; charset=utf-8"},
        {"/style.css", "text/css; charset=utf-8"},
    };
    for (const auto& [path, type] : expected) {
        const auto response = get(fixture_server(), path);
        ASSERT_TRUE(response) << path;
        EXPECT_EQ(response->status, 200) << path;
        EXPECT_EQ(response->get_header_value("Content-Type"), type) << path;
    }
}

TEST(IntegrationStaticFiles, WidgetIsServedVerbatim) {
    const auto response = get(fixture_server(), "/widget.js");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, read_file(WEB_DIR / "widget.js"));
}

TEST(IntegrationStaticFiles, GzipOnlyWhenTheClientAcceptsIt) {
    const auto plain = get(fixture_server(), "/app.js", {{"Accept-Encoding", "identity"}});
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_EQ(plain->body, read_file(WEB_DIR / "app.js"));

    const auto gzipped = get(fixture_server(), "/app.js", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(gzipped);
    EXPECT_EQ(gzipped->status, 200);
    EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_LT(gzipped->body.size(), plain->body.size());
    EXPECT_NE(gzipped->get_header_value("Vary").find("Accept-Encoding"), std::string::npos);

    // The transparent client gets the file back intact.
    const auto decoded = fixture_server().client().Get("/app.js", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->body, plain->body);
}

TEST(IntegrationStaticFiles, EtagRevalidationAnswers304) {
    for (const std::string path : {"/", "/app.js", "/style.css", "/widget.js", "/statements/seed-alliance-ahc5"}) {
        SCOPED_TRACE(path);
        const auto first = get(fixture_server(), path);
        ASSERT_TRUE(first);
        const std::string etag = first->get_header_value("ETag");
        ASSERT_FALSE(etag.empty());
        EXPECT_FALSE(first->get_header_value("Cache-Control").empty());

        const auto again = get(fixture_server(), path, {{"If-None-Match", etag}});
        ASSERT_TRUE(again);
        EXPECT_EQ(again->status, 304);
        EXPECT_TRUE(again->body.empty());
        EXPECT_EQ(again->get_header_value("ETag"), etag);

        const auto listed = get(fixture_server(), path, {{"If-None-Match", "\"other\", " + etag}});
        ASSERT_TRUE(listed);
        EXPECT_EQ(listed->status, 304);

        const auto stale = get(fixture_server(), path, {{"If-None-Match", "W/\"0000000000000000\""}});
        ASSERT_TRUE(stale);
        EXPECT_EQ(stale->status, 200);
        EXPECT_FALSE(stale->body.empty());
    }
}

TEST(IntegrationStaticFiles, DifferentFilesHaveDifferentEtags) {
    const auto page = get(fixture_server(), "/");
    const auto script = get(fixture_server(), "/app.js");
    ASSERT_TRUE(page);
    ASSERT_TRUE(script);
    EXPECT_NE(page->get_header_value("ETag"), script->get_header_value("ETag"));
}

TEST(IntegrationStaticFiles, CacheControl) {
    const auto page = get(fixture_server(), "/");
    const auto widget = get(fixture_server(), "/widget.js");
    ASSERT_TRUE(page);
    ASSERT_TRUE(widget);
    EXPECT_EQ(page->get_header_value("Cache-Control"), "no-cache");
    EXPECT_EQ(widget->get_header_value("Cache-Control"), "public, max-age=600");
    // Any site may include the widget, even one that requires CORP.
    EXPECT_EQ(widget->get_header_value("Cross-Origin-Resource-Policy"), "cross-origin");
}

TEST(IntegrationStaticFiles, SecurityHeadersOnEveryResponse) {
    for (const std::string path : {"/", "/app.js", "/widget.js", "/api/health", "/api/search?q=civil",
                                   "/api/search?per_page=0", "/api/nothing", "/no-such-file.js"}) {
        SCOPED_TRACE(path);
        const auto response = get(fixture_server(), path);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(response->get_header_value("Referrer-Policy"), "strict-origin-when-cross-origin");
        EXPECT_EQ(response->get_header_value("Content-Security-Policy"), CSP);
    }
}

TEST(IntegrationStaticFiles, HeadAnswersWithoutBody) {
    auto client = raw_client(fixture_server());
    const auto response = client.Head("/style.css");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(response->body.empty());
    EXPECT_TRUE(response->get_header_value("Content-Type").starts_with("text/css"));
}

TEST(IntegrationStaticFiles, NothingOutsideTheWebFolder) {
    const std::vector<std::string> paths = {
        "/../etc/passwd",
        "/../../../../../../etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/%c0%ae%c0%ae/etc/passwd",
        "//etc/passwd",
        "/etc/passwd",
        "/statements/../../etc/passwd",
        "/.%2e/CMakeLists.txt",
        "/../CMakeLists.txt",
        "/..\\..\\etc\\passwd",
        "/app.js/../../README.md",
        "/.hidden",
    };
    for (const auto& path : paths) expect_not_found_json(get(fixture_server(), path), path);
}

TEST(IntegrationStaticFiles, SymlinksLeadingOutAreNotServed) {
    TempDir dir;
    const fs::path web = dir / "web";
    fs::create_directories(web / "images");
    write_file(dir / "secret.txt", "root:secret outside the web folder\n");
    write_file(web / "index.html", "<!doctype html><title>t</title>");
    write_file(web / "inside.txt", "inside\n");
    write_file(web / "images" / "nested.txt", "nested\n");
    fs::create_symlink(dir / "secret.txt", web / "leak.txt");
    fs::create_symlink(dir.path(), web / "up");
    fs::create_symlink(web / "inside.txt", web / "alias.txt");  // stays inside: served

    Server server(fixture_library().db(), ServerOptions{{}, web});
    for (const std::string path : {"/leak.txt", "/up/secret.txt", "/up/web/inside.txt"})
        expect_not_found_json(get(server, path), path);

    for (const std::string path : {"/inside.txt", "/alias.txt"}) {
        const auto response = get(server, path);
        ASSERT_TRUE(response) << path;
        EXPECT_EQ(response->status, 200) << path;
        EXPECT_EQ(response->body, "inside\n") << path;
    }
    const auto nested = get(server, "/images/nested.txt");
    ASSERT_TRUE(nested);
    EXPECT_EQ(nested->status, 200);
}

TEST(IntegrationStaticFiles, MissingWebFolderServesOnlyTheApi) {
    TempDir dir;
    Server server(fixture_library().db(), ServerOptions{{}, dir / "absent"});
    expect_not_found_json(get(server, "/"), "/");
    expect_not_found_json(get(server, "/app.js"), "/app.js");
    const auto health = get(server, "/api/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace stmt_it
