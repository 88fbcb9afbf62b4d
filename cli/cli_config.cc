/** @file cli_config.cc
 *  @brief Environment names derived from long option names, and a config
 *  file reader that gives way to the environment.
 */
#include "cli_config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace stmtcli {
namespace {

bool set_in_environment(const std::string& option_name) {
    const char* value = std::getenv(env_name(option_name).c_str());
    return value != nullptr && *value != '\0';  // CLI11 ignores empty variables too
}

/// CLI11 applies a config file before the environment, so the file would
/// win; this reader drops the file's keys whose variable is set, which puts
/// the environment first. It also reports unknown keys by name and file.
class EnvironmentFirstConfig : public CLI::ConfigTOML {
public:
    explicit EnvironmentFirstConfig(CLI::App* app) : app_(app) {}

    std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
        std::vector<CLI::ConfigItem> kept;
        const auto running = app_->get_subcommands();  // those named on the command line
        for (auto item : CLI::ConfigTOML::from_config(input)) {
            if (item.name == "++" || item.name == "--") {  // section markers
                kept.push_back(std::move(item));
                continue;
            }
            std::replace(item.name.begin(), item.name.end(), '_', '-');  // cache_size = cache-size
            CLI::App* owner = app_;
            for (const auto& parent : item.parents) owner = subcommand(owner, parent);
            if (owner == app_ && item.parents.empty() && !has_option(app_, item.name) && !running.empty()) {
                owner = running.front();
                item.parents = {owner->get_name()};
            }
            if (owner == nullptr || !has_option(owner, item.name))
                throw CLI::ConfigError("config file " + config_file() + ": '" + item.name + "' is not an option of " +
                                       command_name(item.parents) + " (see --help)");
            if (set_in_environment(item.name)) continue;
            kept.push_back(std::move(item));
        }
        return kept;
    }

private:
    static CLI::App* subcommand(CLI::App* app, const std::string& name) {
        if (app == nullptr) return nullptr;
        try {
            return app->get_subcommand(name);
        } catch (const CLI::OptionNotFound&) {
            return nullptr;
        }
    }

    static bool has_option(CLI::App* app, const std::string& name) {
        const CLI::Option* option = app->get_option_no_throw("--" + name);
        if (option == nullptr) option = app->get_option_no_throw(name);  // a positional
        return option != nullptr && option != app->get_config_ptr() && option != app->get_help_ptr();
    }

    /// "indexer update": the program's file name and the subcommands.
    std::string command_name(const std::vector<std::string>& parents) const {
        std::string name = std::filesystem::path(app_->get_name()).filename().string();
        for (const auto& parent : parents) name += " " + parent;
        return name;
    }

    std::string config_file() const {
        const CLI::Option* option = app_->get_config_ptr();
        if (option == nullptr) return "";
        return option->results().empty() ? option->get_default_str() : option->results().front();
    }

    CLI::App* app_;
};

/// Lets `indexer build --config FILE` pass --config up to the app that has it.
void fall_through(CLI::App& app) {
    app.fallthrough();
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) fall_through(*sub);
}

void name_environment(CLI::App& app) {
    for (CLI::Option* option : app.get_options()) {
        if (option == app.get_help_ptr() || option == app.get_help_all_ptr() || option == app.get_config_ptr()) continue;
        if (option->get_envname().empty()) option->envname(env_name(option->get_single_name()));
        option->capture_default_str();  // --help shows the value the option starts with
        if (option->get_default_str() == "[]") option->default_str("");  // an empty list: nothing to show
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) name_environment(*sub);
}

}  // namespace

std::string env_name(std::string_view option_name) {
    std::string out(ENV_PREFIX);
    for (const char c : option_name)
        out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

void add_environment_and_config(CLI::App& app) {
    name_environment(app);
    const char* from_environment = std::getenv(CONFIG_ENV);
    const std::string file = from_environment != nullptr ? from_environment : "";
    // A file named by STMT_CONFIG must exist, as one given with --config must.
    app.set_config("--config", file,
                   "Config file (TOML: key = value per long option, e.g. listen = \"127.0.0.1:8080\"); "
                   "command-line flags win over STMT_* variables, which win over the file (Env:" +
                       std::string(CONFIG_ENV) + ")",
                   !file.empty());
    app.config_formatter(std::make_shared<EnvironmentFirstConfig>(&app));
    app.allow_config_extras(CLI::config_extras_mode::error);
    fall_through(app);  // `indexer build --config FILE` as well as `indexer --config FILE build`
}

}  // namespace stmtcli
