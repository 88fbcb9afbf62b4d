/** @file limits_test.cc
 *  @brief Hostile input at the HTTP door: every limit of docs/api.md
 *  ("Limits") answers with a 4xx and the JSON error body naming it, never
 *  a slow answer or a crash, and with the security headers as well.
 *  Limits tested elsewhere: per_page and deep paging, query bytes and
 *  filter values (errors_test.cc), POST body bytes (research_test.cc).
 */
#include "server_support.h"

#include "stmtlib/api_parameters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt_it {
namespace {

/// `count` words that no dictionary has, all starting with `stem`.
std::string made_up_words(const std::string& stem, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "%03d", i);
        out += (i ? " " : "") + stem + number;
    }
    return out;
}

/// A library with one synthetic statement holding 150 made-up words that
/// share a stem, so that a wildcard's expansion is known exactly.
class IntegrationLimits : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        library_ = new SyntheticLibrary(
            {{"wordlist.txt",
              "Statement by the Birch Data Council at AHC 5\n\n"
              "We list these words for a test of wildcards: " + made_up_words("zqx", 150) + ".\n\n"
              "(Synthetic statement written for the Statement Library tests; not a real statement.)\n"}});
    }
    static void TearDownTestSuite() { delete library_; }
    static Server& server() { return library_->server(); }
    static void expect_limit(const httplib::Result& res, int status, const std::string& code,
                             const std::string& message, const char* parameter) {
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, status);
        EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("application/json")) << res->body;
        EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
        EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
        const auto body = nlohmann::json::parse(res->body, nullptr, false);
        ASSERT_FALSE(body.is_discarded()) << res->body;
        EXPECT_EQ(body["error"]["code"], code) << res->body;
        EXPECT_EQ(body["error"]["message"], message) << res->body;
        EXPECT_EQ(body["error"]["parameter"], parameter ? nlohmann::json(parameter) : nlohmann::json(nullptr));
    }
    static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
        return server().client().Get(path.c_str(), headers);
    }
    static SyntheticLibrary* library_;
};
SyntheticLibrary* IntegrationLimits::library_ = nullptr;

TEST_F(IntegrationLimits, QueryTermCount) {
    static_assert(stmt::api::MAX_QUERY_TERMS == 64, "docs/api.md gives the value");
    expect_limit(get(search_path({{"q", made_up_words("w", 65)}})), 400, "invalid_parameter",
                 "the query has more than 64 terms", "q");
    // A phrase counts each of its words.
    expect_limit(get(search_path({{"q", "\"" + made_up_words("w", 65) + "\""}})), 400, "invalid_parameter",
                 "the query has more than 64 terms", "q");
    (void)server().get_json(search_path({{"q", made_up_words("w", 64)}}), 200);
}

TEST_F(IntegrationLimits, WildcardExpansion) {
    static_assert(stmt::api::MAX_WILDCARD_EXPANSION == 100, "docs/api.md gives the value");
    const std::string message = "a wildcard in the query stands for more than 100 words; type more letters before the *";
    expect_limit(get(search_path({{"q", "zqx*"}})), 400, "invalid_parameter", message, "q");
    expect_limit(get(search_path({{"q", "zqx* AND zqx00*"}})), 400, "invalid_parameter", message, "q");
    // The same refusal in every view and endpoint that takes a query.
    expect_limit(get(search_path({{"q", "zqx*"}, {"view", "passages"}})), 400, "invalid_parameter", message, "q");
    expect_limit(get("/api/timeline?q=zqx*"), 400, "invalid_parameter", message, "q");
    // zqx0* stands for the 100 words zqx000 to zqx099: at the limit, searched.
    const auto at_limit = server().get_json(search_path({{"q", "zqx0*"}}), 200);
    EXPECT_EQ(at_limit.at("total"), 1);
    const auto narrow = server().get_json(search_path({{"q", "zqx14*"}}), 200);
    EXPECT_EQ(narrow.at("total"), 1);
}

TEST_F(IntegrationLimits, ManyTermsAndWildcardsAtTheirLimitsStillAnswer) {
    // The heaviest query the limits let through is answered, not refused
    // or failed: 64 terms, with wildcards each at the limit.
    std::string q;
    for (int i = 0; i < 32; ++i) q += (i ? " OR zqx0* OR zqx" : "zqx0* OR zqx") + std::to_string(100 + i);
    const auto body = server().get_json(search_path({{"q", q}}), 200);
    EXPECT_EQ(body.at("total"), 1);
}

