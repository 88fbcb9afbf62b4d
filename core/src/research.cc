/** @file research.cc
 *  @brief How positions evolved: a timeline over the sessions and a
 *  side-by-side comparison of two sessions or organisations; and citations.
 */
#include "stmtlib/document_builder.h"
#include "stmtlib/query_builder.h"
#include "stmtlib/research_requests.h"
#include "stmtlib/schema.h"
#include "stmtlib/searcher.h"

#include "search_support.h"

#include <chrono>
#include <cmath>

namespace stmt {

using namespace support;

namespace {

/// The best passage of a query within one session, if any.
std::optional<SearchHit> best_in_session(Xapian::Database& db, const Xapian::Query& query, const std::string& session,
                                         const SearchRequest& request, const Labeller& labeller) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(std::string(schema::PREFIX_SESSION) + session)));
    configure_order(enquire, request);
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) return std::nullopt;
    const auto data = nlohmann::json::parse(mset.begin().get_document().get_data(), nullptr, false);
    SearchHit hit = hit_from_data(data, labeller);
    hit.snippet = snippet_for(mset, data.value("text", ""), hit.language, request.query);
    hit.score = std::round(mset.begin().get_weight() * 1000.0) / 1000.0;
    return hit;
}

}  // namespace

void to_json(nlohmann::json& j, const TimelineEntry& e) {
    j = {{"id", e.id},
         {"label", e.label},
         {"short", e.short_name},
         {"start", e.start},
         {"end", e.end},
         {"statements", e.statements},
         {"organizations", e.organizations},
         {"best", e.best ? nlohmann::json(*e.best) : nlohmann::json(nullptr)}};
}

void to_json(nlohmann::json& j, const TimelineResponse& r) {
    j = {{"query", r.query}, {"total", r.total}, {"sessions", r.sessions}, {"took_ms", r.took_ms}};
}

void to_json(nlohmann::json& j, const CompareResponse& r) {
    const auto side = [](const CompareSide& s) {
        nlohmann::json out = s.search;
        out["field"] = s.field;
        out["value"] = s.value;
        out.erase("facets");
        return out;
    };
    j = {{"query", r.query}, {"a", side(r.a)}, {"b", side(r.b)}};
}

Expected<TimelineResponse> Searcher::timeline(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    Lease lease = reader_.lease();
    Xapian::Database& db = lease.db();
    const Snapshot& snapshot = lease.snapshot();
    QueryBuilder builder(db, snapshot.vocabulary(), library_languages(snapshot.facets()), lease.spelling());
    auto counted = count_query(builder, db, request, snapshot.facets(), View::statements, true);
    if (!counted) return counted.error();
    const FacetCounts& counts = counted->counts;

    TimelineResponse response;
    response.query = request.query;
    response.total = counts.total;
    const auto& codes = snapshot.facets().values(StatementField::session);
    const auto& statement_counts = counts.fields[static_cast<std::size_t>(StatementField::session)];
    const Labeller labeller(snapshot.vocabulary());
    for (const auto& session : snapshot.vocabulary().sessions) {
        TimelineEntry entry{session.id, session.label, session.short_name, session.start, session.end, 0, 0, std::nullopt};
        const auto code = std::find(codes.begin(), codes.end(), session.id);
        if (code != codes.end()) {
            const auto index = static_cast<std::size_t>(code - codes.begin());
            entry.statements = statement_counts[index];
            entry.organizations = counts.organizations_by_session[index];
        }
        if (entry.statements > 0) entry.best = best_in_session(db, counted->query, session.id, request, labeller);
        response.sessions.push_back(std::move(entry));
    }
    response.took_ms = elapsed_ms(started);
    return response;
}

Expected<CompareResponse> Searcher::compare(const CompareRequest& request) {
    CompareResponse response;
    response.query = request.search.query;
    std::vector<Labelled> values;
    for (const auto& [name, side, value] :
         {std::tuple{PARAM_COMPARE_A, &response.a, &request.a}, std::tuple{PARAM_COMPARE_B, &response.b, &request.b}}) {
        SearchRequest search = request.search;
        {
            Lease lease = reader_.lease();
            const Vocabulary& v = lease.snapshot().vocabulary();
            if (const auto* session = v.resolve_session(*value)) {
                side->field = std::string(api::PARAM_SESSION);
                side->value = {session->id, session->label};
            } else if (const auto* organization = v.resolve_organization(*value)) {
                side->field = std::string(api::PARAM_ORGANIZATION);
                side->value = {organization->id, organization->label};
            } else {
                return Error{ErrorCode::unknown_filter_value,
                             "'" + *value + "' names no session or organisation", std::string(name)};
            }
        }
        search.filters[side->field] = {side->value.id};
        auto result = this->search(search);
        if (!result) return result.error();
        side->search = std::move(*result);
    }
    return response;
}

Expected<std::string> Searcher::cite(const CiteRequest& request, const std::string& base_url) {
    const auto statement = this->statement(request.statement_id);
    if (!statement) return statement.error();
    const nlohmann::json& s = *statement;
    if (request.paragraph > 0 && request.paragraph > static_cast<int>(s.at("paragraphs").size()))
        return Error{ErrorCode::paragraph_not_found,
                     "statement '" + request.statement_id + "' has no paragraph " + std::to_string(request.paragraph),
                     std::string(PARAM_PARAGRAPH)};
    CitationSource source;
    source.statement_id = request.statement_id;
    source.title = s.at("title");
    source.organization = s.at("organization").at("label");
    source.status = s.at("status");
    if (!s.at("session").is_null()) {
        Lease lease = reader_.lease();
        if (const auto* session = lease.snapshot().vocabulary().session(s.at("session").at("id").get<std::string>())) {
            source.session_id = session->id;
            source.session_label = session->label;
            source.session_short = session->short_name;
        }
    }
    source.chapter_id = s.at("chapter").at("id");
    source.chapter_label = s.at("chapter").at("label");
    source.date = s.at("date").is_null() ? "" : s.at("date").get<std::string>();
    source.paragraph = request.paragraph;
    source.url = base_url + STATEMENT_URL_PREFIX + request.statement_id +
                 (request.paragraph > 0 ? "#p" + std::to_string(request.paragraph) : "");
    return stmt::cite(source, request.format);
}

}  // namespace stmt
