/** @file match_set.cc
 *  @brief Evaluating a query's boolean structure over posting lists.
 */
#include "stmtlib/match_set.h"

#include "stmtlib/phrase_ngrams.h"
#include "stmtlib/schema.h"

#include <algorithm>
#include <mutex>

namespace stmt {
namespace {

/// A conjunction narrowed down to fewer documents than a term's posting
/// list by this factor is checked with skip_to rather than by reading the
/// whole list.
constexpr Xapian::doccount SKIP_TO_FACTOR = 16;

bool evaluable(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_PHRASE:  // two or three adjacent words: their n-gram term
            return exact_ngram_of(query).has_value();
        case Xapian::Query::LEAF_TERM:
        case Xapian::Query::LEAF_MATCH_ALL:
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return true;
        case Xapian::Query::OP_SCALE_WEIGHT:
            break;
        default:  // not longer phrases, NEAR, wildcards, value ranges, elite sets, posting sources
            if (!combines_match_sets(query.get_type())) return false;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (!evaluable(query.get_subquery(i))) return false;
    return true;
}

/// The one term whose posting list is the match set of `query`, if there
/// is one: a plain term, or the n-gram of a phrase of two or three words.
std::optional<std::string> single_term(const Xapian::Query& query) {
    if (auto term = leaf_term(query); term && !term->empty()) return term;
    if (query.get_type() == Xapian::Query::OP_PHRASE) return exact_ngram_of(query);
    return std::nullopt;
}

class Evaluator {
public:
    Evaluator(const Xapian::Database& db, PostingSetCache* cache) : db_(db), cache_(cache), last_(db.get_lastdocid()) {}

    DocSet evaluate(const Xapian::Query& query) {
        switch (query.get_type()) {
            case Xapian::Query::LEAF_TERM:
                if (const auto term = single_term(query)) return term_set(*term);
                return DocSet::all(last_);  // the empty term
            case Xapian::Query::LEAF_MATCH_ALL:
                return DocSet::all(last_);
            case Xapian::Query::LEAF_MATCH_NOTHING:
                return DocSet(last_);
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER:
                return conjunction(query);
            case Xapian::Query::OP_PHRASE:
                return term_set(*exact_ngram_of(query));
            case Xapian::Query::OP_AND_NOT: {
                DocSet out = evaluate(query.get_subquery(0));
                for (std::size_t i = 1; i < query.get_num_subqueries() && !out.empty(); ++i)
                    out.subtract(evaluate(query.get_subquery(i)));
                return out;
            }
            case Xapian::Query::OP_XOR: {
                DocSet out(last_);
                for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) out ^= evaluate(query.get_subquery(i));
                return out;
            }
            case Xapian::Query::OP_AND_MAYBE:  // the optional side only weighs
            case Xapian::Query::OP_SCALE_WEIGHT:
                return evaluate(query.get_subquery(0));
            default: {  // OR, SYNONYM, MAX: any of them
                DocSet out(last_);
                for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) out |= evaluate(query.get_subquery(i));
                return out;
            }
        }
    }

private:
    /// The sets of the subqueries that are not single terms and of the
    /// terms kept in the cache first (read in place), then the other terms
    /// from the rarest, each once (a phrase filtered by its own n-gram names
    /// that term twice); a term much commoner than what is left is probed
    /// with skip_to instead of read whole.
    DocSet conjunction(const Xapian::Query& query) {
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        std::optional<DocSet> out;
        const auto narrow = [&out](const DocSet& set) {
            if (out) *out &= set;
            else out = set;
        };
        std::vector<std::string> single_terms;
        std::vector<Xapian::Query> others;
        gather_conjuncts(query, single_terms, others);
        drop_words_of_ngrams(single_terms);
        for (const auto& sub : others) {
            narrow(evaluate(sub));
            if (out->empty()) return std::move(*out);
        }
        for (const auto& term : single_terms) {
            if (const auto kept = cached(term)) narrow(*kept);
            else terms.emplace_back(db_.get_termfreq(term), term);
            if (out && out->empty()) return std::move(*out);
        }
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        for (const auto& [frequency, term] : terms) {
            if (out && out->empty()) break;
            if (out && out->size() * SKIP_TO_FACTOR < frequency) probe(*out, term);
            else narrow(*read_and_offer(term));
        }
        return out ? std::move(*out) : DocSet(last_);
    }

