/** @file match_set_test.cc
 *  @brief The match set read from posting lists must be exactly the set
 *  Xapian's matcher finds, for every operator it claims to evaluate.
 */
#include "stmtlib/match_set.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> WORDS = {"rights", "human", "data", "privacy", "cooperation", "gender", "seldom", "victim"};
const std::vector<std::string> FILTERS = {"XSESSIONahc-4", "XSESSIONahc-5", "XTHEMEgender", "XORGalliance"};

/// A real on-disk database of synthetic documents: each holds a random
/// subset of WORDS and FILTERS, and every seventh document is deleted so
/// that docids have gaps, as after `indexer update`.
class MatchSetTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = std::filesystem::temp_directory_path() / ("match_set_test_" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        Xapian::WritableDatabase db(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        std::mt19937 random(7);
        for (int i = 0; i < 700; ++i) {
            Xapian::Document doc;
            Xapian::termpos position = 0;
            for (const auto& word : WORDS)
                if (random() % 3 == 0) doc.add_posting(word, ++position);
            for (const auto& term : FILTERS)
                if (random() % 2 == 0) doc.add_boolean_term(term);
            db.add_document(doc);
        }
        for (Xapian::docid docid = 3; docid <= 700; docid += 7) db.delete_document(docid);
        db.commit();
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(path_); }

    static std::set<Xapian::docid> matcher_set(const Xapian::Database& db, const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        std::set<Xapian::docid> out;
        for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(*it);
        return out;
    }

    static std::set<Xapian::docid> evaluated_set(const Xapian::Database& db, const Xapian::Query& query,
                                                 stmt::PostingSetCache* cache) {
        const auto set = stmt::match_set(db, query, cache);
        EXPECT_TRUE(set.has_value()) << query.get_description();
        std::set<Xapian::docid> out;
        // Deleted documents are in the set of a pure NOT; counting skips
        // them (they have no statement), so they are dropped here too.
        if (set) set->for_each([&](Xapian::docid docid) {
            try {
                db.get_document(docid);
                out.insert(docid);
            } catch (const Xapian::DocNotFoundError&) {
            }
        });
        return out;
    }

    void expect_same(const Xapian::Query& query) {
        Xapian::Database db(path_.string());
        const auto expected = matcher_set(db, query);
        EXPECT_EQ(evaluated_set(db, query, nullptr), expected) << query.get_description();
        stmt::PostingSetCache cache;
        EXPECT_EQ(evaluated_set(db, query, &cache), expected) << query.get_description() << " (sets offered to the cache)";
        EXPECT_EQ(evaluated_set(db, query, &cache), expected) << query.get_description() << " (sets from the cache)";
    }

    static std::filesystem::path path_;
};

std::filesystem::path MatchSetTest::path_;

using Q = Xapian::Query;

TEST_F(MatchSetTest, EveryEvaluatedOperatorMatchesWhatXapiansMatcherMatches) {
    const Q rights("rights"), human("human"), data("data"), seldom("seldom"), missing("nowhere");
    const Q session4("XSESSIONahc-4"), session5("XSESSIONahc-5"), gender("XTHEMEgender");
    const std::vector<Q> queries = {
        rights,
        missing,
        Q(std::string()),  // match all
        Q::MatchNothing,
        Q(Q::OP_AND, rights, human),
        Q(Q::OP_AND, Q(Q::OP_AND, rights, seldom), data),
        Q(Q::OP_OR, seldom, missing),
        Q(Q::OP_AND_NOT, rights, human),
        Q(Q::OP_AND_NOT, Q(std::string()), rights),  // pure NOT
        Q(Q::OP_XOR, rights, human),
        Q(Q::OP_AND_MAYBE, seldom, rights),
        Q(Q::OP_SYNONYM, data, seldom),
        Q(Q::OP_MAX, data, seldom),
        Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, rights, data), 2.0),
        Q(Q::OP_FILTER, rights, session4),
        Q(Q::OP_FILTER, Q(Q::OP_AND, rights, human), Q(Q::OP_AND, Q(Q::OP_OR, session4, session5), gender)),
        Q(Q::OP_FILTER, Q(Q::OP_OR, data, seldom), Q(Q::OP_AND, session4, session5)),
        Q(Q::OP_AND, missing, rights),
    };
    for (const auto& query : queries) expect_same(query);
}

