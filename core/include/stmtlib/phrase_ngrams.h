/** @file phrase_ngrams.h
 *  @brief Word n-gram terms: every two and every three adjacent words of a
 *  paragraph are also boolean terms, so that the documents of a quoted
 *  phrase come from one posting list instead of position checks on every
 *  document that has all its words ("human rights" matches a third of the
 *  library, "freedom of expression" has "of" in it).
 *
 *  A phrase of two or three words is exactly its n-gram: it is rewritten
 *  as the AND of its words (which weigh as they would in the phrase)
 *  filtered by that n-gram, and no positions are read. A longer one is
 *  filtered by its trigrams, and Xapian checks positions only in the few
 *  documents that have all of them. N-gram terms carry no wdf, so weights
 *  and document lengths are those of the words alone.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

/// Longer n-grams are not indexed (Xapian limits a term to 245 bytes); a
/// phrase of such words is matched by positions alone.
inline constexpr std::size_t MAX_NGRAM_BYTES = 120;

/// The n-gram term of two or three adjacent unprefixed terms, if one is
/// indexed (too long, prefixed or another count of words: none).
std::optional<std::string> ngram_term(const std::vector<std::string>& words);

/// The words of an n-gram term, if `term` is one (and is not ambiguous:
/// words with spaces in them give none).
std::optional<std::vector<std::string>> words_of_ngram(const std::string& term);

/// Whether `term` is a bigram or trigram term.
bool is_ngram_term(std::string_view term);

/// Adds the bigram and trigram terms of the positional, unprefixed terms
/// of `doc`.
void add_ngram_terms(Xapian::Document& doc);

/// The n-gram term whose posting list is exactly the match set of
/// `query`, if it is an OP_PHRASE of two or three adjacent terms.
std::optional<std::string> exact_ngram_of(const Xapian::Query& query);

/// `query` with every phrase of two or three words replaced by the AND of
/// its words filtered by its n-gram, and every longer phrase filtered by
/// its trigrams.
Xapian::Query with_phrase_ngrams(const Xapian::Query& query);

}  // namespace stmt
