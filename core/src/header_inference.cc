/** @file header_inference.cc
 *  @brief Header-line inference: vocabulary matches first, then the usual
 *  phrasings of who speaks ("Statement by X", "on behalf of X").
 */
#include "stmtlib/header_inference.h"

#include "stmtlib/dates.h"
#include "stmtlib/text.h"

#include <xapian.h>

#include <algorithm>
#include <regex>

namespace stmt {
namespace {

/// Words after which an organisation name stops in "Statement by X at the ...".
const std::regex& organisation_phrase() {
    static const std::regex re(
        R"((?:on behalf of|statement (?:by|of|from)|submission (?:by|of|from)|intervention (?:by|of)|)"
        R"(contribution (?:by|of|from)|remarks by|comments (?:by|of|from)|letter from|submitted by)\s+)"
        R"((?:the\s+)?(.+?)(?:\s+(?:at|during|before|regarding|concerning|delivered|submitted|presented)\s|)"
        R"(\s+(?:to|for|on|in)\s+the\s|\s*[,;:(|]|\s*)" "\u2013" R"(|\s*)" "\u2014" R"(|\s+-\s+|$))",
        std::regex::icase | std::regex::ECMAScript);
    return re;
}

const std::regex& unknown_session_pattern() {
    static const std::regex re(R"((?:^| )(ahc \d+|\d+ (?:st|nd|rd|th) session)(?: |$))");
    return re;
}

const std::regex& unknown_chapter_pattern() {
    static const std::regex re(R"((?:^| )(chapter (?:[ivxlc]+|\d+))(?: |$))");
    return re;
}

/// Removes the first whole-word occurrence of `key` from a normalised line,
/// so that words already explained (an organisation's name) explain nothing else.
std::string erase_words(std::string normalized, const std::string& key) {
    if (key.empty()) return normalized;
    std::size_t pos = normalized.find(key);
    while (pos != std::string::npos) {
        const bool starts = pos == 0 || normalized[pos - 1] == ' ';
        const bool ends = pos + key.size() == normalized.size() || normalized[pos + key.size()] == ' ';
        if (starts && ends) return normalized.erase(pos, key.size());
        pos = normalized.find(key, pos + 1);
    }
    return normalized;
}

/// Resolves a spoken organisation name against the vocabulary, allowing a
/// leading "the" and a known name that covers most of the phrase.
/// "X on international cooperation" -> "X": a name does not end in words
/// that name a session, chapter or status.
std::string trim_trailing_topic(const Vocabulary& v, std::string name) {
    static const std::regex topic(R"(\s+(?:on|for|in|to)\s+(.+)$)", std::regex::icase);
    std::smatch m;
    std::string::const_iterator from = name.cbegin();
    while (std::regex_search(from, name.cend(), m, topic)) {
        const std::string rest = text::normalize_for_matching(m[1].str());
        if (longest_match(v.sessions, rest).entry || longest_match(v.chapters, rest).entry ||
            longest_match(v.statuses, rest).entry || longest_match(v.themes, rest).entry)
            return text::trim(std::string(name.cbegin(), m[0].first));
        from = m[0].first + 1;
    }
    return name;
}

const Organization* resolve_named_organization(const Vocabulary& v, const std::string& name) {
    if (const auto* o = v.resolve_organization(name)) return o;
    std::string normalized = text::normalize_for_matching(name);
    if (normalized.starts_with("the ")) normalized.erase(0, 4);
    if (const auto* o = v.resolve_organization(normalized)) return o;
    const auto match = longest_match(v.organizations, normalized);
    if (match.entry && match.key.size() * 10 >= normalized.size() * 6) return match.entry;
    return nullptr;
}

std::vector<std::string> split_segments(const std::string& line) {
    static const std::regex separators(R"(\s+-\s+|\s*\|\s*|\s*)" "\u2013" R"(\s*|\s*)" "\u2014" R"(\s*|:\s+)");
    std::vector<std::string> out;
    std::sregex_token_iterator it(line.begin(), line.end(), separators, -1), end;
    for (; it != end; ++it) {
        std::string piece = text::trim(it->str());
        if (!piece.empty()) out.push_back(std::move(piece));
    }
    return out;
}

bool mentions_other_facts(const Vocabulary& v, const std::string& segment) {
    const std::string n = text::normalize_for_matching(segment);
    return longest_match(v.sessions, n).entry || longest_match(v.chapters, n).entry ||
           longest_match(v.statuses, n).entry || dates::find_date(segment) ||
           text::contains_words(n, "statement") || text::contains_words(n, "session");
}

/// A header line (or its first segment) that is only a name: "# Meridian
/// Women in Tech Forum", "COASTAL LEGAL AID NETWORK – ORAL STATEMENT – AHC6".
std::optional<std::string> bare_name(const Vocabulary& v, const std::string& line) {
    constexpr std::size_t MAX_NAME_WORDS = 10;
    const auto segments = split_segments(line);
    if (segments.empty()) return std::nullopt;
    const std::string& first = segments.front();
    if (mentions_other_facts(v, first) || text::word_count(first) > MAX_NAME_WORDS) return std::nullopt;
    if (segments.size() == 1 && text::word_count(first) < 2) return std::nullopt;
    return first;
}

struct LineFacts {
    const Session* session = nullptr;
    const Chapter* chapter = nullptr;
    const Status* status = nullptr;
};

LineFacts facts_of(const Vocabulary& v, std::string normalized) {
    LineFacts facts;
    const auto session = longest_match(v.sessions, normalized);
    facts.session = session.entry;
    normalized = erase_words(std::move(normalized), session.key);
    const auto status = longest_match(v.statuses, normalized);
    facts.status = status.entry;
    const auto chapter = longest_match(v.chapters, normalized);
    facts.chapter = chapter.entry;
    return facts;
}

}  // namespace

namespace {

/// Words a name keeps lowercase in title case.
bool is_joining_word(const std::string& lowercase_word) {
    static const char* const words[] = {"of", "and", "for", "the", "on", "in", "to", "at", "de", "la", "le", "les",
                                        "des", "du", "et", "y", "del", "el", "los", "las", "en", "pour", "para"};
    for (const char* w : words)
        if (lowercase_word == w) return true;
    return false;
}

/// Sentence case (only the first word capitalised) or title case (every
/// word but joining words) for a line written in capitals.
std::string soften(const std::string& line, const std::vector<std::string>& acronyms, bool title_case) {
    bool has_lower = false, has_upper = false;
    for (Xapian::Utf8Iterator it(line); it != Xapian::Utf8Iterator(); ++it) {
        const auto category = Xapian::Unicode::get_category(*it);
        has_lower = has_lower || category == Xapian::Unicode::LOWERCASE_LETTER;
        has_upper = has_upper || category == Xapian::Unicode::UPPERCASE_LETTER;
    }
    if (has_lower || !has_upper) return line;
    std::string out;
    std::vector<unsigned> word;
    bool first_word = true;
    const auto flush = [&] {
        if (word.empty()) return;
        std::string original;
        for (unsigned ch : word) Xapian::Unicode::append_utf8(original, ch);
        const bool has_digit = std::any_of(word.begin(), word.end(), [](unsigned ch) {
            return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
        });
        const bool keep = has_digit || std::find(acronyms.begin(), acronyms.end(), original) != acronyms.end();
        std::string lowered;
        for (unsigned ch : word) Xapian::Unicode::append_utf8(lowered, Xapian::Unicode::tolower(ch));
        const bool capitalise = first_word || (title_case && !is_joining_word(lowered));
        for (std::size_t i = 0; i < word.size(); ++i) {
            const bool capital = keep || (capitalise && i == 0);
            Xapian::Unicode::append_utf8(out, capital ? word[i] : Xapian::Unicode::tolower(word[i]));
        }
        word.clear();
        first_word = false;
    };
    for (Xapian::Utf8Iterator it(line); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            word.push_back(*it);
        } else {
            flush();
            Xapian::Unicode::append_utf8(out, *it);
        }
    }
    flush();
    return out;
}

}  // namespace

