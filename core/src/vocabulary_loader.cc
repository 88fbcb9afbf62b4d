/** @file vocabulary_loader.cc
 *  @brief Reads the vocabulary's YAML data files with yaml-cpp.
 */
#include "stmtlib/dates.h"
#include "stmtlib/text.h"
#include "stmtlib/vocabulary.h"

#include <yaml-cpp/yaml.h>

#include <fstream>

namespace stmt {
namespace {

namespace fs = std::filesystem;

/// A data-file error that knows where it happened.
struct DataError {
    std::string message;
};

std::string where(const fs::path& file, const YAML::Node& node) {
    return file.string() + ":" + std::to_string(node.Mark().line + 1);
}

std::string scalar(const fs::path& file, const YAML::Node& node, const char* key, bool required) {
    const YAML::Node value = node[key];
    if (!value || value.IsNull()) {
        if (required) throw DataError{where(file, node) + ": missing '" + key + "'"};
        return {};
    }
    if (!value.IsScalar()) throw DataError{where(file, value) + ": '" + key + "' must be a single value"};
    return value.as<std::string>();
}

std::vector<std::string> strings(const fs::path& file, const YAML::Node& node, const char* key) {
    std::vector<std::string> out;
    const YAML::Node list = node[key];
    if (!list || list.IsNull()) return out;
    if (!list.IsSequence()) throw DataError{where(file, list) + ": '" + key + "' must be a list"};
    for (const auto& item : list) out.push_back(item.as<std::string>());
    return out;
}

YAML::Node load_list(const fs::path& file, const char* key, bool required) {
    if (!fs::exists(file)) {
        if (required) throw DataError{file.string() + ": missing vocabulary file"};
        return YAML::Node();
    }
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
        throw DataError{file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
    }
    const YAML::Node list = root[key];
    if (!list || !list.IsSequence()) throw DataError{file.string() + ":1: expected a list under '" + key + "'"};
    return list;
}

template <typename Entry>
void read_entry(const fs::path& file, const YAML::Node& node, Entry& e, const char* label_key,
                const char* aliases_key) {
    if (!node.IsMap()) throw DataError{where(file, node) + ": each entry must be a mapping"};
    e.id = scalar(file, node, "id", true);
    if (e.id != text::slugify(e.id))
        throw DataError{where(file, node) + ": id '" + e.id + "' must be lowercase kebab-case"};
    e.label = scalar(file, node, label_key, false);
    if (e.label.empty()) e.label = e.id;
    e.aliases = strings(file, node, aliases_key);
}

/// Throws for an id met twice, naming the line of the second entry.
template <typename Entry>
void check_unique(const fs::path& file, const YAML::Node& list, const std::vector<Entry>& entries) {
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (std::size_t k = i + 1; k < entries.size(); ++k)
            if (entries[i].id == entries[k].id)
                throw DataError{where(file, list[k]) + ": duplicate id '" + entries[i].id + "'"};
}

void load_sessions(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "sessions.yaml";
    const YAML::Node list = load_list(file, "sessions", true);
    for (const auto& node : list) {
        Session s;
        read_entry(file, node, s, "label", "aliases");
        s.short_name = scalar(file, node, "short", false);
        if (s.short_name.empty()) s.short_name = s.label;
        s.start = scalar(file, node, "start", true);
        s.end = scalar(file, node, "end", false);
        if (s.end.empty()) s.end = s.start;
        if (!dates::is_iso_date(s.start) || !dates::is_iso_date(s.end))
            throw DataError{where(file, node) + ": start and end must be dates written YYYY-MM-DD"};
        if (s.end < s.start) throw DataError{where(file, node) + ": end is before start"};
        s.city = scalar(file, node, "city", false);
        v.sessions.push_back(std::move(s));
    }
    check_unique(file, list, v.sessions);
}

void load_chapters(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "chapters.yaml";
    const YAML::Node list = load_list(file, "chapters", true);
    for (const auto& node : list) {
        Chapter c;
        read_entry(file, node, c, "label", "aliases");
        c.number = scalar(file, node, "number", false);
        c.articles = scalar(file, node, "articles", false);
        v.chapters.push_back(std::move(c));
    }
    check_unique(file, list, v.chapters);
    if (!v.chapter(GENERAL_CHAPTER_ID))
        throw DataError{file.string() + ": a chapter with id 'general' is required"};
}

void load_organizations(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "organizations.yaml";
    const YAML::Node list = load_list(file, "organizations", true);
    for (const auto& node : list) {
        Organization o;
        read_entry(file, node, o, "name", "aliases");
        o.short_name = scalar(file, node, "short", false);
        if (o.short_name.empty()) o.short_name = o.label;
        v.organizations.push_back(std::move(o));
    }
    check_unique(file, list, v.organizations);
}

void load_themes(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "themes.yaml";
    const YAML::Node list = load_list(file, "themes", true);
    for (const auto& node : list) {
        Theme t;
        read_entry(file, node, t, "label", "phrases");
        if (t.aliases.empty()) throw DataError{where(file, node) + ": theme '" + t.id + "' has no phrases"};
        v.themes.push_back(std::move(t));
    }
    check_unique(file, list, v.themes);
}

void load_statuses(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "statuses.yaml";
    const YAML::Node list = load_list(file, "statuses", true);
    for (const auto& node : list) {
        Status s;
        read_entry(file, node, s, "label", "keywords");
        s.is_default = node["default"] && node["default"].as<bool>();
        v.statuses.push_back(std::move(s));
    }
    check_unique(file, list, v.statuses);
}

void load_synonyms(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "synonyms.yaml";
    const YAML::Node list = load_list(file, "synonyms", false);
    if (!list) return;
    for (const auto& group : list) {
        if (!group.IsSequence() || group.size() < 2)
            throw DataError{where(file, group) + ": each synonym group is a list of two or more terms"};
        v.synonyms.push_back(group.as<std::vector<std::string>>());
    }
}

void load_formulas(const fs::path& dir, Vocabulary& v) {
    const fs::path file = dir / "formulas.yaml";
    if (!fs::exists(file)) return;
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
        throw DataError{file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
    }
    for (const auto& s : strings(file, root, "opening")) v.formulas.opening.push_back(text::normalize_for_matching(s));
    for (const auto& s : strings(file, root, "closing")) v.formulas.closing.push_back(text::normalize_for_matching(s));
}

}  // namespace

Expected<Vocabulary> load_vocabulary(const std::filesystem::path& dir) {
    Vocabulary v;
    try {
        if (!fs::is_directory(dir))
            return Error{ErrorCode::invalid_parameter, dir.string() + ": vocabulary folder not found", "vocabulary"};
        load_sessions(dir, v);
        load_chapters(dir, v);
        load_organizations(dir, v);
        load_themes(dir, v);
        load_statuses(dir, v);
        load_synonyms(dir, v);
        load_formulas(dir, v);
    } catch (const DataError& e) {
        return Error{ErrorCode::invalid_parameter, e.message, "vocabulary"};
    } catch (const YAML::Exception& e) {
        return Error{ErrorCode::invalid_parameter,
                     dir.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg, "vocabulary"};
    }
    v.finalize();
    return v;
}

}  // namespace stmt
