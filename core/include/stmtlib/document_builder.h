/** @file document_builder.h
 *  @brief Statement -> one Xapian document per numbered paragraph.
 */
#pragma once

#include "stmtlib/statement.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace stmt {

/// The unique id term of a paragraph (schema::PREFIX_PARAGRAPH_ID).
std::string paragraph_id_term(const std::string& statement_id, int paragraph);

/// The sort date of a statement: its own date, else its session's start.
std::string sort_date(const Statement& s, const Vocabulary& v);

/// The statement's metadata as stored in each document's data and returned
/// by the API (ids only; labels are added when results are shaped).
nlohmann::json statement_record(const Statement& s);

/// Words for spelling suggestions with how often they occur: what
/// TermGenerator's FLAG_SPELLING would add to a database word by word.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

/// Adds `words` to the spelling table of `db`, one call per word.
void add_spelling(Xapian::WritableDatabase& db, const SpellingCounts& words);

/// Builds documents without touching any database, so that several
/// threads can build at once (one builder each: TermGenerator and the
/// stemmers are not thread-safe).
class DocumentBuilder {
public:
    DocumentBuilder();

    /// With `spelling`, the words of the paragraphs (not of the title, as
    /// FLAG_SPELLING skips prefixed text) are counted into it.
    std::vector<Xapian::Document> build(const Statement& s, const Vocabulary& v, SpellingCounts* spelling = nullptr);

private:
    Xapian::TermGenerator generator_;
    Xapian::MultiValueKeyMaker newest_first_;  ///< for schema::VALUE_ORDER_NEWEST
    Xapian::MultiValueKeyMaker oldest_first_;  ///< for schema::VALUE_ORDER_OLDEST
};

}  // namespace stmt
