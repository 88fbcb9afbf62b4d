/** @file header_styles.h
 *  @brief The pieces and styles of header lines (English, French, Spanish),
 *  used by headers.cc only. Each style returns the header's lines, or none
 *  when it cannot name the request's facts.
 */
#pragma once

#include "header_tables.h"
#include "headers.h"
#include "text_util.h"

#include <algorithm>
#include <string>
#include <vector>

namespace gen_corpus::header_styles {

using Lines = std::vector<std::string>;

/// Header words in a language other than English (to keep them out of English headers).
inline bool is_foreign_phrase(const std::string& alias) {
    if (!is_ascii(alias)) return true;
    static const std::vector<std::string> foreign = [] {
        std::vector<std::string> out;
        for (const auto* table : {&french_tables(), &spanish_tables()}) {
            for (const auto& [id, phrase] : table->sessions) out.push_back(normalize(phrase));
            for (const auto& [id, forms] : table->chapters)
                for (const auto& form : forms) out.push_back(normalize(form));
        }
        return out;
    }();
    const std::string n = normalize(alias);
    return std::any_of(foreign.begin(), foreign.end(), [&](const std::string& f) { return contains_words(f, n); });
}

inline std::vector<std::string> english_aliases(const VocabEntry& e) {
    std::vector<std::string> out;
    for (const auto& a : e.aliases)
        if (!is_foreign_phrase(a)) out.push_back(a);
    return out;
}

/// "Fifth session" -> "fifth session"; "COSP rules..." stays.
inline std::string lower_label(const std::string& label) { return lower_first(label); }

class StyleBuilder {
public:
    StyleBuilder(const HeaderRequest& r, Rng& rng) : r_(r), rng_(rng) {}

    // --- pieces -------------------------------------------------------------------
    std::string org(bool allow_upper, bool allow_short) {
        if (!r_.registered) return r_.org.name;
        const int roll = static_cast<int>(rng_.below(10));
        if (allow_short && roll < 2) return r_.org.short_name;
        if (allow_upper && roll < 5) return to_upper(r_.org.name);
        return r_.org.name;
    }
    std::string the_org() {
        const std::string name = org(false, false);
        return r_.org.language == "en" && rng_.percent(50) ? "the " + name : name;
    }

    std::string session_compact() {
        auto options = english_aliases(r_.session);
        options.push_back(r_.session.label);
        return rng_.pick(options);
    }
    /// Fits "at the ___": a label or a multi-word alias that does not end with a number.
    std::string session_phrase() {
        std::vector<std::string> options = {lower_label(r_.session.label)};
        for (const auto& a : english_aliases(r_.session))
            if (a.find(' ') != std::string::npos && !(a.back() >= '0' && a.back() <= '9')) options.push_back(a);
        return rng_.percent(50) ? options.front() : rng_.pick(options);
    }
    std::string of_committee() const { return r_.session.id.starts_with("ahc") ? " of the Ad Hoc Committee" : ""; }

    /// A chapter line, or empty for no line (only for the general chapter).
    std::string chapter_line() {
        const auto& c = r_.chapter;
        std::vector<std::string> options;
        for (const auto& a : english_aliases(c)) options.push_back(capitalize(a));
        if (!c.number.empty()) {
            options.push_back("Chapter " + c.number + ": " + c.label);
            options.push_back("Chapter " + c.number + ": " + c.label);
            options.push_back(c.label);
        } else if (c.label.find('(') == std::string::npos) {
            options.push_back(c.label);
        }
        if (c.id == GENERAL_CHAPTER && (options.empty() || rng_.percent(50))) return {};
        return options.empty() ? std::string() : rng_.pick(options);
    }

    /// "Oral statement", "Written submission", "Draft statement", "Statement".
    std::string status_noun() {
        const auto& s = r_.status;
        if (s.is_default || s.aliases.empty()) return "Statement";
        std::vector<std::string> nouns;
        for (const auto& k : s.aliases)
            for (const char* noun : {"statement", "submission", "contribution", "letter"})
                if (contains_words(normalize(k), noun)) nouns.push_back(capitalize(k));
        if (!nouns.empty()) return rng_.pick(nouns);
        return capitalize(s.aliases.front()) + " statement";
    }
    /// A status word for "ORG – ORAL STATEMENT – AHC 6".
    std::string status_word() {
        if (r_.status.is_default || r_.status.aliases.empty())
            return rng_.pick(std::vector<std::string>{"Statement", "Intervention", "Remarks"});
        return capitalize(rng_.pick(r_.status.aliases));
    }

    std::string date_line(const std::string& language) {
        std::string spelled = spell_date(r_.date, language, rng_);
        if (rng_.percent(40)) return spelled;
        return city(language) + ", " + (language == "fr" && rng_.percent(50) ? "le " : "") + spelled;
    }
    std::string city(const std::string& language) const {
        const auto& table = language == "fr" ? french_tables() : spanish_tables();
        if (language == "en") return r_.session.city;
        const auto it = table.cities.find(r_.session.city);
        return it == table.cities.end() ? r_.session.city : it->second;
    }
    std::string speaker(const std::string& language) { return rng_.pick(speaker_names(language)); }

