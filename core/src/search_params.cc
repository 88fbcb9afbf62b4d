/** @file search_params.cc
 *  @brief Parameter strings -> SearchRequest, with one clear error each.
 */
#include "stmtlib/dates.h"
#include "stmtlib/search_request.h"
#include "stmtlib/text.h"

#include <algorithm>
#include <charconv>

namespace stmt {
namespace {

Error invalid(std::string_view parameter, std::string message) {
    return Error{ErrorCode::invalid_parameter, std::move(message), std::string(parameter)};
}

std::optional<int> parse_int(const std::string& s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

bool is_filter(std::string_view name) {
    return std::find(api::FILTER_FIELDS.begin(), api::FILTER_FIELDS.end(), name) != api::FILTER_FIELDS.end();
}

}  // namespace

Expected<SearchRequest> parse_search_parameters(const QueryParameters& parameters) {
    SearchRequest r;
    std::size_t filter_values = 0;
    for (const auto& [name, raw_value] : parameters) {
        const std::string value = text::trim(raw_value);
        if (text::find_invalid_utf8(raw_value)) return invalid(name, "'" + name + "' is not valid UTF-8");
        if (name == api::PARAM_QUERY) {
            if (raw_value.size() > api::MAX_QUERY_BYTES)
                return invalid(name, "the query is longer than " + std::to_string(api::MAX_QUERY_BYTES) + " bytes");
            r.query = value;
        } else if (is_filter(name)) {
            if (value.empty()) continue;
            if (++filter_values > api::MAX_FILTER_VALUES)
                return invalid(name, "more than " + std::to_string(api::MAX_FILTER_VALUES) + " filter values");
            r.filters[name].push_back(value);
        } else if (name == api::PARAM_DATE_FROM || name == api::PARAM_DATE_TO) {
            if (value.empty()) continue;
            if (!dates::is_iso_date(value)) return invalid(name, "'" + name + "' must be a date written YYYY-MM-DD");
            (name == api::PARAM_DATE_FROM ? r.date_from : r.date_to) = value;
        } else if (name == api::PARAM_VIEW) {
            if (value == api::VIEW_STATEMENTS) r.view = View::statements;
            else if (value == api::VIEW_PASSAGES) r.view = View::passages;
            else return invalid(name, "'view' must be 'statements' or 'passages'");
        } else if (name == api::PARAM_SORT) {
            if (value == api::SORT_RELEVANCE) r.sort = Sort::relevance;
            else if (value == api::SORT_DATE) r.sort = Sort::date_ascending;
            else if (value == api::SORT_DATE_DESCENDING) r.sort = Sort::date_descending;
            else return invalid(name, "'sort' must be 'relevance', 'date' or '-date'");
        } else if (name == api::PARAM_PAGE) {
            const auto page = parse_int(value);
            if (!page || *page < 1) return invalid(name, "'page' must be a whole number from 1");
            r.page = *page;
        } else if (name == api::PARAM_PER_PAGE) {
            const auto per_page = parse_int(value);
            if (!per_page || *per_page < 1 || *per_page > api::MAX_PER_PAGE)
                return invalid(name, "'per_page' must be a whole number from 1 to " + std::to_string(api::MAX_PER_PAGE));
            r.per_page = *per_page;
        } else {
            return Error{ErrorCode::unknown_parameter, "unknown parameter '" + name + "'", name};
        }
    }
    if (!r.date_from.empty() && !r.date_to.empty() && r.date_from > r.date_to)
        return invalid(api::PARAM_DATE_FROM, "'date_from' is after 'date_to'");
    if (static_cast<long long>(r.page) * r.per_page > api::MAX_RESULT_WINDOW)
        return Error{ErrorCode::page_out_of_range,
                     "page * per_page may not exceed " + std::to_string(api::MAX_RESULT_WINDOW) +
                         "; narrow the search instead of paging deeper",
                     std::string(api::PARAM_PAGE)};
    return r;
}

}  // namespace stmt
