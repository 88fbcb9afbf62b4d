/** @file metrics_test.cc
 *  @brief /metrics as Prometheus scrapes it: the text format, counters by
 *  route template and status that move with requests, latency histograms,
 *  and the database's figures.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <sstream>

namespace stmt_it {
namespace {

std::string scrape(httplib::Client& client) {
    auto result = client.Get("/metrics");
    if (!result) {
        ADD_FAILURE() << "GET /metrics failed";
        return {};
    }
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    return result->body;
}

/// The value of the sample `series` (name with its labels, as written), or
/// nullopt when the scrape has no such line.
std::optional<double> sample(const std::string& text, const std::string& series) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
    return std::nullopt;
}

double count_of(const std::string& text, const std::string& series) { return sample(text, series).value_or(0); }

std::string requests(const std::string& route, int status, const std::string& method = "GET") {
    return "searchd_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" +
           std::to_string(status) + "\"}";
}

TEST(IntegrationMetrics, ScrapeIsWellFormedText) {
    auto client = fixture_server().client();
    const std::string text = scrape(client);
    static const std::regex SAMPLE(R"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? [-+0-9.eEInf]+$)");
    static const std::regex COMMENT(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$)");
    std::istringstream lines(text);
    std::string line;
    int samples = 0;
    while (std::getline(lines, line)) {
        if (line.starts_with("#")) {
            EXPECT_TRUE(std::regex_match(line, COMMENT)) << line;
        } else {
            EXPECT_TRUE(std::regex_match(line, SAMPLE)) << line;
            ++samples;
        }
    }
    EXPECT_GT(samples, 5) << text;
}

TEST(IntegrationMetrics, CountersMoveByRouteTemplateAndStatus) {
    Server server(fixture_library().db());
    auto client = server.client();
    client.set_keep_alive(true);  // one server thread: each request is counted before the next is read
    const std::string before = scrape(client);
    ASSERT_TRUE(client.Get("/api/search?q=civil"));
    ASSERT_TRUE(client.Get("/api/search?q=gender&per_page=2"));
    ASSERT_TRUE(client.Get("/api/statements/coastal-ahc5-international-cooperation"));
    ASSERT_TRUE(client.Get("/api/statements/no-such-statement"));
    ASSERT_TRUE(client.Get("/api/no-such-endpoint"));
    const std::string after = scrape(client);

    EXPECT_EQ(count_of(after, requests("/api/search", 200)) - count_of(before, requests("/api/search", 200)), 2);
    EXPECT_EQ(count_of(after, requests("/api/statements/{id}", 200)), 1);
    EXPECT_EQ(count_of(after, requests("/api/statements/{id}", 404)), 1);
    EXPECT_EQ(count_of(after, requests("(none)", 404)), 1) << "unknown API paths share one label";
    EXPECT_EQ(count_of(after, requests("/metrics", 200)), 1) << "the first scrape is counted in the second";
    EXPECT_EQ(after.find("no-such-statement"), std::string::npos) << "labels are route templates, not paths";

    const std::string histogram = "searchd_http_request_duration_seconds";
    EXPECT_EQ(count_of(after, histogram + "_count{route=\"/api/search\"}"), 2);
    EXPECT_EQ(count_of(after, histogram + "_bucket{route=\"/api/search\",le=\"+Inf\"}"), 2);
    EXPECT_LE(count_of(after, histogram + "_bucket{route=\"/api/search\",le=\"0.001\"}"),
              count_of(after, histogram + "_bucket{route=\"/api/search\",le=\"5\"}"))
        << "buckets are cumulative";
    EXPECT_GT(count_of(after, histogram + "_sum{route=\"/api/search\"}"), 0);
}

TEST(IntegrationMetrics, DatabaseFiguresMatchHealth) {
    auto client = fixture_server().client();
    const std::string text = scrape(client);
    const auto health = fixture_server().get_json("/api/health");
    EXPECT_EQ(sample(text, "searchd_database_statements"), health.at("statements").get<double>());
    EXPECT_EQ(sample(text, "searchd_database_paragraphs"), health.at("paragraphs").get<double>());
    EXPECT_EQ(sample(text, "searchd_database_revision"), health.at("revision").get<double>());
    const auto age = sample(text, "searchd_index_switch_age_seconds");
    ASSERT_TRUE(age) << text;
    EXPECT_GE(*age, 0);
    EXPECT_GT(sample(text, "searchd_index_switch_timestamp_seconds").value_or(0), 1.7e9);
    EXPECT_EQ(sample(text, "searchd_results_cache_connected"), 1) << "searchd runs with its default cache";
    EXPECT_TRUE(sample(text, "searchd_results_cache_hits_total")) << text;
}

TEST(IntegrationMetrics, RouteListNamesEveryApiRoute) {
    auto client = fixture_server().client();
    const std::string text = scrape(client);
    for (const std::string route : {"/api/search", "/api/statements/{id}", "/api/statements/{id}/cite", "/api/similar",
                                    "/api/feed.atom", "/api/openapi.json", "/metrics"})
        EXPECT_EQ(sample(text, "searchd_route_info{method=\"GET\",route=\"" + route + "\"}"), 1) << route;
    EXPECT_EQ(sample(text, "searchd_route_info{method=\"POST\",route=\"/api/similar\"}"), 1);
}

}  // namespace
}  // namespace stmt_it
