/** @file admin_commands.h
 *  @brief `indexer compact` and `indexer stats`: commands over a built
 *  database rather than a corpus.
 */
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace indexer {

struct AdminCommands {
    CLI::App* compact = nullptr;
    CLI::App* stats = nullptr;
    std::string db;
    std::string output;
    bool json = false;
};

/// Declares both subcommands on `app`, bound to `commands`.
void add_admin_commands(CLI::App& app, AdminCommands& commands);

/// Runs the admin subcommand that was parsed; nullopt when none was.
std::optional<int> run_admin_command(const AdminCommands& commands);

}  // namespace indexer
