/** @file fts5_load.cc
 *  @brief Baseline for the index benchmark: loads the text files of a corpus
 *  into an SQLite FTS5 table, one row per paragraph (blank-line separated),
 *  with the porter stemmer, the way a user choosing SQLite instead would.
 */
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::cerr << "fts5_load: " << (message ? message : "error") << " in: " << sql << "\n";
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line, current;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            if (!current.empty()) current += ' ';
            current += line;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: fts5_load CORPUS_DIR DB_FILE   (indexes *.txt and *.md, one row per paragraph)\n";
        return 2;
    }
    const fs::path corpus = argv[1];
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".txt" || ext == ".md")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    fs::remove(argv[2]);
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK) {
        std::cerr << "fts5_load: cannot open " << argv[2] << "\n";
        return 1;
    }
    bool ok = exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;") &&
              exec(db, "CREATE VIRTUAL TABLE paragraphs USING fts5(file UNINDEXED, n UNINDEXED, body, "
                       "tokenize='porter unicode61')") &&
              exec(db, "BEGIN");
    sqlite3_stmt* insert = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT INTO paragraphs(file, n, body) VALUES (?, ?, ?)", -1, &insert,
                                  nullptr) == SQLITE_OK;
    std::size_t rows = 0;
    for (const auto& file : files) {
        if (!ok) break;
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string name = fs::relative(file, corpus).generic_string();
        int n = 0;
        for (const auto& paragraph : paragraphs(buffer.str())) {
            sqlite3_bind_text(insert, 1, name.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(insert, 2, ++n);
            sqlite3_bind_text(insert, 3, paragraph.c_str(), -1, SQLITE_TRANSIENT);
            ok = sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
            ++rows;
        }
    }
    sqlite3_finalize(insert);
    // Merging the b-tree segments is part of what a finished index costs.
    ok = ok && exec(db, "COMMIT") && exec(db, "INSERT INTO paragraphs(paragraphs) VALUES ('optimize')");
    sqlite3_close(db);
    if (!ok) return 1;
    std::cout << "fts5_load: " << files.size() << " files, " << rows << " paragraphs\n";
    return 0;
}
