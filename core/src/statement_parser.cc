/** @file statement_parser.cc
 *  @brief From text to Statement. Explicit metadata (front matter) beats
 *  what the header lines imply; anything unknown is an error with a line.
 */
#include "stmtlib/statement_parser.h"

#include "stmtlib/dates.h"
#include "stmtlib/front_matter.h"
#include "stmtlib/header_inference.h"
#include "stmtlib/language_detector.h"
#include "stmtlib/text_repair.h"
#include "stmtlib/text.h"
#include "stmtlib/xapian_language.h"

#include <xapian.h>

#include <algorithm>
#include <set>

namespace stmt {
namespace {

using Severity = Diagnostic::Severity;

struct Block {
    std::vector<std::string> lines;  ///< trimmed, non-empty
    int line = 0;                    ///< first line number

    std::string joined() const { return text::join(lines, " "); }
};

std::vector<Block> split_blocks(std::string_view body, int first_line) {
    std::vector<Block> blocks;
    Block current;
    int number = first_line;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t eol = body.find('\n', pos);
        if (eol == std::string_view::npos) eol = body.size();
        std::string line = text::trim(body.substr(pos, eol - pos));
        if (line.empty()) {
            if (!current.lines.empty()) blocks.push_back(std::move(current));
            current = Block{};
        } else {
            if (current.lines.empty()) current.line = number;
            current.lines.push_back(std::move(line));
        }
        ++number;
        if (eol == body.size()) break;
        pos = eol + 1;
    }
    if (!current.lines.empty()) blocks.push_back(std::move(current));
    return blocks;
}

/// The last code point of a UTF-8 string (0 when empty).
unsigned last_codepoint(const std::string& s) {
    unsigned last = 0;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) last = *it;
    return last;
}

bool is_formula(const Block& block, const std::vector<std::string>& formulas) {
    const std::string joined = block.joined();
    if (text::word_count(joined) > FORMULA_MAX_WORDS) return false;
    const std::string normalized = text::normalize_for_matching(joined);
    return std::any_of(formulas.begin(), formulas.end(), [&](const std::string& f) {
        // Chinese and Japanese write no spaces: "谢谢大家" begins with "谢谢".
        return !f.empty() && normalized.starts_with(f) &&
               (normalized.size() == f.size() || normalized[f.size()] == ' ' || text::is_cjk(last_codepoint(f)));
    });
}

bool ends_like_a_sentence(const std::string& line) {
    const unsigned last = last_codepoint(line);
    // Latin, CJK (full stop, fullwidth ! ? ;) and Arabic (question mark, semicolon) sentence ends.
    return last == '.' || last == ';' || last == '!' || last == '?' || last == 0x3002 || last == 0xFF01 ||
           last == 0xFF1F || last == 0xFF1B || last == 0x061F || last == 0x061B;
}

bool is_header_block(const Block& block) {
    return std::all_of(block.lines.begin(), block.lines.end(), [](const std::string& line) {
        const std::string plain = text::strip_decoration(line);
        if (plain.empty() || text::word_count(plain) > HEADER_MAX_WORDS) return false;
        // Prose ends its sentences; headers do not.
        return !ends_like_a_sentence(plain);
    });
}

std::string read_file_content_error(std::string_view content) {
    if (content.find('\0') != std::string_view::npos) return "binary content (NUL bytes), not a text statement";
    return {};
}

int line_of_offset(std::string_view content, std::size_t offset) {
    return 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// Normalises line ends and drops a byte-order mark.
std::string clean_text(std::string_view content) {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    std::string out;
    out.reserve(content.size());
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == '\r') {
            out += '\n';
            if (i + 1 < content.size() && content[i + 1] == '\n') ++i;
        } else {
            out += content[i];
        }
    }
    return out;
}

/// Resolves the metadata: front matter first, then the header's inference.
/// Session and chapter named by the folders a file sits in (corpus/ahc-5/...).
struct FolderFacts {
    const Session* session = nullptr;
    const Chapter* chapter = nullptr;
};

FolderFacts facts_of_folders(const std::string& relative, const Vocabulary& v) {
    FolderFacts facts;
    auto parts = text::split(relative, '/');
    if (!parts.empty()) parts.pop_back();  // the file name itself
    for (const auto& part : parts) {
        if (const auto* s = v.resolve_session(part)) facts.session = s;
        if (const auto* c = v.resolve_chapter(part)) facts.chapter = c;
    }
    return facts;
}

class MetadataResolver {
public:
    MetadataResolver(std::vector<const MetadataLayer*> layers, const InferredMetadata& inferred,
                     const FolderFacts& folders, Vocabulary& v, const std::string& file,
                     std::vector<Diagnostic>& diagnostics)
        : layers_(std::move(layers)), inferred_(inferred), folders_(folders), v_(v), file_(file),
          diagnostics_(diagnostics) {}

