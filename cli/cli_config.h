/** @file cli_config.h
 *  @brief One rule for where every option of indexer and searchd may come
 *  from: the command line, else an environment variable, else a config file.
 */
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace stmtcli {

/// Every environment variable of ours starts with this.
inline constexpr std::string_view ENV_PREFIX = "STMT_";
/// Names the config file when --config is not given.
inline constexpr const char* CONFIG_ENV = "STMT_CONFIG";

/// "cache-size" -> "STMT_CACHE_SIZE".
std::string env_name(std::string_view option_name);

/// Call once, after every option (of the app and of its subcommands) is
/// declared and before parsing: gives each option the environment variable
/// env_name(long name), shows its default in --help, and adds
/// `--config FILE` (TOML or INI; STMT_CONFIG names it otherwise). A key of
/// the file that names no option is an error; top-level keys also apply to
/// the subcommand that runs, so one file serves `build` and `update`.
/// Precedence: command line, then environment, then file.
void add_environment_and_config(CLI::App& app);

}  // namespace stmtcli
