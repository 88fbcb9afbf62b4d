/** @file server_support.cc
 *  @brief Subprocesses with fork/exec, a port read from searchd's first line,
 *  and a clean SIGTERM stop.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <regex>
#include <stdexcept>
#include <thread>

namespace stmt_it {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto SERVER_START_TIMEOUT = std::chrono::seconds(10);
constexpr auto SERVER_STOP_TIMEOUT = std::chrono::seconds(5);

int exit_code_of(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

/// Waits for `pid` until `deadline`; nullopt when it is still running.
std::optional<int> wait_until(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return exit_code_of(status);
        if (done < 0 && errno != EINTR) return -1;
        if (Clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

int open_for_child(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path.string());
    return fd;
}

/// fork + exec with the given stdout and stderr. The child dies with the
/// test process (PR_SET_PDEATHSIG), so a crashed test leaves no stray server.
pid_t spawn(const std::vector<std::string>& argv, int stdout_fd, int stderr_fd) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, STDIN_FILENO);
        ::dup2(stdout_fd, STDOUT_FILENO);
        ::dup2(stderr_fd, STDERR_FILENO);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::seconds timeout) {
    const TempDir scratch;
    const int out_fd = open_for_child(scratch / "stdout");
    const int err_fd = open_for_child(scratch / "stderr");
    const pid_t pid = spawn(argv, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);
    ProcessResult result;
    const auto code = wait_until(pid, Clock::now() + timeout);
    if (code) {
        result.exit_code = *code;
    } else {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        result.exit_code = exit_code_of(status);
        ADD_FAILURE() << argv[0] << " did not finish within " << timeout.count() << " s";
    }
    result.out = read_file(scratch / "stdout");
    result.err = read_file(scratch / "stderr");
    return result;
}

ProcessResult run_indexer(const fs::path& corpus, const fs::path& db, const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {STMT_INDEXER_PATH, "build", corpus.string(), "--vocabulary",
                                     VOCABULARY_DIR.string(), "--db", db.string(), "-q"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_process(argv);
}

Server::Server(const fs::path& db, ServerOptions options, const std::vector<std::string>& extra_args)
    : Server(std::vector<fs::path>{db}, std::move(options), extra_args) {}

Server::Server(const std::vector<fs::path>& dbs, ServerOptions options, const std::vector<std::string>& extra_args) {
    std::vector<std::string> argv = {STMT_SEARCHD_PATH, "--listen", "127.0.0.1:0", "--web", options.web_dir.string()};
    if (options.quiet) argv.push_back("-q");
    for (const auto& db : dbs) {
        argv.push_back("--db");
        argv.push_back(db.string());
    }
    for (const auto& origin : options.cors_origins) {
        argv.push_back("--cors");
        argv.push_back(origin);
    }
    argv.insert(argv.end(), options.extra_args.begin(), options.extra_args.end());
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    const int err_fd = open_for_child(logs_ / "stderr");
    pid_ = spawn(argv, pipe_fds[1], err_fd);
    ::close(pipe_fds[1]);
    ::close(err_fd);
    stdout_fd_ = pipe_fds[0];

    // The first line names the port: "searchd: listening on http://127.0.0.1:PORT".
    std::string line;
    const auto deadline = Clock::now() + SERVER_START_TIMEOUT;
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{stdout_fd_, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        char buffer[256];
        const ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
        if (n <= 0) break;  // searchd exited before announcing a port
        line.append(buffer, static_cast<std::size_t>(n));
    }
    static const std::regex ANNOUNCEMENT(R"(^searchd: listening on http://127\.0\.0\.1:(\d+)\n)");
    std::smatch m;
    if (!std::regex_search(line, m, ANNOUNCEMENT)) {
        const int code = stop();
        ::close(stdout_fd_);
        throw std::runtime_error("searchd did not announce its port (exit " + std::to_string(code) + "); stdout: '" +
                                 line + "'; stderr: '" + stderr_text() + "'");
    }
    port_ = std::stoi(m[1].str());
}

Server::~Server() {
    stop();
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
}

int Server::stop() {
    if (exit_code_) return *exit_code_;
    ::kill(pid_, SIGTERM);
    exit_code_ = wait_until(pid_, Clock::now() + SERVER_STOP_TIMEOUT);
    if (!exit_code_) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        exit_code_ = exit_code_of(status);
        ADD_FAILURE() << "searchd ignored SIGTERM for " << SERVER_STOP_TIMEOUT.count() << " s; killed";
    }
    return *exit_code_;
}

std::string Server::stderr_text() const {
    try {
        return read_file(logs_ / "stderr");
    } catch (const std::exception&) {
        return {};
    }
}

httplib::Client Server::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(15, 0);
    client.set_url_encode(false);  // paths are encoded by url_encode(), byte for byte
    return client;
}

nlohmann::json Server::get_json(const std::string& path, int expected_status) const {
    auto result = client().Get(path.c_str());
    if (!result) {
        ADD_FAILURE() << "GET " << path << " failed: " << httplib::to_string(result.error());
        return nlohmann::json::object();
    }
    EXPECT_EQ(result->status, expected_status) << "GET " << path << "\n" << result->body;
    const std::string type = result->get_header_value("Content-Type");
    EXPECT_TRUE(type.starts_with("application/json")) << "GET " << path << ": Content-Type '" << type << "'";
    auto body = nlohmann::json::parse(result->body, nullptr, false);
    if (body.is_discarded()) {
        ADD_FAILURE() << "GET " << path << ": body is not JSON:\n" << result->body;
        return nlohmann::json::object();
    }
    return body;
}

std::unique_ptr<Server> index_and_serve(const fs::path& corpus, const fs::path& db) {
    const ProcessResult built = run_indexer(corpus, db);
    if (built.exit_code != 0)
        throw std::runtime_error("indexing " + corpus.string() + " failed (exit " + std::to_string(built.exit_code) +
                                 "):\n" + built.output());
    return std::make_unique<Server>(db);
}

SyntheticLibrary::SyntheticLibrary(const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path corpus = dir_ / "corpus";
    fs::create_directories(corpus);
    for (const auto& [name, text] : files) write_file(corpus / name, text);
    server_ = index_and_serve(corpus, dir_ / "db");
}

FixtureLibrary::FixtureLibrary() : db_(dir_ / "db"), server_(index_and_serve(FIXTURE_CORPUS, db_)) {}

namespace {
std::unique_ptr<FixtureLibrary>& fixture_slot() {
    static std::unique_ptr<FixtureLibrary> library;
    return library;
}
}  // namespace

FixtureLibrary& fixture_library() {
    auto& slot = fixture_slot();
    if (!slot) slot = std::make_unique<FixtureLibrary>();
    return *slot;
}

void stop_fixture_library() { fixture_slot().reset(); }

}  // namespace stmt_it
