/** @file front_matter.cc
 *  @brief Front matter with yaml-cpp, keeping line numbers for messages.
 */
#include "stmtlib/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace stmt {
namespace {

/// Finds the line that closes a front matter block opened on line 1.
/// Returns the offset of the closing line and the offset just after it.
std::optional<std::pair<std::size_t, std::size_t>> find_closing(std::string_view content, std::size_t from) {
    std::size_t pos = from;
    while (pos < content.size()) {
        std::size_t eol = content.find('\n', pos);
        if (eol == std::string_view::npos) eol = content.size();
        std::string_view line = content.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "---" || line == "...") return std::make_pair(pos, std::min(eol + 1, content.size()));
        pos = eol + 1;
    }
    return std::nullopt;
}

int count_lines(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

FrontMatter parse_front_matter(std::string_view content, const std::string& file,
                               std::vector<Diagnostic>& diagnostics) {
    FrontMatter fm;
    const bool opens = content.starts_with("---\n") || content.starts_with("---\r\n");
    if (!opens) return fm;
    const std::size_t yaml_start = content.find('\n') + 1;
    const auto closing = find_closing(content, yaml_start);
    if (!closing) {
        diagnostics.push_back({Diagnostic::Severity::error, file, 1,
                               "front matter opened with '---' is never closed"});
        return fm;
    }
    fm.body_offset = closing->second;
    fm.body_line = 1 + count_lines(content.substr(0, fm.body_offset));
    const std::string yaml(content.substr(yaml_start, closing->first - yaml_start));
    constexpr int first_yaml_line = 2;
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        diagnostics.push_back({Diagnostic::Severity::error, file, first_yaml_line + std::max(0, e.mark.line),
                               "front matter: " + e.msg});
        return fm;
    }
    if (root.IsNull()) return fm;
    if (!root.IsMap()) {
        diagnostics.push_back({Diagnostic::Severity::error, file, first_yaml_line,
                               "front matter must be a mapping of keys to values"});
        return fm;
    }
    for (const auto& item : root) {
        std::string key = item.first.as<std::string>();
        if (key == "organisation") key = "organization";
        const int line = first_yaml_line + item.first.Mark().line;
        if (std::find(FRONT_MATTER_KEYS.begin(), FRONT_MATTER_KEYS.end(), key) == FRONT_MATTER_KEYS.end()) {
            diagnostics.push_back({Diagnostic::Severity::warning, file, line,
                                   "front matter: unknown key '" + key + "' ignored"});
            continue;
        }
        const YAML::Node& value = item.second;
        if (key == "themes") {
            if (value.IsSequence()) {
                for (const auto& t : value)
                    fm.themes.push_back({t.as<std::string>(), first_yaml_line + t.Mark().line});
            } else if (value.IsScalar()) {
                fm.themes.push_back({value.as<std::string>(), line});
            }
            continue;
        }
        if (value.IsNull()) continue;
        if (!value.IsScalar()) {
            diagnostics.push_back({Diagnostic::Severity::error, file, line,
                                   "front matter: '" + key + "' must be a single value"});
            continue;
        }
        fm.fields[key] = {value.as<std::string>(), line};
    }
    return fm;
}

}  // namespace stmt
