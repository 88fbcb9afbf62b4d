/** @file server_support.h
 *  @brief The integration harness: runs the real `indexer` and `searchd`
 *  binaries as subprocesses in throwaway folders, and talks HTTP to them.
 *
 *  Nothing here links the product's HTTP code in-process: what is tested is
 *  what an operator runs.
 */
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace stmt_it {

namespace fs = std::filesystem;

inline const fs::path FIXTURES_DIR{STMT_FIXTURES_DIR};
inline const fs::path FIXTURE_CORPUS = FIXTURES_DIR / "corpus";
inline const fs::path BAD_FIXTURES = FIXTURES_DIR / "bad";
inline const fs::path VOCABULARY_DIR{STMT_VOCABULARY_DIR};
inline const fs::path WEB_DIR = fs::path(STMT_SOURCE_DIR) / "web";

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, std::string_view content);

/// A fresh folder under /tmp (mkdtemp), removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

struct ProcessResult {
    int exit_code = -1;  ///< exit status, or 128 + signal number when killed
    std::string out;     ///< everything written to stdout
    std::string err;     ///< everything written to stderr
    std::string output() const { return out + err; }
};

/// Runs argv (argv[0] is a path) to completion, killing it after `timeout`.
/// Output goes through files, not pipes, so large output cannot block it.
ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::seconds timeout = std::chrono::seconds(60));

/// `indexer build CORPUS --vocabulary VOCAB --db DB -q EXTRA...`
ProcessResult run_indexer(const fs::path& corpus, const fs::path& db, const std::vector<std::string>& extra = {});

struct ServerOptions {
    std::vector<std::string> cors_origins;  ///< one `--cors` each
    fs::path web_dir = WEB_DIR;             ///< `--web`
    bool quiet = true;                      ///< `-q`: no request log
    std::vector<std::string> extra_args{};  ///< appended as given
};

/// A running `searchd --db DB --listen 127.0.0.1:0 --web web -q`. The
/// constructor throws std::runtime_error (with searchd's stderr) when the
/// server does not announce its port within 10 s.
class Server {
public:
    /// `extra_args`: more searchd flags, as given.
    explicit Server(const fs::path& db, ServerOptions options = {}, const std::vector<std::string>& extra_args = {});
    /// One `--db` per path: several databases searched as one library.
    explicit Server(const std::vector<fs::path>& dbs, ServerOptions options = {},
                    const std::vector<std::string>& extra_args = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    httplib::Client client() const;

    /// GETs `path` (already percent-encoded), records a test failure unless
    /// the status is `expected_status` and the body is JSON, and returns the
    /// parsed body (an empty object when it is not JSON).
    nlohmann::json get_json(const std::string& path, int expected_status = 200) const;

    /// SIGTERM, then waits (SIGKILL after 5 s); returns the exit status as
    /// ProcessResult::exit_code does. Safe to call twice.
    int stop();
    std::string stderr_text() const;

private:
    TempDir logs_;
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    int port_ = 0;
    std::optional<int> exit_code_;
};

/// Indexes `corpus` into `db` and starts a searchd on it; throws
/// std::runtime_error with the indexer's output when indexing fails.
std::unique_ptr<Server> index_and_serve(const fs::path& corpus, const fs::path& db);

/// A suite's own synthetic library: statements (file name, text) written
/// into a temp corpus, indexed, with a searchd on it.
class SyntheticLibrary {
public:
    explicit SyntheticLibrary(const std::vector<std::pair<std::string, std::string>>& files);
    Server& server() { return *server_; }

private:
    TempDir dir_;
    std::unique_ptr<Server> server_;
};

/// The fixture corpus indexed into a temp folder, with a searchd on it.
class FixtureLibrary {
public:
    FixtureLibrary();
    const fs::path& db() const { return db_; }
    Server& server() { return *server_; }

private:
    TempDir dir_;
    fs::path db_;
    std::unique_ptr<Server> server_;
};

/// One FixtureLibrary for the whole run, made on first use (so tests that
/// do not need it never pay for it) and stopped by the test environment
/// installed in main_support.cc.
FixtureLibrary& fixture_library();
inline Server& fixture_server() { return fixture_library().server(); }
void stop_fixture_library();

/// Percent-encodes every byte outside A-Z a-z 0-9 - . _ ~.
std::string url_encode(std::string_view value);

using Params = std::vector<std::pair<std::string, std::string>>;
/// "/api/search?name=value&..." with names and values percent-encoded.
std::string search_path(const Params& params);

/// The statement ids of a search response's results, in order.
std::vector<std::string> result_ids(const nlohmann::json& response);

}  // namespace stmt_it