    // --- English styles -----------------------------------------------------------
    /// "*ORG DRAFT STATEMENT FOR AHC 5*" / "*International cooperation*" (needs the organisation registered).
    Lines seed() {
        const std::string session = rng_.percent(60) ? session_compact() : "the " + session_phrase();
        Lines lines = {to_upper(org(false, true) + " " + status_noun() + " for " + session)};
        add_chapter(lines);
        return lines;
    }
    /// "Statement by ORG at the fifth session of the Ad Hoc Committee" / "Chapter V: International cooperation".
    Lines by() {
        const std::string noun = status_noun();
        const bool letter = noun.ends_with("letter");
        const bool to = noun.find("ubmission") != std::string::npos || noun.find("ontribution") != std::string::npos;
        Lines lines = {noun + (letter ? " from " : " by ") + the_org() + (to ? " to the " : " at the ") +
                       session_phrase() + of_committee()};
        add_chapter(lines);
        return lines;
    }
    /// "ORG – ORAL STATEMENT – AHC6" / "Procedural measures and law enforcement".
    Lines dash() {
        static const std::vector<std::string> separators = {" \u2013 ", " \u2014 ", " - ", " | "};
        const std::string sep = rng_.pick(separators);
        const bool upper = r_.registered && rng_.percent(40);
        std::string status = status_word(), session = session_compact();
        std::string line = org(false, true) + sep + (rng_.percent(70) ? status + sep + session : session + sep + status);
        Lines lines = {upper ? to_upper(line) : line};
        add_chapter(lines);
        return lines;
    }
    /// "Vienna, 12 January 2023" / "Delivered by NAME on behalf of ORG" / chapter; session from the date.
    Lines date_only() {
        std::string role;
        const auto& kw = r_.status.aliases;
        if (std::find(kw.begin(), kw.end(), "delivered") != kw.end()) role = "Delivered by " + speaker("en");
        else if (r_.status.is_default || kw.empty()) role = "Presented by " + speaker("en");
        else role = status_noun() + " presented by " + speaker("en");
        Lines lines = {city("en") + ", " + spell_date(r_.date, "en", rng_), role + " on behalf of " + the_org()};
        add_chapter(lines);
        return lines;
    }
    /// "# ORG" / "Written submission to the reconvened concluding session" / "Chapter on technical assistance".
    Lines named_first() {
        const std::string noun = status_noun();
        const bool to = noun.find("ubmission") != std::string::npos;
        Lines lines = {org(false, true), noun + (to ? " to the " : rng_.percent(50) ? " at the " : " for the ") + session_phrase()};
        add_chapter(lines);
        return lines;
    }
    /// "ORG" / "AHC-1" / "Opening statement" [/ "Draft"].
    Lines bare() {
        Lines lines = {org(false, true), session_compact()};
        add_chapter(lines);
        if (!r_.status.is_default) lines.push_back(status_word());
        return lines;
    }
    /// "ORG" / "Statement on international cooperation, AHC 5".
    Lines statement_on() {
        const std::string chapter = chapter_line();
        const std::string topic = chapter.empty() ? "" : " on " + lower_first(chapter);
        return {org(false, true), status_noun() + topic + ", " + session_compact()};
    }

    // --- French and Spanish styles -------------------------------------------------
    Lines local_by(const HeaderTables& t) {
        const auto session = t.sessions.find(r_.session.id);
        if (session == t.sessions.end()) return {};
        Lines lines = {t.statement_of + " " + org(false, false) + " " + t.at + " " + session->second +
                       (r_.session.id.starts_with("ahc") ? " " + t.of_committee : "")};
        add_local_chapter(t, lines);
        return lines;
    }
    Lines local_dash(const HeaderTables& t) {
        std::vector<std::string> sessions;
        for (const auto& a : r_.session.aliases)
            if (a.starts_with("AHC") && a.find(' ') != std::string::npos) sessions.push_back(a);
        if (const auto s = t.sessions.find(r_.session.id); s != t.sessions.end()) sessions.push_back(capitalize(without_article(s->second)));
        if (sessions.empty()) return {};
        Lines lines = {org(false, true) + " \u2013 " + t.statement + " \u2013 " + rng_.pick(sessions)};
        add_local_chapter(t, lines);
        return lines;
    }
    Lines local_date(const HeaderTables& t) {
        Lines lines = {date_line(t.language), t.presented_by + " " + speaker(t.language) + " " + t.on_behalf_of + " " + org(false, false)};
        add_local_chapter(t, lines);
        return lines;
    }
    Lines local_bare(const HeaderTables& t) {
        const auto session = t.sessions.find(r_.session.id);
        if (session == t.sessions.end()) return {};
        Lines lines = {org(false, true), capitalize(without_article(session->second))};
        add_local_chapter(t, lines);
        return lines;
    }

private:
    void add_chapter(Lines& lines) {
        if (std::string c = chapter_line(); !c.empty()) lines.push_back(std::move(c));
    }
    void add_local_chapter(const HeaderTables& t, Lines& lines) {
        const auto it = t.chapters.find(r_.chapter.id);
        if (it == t.chapters.end() || it->second.empty()) {
            if (r_.chapter.id != GENERAL_CHAPTER) lines.clear();  // cannot name it: style unusable
            return;
        }
        if (r_.chapter.id == GENERAL_CHAPTER && rng_.percent(50)) return;
        lines.push_back(rng_.pick(it->second));
    }
    static std::string without_article(const std::string& phrase) {
        for (const char* article : {"la ", "le ", "el ", "l'"})
            if (phrase.starts_with(article)) return phrase.substr(std::string(article).size());
        return phrase;
    }

    const HeaderRequest& r_;
    Rng& rng_;
};

}  // namespace gen_corpus::header_styles
