/** @file errors_test.cc
 *  @brief Every error is a status plus the whole body
 *  {"error": {"code", "message", "parameter"}}, and /api never answers HTML.
 *  Messages are those of core/src/search_params.cc, query_builder.cc,
 *  searcher.cc and searchd/http_api.cc.
 */
#include "server_support.h"

#include <gtest/gtest.h>

namespace stmt_it {
namespace {

nlohmann::json error_body(const std::string& code, const std::string& message, const char* parameter) {
    return {{"error",
             {{"code", code},
              {"message", message},
              {"parameter", parameter ? nlohmann::json(parameter) : nlohmann::json(nullptr)}}}};
}

struct ErrorCase {
    std::string path;
    int status;
    nlohmann::json body;
};

void expect_error(const ErrorCase& c) {
    SCOPED_TRACE("GET " + c.path);
    const auto body = fixture_server().get_json(c.path, c.status);
    EXPECT_EQ(body, c.body);
}

const std::string PER_PAGE_MESSAGE = "'per_page' must be a whole number from 1 to 100";

TEST(IntegrationErrors, BadPagingParameters) {
    const auto per_page = error_body("invalid_parameter", PER_PAGE_MESSAGE, "per_page");
    expect_error({"/api/search?per_page=0", 400, per_page});
    expect_error({"/api/search?per_page=abc", 400, per_page});
    expect_error({"/api/search?per_page=101", 400, per_page});
    expect_error({"/api/search?per_page=5x", 400, per_page});
    expect_error({"/api/search?page=0", 400,
                  error_body("invalid_parameter", "'page' must be a whole number from 1", "page")});
    expect_error({"/api/search?page=-1", 400,
                  error_body("invalid_parameter", "'page' must be a whole number from 1", "page")});
    expect_error({"/api/search?page=999999999", 400,
                  error_body("page_out_of_range",
                             "page * per_page may not exceed 10000; narrow the search instead of paging deeper", "page")});
}

TEST(IntegrationErrors, UnknownFilterValues) {
    expect_error({"/api/search?session=ahc-99", 400,
                  error_body("unknown_filter_value", "unknown session 'ahc-99'", "session")});
    expect_error({"/api/search?chapter=chapter-twelve", 400,
                  error_body("unknown_filter_value", "unknown chapter 'chapter-twelve'", "chapter")});
    expect_error({"/api/search?q=session:ahc-99", 400,
                  error_body("unknown_filter_value", "unknown filter value 'session:ahc-99' in the query", "q")});
}

TEST(IntegrationErrors, BadViewSortAndDates) {
    expect_error({"/api/search?view=x", 400,
                  error_body("invalid_parameter", "'view' must be 'statements' or 'passages'", "view")});
    expect_error({"/api/search?sort=x", 400,
                  error_body("invalid_parameter", "'sort' must be 'relevance', 'date' or '-date'", "sort")});
    expect_error({"/api/search?date_from=2023-13-45", 400,
                  error_body("invalid_parameter", "'date_from' must be a date written YYYY-MM-DD", "date_from")});
    expect_error({"/api/search?date_to=12%2F01%2F2023", 400,
                  error_body("invalid_parameter", "'date_to' must be a date written YYYY-MM-DD", "date_to")});
    expect_error({"/api/search?date_from=2024-01-01&date_to=2023-01-01", 400,
                  error_body("invalid_parameter", "'date_from' is after 'date_to'", "date_from")});
}

TEST(IntegrationErrors, UnknownParameters) {
    expect_error({"/api/search?foo=1", 400, error_body("unknown_parameter", "unknown parameter 'foo'", "foo")});
    expect_error({"/api/statements/seed-alliance-ahc5?x=1", 400,
                  error_body("unknown_parameter", "unknown parameter 'x'", "x")});
    expect_error({"/api/facets?x=1", 400, error_body("unknown_parameter", "unknown parameter 'x'", "x")});
}

TEST(IntegrationErrors, QueryTooLongOrNotUtf8) {
    expect_error({search_path({{"q", std::string(2000, 'a')}}), 400,
                  error_body("invalid_parameter", "the query is longer than 1000 bytes", "q")});
    expect_error({"/api/search?q=%FF", 400, error_body("invalid_parameter", "'q' is not valid UTF-8", "q")});
    expect_error({"/api/search?q=caf%C3", 400, error_body("invalid_parameter", "'q' is not valid UTF-8", "q")});
    // 1000 bytes is still allowed.
    (void)fixture_server().get_json(search_path({{"q", std::string(1000, 'a')}}), 200);
}

TEST(IntegrationErrors, TooManyFilterValues) {
    // Distinct values: cpp-httplib drops repeated identical name=value pairs.
    // The count is checked before values are resolved, so made-up ones do.
    Params params;
    for (int i = 0; i < 51; ++i) params.emplace_back("session", "s" + std::to_string(i));
    expect_error({search_path(params), 400, error_body("invalid_parameter", "more than 50 filter values", "session")});
}

TEST(IntegrationErrors, UnparsableQuery) {
    const auto body = fixture_server().get_json("/api/search?q=AND", 400);
    EXPECT_EQ(body.at("error").at("code"), "malformed_query");
    EXPECT_EQ(body.at("error").at("parameter"), "q");
    EXPECT_TRUE(body.at("error").at("message").get<std::string>().starts_with("the query cannot be parsed"));
}

TEST(IntegrationErrors, NotFound) {
    expect_error({"/api/statements/nope", 404,
                  error_body("statement_not_found", "no statement with id 'nope'", "id")});
    expect_error({"/api/nope", 404, error_body("not_found", "no endpoint /api/nope", nullptr)});
    expect_error({"/nope", 404, error_body("not_found", "nothing at /nope", nullptr)});
}

TEST(IntegrationErrors, OtherMethodsAreNotAllowed) {
    auto client = fixture_server().client();
    const auto post = client.Post("/api/search", "", "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_TRUE(post->get_header_value("Content-Type").starts_with("application/json"));
    EXPECT_EQ(nlohmann::json::parse(post->body, nullptr, false),
              error_body("method_not_allowed", "POST is not allowed on /api/search; use GET, HEAD, OPTIONS", nullptr));
    const auto del = client.Delete("/api/health");
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 405);
    EXPECT_EQ(nlohmann::json::parse(del->body, nullptr, false),
              error_body("method_not_allowed", "DELETE is not allowed on /api/health; use GET, HEAD, OPTIONS", nullptr));
}

// RFC 9110 section 15.5.6: "The origin server MUST generate an Allow header
// field in a 405 response containing a list of the target resource's
// currently supported methods."
TEST(IntegrationErrors, MethodNotAllowedNamesTheAllowedMethods) {
    auto client = fixture_server().client();
    const auto post = client.Post("/api/search", "", "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_TRUE(post->has_header("Allow"));
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD, OPTIONS");
}

TEST(IntegrationErrors, ApiPathsNeverAnswerHtml) {
    auto client = fixture_server().client();
    for (const std::string path :
         {"/api", "/api/", "/api/nope", "/api/search/", "/api//search", "/api/health/", "/api/statements/",
          "/api/statements/a/b", "/api/statements/%FF", "/api/statements/seed-alliance-ahc5/", "/api/../index.html",
          "/api/%2e%2e/index.html", "/api/index.html", "/api/app.js", "/api/search?%FF=1", "/api/search?q=%00",
          "/api/statements/..%2F..%2Fetc%2Fpasswd"}) {
        SCOPED_TRACE(path);
        const auto response = client.Get(path.c_str());
        ASSERT_TRUE(response);
        EXPECT_TRUE(response->get_header_value("Content-Type").starts_with("application/json"))
            << response->get_header_value("Content-Type");
        EXPECT_EQ(response->body.find("<html"), std::string::npos);
        const auto body = nlohmann::json::parse(response->body, nullptr, false);
        ASSERT_FALSE(body.is_discarded()) << response->body;
        if (response->status >= 400) {
            EXPECT_TRUE(body.contains("error")) << response->body;
        }
    }
}

}  // namespace
}  // namespace stmt_it
