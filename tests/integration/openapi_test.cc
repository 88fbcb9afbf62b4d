/** @file openapi_test.cc
 *  @brief docs/openapi.json against the running searchd: it is what
 *  /api/openapi.json serves; it describes exactly the routes searchd has
 *  (the route list that /metrics exposes); each documented parameter is
 *  accepted, each documented response comes with its documented shape.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace stmt_it {
namespace {

using nlohmann::json;

const json& openapi() {
    static const json document = json::parse(read_file(fs::path(STMT_SOURCE_DIR) / "docs" / "openapi.json"));
    return document;
}

/// Follows "$ref": "#/components/..." within the document.
const json& resolve(const json& node) {
    if (node.is_object() && node.contains("$ref"))
        return resolve(openapi().at(json::json_pointer(node.at("$ref").get<std::string>().substr(1))));
    return node;
}

/// Required top-level properties of a schema, through allOf.
std::set<std::string> required_properties(const json& schema_node) {
    const json& schema = resolve(schema_node);
    std::set<std::string> out;
    if (schema.contains("required"))
        for (const auto& name : schema.at("required")) out.insert(name.get<std::string>());
    if (schema.contains("allOf"))
        for (const auto& part : schema.at("allOf")) {
            const auto more = required_properties(part);
            out.insert(more.begin(), more.end());
        }
    return out;
}

std::string example_value(const json& parameter) {
    const json& example = parameter.at("example");
    const json& value = example.is_array() ? example.at(0) : example;
    return value.is_string() ? value.get<std::string>() : value.dump();
}

struct Operation {
    std::string method;
    std::string path;  ///< template
    json spec;
    std::vector<json> parameters;  ///< resolved
};

std::vector<Operation> operations() {
    std::vector<Operation> out;
    for (const auto& [path, item] : openapi().at("paths").items())
        for (const auto& [method, spec] : item.items()) {
            Operation op{method == "post" ? "POST" : "GET", path, spec, {}};
            for (const auto& p : spec.value("parameters", json::array())) op.parameters.push_back(resolve(p));
            out.push_back(std::move(op));
        }
    return out;
}

/// The operation's path with path parameters at their examples, and its
/// required query parameters, plus `extra`.
std::string target(const Operation& op, const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    std::string path = op.path;
    std::string query;
    for (const auto& p : op.parameters) {
        const std::string name = p.at("name");
        if (p.at("in") == "path")
            path.replace(path.find("{" + name + "}"), name.size() + 2, url_encode(example_value(p)));
        else if (p.value("required", false))
            query += (query.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(example_value(p));
    }
    for (const auto& [name, value] : extra) query += (query.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(value);
    return path + query;
}

/// The documented error shape, with a code from the documented list.
void expect_error_body(const std::string& body, const std::string& what) {
    const auto parsed = json::parse(body, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << what << ": " << body;
    ASSERT_EQ(parsed.size(), 1u) << what << ": " << body;
    const auto& error = parsed.at("error");
    EXPECT_EQ(error.size(), 3u) << body;
    const auto codes = resolve(openapi().at("components").at("schemas").at("Error"))["properties"]["error"]["properties"]["code"]["enum"];
    EXPECT_NE(std::find(codes.begin(), codes.end(), error.at("code")), codes.end()) << what << ": " << body;
    EXPECT_TRUE(error.at("message").is_string()) << body;
    EXPECT_TRUE(error.at("parameter").is_string() || error.at("parameter").is_null()) << body;
}

/// Checks a 200 response against the documented content types and, for
/// JSON, the required properties of its schema.
void expect_documented_success(const Operation& op, const httplib::Result& result, const std::string& what) {
    ASSERT_TRUE(result) << what;
    ASSERT_EQ(result->status, 200) << what << "\n" << result->body;
    EXPECT_FALSE(result->get_header_value("X-Request-Id").empty()) << what;
    const json& content = resolve(op.spec.at("responses").at("200")).at("content");
    const std::string type = result->get_header_value("Content-Type");
    bool documented_type = false;
    for (const auto& [media_type, media] : content.items()) {
        if (!type.starts_with(media_type)) continue;
        documented_type = true;
        if (media_type != "application/json") continue;
        const auto body = json::parse(result->body, nullptr, false);
        ASSERT_FALSE(body.is_discarded()) << what;
        for (const auto& name : required_properties(media.at("schema")))
            EXPECT_TRUE(body.contains(name)) << what << ": no '" << name << "'";
    }
    EXPECT_TRUE(documented_type) << what << ": Content-Type " << type << " is not documented";
}

TEST(IntegrationOpenApi, ServedDocumentIsTheCheckedInOne) {
    const auto served = fixture_server().get_json("/api/openapi.json");
    EXPECT_EQ(served, openapi());
    EXPECT_EQ(served.value("openapi", "").substr(0, 2), "3.");
}

TEST(IntegrationOpenApi, DescribesExactlyTheRoutesSearchdHas) {
    auto result = fixture_server().client().Get("/metrics");
    ASSERT_TRUE(result);
    static const std::regex ROUTE(R"re(^searchd_route_info\{method="([A-Z]+)",route="([^"]+)"\} 1$)re");
    std::set<std::pair<std::string, std::string>> served;
    std::istringstream lines(result->body);
    std::string line;
    std::smatch m;
    while (std::getline(lines, line))
        if (std::regex_match(line, m, ROUTE)) served.emplace(m[1].str(), m[2].str());
    std::set<std::pair<std::string, std::string>> documented;
    for (const auto& op : operations()) documented.emplace(op.method, op.path);
    ASSERT_GT(served.size(), 5u) << result->body;
    for (const auto& route : served)
        EXPECT_TRUE(documented.count(route)) << route.first << " " << route.second << " is not in docs/openapi.json";
    for (const auto& route : documented)
        EXPECT_TRUE(served.count(route)) << route.first << " " << route.second << " is documented but not served";
}

TEST(IntegrationOpenApi, EveryDocumentedParameterIsAcceptedAndResponsesHaveTheirShape) {
    const Server& server = fixture_server();
    for (const auto& op : operations()) {
        if (op.method != "GET") continue;
        auto client = server.client();
        const std::string base = target(op);
        expect_documented_success(op, client.Get(base.c_str()), "GET " + base);
        for (const auto& p : op.parameters) {
            if (p.at("in") != "query" || p.value("required", false)) continue;
            const std::string with = target(op, {{p.at("name"), example_value(p)}});
            expect_documented_success(op, client.Get(with.c_str()), "GET " + with);
        }
        const auto& responses = op.spec.at("responses");
        if (responses.contains("400")) {
            const std::string bad = target(op, {{"undocumented_parameter", "1"}});
            auto result = client.Get(bad.c_str());
            ASSERT_TRUE(result) << bad;
            EXPECT_EQ(result->status, 400) << bad;
            expect_error_body(result->body, "GET " + bad);
        }
        if (responses.contains("404") && op.path.find("{id}") != std::string::npos) {
            std::string missing = op.path;
            missing.replace(missing.find("{id}"), 4, "no-such-statement");
            auto result = client.Get(missing.c_str());
            ASSERT_TRUE(result) << missing;
            EXPECT_EQ(result->status, 404) << missing;
            expect_error_body(result->body, "GET " + missing);
        }
    }
}

TEST(IntegrationOpenApi, PostSimilarTakesTheDocumentedBody) {
    const Operation* post = nullptr;
    const auto ops = operations();
    for (const auto& op : ops)
        if (op.method == "POST") post = &op;
    ASSERT_NE(post, nullptr);
    const json& body = resolve(post->spec.at("requestBody")).at("content").at("application/json");
    const json example = resolve(body.at("schema")).at("example");
    auto client = fixture_server().client();
    expect_documented_success(*post, client.Post(post->path.c_str(), example.dump(), "application/json"),
                              "POST " + post->path);
    auto too_large = client.Post(post->path.c_str(), json{{"text", std::string(6000, 'a')}}.dump(), "application/json");
    ASSERT_TRUE(too_large);
    EXPECT_EQ(too_large->status, 413);
    EXPECT_TRUE(post->spec.at("responses").contains("413"));
    expect_error_body(too_large->body, "POST with a long text");
}

TEST(IntegrationOpenApi, ErrorCodesAreThoseOfTheDocsTable) {
    std::ifstream in(fs::path(STMT_SOURCE_DIR) / "docs" / "api.md");
    std::set<std::string> table;
    std::string line;
    bool in_errors = false;
    static const std::regex ROW(R"(^\|\s*`([a-z_]+)`\s*\|\s*\d{3}\s*\|)");
    while (std::getline(in, line)) {
        if (line.starts_with("## ")) in_errors = line == "## Errors";
        std::smatch m;
        if (in_errors && std::regex_search(line, m, ROW)) table.insert(m[1].str());
    }
    std::set<std::string> described;
    for (const auto& code : resolve(openapi().at("components").at("schemas").at("Error"))["properties"]["error"]["properties"]["code"]["enum"])
        described.insert(code.get<std::string>());
    EXPECT_EQ(described, table);
}

}  // namespace
}  // namespace stmt_it
