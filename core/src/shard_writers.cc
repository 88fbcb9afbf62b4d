/** @file shard_writers.cc
 *  @brief Part databases written by a thread each, merged by compaction.
 */
#include "shard_writers.h"

#include <algorithm>
#include <utility>

namespace stmt {
namespace fs = std::filesystem;

namespace {

/// Documents a part takes between two commits. Xapian keeps a database's
/// uncommitted postings in per-term maps whose every insert gets slower as
/// they grow (its default XAPIAN_FLUSH_THRESHOLD is 10,000): on a synthetic
/// 2,000-statement corpus (18,000 paragraphs), committing every 1,000
/// documents cost the writer about a quarter less CPU time in all.
constexpr std::size_t DOCUMENTS_PER_COMMIT = 1000;

/// Statements queued for one part before add() waits: enough to keep its
/// thread busy, few enough to bound the memory of a fast parse.
constexpr std::size_t MAX_QUEUED_STATEMENTS = 32;

std::string part_folder_name(std::size_t shard, std::size_t part) {
    return "shard-" + std::to_string(shard) + "-part-" + std::to_string(part);
}

}  // namespace

ShardWriters::ShardWriters(std::vector<fs::path> shard_paths, fs::path scratch, std::size_t parts_per_shard)
    : shard_paths_(std::move(shard_paths)), scratch_(std::move(scratch)),
      parts_per_shard_(std::clamp<std::size_t>(parts_per_shard, 1, MAX_PARTS_PER_SHARD)),
      next_part_(shard_paths_.size(), 0) {
    std::error_code ec;
    if (parts_per_shard_ > 1 && !fs::create_directories(scratch_, ec) && ec)
        throw Xapian::DatabaseCreateError(scratch_.string() + ": " + ec.message());
    parts_.reserve(shard_paths_.size() * parts_per_shard_);
    for (std::size_t shard = 0; shard < shard_paths_.size(); ++shard)
        for (std::size_t i = 0; i < parts_per_shard_; ++i) {
            const fs::path path = parts_per_shard_ == 1 ? shard_paths_[shard] : scratch_ / part_folder_name(shard, i);
            parts_.push_back(Part{Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE), path, {}, 0});
        }
    threads_.reserve(parts_.size());
    for (auto& p : parts_) threads_.emplace_back([this, &p] { write(p); });
}

ShardWriters::~ShardWriters() {
    {
        std::lock_guard lock(mutex_);
        abandoned_ = true;
    }
    stop_threads();
    parts_.clear();  // closes the part databases before their files go
    std::error_code ec;
    if (parts_per_shard_ > 1) fs::remove_all(scratch_, ec);
}

void ShardWriters::stop_threads() {
    work_.notify_all();
    room_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

void ShardWriters::write(Part& part) {
    for (;;) {
        std::vector<Xapian::Document> documents;
        {
            std::unique_lock lock(mutex_);
            work_.wait(lock, [&] { return abandoned_ || failure_ || closing_ || !part.queue.empty(); });
            if (abandoned_ || failure_ || part.queue.empty()) return;
            documents = std::move(part.queue.front());
            part.queue.pop_front();
        }
        room_.notify_all();
        try {
            for (const auto& doc : documents) part.db.add_document(doc);
            part.uncommitted += documents.size();
            documents.clear();  // released on the thread that last used them
            if (part.uncommitted >= DOCUMENTS_PER_COMMIT) {
                part.db.commit();
                part.uncommitted = 0;
            }
        } catch (...) {
            documents.clear();
            {
                std::lock_guard lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
            work_.notify_all();
            room_.notify_all();
            return;
        }
    }
}

void ShardWriters::add(std::size_t shard, std::vector<Xapian::Document> documents) {
    Part& target = part(shard, next_part_[shard]);
    next_part_[shard] = (next_part_[shard] + 1) % parts_per_shard_;
    {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return failure_ || target.queue.size() < MAX_QUEUED_STATEMENTS; });
        if (failure_) std::rethrow_exception(failure_);
        target.queue.push_back(std::move(documents));
    }
    work_.notify_all();
}

void ShardWriters::finish(const std::vector<SpellingCounts>& spelling) {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    stop_threads();
    if (failure_) std::rethrow_exception(failure_);
    // Spelling words were counted per shard; one part of each holds them.
    for (std::size_t shard = 0; shard < shard_paths_.size() && shard < spelling.size(); ++shard)
        add_spelling(part(shard, 0).db, spelling[shard]);
    for (auto& p : parts_) {
        p.db.commit();
        p.db.close();
    }
    if (parts_per_shard_ == 1) return;
    for (std::size_t shard = 0; shard < shard_paths_.size(); ++shard) merge_parts(shard);
}

void ShardWriters::merge_parts(std::size_t shard) {
    Xapian::Database parts;
    for (std::size_t i = 0; i < parts_per_shard_; ++i) parts.add_database(Xapian::Database(part(shard, i).path.string()));
    // Renumbered one part after the other; several passes only pay off
    // for many parts (Xapian's advice: more than three).
    parts.compact(shard_paths_[shard].string(), parts_per_shard_ > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0);
}

}  // namespace stmt
