/** @file composer.cc
 *  @brief Paragraphs of 40-120 words from template sentences.
 */
#include "composer.h"

#include "text_util.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace gen_corpus {
namespace {

constexpr int MIN_PARAGRAPHS = 6;   ///< content paragraphs, the marker not included
constexpr int MAX_PARAGRAPHS = 10;
constexpr int MIN_WORDS = 40;       ///< target length of a paragraph (the larger of two draws,
constexpr int MAX_WORDS = 116;      ///< for ~6 KB statements); the last sentence may overshoot
constexpr std::size_t CAP_WORDS = 125;  ///< a sentence that would pass this is left out (once MIN_WORDS is reached)
constexpr int CJK_CHARS_PER_WORD = 2;  ///< Chinese paragraphs are measured in characters
constexpr int OPENING_PERCENT = 50;
constexpr int CLOSING_PERCENT = 60;
constexpr int CHAPTER_THEME_PERCENT = 65;  ///< paragraphs on one of the chapter's own themes
constexpr int SIDE_SENTENCE_PERCENT = 25;  ///< a sentence borrowed from another theme
constexpr int CONNECTOR_PERCENT = 25;

/// The themes a chapter's statements mostly speak to (theme ids of themes.yaml).
const std::vector<std::string>& chapter_themes(const std::string& chapter) {
    static const std::map<std::string, std::vector<std::string>> themes = {
        {"preamble", {"human-rights-safeguards", "gender", "existing-instruments", "scope-definitions"}},
        {"general-provisions", {"scope-definitions", "human-rights-safeguards", "freedom-of-expression"}},
        {"criminalization", {"criminalization-offences", "security-research", "freedom-of-expression", "child-protection", "gender"}},
        {"jurisdiction", {"human-rights-safeguards", "international-cooperation", "scope-definitions"}},
        {"procedural-measures-and-law-enforcement", {"procedural-powers", "privacy-data-protection", "human-rights-safeguards", "private-sector"}},
        {"international-cooperation", {"international-cooperation", "human-rights-safeguards", "privacy-data-protection"}},
        {"preventive-measures", {"prevention", "child-protection", "victims-witnesses", "private-sector", "civil-society-participation"}},
        {"technical-assistance-and-information-exchange", {"technical-assistance", "civil-society-participation", "gender", "existing-instruments"}},
        {"mechanism-of-implementation", {"implementation-mechanism", "civil-society-participation", "gender"}},
        {"final-provisions", {"implementation-mechanism", "existing-instruments"}},
        {"general", {"civil-society-participation", "human-rights-safeguards", "scope-definitions", "cyber-threats-harms"}},
    };
    static const std::vector<std::string> none;
    const auto it = themes.find(chapter);
    return it == themes.end() ? none : it->second;
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::size_t words(const PhraseBank& bank, const std::string& s) {
    if (!bank.spaced) return code_points(s) / CJK_CHARS_PER_WORD;
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : s) {
        if (c != ' ' && !in_word) ++n;
        in_word = c != ' ';
    }
    return n;
}

class Composer {
public:
    Composer(const BodyRequest& r, Rng& rng) : r_(r), rng_(rng) {
        const auto it = r.bank.chapters.find(r.chapter_id);
        chapter_ = it == r.bank.chapters.end() ? r.bank.any_chapter.prose : it->second.prose;
        const bool article = r.english_article && r.bank.language == "en";
        org_ = article ? "the " + r.organization : r.organization;
        org_at_start_ = article ? "The " + r.organization : r.organization;
    }

    Body compose() {
        Body body;
        if (rng_.percent(OPENING_PERCENT)) body.openings.push_back(rng_.pick(r_.bank.openings));
        const int count = rng_.between(MIN_PARAGRAPHS, MAX_PARAGRAPHS);
        const bool conclusion = rng_.percent(50);
        for (int i = 0; i < count; ++i) {
            if (i == 0) {
                body.paragraphs.push_back(paragraph(fill(rng_.pick(r_.neutral ? r_.bank.neutral_intros : r_.bank.intros))));
            } else if (i == count - 1 && conclusion) {
                // The conclusion ends the paragraph; theme sentences come before it.
                const std::string last = fill(rng_.pick(r_.bank.conclusions));
                body.paragraphs.push_back(paragraph({}, words(r_.bank, last)));
                std::string& p = body.paragraphs.back();
                if (r_.bank.spaced && !p.empty()) p += ' ';
                p += last;
            } else {
                body.paragraphs.push_back(paragraph({}));
            }
        }
        body.paragraphs.push_back(r_.bank.marker);
        if (rng_.percent(CLOSING_PERCENT)) body.closings.push_back(rng_.pick(r_.bank.closings));
        return body;
    }

private:
    std::string fill(const std::string& text) { return expand(text, org_, org_at_start_, chapter_, rng_); }

    const std::vector<std::string>& theme_sentences(const std::string& theme) const {
        for (const auto& [id, sentences] : r_.bank.themes)
            if (id == theme) return sentences;
        return r_.bank.themes.front().second;
    }