std::string soften_capitals(const std::string& line, const std::vector<std::string>& acronyms) {
    return soften(line, acronyms, false);
}

std::string soften_name_capitals(const std::string& name, const std::vector<std::string>& acronyms) {
    return soften(name, acronyms, true);
}

InferredMetadata infer_metadata(const std::vector<HeaderLine>& header, const Vocabulary& v,
                                const std::string& file, std::vector<Diagnostic>& diagnostics) {
    InferredMetadata out;
    const auto acronyms = v.acronyms();
    std::vector<std::string> title_parts;

    // Who speaks: an explicit phrase beats a bare name, which beats an alias
    // met anywhere (so "on behalf of Riverside Child Safety Alliance" is not
    // mistaken for the Alliance).
    for (const auto& h : header) {
        std::smatch m;
        if (!out.organization && !out.new_organization && std::regex_search(h.text, m, organisation_phrase())) {
            const std::string name = trim_trailing_topic(v, text::trim(m[1].str()));
            if (const auto* o = resolve_named_organization(v, name)) out.organization = LocatedValue{o->id, h.line};
            else if (!name.empty()) out.new_organization = LocatedValue{soften_name_capitals(name, acronyms), h.line};
        }
    }
    if (!out.organization && !out.new_organization && !header.empty()) {
        if (auto name = bare_name(v, header.front().text)) {
            if (const auto* o = resolve_named_organization(v, *name)) out.organization = LocatedValue{o->id, header.front().line};
        }
    }
    for (const auto& h : header) {
        if (out.organization || out.new_organization) break;
        const auto match = longest_match(v.organizations, text::normalize_for_matching(h.text));
        if (match.entry) out.organization = LocatedValue{match.entry->id, h.line};
    }
    if (!out.organization && !out.new_organization && !header.empty()) {
        if (auto name = bare_name(v, header.front().text))
            out.new_organization = LocatedValue{soften_name_capitals(*name, acronyms), header.front().line};
    }

    for (const auto& h : header) {
        std::string normalized = text::normalize_for_matching(h.text);
        if (out.organization) {
            for (const auto& key : v.organization(out.organization->value)->match_keys)
                normalized = erase_words(std::move(normalized), key);
        }
        if (out.new_organization)
            normalized = erase_words(std::move(normalized), text::normalize_for_matching(out.new_organization->value));
        const LineFacts facts = facts_of(v, normalized);
        if (facts.session && !out.session) out.session = LocatedValue{facts.session->id, h.line};
        if (facts.chapter && !out.chapter) out.chapter = LocatedValue{facts.chapter->id, h.line};
        if (facts.status && !out.status) out.status = LocatedValue{facts.status->id, h.line};
        if (!out.date)
            if (auto date = dates::find_date(h.text)) out.date = LocatedValue{*date, h.line};

        std::smatch m;
        if (!facts.session && std::regex_search(normalized, m, unknown_session_pattern()))
            diagnostics.push_back({Diagnostic::Severity::error, file, h.line,
                                   "unknown session '" + m[1].str() + "' (not in vocabulary/sessions.yaml)"});
        if (!facts.chapter && std::regex_search(normalized, m, unknown_chapter_pattern()))
            diagnostics.push_back({Diagnostic::Severity::error, file, h.line,
                                   "unknown chapter '" + m[1].str() + "' (not in vocabulary/chapters.yaml)"});
        title_parts.push_back(soften_capitals(h.text, acronyms));
    }
    if (!out.session && out.date)
        if (const auto* s = v.session_on(out.date->value)) out.session = LocatedValue{s->id, out.date->line};

    constexpr std::size_t MAX_TITLE_PARTS = 3;
    if (title_parts.size() > MAX_TITLE_PARTS) title_parts.resize(MAX_TITLE_PARTS);
    out.title = text::join(title_parts, " \u2014 ");
    return out;
}

}  // namespace stmt
