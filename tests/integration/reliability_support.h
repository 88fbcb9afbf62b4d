/** @file reliability_support.h
 *  @brief Shared by the IntegrationReliability tests: synthetic corpora,
 *  indexer runs that can be killed part-way, and a fingerprint of what a
 *  searchd answers, to compare databases by their answers.
 */
#pragma once

#include "server_support.h"

#include <chrono>
#include <string>
#include <vector>

namespace stmt_it {

/// `gen_corpus --count N --seed S --formats txt` into `out` (plain text
/// only: quick to write and to index, which is all these tests need).
void generate_corpus(const fs::path& out, int count, int seed);

/// A copy of `from` without every `nth` statement file: a second corpus
/// whose answers differ from the first's.
void copy_corpus_without_every(const fs::path& from, const fs::path& to, int nth);

/// `indexer COMMAND CORPUS --vocabulary VOCAB --db DB -q`.
std::vector<std::string> indexer_argv(const std::string& command, const fs::path& corpus, const fs::path& db);

/// A process started in the background, killed with SIGKILL if still
/// running when destroyed.
class Child {
public:
    explicit Child(const std::vector<std::string>& argv);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    /// Exit status as ProcessResult::exit_code gives it; waits at most `timeout`.
    int wait(std::chrono::seconds timeout = std::chrono::seconds(120));
    /// Whether it has exited already (reaps it if so).
    bool exited();
    void kill_now();  ///< SIGKILL, then reaps it
    std::string output() const;

private:
    TempDir logs_;
    pid_t pid_ = -1;
    std::optional<int> exit_code_;
};

/// What identifies a database's content in a response: a search's total
/// and its hits as a set (whole result lists, so ties in ranking do not
/// matter), facet counts by id, statement and paragraph counts. Labels,
/// order and timings are left out: `indexer update` and `indexer build` of
/// one corpus may list organisations found in statements differently.
std::string normalized_answer(const std::string& body);

/// normalized_answer() of a fixed set of requests (filtered searches whose
/// results fit in one page, facets, health): equal fingerprints, same
/// database content. An empty string when any request fails.
std::string answers_fingerprint(const Server& server);

/// A raw TCP connection to 127.0.0.1:port (-1 when refused), for tests that
/// hold sockets open or read slowly; `receive_buffer` > 0 shrinks its
/// receive buffer to that many bytes.
int connect_to(int port, int receive_buffer = 0);

/// The generation the stub file at `db` names now ("" if none).
std::string live_generation(const fs::path& db);

/// Waits (up to 20 s) until searchd's /api/health reports `generation`.
bool wait_for_generation(const Server& server, const std::string& generation);

}  // namespace stmt_it
