/** @file corpus_scanner.cc
 *  @brief A deterministic walk of the corpus folder.
 */
#include "stmtlib/corpus_scanner.h"

#include <algorithm>
#include <system_error>

namespace stmt {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool is_data_extension(const std::string& extension) {
    return extension == ".yaml" || extension == ".yml" || extension == ".csv" || extension == ".json";
}

bool passed_over(const fs::path& name) {
    const std::string s = name.filename().string();
    return s.empty() || s[0] == '.' || s[0] == '_';
}

}  // namespace

bool is_statement_extension(const std::string& extension) {
    const std::string e = lower(extension);
    return e == ".txt" || e == ".md" || e == ".pdf" || e == ".docx" || e == ".html" || e == ".htm";
}

CorpusListing scan_corpus(const fs::path& corpus, std::uintmax_t max_file_bytes) {
    CorpusListing listing;
    std::error_code ec;
    fs::recursive_directory_iterator it(corpus, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        // Lexically: resolving links here would fail on a link loop and
        // name a linked file by its target.
        const std::string relative = entry.path().lexically_relative(corpus).generic_string();
        std::error_code type_ec;
        if (entry.is_directory(type_ec)) {
            if (passed_over(entry.path()) || (it.depth() == 0 && relative == VOCABULARY_FOLDER))
                it.disable_recursion_pending();
            continue;
        }
        if (passed_over(entry.path())) continue;
        const std::string extension = lower(entry.path().extension().string());
        if (is_data_extension(extension)) continue;
        if (!entry.is_regular_file(type_ec)) {
            listing.skipped.push_back({relative, type_ec ? "cannot be read: " + type_ec.message()
                                                         : "not a regular file (broken link or device)"});
            continue;
        }
        if (!is_statement_extension(extension)) {
            const std::string hint = extension == ".doc"   ? " (old Word format: save it as .docx)"
                                     : extension == ".rtf" ? " (save it as .docx or .txt)"
                                                           : " (statements are .txt, .md, .pdf, .docx or .html)";
            listing.skipped.push_back({relative, "unsupported file type '" + extension + "'" + hint});
            continue;
        }
        const auto size = entry.file_size(type_ec);
        if (!type_ec && size > max_file_bytes) {
            listing.skipped.push_back({relative, "file too large (" + std::to_string(size) + " bytes; the cap is " +
                                                     std::to_string(max_file_bytes) + ", see --max-file-size)"});
            continue;
        }
        listing.statements.push_back({entry.path(), relative});
    }
    if (ec) listing.skipped.push_back({corpus.generic_string(), "cannot walk the folder: " + ec.message()});
    const auto by_path = [](const auto& a, const auto& b) { return a.relative < b.relative; };
    std::sort(listing.statements.begin(), listing.statements.end(), by_path);
    std::sort(listing.skipped.begin(), listing.skipped.end(), by_path);
    return listing;
}

}  // namespace stmt
