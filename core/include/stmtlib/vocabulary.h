/** @file vocabulary.h
 *  @brief The controlled vocabulary: sessions, chapters, organisations,
 *  themes, statuses, synonyms and courtesy formulas.
 *
 *  It is data (corpus/vocabulary/ *.yaml), loaded here, and copied into
 *  each database as JSON so that searchd needs nothing but the index.
 */
#pragma once

#include "stmtlib/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace stmt {

/// Same as text::contains_words; declared here for longest_match().
bool contains_normalized_words(std::string_view haystack, std::string_view needle);

/// Fields every vocabulary entry shares: an id, what people call it, and
/// the normalised keys (id, label, aliases) that name it in a statement.
struct VocabularyEntry {
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    std::vector<std::string> match_keys;  ///< derived: normalised, longest first
};

struct Session : VocabularyEntry {
    std::string short_name;  ///< "AHC 5", used in citations
    std::string start;       ///< YYYY-MM-DD
    std::string end;         ///< YYYY-MM-DD
    std::string city;
};

struct Chapter : VocabularyEntry {
    std::string number;    ///< roman numeral, empty for the preamble and general
    std::string articles;  ///< "35-52", final numbering
};

struct Organization : VocabularyEntry {
    std::string short_name;
    bool discovered = false;  ///< not in organizations.yaml: found in a statement
};

struct Theme : VocabularyEntry {};  ///< aliases hold the theme's phrases

struct Status : VocabularyEntry {
    bool is_default = false;  ///< aliases hold the keywords
};

struct Formulas {
    std::vector<std::string> opening;  ///< normalised
    std::vector<std::string> closing;  ///< normalised
};

/// The id of the chapter for statements on no chapter in particular.
inline constexpr std::string_view GENERAL_CHAPTER_ID = "general";

class Vocabulary {
public:
    std::vector<Session> sessions;  ///< chronological after finalize()
    std::vector<Chapter> chapters;  ///< in the order of the data file
    std::vector<Organization> organizations;
    std::vector<Theme> themes;
    std::vector<Status> statuses;
    std::vector<std::vector<std::string>> synonyms;
    Formulas formulas;

    /// Derives match keys and sorts sessions by start date; call after any change.
    void finalize();

    const Session* session(std::string_view id) const;
    const Chapter* chapter(std::string_view id) const;
    const Organization* organization(std::string_view id) const;
    const Theme* theme(std::string_view id) const;
    const Status* status(std::string_view id) const;
    const Status& default_status() const;
    /// Position of a session in chronological order, or -1.
    int session_order(std::string_view id) const;

    /// An entry whose id, label or alias equals `value` once normalised.
    const Session* resolve_session(std::string_view value) const;
    const Chapter* resolve_chapter(std::string_view value) const;
    const Organization* resolve_organization(std::string_view value) const;
    const Theme* resolve_theme(std::string_view value) const;
    const Status* resolve_status(std::string_view value) const;

    /// The session whose dates contain `date` (YYYY-MM-DD), if any.
    const Session* session_on(std::string_view date) const;

    /// Adds an organisation found in a statement, with an id made from its name.
    const Organization& discover_organization(std::string_view name);

    /// Upper-case words (acronyms) named in the synonyms: "AHC", "MLA", ...
    std::vector<std::string> acronyms() const;
};

/// The entry of `entries` with the longest match key found as whole words
/// in `normalized` (see text::normalize_for_matching), and that key.
template <typename Entry>
struct KeyMatch {
    const Entry* entry = nullptr;
    std::string key;
};

template <typename Entry>
KeyMatch<Entry> longest_match(const std::vector<Entry>& entries, std::string_view normalized) {
    KeyMatch<Entry> best;
    for (const auto& e : entries)
        for (const auto& key : e.match_keys)
            if (key.size() > best.key.size() && contains_normalized_words(normalized, key)) {
                best.entry = &e;
                best.key = key;
            }
    return best;
}

/// Loads corpus/vocabulary/ *.yaml; an error names the file and line.
Expected<Vocabulary> load_vocabulary(const std::filesystem::path& dir);

void to_json(nlohmann::json& j, const Vocabulary& v);
void from_json(const nlohmann::json& j, Vocabulary& v);

}  // namespace stmt
