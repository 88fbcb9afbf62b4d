/** @file request_log_test.cc
 *  @brief X-Request-Id on every response, and one log line per request, as
 *  text or JSON lines, filtered by level; the indexer's skipped files in
 *  the same format.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace stmt_it {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    return lines;
}

bool is_generated_id(const std::string& id) {
    static const std::regex HEX32("[0-9a-f]{32}");
    return std::regex_match(id, HEX32);
}

std::string request_id(const Server& server, const std::string& path, const httplib::Headers& headers = {}) {
    auto result = server.client().Get(path.c_str(), headers);
    if (!result) {
        ADD_FAILURE() << "GET " << path << " failed";
        return {};
    }
    return result->get_header_value("X-Request-Id");
}

TEST(IntegrationRequestLog, EveryResponseCarriesARequestId) {
    const Server& server = fixture_server();
    EXPECT_EQ(request_id(server, "/api/search?q=civil", {{"X-Request-Id", "caller-id_1.2:3"}}), "caller-id_1.2:3");
    const std::string generated = request_id(server, "/api/search?q=civil");
    EXPECT_TRUE(is_generated_id(generated)) << generated;
    EXPECT_NE(request_id(server, "/api/search?q=civil"), generated) << "each request gets its own id";
    const std::string replaced = request_id(server, "/api/health", {{"X-Request-Id", "has spaces<script>"}});
    EXPECT_TRUE(is_generated_id(replaced)) << "an id with odd characters is replaced: " << replaced;
    EXPECT_TRUE(is_generated_id(request_id(server, "/api/health", {{"X-Request-Id", std::string(129, 'a')}})));
    for (const std::string path : {"/api/no-such-endpoint", "/api/statements/no-such-statement", "/", "/widget.js"})
        EXPECT_TRUE(is_generated_id(request_id(server, path))) << path;
    auto post = server.client().Post("/api/search", "{}", "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_TRUE(is_generated_id(post->get_header_value("X-Request-Id")));
}

TEST(IntegrationRequestLog, TextLogHasOneLinePerRequestWithItsFacts) {
    ServerOptions options;
    options.quiet = false;
    Server server(fixture_library().db(), options);
    {
        auto client = server.client();
        client.set_keep_alive(true);  // one connection, so one server thread logs the requests in order
        ASSERT_TRUE(client.Get("/api/search?q=civil", {{"X-Request-Id", "text-log-1"}}));
        ASSERT_TRUE(client.Get("/api/no-such-endpoint", {{"X-Request-Id", "text-log-2"}}));
    }  // closed, so that searchd need not wait for the idle connection when it stops
    EXPECT_EQ(server.stop(), 0);  // every line is written once searchd has exited
    const auto lines = lines_of(server.stderr_text());
    ASSERT_EQ(lines.size(), 2u) << server.stderr_text();
    EXPECT_TRUE(contains(lines[0], " info GET /api/search?q=civil 200 duration_ms=")) << lines[0];
    EXPECT_TRUE(std::regex_search(lines[0], std::regex(" results=[1-9][0-9]* request_id=text-log-1$"))) << lines[0];
    EXPECT_TRUE(contains(lines[1], "GET /api/no-such-endpoint 404 ")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "request_id=text-log-2")) << lines[1];
    EXPECT_FALSE(contains(lines[1], "results=")) << "an error has no result count: " << lines[1];
}

TEST(IntegrationRequestLog, JsonLogIsOneObjectPerLine) {
    ServerOptions options;
    options.quiet = false;
    options.extra_args = {"--log-format", "json"};
    Server server(fixture_library().db(), options);
    {
        auto client = server.client();
        client.set_keep_alive(true);
        ASSERT_TRUE(client.Get("/api/search?q=civil&per_page=1", {{"X-Request-Id", "json-log-1"}}));
        ASSERT_TRUE(client.Get("/api/statements/coastal-ahc5-international-cooperation"));
    }
    EXPECT_EQ(server.stop(), 0);
    const auto lines = lines_of(server.stderr_text());
    ASSERT_EQ(lines.size(), 2u) << server.stderr_text();
    const auto search = nlohmann::json::parse(lines[0], nullptr, false);
    ASSERT_FALSE(search.is_discarded()) << lines[0];
    EXPECT_EQ(search.at("level"), "info");
    EXPECT_EQ(search.at("method"), "GET");
    EXPECT_EQ(search.at("path"), "/api/search");
    EXPECT_EQ(search.at("query"), "q=civil&per_page=1");
    EXPECT_EQ(search.at("status"), 200);
    EXPECT_TRUE(search.at("duration_ms").is_number());
    EXPECT_GE(search.at("results").get<int>(), 1) << "the total, not the page's count";
    EXPECT_EQ(search.at("request_id"), "json-log-1");
    EXPECT_TRUE(search.at("time").get<std::string>().ends_with("Z"));
    const auto statement = nlohmann::json::parse(lines[1], nullptr, false);
    ASSERT_FALSE(statement.is_discarded()) << lines[1];
    EXPECT_EQ(statement.at("path"), "/api/statements/coastal-ahc5-international-cooperation");
    EXPECT_FALSE(statement.contains("results"));
    EXPECT_TRUE(is_generated_id(statement.at("request_id").get<std::string>()));
}

TEST(IntegrationRequestLog, LogLevelLeavesOutLessSevereLines) {
    ServerOptions options;
    options.quiet = false;
    options.extra_args = {"--log-level", "warn"};
    Server server(fixture_library().db(), options);
    ASSERT_TRUE(server.client().Get("/api/search?q=civil"));
    EXPECT_EQ(server.stop(), 0);
    EXPECT_EQ(server.stderr_text(), "") << "a 200 is logged at info";

    const auto bad_level = run_process({STMT_SEARCHD_PATH, "--db", fixture_library().db().string(), "--log-level",
                                        "loud", "--check-config"});
    EXPECT_NE(bad_level.exit_code, 0);
    EXPECT_TRUE(contains(bad_level.err, "--log-level")) << bad_level.err;
}

TEST(IntegrationRequestLog, IndexerLogsSkippedFilesInTheSameFormat) {
    const TempDir dir;
    const auto result = run_indexer(BAD_FIXTURES, dir / "db", {"--log-format", "json"});
    EXPECT_NE(result.exit_code, 0);
    int skipped = 0;
    for (const auto& line : lines_of(result.err)) {
        const auto entry = nlohmann::json::parse(line, nullptr, false);
        ASSERT_FALSE(entry.is_discarded()) << "not JSON: " << line;
        if (entry.value("event", "") != "skipped") continue;
        ++skipped;
        EXPECT_EQ(entry.at("level"), "warn");
        EXPECT_TRUE(entry.at("file").get<std::string>().ends_with(".txt")) << line;
        EXPECT_TRUE(std::regex_search(entry.at("message").get<std::string>(), std::regex(R"(\.txt:\d+: )"))) << line;
    }
    EXPECT_EQ(skipped, 2) << result.err;
}

}  // namespace
}  // namespace stmt_it
