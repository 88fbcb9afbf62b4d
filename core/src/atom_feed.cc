/** @file atom_feed.cc
 *  @brief A search sorted newest first, each hit with its citation, written
 *  with pugixml so that every text is escaped as XML requires.
 */
#include "stmtlib/atom_feed.h"

#include "stmtlib/api_parameters.h"
#include "stmtlib/research_requests.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace stmt {
namespace {

constexpr const char* ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
constexpr const char* FEED_AUTHOR = "Statement Library";

/// XML 1.0 allows no control characters but tab, newline and return, even
/// escaped; they are dropped rather than making the feed unparsable.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += c;
    }
    return out;
}

std::string percent_encode(std::string_view value) {
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += HEX[byte >> 4];
            out += HEX[byte & 0x0F];
        }
    }
    return out;
}

/// The parameters sorted and encoded: one feed, one id, whatever the order
/// a reader wrote them in.
std::string canonical_query(QueryParameters parameters) {
    std::sort(parameters.begin(), parameters.end());
    std::string out;
    for (const auto& [name, value] : parameters)
        out += (out.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
    return out;
}

std::string feed_title(const QueryParameters& parameters) {
    std::string title = "Statement Library";
    std::string filters;
    for (const auto& [name, value] : parameters) {
        if (name == api::PARAM_QUERY)
            title += ": \u201c" + value + "\u201d";
        else if (name != api::PARAM_PER_PAGE)
            filters += (filters.empty() ? "" : ", ") + name + " " + value;
    }
    return filters.empty() ? title : title + " (" + filters + ")";
}

/// RFC 3339 at midnight UTC for a statement's date; the database's build
/// time for an undated statement (when the library last published it).
std::string entry_updated(const SearchHit& hit, const std::string& built_at) {
    return hit.date.empty() ? built_at : hit.date + "T00:00:00Z";
}

void add_text(pugi::xml_node parent, const char* name, std::string_view text) {
    parent.append_child(name).text().set(xml_text(text).c_str());
}

void add_link(pugi::xml_node parent, const char* rel, const char* type, const std::string& href) {
    pugi::xml_node link = parent.append_child("link");
    link.append_attribute("rel") = rel;
    link.append_attribute("type") = type;
    link.append_attribute("href") = xml_text(href).c_str();
}

void add_entry(pugi::xml_node feed, Searcher& searcher, const SearchHit& hit, const std::string& base_url,
               const std::string& built_at) {
    pugi::xml_node entry = feed.append_child("entry");
    add_text(entry, "id", FEED_ENTRY_ID_PREFIX + percent_encode(hit.statement_id));
    add_text(entry, "title", hit.title);
    add_text(entry, "updated", entry_updated(hit, built_at));
    if (!hit.date.empty()) add_text(entry, "published", hit.date + "T00:00:00Z");
    add_link(entry, "alternate", "text/html", base_url + "/statements/" + percent_encode(hit.statement_id));
    add_text(entry.append_child("author"), "name", hit.organization.label);
    for (const auto& theme : hit.themes) {
        pugi::xml_node category = entry.append_child("category");
        category.append_attribute("term") = xml_text(theme.id).c_str();
        category.append_attribute("label") = xml_text(theme.label).c_str();
    }
    const auto citation = searcher.cite(CiteRequest{hit.statement_id, 0, CitationFormat::text}, base_url);
    if (citation) {
        pugi::xml_node summary = entry.append_child("summary");
        summary.append_attribute("type") = "text";
        summary.text().set(xml_text(*citation).c_str());
    }
    pugi::xml_node content = entry.append_child("content");
    content.append_attribute("type") = "html";  // the snippet is HTML with <mark>; XML escapes it once more
    content.text().set(xml_text(hit.snippet).c_str());
}

}  // namespace

Expected<std::string> atom_feed(Searcher& searcher, const QueryParameters& parameters, const std::string& base_url) {
    QueryParameters search_parameters;
    bool has_per_page = false;
    for (const auto& [name, value] : parameters) {
        if (name == api::PARAM_SORT || name == api::PARAM_VIEW || name == api::PARAM_PAGE)
            return Error{ErrorCode::unknown_parameter,
                         "the feed does not take '" + name + "': it lists the newest statements first", name};
        has_per_page = has_per_page || name == api::PARAM_PER_PAGE;
        search_parameters.emplace_back(name, value);
    }
    if (!has_per_page) search_parameters.emplace_back(api::PARAM_PER_PAGE, std::to_string(FEED_DEFAULT_ENTRIES));
    search_parameters.emplace_back(api::PARAM_SORT, api::SORT_DATE_DESCENDING);
    auto request = parse_search_parameters(search_parameters);
    if (!request) return request.error();
    request->view = View::statements;
    const auto response = searcher.search(*request);
    if (!response) return response.error();
    const std::string built_at = searcher.status().value("built_at", std::string("1970-01-01T00:00:00Z"));

    pugi::xml_document document;
    pugi::xml_node feed = document.append_child("feed");
    feed.append_attribute("xmlns") = ATOM_NAMESPACE;
    const std::string query = canonical_query(parameters);
    add_text(feed, "id", FEED_ID_PREFIX + query);
    add_text(feed, "title", feed_title(parameters));
    std::string updated;
    for (const auto& hit : response->results) updated = std::max(updated, entry_updated(hit, built_at));
    add_text(feed, "updated", updated.empty() ? built_at : updated);
    add_link(feed, "self", "application/atom+xml", base_url + "/api/feed.atom" + (query.empty() ? "" : "?" + query));
    add_link(feed, "alternate", "text/html", base_url + "/" + (query.empty() ? "" : "?" + query));
    add_text(feed.append_child("author"), "name", FEED_AUTHOR);
    add_text(feed, "generator", "Statement Library searchd");
    for (const auto& hit : response->results) add_entry(feed, searcher, hit, base_url, built_at);

    std::ostringstream out;
    document.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str();
}

}  // namespace stmt
