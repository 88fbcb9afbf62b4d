/** @file manifest.cc
 *  @brief A small RFC 4180 reader and the manifest built on it.
 */
#include "stmtlib/manifest.h"

#include "stmtlib/text.h"

#include <algorithm>

namespace stmt {

CsvTable parse_csv(std::string_view text_value) {
    CsvTable table;
    std::vector<CsvRow>& rows = table.rows;
    CsvRow row;
    std::string cell;
    bool quoted = false, cell_started = false;
    int line = 1, quote_line = 0;
    row.line = 1;
    const auto end_cell = [&] {
        row.cells.push_back(std::move(cell));
        cell.clear();
        cell_started = false;
    };
    const auto end_row = [&] {
        end_cell();
        const bool blank = row.cells.size() == 1 && row.cells[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text_value.size(); ++i) {
        const char c = text_value[i];
        if (quoted) {
            if (c == '"' && i + 1 < text_value.size() && text_value[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cell_started) {
            quoted = true;
            cell_started = true;
            quote_line = line;
        } else if (c == ',') {
            end_cell();
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            ++line;
            end_row();
        } else {
            cell += c;
            cell_started = true;
        }
    }
    if (quoted) {
        table.unclosed_quote_line = quote_line;
        return table;
    }
    if (cell_started || !row.cells.empty()) end_row();
    return table;
}

std::map<std::string, MetadataLayer> parse_manifest(std::string_view text_value, const std::string& file,
                                                    std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, MetadataLayer> out;
    const CsvTable table = parse_csv(text_value);
    const std::vector<CsvRow>* rows = &table.rows;
    if (table.unclosed_quote_line) {
        diagnostics.push_back({Diagnostic::Severity::error, file, table.unclosed_quote_line, "manifest: quote never closed"});
        return out;
    }
    if (rows->empty()) return out;
    std::vector<std::string> columns;
    for (const auto& name : rows->front().cells) columns.push_back(text::trim(name));
    const auto file_column = std::find(columns.begin(), columns.end(), MANIFEST_FILE_COLUMN);
    if (file_column == columns.end()) {
        diagnostics.push_back({Diagnostic::Severity::error, file, 1, "manifest: no 'file' column"});
        return out;
    }
    for (const auto& name : columns)
        if (name != MANIFEST_FILE_COLUMN && std::find(FRONT_MATTER_KEYS.begin(), FRONT_MATTER_KEYS.end(), name) == FRONT_MATTER_KEYS.end())
            diagnostics.push_back({Diagnostic::Severity::warning, file, 1, "manifest: unknown column '" + name + "' ignored"});
    const auto file_index = static_cast<std::size_t>(file_column - columns.begin());
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const CsvRow& row = (*rows)[r];
        const std::string path = file_index < row.cells.size() ? text::trim(row.cells[file_index]) : "";
        if (path.empty()) {
            diagnostics.push_back({Diagnostic::Severity::warning, file, row.line, "manifest: row without a file ignored"});
            continue;
        }
        if (out.count(path)) {
            diagnostics.push_back({Diagnostic::Severity::warning, file, row.line,
                                   "manifest: second row for '" + path + "' ignored"});
            continue;
        }
        MetadataLayer layer;
        for (std::size_t c = 0; c < columns.size() && c < row.cells.size(); ++c) {
            const std::string value = text::trim(row.cells[c]);
            if (c == file_index || value.empty()) continue;
            if (columns[c] == "themes") {
                for (const auto& t : text::split(value, ';')) layer.themes.push_back({text::trim(t), row.line, file});
            } else if (std::find(FRONT_MATTER_KEYS.begin(), FRONT_MATTER_KEYS.end(), columns[c]) != FRONT_MATTER_KEYS.end()) {
                layer.fields[columns[c]] = {value, row.line, file};
            }
        }
        out.emplace(path, std::move(layer));
    }
    return out;
}

}  // namespace stmt
