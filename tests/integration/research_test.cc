/** @file research_test.cc
 *  @brief The research endpoints over real HTTP on the shared fixture
 *  server: citations (/api/statements/{id}/cite), similar passages
 *  (/api/similar), the timeline (/api/timeline), side-by-side comparison
 *  (/api/compare), and phrase snippets. Expected values come from
 *  tests/fixtures/EXPECTED.md, the fixture texts and corpus/vocabulary,
 *  never from the product's own output except where said.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace stmt_it {
namespace {

using nlohmann::json;

const std::string SEED = "seed-alliance-ahc5";
const std::string ALLIANCE = "Alliance of NGOs on Crime Prevention and Criminal Justice";
const std::string SEED_PARA_4_CITATION =
    "Alliance of NGOs on Crime Prevention and Criminal Justice, draft statement, fifth session of the Ad Hoc Committee "
    "(AHC 5), International cooperation, para. 4.";

json error_body(const std::string& code, const std::string& message, const char* parameter) {
    return {{"error",
             {{"code", code},
              {"message", message},
              {"parameter", parameter ? json(parameter) : json(nullptr)}}}};
}

json parse_json(const std::string& body) {
    auto parsed = json::parse(body, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON:\n" << body;
    return parsed.is_discarded() ? json::object() : parsed;
}

httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return fixture_server().client().Get(path.c_str(), headers);
}

httplib::Result post(const std::string& path, const std::string& body,
                     const std::string& content_type = "application/json") {
    return fixture_server().client().Post(path.c_str(), body, content_type.c_str());
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

std::string api_path(const std::string& endpoint, const Params& params) {
    std::string path = endpoint;
    char separator = '?';
    for (const auto& [name, value] : params) {
        path += separator + url_encode(name) + "=" + url_encode(value);
        separator = '&';
    }
    return path;
}

/// The numbered paragraphs of the seed file as written: blank-line blocks,
/// without the two header lines (*...*) and the closing "Thank you".
std::vector<std::string> seed_paragraphs() {
    std::istringstream in(read_file(FIXTURE_CORPUS / "seed-alliance-ahc5.txt"));
    std::vector<std::string> blocks;
    std::string line, block;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!block.empty()) blocks.push_back(block);
            block.clear();
        } else {
            block += (block.empty() ? "" : " ") + line;
        }
    }
    if (!block.empty()) blocks.push_back(block);
    std::vector<std::string> paragraphs;
    for (const auto& b : blocks)
        if (!b.starts_with("*") && b != "Thank you") paragraphs.push_back(b);
    return paragraphs;
}

std::string seed_paragraph(int n) {
    const auto paragraphs = seed_paragraphs();
    EXPECT_EQ(paragraphs.size(), 9u);
    return paragraphs.at(static_cast<std::size_t>(n - 1));
}

const json* find_hit(const json& results, const std::string& statement, int paragraph) {
    for (const auto& hit : results)
        if (hit.at("statement_id") == statement && hit.at("paragraph") == paragraph) return &hit;
    return nullptr;
}

// ---- /api/statements/{id}/cite ---------------------------------------------

struct Reply {
    int status = 0;
    std::string type;
    std::string body;
};

Reply cite(const std::string& statement, const Params& params, const httplib::Headers& headers = {}) {
    const auto res = get(api_path("/api/statements/" + statement + "/cite", params), headers);
    if (!res) {
        ADD_FAILURE() << "cite " << statement << " failed: " << httplib::to_string(res.error());
        return {};
    }
    return {res->status, res->get_header_value("Content-Type"), res->body};
}

std::string host_of_server() { return "127.0.0.1:" + std::to_string(fixture_server().port()); }

TEST(IntegrationCite, PlainTextIsTheDefault) {
    for (const Params& params : {Params{{"paragraph", "4"}}, Params{{"paragraph", "4"}, {"format", "text"}}}) {
        const Reply r = cite(SEED, params);
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.type, "text/plain; charset=utf-8");
        EXPECT_EQ(r.body, SEED_PARA_4_CITATION);
    }
}

TEST(IntegrationCite, WholeStatementWithADate) {
    const Reply r = cite("meridian-ahc5-implementation-mechanism", {});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body,
              "Meridian Women in Tech Forum, oral statement, fifth session of the Ad Hoc Committee (AHC 5), Mechanism of "
              "implementation, 2023-04-18.");
}

TEST(IntegrationCite, GeneralStatementNamesNoChapter) {
    const Reply r = cite("riverside-ahc1-opening", {{"paragraph", "2"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "Riverside Child Safety Coalition, statement, first session of the Ad Hoc Committee (AHC 1), para. 2.");
}

TEST(IntegrationCite, Markdown) {
    const Reply r = cite(SEED, {{"paragraph", "4"}, {"format", "markdown"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.type, "text/markdown; charset=utf-8");
    const std::string text = SEED_PARA_4_CITATION.substr(0, SEED_PARA_4_CITATION.size() - 1);
    EXPECT_EQ(r.body, "[" + text + "](http://" + host_of_server() + "/statements/" + SEED + "#p4).");
}

TEST(IntegrationCite, Bibtex) {
    // The title is the indexer's (not under test here): taken from the statement API.
    const std::string title = fixture_server().get_json("/api/statements/" + SEED).value("title", "");
    ASSERT_FALSE(title.empty());
    const Reply r = cite(SEED, {{"paragraph", "4"}, {"format", "bibtex"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.type, "application/x-bibtex; charset=utf-8");
    EXPECT_EQ(r.body, "@misc{" + SEED + "-p4,\n" + "  author = {{" + ALLIANCE + "}},\n" + "  title = {{" + title +
                          "}},\n" + "  howpublished = {draft statement, fifth session of the Ad Hoc Committee (AHC 5)},\n" +
                          "  note = {para. 4},\n" + "  url = {http://" + host_of_server() + "/statements/" + SEED +
                          "#p4}\n}\n");
}

TEST(IntegrationCite, BibtexOfADatedStatement) {
    const Reply r = cite("northwind-ahc2-procedural-measures", {{"format", "bibtex"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.starts_with("@misc{northwind-ahc2-procedural-measures,\n")) << r.body;
    EXPECT_NE(r.body.find("  author = {{Northwind Digital Rights Collective}},\n"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("  title = {{Cross-border data demands and procedural safeguards}},\n"), std::string::npos)
        << r.body;
    EXPECT_NE(r.body.find("  howpublished = {written submission, second session of the Ad Hoc Committee (AHC 2)},\n"),
              std::string::npos)
        << r.body;
    EXPECT_NE(r.body.find("  year = {2022},\n  date = {2022-06-02},\n"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("note ="), std::string::npos) << r.body;
}

TEST(IntegrationCite, CslJson) {
    const Reply r = cite("meridian-ahc5-implementation-mechanism", {{"paragraph", "2"}, {"format", "csl-json"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.type, "application/vnd.citationstyles.csl+json; charset=utf-8");
    const json items = parse_json(r.body);
    ASSERT_TRUE(items.is_array());
    ASSERT_EQ(items.size(), 1u);
    const json& item = items[0];
    EXPECT_EQ(item.at("id"), "meridian-ahc5-implementation-mechanism-p2");
    EXPECT_EQ(item.at("type"), "speech");
    EXPECT_EQ(item.at("author"), json::parse(R"([{"literal": "Meridian Women in Tech Forum"}])"));
    EXPECT_EQ(item.at("genre"), "oral statement");
    EXPECT_EQ(item.at("event-title"), "fifth session of the Ad Hoc Committee (AHC 5)");
    EXPECT_EQ(item.at("section"), "Mechanism of implementation");
    EXPECT_EQ(item.at("issued"), json::parse(R"({"date-parts": [[2023, 4, 18]]})"));
    EXPECT_EQ(item.at("locator"), "2");
    EXPECT_EQ(item.at("URL"), "http://" + host_of_server() + "/statements/meridian-ahc5-implementation-mechanism#p2");
}

TEST(IntegrationCite, PermalinkUsesTheRequestHost) {
    const Reply r = cite(SEED, {{"paragraph", "4"}, {"format", "markdown"}}, {{"Host", "library.example.org:8443"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.ends_with("](http://library.example.org:8443/statements/" + SEED + "#p4).")) << r.body;
    const Reply whole = cite(SEED, {{"format", "csl-json"}}, {{"Host", "statements.example.net"}});
    const json items = parse_json(whole.body);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("URL"), "http://statements.example.net/statements/" + SEED);
}

void expect_cite_error(const std::string& statement, const Params& params, int status, const json& body) {
    SCOPED_TRACE("cite " + statement);
    const Reply r = cite(statement, params);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_TRUE(r.type.starts_with("application/json")) << r.type;
    EXPECT_EQ(parse_json(r.body), body);
}

TEST(IntegrationCite, UnknownStatement) {
    expect_cite_error("no-such-statement", {}, 404,
                      error_body("statement_not_found", "no statement with id 'no-such-statement'", "id"));
    expect_cite_error("no-such-statement", {{"paragraph", "2"}, {"format", "bibtex"}}, 404,
                      error_body("statement_not_found", "no statement with id 'no-such-statement'", "id"));
}

TEST(IntegrationCite, ParagraphNotFound) {
    expect_cite_error(SEED, {{"paragraph", "99"}}, 404,
                      error_body("paragraph_not_found", "statement 'seed-alliance-ahc5' has no paragraph 99", "paragraph"));
    expect_cite_error(SEED, {{"paragraph", "10"}}, 404,
                      error_body("paragraph_not_found", "statement 'seed-alliance-ahc5' has no paragraph 10", "paragraph"));
    EXPECT_EQ(cite(SEED, {{"paragraph", "9"}}).status, 200) << "the seed has 9 paragraphs";
}

TEST(IntegrationCite, BadParameters) {
    expect_cite_error(SEED, {{"format", "xml"}}, 400,
                      error_body("invalid_parameter", "'format' must be text, markdown, bibtex or csl-json", "format"));
    expect_cite_error(SEED, {{"paragraph", "0"}}, 400,
                      error_body("invalid_parameter", "'paragraph' must be a whole number from 1", "paragraph"));
    expect_cite_error(SEED, {{"paragraph", "four"}}, 400,
                      error_body("invalid_parameter", "'paragraph' must be a whole number from 1", "paragraph"));
    expect_cite_error(SEED, {{"style", "apa"}}, 400, error_body("unknown_parameter", "unknown parameter 'style'", "style"));
}

// ---- /api/similar ----------------------------------------------------------

json post_similar(const json& body, int expected_status = 200) {
    const auto res = post("/api/similar", body.dump());
    if (!res) {
        ADD_FAILURE() << "POST /api/similar failed: " << httplib::to_string(res.error());
        return json::object();
    }
    EXPECT_EQ(res->status, expected_status) << res->body;
    EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("application/json"));
    return parse_json(res->body);
}

TEST(IntegrationSimilar, PastedSeedParagraphComesFirstWhollyMarked) {
    const std::string text = seed_paragraph(3);
    ASSERT_TRUE(text.starts_with("Civil society can and does play a role")) << text;
    const json response = post_similar({{"text", text}});
    const json& results = response.at("results");
    ASSERT_FALSE(results.empty());
    const json& first = results[0];
    EXPECT_EQ(first.at("statement_id"), SEED);
    EXPECT_EQ(first.at("paragraph"), 3);
    EXPECT_EQ(first.at("similarity"), 1.0);
    ASSERT_TRUE(text.ends_with("."));
    const std::string words = text.substr(0, text.size() - 1);  // the final full stop is not a word
    EXPECT_EQ(first.at("snippet"), "<mark>" + words + "</mark>.");
    EXPECT_EQ(first.at("shared_phrases"), json::array({words}));
    EXPECT_EQ(first.at("url"), "/statements/" + SEED);
    for (std::size_t i = 1; i < results.size(); ++i) {
        EXPECT_LT(results[i].at("similarity").get<double>(), 1.0) << results[i].dump();
        EXPECT_LE(results[i].at("similarity").get<double>(), results[i - 1].at("similarity").get<double>());
    }
}

TEST(IntegrationSimilar, ParaphraseMarksOnlyTheSharedSequence) {
    // Seed paragraph 7 has "...reference to avoiding the duplication of efforts, but..."; this
    // text shares that one four-word sequence and no other sequence of three words.
    const std::string passage = seed_paragraph(7);
    ASSERT_NE(passage.find("the duplication of efforts"), std::string::npos) << passage;
    const json response =
        post_similar({{"text", "Our coalition fears the duplication of efforts wastes scarce money for every delegation."}});
    const json* hit = find_hit(response.at("results"), SEED, 7);
    ASSERT_NE(hit, nullptr) << response.dump(2);
    const std::string snippet = hit->at("snippet");
    EXPECT_EQ(count(snippet, "<mark>"), 1u) << snippet;
    EXPECT_NE(snippet.find("<mark>the duplication of efforts</mark>"), std::string::npos) << snippet;
    std::string unmarked = snippet;
    unmarked.replace(unmarked.find("<mark>"), 6, "");
    unmarked.replace(unmarked.find("</mark>"), 7, "");
    EXPECT_EQ(unmarked, passage) << "the passage is short enough to be shown whole";
    EXPECT_EQ(hit->at("shared_phrases"), json::array({"the duplication of efforts"}));
    EXPECT_GT(hit->at("similarity").get<double>(), 0.0);
    EXPECT_LT(hit->at("similarity").get<double>(), 0.5);
}

TEST(IntegrationSimilar, LibraryPassageNeverReturnsItself) {
    const json response = fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=3");
    const json& results = response.at("results");
    EXPECT_FALSE(results.empty());
    EXPECT_EQ(find_hit(results, SEED, 3), nullptr) << response.dump(2);
    EXPECT_LE(results.size(), 10u);
    for (const auto& hit : results) {
        EXPECT_GT(hit.at("similarity").get<double>(), 0.0);
        EXPECT_TRUE(hit.contains("shared_phrases"));
    }
}

TEST(IntegrationSimilar, PerPageLimitsTheResults) {
    const json response = fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=3&per_page=2");
    EXPECT_LE(response.at("results").size(), 2u);
    EXPECT_FALSE(response.at("results").empty());
}

TEST(IntegrationSimilar, FiltersApply) {
    const json posted = post_similar({{"text", seed_paragraph(3)}, {"session", json::array({"ahc-3"})}});
    for (const auto& hit : posted.at("results")) {
        EXPECT_NE(hit.at("statement_id"), SEED);
        EXPECT_EQ(hit.at("session").at("id"), "ahc-3") << hit.dump();
    }
    const json by_passage = fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=3&session=ahc-3");
    for (const auto& hit : by_passage.at("results")) EXPECT_EQ(hit.at("session").at("id"), "ahc-3") << hit.dump();
    const json by_org =
        post_similar({{"text", seed_paragraph(3)}, {"organization", "Coastal Legal Aid Network"}, {"per_page", 50}});
    for (const auto& hit : by_org.at("results"))
        EXPECT_EQ(hit.at("organization").at("label"), "Coastal Legal Aid Network") << hit.dump();
}

TEST(IntegrationSimilar, UnknownStatementOrParagraph) {
    EXPECT_EQ(fixture_server().get_json("/api/similar?statement=nope&paragraph=1", 404),
              error_body("statement_not_found", "no statement with id 'nope'", "statement"));
    EXPECT_EQ(fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=99", 404),
              error_body("paragraph_not_found", "statement 'seed-alliance-ahc5' has no paragraph 99", "paragraph"));
}

TEST(IntegrationSimilar, MissingOrBadParameters) {
    EXPECT_EQ(fixture_server().get_json("/api/similar", 400),
              error_body("invalid_parameter", "give 'statement' and 'paragraph' (or POST a 'text')", "statement"));
    EXPECT_EQ(fixture_server().get_json("/api/similar?statement=" + SEED, 400),
              error_body("invalid_parameter", "'paragraph' must be a whole number from 1", "paragraph"));
    EXPECT_EQ(fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=3&q=civil", 400),
              error_body("unknown_parameter", "'q' is not taken here: give 'text' or 'statement'", "q"));
    EXPECT_EQ(fixture_server().get_json("/api/similar?statement=" + SEED + "&paragraph=3&session=ahc-99", 400),
              error_body("unknown_filter_value", "unknown session 'ahc-99'", "session"));
}

TEST(IntegrationSimilar, TextOverTheLimitIs413) {
    std::string text;
    while (text.size() < 5001) text += "safeguards ";
    text.resize(5001);
    EXPECT_EQ(post_similar({{"text", text}}, 413),
              error_body("payload_too_large", "'text' is longer than 5000 characters", "text"));
    // 5000 characters of two bytes each are within the limit.
    std::string accented;
    for (int i = 0; i < 5000; ++i) accented += "\xC3\xA9";
    post_similar({{"text", accented}}, 200);
}

TEST(IntegrationSimilar, BodyOverTheByteLimitIs413) {
    const std::string body = json{{"text", std::string(70 * 1024, 'a')}}.dump();
    const auto res = post("/api/similar", body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("application/json"));
    const json parsed = parse_json(res->body);
    EXPECT_EQ(parsed.at("error").at("code"), "payload_too_large") << res->body;
}

TEST(IntegrationSimilar, BodyThatIsNotJsonIs400) {
    const json expected =
        error_body("invalid_parameter", "the body must be a JSON object such as {\"text\": \"...\"}", "body");
    for (const std::string body : {"text=civil+society", "{\"text\": ", "[\"civil society\"]", ""}) {
        const auto res = post("/api/similar", body, body.starts_with("text=") ? "application/x-www-form-urlencoded"
                                                                              : "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << body;
        EXPECT_EQ(parse_json(res->body), expected) << body;
    }
    EXPECT_EQ(post_similar({{"text", 42}}, 400), error_body("invalid_parameter", "'text' must be a non-empty string", "text"));
    EXPECT_EQ(post_similar({{"text", "civil society"}, {"session", json::array({1})}}, 400),
              error_body("invalid_parameter", "'session' must hold strings", "session"));
}

TEST(IntegrationSimilar, PutIs405WithAnAllowHeaderListingPost) {
    const auto res = fixture_server().client().Put("/api/similar", "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
    const std::string allow = res->get_header_value("Allow");
    EXPECT_NE(allow.find("POST"), std::string::npos) << allow;
    EXPECT_NE(allow.find("GET"), std::string::npos) << allow;
    EXPECT_EQ(parse_json(res->body),
              error_body("method_not_allowed", "PUT is not allowed on /api/similar; use GET, POST, HEAD, OPTIONS", nullptr));
    // Other research endpoints take no POST.
    const auto timeline = post("/api/timeline", "{}");
    ASSERT_TRUE(timeline);
    EXPECT_EQ(timeline->status, 405);
    EXPECT_EQ(timeline->get_header_value("Allow").find("POST"), std::string::npos);
}

// ---- /api/timeline ---------------------------------------------------------

struct VocabularySession {
    std::string id, start;
};

/// Sessions of corpus/vocabulary/sessions.yaml read line by line (not with
/// the product's loader), in chronological order.
std::vector<VocabularySession> vocabulary_sessions() {
    std::istringstream in(read_file(VOCABULARY_DIR / "sessions.yaml"));
    static const std::regex ID(R"(^\s*-\s*id:\s*(\S+)\s*$)"), START(R"(^\s*start:\s*(\d{4}-\d{2}-\d{2})\s*$)");
    std::vector<VocabularySession> sessions;
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, ID)) sessions.push_back({m[1].str(), ""});
        else if (std::regex_match(line, m, START) && !sessions.empty()) sessions.back().start = m[1].str();
    }
    std::stable_sort(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return sessions;
}

/// Checks a timeline against /api/search with each session as a filter.
void expect_timeline_matches_search(const Params& params) {
    SCOPED_TRACE(api_path("/api/timeline", params));
    const json timeline = fixture_server().get_json(api_path("/api/timeline", params));
    const auto expected_sessions = vocabulary_sessions();
    ASSERT_GE(expected_sessions.size(), 9u);
    const json& sessions = timeline.at("sessions");
    ASSERT_EQ(sessions.size(), expected_sessions.size());
    const json all = fixture_server().get_json(search_path(params));
    EXPECT_EQ(timeline.at("total"), all.at("total"));
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const json& entry = sessions[i];
        const std::string id = entry.at("id");
        SCOPED_TRACE("session " + id);
        EXPECT_EQ(id, expected_sessions[i].id);
        EXPECT_EQ(entry.at("start"), expected_sessions[i].start);
        Params filtered = params;
        filtered.emplace_back("session", id);
        Params every_result = filtered;
        every_result.emplace_back("per_page", "100");
        const json search = fixture_server().get_json(search_path(every_result));
        EXPECT_EQ(entry.at("statements"), search.at("total"));
        // Facets count each filtered field without its own filter, so the
        // organisations are read off the results themselves.
        std::set<std::string> organizations;
        for (const auto& result : search.at("results")) organizations.insert(result.at("organization").at("id").get<std::string>());
        EXPECT_EQ(entry.at("organizations").get<std::size_t>(), organizations.size());
        EXPECT_EQ(entry.at("best").is_null(), entry.at("statements") == 0) << entry.dump();
        if (!entry.at("best").is_null()) {
            const json& best = entry.at("best");
            EXPECT_EQ(best.at("session").at("id"), id);
            filtered.emplace_back("view", "passages");
            filtered.emplace_back("per_page", "1");
            const json top = fixture_server().get_json(search_path(filtered));
            ASSERT_FALSE(top.at("results").empty());
            EXPECT_EQ(best.at("statement_id"), top.at("results")[0].at("statement_id"));
            EXPECT_EQ(best.at("paragraph"), top.at("results")[0].at("paragraph"));
            EXPECT_EQ(best.at("snippet"), top.at("results")[0].at("snippet"));
        }
    }
}

TEST(IntegrationTimeline, EverySessionInChronologicalOrder) {
    const json timeline = fixture_server().get_json("/api/timeline");
    const auto expected = vocabulary_sessions();
    std::vector<std::string> ids, expected_ids;
    for (const auto& s : timeline.at("sessions")) ids.push_back(s.at("id").get<std::string>());
    for (const auto& s : expected) expected_ids.push_back(s.id);
    EXPECT_EQ(ids, expected_ids);
    ASSERT_FALSE(timeline.at("sessions").empty());
    const json& first = timeline.at("sessions")[0];
    EXPECT_EQ(first.at("id"), "ahc-org");
    EXPECT_EQ(first.at("label"), "Organizational session");
    EXPECT_EQ(first.at("short"), "AHC organizational");
    EXPECT_EQ(first.at("end"), "2021-05-12");
}

TEST(IntegrationTimeline, EmptyQueryCountsTheWholeLibrary) {
    const json timeline = fixture_server().get_json("/api/timeline");
    EXPECT_EQ(timeline.at("total"), 13);
    // EXPECTED.md: ahc-1 1, ahc-2 1, ahc-3 1, ahc-4 3, ahc-5 3, ahc-6 1, ahc-concluding 2, resumed 1.
    const std::map<std::string, int> expected = {{"ahc-1", 1}, {"ahc-2", 1}, {"ahc-3", 1},          {"ahc-4", 3},
                                                 {"ahc-5", 3}, {"ahc-6", 1}, {"ahc-concluding", 2}, {"ahc-concluding-resumed", 1}};
    for (const auto& entry : timeline.at("sessions")) {
        const auto it = expected.find(entry.at("id").get<std::string>());
        EXPECT_EQ(entry.at("statements"), it == expected.end() ? 0 : it->second) << entry.at("id");
    }
    // ahc-4: Riverside, Northwind, Open Borders; ahc-5: Alliance, Meridian, Coastal; concluding: Coastal, Riverside.
    for (const auto& entry : timeline.at("sessions")) {
        const std::string id = entry.at("id").get<std::string>();
        const int organizations = id == "ahc-4" || id == "ahc-5" ? 3 : id == "ahc-concluding" ? 2 : -1;
        if (organizations >= 0) {
            EXPECT_EQ(entry.at("organizations"), organizations) << id;
        }
    }
    expect_timeline_matches_search({});
}

TEST(IntegrationTimeline, CountsEqualSearchTotals) {
    expect_timeline_matches_search({{"q", "civil society"}});
    expect_timeline_matches_search({{"q", "gender"}});
    expect_timeline_matches_search({{"q", "safeguards"}});
    expect_timeline_matches_search({{"q", "\"data localisation mandates\""}});
    expect_timeline_matches_search({{"q", "safeguards"}, {"chapter", "criminalization"}});
    expect_timeline_matches_search({{"q", "technical assistance"}, {"organization", "Meridian Women in Tech Forum"}});
}

TEST(IntegrationTimeline, GenderIsInTwoSessions) {
    // EXPECTED.md: gender is in the seed and meridian-ahc5 (ahc-5) and meridian-ahc8 (resumed).
    const json timeline = fixture_server().get_json("/api/timeline?q=gender");
    EXPECT_EQ(timeline.at("total"), 3);
    for (const auto& entry : timeline.at("sessions")) {
        const std::string id = entry.at("id");
        const int expected = id == "ahc-5" ? 2 : id == "ahc-concluding-resumed" ? 1 : 0;
        EXPECT_EQ(entry.at("statements"), expected) << id;
        EXPECT_EQ(entry.at("organizations"), expected) << id;
        EXPECT_EQ(entry.at("best").is_null(), expected == 0) << id;
    }
}

TEST(IntegrationTimeline, FollowsTheSearchWhenOnlySomeWordsMatch) {
    // /api/search falls back to any word when all words find nothing;
    // a timeline of the same query should count what the search shows.
    const json search = fixture_server().get_json(search_path({{"q", "gender zqxwv"}}));
    ASSERT_EQ(search.at("matching"), "any");
    ASSERT_EQ(search.at("total"), 3);
    const json timeline = fixture_server().get_json(api_path("/api/timeline", {{"q", "gender zqxwv"}}));
    EXPECT_EQ(timeline.at("total"), search.at("total"));
    for (const auto& entry : timeline.at("sessions")) {
        if (entry.at("id") == "ahc-5") {
            EXPECT_EQ(entry.at("statements"), 2) << "the seed and meridian-ahc5 mention gender";
        }
    }
}

TEST(IntegrationTimeline, Errors) {
    EXPECT_EQ(fixture_server().get_json("/api/timeline?session=ahc-99", 400),
              error_body("unknown_filter_value", "unknown session 'ahc-99'", "session"));
    EXPECT_EQ(fixture_server().get_json("/api/timeline?foo=1", 400),
              error_body("unknown_parameter", "unknown parameter 'foo'", "foo"));
}

// ---- /api/compare ----------------------------------------------------------

void expect_side_matches_search(const json& side, const Params& params, const std::string& field,
                                 const std::string& value) {
    SCOPED_TRACE(field + "=" + value);
    Params filtered = params;
    filtered.emplace_back(field, value);
    filtered.emplace_back("per_page", "5");
    const json search = fixture_server().get_json(search_path(filtered));
    EXPECT_EQ(side.at("total"), search.at("total"));
    EXPECT_EQ(side.at("field"), field);
    EXPECT_FALSE(side.contains("facets"));
    EXPECT_LE(side.at("results").size(), 5u);
    EXPECT_EQ(result_ids(side), result_ids(search));
}

TEST(IntegrationCompare, TwoSessions) {
    const Params q = {{"q", "safeguards"}};
    const json response = fixture_server().get_json("/api/compare?q=safeguards&a=ahc-4&b=ahc-6");
    EXPECT_EQ(response.at("query"), "safeguards");
    expect_side_matches_search(response.at("a"), q, "session", "ahc-4");
    expect_side_matches_search(response.at("b"), q, "session", "ahc-6");
    EXPECT_EQ(response.at("a").at("value"), json({{"id", "ahc-4"}, {"label", "Fourth session"}}));
    EXPECT_EQ(response.at("b").at("value"), json({{"id", "ahc-6"}, {"label", "Sixth session"}}));
    for (const auto& hit : response.at("a").at("results")) EXPECT_EQ(hit.at("session").at("id"), "ahc-4");
    for (const auto& hit : response.at("b").at("results")) EXPECT_EQ(hit.at("session").at("id"), "ahc-6");
}

TEST(IntegrationCompare, SessionNamesAndEmptyQuery) {
    const json response = fixture_server().get_json("/api/compare?a=" + url_encode("AHC 4") + "&b=" + url_encode("sixth session"));
    EXPECT_EQ(response.at("a").at("value").at("id"), "ahc-4");
    EXPECT_EQ(response.at("b").at("value").at("id"), "ahc-6");
    EXPECT_EQ(response.at("a").at("total"), 3);  // EXPECTED.md: three statements at AHC 4
    EXPECT_EQ(response.at("b").at("total"), 1);
}

TEST(IntegrationCompare, OrganisationNames) {
    const json response = fixture_server().get_json("/api/compare?a=" + url_encode("Coastal Legal Aid Network") +
                                                    "&b=" + url_encode("Riverside Child Safety Coalition"));
    const json& a = response.at("a");
    const json& b = response.at("b");
    EXPECT_EQ(a.at("field"), "organization");
    EXPECT_EQ(a.at("value").at("label"), "Coastal Legal Aid Network");
    EXPECT_EQ(b.at("value").at("label"), "Riverside Child Safety Coalition");
    EXPECT_EQ(a.at("total"), 3);  // EXPECTED.md organisation counts
    EXPECT_EQ(b.at("total"), 3);
    expect_side_matches_search(a, {}, "organization", "Coastal Legal Aid Network");
    for (const auto& hit : a.at("results")) EXPECT_EQ(hit.at("organization").at("label"), "Coastal Legal Aid Network");
}

TEST(IntegrationCompare, OrganisationAgainstSession) {
    const json response = fixture_server().get_json("/api/compare?q=" + url_encode("civil society") +
                                                    "&a=Alliance&b=ahc-1");
    EXPECT_EQ(response.at("a").at("field"), "organization");
    EXPECT_EQ(response.at("a").at("value"), json({{"id", "alliance"}, {"label", ALLIANCE}}));
    EXPECT_EQ(response.at("b").at("field"), "session");
    EXPECT_EQ(result_ids(response.at("a")), std::vector<std::string>{SEED});
    EXPECT_EQ(result_ids(response.at("b")), std::vector<std::string>{"riverside-ahc1-opening"});
}

TEST(IntegrationCompare, Errors) {
    EXPECT_EQ(fixture_server().get_json("/api/compare?a=ahc-99&b=ahc-6", 400),
              error_body("unknown_filter_value", "'ahc-99' names no session or organisation", "a"));
    EXPECT_EQ(fixture_server().get_json("/api/compare?a=ahc-4&b=nobody-at-all", 400),
              error_body("unknown_filter_value", "'nobody-at-all' names no session or organisation", "b"));
    EXPECT_EQ(fixture_server().get_json("/api/compare?a=ahc-4", 400),
              error_body("invalid_parameter", "'a' and 'b' name the two sessions or organisations to compare", "b"));
    EXPECT_EQ(fixture_server().get_json("/api/compare?b=ahc-4", 400),
              error_body("invalid_parameter", "'a' and 'b' name the two sessions or organisations to compare", "a"));
}

// ---- phrase snippets -------------------------------------------------------

TEST(IntegrationPhraseSnippets, QuotedPhraseIsOneMarkRun) {
    for (const char* view : {"statements", "passages"}) {
        const json response =
            fixture_server().get_json(search_path({{"q", "\"data localisation mandates\""}, {"view", view}}));
        ASSERT_EQ(response.at("total"), 1) << view;
        const json& hit = response.at("results")[0];
        EXPECT_EQ(hit.at("statement_id"), "northwind-ahc2-procedural-measures");
        const std::string snippet = hit.at("snippet");
        EXPECT_EQ(count(snippet, "<mark>"), 1u) << snippet;
        EXPECT_NE(snippet.find("<mark>Data localisation mandates</mark>"), std::string::npos) << snippet;
    }
}

TEST(IntegrationPhraseSnippets, PhraseAndAWordAreMarkedApart) {
    const json response =
        fixture_server().get_json(search_path({{"q", "\"data localisation mandates\" costs"}, {"view", "passages"}}));
    ASSERT_EQ(response.at("total"), 1);
    const std::string snippet = response.at("results")[0].at("snippet");
    EXPECT_NE(snippet.find("<mark>Data localisation mandates</mark>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("<mark>costs</mark>"), std::string::npos) << snippet;
    EXPECT_EQ(count(snippet, "<mark>"), 2u) << snippet;
}

}  // namespace
}  // namespace stmt_it
