/** @file unit_support.h
 *  @brief Small helpers shared by the unit tests: the real vocabulary,
 *  reading files, and temporary folders.
 */
#pragma once

#include "stmtlib/statement.h"
#include "stmtlib/vocabulary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace stmt::testing {

/// The vocabulary of corpus/vocabulary, loaded once; each call returns a
/// copy so a test may add discovered organisations freely.
inline Vocabulary vocabulary() {
    static const Vocabulary loaded = [] {
        auto v = load_vocabulary(STMT_VOCABULARY_DIR);
        if (!v) throw std::runtime_error("cannot load vocabulary: " + v.error().message);
        return *v;
    }();
    return loaded;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::filesystem::path seed_path() {
    return std::filesystem::path(STMT_SOURCE_DIR) / "corpus" / "alliance-ahc5-international-cooperation.txt";
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

/// A fresh folder under the system temp dir, removed with the object.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("stmtlib-unit-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

inline bool has_error(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

/// The first error diagnostic, or nullptr.
inline const Diagnostic* first_error(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::error) return &d;
    return nullptr;
}

}  // namespace stmt::testing
