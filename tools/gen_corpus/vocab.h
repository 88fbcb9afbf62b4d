/** @file vocab.h
 *  @brief The corpus vocabulary as the generator needs it (sessions, chapters,
 *  statuses, organisations), and a check of what a header's words name.
 *
 *  The generator reads the vocabulary rather than hard-coding it, so new
 *  sessions or chapters are covered as soon as they are added. The header
 *  check follows docs/corpus.md (normalised words, longest alias wins) to
 *  catch a title line that names another session or chapter by accident.
 */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gen_corpus {

struct VocabEntry {
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    std::vector<std::string> keys;  ///< normalised id, label and aliases, longest first
};

struct SessionInfo : VocabEntry {
    std::string start, end, city;  ///< YYYY-MM-DD, YYYY-MM-DD, city name
};

struct ChapterInfo : VocabEntry {
    std::string number;  ///< roman numeral; empty for the preamble and general
};

struct StatusInfo : VocabEntry {
    bool is_default = false;  ///< keys are its keywords only
};

struct OrganizationInfo : VocabEntry {
    std::string short_name;
};

struct Vocab {
    std::vector<SessionInfo> sessions;
    std::vector<ChapterInfo> chapters;
    std::vector<StatusInfo> statuses;
    std::vector<OrganizationInfo> organizations;

    const StatusInfo& default_status() const;
    const SessionInfo* session_on(const std::string& date) const;
    const SessionInfo& session(const std::string& id) const;
    const ChapterInfo& chapter(const std::string& id) const;
    const StatusInfo& status(const std::string& id) const;
};

inline constexpr std::string_view GENERAL_CHAPTER = "general";

/// Loads DIR/{sessions,chapters,statuses,organizations}.yaml; throws
/// std::runtime_error naming the file when one is missing or malformed.
Vocab load_vocab(const std::filesystem::path& dir);

/// Lowercase words separated by single spaces, letters split from digits,
/// apostrophes dropped: "AHC5" -> "ahc 5", "d'informations" -> "dinformations".
std::string normalize(std::string_view text);

/// Whether `needle` occurs in `haystack` as whole words (both normalised).
bool contains_words(std::string_view haystack, std::string_view needle);

/// Removes the first whole-word occurrence of `key` from a normalised text.
std::string erase_words(std::string text, const std::string& key);

/// The entry with the longest key found (as whole words) in a normalised text.
template <typename Entry>
const Entry* longest_match(const std::vector<Entry>& entries, const std::string& normalized, std::string* key = nullptr) {
    const Entry* best = nullptr;
    std::size_t best_size = 0;
    for (const auto& e : entries)
        for (const auto& k : e.keys)
            if (k.size() > best_size && contains_words(normalized, k)) {
                best = &e;
                best_size = k.size();
                if (key) *key = k;
            }
    return best;
}

/// Fills `keys` from id, label and aliases (or aliases only).
void derive_keys(VocabEntry& entry, bool names_match = true);

/// Removes Markdown decoration (`*X*`, `**X**`, `# X`) around a header line.
std::string strip_decoration(std::string_view line);

/// What the header lines say, read the way docs/corpus.md describes. Who
/// speaks: "Statement by X at ...", "on behalf of X", else a first line that
/// is only a name, else any known alias. Then, per line, the organisation's
/// own words are erased and the longest session alias, status keyword and
/// chapter alias are taken; the first line that names a fact wins. `ok` is
/// false when a line names a session or chapter the vocabulary does not know.
struct HeaderFacts {
    std::string session;       ///< empty: none named
    std::string chapter;       ///< empty: none named (general)
    std::string status;        ///< empty: none named (default)
    std::string organization;  ///< id of a known one, or "new:" + the normalised new name
    bool ok = true;
};
HeaderFacts read_header_facts(const Vocab& vocab, const std::vector<std::string>& lines,
                              const std::vector<std::string>& organization_keys);

}  // namespace gen_corpus
