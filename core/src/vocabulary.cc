/** @file vocabulary.cc
 *  @brief Lookups over the controlled vocabulary, and its JSON form.
 */
#include "stmtlib/vocabulary.h"

#include "stmtlib/text.h"

#include <algorithm>
#include <set>

namespace stmt {
namespace {

template <typename Entry>
void derive_match_keys(Entry& e, bool names_match = true) {
    std::set<std::string> keys;
    for (const auto* source : {&e.id, &e.label}) {
        std::string key = text::normalize_for_matching(*source);
        if (!key.empty() && names_match) keys.insert(key);
    }
    for (const auto& alias : e.aliases) {
        std::string key = text::normalize_for_matching(alias);
        if (!key.empty()) keys.insert(key);
    }
    e.match_keys.assign(keys.begin(), keys.end());
    std::stable_sort(e.match_keys.begin(), e.match_keys.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

template <typename Entry>
const Entry* by_id(const std::vector<Entry>& entries, std::string_view id) {
    for (const auto& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

template <typename Entry>
const Entry* resolve(const std::vector<Entry>& entries, std::string_view value) {
    if (const Entry* exact = by_id(entries, value)) return exact;
    const std::string key = text::normalize_for_matching(value);
    if (key.empty()) return nullptr;
    for (const auto& e : entries)
        if (std::find(e.match_keys.begin(), e.match_keys.end(), key) != e.match_keys.end()) return &e;
    return nullptr;
}

void entry_to_json(nlohmann::json& j, const VocabularyEntry& e) {
    j["id"] = e.id;
    j["label"] = e.label;
    j["aliases"] = e.aliases;
}

void entry_from_json(const nlohmann::json& j, VocabularyEntry& e) {
    e.id = j.at("id").get<std::string>();
    e.label = j.value("label", e.id);
    e.aliases = j.value("aliases", std::vector<std::string>{});
}

}  // namespace

bool contains_normalized_words(std::string_view haystack, std::string_view needle) {
    return text::contains_words(haystack, needle);
}

void Vocabulary::finalize() {
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const Session& a, const Session& b) { return a.start < b.start; });
    for (auto& e : sessions) derive_match_keys(e);
    for (auto& e : chapters) derive_match_keys(e);
    for (auto& e : organizations) derive_match_keys(e);
    for (auto& e : themes) derive_match_keys(e);
    // A status is recognised by its keywords only: its label ("Statement")
    // is a word every header has.
    for (auto& e : statuses) derive_match_keys(e, false);
}

const Session* Vocabulary::session(std::string_view id) const { return by_id(sessions, id); }
const Chapter* Vocabulary::chapter(std::string_view id) const { return by_id(chapters, id); }
const Organization* Vocabulary::organization(std::string_view id) const { return by_id(organizations, id); }
const Theme* Vocabulary::theme(std::string_view id) const { return by_id(themes, id); }
const Status* Vocabulary::status(std::string_view id) const { return by_id(statuses, id); }

const Status& Vocabulary::default_status() const {
    for (const auto& s : statuses)
        if (s.is_default) return s;
    static const Status fallback = [] {
        Status s;
        s.id = "final";
        s.label = "Statement";
        s.is_default = true;
        return s;
    }();
    return statuses.empty() ? fallback : statuses.back();
}

int Vocabulary::session_order(std::string_view id) const {
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (sessions[i].id == id) return static_cast<int>(i);
    return -1;
}

const Session* Vocabulary::resolve_session(std::string_view v) const { return resolve(sessions, v); }
const Chapter* Vocabulary::resolve_chapter(std::string_view v) const { return resolve(chapters, v); }
const Organization* Vocabulary::resolve_organization(std::string_view v) const { return resolve(organizations, v); }
const Theme* Vocabulary::resolve_theme(std::string_view v) const { return resolve(themes, v); }
const Status* Vocabulary::resolve_status(std::string_view v) const { return resolve(statuses, v); }

const Session* Vocabulary::session_on(std::string_view date) const {
    for (const auto& s : sessions)
        if (!s.start.empty() && s.start <= date && date <= (s.end.empty() ? s.start : s.end)) return &s;
    return nullptr;
}

const Organization& Vocabulary::discover_organization(std::string_view name) {
    const std::string clean = text::trim(name);
    if (const Organization* known = resolve_organization(clean)) return *known;
    Organization org;
    org.id = text::slugify(clean);
    if (org.id.empty()) org.id = "organization-" + std::to_string(organizations.size() + 1);
    while (organization(org.id)) org.id += "-x";
    org.label = clean;
    org.short_name = clean;
    org.discovered = true;
    derive_match_keys(org);
    organizations.push_back(std::move(org));
    return organizations.back();
}

std::vector<std::string> Vocabulary::acronyms() const {
    std::vector<std::string> out;
    for (const auto& group : synonyms)
        for (const auto& term : group) {
            const bool upper = !term.empty() && std::none_of(term.begin(), term.end(), [](char c) {
                return (c >= 'a' && c <= 'z' && c != 's') || c == ' ';
            });
            if (upper) out.push_back(term);
        }
    return out;
}

void to_json(nlohmann::json& j, const Vocabulary& v) {
    j = nlohmann::json::object();
    auto& sessions = j["sessions"] = nlohmann::json::array();
    for (const auto& s : v.sessions) {
        nlohmann::json e;
        entry_to_json(e, s);
        e["short"] = s.short_name;
        e["start"] = s.start;
        e["end"] = s.end;
        e["city"] = s.city;
        sessions.push_back(std::move(e));
    }
    auto& chapters = j["chapters"] = nlohmann::json::array();
    for (const auto& c : v.chapters) {
        nlohmann::json e;
        entry_to_json(e, c);
        e["number"] = c.number;
        e["articles"] = c.articles;
        chapters.push_back(std::move(e));
    }
    auto& organizations = j["organizations"] = nlohmann::json::array();
    for (const auto& o : v.organizations) {
        nlohmann::json e;
        entry_to_json(e, o);
        e["short"] = o.short_name;
        e["discovered"] = o.discovered;
        organizations.push_back(std::move(e));
    }
    auto& themes = j["themes"] = nlohmann::json::array();
    for (const auto& t : v.themes) {
        nlohmann::json e;
        entry_to_json(e, t);
        themes.push_back(std::move(e));
    }
    auto& statuses = j["statuses"] = nlohmann::json::array();
    for (const auto& s : v.statuses) {
        nlohmann::json e;
        entry_to_json(e, s);
        e["default"] = s.is_default;
        statuses.push_back(std::move(e));
    }
    j["synonyms"] = v.synonyms;
    j["formulas"] = {{"opening", v.formulas.opening}, {"closing", v.formulas.closing}};
}

void from_json(const nlohmann::json& j, Vocabulary& v) {
    v = Vocabulary{};
    for (const auto& e : j.at("sessions")) {
        Session s;
        entry_from_json(e, s);
        s.short_name = e.value("short", s.label);
        s.start = e.value("start", "");
        s.end = e.value("end", "");
        s.city = e.value("city", "");
        v.sessions.push_back(std::move(s));
    }
    for (const auto& e : j.at("chapters")) {
        Chapter c;
        entry_from_json(e, c);
        c.number = e.value("number", "");
        c.articles = e.value("articles", "");
        v.chapters.push_back(std::move(c));
    }
    for (const auto& e : j.at("organizations")) {
        Organization o;
        entry_from_json(e, o);
        o.short_name = e.value("short", o.label);
        o.discovered = e.value("discovered", false);
        v.organizations.push_back(std::move(o));
    }
    for (const auto& e : j.at("themes")) {
        Theme t;
        entry_from_json(e, t);
        v.themes.push_back(std::move(t));
    }
    for (const auto& e : j.at("statuses")) {
        Status s;
        entry_from_json(e, s);
        s.is_default = e.value("default", false);
        v.statuses.push_back(std::move(s));
    }
    v.synonyms = j.value("synonyms", std::vector<std::vector<std::string>>{});
    if (j.contains("formulas")) {
        v.formulas.opening = j["formulas"].value("opening", std::vector<std::string>{});
        v.formulas.closing = j["formulas"].value("closing", std::vector<std::string>{});
    }
    v.finalize();
}

}  // namespace stmt