TEST_F(MatchSetTest, QueriesFromTheQueryParserMatchAlike) {
    Xapian::Database db(path_.string());
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.add_boolean_prefix("session", "XSESSION");
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
    for (const auto op : {Q::OP_AND, Q::OP_OR}) {
        parser.set_default_op(op);
        for (const char* text : {"rights human", "rights OR seldom", "data NOT privacy", "NOT victim",
                                 "rights AND (human OR gender) NOT data", "session:ahc-4 privacy", "cooperation XOR data"})
            expect_same(parser.parse_query(text, flags));
    }
}

TEST_F(MatchSetTest, OperatorsThatNeedPositionsOrValuesAreLeftToTheMatcher) {
    Xapian::Database db(path_.string());
    const std::vector<std::string> pair = {"human", "rights"}, four = {"human", "rights", "data", "rights"};
    EXPECT_FALSE(stmt::match_set(db, Q(Q::OP_PHRASE, four.begin(), four.end())));
    EXPECT_FALSE(stmt::match_set(db, Q(Q::OP_PHRASE, pair.begin(), pair.end(), 3)));
    EXPECT_FALSE(stmt::match_set(db, Q(Q::OP_AND, Q("data"), Q(Q::OP_NEAR, pair.begin(), pair.end()))));
    EXPECT_FALSE(stmt::match_set(db, Q(Q::OP_VALUE_RANGE, 1, "a", "b")));
    EXPECT_FALSE(stmt::match_set(db, Q(Q::OP_WILDCARD, "ri")));
}

TEST_F(MatchSetTest, TheCacheKeepsFilterTermsAndCommonWordsButNotRareOnes) {
    Xapian::Database db(path_.string());
    stmt::PostingSetCache cache;
    ASSERT_TRUE(stmt::match_set(db, Q(Q::OP_AND, Q("rights"), Q("XSESSIONahc-4")), &cache));
    EXPECT_NE(cache.find("rights"), nullptr);
    EXPECT_NE(cache.find("XSESSIONahc-4"), nullptr);
    // A word in fewer than one document in COMMON_WORD_DIVISOR is read each time.
    const auto set = std::make_shared<const stmt::DocSet>(6400);
    cache.offer("scarce", set, 99, 6400);
    EXPECT_EQ(cache.find("scarce"), nullptr);
    cache.offer("XORGscarce", set, 1, 6400);
    EXPECT_NE(cache.find("XORGscarce"), nullptr);
}

TEST(PostingSetCache, KeepsTheMostRecentCommonWordsFirstInFirstOut) {
    stmt::PostingSetCache cache;
    const auto set = std::make_shared<const stmt::DocSet>(64);
    const std::size_t words = stmt::PostingSetCache::MAX_WORD_TERMS;
    for (std::size_t i = 0; i <= words; ++i) cache.offer("word" + std::to_string(i), set, 64, 64);
    EXPECT_EQ(cache.find("word0"), nullptr);
    EXPECT_NE(cache.find("word1"), nullptr);
    EXPECT_NE(cache.find("word" + std::to_string(words)), nullptr);
    // Filter terms are not pushed out by words, nor counted among them.
    cache.offer("XSESSIONahc-1", set, 1, 64);
    for (std::size_t i = 0; i < words; ++i) cache.offer("other" + std::to_string(i), set, 64, 64);
    EXPECT_NE(cache.find("XSESSIONahc-1"), nullptr);
    EXPECT_NE(cache.find("other0"), nullptr);
}

TEST(DocSet, SetOperationsAndIteration) {
    stmt::DocSet a(200), b(200);
    for (Xapian::docid d : {1u, 63u, 64u, 65u, 200u}) a.insert(d);
    for (Xapian::docid d : {2u, 64u, 200u}) b.insert(d);
    EXPECT_EQ(a.size(), 5u);
    stmt::DocSet both = a;
    both &= b;
    std::vector<Xapian::docid> seen;
    both.for_each([&](Xapian::docid d) { seen.push_back(d); });
    EXPECT_EQ(seen, (std::vector<Xapian::docid>{64, 200}));
    stmt::DocSet only_a = a;
    only_a.subtract(b);
    EXPECT_EQ(only_a.size(), 3u);
    EXPECT_FALSE(only_a.contains(64));
    EXPECT_EQ(stmt::DocSet::all(200).size(), 200u);
    EXPECT_FALSE(stmt::DocSet::all(200).contains(0));
    EXPECT_EQ(stmt::DocSet::all(63).size(), 63u);
    EXPECT_EQ(stmt::DocSet::all(64).size(), 64u);
    EXPECT_TRUE(stmt::DocSet(10).empty());
}

}  // namespace
