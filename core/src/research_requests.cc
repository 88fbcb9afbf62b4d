/** @file research_requests.cc
 *  @brief Parameters and bodies of the research endpoints -> requests.
 */
#include "stmtlib/research_requests.h"

#include "stmtlib/text.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <charconv>

namespace stmt {
namespace {

Error invalid(std::string_view parameter, std::string message) {
    return Error{ErrorCode::invalid_parameter, std::move(message), std::string(parameter)};
}

std::optional<int> whole_number(const std::string& s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}

/// Takes the named parameters out of `parameters`, the rest stay.
std::map<std::string, std::string> take(QueryParameters& parameters, std::initializer_list<std::string_view> names) {
    std::map<std::string, std::string> taken;
    QueryParameters rest;
    for (auto& [name, value] : parameters) {
        const bool wanted = std::find(names.begin(), names.end(), name) != names.end();
        if (wanted) taken[name] = value;
        else rest.emplace_back(std::move(name), std::move(value));
    }
    parameters = std::move(rest);
    return taken;
}

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) ++n;
    return n;
}

Expected<SearchRequest> scope_of(const QueryParameters& parameters, int default_per_page) {
    QueryParameters with_default = parameters;
    const bool has_per_page = std::any_of(parameters.begin(), parameters.end(),
                                          [](const auto& p) { return p.first == api::PARAM_PER_PAGE; });
    if (!has_per_page) with_default.emplace_back(std::string(api::PARAM_PER_PAGE), std::to_string(default_per_page));
    auto scope = parse_search_parameters(with_default);
    if (!scope) return scope.error();
    if (!scope->query.empty())
        return Error{ErrorCode::unknown_parameter, "'q' is not taken here: give 'text' or 'statement'",
                     std::string(api::PARAM_QUERY)};
    return scope;
}

}  // namespace

Expected<SimilarRequest> parse_similar_parameters(const QueryParameters& parameters) {
    QueryParameters rest = parameters;
    const auto own = take(rest, {PARAM_STATEMENT, PARAM_PARAGRAPH, PARAM_TEXT});
    SimilarRequest r;
    if (own.count(std::string(PARAM_TEXT))) {
        r.text = own.at(std::string(PARAM_TEXT));
        if (text::trim(r.text).empty()) return invalid(PARAM_TEXT, "'text' must be a non-empty string");
    }
    if (own.count(std::string(PARAM_STATEMENT))) r.statement_id = text::trim(own.at(std::string(PARAM_STATEMENT)));
    if (r.text.empty() && r.statement_id.empty())
        return invalid(PARAM_STATEMENT, "give 'statement' and 'paragraph' (or POST a 'text')");
    if (!r.text.empty() && !r.statement_id.empty())
        return invalid(PARAM_TEXT, "give either 'text' or 'statement', not both");
    if (!r.statement_id.empty()) {
        const auto paragraph = own.count(std::string(PARAM_PARAGRAPH)) ? whole_number(own.at(std::string(PARAM_PARAGRAPH)))
                                                                       : std::nullopt;
        if (!paragraph || *paragraph < 1) return invalid(PARAM_PARAGRAPH, "'paragraph' must be a whole number from 1");
        r.paragraph = *paragraph;
    }
    if (text::find_invalid_utf8(r.text)) return invalid(PARAM_TEXT, "'text' is not valid UTF-8");
    if (characters(r.text) > MAX_SIMILAR_TEXT_CHARACTERS)
        return Error{ErrorCode::payload_too_large,
                     "'text' is longer than " + std::to_string(MAX_SIMILAR_TEXT_CHARACTERS) + " characters",
                     std::string(PARAM_TEXT)};
    auto scope = scope_of(rest, DEFAULT_SIMILAR_RESULTS);
    if (!scope) return scope.error();
    r.scope = std::move(*scope);
    return r;
}

Expected<SimilarRequest> parse_similar_body(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Error{ErrorCode::invalid_parameter, "the body must be a JSON object such as {\"text\": \"...\"}", "body"};
    QueryParameters parameters;
    for (const auto& [key, value] : json.items()) {
        if (value.is_array()) {
            for (const auto& item : value) {
                if (!item.is_string()) return invalid(key, "'" + key + "' must hold strings");
                parameters.emplace_back(key, item.get<std::string>());
            }
        } else if (value.is_string()) {
            parameters.emplace_back(key, value.get<std::string>());
        } else if (value.is_number_integer()) {
            parameters.emplace_back(key, std::to_string(value.get<long long>()));
        } else if (!value.is_null()) {
            return invalid(key, "'" + key + "' must be a string, a number or a list of strings");
        }
    }
    const bool has_text = json.contains(std::string(PARAM_TEXT));
    if (has_text && (!json.at(std::string(PARAM_TEXT)).is_string() || text::trim(json.at(std::string(PARAM_TEXT)).get<std::string>()).empty()))
        return invalid(PARAM_TEXT, "'text' must be a non-empty string");
    return parse_similar_parameters(parameters);
}

Expected<CompareRequest> parse_compare_parameters(const QueryParameters& parameters) {
    QueryParameters rest = parameters;
    const auto own = take(rest, {PARAM_COMPARE_A, PARAM_COMPARE_B});
    CompareRequest r;
    for (const auto name : {PARAM_COMPARE_A, PARAM_COMPARE_B}) {
        const auto it = own.find(std::string(name));
        if (it == own.end() || text::trim(it->second).empty())
            return invalid(name, "'a' and 'b' name the two sessions or organisations to compare");
        (name == PARAM_COMPARE_A ? r.a : r.b) = text::trim(it->second);
    }
    const bool has_per_page = std::any_of(rest.begin(), rest.end(), [](const auto& p) { return p.first == api::PARAM_PER_PAGE; });
    if (!has_per_page) rest.emplace_back(std::string(api::PARAM_PER_PAGE), std::to_string(DEFAULT_COMPARE_RESULTS));
    auto search = parse_search_parameters(rest);
    if (!search) return search.error();
    r.search = std::move(*search);
    return r;
}

Expected<CiteRequest> parse_cite_parameters(const std::string& statement_id, const QueryParameters& parameters) {
    CiteRequest r;
    r.statement_id = statement_id;
    for (const auto& [name, value] : parameters) {
        if (name == PARAM_PARAGRAPH) {
            const auto n = whole_number(value);
            if (!n || *n < 1) return invalid(name, "'paragraph' must be a whole number from 1");
            r.paragraph = *n;
        } else if (name == PARAM_FORMAT) {
            const auto format = citation_format(value);
            if (!format) return invalid(name, "'format' must be text, markdown, bibtex or csl-json");
            r.format = *format;
        } else {
            return Error{ErrorCode::unknown_parameter, "unknown parameter '" + name + "'", name};
        }
    }
    return r;
}

}  // namespace stmt
