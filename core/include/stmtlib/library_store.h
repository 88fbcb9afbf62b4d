/** @file library_store.h
 *  @brief Where a library's database lives, and how a new build replaces
 *  the served one atomically.
 *
 *  `--db PATH` names a Xapian stub database file. Each build writes a new
 *  database into PATH.generations/<generation>/ and then renames a new stub
 *  over PATH, so a reader sees either the old database or the new one, and
 *  a failed build never touches what is served.
 */
#pragma once

#include "stmtlib/error.h"

#include <filesystem>
#include <optional>
#include <string>

namespace stmt {

class LibraryStore {
public:
    explicit LibraryStore(std::filesystem::path stub);

    const std::filesystem::path& stub() const { return stub_; }
    std::filesystem::path generations_dir() const;

    /// A fresh, not yet existing folder for the next build.
    Expected<std::filesystem::path> new_generation() const;

    /// Points the stub at `generation` (atomic rename), then removes
    /// generations older than the previous one.
    std::optional<Error> switch_to(const std::filesystem::path& generation) const;

    /// Removes a generation that will not be served (a failed build).
    void discard(const std::filesystem::path& generation) const;

    /// The generation the stub names now, if any.
    std::optional<std::string> current_generation() const;

private:
    void prune(const std::string& keep_a, const std::string& keep_b) const;

    std::filesystem::path stub_;
};

}  // namespace stmt
