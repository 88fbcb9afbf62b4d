/** @file headers.cc
 *  @brief Choosing a header style, verifying its lines, laying them out.
 *
 *  The styles (header_styles.h) build lines from the vocabulary (English) or
 *  from header_tables.cc (French and Spanish names of sessions and chapters,
 *  which corpus/vocabulary lists as aliases). A header is kept only if
 *  read_header_facts() finds in it exactly the intended facts.
 */
#include "headers.h"

#include "header_styles.h"
#include "header_tables.h"

#include <algorithm>
#include <functional>

namespace gen_corpus {
namespace {

using header_styles::Lines;
using header_styles::StyleBuilder;

struct Style {
    const char* name;
    std::string language;  ///< of the header's words
    bool needs_registration;
    bool needs_date;
    bool may_add_date;
    std::function<Lines(StyleBuilder&)> build;
};

const std::vector<Style>& styles() {
    static const std::vector<Style> all = {
        {"seed", "en", true, false, true, [](StyleBuilder& b) { return b.seed(); }},
        {"by", "en", false, false, true, [](StyleBuilder& b) { return b.by(); }},
        {"dash", "en", false, false, true, [](StyleBuilder& b) { return b.dash(); }},
        {"date-only", "en", false, true, false, [](StyleBuilder& b) { return b.date_only(); }},
        {"named-first", "en", false, false, true, [](StyleBuilder& b) { return b.named_first(); }},
        {"bare", "en", false, false, true, [](StyleBuilder& b) { return b.bare(); }},
        {"statement-on", "en", false, false, true, [](StyleBuilder& b) { return b.statement_on(); }},
        {"fr-by", "fr", true, false, true, [](StyleBuilder& b) { return b.local_by(french_tables()); }},
        {"fr-dash", "fr", false, false, true, [](StyleBuilder& b) { return b.local_dash(french_tables()); }},
        {"fr-date-only", "fr", true, true, false, [](StyleBuilder& b) { return b.local_date(french_tables()); }},
        {"fr-bare", "fr", false, false, true, [](StyleBuilder& b) { return b.local_bare(french_tables()); }},
        {"es-by", "es", true, false, true, [](StyleBuilder& b) { return b.local_by(spanish_tables()); }},
        {"es-dash", "es", false, false, true, [](StyleBuilder& b) { return b.local_dash(spanish_tables()); }},
        {"es-date-only", "es", true, true, false, [](StyleBuilder& b) { return b.local_date(spanish_tables()); }},
        {"es-bare", "es", false, false, true, [](StyleBuilder& b) { return b.local_bare(spanish_tables()); }},
    };
    return all;
}

std::string header_language(const std::string& language) { return language == "fr" || language == "es" ? language : "en"; }

std::vector<std::string> organization_keys(const HeaderRequest& r) {
    return r.registered ? r.org_entry.keys : std::vector<std::string>{normalize(r.org.name)};
}

/// Whether the lines, read as the indexer reads them, give the intended facts.
bool names_exactly(const HeaderRequest& r, const Lines& lines, bool date_named) {
    constexpr std::size_t MAX_HEADER_WORDS = 25;
    for (const auto& line : lines) {
        if (line.empty() || std::count(line.begin(), line.end(), ' ') + 1 > static_cast<long>(MAX_HEADER_WORDS)) return false;
        const char last = line.back();
        if (last == '.' || last == ';' || last == '!' || last == '?') return false;
    }
    const HeaderFacts facts = read_header_facts(r.vocab, lines, organization_keys(r));
    const std::string expected_org = r.registered ? r.org.id : "new:" + normalize(r.org.name);
    std::string session = facts.session;
    if (session.empty() && date_named)
        if (const auto* s = r.vocab.session_on(r.date)) session = s->id;
    return facts.ok && facts.organization == expected_org && session == r.session.id &&
           (facts.chapter.empty() ? std::string(GENERAL_CHAPTER) : facts.chapter) == r.chapter.id &&
           (facts.status.empty() ? r.vocab.default_status().id : facts.status) == r.status.id;
}

std::string decorate(const std::string& line, const std::string& style) {
    if (style == "star") return "*" + line + "*";
    if (style == "bold") return "**" + line + "**";
    if (style == "hash") return "# " + line;
    return line;
}

/// Markdown emphasis in text formats, headings in md/docx/html, blank lines between some lines.
Header lay_out(const Lines& lines, const std::string& format, Rng& rng) {
    Header h;
    std::string all = "none", first = "none";
    if (format == "txt" && rng.percent(30)) all = "star";
    if (format == "md") {
        const int roll = static_cast<int>(rng.below(10));
        if (roll < 4) first = "hash";
        else if (roll < 7) all = "bold";
    }
    if ((format == "docx" || format == "html") && rng.percent(40)) first = "hash";
    const bool one_block = rng.percent(40);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string line = decorate(lines[i], i == 0 && first != "none" ? first : all);
        if (one_block && !h.blocks.empty()) h.blocks.back().push_back(line);
        else h.blocks.push_back({line});
    }
    return h;
}

}  // namespace

