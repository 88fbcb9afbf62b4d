/** @file config_test.cc
 *  @brief Where options come from: flags, STMT_* variables and config
 *  files, in that order of precedence, for searchd and indexer alike.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <regex>
#include <sstream>

namespace stmt_it {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// Sets an environment variable for the scope; the programs run by
/// run_process() inherit it.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
        ::setenv(name_.c_str(), value.c_str(), 1);
    }
    ~ScopedEnv() { ::unsetenv(name_.c_str()); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
};

ProcessResult check_config(const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {STMT_SEARCHD_PATH, "--check-config"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_process(argv);
}

/// The address a successful --check-config reports.
std::string checked_listen(const ProcessResult& result) {
    static const std::regex LISTEN(R"(listen (\S+)\))");
    std::smatch m;
    return std::regex_search(result.out, m, LISTEN) ? m[1].str() : "(none: " + result.output() + ")";
}

TEST(IntegrationConfig, CheckConfigAcceptsAUsableConfigurationWithoutListening) {
    const auto result = check_config({"--db", fixture_library().db().string(), "--web", WEB_DIR.string(), "--listen",
                                      "127.0.0.1:0"});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.out, "configuration OK")) << result.out;
    EXPECT_FALSE(contains(result.out, "listening on")) << result.out;
}

TEST(IntegrationConfig, CheckConfigRejectsEachUnusablePart) {
    const TempDir dir;
    const std::string db = fixture_library().db().string();
    const auto bad_listen = check_config({"--db", db, "--web", WEB_DIR.string(), "--listen", "nowhere"});
    EXPECT_NE(bad_listen.exit_code, 0);
    EXPECT_TRUE(contains(bad_listen.err, "--listen 'nowhere'")) << bad_listen.err;
    const auto bad_db = check_config({"--db", (dir / "missing.db").string(), "--web", WEB_DIR.string()});
    EXPECT_NE(bad_db.exit_code, 0) << bad_db.output();
    const auto bad_web = check_config({"--db", db, "--web", (dir / "no-web").string()});
    EXPECT_NE(bad_web.exit_code, 0) << bad_web.output();
    EXPECT_TRUE(contains(bad_web.err, "no-web")) << bad_web.err;
    const auto bad_flag = check_config({"--db", db, "--no-such-flag"});
    EXPECT_NE(bad_flag.exit_code, 0) << bad_flag.output();
}

TEST(IntegrationConfig, EnvironmentVariablesSetOptions) {
    const ScopedEnv db("STMT_DB", fixture_library().db().string());
    const ScopedEnv web("STMT_WEB", WEB_DIR.string());
    const ScopedEnv listen("STMT_LISTEN", "127.0.0.1:4321");
    const auto result = check_config({});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_EQ(checked_listen(result), "127.0.0.1:4321");
}

TEST(IntegrationConfig, ConfigFileSetsOptionsWithDashOrUnderscoreKeys) {
    const TempDir dir;
    write_file(dir / "searchd.toml", "# searchd settings\ndb = \"" + fixture_library().db().string() +
                                         "\"\nweb = \"" + WEB_DIR.string() +
                                         "\"\nlisten = \"127.0.0.1:5432\"\npublic_url = \"https://example.org\"\n");
    const auto result = check_config({"--config", (dir / "searchd.toml").string()});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_EQ(checked_listen(result), "127.0.0.1:5432");

    const ScopedEnv config("STMT_CONFIG", (dir / "searchd.toml").string());
    EXPECT_EQ(checked_listen(check_config({})), "127.0.0.1:5432") << "STMT_CONFIG names the file";
}

TEST(IntegrationConfig, FlagBeatsEnvironmentWhichBeatsFile) {
    const TempDir dir;
    write_file(dir / "searchd.toml", "db = \"" + fixture_library().db().string() + "\"\nweb = \"" +
                                         WEB_DIR.string() + "\"\nlisten = \"127.0.0.1:1111\"\n");
    const std::string file = (dir / "searchd.toml").string();
    EXPECT_EQ(checked_listen(check_config({"--config", file})), "127.0.0.1:1111");
    const ScopedEnv listen("STMT_LISTEN", "127.0.0.1:2222");
    EXPECT_EQ(checked_listen(check_config({"--config", file})), "127.0.0.1:2222");
    EXPECT_EQ(checked_listen(check_config({"--config", file, "--listen", "127.0.0.1:3333"})), "127.0.0.1:3333");
}

TEST(IntegrationConfig, BadConfigFileIsAClearError) {
    const std::string db = fixture_library().db().string();  // started before STMT_CONFIG is set below
    const TempDir dir;
    write_file(dir / "searchd.toml", "db = \"x\"\nlisten_adress = \"127.0.0.1:1\"\n");
    const auto unknown_key = check_config({"--config", (dir / "searchd.toml").string()});
    EXPECT_NE(unknown_key.exit_code, 0);
    EXPECT_TRUE(contains(unknown_key.err, "searchd.toml")) << unknown_key.err;
    EXPECT_TRUE(contains(unknown_key.err, "'listen-adress' is not an option")) << unknown_key.err;

    const auto missing = check_config({"--config", (dir / "absent.toml").string()});
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_TRUE(contains(missing.err, "absent.toml")) << missing.err;

    const ScopedEnv config("STMT_CONFIG", (dir / "absent-too.toml").string());
    const auto missing_from_env = check_config({"--db", db});
    EXPECT_NE(missing_from_env.exit_code, 0) << "a file named by STMT_CONFIG must exist";
    EXPECT_TRUE(contains(missing_from_env.err, "absent-too.toml")) << missing_from_env.err;
}

/// Every long option in a --help text, and whether its line names its
/// STMT_ variable: options added later are covered without a list here.
void expect_every_option_has_its_variable(const std::string& help) {
    static const std::regex OPTION(R"(^\s+(?:-\w,\s*)?--([a-z][a-z0-9-]*))");
    std::istringstream lines(help);
    std::string line;
    int options = 0;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, OPTION) || m[1] == "help" || m[1] == "config") continue;
        ++options;
        std::string variable = "STMT_" + m[1].str();
        for (auto& c : variable) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        EXPECT_TRUE(contains(line, "(Env:" + variable + ")")) << line;
    }
    EXPECT_GT(options, 2) << help;
}

TEST(IntegrationConfig, HelpListsEachOptionWithItsDefaultAndVariable) {
    const auto searchd = run_process({STMT_SEARCHD_PATH, "--help"});
    EXPECT_EQ(searchd.exit_code, 0);
    expect_every_option_has_its_variable(searchd.out);
    EXPECT_TRUE(contains(searchd.out, "127.0.0.1:8080")) << "the default of --listen\n" << searchd.out;
    EXPECT_TRUE(contains(searchd.out, "--config")) << searchd.out;

    const auto build = run_process({STMT_INDEXER_PATH, "build", "--help"});
    EXPECT_EQ(build.exit_code, 0);
    expect_every_option_has_its_variable(build.out);
}

TEST(IntegrationConfig, IndexerTakesTopLevelFileKeysAndVariablesForItsSubcommand) {
    const TempDir dir;
    write_file(dir / "indexer.toml", "vocabulary = \"" + VOCABULARY_DIR.string() + "\"\nquiet = true\n");
    const ScopedEnv db("STMT_DB", (dir / "db").string());
    const auto result =
        run_process({STMT_INDEXER_PATH, "build", FIXTURE_CORPUS.string(), "--config", (dir / "indexer.toml").string()});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(fs::exists(dir / "db")) << "STMT_DB named the database";

    write_file(dir / "bad.toml", "vocabulary = \"" + VOCABULARY_DIR.string() + "\"\nstrictly = true\n");
    const auto bad = run_process({STMT_INDEXER_PATH, "update", FIXTURE_CORPUS.string(), "--config",
                                  (dir / "bad.toml").string()});
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_TRUE(contains(bad.err, "'strictly' is not an option")) << bad.err;
}

}  // namespace
}  // namespace stmt_it