    std::string pick_theme() {
        const auto& own = chapter_themes(r_.chapter_id);
        if (!own.empty() && rng_.percent(CHAPTER_THEME_PERCENT)) return rng_.pick(own);
        return r_.bank.themes[rng_.below(r_.bank.themes.size())].first;
    }

    /// A sentence of `theme` not used yet in this statement; another theme's
    /// when `theme` is used up; never one already in the current paragraph.
    std::string sentence(const std::string& theme) {
        const std::vector<std::string>* pool = &theme_sentences(theme);
        if (unused_in(*pool) == 0) {
            std::vector<const std::vector<std::string>*> fresh;
            for (const auto& [id, sentences] : r_.bank.themes)
                if (unused_in(sentences) > 0) fresh.push_back(&sentences);
            if (fresh.empty()) used_ = in_paragraph_;  // all used: start over, except this paragraph's
            else pool = fresh[rng_.below(fresh.size())];
        }
        std::size_t index = rng_.below(pool->size());
        for (std::size_t tries = 0; tries < pool->size() && used_.count(&(*pool)[index]); ++tries) index = (index + 1) % pool->size();
        used_.insert(&(*pool)[index]);
        in_paragraph_.insert(&(*pool)[index]);
        return fill((*pool)[index]);
    }

    std::size_t unused_in(const std::vector<std::string>& sentences) const {
        std::size_t n = 0;
        for (const auto& s : sentences) n += used_.count(&s) == 0;
        return n;
    }

    /// Sentences added to `text` until the paragraph reaches its drawn length
    /// (`reserved` words of it are added afterwards by the caller).
    std::string paragraph(std::string text, std::size_t reserved = 0) {
        const auto drawn = static_cast<std::size_t>(std::max(rng_.between(MIN_WORDS, MAX_WORDS), rng_.between(MIN_WORDS, MAX_WORDS)));
        const std::size_t target = drawn > reserved ? drawn - reserved : 1;
        const std::string theme = pick_theme();
        const std::string separator = r_.bank.spaced ? " " : "";
        in_paragraph_.clear();
        while (words(r_.bank, text) < target) {
            const bool side = !text.empty() && rng_.percent(SIDE_SENTENCE_PERCENT);
            std::string s = sentence(side ? r_.bank.themes[rng_.below(r_.bank.themes.size())].first : theme);
            if (!text.empty() && !r_.bank.connectors.empty() && rng_.percent(CONNECTOR_PERCENT))
                s = rng_.pick(r_.bank.connectors) + lower_first(s);
            const std::size_t have = words(r_.bank, text) + reserved;
            if (have >= static_cast<std::size_t>(MIN_WORDS) && have + words(r_.bank, s) > CAP_WORDS) break;
            if (!text.empty()) text += separator;
            text += s;
        }
        return text;
    }

    const BodyRequest& r_;
    Rng& rng_;
    std::string chapter_, org_, org_at_start_;
    std::set<const std::string*> used_, in_paragraph_;
};

}  // namespace

std::string expand(const std::string& text, const std::string& org, const std::string& org_at_start,
                   const std::string& chapter, Rng& rng) {
    // First the alternatives, so that a chosen one may hold slots.
    std::string chosen;
    chosen.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '{') {
            chosen += text[i++];
            continue;
        }
        const std::size_t close = text.find('}', i);
        std::vector<std::string> options;
        std::size_t start = i + 1;
        for (std::size_t bar = text.find('|', start); bar != std::string::npos && bar < close; bar = text.find('|', start)) {
            options.push_back(text.substr(start, bar - start));
            start = bar + 1;
        }
        options.push_back(text.substr(start, close - start));
        chosen += rng.pick(options);
        i = close + 1;
    }
    std::string out;
    out.reserve(chosen.size() + 64);
    for (std::size_t i = 0; i < chosen.size();) {
        const auto slot = [&](std::string_view name) {
            return chosen[i] == '$' && chosen.compare(i + 1, name.size(), name) == 0;
        };
        if (slot("ORG")) { out += org; i += 4; }
        else if (slot("Org")) { out += org_at_start; i += 4; }
        else if (slot("CHAPTER")) { out += chapter; i += 8; }
        else if (slot("TITLE")) { out += chapter; i += 6; }
        else if (slot("ART")) { out += std::to_string(rng.between(1, 68)); i += 4; }
        else if (slot("YEARS")) { out += std::to_string(rng.between(2, 12)); i += 6; }
        else if (slot("N")) { out += std::to_string(rng.between(3, 40)); i += 2; }
        else out += chosen[i++];
    }
    // An empty alternative may leave two spaces, or a space before a comma.
    std::string clean;
    clean.reserve(out.size());
    for (const char c : out) {
        if ((c == ' ' || c == ',') && !clean.empty() && clean.back() == ' ') clean.pop_back();
        clean += c;
    }
    return clean;
}

Body compose_body(const BodyRequest& request, Rng& rng) { return Composer(request, rng).compose(); }

std::string compose_title(const PhraseBank& bank, const std::string& chapter_title, Rng& rng) {
    return capitalize(expand(rng.pick(bank.titles), "", "", chapter_title, rng));
}

}  // namespace gen_corpus
