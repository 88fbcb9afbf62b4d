/** @file statement_builder.cc
 *  @brief One statement's content and truth, from its plan.
 */
#include "statement_builder.h"

#include "headers.h"
#include "text_util.h"

#include <cstdio>

namespace gen_corpus {
namespace {

constexpr int FRONT_MATTER_ID_PERCENT = 10;   ///< front matter that sets `id:`
constexpr int DISPLAY_NAME_PERCENT = 20;      ///< file names with capitals and spaces
constexpr int VALUE_AS_ID_PERCENT = 60;       ///< metadata values written as ids (else a name or alias)
constexpr int SPELLED_DATE_PERCENT = 20;      ///< "17 April 2023" rather than ISO in metadata fields
constexpr int OMIT_SESSION_PERCENT = 15;      ///< dated statements that leave the session to the date
constexpr int OMIT_DEFAULT_PERCENT = 50;      ///< leave out `chapter: general` and the default status
constexpr int STATED_LANGUAGE_PERCENT_EN = 50;
constexpr int STATED_LANGUAGE_PERCENT_OTHER = 70;
constexpr int FOOTNOTES_PERCENT = 30;
constexpr int RUNNING_HEADER_PERCENT = 40;
constexpr int PAGE_NUMBERS_PERCENT = 50;
constexpr int WRAPPED_TXT_PERCENT = 20;
constexpr int CRLF_TXT_PERCENT = 10;
constexpr int BOM_TXT_PERCENT = 5;
const std::vector<std::string> SITE_NAMES = {"Example NGO", "Open Statements Archive", "Civic Voices Repository"};

std::string two_words(const std::string& id) {
    const auto first = id.find('-');
    const auto second = first == std::string::npos ? std::string::npos : id.find('-', first + 1);
    return id.substr(0, second);
}

std::string file_name(std::size_t index, const Plan& p, Rng& rng) {
    char number[16];
    std::snprintf(number, sizeof number, "%06zu", index);
    const std::string org = two_words(p.org->id);
    if (rng.percent(DISPLAY_NAME_PERCENT)) {
        const std::string shown = is_ascii(p.org->short_name) ? p.org->short_name : capitalize(org);
        return std::string("Statement ") + number + " " + shown;
    }
    if (p.source == "folder") return std::string(number) + "-" + org;
    return std::string(number) + "-" + org + "-" + p.session + "-" + two_words(p.chapter);
}

std::string organization_value(const FictionalOrganization& o, bool registered, Rng& rng) {
    if (!registered) return o.name;
    const int roll = static_cast<int>(rng.below(10));
    return roll < 7 ? o.name : roll < 9 ? o.short_name : o.id;
}

template <typename Entry>
std::string entry_value(const Entry& e, Rng& rng) {
    if (rng.percent(VALUE_AS_ID_PERCENT)) return e.id;
    std::vector<std::string> names = e.aliases;
    if (e.label.find('(') == std::string::npos) names.push_back(e.label);
    return names.empty() ? e.id : rng.pick(names);
}

std::string status_value(const StatusInfo& s, Rng& rng) {
    if (rng.percent(VALUE_AS_ID_PERCENT + 10) || s.aliases.empty()) return s.id;
    return rng.pick(s.aliases);
}

Fields metadata_fields(std::size_t index, const Plan& p, const Vocab& vocab, bool registered, bool front_matter, Rng& rng) {
    const auto* bank = phrase_bank(p.language);
    const auto& chapter = vocab.chapter(p.chapter);
    const auto words = bank->chapters.find(p.chapter);
    const std::string chapter_title = words != bank->chapters.end() ? words->second.title
                                      : p.language == "en"          ? chapter.label
                                                                    : bank->any_chapter.title;
    Fields f;
    f.emplace_back("title", compose_title(*bank, chapter_title, rng));
    f.emplace_back("organization", organization_value(*p.org, registered, rng));
    const bool omit_session = !p.date.empty() && rng.percent(OMIT_SESSION_PERCENT);
    f.emplace_back("session", omit_session ? "" : entry_value(vocab.session(p.session), rng));
    const bool omit_chapter = p.chapter == GENERAL_CHAPTER && rng.percent(OMIT_DEFAULT_PERCENT);
    f.emplace_back("chapter", omit_chapter ? "" : entry_value(chapter, rng));
    std::string date = p.date;
    if (!date.empty() && rng.percent(SPELLED_DATE_PERCENT)) date = spell_date(p.date, "en", rng);
    f.emplace_back("date", date);
    const int stated = p.language == "en" ? STATED_LANGUAGE_PERCENT_EN : STATED_LANGUAGE_PERCENT_OTHER;
    f.emplace_back("language", rng.percent(stated) ? p.language : "");
    const auto& status = vocab.status(p.status);
    const bool omit_status = status.is_default && rng.percent(OMIT_DEFAULT_PERCENT);
    f.emplace_back("status", omit_status ? "" : status_value(status, rng));
    if (front_matter && rng.percent(FRONT_MATTER_ID_PERCENT)) {
        char id[40];
        std::snprintf(id, sizeof id, "synthetic-statement-%06zu", index);
        f.emplace_back("id", id);
    }
    return f;
}

}  // namespace

std::string id_for_path(const std::string& relative_path) {
    std::string path = relative_path;
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) path.resize(dot);
    return indexer_slug(path);
}

