/** @file citation.cc
 *  @brief Citation strings; one function per format.
 */
#include "stmtlib/citation.h"

#include "stmtlib/vocabulary.h"

#include <nlohmann/json.hpp>

namespace stmt {
namespace {

/// How a citation names each kind of statement.
std::string kind_of(const std::string& status) {
    if (status == "draft") return "draft statement";
    if (status == "oral") return "oral statement";
    if (status == "written") return "written submission";
    if (status == "joint") return "joint statement";
    return "statement";
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

/// "fifth session of the Ad Hoc Committee (AHC 5)"; meetings that are not
/// sessions of the Committee (intersessionals, the signing) keep their label.
std::string session_phrase(const CitationSource& s) {
    if (s.session_id.empty()) return {};
    std::string phrase = lower_first(s.session_label);
    if (s.session_id.starts_with("ahc-")) phrase += " of the Ad Hoc Committee";
    if (!s.session_short.empty() && s.session_short != s.session_label) phrase += " (" + s.session_short + ")";
    return phrase;
}

std::string plain(const CitationSource& s) {
    std::string out = s.organization + ", " + kind_of(s.status);
    if (const auto session = session_phrase(s); !session.empty()) out += ", " + session;
    if (!s.chapter_label.empty() && s.chapter_id != GENERAL_CHAPTER_ID) out += ", " + s.chapter_label;
    if (!s.date.empty()) out += ", " + s.date;
    if (s.paragraph > 0) out += ", para. " + std::to_string(s.paragraph);
    return out + ".";
}

std::string markdown(const CitationSource& s) {
    std::string text = plain(s);
    text.pop_back();  // the full stop goes after the link
    std::string escaped;
    for (const char c : text) {
        if (c == '[' || c == ']' || c == '\\') escaped += '\\';
        escaped += c;
    }
    return "[" + escaped + "](" + s.url + ").";
}

std::string bibtex_escape(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\') {
            out += "\\textbackslash{}";
            continue;
        }
        if (c == '{' || c == '}' || c == '%' || c == '&' || c == '$' || c == '#' || c == '_') out += '\\';
        out += c;
    }
    return out;
}

std::string bibtex(const CitationSource& s) {
    const std::string key = s.statement_id + (s.paragraph > 0 ? "-p" + std::to_string(s.paragraph) : "");
    std::string out = "@misc{" + key + ",\n";
    out += "  author = {{" + bibtex_escape(s.organization) + "}},\n";
    out += "  title = {{" + bibtex_escape(s.title) + "}},\n";
    out += "  howpublished = {" + bibtex_escape(kind_of(s.status)) +
           (session_phrase(s).empty() ? "" : ", " + bibtex_escape(session_phrase(s))) + "},\n";
    if (s.date.size() >= 4) out += "  year = {" + s.date.substr(0, 4) + "},\n";
    if (!s.date.empty()) out += "  date = {" + s.date + "},\n";
    if (s.paragraph > 0) out += "  note = {para. " + std::to_string(s.paragraph) + "},\n";
    out += "  url = {" + s.url + "}\n}\n";
    return out;
}

std::string csl_json(const CitationSource& s) {
    nlohmann::json item = {{"id", s.statement_id + (s.paragraph > 0 ? "-p" + std::to_string(s.paragraph) : "")},
                           {"type", "speech"},
                           {"title", s.title},
                           {"author", nlohmann::json::array({{{"literal", s.organization}}})},
                           {"genre", kind_of(s.status)},
                           {"URL", s.url}};
    if (const auto session = session_phrase(s); !session.empty()) item["event-title"] = session;
    if (!s.chapter_label.empty() && s.chapter_id != GENERAL_CHAPTER_ID) item["section"] = s.chapter_label;
    if (s.paragraph > 0) item["locator"] = std::to_string(s.paragraph), item["label"] = "paragraph";
    if (s.date.size() == 10)
        item["issued"] = {{"date-parts", {{std::stoi(s.date.substr(0, 4)), std::stoi(s.date.substr(5, 2)),
                                           std::stoi(s.date.substr(8, 2))}}}};
    return nlohmann::json::array({item}).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::optional<CitationFormat> citation_format(std::string_view name) {
    if (name == "text" || name.empty()) return CitationFormat::text;
    if (name == "markdown") return CitationFormat::markdown;
    if (name == "bibtex") return CitationFormat::bibtex;
    if (name == "csl-json") return CitationFormat::csl_json;
    return std::nullopt;
}

std::string_view citation_media_type(CitationFormat format) {
    switch (format) {
        case CitationFormat::text: return "text/plain; charset=utf-8";
        case CitationFormat::markdown: return "text/markdown; charset=utf-8";
        case CitationFormat::bibtex: return "application/x-bibtex; charset=utf-8";
        case CitationFormat::csl_json: return "application/vnd.citationstyles.csl+json; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
}

std::string cite(const CitationSource& source, CitationFormat format) {
    switch (format) {
        case CitationFormat::text: return plain(source);
        case CitationFormat::markdown: return markdown(source);
        case CitationFormat::bibtex: return bibtex(source);
        case CitationFormat::csl_json: return csl_json(source);
    }
    return plain(source);
}

}  // namespace stmt
