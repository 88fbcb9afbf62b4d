/** @file lifecycle_test.cc
 *  @brief searchd's life: SIGTERM lets a slow response finish and exits 0;
 *  a corrupt database at start is a clear error; /api/health turns 503
 *  when the served database is removed or damaged under it.
 */
#include "reliability_support.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace stmt_it {
namespace {

/// Larger than every socket buffer between searchd and a client that
/// reads slowly, so that searchd is still writing when SIGTERM comes.
constexpr std::size_t BIG_FILE_BYTES = 3 * 1024 * 1024;
constexpr int SMALL_RECEIVE_BUFFER = 4096;


TEST(IntegrationReliability, SigtermLetsASlowResponseFinishThenExitsZero) {
    const TempDir web;
    std::string big;
    for (std::size_t i = 0; big.size() < BIG_FILE_BYTES; ++i) big += "synthetic line " + std::to_string(i) + "\n";
    write_file(web / "big.txt", big);
    Server server(fixture_library().db(), ServerOptions{{}, web.path()});

    const int fd = connect_to(server.port(), SMALL_RECEIVE_BUFFER);
    ASSERT_GE(fd, 0);
    const std::string request = "GET /big.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
    std::string received;
    char buffer[SMALL_RECEIVE_BUFFER];
    while (received.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        ASSERT_GT(n, 0);
        received.append(buffer, static_cast<std::size_t>(n));
    }
    // searchd is now blocked writing the rest: stop it, then read slowly.
    ASSERT_EQ(::kill(server.pid(), SIGTERM), 0);
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    const auto body_start = received.find("\r\n\r\n") + 4;
    EXPECT_EQ(received.substr(0, 15), "HTTP/1.1 200 OK");
    EXPECT_EQ(received.size() - body_start, big.size());
    EXPECT_TRUE(received.compare(body_start, std::string::npos, big) == 0);
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
    EXPECT_LT(connect_to(server.port()), 0) << "searchd still accepts connections";
}

void corrupt_generation(const fs::path& db) {
    const fs::path generation = fs::path(db.string() + ".generations") / live_generation(db);
    for (const auto& entry : fs::directory_iterator(generation)) write_file(entry.path(), "not a Xapian table\n");
}

ProcessResult start_searchd(const fs::path& db) {
    return run_process({STMT_SEARCHD_PATH, "--db", db.string(), "--listen", "127.0.0.1:0", "--web", WEB_DIR.string(), "-q"},
                       std::chrono::seconds(30));
}

TEST(IntegrationReliability, SearchdRefusesToStartOnACorruptDatabase) {
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    corrupt_generation(db);
    const auto result = start_searchd(db);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(result.err.starts_with("searchd: " + db.string() + ":")) << result.err;
    EXPECT_NE(result.err.find("Error"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("listening"), std::string::npos);

    write_file(db, "this is not a stub file\n");
    const auto garbage_stub = start_searchd(db);
    EXPECT_EQ(garbage_stub.exit_code, 1);
    EXPECT_TRUE(garbage_stub.err.starts_with("searchd: " + db.string() + ":")) << garbage_stub.err;
}

void expect_unhealthy(const Server& server) {
    const auto health = server.get_json("/api/health", 503);
    ASSERT_TRUE(health.contains("error")) << health.dump();
    EXPECT_EQ(health["error"]["code"], "database_unavailable");
    EXPECT_NE(health["error"]["message"].get<std::string>().find("cannot be read"), std::string::npos) << health.dump();
}

TEST(IntegrationReliability, HealthTurnsUnhealthyWhenTheDatabaseIsRemovedOrDamaged) {
    const TempDir dir;
    const fs::path db = dir / "db";
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    Server server(db);
    EXPECT_EQ(server.get_json("/api/health").value("status", ""), "ok");
    const fs::path generation = fs::path(db.string() + ".generations") / live_generation(db);
    fs::remove_all(generation);
    expect_unhealthy(server);

    // A new build heals it; then damage that one in place.
    ASSERT_EQ(run_indexer(FIXTURE_CORPUS, db).exit_code, 0);
    ASSERT_TRUE(wait_for_generation(server, live_generation(db)));
    corrupt_generation(db);
    expect_unhealthy(server);
    EXPECT_EQ(server.stop(), 0) << server.stderr_text();
}

}  // namespace
}  // namespace stmt_it
