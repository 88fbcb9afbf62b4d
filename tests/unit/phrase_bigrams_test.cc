/** @file phrase_bigrams_test.cc
 *  @brief Bigram terms must give exactly a phrase's documents: written for
 *  every pair of adjacent words, and used only where they are exact.
 */
#include "stmtlib/match_set.h"
#include "stmtlib/phrase_bigrams.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using Q = Xapian::Query;

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
    return out;
}

TEST(PhraseBigrams, EveryPairOfAdjacentWordsOfTheTextButNotOfPrefixedFields) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("en"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text("Cyber Title", 1, "S");
    generator.index_text("The right to privacy, and e-evidence.");
    stmt::add_bigram_terms(doc);
    const auto terms = terms_of(doc);
    for (const char* bigram : {"XBthe right", "XBright to", "XBto privacy", "XBprivacy and", "XBand e", "XBe evidence"})
        EXPECT_TRUE(terms.count(bigram)) << bigram;
    EXPECT_FALSE(terms.count("XBtitle the")) << "a title word and a text word are not adjacent words of the text";
    EXPECT_FALSE(terms.count("XBcyber title"));
    EXPECT_EQ(doc.termlist_count(), terms.size());
    // Bigrams weigh nothing: the document's length is that of its words.
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind("XB", 0) == 0) {
            EXPECT_EQ(t.get_wdf(), 0u) << *t;
        }
}

TEST(PhraseBigrams, OnlyAdjacentPhrasesOfWordsUseThem) {
    const std::vector<std::string> two = {"human", "rights"}, three = {"right", "to", "privacy"};
    EXPECT_EQ(stmt::exact_bigram_of(Q(Q::OP_PHRASE, two.begin(), two.end())), "XBhuman rights");
    EXPECT_FALSE(stmt::exact_bigram_of(Q(Q::OP_PHRASE, three.begin(), three.end())));  // not exact: filtered only
    EXPECT_FALSE(stmt::exact_bigram_of(Q(Q::OP_PHRASE, two.begin(), two.end(), 5)));  // a wider window
    EXPECT_FALSE(stmt::exact_bigram_of(Q(Q::OP_NEAR, two.begin(), two.end())));
    const std::vector<std::string> titled = {"Shuman", "Srights"};
    EXPECT_FALSE(stmt::exact_bigram_of(Q(Q::OP_PHRASE, titled.begin(), titled.end())));
    EXPECT_FALSE(stmt::bigram_term(std::string(100, 'a'), std::string(100, 'b'))) << "too long for a term";
}

/// Documents of random words, indexed with bigrams: every phrase query,
/// rewritten with bigrams, matches what the plain phrase matches.
TEST(PhraseBigrams, RewrittenPhrasesMatchWhatPositionsMatch) {
    const auto path = std::filesystem::temp_directory_path() / ("phrase_bigrams_test_" + std::to_string(::getpid()));
    const std::vector<std::string> words = {"right", "to", "privacy", "human", "rights", "data"};
    {
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        std::mt19937 random(11);
        Xapian::TermGenerator generator;
        for (int i = 0; i < 500; ++i) {
            std::string text;
            for (unsigned n = random() % 9; n > 0; --n) text += words[random() % words.size()] + " ";
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(text);
            stmt::add_bigram_terms(doc);
            db.add_document(doc);
        }
        db.commit();
    }
    Xapian::Database db(path.string());
    const auto matches = [&db](const Q& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        std::set<Xapian::docid> out;
        const auto mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(*it);
        return out;
    };
    Xapian::QueryParser parser;
    parser.set_database(db);
    for (const char* text : {"\"right to privacy\"", "\"human rights\"", "\"rights human\"", "\"data data\"",
                             "privacy \"human rights\"", "\"to to to\" OR data", "\"right to\" NOT \"to privacy\""}) {
        const Q plain = parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
        const Q rewritten = stmt::with_phrase_bigrams(plain);
        const auto expected = matches(plain);
        EXPECT_EQ(matches(rewritten), expected) << text;
        if (const auto set = stmt::match_set(db, rewritten)) {
            std::set<Xapian::docid> evaluated;
            set->for_each([&](Xapian::docid docid) { evaluated.insert(docid); });
            EXPECT_EQ(evaluated, expected) << text << " (match set)";
        }
        EXPECT_NE(rewritten.get_description(), plain.get_description()) << text << " was not rewritten";
    }
    std::filesystem::remove_all(path);
}

}  // namespace