    void fill(Statement& s, std::string_view body) {
        s.organization = organization();
        s.date = date();
        s.session = session(s.date);
        s.chapter = chapter();
        s.status = status();
        s.language = language(body);
        s.given_themes = themes();
        s.source_url = field("source") ? field("source")->value : "";
        s.title = title(s);
    }

private:
    /// The strongest explicit value for a key.
    const FrontMatterValue* field(const char* key) const {
        for (const auto* layer : layers_) {
            const auto it = layer->fields.find(key);
            if (it != layer->fields.end() && !text::trim(it->second.value).empty()) return &it->second;
        }
        return nullptr;
    }

    void error(const FrontMatterValue& where, std::string message) {
        diagnostics_.push_back({Severity::error, where.file.empty() ? file_ : where.file, where.line, std::move(message)});
    }
    void warning(int line, std::string message) {
        diagnostics_.push_back({Severity::warning, file_, line, std::move(message)});
    }

    std::string organization() {
        const Organization* known = nullptr;
        std::string name;
        int line = 1;
        if (const auto* f = field("organization")) {
            known = v_.resolve_organization(f->value);
            name = text::trim(f->value);
            line = f->file.empty() || f->file == file_ ? f->line : 1;
        } else if (inferred_.organization) {
            known = v_.organization(inferred_.organization->value);
        } else if (inferred_.new_organization) {
            name = inferred_.new_organization->value;
            line = inferred_.new_organization->line;
        }
        if (known) return known->id;
        if (name.empty()) {
            warning(1, "no organisation found; indexed as 'Unknown organisation'");
            name = "Unknown organisation";
        }
        const bool was_known = v_.resolve_organization(name) != nullptr;
        const Organization& org = v_.discover_organization(name);
        if (!was_known) warning(line, "new organisation '" + org.label + "' (id " + org.id + ")");
        return org.id;
    }

    std::string date() {
        if (const auto* f = field("date")) {
            if (dates::is_iso_date(text::trim(f->value))) return text::trim(f->value);
            if (auto d = dates::find_date(f->value)) return *d;
            error(*f, "date '" + f->value + "' is not a date (write YYYY-MM-DD)");
            return {};
        }
        return inferred_.date ? inferred_.date->value : std::string();
    }

    std::string session(const std::string& date_value) {
        if (const auto* f = field("session")) {
            if (const auto* s = v_.resolve_session(f->value)) return s->id;
            error(*f, "unknown session '" + f->value + "' (not in vocabulary/sessions.yaml)");
            return {};
        }
        if (inferred_.session) return inferred_.session->value;
        if (!date_value.empty())
            if (const auto* s = v_.session_on(date_value)) return s->id;
        if (folders_.session) return folders_.session->id;
        warning(1, "no session found in the header or front matter");
        return {};
    }

    std::string chapter() {
        if (const auto* f = field("chapter")) {
            if (const auto* c = v_.resolve_chapter(f->value)) return c->id;
            error(*f, "unknown chapter '" + f->value + "' (not in vocabulary/chapters.yaml)");
            return {};
        }
        if (inferred_.chapter) return inferred_.chapter->value;
        return folders_.chapter ? folders_.chapter->id : std::string(GENERAL_CHAPTER_ID);
    }

    std::string status() {
        if (const auto* f = field("status")) {
            if (const auto* s = v_.resolve_status(f->value)) return s->id;
            error(*f, "unknown status '" + f->value + "' (not in vocabulary/statuses.yaml)");
            return {};
        }
        return inferred_.status ? inferred_.status->value : v_.default_status().id;
    }

    std::string language(std::string_view body) {
        const auto* f = field("language");
        if (!f) return detect_language(body);
        std::string code = text::slugify(f->value);
        const bool valid = (code.size() == 2 || code.size() == 3) &&
                           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!valid) error(*f, "language '" + f->value + "' is not an ISO 639-1 code such as en, fr, es");
        return code;
    }

    std::vector<std::string> themes() {
        std::vector<std::string> out;
        for (const auto* layer : layers_) {
            if (layer->themes.empty()) continue;
            for (const auto& t : layer->themes) {
                if (const auto* theme = v_.resolve_theme(t.value)) out.push_back(theme->id);
                else error(t, "unknown theme '" + t.value + "' (not in vocabulary/themes.yaml)");
            }
            break;  // the strongest layer that names themes decides
        }
        return out;
    }

    std::string title(const Statement& s) const {
        if (const auto* f = field("title")) return text::trim(f->value);
        if (!inferred_.title.empty()) return inferred_.title;
        std::string t = v_.organization(s.organization)->short_name + " statement";
        if (const auto* session = v_.session(s.session)) t += ", " + session->short_name;
        if (const auto* chapter = v_.chapter(s.chapter); chapter && chapter->id != GENERAL_CHAPTER_ID)
            t += ", " + chapter->label;
        return t;
    }

    std::vector<const MetadataLayer*> layers_;
    const InferredMetadata& inferred_;
    const FolderFacts& folders_;
    Vocabulary& v_;
    const std::string& file_;
    std::vector<Diagnostic>& diagnostics_;
};

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace

