/** @file planner.cc
 *  @brief Even spreading of statement attributes under constraints.
 */
#include "planner.h"

#include "headers.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace gen_corpus {
namespace {

constexpr int OWN_LANGUAGE_ORG_PERCENT = 70;  ///< statements in fr/es/en by an organisation named in that language

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04ld-%02ld-%02ld", y, m, d);
    return buffer;
}

long to_days(const std::string& iso) {
    return days_from_civil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

}  // namespace

std::string random_day(const std::string& start, const std::string& end, Rng& rng) {
    const long first = to_days(start), last = std::max(first, to_days(end));
    return civil_from_days(first + static_cast<long>(rng.below(static_cast<std::size_t>(last - first + 1))));
}

std::string Balancer::choose(const std::vector<std::string>& allowed, Rng& rng, const std::map<std::string, int>& weights) {
    if (allowed.empty()) throw std::logic_error("Balancer::choose: nothing allowed");
    std::vector<std::string> best;
    double best_load = 0;
    for (const auto& value : allowed) {
        const auto w = weights.find(value);
        const double weight = w == weights.end() ? 1.0 : w->second;
        if (weight <= 0) continue;
        const double load = static_cast<double>(counts_[value]) / weight;
        if (best.empty() || load < best_load) {
            best = {value};
            best_load = load;
        } else if (load == best_load) {
            best.push_back(value);
        }
    }
    if (best.empty()) throw std::logic_error("Balancer::choose: every weight is zero");
    std::string chosen = rng.pick(best);
    ++counts_[chosen];
    return chosen;
}

Planner::Planner(const Vocab& vocab, const std::vector<std::string>& languages, std::vector<std::string> formats,
                 std::vector<std::string> sources)
    : vocab_(vocab), formats_(std::move(formats)), sources_(std::move(sources)) {
    for (const auto& l : languages) {
        if (contains(languages_, l) || contains(left_out_, l)) continue;
        const bool writable = std::any_of(sources_.begin(), sources_.end(), [&](const auto& s) { return !formats_for(l, s).empty(); });
        (writable ? languages_ : left_out_).push_back(l);
    }
    if (languages_.empty())
        throw std::runtime_error("no requested language can be written in the requested formats with the requested "
                                 "metadata (front matter and folders need txt or md; PDF needs en, fr or es)");
}

std::vector<std::string> Planner::formats_for(const std::string& language, const std::string& source) const {
    std::vector<std::string> out;
    const bool text_only = source == "front_matter" || source == "folder";
    for (const auto& f : formats_) {
        if (text_only && f != "txt" && f != "md") continue;
        if (f == "pdf" && !contains(PDF_LANGUAGES, language)) continue;
        out.push_back(f);
    }
    return out;
}

Plan Planner::next(Rng& rng) {
    Plan p;
    p.language = language_.choose(languages_, rng);

    std::vector<std::string> sources;
    for (const auto& s : sources_)
        if (!formats_for(p.language, s).empty()) sources.push_back(s);
    p.source = source_.choose(sources, rng, METADATA_WEIGHTS);
    p.format = format_by_source_[p.source].choose(formats_for(p.language, p.source), rng);

    std::vector<std::string> ids;
    for (const auto& s : vocab_.sessions) ids.push_back(s.id);
    p.session = session_.choose(ids, rng);
    ids.clear();
    for (const auto& c : vocab_.chapters) ids.push_back(c.id);
    p.chapter = chapter_.choose(ids, rng);
    ids.clear();
    for (const auto& s : vocab_.statuses)
        if (p.source != "header" || header_can_express(vocab_, p.language, s)) ids.push_back(s.id);
    p.status = status_.choose(ids, rng);

    const std::vector<std::string> dated = p.source == "folder" ? std::vector<std::string>{"no"} : std::vector<std::string>{"yes", "no"};
    if (dated_.choose(dated, rng, {{"yes", 5}, {"no", 4}}) == "yes") {
        const auto& s = vocab_.session(p.session);
        p.date = random_day(s.start, s.end, rng);
    }

    const auto& orgs = fictional_organizations();
    std::vector<std::string> names;
    const bool own = contains(PDF_LANGUAGES, p.language) && rng.percent(OWN_LANGUAGE_ORG_PERCENT);
    for (const auto& o : orgs)
        if (!own || o.language == p.language) names.push_back(o.id);
    const std::string id = org_by_language_[own ? p.language : "any"].choose(names, rng);
    for (const auto& o : orgs)
        if (o.id == id) p.org = &o;
    return p;
}

}  // namespace gen_corpus