StatementDraft build_statement(std::size_t index, Plan plan, const Vocab& vocab, bool registered, Rng& rng) {
    StatementDraft d;
    const auto* bank = phrase_bank(plan.language);
    const OrganizationInfo org_entry = as_vocab_entry(*plan.org, registered);
    const HeaderRequest request{vocab, vocab.session(plan.session), vocab.chapter(plan.chapter), vocab.status(plan.status),
                                *plan.org, org_entry, registered, plan.language, plan.date, plan.format};
    if (plan.source == "header") {
        if (auto header = make_header(request, rng)) {
            d.header = std::move(header->blocks);
            d.header_style = header->style;
        } else {
            plan.source = plan.format == "txt" || plan.format == "md" ? "front_matter" : "sidecar";
        }
    } else if (plan.source == "folder") {
        if (auto line = make_speaker_line(request, rng)) {
            d.header = {{plan.format == "md" && rng.percent(50) ? "# " + *line : *line}};
            d.header_style = "speaker";
        } else {
            plan.source = "front_matter";
        }
    }
    if (plan.source != "folder" && plan.source != "header")
        d.fields = metadata_fields(index, plan, vocab, registered, plan.source == "front_matter", rng);

    d.body = compose_body({*bank, plan.org->name, plan.org->language == "en", plan.chapter, plan.source == "folder"}, rng);

    const std::string name = file_name(index, plan, rng) + "." + plan.format;
    d.relative_path = plan.source == "folder" ? plan.session + "/" + plan.chapter + "/" + name : plan.format + "/" + name;
    d.id = id_for_path(d.relative_path);
    for (const auto& [key, value] : d.fields)
        if (key == "id") d.id = value;

    if (plan.format == "docx" && rng.percent(FOOTNOTES_PERCENT)) {
        // The extractor appends footnotes as "[n] text" paragraphs (docs/corpus.md), after
        // which a closing formula would no longer close the text: leave it out.
        d.footnotes = {rng.pick(bank->footnotes)};
        d.body.closings.clear();
    }
    if (plan.format == "pdf") {
        if (plan.source == "header" && rng.percent(RUNNING_HEADER_PERCENT)) d.running_header = plan.org->name;
        d.page_numbers = rng.percent(PAGE_NUMBERS_PERCENT);
    }
    if (plan.format == "html")
        d.site_name = plan.source == "header" && rng.percent(50) ? plan.org->name : rng.pick(SITE_NAMES);
    if (plan.format == "txt") {
        if (bank->spaced && rng.percent(WRAPPED_TXT_PERCENT)) d.wrap_columns = static_cast<std::size_t>(rng.between(68, 80));
        d.crlf = rng.percent(CRLF_TXT_PERCENT);
        d.bom = rng.percent(BOM_TXT_PERCENT);
    }
    d.plan = std::move(plan);
    return d;
}

nlohmann::json truth_of(const StatementDraft& d) {
    const auto& p = d.plan;
    return {
        {"file", d.relative_path},
        {"id", d.id},
        {"session", p.session},
        {"chapter", p.chapter},
        {"organization", p.org->name},
        {"organization_id", p.org->id},  // registered under it, or discovered as the slug of its name
        {"language", p.language},
        {"status", p.status},
        {"date", p.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.date)},
        {"format", p.format},
        {"metadata_from", p.source},
        {"paragraphs", d.body.paragraphs.size() + d.footnotes.size()},  // footnotes are appended paragraphs
    };
}

}  // namespace gen_corpus
