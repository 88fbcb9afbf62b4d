/** @file web_test.cc
 *  @brief The web page and its assets, served by searchd next to the API.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

std::string content_type(const httplib::Result& response) { return response->get_header_value("Content-Type"); }

TEST(IntegrationWeb, RootServesTheSearchPage) {
    const auto response = fixture_server().client().Get("/");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(content_type(response).starts_with("text/html")) << content_type(response);
    EXPECT_NE(response->body.find("id=\"q\""), std::string::npos) << "the search box";
    EXPECT_EQ(response->body, read_file(WEB_DIR / "index.html"));
}

TEST(IntegrationWeb, ScriptIsServedAsJavaScript) {
    const auto response = fixture_server().client().Get("/app.js");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    const std::string type = content_type(response);
    EXPECT_TRUE(type.starts_with("text/javascript") || type.starts_with("application/javascript")) << type;
    EXPECT_EQ(response->body, read_file(WEB_DIR / "app.js"));
}

TEST(IntegrationWeb, StylesheetIsServedAsCss) {
    const auto response = fixture_server().client().Get("/style.css");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(content_type(response).starts_with("text/css")) << content_type(response);
}

TEST(IntegrationWeb, StatementUrlServesTheSamePage) {
    // Search results link to /statements/{id}; the page itself shows it.
    auto client = fixture_server().client();
    const auto page = client.Get("/");
    const auto statement = client.Get("/statements/seed-alliance-ahc5");
    ASSERT_TRUE(page);
    ASSERT_TRUE(statement);
    EXPECT_EQ(statement->status, 200);
    EXPECT_TRUE(content_type(statement).starts_with("text/html")) << content_type(statement);
    EXPECT_EQ(statement->body, page->body);
}

TEST(IntegrationWeb, SearchResultUrlsLeadToThePage) {
    const auto results = fixture_server().get_json(search_path({{"q", "civil society"}})).at("results");
    ASSERT_FALSE(results.empty());
    const auto page = fixture_server().client().Get(results[0].at("url").get<std::string>().c_str());
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_TRUE(content_type(page).starts_with("text/html"));
}

}  // namespace
}  // namespace stmt_it
