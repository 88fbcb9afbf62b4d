/** @file shard_layout.h
 *  @brief The databases a library is served from: what a stub file (or a
 *  stub folder, or several --db) lists, flattened into shards in the order
 *  Xapian numbers them, and which shard a statement is written to.
 *
 *  searchd opens each shard itself (rather than leaving a stub to Xapian)
 *  because it must know which shards are remote: a custom MatchSpy and a
 *  KeyMaker cannot run inside a stock xapian-tcpsrv, and a remote shard's
 *  value streams and spelling table are unusable over the wire.
 */
#pragma once

#include "stmtlib/error.h"

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

/// One shard: a local database folder, or a `remote HOST:PORT` stub line
/// (a database served by xapian-tcpsrv).
struct ShardSource {
    bool remote = false;
    std::filesystem::path path;  ///< local shards
    std::string host;            ///< remote shards
    unsigned port = 0;
    std::string describe() const;
};

/// The most shards `indexer --shards` writes (a sanity bound, not Xapian's).
inline constexpr std::size_t MAX_SHARDS = 64;
/// Name of the stub file inside a stub folder (Xapian's convention).
inline constexpr std::string_view STUB_FOLDER_FILE = "XAPIANDB";
/// Folder name of shard `i` inside a sharded generation.
std::string shard_folder_name(std::size_t i);

/// The shards `db` stands for: a database folder is one shard; a stub file
/// or stub folder lists its lines in order (nested stubs expand in place).
Expected<std::vector<ShardSource>> expand_shards(const std::filesystem::path& db);

/// Opens every shard and combines them in order (docids interleave:
/// combined = (shard docid - 1) * shards + shard index + 1).
Xapian::Database open_shard(const ShardSource& shard);
Xapian::Database open_combined(const std::vector<ShardSource>& shards);

/// The shard a statement's paragraphs go to: a stable hash (FNV-1a, 64 bit)
/// of its id, so every build and update puts a statement in the same shard.
std::size_t shard_of(std::string_view statement_id, std::size_t shards);

}  // namespace stmt
