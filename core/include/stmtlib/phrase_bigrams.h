/** @file phrase_bigrams.h
 *  @brief Bigram terms: every pair of adjacent words of a paragraph is
 *  also a boolean term, so that the documents of a quoted phrase come from
 *  one posting list instead of position checks on every document that has
 *  all its words ("human rights" matches a third of the library).
 *
 *  A two-word phrase is exactly its bigram. A longer one is filtered by
 *  its bigrams, and Xapian checks positions only in the few documents
 *  that have all of them. Bigram terms carry no wdf, so weights and
 *  document lengths are those of the words alone.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>

namespace stmt {

/// Longer pairs are not indexed (Xapian limits a term to 245 bytes); a
/// phrase of such words is matched by positions alone.
inline constexpr std::size_t MAX_BIGRAM_BYTES = 120;

/// The bigram term of two adjacent unprefixed terms, if one is indexed.
std::optional<std::string> bigram_term(const std::string& first, const std::string& second);

/// Adds the bigram terms of the positional, unprefixed terms of `doc`.
void add_bigram_terms(Xapian::Document& doc);

/// The two terms of a phrase whose bigram term is exactly its match set,
/// if `query` is one: OP_PHRASE of two adjacent terms.
std::optional<std::string> exact_bigram_of(const Xapian::Query& query);

/// `query` with every phrase of terms filtered by its bigram terms.
Xapian::Query with_phrase_bigrams(const Xapian::Query& query);

}  // namespace stmt
