/** @file match_set.h
 *  @brief The whole match set of a query as a bitmap of document ids,
 *  computed from posting lists without Xapian's matcher.
 *
 *  Facet counts need every matching document but no weights or order.
 *  Xapian's matcher spends about 60 ns per match on that (weights, the
 *  match spy's Document, the MSet), a posting list iterator about 15 ns,
 *  and set operations on bitmaps of the library's size almost nothing.
 *  Queries of terms joined by AND, OR, NOT and filters (what the search
 *  box and the filters produce), and two-word phrases (by their bigram
 *  term), are evaluated here; the rest (longer phrases, NEAR, wildcards,
 *  value ranges) is left to the matcher.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace stmt {

/// A set of document ids 1..last, one bit each.
class DocSet {
public:
    explicit DocSet(Xapian::docid last = 0) : words_((last >> 6) + 1, 0) {}
    static DocSet all(Xapian::docid last);

    void insert(Xapian::docid docid) { words_[docid >> 6] |= std::uint64_t{1} << (docid & 63); }
    bool contains(Xapian::docid docid) const {
        return (docid >> 6) < words_.size() && (words_[docid >> 6] >> (docid & 63) & 1) != 0;
    }
    DocSet& operator&=(const DocSet& other);
    DocSet& operator|=(const DocSet& other);
    DocSet& operator^=(const DocSet& other);
    DocSet& subtract(const DocSet& other);
    std::size_t size() const;  ///< how many ids are in the set
    bool empty() const;

    /// Calls visit(docid) for each id, in ascending order.
    template <typename Visit>
    void for_each(Visit&& visit) const {
        for (std::size_t w = 0; w < words_.size(); ++w)
            for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
                visit(static_cast<Xapian::docid>((w << 6) | static_cast<std::size_t>(__builtin_ctzll(bits))));
    }

private:
    std::vector<std::uint64_t> words_;
};

/// Posting-list sets of terms, kept per database generation. Filter terms
/// (sessions, chapters, themes, organisations...) recur in almost every
/// request and are kept while there is room. Common words recur too (a
/// widget's visitors, people paging, a query set cycled), and their
/// posting lists are the longest to read; the most recent of them are
/// kept, first in first out. Rare words are read each time: their lists
/// are short, and keeping them would push the common ones out.
class PostingSetCache {
public:
    /// At most this many filter terms are kept; memory stays bounded by
    /// (MAX_FILTER_TERMS + MAX_WORD_TERMS) x (documents / 8) bytes.
    static constexpr std::size_t MAX_FILTER_TERMS = 512;
    /// The number of word terms kept at a time.
    static constexpr std::size_t MAX_WORD_TERMS = 256;
    /// A word is kept when at least one document in this many has it: then
    /// its posting list takes longer to read than its bitmap to copy.
    static constexpr std::size_t COMMON_WORD_DIVISOR = 64;

    std::shared_ptr<const DocSet> find(const std::string& term) const;
    /// Offers the set of `term`, which `frequency` documents of `documents` have.
    void offer(const std::string& term, std::shared_ptr<const DocSet> set, Xapian::doccount frequency,
               Xapian::docid documents);

private:
    mutable std::shared_mutex mutex_;
    std::map<std::string, std::shared_ptr<const DocSet>> sets_;
    std::size_t filter_terms_ = 0;
    std::deque<std::string> word_terms_;  ///< oldest first
};

/// The term of a LEAF_TERM query (possibly empty: Xapian's match-all
/// term), nothing for any other query.
std::optional<std::string> leaf_term(const Xapian::Query& query);

/// True for the operators whose match set follows from their subqueries'
/// match sets alone (AND, OR, AND_NOT, XOR, AND_MAYBE, FILTER, SYNONYM,
/// MAX): no positions, windows or values.
bool combines_match_sets(Xapian::Query::op op);

/// The documents `query` matches in `db` (one local database), or nothing
/// when the query holds an operator evaluated only by Xapian's matcher.
/// Term sets are looked up in and offered to `cache` when given.
std::optional<DocSet> match_set(const Xapian::Database& db, const Xapian::Query& query, PostingSetCache* cache = nullptr);

}  // namespace stmt
