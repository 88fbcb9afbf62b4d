/** @file shard_writers.h
 *  @brief The writing side of a full build: each shard written by several
 *  threads at once, each thread into a part database of its own, and the
 *  parts merged into the shard by Xapian's compaction.
 *
 *  Why: Xapian's add_document and commit were the indexer's largest single
 *  cost, all on one thread, while parsing was already spread over the
 *  cores. A WritableDatabase is written by one thread, so the work is
 *  spread over several databases instead; compacting them into one costs
 *  a few seconds and packs the shard tighter than incremental writes do.
 *  A statement's paragraphs stay together and in order in one part, and
 *  compaction numbers the parts' documents one part after the other.
 */
#pragma once

#include "stmtlib/document_builder.h"

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace stmt {

/// The most part databases one shard is written into at once.
inline constexpr std::size_t MAX_PARTS_PER_SHARD = 4;

class ShardWriters {
public:
    /// Creates the databases: shard i is written straight into
    /// shard_paths[i] when it has one part, else into `parts_per_shard`
    /// part databases under `scratch` (which the destructor removes,
    /// after a finish() or not).
    ShardWriters(std::vector<std::filesystem::path> shard_paths, std::filesystem::path scratch,
                 std::size_t parts_per_shard);
    /// Stops the writer threads and removes the scratch folder; a build
    /// that did not finish() discards its generation (Xapian commits a
    /// database's pending changes as it closes, so nothing here is kept).
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    std::size_t shard_count() const { return shard_paths_.size(); }

    /// Queues one statement's documents for the next part of `shard`, in
    /// turn, waiting while that part is far behind. The documents must not
    /// be referenced elsewhere (Xapian's reference counts are not atomic).
    /// Rethrows the error a writer met (a full disk, say).
    void add(std::size_t shard, std::vector<Xapian::Document> documents);

    /// Waits for every queued document to be written, adds each shard's
    /// spelling words, commits, and merges each shard's parts into it.
    void finish(const std::vector<SpellingCounts>& spelling);

private:
    struct Part {
        Xapian::WritableDatabase db;
        std::filesystem::path path;
        std::deque<std::vector<Xapian::Document>> queue;
        std::size_t uncommitted = 0;  ///< documents since the last commit
    };

    void write(Part& part);
    void stop_threads();
    void merge_parts(std::size_t shard);
    Part& part(std::size_t shard, std::size_t i) { return parts_[shard * parts_per_shard_ + i]; }

    std::vector<std::filesystem::path> shard_paths_;
    std::filesystem::path scratch_;
    std::size_t parts_per_shard_;
    std::vector<Part> parts_;
    std::vector<std::size_t> next_part_;  ///< per shard, the part its next statement goes to
    std::vector<std::thread> threads_;

    std::mutex mutex_;
    std::condition_variable work_;  ///< a queue got documents, or the writers must stop
    std::condition_variable room_;  ///< a queue got shorter, or a writer failed
    bool closing_ = false;          ///< no more documents: drain the queues and stop
    bool abandoned_ = false;        ///< stop at once, leaving the queues
    std::exception_ptr failure_;    ///< the first writer error
};

}  // namespace stmt
