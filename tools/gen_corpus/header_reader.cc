/** @file header_reader.cc
 *  @brief read_header_facts(): the header lines read the way docs/corpus.md
 *  describes, to check the headers the generator writes.
 */
#include "vocab.h"

#include <algorithm>
#include <regex>

namespace gen_corpus {
namespace {

/// "Statement by X at ...", "on behalf of X": the phrases that introduce a speaker.
const std::regex& speaker_phrase() {
    static const std::regex re(
        R"((?:on behalf of|statement (?:by|of|from)|submission (?:by|of|from)|intervention (?:by|of)|)"
        R"(contribution (?:by|of|from)|remarks by|comments (?:by|of|from)|letter from|submitted by)\s+)"
        R"((?:the\s+)?(.+?)(?:\s+(?:at|to|during|before|for|on|in|regarding|concerning)\s|\s*[,;:(|]|\s*)" "\u2013"
        R"(|\s*)" "\u2014" R"(|\s+-\s+|$))",
        std::regex::icase | std::regex::ECMAScript);
    return re;
}

const OrganizationInfo* resolve_organization(const Vocab& vocab, const std::string& name) {
    std::string n = normalize(name);
    if (n.starts_with("the ")) n.erase(0, 4);
    for (const auto& o : vocab.organizations)
        if (o.id == name || std::find(o.keys.begin(), o.keys.end(), n) != o.keys.end()) return &o;
    std::string key;
    const auto* best = longest_match(vocab.organizations, n, &key);
    return best && key.size() * 10 >= n.size() * 6 ? best : nullptr;
}

bool looks_like_date(const std::string& s) {
    static const std::regex year(R"((^|\D)(19|20)\d\d($|\D))");
    return std::regex_search(s, year);
}

/// The first segment of the first line when it is only a name.
std::string bare_name(const Vocab& vocab, const std::string& line) {
    static const std::regex separators(R"(\s+-\s+|\s*\|\s*|\s*)" "\u2013" R"(\s*|\s*)" "\u2014" R"(\s*|:\s+)");
    std::vector<std::string> segments;
    for (std::sregex_token_iterator it(line.begin(), line.end(), separators, -1), end; it != end; ++it)
        if (!it->str().empty()) segments.push_back(it->str());
    if (segments.empty()) return {};
    const std::string& first = segments.front();
    const std::string n = normalize(first);
    const auto words = static_cast<std::size_t>(std::count(n.begin(), n.end(), ' ') + 1);
    const bool facts = longest_match(vocab.sessions, n) || longest_match(vocab.chapters, n) ||
                       longest_match(vocab.statuses, n) || looks_like_date(first) || contains_words(n, "statement") ||
                       contains_words(n, "session");
    if (facts || words > 10 || (segments.size() == 1 && words < 2)) return {};
    return first;
}

std::string read_organization(const Vocab& vocab, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        std::smatch m;
        if (std::regex_search(line, m, speaker_phrase())) {
            const std::string name = m[1].str();
            if (const auto* o = resolve_organization(vocab, name)) return o->id;
            return "new:" + normalize(name);
        }
    }
    const std::string bare = lines.empty() ? std::string() : bare_name(vocab, lines.front());
    if (!bare.empty())
        if (const auto* o = resolve_organization(vocab, bare)) return o->id;
    for (const auto& line : lines)
        if (const auto* o = longest_match(vocab.organizations, normalize(line))) return o->id;
    return bare.empty() ? std::string() : "new:" + normalize(bare);
}

}  // namespace

HeaderFacts read_header_facts(const Vocab& vocab, const std::vector<std::string>& raw_lines,
                              const std::vector<std::string>& organization_keys) {
    static const std::regex unknown_session(R"((?:^| )(ahc \d+|\d+ (?:st|nd|rd|th) session)(?: |$))");
    static const std::regex unknown_chapter(R"((?:^| )(chapter (?:[ivxlc]+|\d+))(?: |$))");
    std::vector<std::string> lines;
    lines.reserve(raw_lines.size());
    for (const auto& line : raw_lines) lines.push_back(strip_decoration(line));
    HeaderFacts facts;
    facts.organization = read_organization(vocab, lines);
    for (const auto& line : lines) {
        std::string n = normalize(line);
        for (const auto& key : organization_keys) n = erase_words(std::move(n), key);
        std::string session_key;
        const auto* session = longest_match(vocab.sessions, n, &session_key);
        if (session) n = erase_words(std::move(n), session_key);
        const auto* status = longest_match(vocab.statuses, n);
        const auto* chapter = longest_match(vocab.chapters, n);
        if (session && facts.session.empty()) facts.session = session->id;
        if (status && facts.status.empty()) facts.status = status->id;
        if (chapter && facts.chapter.empty()) facts.chapter = chapter->id;
        if ((!session && std::regex_search(n, unknown_session)) || (!chapter && std::regex_search(n, unknown_chapter)))
            facts.ok = false;
    }
    return facts;
}

}  // namespace gen_corpus
