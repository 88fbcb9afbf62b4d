/** @file feed_test.cc
 *  @brief /api/feed.atom read as a feed reader reads it: well-formed Atom
 *  1.0, the newest matching statements, stable ids, each entry with its
 *  citation, and text escaped.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <regex>

namespace stmt_it {
namespace {

constexpr const char* ATOM = "http://www.w3.org/2005/Atom";

bool is_rfc3339(const std::string& text) {
    static const std::regex DATE_TIME(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    return std::regex_match(text, DATE_TIME);
}

/// Fetches and parses a feed; fails the test unless it is served as Atom
/// and parses.
std::unique_ptr<pugi::xml_document> fetch_feed(const std::string& path) {
    auto result = fixture_server().client().Get(path.c_str());
    auto document = std::make_unique<pugi::xml_document>();
    if (!result) {
        ADD_FAILURE() << "GET " << path << " failed";
        return document;
    }
    EXPECT_EQ(result->status, 200) << path << "\n" << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    const auto parsed = document->load_buffer(result->body.data(), result->body.size());
    EXPECT_TRUE(parsed) << path << ": " << parsed.description() << " at " << parsed.offset << "\n" << result->body;
    return document;
}

std::vector<std::string> entry_ids(const pugi::xml_document& document) {
    std::vector<std::string> ids;
    for (const auto& entry : document.child("feed").children("entry")) ids.push_back(entry.child_value("id"));
    return ids;
}

TEST(IntegrationFeed, IsAtomWithTheNewestMatchingStatements) {
    const auto document = fetch_feed("/api/feed.atom?theme=human-rights-safeguards");
    const auto feed = document->child("feed");
    ASSERT_TRUE(feed) << "the root element is <feed>";
    EXPECT_STREQ(feed.attribute("xmlns").value(), ATOM);
    EXPECT_FALSE(std::string(feed.child_value("id")).empty());
    EXPECT_FALSE(std::string(feed.child_value("title")).empty());
    EXPECT_TRUE(is_rfc3339(feed.child_value("updated"))) << feed.child_value("updated");
    EXPECT_TRUE(feed.find_child_by_attribute("link", "rel", "self")) << "a feed links to itself";
    EXPECT_FALSE(std::string(feed.child("author").child_value("name")).empty());

    const auto search =
        fixture_server().get_json(search_path({{"theme", "human-rights-safeguards"}, {"sort", "-date"}, {"per_page", "20"}}));
    std::vector<std::string> expected;
    for (const auto& id : result_ids(search)) expected.push_back("urn:statement-library:statement:" + id);
    ASSERT_GE(expected.size(), 3u);
    EXPECT_EQ(entry_ids(*document), expected) << "the search's results, newest first";

    for (const auto& entry : feed.children("entry")) {
        const std::string id = std::string(entry.child_value("id")).substr(std::string("urn:statement-library:statement:").size());
        EXPECT_FALSE(std::string(entry.child_value("title")).empty()) << id;
        EXPECT_TRUE(is_rfc3339(entry.child_value("updated"))) << id << ": " << entry.child_value("updated");
        const std::string href = entry.find_child_by_attribute("link", "rel", "alternate").attribute("href").value();
        EXPECT_TRUE(href.ends_with("/statements/" + id)) << href;
        auto cite = fixture_server().client().Get(("/api/statements/" + id + "/cite").c_str());
        ASSERT_TRUE(cite);
        EXPECT_EQ(entry.child_value("summary"), cite->body) << "each entry's summary is its citation";
        EXPECT_FALSE(std::string(entry.child("author").child_value("name")).empty()) << id;
    }
}

TEST(IntegrationFeed, IdsAreStableAcrossRequestsAndParameterOrder) {
    const auto first = fetch_feed("/api/feed.atom?q=cooperation&session=ahc-5");
    const auto again = fetch_feed("/api/feed.atom?session=ahc-5&q=cooperation");
    EXPECT_STREQ(first->child("feed").child_value("id"), again->child("feed").child_value("id"));
    EXPECT_EQ(entry_ids(*first), entry_ids(*again));
    EXPECT_FALSE(entry_ids(*first).empty());
    const auto other = fetch_feed("/api/feed.atom?q=gender");
    EXPECT_STRNE(first->child("feed").child_value("id"), other->child("feed").child_value("id"));
}

TEST(IntegrationFeed, TextIsEscaped) {
    const std::string query = "civil & <society> \"quoted\" 'x'";
    const auto document = fetch_feed("/api/feed.atom?q=" + url_encode(query));
    const std::string title = document->child("feed").child_value("title");
    EXPECT_NE(title.find(query), std::string::npos) << title;
}

TEST(IntegrationFeed, BadParametersAreJsonErrors) {
    const auto sorted = fixture_server().get_json("/api/feed.atom?sort=date", 400);
    EXPECT_EQ(sorted["error"]["code"], "unknown_parameter");
    EXPECT_EQ(sorted["error"]["parameter"], "sort");
    const auto theme = fixture_server().get_json("/api/feed.atom?theme=no-such-theme", 400);
    EXPECT_EQ(theme["error"]["code"], "unknown_filter_value");
    const auto size = fixture_server().get_json("/api/feed.atom?per_page=101", 400);
    EXPECT_EQ(size["error"]["code"], "invalid_parameter");
}

}  // namespace
}  // namespace stmt_it
