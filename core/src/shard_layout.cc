/** @file shard_layout.cc
 *  @brief Reading stub files into shards, opening them, placing statements.
 */
#include "stmtlib/shard_layout.h"

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

namespace stmt {
namespace fs = std::filesystem;

namespace {

/// Stubs may nest (a stub naming a stub folder); this bounds a loop.
constexpr int MAX_STUB_DEPTH = 8;

Error layout_error(const fs::path& where, const std::string& message) {
    return Error{ErrorCode::database_unavailable, where.string() + ": " + message, "db"};
}

std::optional<Error> expand_into(const fs::path& db, int depth, std::vector<ShardSource>& out);

/// A stub file is text; a single-file database (`indexer compact`) starts
/// with binary magic bytes, which no stub line can.
bool is_single_file_database(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[2] = {};
    in.read(head, sizeof head);
    const auto first = static_cast<unsigned char>(head[0]);
    return in.gcount() == 2 && first < 0x20 && first != '\t' && first != '\n' && first != '\r';
}

std::optional<Error> expand_stub_file(const fs::path& stub, int depth, std::vector<ShardSource>& out) {
    std::ifstream in(stub);
    if (!in) return layout_error(stub, "cannot read the stub file");
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line[0] == '#') continue;
        const std::size_t space = line.find(' ');
        const std::string backend = line.substr(0, space);
        const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
        const std::string where = ":" + std::to_string(line_number);
        if (backend == "auto" || backend == "glass") {
            fs::path target(rest);
            if (target.is_relative()) target = stub.parent_path() / target;
            if (backend == "glass") out.push_back({false, target, "", 0});
            else if (auto error = expand_into(target, depth + 1, out)) return error;
        } else if (backend == "remote") {
            const std::size_t colon = rest.rfind(':');
            if (rest.empty() || rest[0] == ':' || colon == std::string::npos)
                return layout_error(stub.string() + where, "only 'remote HOST:PORT' (xapian-tcpsrv) is supported");
            ShardSource remote{true, {}, rest.substr(0, colon), 0};
            if (remote.host.size() > 2 && remote.host.front() == '[' && remote.host.back() == ']')
                remote.host = remote.host.substr(1, remote.host.size() - 2);
            std::istringstream port(rest.substr(colon + 1));
            if (!(port >> remote.port) || !port.eof() || remote.port == 0 || remote.port > 65535)
                return layout_error(stub.string() + where, "'" + rest.substr(colon + 1) + "' is not a port number");
            out.push_back(std::move(remote));
        } else {
            return layout_error(stub.string() + where,
                                "unsupported stub line '" + backend + "' (use auto, glass or remote HOST:PORT)");
        }
    }
    return std::nullopt;
}

std::optional<Error> expand_into(const fs::path& db, int depth, std::vector<ShardSource>& out) {
    if (depth > MAX_STUB_DEPTH) return layout_error(db, "stub files nest too deeply");
    std::error_code ec;
    if (fs::is_directory(db, ec)) {
        if (fs::exists(db / "iamglass", ec)) {
            out.push_back({false, db, "", 0});
            return std::nullopt;
        }
        if (fs::exists(db / STUB_FOLDER_FILE, ec)) return expand_stub_file(db / STUB_FOLDER_FILE, depth, out);
        return layout_error(db, "not a Xapian database (no iamglass, no " + std::string(STUB_FOLDER_FILE) + ")");
    }
    if (fs::is_regular_file(db, ec)) {
        if (is_single_file_database(db)) {
            out.push_back({false, db, "", 0});
            return std::nullopt;
        }
        return expand_stub_file(db, depth, out);
    }
    return layout_error(db, "no database here; run 'indexer build' first");
}

}  // namespace

std::string ShardSource::describe() const {
    return remote ? "remote " + host + ":" + std::to_string(port) : path.string();
}

std::string shard_folder_name(std::size_t i) { return "shard-" + std::to_string(i); }

Expected<std::vector<ShardSource>> expand_shards(const fs::path& db) {
    std::vector<ShardSource> out;
    if (auto error = expand_into(db, 0, out)) return *error;
    if (out.empty()) return layout_error(db, "the stub file lists no database");
    return out;
}

Xapian::Database open_shard(const ShardSource& shard) {
    if (shard.remote) return Xapian::Remote::open(shard.host, shard.port);
    return Xapian::Database(shard.path.string());
}

Xapian::Database open_combined(const std::vector<ShardSource>& shards) {
    if (shards.size() == 1) return open_shard(shards.front());
    Xapian::Database combined;
    for (const auto& shard : shards) combined.add_database(open_shard(shard));
    return combined;
}

std::size_t shard_of(std::string_view statement_id, std::size_t shards) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : statement_id) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return shards == 0 ? 0 : static_cast<std::size_t>(hash % shards);
}

}  // namespace stmt
