/** @file corpus_scanner.h
 *  @brief Which files under corpus/ are statements.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stmt {

/// Default cap on a statement file's size; --max-file-size changes it.
inline constexpr std::uintmax_t DEFAULT_MAX_FILE_BYTES = 20ull * 1024 * 1024;

/// The folder inside the corpus that holds the vocabulary data files.
inline constexpr const char* VOCABULARY_FOLDER = "vocabulary";

struct CorpusFile {
    std::filesystem::path path;
    std::string relative;  ///< with '/' separators, as used in ids and messages
};

struct SkippedFile {
    std::string relative;
    std::string reason;
};

struct CorpusListing {
    std::vector<CorpusFile> statements;  ///< sorted by relative path
    std::vector<SkippedFile> skipped;    ///< files that cannot be statements
};

/// Walks `corpus` (not following directory symlinks). Hidden files and
/// folders, names starting with '_', the vocabulary folder and data files
/// (.yaml, .yml, .csv, .json) are passed over silently; other extensions,
/// oversized and unreadable files are listed as skipped.
CorpusListing scan_corpus(const std::filesystem::path& corpus, std::uintmax_t max_file_bytes);

/// Extensions read as statements.
bool is_statement_extension(const std::string& extension);

}  // namespace stmt
