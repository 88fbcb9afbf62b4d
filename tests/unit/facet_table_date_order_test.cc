// The date orders the facet table keeps (searcher.cc pages browsing and
// date-sorted searches from them) against Xapian's own sort on the same
// sort values, over statements with shared, missing and unknown dates,
// written in a shuffled order and partly replaced.
#include "stmtlib/document_builder.h"
#include "stmtlib/facet_table.h"
#include "stmtlib/schema.h"
#include "unit_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace stmt {
namespace {

std::vector<Xapian::docid> sorted_by_xapian(const Xapian::Database& db, Xapian::valueno slot) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_sort_by_value_then_relevance(slot, false);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docids;
    for (auto item = mset.begin(); item != mset.end(); ++item) docids.push_back(*item);
    return docids;
}

Statement synthetic_statement(std::mt19937& random, int index) {
    static const std::vector<std::string> dates = {"", "2022-03-01", "2023-01-20", "2023-01-20", "2024-02-05"};
    static const std::vector<std::string> sessions = {"", "ahc-1", "ahc-4", "no-such-session"};
    Statement s;
    // Ids whose order differs from the order they are written in.
    s.id = "synthetic-" + std::to_string((index * 7919) % 1000) + "-" + std::to_string(index);
    s.title = "Synthetic statement " + std::to_string(index);
    s.organization = "synthetic-org";
    s.language = "en";
    s.date = dates[random() % dates.size()];
    s.session = sessions[random() % sessions.size()];
    const int paragraphs = 1 + static_cast<int>(random() % 12);
    for (int n = 1; n <= paragraphs; ++n) s.paragraphs.push_back({n, "Paragraph " + std::to_string(n) + " of the text.", {}, n});
    return s;
}

TEST(FacetTableDateOrder, EqualsXapiansSortOnTheSortValues) {
    const Vocabulary vocabulary = stmt::testing::vocabulary();
    std::mt19937 random(7);
    std::vector<Xapian::Document> documents;
    std::vector<std::string> id_terms;
    DocumentBuilder builder;
    for (int i = 0; i < 150; ++i) {
        const Statement s = synthetic_statement(random, i);
        auto docs = builder.build(s, vocabulary);
        for (std::size_t p = 0; p < docs.size(); ++p) {
            documents.push_back(std::move(docs[p]));
            id_terms.push_back(paragraph_id_term(s.id, s.paragraphs[p].number));
        }
    }
    std::vector<std::size_t> written(documents.size());
    for (std::size_t i = 0; i < written.size(); ++i) written[i] = i;
    std::shuffle(written.begin(), written.end(), random);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const std::size_t i : written) db.add_document(documents[i]);
    // Some paragraphs written again at the end, with new docids.
    for (std::size_t i = 0; i < documents.size(); i += 17) {
        db.delete_document(id_terms[i]);
        db.add_document(documents[i]);
    }
    db.commit();

    const FacetTable table(db, vocabulary);
    EXPECT_EQ(table.in_date_order(true), sorted_by_xapian(db, schema::VALUE_ORDER_NEWEST));
    EXPECT_EQ(table.in_date_order(false), sorted_by_xapian(db, schema::VALUE_ORDER_OLDEST));
    EXPECT_EQ(table.in_date_order(true).size(), db.get_doccount());
}

}  // namespace
}  // namespace stmt
