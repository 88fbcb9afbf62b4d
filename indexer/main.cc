/** @file main.cc
 *  @brief `indexer`: loads statements from a corpus folder into a Xapian
 *  database. A thin command line over stmt::build_index().
 */
#include "stmtlib/index_builder.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>

namespace {

void print_progress(std::size_t done, std::size_t total, const std::string& file) {
    std::cerr << "\r\033[K[" << done << "/" << total << "] " << file << std::flush;
    if (done == total) std::cerr << "\r\033[K";
}

void print_report(const stmt::BuildReport& r, bool quiet) {
    if (!quiet)
        for (const auto& w : r.warnings) std::cerr << w.to_string() << "\n";
    for (const auto& s : r.skipped)
        std::cerr << (s.reason.starts_with(s.relative + ":") ? s.reason : s.relative + ": " + s.reason) << " (skipped)\n";
    std::cout << "files:       " << r.files << "\n"
              << "statements:  " << r.statements << "\n"
              << "paragraphs:  " << r.paragraphs << "\n"
              << "skipped:     " << r.skipped.size() << "\n";
    if (!r.new_organizations.empty()) {
        std::cout << "new organisations (not in vocabulary/organizations.yaml):\n";
        for (const auto& o : r.new_organizations) std::cout << "  " << o << "\n";
    }
    std::cout << (r.switched ? "switched to generation " + r.generation
                             : std::string(r.statements == 0 ? "not switched: no statement could be indexed; the live database is unchanged"
                                                             : "not switched: --strict and files were skipped; the live database is unchanged"))
              << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Statement Library indexer: loads statements from a corpus folder into a Xapian database."};
    app.require_subcommand(1);

    stmt::BuildOptions options;
    bool quiet = false;
    auto* build = app.add_subcommand("build", "Build a fresh database from CORPUS_DIR and switch to it atomically");
    build->add_option("corpus", options.corpus, "Corpus folder (one file per statement)")->required()->check(CLI::ExistingDirectory);
    build->add_option("--db", options.db, "Stub file that searchd opens; generations are kept in DB.generations/")->required();
    build->add_option("--vocabulary", options.vocabulary, "Vocabulary folder (default: CORPUS_DIR/vocabulary)");
    build->add_flag("--strict", options.strict, "Fail without switching if any file is skipped");
    build->add_option("--max-file-size", options.max_file_bytes, "Skip statement files larger than this many bytes")
        ->capture_default_str();
    build->add_flag("-q,--quiet", quiet, "No progress and no warnings, only skipped files and the summary");

    CLI11_PARSE(app, argc, argv);

    if (!quiet && ::isatty(STDERR_FILENO)) options.progress = print_progress;
    const auto report = stmt::build_index(options);
    if (!report) {
        std::cerr << "indexer: " << report.error().message << std::endl;
        return 1;
    }
    print_report(*report, quiet);
    return report->switched ? 0 : 1;
}
