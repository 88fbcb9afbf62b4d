/** @file corpus_writer.cc
 *  @brief Text rendering, docgen for PDF/Word/HTML, sidecars and the manifest.
 */
#include "corpus_writer.h"

#include "document_writers.h"

#include <stdexcept>

namespace gen_corpus {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> MANIFEST_COLUMNS = {"file", "title", "organization", "session", "chapter",
                                                   "date", "language", "status", "source"};

std::string yaml_scalar(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string yaml_fields(const Fields& fields) {
    std::string out;
    for (const auto& [key, value] : fields)
        if (!value.empty()) out += key + ": " + yaml_scalar(value) + "\n";
    return out;
}

/// Greedy wrap on spaces; `columns` 0 keeps the paragraph on one line.
std::string wrap(const std::string& text, std::size_t columns, const std::string& eol) {
    if (columns == 0) return text;
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.size() + 1 + word.size() > columns) {
            out += line + eol;
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    return out + line;
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

std::string field(const Fields& fields, const std::string& key) {
    for (const auto& [k, v] : fields)
        if (k == key) return v;
    return {};
}

}  // namespace

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string render_text(const StatementDraft& d) {
    const std::string eol = d.crlf ? "\r\n" : "\n";
    std::string out = d.bom ? "\xEF\xBB\xBF" : "";
    if (d.plan.source == "front_matter") {
        std::string yaml = "---\n" + yaml_fields(d.fields) + "---\n";
        for (const char c : yaml) out += c == '\n' ? eol : std::string(1, c);
        out += eol;
    }
    const auto block = [&](const std::string& text) { out += wrap(text, d.wrap_columns, eol) + eol + eol; };
    for (const auto& lines : d.header) {
        for (const auto& line : lines) out += line + eol;
        out += eol;
    }
    for (const auto& p : d.body.openings) block(p);
    for (const auto& p : d.body.paragraphs) block(p);
    for (const auto& p : d.body.closings) block(p);
    return out;
}

std::vector<std::string> render_paragraphs(const StatementDraft& d) {
    std::vector<std::string> out;
    for (const auto& lines : d.header) out.insert(out.end(), lines.begin(), lines.end());
    for (const auto* part : {&d.body.openings, &d.body.paragraphs, &d.body.closings}) out.insert(out.end(), part->begin(), part->end());
    return out;
}

std::size_t CorpusWriter::write(const StatementDraft& d) {
    const auto& format = d.plan.format;
    std::string bytes;
    if (format == "txt" || format == "md") bytes = render_text(d);
    else if (format == "pdf") bytes = docgen::write_pdf(render_paragraphs(d), d.running_header, d.page_numbers);
    else if (format == "docx") bytes = docgen::write_docx(render_paragraphs(d), d.footnotes);
    else if (format == "html") bytes = docgen::write_html(render_paragraphs(d), d.site_name);
    else throw std::runtime_error("unknown format '" + format + "'");
    const fs::path path = out_ / fs::path(d.relative_path);
    write_file(path, bytes);
    std::size_t written = bytes.size();
    if (d.plan.source == "sidecar") {
        const std::string yaml = yaml_fields(d.fields);
        write_file(path.string() + ".yaml", yaml);
        written += yaml.size();
    } else if (d.plan.source == "manifest") {
        std::string row;
        for (const auto& column : MANIFEST_COLUMNS) {
            std::string value = column == "file" ? d.relative_path : field(d.fields, column);
            if (column == "source" && d.id.size() % 2 == 0) value = "https://example.org/statements/" + d.id;
            if (!row.empty()) row += ',';
            row += csv_field(value);
        }
        manifest_rows_.push_back(std::move(row));
    }
    return written;
}

void CorpusWriter::finish() {
    if (manifest_rows_.empty()) return;
    std::string csv;
    for (const auto& column : MANIFEST_COLUMNS) {
        if (!csv.empty()) csv += ',';
        csv += column;
    }
    csv += "\r\n";
    for (const auto& row : manifest_rows_) csv += row + "\r\n";
    write_file(out_ / "manifest.csv", csv);
}

}  // namespace gen_corpus
