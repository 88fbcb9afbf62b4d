/** @file library_store.h
 *  @brief Where a library's database lives, and how a new build replaces
 *  the served one atomically.
 *
 *  `--db PATH` names a Xapian stub database file. Each build writes a new
 *  database into PATH.generations/<generation>/ and then renames a new stub
 *  over PATH, so a reader sees either the old database or the new one, and
 *  a failed build never touches what is served.
 *
 *  Crash safety: a build killed at any moment leaves at most an abandoned
 *  generation folder and a temporary stub, never a half-written stub; the
 *  next build removes both (remove_abandoned). One build at a time: a
 *  build holds PATH.lock (flock, so the kernel releases it when the
 *  process dies, even by SIGKILL).
 */
#pragma once

#include "stmtlib/error.h"

#include <filesystem>
#include <optional>
#include <string>

namespace stmt {

/// The exclusive right to build into one --db; released on destruction
/// or when the process ends, however it ends.
class StoreLock {
public:
    explicit StoreLock(int fd) : fd_(fd) {}
    ~StoreLock();
    StoreLock(StoreLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    StoreLock& operator=(StoreLock&&) = delete;

private:
    int fd_;
};

class LibraryStore {
public:
    explicit LibraryStore(std::filesystem::path stub);

    const std::filesystem::path& stub() const { return stub_; }
    std::filesystem::path generations_dir() const;

    /// Takes PATH.lock, or says that another indexer holds it.
    Expected<StoreLock> lock() const;

    /// With the lock held: removes what a killed build left behind (its
    /// temporary stub, generations newer than the live one).
    void remove_abandoned() const;

    /// A fresh, not yet existing folder for the next build.
    Expected<std::filesystem::path> new_generation() const;

    /// Points the stub at `generation` (atomic rename), then removes
    /// generations older than the previous one.
    std::optional<Error> switch_to(const std::filesystem::path& generation) const;

    /// A folder beside `generation` for a build's intermediate databases:
    /// named after it, so that remove_abandoned() and the pruning after a
    /// switch clear what a killed build left there.
    std::filesystem::path scratch_for(const std::filesystem::path& generation) const;

    /// Removes a generation that will not be served (a failed build), and
    /// its scratch folder.
    void discard(const std::filesystem::path& generation) const;

    /// The generation the stub names now, if any.
    std::optional<std::string> current_generation() const;

private:
    void prune(const std::string& keep_a, const std::string& keep_b) const;

    std::filesystem::path stub_;
};

}  // namespace stmt
