/** @file statement_parser.h
 *  @brief A corpus file's text -> a Statement: front matter, header
 *  inference, courtesy formulas and numbered paragraphs.
 */
#pragma once

#include "stmtlib/front_matter.h"
#include "stmtlib/statement.h"
#include "stmtlib/theme_tagger.h"
#include "stmtlib/vocabulary.h"

#include <string>
#include <string_view>

namespace stmt {

/// Header lines are short: a block with a longer line is the body.
inline constexpr std::size_t HEADER_MAX_WORDS = 25;
inline constexpr std::size_t HEADER_MAX_BLOCKS = 6;
/// A courtesy formula ("Thank you, Chair.") is at most this many words.
inline constexpr std::size_t FORMULA_MAX_WORDS = 12;

/// Everything known about one statement file before parsing.
struct StatementSource {
    std::string text;      ///< the file's text (extracted, for PDF, DOCX and HTML)
    std::string file;      ///< how messages name the file: "corpus/ahc-5/x.pdf"
    std::string relative;  ///< path below the corpus folder: default id, folder names
    /// Explicit metadata from outside the file, strongest first (sidecar,
    /// then manifest); the file's own front matter comes before all of them.
    std::vector<MetadataLayer> layers;
};

/// Parses one statement. Precedence: front matter or sidecar, then
/// manifest, then the header lines, then folder names (corpus/ahc-5/...).
/// Organisations not in the vocabulary are added to it (and reported as a
/// warning). Any error leaves `statement` empty.
ParseOutcome parse_statement(const StatementSource& source, Vocabulary& vocabulary, const ThemeTagger& tagger);

/// Parses one statement. `relative_path` names the file in messages and
/// gives the default id. Organisations not in the vocabulary are added to
/// it (and reported as a warning). Any error leaves `statement` empty.
ParseOutcome parse_statement(std::string_view content, const std::string& relative_path,
                             Vocabulary& vocabulary, const ThemeTagger& tagger);

/// The id a file gets when its front matter gives none: its path, kebab-cased.
std::string statement_id_for_path(const std::string& relative_path);

}  // namespace stmt
