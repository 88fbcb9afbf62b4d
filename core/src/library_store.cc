/** @file library_store.cc
 *  @brief Generations and the atomic stub switch (write, fsync, rename).
 */
#include "stmtlib/library_store.h"

#include "stmtlib/shard_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

/// Xapian's stub backend line for a glass database at a relative path.
constexpr const char* STUB_BACKEND = "glass";

std::string utc_stamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
    // Zero-padded, so that names sort in time order (remove_abandoned).
    std::ostringstream name;
    name << buffer << '-' << std::setw(6) << std::setfill('0') << micros << '-' << ::getpid();
    return name.str();
}

/// Prefix of the temporary stub a switch writes before renaming it.
std::string temporary_prefix(const fs::path& stub) { return "." + stub.filename().string() + ".tmp-"; }

bool fsync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

StoreLock::~StoreLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

LibraryStore::LibraryStore(fs::path stub) : stub_(std::move(stub)) {}

Expected<StoreLock> LibraryStore::lock() const {
    const fs::path path = stub_.parent_path() / (stub_.filename().string() + ".lock");
    std::error_code ec;
    if (!stub_.parent_path().empty()) fs::create_directories(stub_.parent_path(), ec);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{ErrorCode::internal_error, path.string() + ": cannot open the lock file: " + std::strerror(errno), "db"};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return Error{ErrorCode::invalid_parameter,
                         stub_.string() + ": another indexer is building into this database (" + path.filename().string() +
                             " is locked); run again when it has finished",
                         "db"};
        return Error{ErrorCode::internal_error, path.string() + ": cannot lock: " + std::strerror(error), "db"};
    }
    return StoreLock(fd);
}

void LibraryStore::remove_abandoned() const {
    std::error_code ec;
    const fs::path dir = stub_.parent_path().empty() ? fs::path(".") : stub_.parent_path();
    const std::string prefix = temporary_prefix(stub_);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.path().filename().string().starts_with(prefix)) continue;
        std::error_code remove_ec;
        fs::remove(entry.path(), remove_ec);
    }
    // Generations newer than the live one were never switched to: a build
    // died before its switch. Older ones stay for prune(), which keeps the
    // previous generation for a searchd that has not switched yet.
    const std::string live = current_generation().value_or("");
    for (const auto& entry : fs::directory_iterator(generations_dir(), ec)) {
        if (entry.path().filename().string() <= live) continue;
        std::error_code remove_ec;
        fs::remove_all(entry.path(), remove_ec);
    }
}

fs::path LibraryStore::generations_dir() const {
    return stub_.parent_path() / (stub_.filename().string() + ".generations");
}

Expected<fs::path> LibraryStore::new_generation() const {
    std::error_code ec;
    if (fs::is_directory(stub_, ec))
        return Error{ErrorCode::invalid_parameter,
                     stub_.string() + " is a folder; --db names the stub file that the indexer manages", "db"};
    fs::create_directories(generations_dir(), ec);
    if (ec) return Error{ErrorCode::internal_error, generations_dir().string() + ": " + ec.message(), "db"};
    return generations_dir() / utc_stamp();
}

std::optional<std::string> LibraryStore::current_generation() const {
    std::ifstream in(stub_);
    std::string backend, path;
    if (!(in >> backend >> path)) return std::nullopt;
    return fs::path(path).filename().string();
}

std::optional<Error> LibraryStore::switch_to(const fs::path& generation) const {
    const auto previous = current_generation();
    const fs::path temporary = stub_.parent_path() / (temporary_prefix(stub_) + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::trunc);
        // A sharded generation is a stub folder, which only "auto" opens.
        std::error_code exists_ec;
        const bool sharded = fs::exists(generation / STUB_FOLDER_FILE, exists_ec);
        out << (sharded ? "auto" : STUB_BACKEND) << ' ' << generations_dir().filename().string() << '/'
            << generation.filename().string() << '\n';
        out.close();
        if (!out) {
            std::error_code remove_ec;
            fs::remove(temporary, remove_ec);
            return Error{ErrorCode::internal_error, temporary.string() + ": cannot write the stub file (is the disk full?)", "db"};
        }
    }
    // The new generation's folder entries reach the disk before the stub
    // that names them (Xapian syncs the files, not the folders).
    if (!fsync_path(temporary, O_RDONLY) || !fsync_path(generation, O_RDONLY | O_DIRECTORY) ||
        !fsync_path(generations_dir(), O_RDONLY | O_DIRECTORY)) {
        std::error_code remove_ec;
        fs::remove(temporary, remove_ec);
        return Error{ErrorCode::internal_error, temporary.string() + ": fsync failed", "db"};
    }
    std::error_code ec;
    fs::rename(temporary, stub_, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return Error{ErrorCode::internal_error, stub_.string() + ": cannot switch: " + ec.message(), "db"};
    }
    const fs::path dir = stub_.parent_path().empty() ? fs::path(".") : stub_.parent_path();
    fsync_path(dir, O_RDONLY | O_DIRECTORY);
    prune(generation.filename().string(), previous.value_or(""));
    return std::nullopt;
}

fs::path LibraryStore::scratch_for(const fs::path& generation) const {
    return fs::path(generation.string() + ".parts");
}

void LibraryStore::discard(const fs::path& generation) const {
    std::error_code ec;
    fs::remove_all(generation, ec);
    fs::remove_all(scratch_for(generation), ec);
}

void LibraryStore::prune(const std::string& keep_a, const std::string& keep_b) const {
    // The previous generation stays: a searchd may still be reading it.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(generations_dir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name == keep_a || name == keep_b) continue;
        std::error_code remove_ec;
        fs::remove_all(entry.path(), remove_ec);
    }
}

}  // namespace stmt
