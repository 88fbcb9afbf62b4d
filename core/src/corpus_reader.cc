/** @file corpus_reader.cc
 *  @brief Dispatch on the file's extension, then gather explicit metadata.
 */
#include "stmtlib/corpus_reader.h"

#include "stmtlib/extractors.h"
#include "stmtlib/manifest.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

std::string lowercase_extension(const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return e;
}

Expected<std::string> read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Error{ErrorCode::unreadable_document, "cannot be read (permissions?)", ""};
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return Error{ErrorCode::unreadable_document, "read error", ""};
    return out.str();
}

Expected<std::string> extract(const fs::path& p, const std::string& bytes, std::vector<std::string>& warnings) {
    const std::string extension = lowercase_extension(p);
    Expected<Extraction> extraction = Error{ErrorCode::unreadable_document, "unsupported file type", ""};
    if (extension == ".txt" || extension == ".md") return bytes;
    if (extension == ".pdf") extraction = extract_pdf(bytes);
    else if (extension == ".docx") extraction = extract_docx(bytes);
    else if (extension == ".html" || extension == ".htm") extraction = extract_html(bytes);
    if (!extraction) return extraction.error();
    warnings = extraction->warnings;
    return std::move(extraction->text);
}

}  // namespace

std::string content_hash(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

CorpusReader::CorpusReader(fs::path corpus, std::vector<Diagnostic>& diagnostics) : corpus_(std::move(corpus)) {
    const fs::path manifest = corpus_ / MANIFEST_FILE;
    std::error_code ec;
    if (!fs::is_regular_file(manifest, ec)) return;
    const auto bytes = read_bytes(manifest);
    if (!bytes) {
        diagnostics.push_back({Diagnostic::Severity::error, display(MANIFEST_FILE), 1, bytes.error().message});
        return;
    }
    manifest_ = parse_manifest(*bytes, display(MANIFEST_FILE), diagnostics);
    for (const auto& [path, layer] : manifest_) {
        std::string row;
        for (const auto& [key, value] : layer.fields) row += key + "=" + value.value + "\n";
        for (const auto& t : layer.themes) row += "theme=" + t.value + "\n";
        manifest_rows_text_[path] = row;
    }
}

std::string CorpusReader::display(const std::string& relative) const { return (corpus_ / relative).generic_string(); }

Expected<StatementSource> CorpusReader::read(const CorpusFile& file, std::vector<Diagnostic>& diagnostics,
                                             std::string* fingerprint) const {
    const auto bytes = read_bytes(file.path);
    const fs::path sidecar = fs::path(file.path.string() + SIDECAR_SUFFIX);
    std::error_code ec;
    const bool has_sidecar = fs::is_regular_file(sidecar, ec);
    const auto yaml = has_sidecar ? read_bytes(sidecar) : Expected<std::string>(Error{ErrorCode::unreadable_document, "", ""});
    if (fingerprint) *fingerprint = fingerprint_of(file, bytes ? *bytes : std::string(), yaml ? &*yaml : nullptr);
    if (!bytes) return bytes.error();
    StatementSource source;
    source.file = display(file.relative);
    source.relative = file.relative;
    std::vector<std::string> warnings;
    auto text = extract(file.path, *bytes, warnings);
    if (!text) return text.error();
    source.text = std::move(*text);
    for (const auto& w : warnings) diagnostics.push_back({Diagnostic::Severity::warning, source.file, 1, w});

    if (has_sidecar) {
        if (!yaml) return Error{ErrorCode::unreadable_document, display(file.relative + SIDECAR_SUFFIX) + ": " + yaml.error().message, ""};
        source.layers.push_back(parse_metadata_yaml(*yaml, display(file.relative + SIDECAR_SUFFIX), 1, diagnostics));
    }
    if (const auto row = manifest_.find(file.relative); row != manifest_.end()) source.layers.push_back(row->second);
    return source;
}

std::string CorpusReader::fingerprint_of(const CorpusFile& file, const std::string& bytes, const std::string* sidecar) const {
    std::string material = bytes;
    if (sidecar) material += "\x1f" + *sidecar;
    if (const auto row = manifest_rows_text_.find(file.relative); row != manifest_rows_text_.end())
        material += "\x1e" + row->second;
    return content_hash(material);
}

std::string CorpusReader::fingerprint(const CorpusFile& file) const {
    const auto bytes = read_bytes(file.path);
    const auto sidecar = read_bytes(fs::path(file.path.string() + SIDECAR_SUFFIX));
    return fingerprint_of(file, bytes ? *bytes : std::string(), sidecar ? &*sidecar : nullptr);
}

}  // namespace stmt