std::string statement_id_for_path(const std::string& relative_path) {
    std::string without_extension = relative_path;
    const auto slash = without_extension.find_last_of('/');
    const auto dot = without_extension.find_last_of('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) without_extension.resize(dot);
    return text::slugify(without_extension);
}

ParseOutcome parse_statement(std::string_view raw, const std::string& file, Vocabulary& vocabulary,
                             const ThemeTagger& tagger) {
    return parse_statement(StatementSource{std::string(raw), file, file, {}}, vocabulary, tagger);
}

ParseOutcome parse_statement(const StatementSource& source, Vocabulary& vocabulary, const ThemeTagger& tagger) {
    ParseOutcome out;
    auto& diagnostics = out.diagnostics;
    const std::string& file = source.file;
    const std::string_view raw = source.text;
    if (const std::string problem = read_file_content_error(raw); !problem.empty()) {
        diagnostics.push_back({Severity::error, file, 1, problem});
        return out;
    }
    if (const auto bad = text::find_invalid_utf8(raw)) {
        diagnostics.push_back({Severity::error, file, line_of_offset(raw, *bad),
                               "invalid UTF-8 at byte " + std::to_string(*bad) + " (save the file as UTF-8)"});
        return out;
    }
    const std::string content = repair_text(clean_text(raw));
    const FrontMatter fm = parse_front_matter(content, file, diagnostics);
    if (has_errors(diagnostics)) return out;

    const auto blocks = split_blocks(std::string_view(content).substr(fm.body_offset), fm.body_line);
    std::size_t first_body = 0;
    std::vector<HeaderLine> header;
    while (first_body < blocks.size() && first_body < HEADER_MAX_BLOCKS &&
           !is_formula(blocks[first_body], vocabulary.formulas.opening) && is_header_block(blocks[first_body])) {
        for (std::size_t k = 0; k < blocks[first_body].lines.size(); ++k)
            header.push_back({text::strip_decoration(blocks[first_body].lines[k]), blocks[first_body].line + static_cast<int>(k)});
        ++first_body;
    }
    // A statement that is all short lines has no header: keep it as text.
    if (first_body == blocks.size()) {
        first_body = 0;
        header.clear();
    }

    Statement s;
    s.source = source.relative;
    for (const auto& h : header) s.header.push_back(h.text);
    std::size_t end_body = blocks.size();
    while (end_body > first_body && is_formula(blocks[end_body - 1], vocabulary.formulas.closing)) --end_body;
    while (first_body < end_body && (is_formula(blocks[first_body], vocabulary.formulas.opening) ||
                                     is_formula(blocks[first_body], vocabulary.formulas.closing))) {
        s.opening.push_back(blocks[first_body].joined());
        ++first_body;
    }
    for (std::size_t i = end_body; i < blocks.size(); ++i) s.closing.push_back(blocks[i].joined());
    std::string body;
    for (std::size_t i = first_body; i < end_body; ++i) {
        Paragraph p;
        p.number = static_cast<int>(s.paragraphs.size()) + 1;
        p.text = blocks[i].joined();
        p.line = blocks[i].line;
        p.themes = tagger.tag(p.text);
        body += p.text;
        body += '\n';
        s.paragraphs.push_back(std::move(p));
    }
    if (s.paragraphs.empty()) {
        diagnostics.push_back({Severity::error, file, fm.body_line,
                               blocks.empty() ? "empty statement: no text" : "no paragraphs of content"});
        return out;
    }

    std::vector<const MetadataLayer*> layers = {&fm};
    for (const auto& layer : source.layers) layers.push_back(&layer);
    const InferredMetadata inferred = infer_metadata(header, vocabulary, file, diagnostics);
    const FolderFacts folders = facts_of_folders(source.relative, vocabulary);
    MetadataResolver(layers, inferred, folders, vocabulary, file, diagnostics).fill(s, body);
    const FrontMatterValue* id_field = nullptr;
    for (const auto* layer : layers)
        if (!id_field && layer->fields.count("id")) id_field = &layer->fields.at("id");
    s.id = id_field ? text::slugify(id_field->value) : statement_id_for_path(source.relative);
    if (s.id.empty()) diagnostics.push_back({Severity::error, file, id_field ? id_field->line : 1, "empty statement id"});
    if (has_errors(diagnostics)) return out;

    std::set<std::string> themes(s.given_themes.begin(), s.given_themes.end());
    for (const auto& p : s.paragraphs) themes.insert(p.themes.begin(), p.themes.end());
    for (const auto& t : vocabulary.themes)
        if (themes.count(t.id)) s.themes.push_back(t.id);
    out.statement = std::move(s);
    return out;
}

}  // namespace stmt