TEST_F(IntegrationLimits, UriLongerThanTheServerReads) {
    // cpp-httplib (Debian's shared library) reads at most 8192 bytes of
    // request line; the answer is 414 with our body.
    const std::string path = "/api/search?q=" + std::string(9000, 'a');
    expect_limit(get(path), 414, "bad_request", "the request URI is too long", nullptr);
    const std::string static_path = "/" + std::string(9000, 'b') + ".js";
    expect_limit(get(static_path), 414, "bad_request", "the request URI is too long", nullptr);
}

TEST_F(IntegrationLimits, HeaderLongerThanTheServerReads) {
    const auto res = get("/api/health", {{"X-Padding", std::string(9000, 'h')}});
    expect_limit(res, 400, "bad_request", "the HTTP request is malformed (400)", nullptr);
    // A long header within the limit is fine.
    const auto fine = get("/api/health", {{"X-Padding", std::string(4000, 'h')}});
    ASSERT_TRUE(fine);
    EXPECT_EQ(fine->status, 200);
}

TEST_F(IntegrationLimits, BodyOverTheLimitOnAnyPost) {
    static_assert(stmt::api::MAX_BODY_BYTES == 64 * 1024, "docs/api.md gives the value");
    const std::string body(stmt::api::MAX_BODY_BYTES + 1, 'x');
    const auto similar = server().client().Post("/api/similar", body, "application/json");
    ASSERT_TRUE(similar);
    EXPECT_EQ(similar->status, 413);
    EXPECT_EQ(nlohmann::json::parse(similar->body, nullptr, false)["error"]["code"], "payload_too_large");
    // Paths that take no POST refuse the body too, and say so in JSON.
    const auto elsewhere = server().client().Post("/api/search", body, "application/json");
    ASSERT_TRUE(elsewhere);
    EXPECT_GE(elsewhere->status, 400);
    EXPECT_LT(elsewhere->status, 500);
    EXPECT_FALSE(nlohmann::json::parse(elsewhere->body, nullptr, false).is_discarded()) << elsewhere->body;
}

TEST_F(IntegrationLimits, RepeatedFilterParametersCountTogether) {
    static_assert(stmt::api::MAX_FILTER_VALUES == 50, "docs/api.md gives the value");
    Params params;
    for (int i = 0; i < 26; ++i) params.emplace_back("theme", "t" + std::to_string(i));
    for (int i = 0; i < 25; ++i) params.emplace_back("organization", "o" + std::to_string(i));
    // cpp-httplib hands the parameters over ordered by name, so the 51st
    // value counted is the last theme.
    expect_limit(get(search_path(params)), 400, "invalid_parameter", "more than 50 filter values", "theme");
}

TEST_F(IntegrationLimits, SecurityHeadersOnAnswersTheRoutesDoNotWrite) {
    // Errors cpp-httplib and the catch-all routes make, not only the pages
    // and API answers IntegrationStaticFiles.SecurityHeadersOnEveryResponse covers.
    auto client = server().client();
    std::vector<std::pair<std::string, httplib::Result>> answers;
    answers.emplace_back("POST /api/search", client.Post("/api/search", "{}", "application/json"));
    answers.emplace_back("DELETE /", client.Delete("/"));
    answers.emplace_back("OPTIONS refused", client.Options("/api/search", {{"Origin", "https://elsewhere.example"}}));
    answers.emplace_back("POST too large", client.Post("/api/similar", std::string(stmt::api::MAX_BODY_BYTES + 1, 'x'),
                                                       "application/json"));
    answers.emplace_back("URI too long", client.Get(("/" + std::string(9000, 'u')).c_str()));
    for (const auto& [what, res] : answers) {
        SCOPED_TRACE(what);
        ASSERT_TRUE(res);
        EXPECT_GE(res->status, 400);
        EXPECT_LT(res->status, 500);
        EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(res->get_header_value("Referrer-Policy"), "strict-origin-when-cross-origin");
        EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors"), std::string::npos);
        EXPECT_FALSE(nlohmann::json::parse(res->body, nullptr, false).is_discarded()) << res->body;
    }
}

}  // namespace
}  // namespace stmt_it
