/** @file admin_commands.cc
 *  @brief Thin command lines over stmt::compact_library() and
 *  stmt::library_stats().
 */
#include "admin_commands.h"

#include "stmtlib/library_admin.h"

#include <iostream>

namespace indexer {

void add_admin_commands(CLI::App& app, AdminCommands& commands) {
    commands.compact = app.add_subcommand(
        "compact", "Write the database compacted into one file (a backup, or a read-only copy searchd can serve)");
    commands.compact->add_option("--db", commands.db, "Database to compact: the stub file of 'indexer build'")
        ->required();
    commands.compact->add_option("--output", commands.output, "File to write; replaced at the end if it exists")
        ->required();

    commands.stats = app.add_subcommand(
        "stats", "Statements and paragraphs per session, chapter, theme, organisation and language");
    commands.stats->add_option("--db", commands.db, "Database: the stub file of 'indexer build'")->required();
    commands.stats->add_flag("--json", commands.json, "JSON instead of tables");
}

std::optional<int> run_admin_command(const AdminCommands& commands) {
    if (commands.compact->parsed()) {
        const auto written = stmt::compact_library(commands.db, commands.output);
        if (!written) {
            std::cerr << "indexer: " << written.error().message << std::endl;
            return 1;
        }
        std::cout << "compacted " << commands.db << " into " << written->string() << std::endl;
        return 0;
    }
    if (commands.stats->parsed()) {
        const auto stats = stmt::library_stats(commands.db);
        if (!stats) {
            std::cerr << "indexer: " << stats.error().message << std::endl;
            return 1;
        }
        if (commands.json)
            std::cout << nlohmann::json(*stats).dump(2) << std::endl;
        else
            std::cout << stmt::stats_table(*stats);
        return 0;
    }
    return std::nullopt;
}

}  // namespace indexer
