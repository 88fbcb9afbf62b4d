/** @file front_matter.cc
 *  @brief Front matter with yaml-cpp, keeping line numbers for messages.
 */
#include "stmtlib/front_matter.h"

#include "stmtlib/text.h"

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

MetadataLayer parse_metadata_yaml(std::string_view yaml, const std::string& file, int first_line,
                                  std::vector<Diagnostic>& diagnostics) {
    MetadataLayer layer;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        diagnostics.push_back({Diagnostic::Severity::error, file, first_line + std::max(0, e.mark.line),
                               "metadata: " + e.msg});
        return layer;
    }
    if (root.IsNull()) return layer;
    if (!root.IsMap()) {
        diagnostics.push_back({Diagnostic::Severity::error, file, first_line,
                               "metadata must be a mapping of keys to values"});
        return layer;
    }
    for (const auto& item : root) {
        std::string key = item.first.Scalar();
        if (key == "organisation") key = "organization";
        const int line = first_line + item.first.Mark().line;
        if (std::find(FRONT_MATTER_KEYS.begin(), FRONT_MATTER_KEYS.end(), key) == FRONT_MATTER_KEYS.end()) {
            diagnostics.push_back({Diagnostic::Severity::warning, file, line,
                                   "metadata: unknown key '" + key + "' ignored"});
            continue;
        }
        const YAML::Node& value = item.second;
        if (key == "themes") {
            if (value.IsSequence()) {
                for (const auto& t : value)
                    if (t.IsScalar()) layer.themes.push_back({t.Scalar(), first_line + t.Mark().line, file});
            } else if (value.IsScalar()) {
                for (const auto& t : text::split(value.Scalar(), ','))
                    layer.themes.push_back({text::trim(t), line, file});
            }
            continue;
        }
        if (value.IsNull()) continue;
        if (!value.IsScalar()) {
            diagnostics.push_back({Diagnostic::Severity::error, file, line,
                                   "metadata: '" + key + "' must be a single value"});
            continue;
        }
        layer.fields[key] = {value.Scalar(), line, file};
    }
    return layer;
}

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
    constexpr int first_yaml_line = 2;
    static_cast<MetadataLayer&>(fm) =
        parse_metadata_yaml(content.substr(yaml_start, closing->first - yaml_start), file, first_yaml_line, diagnostics);
    return fm;
}

}  // namespace stmt
