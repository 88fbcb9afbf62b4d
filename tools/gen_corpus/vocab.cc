/** @file vocab.cc
 *  @brief Vocabulary loading (yaml-cpp) and the header check.
 */
#include "vocab.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace gen_corpus {
namespace {

namespace fs = std::filesystem;

/// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes decode as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (len == 1 || i + len > s.size()) {
        ++i;
        return c;
    }
    char32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Lowercase for the scripts our headers use (Latin-1, Latin Extended-A, Cyrillic).
char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x130) return c + 1;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

/// Letters and digits of any script; ASCII and common Unicode punctuation are not.
bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c);
    if (c >= 0x80 && c <= 0xBF) return c == 0xAA || c == 0xBA;      // Latin-1 punctuation and symbols
    if (c == 0xD7 || c == 0xF7) return false;                         // multiplication and division signs
    if (c >= 0x2000 && c <= 0x206F) return false;                     // general punctuation (dashes, quotes)
    if (c >= 0x3000 && c <= 0x303F) return false;                     // CJK punctuation
    if (c >= 0xFF00 && c <= 0xFF0F) return false;                     // full-width punctuation
    if (c == 0xFF1A || c == 0xFF1B || c == 0xFF1F) return false;
    if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4) return false;  // Arabic punctuation
    return true;
}

// --- loading -------------------------------------------------------------------

std::string scalar(const YAML::Node& node, const char* key) {
    const YAML::Node value = node[key];
    return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

std::vector<std::string> strings(const YAML::Node& node, const char* key) {
    std::vector<std::string> out;
    const YAML::Node list = node[key];
    if (list && list.IsSequence())
        for (const auto& item : list) out.push_back(item.as<std::string>());
    return out;
}

YAML::Node load_list(const fs::path& file, const char* key) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
    const YAML::Node list = root[key];
    if (!list || !list.IsSequence()) throw std::runtime_error(file.string() + ": expected a list under '" + key + "'");
    return list;
}

template <typename Entry>
Entry read_entry(const YAML::Node& node, const char* label_key, const char* aliases_key, bool names_match = true) {
    Entry e;
    e.id = scalar(node, "id");
    e.label = scalar(node, label_key);
    if (e.label.empty()) e.label = e.id;
    e.aliases = strings(node, aliases_key);
    derive_keys(e, names_match);
    return e;
}

template <typename Entry>
const Entry& by_id(const std::vector<Entry>& entries, const std::string& id, const char* what) {
    for (const auto& e : entries)
        if (e.id == id) return e;
    throw std::runtime_error(std::string("no ") + what + " '" + id + "' in the vocabulary");
}

}  // namespace

bool contains_words(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return false;
    for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) {
        const std::size_t after = pos + needle.size();
        if ((pos == 0 || haystack[pos - 1] == ' ') && (after == haystack.size() || haystack[after] == ' ')) return true;
    }
    return false;
}

std::string erase_words(std::string text, const std::string& key) {
    if (key.empty()) return text;
    for (std::size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + 1)) {
        const std::size_t after = pos + key.size();
        if ((pos == 0 || text[pos - 1] == ' ') && (after == text.size() || text[after] == ' '))
            return text.erase(pos, key.size());
    }
    return text;
}

std::string normalize(std::string_view s) {
    std::string out;
    enum class Kind { none, letter, digit } previous = Kind::none;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = next_code_point(s, i);
        if (is_apostrophe(c)) continue;
        if (!is_word_char(c)) {
            previous = Kind::none;
            continue;
        }
        const Kind kind = is_digit(c) ? Kind::digit : Kind::letter;
        if (!out.empty() && kind != previous) out += ' ';
        append_utf8(out, to_lower(c));
        previous = kind;
    }
    return out;
}

void derive_keys(VocabEntry& e, bool names_match) {
    std::set<std::string> keys;
    if (names_match) {
        keys.insert(normalize(e.id));
        keys.insert(normalize(e.label));
    }
    for (const auto& alias : e.aliases) keys.insert(normalize(alias));
    keys.erase(std::string());
    e.keys.assign(keys.begin(), keys.end());
    std::stable_sort(e.keys.begin(), e.keys.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string strip_decoration(std::string_view line) {
    const auto decoration = [](char c) { return c == '*' || c == '_' || c == '#' || c == '=' || c == '~' || c == ' '; };
    std::size_t b = 0, e = line.size();
    while (b < e && decoration(line[b])) ++b;
    while (e > b && decoration(line[e - 1])) --e;
    return std::string(line.substr(b, e - b));
}

Vocab load_vocab(const fs::path& dir) {
    Vocab v;
    for (const auto& node : load_list(dir / "sessions.yaml", "sessions")) {
        auto s = read_entry<SessionInfo>(node, "label", "aliases");
        s.start = scalar(node, "start");
        s.end = scalar(node, "end");
        if (s.end.empty()) s.end = s.start;
        s.city = scalar(node, "city");
        if (s.start.size() != 10) throw std::runtime_error("sessions.yaml: session '" + s.id + "' has no start date");
        v.sessions.push_back(std::move(s));
    }
    for (const auto& node : load_list(dir / "chapters.yaml", "chapters")) {
        auto c = read_entry<ChapterInfo>(node, "label", "aliases");
        c.number = scalar(node, "number");
        v.chapters.push_back(std::move(c));
    }
    for (const auto& node : load_list(dir / "statuses.yaml", "statuses")) {
        auto s = read_entry<StatusInfo>(node, "label", "keywords", false);
        s.is_default = node["default"] && node["default"].as<bool>();
        v.statuses.push_back(std::move(s));
    }
    for (const auto& node : load_list(dir / "organizations.yaml", "organizations")) {
        auto o = read_entry<OrganizationInfo>(node, "name", "aliases");
        o.short_name = scalar(node, "short");
        v.organizations.push_back(std::move(o));
    }
    if (v.sessions.empty() || v.chapters.empty() || v.statuses.empty())
        throw std::runtime_error(dir.string() + ": the vocabulary needs sessions, chapters and statuses");
    by_id(v.chapters, std::string(GENERAL_CHAPTER), "chapter");
    return v;
}

const StatusInfo& Vocab::default_status() const {
    for (const auto& s : statuses)
        if (s.is_default) return s;
    return statuses.back();
}

const SessionInfo* Vocab::session_on(const std::string& date) const {
    for (const auto& s : sessions)
        if (s.start <= date && date <= s.end) return &s;
    return nullptr;
}

const SessionInfo& Vocab::session(const std::string& id) const { return by_id(sessions, id, "session"); }
const ChapterInfo& Vocab::chapter(const std::string& id) const { return by_id(chapters, id, "chapter"); }
const StatusInfo& Vocab::status(const std::string& id) const { return by_id(statuses, id, "status"); }

}  // namespace gen_corpus
