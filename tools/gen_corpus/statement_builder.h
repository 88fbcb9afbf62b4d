/** @file statement_builder.h
 *  @brief From a Plan to the content of one statement: where it goes, its
 *  header or metadata fields, its body, and the truth the indexer should find.
 */
#pragma once

#include "composer.h"
#include "planner.h"
#include "rng.h"
#include "vocab.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gen_corpus {

/// Front matter, sidecar or manifest fields, in writing order; empty values are left out.
using Fields = std::vector<std::pair<std::string, std::string>>;

struct StatementDraft {
    Plan plan;
    std::string relative_path;  ///< below the corpus folder, '/'-separated
    std::string id;             ///< what the indexer should make of it
    std::vector<std::vector<std::string>> header;  ///< blocks of header lines
    std::string header_style;
    Body body;
    Fields fields;  ///< for front matter, sidecar or manifest
    // Format details.
    std::vector<std::string> footnotes;  ///< docx
    std::string running_header;          ///< pdf
    bool page_numbers = false;           ///< pdf
    std::string site_name;               ///< html
    std::size_t wrap_columns = 0;        ///< txt: hard-wrapped lines (0: one line per paragraph)
    bool crlf = false, bom = false;      ///< txt
};

StatementDraft build_statement(std::size_t index, Plan plan, const Vocab& vocab, bool registered, Rng& rng);

/// The truth record: what the indexer should report for the statement.
nlohmann::json truth_of(const StatementDraft& d);

/// What the indexer makes of a path without a front matter id (docs/corpus.md).
std::string id_for_path(const std::string& relative_path);

}  // namespace gen_corpus