bool header_can_express(const Vocab& vocab, const std::string& language, const StatusInfo& status) {
    (void)vocab;
    return header_language(language) == "en" || status.is_default;
}

std::optional<Header> make_header(const HeaderRequest& r, Rng& rng) {
    constexpr int ATTEMPTS_PER_STYLE = 4;
    const std::string language = header_language(r.language);
    std::vector<const Style*> candidates;
    for (const auto& s : styles())
        if (s.language == language && (r.registered || !s.needs_registration) && (!s.needs_date || !r.date.empty()))
            candidates.push_back(&s);
    for (std::size_t i = candidates.size(); i > 1; --i) std::swap(candidates[i - 1], candidates[rng.below(i)]);
    StyleBuilder builder(r, rng);
    for (const Style* style : candidates) {
        if (!r.date.empty() && !style->needs_date && !style->may_add_date) continue;
        for (int attempt = 0; attempt < ATTEMPTS_PER_STYLE; ++attempt) {
            Lines lines = style->build(builder);
            if (lines.empty()) break;
            if (!r.date.empty() && !style->needs_date) lines.push_back(builder.date_line(language));
            if (!names_exactly(r, lines, !r.date.empty())) continue;
            Header h = lay_out(lines, r.format, rng);
            h.style = style->name;
            return h;
        }
    }
    return std::nullopt;
}

std::optional<std::string> make_speaker_line(const HeaderRequest& r, Rng& rng) {
    constexpr int ATTEMPTS = 8;
    StyleBuilder builder(r, rng);
    const std::string language = header_language(r.language);
    for (int attempt = 0; attempt < ATTEMPTS; ++attempt) {
        std::string line;
        if (language != "en" && r.registered && r.status.is_default && attempt < ATTEMPTS / 2) {
            const auto& t = language == "fr" ? french_tables() : spanish_tables();
            line = t.statement_of + " " + r.org.name;
        } else {
            const std::string noun = builder.status_noun();
            line = noun + (noun.ends_with("letter") ? " from " : " by ") + builder.the_org();
        }
        const HeaderFacts facts = read_header_facts(r.vocab, {line}, organization_keys(r));
        const std::string expected_org = r.registered ? r.org.id : "new:" + normalize(r.org.name);
        if (facts.ok && facts.session.empty() && facts.chapter.empty() && facts.organization == expected_org &&
            (facts.status.empty() ? r.vocab.default_status().id : facts.status) == r.status.id)
            return line;
    }
    return std::nullopt;
}

std::string spell_date(const std::string& iso, const std::string& language, Rng& rng) {
    const int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
    const std::string d = std::to_string(day), y = std::to_string(year);
    if (language == "fr") return d + " " + french_tables().months[static_cast<std::size_t>(month - 1)] + " " + y;
    if (language == "es") return d + " de " + spanish_tables().months[static_cast<std::size_t>(month - 1)] + " de " + y;
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    const std::string m = months[month - 1];
    switch (rng.below(3)) {
        case 0: return d + " " + m + " " + y;
        case 1: return m + " " + d + ", " + y;
        default: return iso;
    }
}

}  // namespace gen_corpus
