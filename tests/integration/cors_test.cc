/** @file cors_test.cc
 *  @brief Cross-origin access: only the origins given with --cors may read
 *  API responses from a browser.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

const std::string ALLOWED = "http://127.0.0.1:9999";
const std::string EVIL = "http://evil.example";

/// A second searchd on the fixture database, started with --cors ALLOWED.
class IntegrationCors : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = new Server(fixture_library().db(), ServerOptions{{ALLOWED}}); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static httplib::Result get(const std::string& path, const std::string& origin) {
        httplib::Headers headers;
        if (!origin.empty()) headers.emplace("Origin", origin);
        return server_->client().Get(path.c_str(), headers);
    }

    static Server* server_;
};

Server* IntegrationCors::server_ = nullptr;

TEST_F(IntegrationCors, AllowedOriginIsEchoed) {
    for (const std::string path : {"/api/search?q=civil", "/api/health", "/api/statements/seed-alliance-ahc5"}) {
        SCOPED_TRACE(path);
        const auto response = get(path, ALLOWED);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200);
        EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), ALLOWED);
        // Caches must not hand this answer to another origin.
        EXPECT_NE(response->get_header_value("Vary").find("Origin"), std::string::npos);
    }
}

TEST_F(IntegrationCors, ErrorsAreReadableByTheAllowedOriginToo) {
    const auto response = get("/api/search?foo=1", ALLOWED);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400);
    EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), ALLOWED);
}

TEST_F(IntegrationCors, OtherOriginGetsNoAllowHeader) {
    const auto response = get("/api/search?q=civil", EVIL);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_FALSE(response->has_header("Access-Control-Allow-Origin"))
        << response->get_header_value("Access-Control-Allow-Origin");
}

TEST_F(IntegrationCors, NoOriginNoAllowHeader) {
    const auto response = get("/api/search?q=civil", "");
    ASSERT_TRUE(response);
    EXPECT_FALSE(response->has_header("Access-Control-Allow-Origin"));
}

TEST_F(IntegrationCors, PreflightIsAnsweredOnlyForTheAllowedOrigin) {
    auto client = server_->client();
    const auto allowed = client.Options("/api/search", {{"Origin", ALLOWED}, {"Access-Control-Request-Method", "GET"}});
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed->status, 204);
    EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), ALLOWED);
    EXPECT_NE(allowed->get_header_value("Access-Control-Allow-Methods").find("GET"), std::string::npos);

    const auto refused = client.Options("/api/search", {{"Origin", EVIL}, {"Access-Control-Request-Method", "GET"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_EQ(nlohmann::json::parse(refused->body, nullptr, false)["error"]["code"], "origin_not_allowed");
    EXPECT_FALSE(refused->has_header("Access-Control-Allow-Origin"));
}

TEST_F(IntegrationCors, ServerWithoutCorsAllowsNoOrigin) {
    httplib::Headers headers{{"Origin", ALLOWED}};
    const auto response = fixture_server().client().Get("/api/search?q=civil", headers);
    ASSERT_TRUE(response);
    EXPECT_FALSE(response->has_header("Access-Control-Allow-Origin"));
}

}  // namespace
}  // namespace stmt_it
