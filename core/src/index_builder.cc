/** @file index_builder.cc
 *  @brief Parses every statement, writes one generation, commits
 *  explicitly, then switches.
 */
#include "stmtlib/index_builder.h"

#include "stmtlib/document_builder.h"
#include "stmtlib/library_store.h"
#include "stmtlib/schema.h"
#include "stmtlib/statement_parser.h"
#include "stmtlib/vocabulary.h"
#include "stmtlib/xapian_language.h"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

std::string read_whole(const fs::path& p, std::string& error) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        error = "cannot be read";
        return {};
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string now_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string first_error(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::error) return d.to_string();
    return {};
}

}  // namespace

std::string Diagnostic::to_string() const {
    return file + ":" + std::to_string(line) + ": " + (severity == Severity::warning ? "warning: " : "") + message;
}

Expected<BuildReport> build_index(const BuildOptions& options) {
    const fs::path vocabulary_dir = options.vocabulary.empty() ? options.corpus / VOCABULARY_FOLDER : options.vocabulary;
    if (!fs::is_directory(options.corpus))
        return Error{ErrorCode::invalid_parameter, options.corpus.string() + ": corpus folder not found", "corpus"};
    auto vocabulary = load_vocabulary(vocabulary_dir);
    if (!vocabulary) return vocabulary.error();

    const LibraryStore store(options.db);
    const auto generation = store.new_generation();
    if (!generation) return generation.error();

    BuildReport report;
    report.generation = generation->filename().string();
    const CorpusListing listing = scan_corpus(options.corpus, options.max_file_bytes);
    report.skipped = listing.skipped;
    const auto display = [&options](const std::string& relative) { return (options.corpus / relative).generic_string(); };
    for (auto& skipped : report.skipped) skipped.relative = display(skipped.relative);
    report.files = listing.statements.size() + listing.skipped.size();

    try {
        Xapian::WritableDatabase db(generation->string(), Xapian::DB_CREATE);
        DocumentBuilder builder(&db);
        std::map<std::string, std::string> seen_ids;  // id -> file
        std::map<std::string, ThemeTagger> taggers;   // by language
        std::size_t done = 0;
        for (const auto& file : listing.statements) {
            std::string read_error;
            const std::string content = read_whole(file.path, read_error);
            if (!read_error.empty()) {
                report.skipped.push_back({display(file.relative), read_error});
            } else {
                auto tagger = taggers.try_emplace(DEFAULT_LANGUAGE, *vocabulary, DEFAULT_LANGUAGE).first;
                const std::size_t known_orgs = vocabulary->organizations.size();
                ParseOutcome outcome = parse_statement(content, file.relative, *vocabulary, tagger->second);
                for (auto& d : outcome.diagnostics) d.file = display(file.relative);
                for (const auto& d : outcome.diagnostics)
                    if (d.severity == Diagnostic::Severity::warning) report.warnings.push_back(d);
                if (!outcome.statement) {
                    report.skipped.push_back({display(file.relative), first_error(outcome.diagnostics)});
                    vocabulary->organizations.resize(known_orgs);  // forget names from a skipped file
                } else if (const auto clash = seen_ids.find(outcome.statement->id); clash != seen_ids.end()) {
                    report.skipped.push_back({display(file.relative), display(file.relative) + ":1: statement id '" +
                                                                 outcome.statement->id + "' already used by " + clash->second});
                    vocabulary->organizations.resize(known_orgs);
                } else {
                    const Statement& s = *outcome.statement;
                    seen_ids.emplace(s.id, file.relative);
                    const auto docs = builder.build(s, *vocabulary);
                    for (std::size_t i = 0; i < docs.size(); ++i)
                        db.replace_document(paragraph_id_term(s.id, s.paragraphs[i].number), docs[i]);
                    ++report.statements;
                    report.paragraphs += s.paragraphs.size();
                }
            }
            if (options.progress) options.progress(++done, listing.statements.size(), file.relative);
        }
        for (const auto& org : vocabulary->organizations)
            if (org.discovered) report.new_organizations.push_back(org.label + " (" + org.id + ")");
        db.set_metadata(std::string(schema::META_VOCABULARY), nlohmann::json(*vocabulary).dump());
        db.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::string(schema::SCHEMA_VERSION));
        db.set_metadata(std::string(schema::META_BUILT_AT), now_iso());
        db.commit();
        db.close();
    } catch (const Xapian::Error& e) {
        store.discard(*generation);
        return Error{ErrorCode::internal_error, options.db.string() + ": " + e.get_description(), "db"};
    }

    // A build that indexed nothing from a corpus that has files is a broken
    // corpus, not an empty library: keep serving what we have.
    const bool nothing_indexed = report.statements == 0 && report.files > 0;
    if ((options.strict && !report.skipped.empty()) || nothing_indexed) {
        store.discard(*generation);
        return report;
    }
    if (auto error = store.switch_to(*generation)) {
        store.discard(*generation);
        return *error;
    }
    report.switched = true;
    return report;
}

}  // namespace stmt
