/** @file fuzz_api_parameters.cc
 *  @brief Request parameters of every endpoint through the core's request
 *  parsers, and the input as the JSON body of POST /api/similar.
 *
 *  The input is read as a query string ("name=value&name=value"); the HTTP
 *  layer has already percent-decoded it, so names and values may hold any
 *  bytes.
 */
#include "fuzz_support.h"

#include "stmtlib/research_requests.h"
#include "stmtlib/search_request.h"
#include "stmtlib/text.h"

namespace {

stmt::QueryParameters split_parameters(std::string_view input) {
    stmt::QueryParameters out;
    while (!input.empty()) {
        const auto amp = input.find('&');
        const std::string_view pair = input.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) out.emplace_back(std::string(pair), "");
        else out.emplace_back(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        input.remove_prefix(amp + 1);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = stmt::fuzz::as_text(data, size);
    const stmt::QueryParameters parameters = split_parameters(input);

    if (const auto search = stmt::parse_search_parameters(parameters)) {
        // What the parser accepts stays inside the documented limits.
        if (search->query.size() > stmt::api::MAX_QUERY_BYTES) std::abort();
        if (search->per_page < 1 || search->per_page > stmt::api::MAX_PER_PAGE) std::abort();
        if (static_cast<long long>(search->page) * search->per_page > stmt::api::MAX_RESULT_WINDOW) std::abort();
        std::size_t values = 0;
        for (const auto& [field, list] : search->filters) values += list.size();
        if (values > stmt::api::MAX_FILTER_VALUES) std::abort();
    }
    stmt::parse_similar_parameters(parameters);
    stmt::parse_compare_parameters(parameters);
    stmt::parse_cite_parameters(parameters.empty() ? std::string() : parameters.front().second, parameters);
    if (const auto similar = stmt::parse_similar_body(std::string(input))) {
        if (stmt::text::find_invalid_utf8(similar->text)) std::abort();
    }
    return 0;
}
