/** @file corpus_writer.h
 *  @brief Writes statements to disk in their format, with their sidecar or
 *  manifest row, and the truth file beside the corpus.
 */
#pragma once

#include "statement_builder.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace gen_corpus {

class CorpusWriter {
public:
    explicit CorpusWriter(std::filesystem::path out) : out_(std::move(out)) {}

    /// Writes the statement file (and its sidecar); returns the bytes written.
    std::size_t write(const StatementDraft& d);

    /// Writes DIR/manifest.csv if any statement is listed there.
    void finish();

private:
    std::filesystem::path out_;
    std::vector<std::string> manifest_rows_;
};

/// The statement as a .txt or .md file.
std::string render_text(const StatementDraft& d);

/// The paragraphs handed to docgen: header lines, formulas, body.
std::vector<std::string> render_paragraphs(const StatementDraft& d);

/// One RFC 4180 field: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& value);

}  // namespace gen_corpus
