/** @file main.cc
 *  @brief `indexer`: loads statements from a corpus folder into a Xapian
 *  database. A thin command line over stmt::build_index() and
 *  stmt::update_index().
 */
#include "admin_commands.h"
#include "cli_config.h"
#include "log_format.h"
#include "stmtlib/index_builder.h"
#include "stmtlib/shard_layout.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>

namespace {

void print_progress(std::size_t done, std::size_t total, const std::string& file) {
    std::cerr << "\r\033[K[" << done << "/" << total << "] " << file << std::flush;
    if (done == total) std::cerr << "\r\033[K";
}

/// Skipped files and warnings in searchd's log line format, so that one
/// collector reads both; the message keeps its "file:line: reason" form.
void print_diagnostics(const stmt::BuildReport& r, bool quiet, stmtcli::LogFormat format) {
    using stmtcli::LogLevel;
    if (!quiet)
        for (const auto& w : r.warnings)
            std::cerr << stmtcli::format_log_line(format, LogLevel::info, w.to_string(), {{"event", "warning"}}) << "\n";
    for (const auto& s : r.skipped) {
        const std::string message = s.reason.starts_with(s.relative + ":") ? s.reason : s.relative + ": " + s.reason;
        std::cerr << stmtcli::format_log_line(format, LogLevel::warn, message + " (skipped)",
                                              {{"event", "skipped"}, {"file", s.relative}})
                  << "\n";
    }
}

void print_report(const stmt::BuildReport& r, bool update) {
    std::cout << "files:       " << r.files << "\n"
              << "statements:  " << r.statements << "\n"
              << "paragraphs:  " << r.paragraphs << "\n"
              << "skipped:     " << r.skipped.size() << "\n";
    if (r.shards > 1) std::cout << "shards:      " << r.shards << "\n";
    if (update && !r.full_rebuild)
        std::cout << "added:       " << r.added << "\n"
                  << "changed:     " << r.changed << "\n"
                  << "deleted:     " << r.deleted << "\n"
                  << "unchanged:   " << r.unchanged << "\n";
    else if (update)
        std::cout << "full rebuild (no live database, or the vocabulary changed)\n";
    if (!r.new_organizations.empty()) {
        std::cout << "new organisations (not in vocabulary/organizations.yaml):\n";
        for (const auto& o : r.new_organizations) std::cout << "  " << o << "\n";
    }
    std::cout << r.note << std::endl;
}

void add_common_options(CLI::App* command, stmt::BuildOptions& options, bool& quiet, std::string& log_format) {
    command->add_option("corpus", options.corpus, "Corpus folder (one file per statement)")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--db", options.db, "Stub file that searchd opens; generations are kept in DB.generations/")
        ->required();
    command->add_option("--vocabulary", options.vocabulary, "Vocabulary folder (default: CORPUS_DIR/vocabulary)");
    command->add_flag("--strict", options.strict, "Fail without switching if any file is skipped");
    command->add_option("--max-file-size", options.max_file_bytes, "Skip statement files larger than this many bytes")
        ->capture_default_str();
    command->add_option("--jobs", options.jobs,
                        "Threads that read and parse files and build their documents; a full build also writes each shard with "
                        "N/shards threads, merged at the end (0: one per hardware thread)")
        ->capture_default_str();
    command->add_option("--shards", options.shards,
                        "Write the statements into N shard databases (by a hash of the statement id) behind one "
                        "stub; 'update' keeps the live library's number unless given (see docs/scaling.md)")
        ->check(CLI::Range(std::size_t{1}, stmt::MAX_SHARDS));
    command->add_flag("-q,--quiet", quiet, "No progress and no warnings, only skipped files and the summary");
    command->add_option("--log-format", log_format, "Skipped files and warnings as text lines or JSON lines")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Statement Library indexer: loads statements from a corpus folder into a Xapian database."};
    app.require_subcommand(1);

    stmt::BuildOptions options;
    bool quiet = false;
    std::string log_format = "text";
    auto* build = app.add_subcommand("build", "Build a fresh database from CORPUS_DIR and switch to it atomically");
    add_common_options(build, options, quiet, log_format);
    auto* update = app.add_subcommand(
        "update", "Index only new and changed files, delete the statements of removed files, and switch");
    add_common_options(update, options, quiet, log_format);
    indexer::AdminCommands admin;
    indexer::add_admin_commands(app, admin);  // compact, stats

    stmtcli::add_environment_and_config(app);  // after every option is declared
    CLI11_PARSE(app, argc, argv);
    if (const auto admin_exit = indexer::run_admin_command(admin)) return *admin_exit;

    if (!quiet && ::isatty(STDERR_FILENO)) options.progress = print_progress;
    const bool updating = app.got_subcommand(update);
    const auto report = updating ? stmt::update_index(options) : stmt::build_index(options);
    if (!report) {
        std::cerr << "indexer: " << report.error().message << std::endl;
        return 1;
    }
    print_diagnostics(*report, quiet, *stmtcli::parse_log_format(log_format));  // checked by IsMember
    print_report(*report, updating);
    const bool unchanged_update = updating && !report->switched && report->generation.empty();
    return report->switched || unchanged_update ? 0 : 1;
}
