/** @file corpus_reader.h
 *  @brief One corpus file -> a StatementSource: its text (extracted from
 *  PDF, DOCX or HTML), its sidecar file and its manifest row.
 */
#pragma once

#include "stmtlib/corpus_scanner.h"
#include "stmtlib/error.h"
#include "stmtlib/front_matter.h"
#include "stmtlib/statement_parser.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace stmt {

/// A sidecar holds metadata for the file beside it: NAME.pdf.yaml for NAME.pdf.
inline constexpr const char* SIDECAR_SUFFIX = ".yaml";

class CorpusReader {
public:
    /// Loads corpus/manifest.csv if there is one; its problems are added to
    /// `diagnostics`.
    CorpusReader(std::filesystem::path corpus, std::vector<Diagnostic>& diagnostics);

    /// How messages name a file: the corpus path joined with its relative path.
    std::string display(const std::string& relative) const;

    /// Reads and extracts one file and gathers its metadata layers. An Error
    /// says why the file cannot be a statement. With `fingerprint`, also
    /// sets it to fingerprint(file) from the bytes just read, so that a
    /// build reads each file once.
    Expected<StatementSource> read(const CorpusFile& file, std::vector<Diagnostic>& diagnostics,
                                   std::string* fingerprint = nullptr) const;

    /// A hash of everything the file's statement is made from (its bytes,
    /// its sidecar and its manifest row): equal fingerprints, equal statements.
    std::string fingerprint(const CorpusFile& file) const;

private:
    /// `sidecar` null: the file has none (or it cannot be read).
    std::string fingerprint_of(const CorpusFile& file, const std::string& bytes, const std::string* sidecar) const;

    std::filesystem::path corpus_;
    std::map<std::string, MetadataLayer> manifest_;
    std::map<std::string, std::string> manifest_rows_text_;  ///< for fingerprints
};

/// FNV-1a, 64 bits, as 16 hex digits: stable across builds and machines.
std::string content_hash(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull);

}  // namespace stmt
