/** @file document_builder.h
 *  @brief Statement -> one Xapian document per numbered paragraph.
 */
#pragma once

#include "stmtlib/statement.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace stmt {

/// The unique id term of a paragraph (schema::PREFIX_PARAGRAPH_ID).
std::string paragraph_id_term(const std::string& statement_id, int paragraph);

/// The sort date of a statement: its own date, else its session's start.
std::string sort_date(const Statement& s, const Vocabulary& v);

/// The statement's metadata as stored in each document's data and returned
/// by the API (ids only; labels are added when results are shaped).
nlohmann::json statement_record(const Statement& s);

class DocumentBuilder {
public:
    /// With a writable database, spelling data is recorded for suggestions.
    explicit DocumentBuilder(Xapian::WritableDatabase* spelling_db = nullptr);

    std::vector<Xapian::Document> build(const Statement& s, const Vocabulary& v);

private:
    Xapian::TermGenerator generator_;
    Xapian::MultiValueKeyMaker newest_first_;  ///< for schema::VALUE_ORDER_NEWEST
    Xapian::MultiValueKeyMaker oldest_first_;  ///< for schema::VALUE_ORDER_OLDEST
};

}  // namespace stmt
