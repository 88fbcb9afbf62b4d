/** @file reliability_support.cc
 *  @brief Corpora, killable indexer runs and answer fingerprints for the
 *  IntegrationReliability tests.
 */
#include "reliability_support.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cerrno>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace stmt_it {
namespace {

using Clock = std::chrono::steady_clock;

int exit_code_of(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

/// Requests whose answers identify a database's content.
const std::vector<std::string> FINGERPRINT_PATHS = {
    "/api/search?q=cooperation&session=ahc-3&per_page=100",
    "/api/search?q=privacy&language=en&view=passages&per_page=100",
    "/api/facets",
    "/api/health",
};

nlohmann::json normalized_facets(const nlohmann::json& facets) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [field, values] : facets.items()) {
        std::vector<std::string> counts;
        for (const auto& v : values) counts.push_back(v.value("id", "") + "=" + std::to_string(v.value("count", 0)));
        std::sort(counts.begin(), counts.end());
        out[field] = counts;
    }
    return out;
}

}  // namespace

std::string normalized_answer(const std::string& body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return "not JSON: " + body;
    nlohmann::json out = nlohmann::json::object();
    if (j.contains("results")) {
        std::vector<std::string> hits;
        for (const auto& r : j["results"])
            hits.push_back(r.value("statement_id", "") + "#" + std::to_string(r.value("paragraph", 0)));
        std::sort(hits.begin(), hits.end());
        out["total"] = j.value("total", -1);
        out["hits"] = hits;
    }
    if (j.contains("facets")) out["facets"] = normalized_facets(j["facets"]);
    if (j.contains("statements")) out["statements"] = j["statements"];
    if (j.contains("paragraphs")) out["paragraphs"] = j["paragraphs"];
    if (j.contains("error")) out["error"] = j["error"];
    return out.dump();
}

void generate_corpus(const fs::path& out, int count, int seed) {
    const auto generated =
        run_process({STMT_GEN_CORPUS_PATH, "--count", std::to_string(count), "--seed", std::to_string(seed), "--formats",
                     "txt", "--out", out.string(), "--truth", (out.parent_path() / (out.filename().string() + ".truth")).string(),
                     "--vocabulary", VOCABULARY_DIR.string(), "-q"},
                    std::chrono::seconds(300));
    if (generated.exit_code != 0) throw std::runtime_error("gen_corpus failed: " + generated.output());
}

void copy_corpus_without_every(const fs::path& from, const fs::path& to, int nth) {
    fs::copy(from, to, fs::copy_options::recursive);
    std::vector<fs::path> statements;
    for (const auto& entry : fs::recursive_directory_iterator(to))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") statements.push_back(entry.path());
    std::sort(statements.begin(), statements.end());
    for (std::size_t i = 0; i < statements.size(); i += static_cast<std::size_t>(nth)) fs::remove(statements[i]);
}

std::vector<std::string> indexer_argv(const std::string& command, const fs::path& corpus, const fs::path& db) {
    return {STMT_INDEXER_PATH, command, corpus.string(), "--vocabulary", VOCABULARY_DIR.string(), "--db", db.string(), "-q"};
}

Child::Child(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const fs::path out = logs_ / "output";
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
}

Child::~Child() {
    if (!exit_code_) kill_now();
}

bool Child::exited() {
    if (exit_code_) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
    exit_code_ = exit_code_of(status);
    return true;
}

int Child::wait(std::chrono::seconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!exited()) {
        if (Clock::now() >= deadline) {
            ADD_FAILURE() << "process " << pid_ << " still running after " << timeout.count() << " s";
            kill_now();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return *exit_code_;
}

void Child::kill_now() {
    if (exit_code_) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    exit_code_ = exit_code_of(status);
}

std::string Child::output() const {
    try {
        return read_file(logs_ / "output");
    } catch (const std::exception&) {
        return {};
    }
}

std::string answers_fingerprint(const Server& server) {
    auto client = server.client();
    nlohmann::json all = nlohmann::json::array();
    for (const auto& path : FINGERPRINT_PATHS) {
        const auto res = client.Get(path.c_str());
        if (!res || res->status != 200) return {};
        all.push_back(normalized_answer(res->body));
    }
    return all.dump();
}

std::string live_generation(const fs::path& db) {
    std::ifstream in(db);
    std::string backend, path;
    if (!(in >> backend >> path)) return {};
    return fs::path(path).filename().string();
}

bool wait_for_generation(const Server& server, const std::string& generation) {
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    auto client = server.client();
    while (Clock::now() < deadline) {
        const auto res = client.Get("/api/health");
        if (res && res->status == 200) {
            const auto body = nlohmann::json::parse(res->body, nullptr, false);
            if (!body.is_discarded() && body.value("generation", "") == generation) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

int connect_to(int port, int receive_buffer) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (receive_buffer > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace stmt_it