    /// The conjuncts of nested AND and FILTER nodes: single terms (a short
    /// phrase's n-gram among them) and the other subqueries.
    static void gather_conjuncts(const Xapian::Query& query, std::vector<std::string>& single_terms,
                                 std::vector<Xapian::Query>& others) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            const Xapian::Query sub = query.get_subquery(i);
            if (const auto term = single_term(sub)) single_terms.push_back(*term);
            else if (sub.get_type() == Xapian::Query::OP_AND || sub.get_type() == Xapian::Query::OP_FILTER)
                gather_conjuncts(sub, single_terms, others);
            else others.push_back(sub);
        }
    }

    /// A document with the n-gram "a b c" has the words a, b and c: a
    /// rewritten phrase, (a AND b AND c) FILTER "a b c", is read as its
    /// n-gram alone.
    static void drop_words_of_ngrams(std::vector<std::string>& terms) {
        std::vector<std::string> implied;
        for (const auto& term : terms)
            if (const auto words = words_of_ngram(term)) implied.insert(implied.end(), words->begin(), words->end());
        std::erase_if(terms, [&implied](const std::string& term) {
            return std::find(implied.begin(), implied.end(), term) != implied.end();
        });
    }

    /// Keeps in `set` only the documents that have `term`.
    void probe(DocSet& set, const std::string& term) {
        DocSet kept(last_);
        auto posting = db_.postlist_begin(term);
        const auto end = db_.postlist_end(term);
        set.for_each([&](Xapian::docid docid) {
            if (posting == end) return;
            posting.skip_to(docid);
            if (posting != end && *posting == docid) kept.insert(docid);
        });
        set = std::move(kept);
    }

    std::shared_ptr<const DocSet> cached(const std::string& term) const {
        return cache_ ? cache_->find(term) : nullptr;
    }

    DocSet term_set(const std::string& term) {
        if (const auto kept = cached(term)) return *kept;
        return *read_and_offer(term);
    }

    /// Reads a term's posting list and offers the set to the cache.
    std::shared_ptr<const DocSet> read_and_offer(const std::string& term) {
        auto set = std::make_shared<DocSet>(last_);
        Xapian::doccount frequency = 0;
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it, ++frequency) set->insert(*it);
        if (cache_) cache_->offer(term, set, frequency, last_);
        return set;
    }

    const Xapian::Database& db_;
    PostingSetCache* cache_;
    Xapian::docid last_;
};

}  // namespace

std::optional<std::string> leaf_term(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const auto it = query.get_terms_begin();
    return it == query.get_terms_end() ? std::string() : *it;
}

bool combines_match_sets(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

DocSet DocSet::all(Xapian::docid last) {
    DocSet out(last);
    for (auto& word : out.words_) word = ~std::uint64_t{0};
    out.words_[0] &= ~std::uint64_t{1};  // docids start at 1
    const std::size_t used = (last & 63) + 1;  // bits of the last word that are ids 0..last
    if (used < 64) out.words_.back() &= (std::uint64_t{1} << used) - 1;
    return out;
}

DocSet& DocSet::operator&=(const DocSet& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= i < other.words_.size() ? other.words_[i] : 0;
    return *this;
}

DocSet& DocSet::operator|=(const DocSet& other) {
    if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
    for (std::size_t i = 0; i < other.words_.size(); ++i) words_[i] |= other.words_[i];
    return *this;
}

DocSet& DocSet::operator^=(const DocSet& other) {
    if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
    for (std::size_t i = 0; i < other.words_.size(); ++i) words_[i] ^= other.words_[i];
    return *this;
}

DocSet& DocSet::subtract(const DocSet& other) {
    for (std::size_t i = 0; i < words_.size() && i < other.words_.size(); ++i) words_[i] &= ~other.words_[i];
    return *this;
}

std::size_t DocSet::size() const {
    std::size_t n = 0;
    for (const auto word : words_) n += static_cast<std::size_t>(__builtin_popcountll(word));
    return n;
}

bool DocSet::empty() const {
    return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
}

std::shared_ptr<const DocSet> PostingSetCache::find(const std::string& term) const {
    const std::shared_lock lock(mutex_);
    const auto it = sets_.find(term);
    return it == sets_.end() ? nullptr : it->second;
}

void PostingSetCache::offer(const std::string& term, std::shared_ptr<const DocSet> set, Xapian::doccount frequency,
                            Xapian::docid documents) {
    const bool filter = schema::is_filter_term(term);
    if (!filter && static_cast<std::size_t>(frequency) * COMMON_WORD_DIVISOR < documents) return;
    const std::unique_lock lock(mutex_);
    if (sets_.count(term) != 0) return;
    if (filter) {
        if (filter_terms_ == MAX_FILTER_TERMS) return;
        ++filter_terms_;
    } else {
        if (word_terms_.size() == MAX_WORD_TERMS) {
            sets_.erase(word_terms_.front());
            word_terms_.pop_front();
        }
        word_terms_.push_back(term);
    }
    sets_.emplace(term, std::move(set));
}

std::optional<DocSet> match_set(const Xapian::Database& db, const Xapian::Query& query, PostingSetCache* cache) {
    if (!evaluable(query)) return std::nullopt;
    return Evaluator(db, cache).evaluate(query);
}

}  // namespace stmt
