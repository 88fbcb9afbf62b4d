/** @file phrase_ngrams_test.cc
 *  @brief N-gram terms must give exactly a phrase's documents: written for
 *  every two and three adjacent words, and used alone only where exact.
 */
#include "stmtlib/match_set.h"
#include "stmtlib/phrase_ngrams.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <map>
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

TEST(PhraseNgrams, EveryTwoAndThreeAdjacentWordsOfTheTextButNotOfPrefixedFields) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("en"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text("Cyber Title", 1, "S");
    generator.index_text("The right to privacy, and e-evidence.");
    stmt::add_ngram_terms(doc);
    const auto terms = terms_of(doc);
    for (const char* bigram : {"XBthe right", "XBright to", "XBto privacy", "XBprivacy and", "XBand e", "XBe evidence"})
        EXPECT_TRUE(terms.count(bigram)) << bigram;
    EXPECT_FALSE(terms.count("XBtitle the")) << "a title word and a text word are not adjacent words of the text";
    EXPECT_FALSE(terms.count("XBcyber title"));
    for (const char* trigram : {"XGthe right to", "XGright to privacy", "XGto privacy and", "XGprivacy and e",
                                "XGand e evidence"})
        EXPECT_TRUE(terms.count(trigram)) << trigram;
    EXPECT_FALSE(terms.count("XGtitle the right"));
    EXPECT_FALSE(terms.count("XGe evidence"));
    std::size_t ngrams = 0;
    // N-grams weigh nothing: the document's length is that of its words.
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind("XB", 0) == 0 || (*t).rfind("XG", 0) == 0) {
            ++ngrams;
            EXPECT_EQ(t.get_wdf(), 0u) << *t;
        }
    EXPECT_EQ(ngrams, 6u + 5u);
}

TEST(PhraseNgrams, OnlyAdjacentPhrasesOfTwoOrThreeWordsAreTheirNgram) {
    const std::vector<std::string> two = {"human", "rights"}, three = {"right", "to", "privacy"},
                                   four = {"child", "sexual", "abuse", "material"};
    EXPECT_EQ(stmt::exact_ngram_of(Q(Q::OP_PHRASE, two.begin(), two.end())), "XBhuman rights");
    EXPECT_EQ(stmt::exact_ngram_of(Q(Q::OP_PHRASE, three.begin(), three.end())), "XGright to privacy");
    EXPECT_FALSE(stmt::exact_ngram_of(Q(Q::OP_PHRASE, four.begin(), four.end())));  // not exact: filtered only
    EXPECT_FALSE(stmt::exact_ngram_of(Q(Q::OP_PHRASE, two.begin(), two.end(), 5)));  // a wider window
    EXPECT_FALSE(stmt::exact_ngram_of(Q(Q::OP_NEAR, two.begin(), two.end())));
    const std::vector<std::string> titled = {"Shuman", "Srights"};
    EXPECT_FALSE(stmt::exact_ngram_of(Q(Q::OP_PHRASE, titled.begin(), titled.end())));
    EXPECT_FALSE(stmt::ngram_term({std::string(100, 'a'), std::string(100, 'b')})) << "too long for a term";
    EXPECT_FALSE(stmt::ngram_term({"one"}));
    EXPECT_EQ(stmt::words_of_ngram("XGright to privacy"), (std::vector<std::string>{"right", "to", "privacy"}));
    EXPECT_EQ(stmt::words_of_ngram("XBhuman rights"), (std::vector<std::string>{"human", "rights"}));
    EXPECT_FALSE(stmt::words_of_ngram("XGhuman rights")) << "a trigram has three words";
    EXPECT_FALSE(stmt::words_of_ngram("XSESSIONahc-5"));
    EXPECT_TRUE(stmt::is_ngram_term("XGright to privacy"));
    EXPECT_TRUE(stmt::is_ngram_term("XBhuman rights"));
    EXPECT_FALSE(stmt::is_ngram_term("Zright"));
}

TEST(PhraseNgrams, ShortPhrasesBecomeTheirWordsFilteredByTheirNgram) {
    const std::vector<std::string> three = {"right", "to", "privacy"};
    const Q rewritten = stmt::with_phrase_ngrams(Q(Q::OP_PHRASE, three.begin(), three.end()));
    EXPECT_EQ(rewritten.get_description(), "Query(((right AND to AND privacy) FILTER XGright to privacy))");
    const std::vector<std::string> four = {"child", "sexual", "abuse", "material"};
    const Q filtered = stmt::with_phrase_ngrams(Q(Q::OP_PHRASE, four.begin(), four.end()));
    EXPECT_EQ(filtered.get_description(),
              "Query(((child PHRASE 4 sexual PHRASE 4 abuse PHRASE 4 material) FILTER "
              "(XGchild sexual abuse AND XGsexual abuse material)))");
}

/// Documents of random words, indexed with n-grams: every phrase query,
/// rewritten with n-grams, matches what the plain phrase matches.
TEST(PhraseNgrams, RewrittenPhrasesMatchWhatPositionsMatch) {
    const auto path = std::filesystem::temp_directory_path() / ("phrase_ngrams_test_" + std::to_string(::getpid()));
    const std::vector<std::string> words = {"right", "to", "privacy", "human", "rights", "data"};
    {
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        std::mt19937 random(11);
        Xapian::TermGenerator generator;
        for (int i = 0; i < 500; ++i) {
            std::string text;
            for (unsigned n = random() % 13; n > 0; --n) text += words[random() % words.size()] + " ";
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(text);
            stmt::add_ngram_terms(doc);
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
    const auto weights = [&db](const Q& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        std::map<Xapian::docid, double> out;
        const auto mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
        return out;
    };
    Xapian::QueryParser parser;
    parser.set_database(db);
    for (const char* text : {"\"right to privacy\"", "\"human rights\"", "\"rights human\"", "\"data data\"",
                             "privacy \"human rights\"", "\"to to to\" OR data", "\"right to\" NOT \"to privacy\"",
                             "\"human rights data privacy\"", "\"to to to to\"", "\"right to privacy\" \"data rights\""}) {
        const Q plain = parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
        const Q rewritten = stmt::with_phrase_ngrams(plain);
        const auto expected = matches(plain);
        EXPECT_EQ(matches(rewritten), expected) << text;
        const auto plain_weights = weights(plain), rewritten_weights = weights(rewritten);
        ASSERT_EQ(rewritten_weights.size(), plain_weights.size()) << text;
        for (const auto& [docid, weight] : plain_weights)
            EXPECT_NEAR(rewritten_weights.at(docid), weight, 1e-9) << text << ": the words weigh as in the phrase";
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
