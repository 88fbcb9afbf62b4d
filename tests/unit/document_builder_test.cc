/** @file document_builder_test.cc
 *  @brief DocumentBuilder on the parsed seed: terms, values and data of
 *  each paragraph document, then searched in an in-memory Xapian database
 *  through QueryBuilder.
 */
#include "stmtlib/document_builder.h"

#include "stmtlib/query_builder.h"
#include "stmtlib/schema.h"
#include "stmtlib/statement_parser.h"
#include "unit_support.h"

#include <gtest/gtest.h>

#include <set>

namespace stmt {
namespace {

namespace sc = stmt::schema;
using stmt::testing::contains;

std::string term(std::string_view prefix, const std::string& value) { return std::string(prefix) + value; }

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
    return out;
}

class DocumentBuilderTest : public ::testing::Test {
protected:
    void SetUp() override {
        const ThemeTagger tagger(vocabulary);
        auto outcome = parse_statement(stmt::testing::read_file(stmt::testing::seed_path()),
                                       "alliance-ahc5-international-cooperation.txt", vocabulary, tagger);
        ASSERT_TRUE(outcome.statement);
        seed = *outcome.statement;
        docs = DocumentBuilder().build(seed, vocabulary);
    }

    Vocabulary vocabulary = stmt::testing::vocabulary();
    Statement seed;
    std::vector<Xapian::Document> docs;
};

TEST_F(DocumentBuilderTest, OneDocumentPerParagraph) { EXPECT_EQ(docs.size(), 9u); }

TEST_F(DocumentBuilderTest, BooleanTerms) {
    ASSERT_EQ(docs.size(), seed.paragraphs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto terms = terms_of(docs[i]);
        const int n = static_cast<int>(i) + 1;
        EXPECT_TRUE(terms.count(paragraph_id_term(seed.id, n))) << n;
        EXPECT_TRUE(terms.count(term(sc::PREFIX_STATEMENT, seed.id)));
        EXPECT_TRUE(terms.count(term(sc::PREFIX_SESSION, "ahc-5")));
        EXPECT_TRUE(terms.count(term(sc::PREFIX_CHAPTER, "international-cooperation")));
        EXPECT_TRUE(terms.count(term(sc::PREFIX_ORGANIZATION, "alliance")));
        EXPECT_TRUE(terms.count(term(sc::PREFIX_STATUS, "draft")));
        EXPECT_TRUE(terms.count(term(sc::PREFIX_LANGUAGE, "en")));
        for (const auto& t : seed.paragraphs[i].themes) EXPECT_TRUE(terms.count(term(sc::PREFIX_THEME, t))) << t;
        // Exactly one paragraph id term per document.
        std::size_t ids = 0;
        for (const auto& t : terms) ids += t.starts_with(sc::PREFIX_PARAGRAPH_ID) && t.find('#') != std::string::npos;
        EXPECT_EQ(ids, 1u);
    }
    EXPECT_EQ(paragraph_id_term(seed.id, 3), term(sc::PREFIX_PARAGRAPH_ID, seed.id + "#3"));
}

TEST_F(DocumentBuilderTest, ThemeTermsOnlyWhereTheParagraphSpeaksOfThem) {
    int with_gender = 0;
    for (const auto& doc : docs) with_gender += terms_of(doc).count(term(sc::PREFIX_THEME, "gender")) ? 1 : 0;
    EXPECT_EQ(with_gender, 1);
}

TEST_F(DocumentBuilderTest, ValuesInTheirSlots) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Xapian::Document& d = docs[i];
        EXPECT_EQ(d.get_value(sc::VALUE_STATEMENT_ID), seed.id);
        EXPECT_EQ(d.get_value(sc::VALUE_SORT_DATE), vocabulary.session("ahc-5")->start);  // no date of its own
        EXPECT_EQ(Xapian::sortable_unserialise(d.get_value(sc::VALUE_PARAGRAPH)), static_cast<double>(i + 1));
        EXPECT_EQ(d.get_value(sc::VALUE_SESSION), "ahc-5");
        EXPECT_EQ(d.get_value(sc::VALUE_CHAPTER), "international-cooperation");
        EXPECT_EQ(d.get_value(sc::VALUE_ORGANIZATION), "alliance");
        EXPECT_EQ(d.get_value(sc::VALUE_LANGUAGE), "en");
        EXPECT_EQ(d.get_value(sc::VALUE_STATUS), "draft");
        const std::string joined = d.get_value(sc::VALUE_THEMES);
        for (const auto& t : seed.paragraphs[i].themes) EXPECT_NE(joined.find(t), std::string::npos) << t;
        if (seed.paragraphs[i].themes.size() > 1) {
            EXPECT_NE(joined.find(sc::THEME_SEPARATOR), std::string::npos) << joined;
        }
    }
}

TEST_F(DocumentBuilderTest, DataJson) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto data = nlohmann::json::parse(docs[i].get_data());
        EXPECT_EQ(data.at("n").get<int>(), static_cast<int>(i) + 1);
        EXPECT_EQ(data.at("text").get<std::string>(), seed.paragraphs[i].text);
        EXPECT_EQ(data.at("statement").at("id").get<std::string>(), seed.id);
        EXPECT_EQ(data.at("statement").at("session").get<std::string>(), "ahc-5");
        EXPECT_EQ(data.at("statement").at("paragraph_count").get<std::size_t>(), 9u);
        EXPECT_EQ(data.contains("header"), i == 0);
    }
    const auto first = nlohmann::json::parse(docs[0].get_data());
    EXPECT_EQ(first.at("header").size(), 2u);
    EXPECT_EQ(first.at("closing"), nlohmann::json::array({"Thank you"}));
    EXPECT_TRUE(first.at("text").get<std::string>().starts_with("The Alliance of NGOs"));
}

TEST_F(DocumentBuilderTest, SortDate) {
    Statement s = seed;
    EXPECT_EQ(sort_date(s, vocabulary), "2023-04-11");
    s.date = "2023-04-18";
    EXPECT_EQ(sort_date(s, vocabulary), "2023-04-18");
    s.date.clear();
    s.session.clear();
    EXPECT_EQ(sort_date(s, vocabulary), "");
}

// --- searched through QueryBuilder -----------------------------------------

class SeedIndex : public DocumentBuilderTest {
protected:
    void SetUp() override {
        DocumentBuilderTest::SetUp();
        for (std::size_t i = 0; i < docs.size(); ++i)
            db.replace_document(paragraph_id_term(seed.id, static_cast<int>(i) + 1), docs[i]);
        db.commit();
    }
    /// Matches of `request`, or -1 when the query does not build.
    long long count(const SearchRequest& request, Matching matching = Matching::all) {
        QueryBuilder builder(db, vocabulary);
        const auto query = builder.build(request, matching);
        if (!query) return -1;
        Xapian::Enquire enquire(db);
        enquire.set_query(*query);
        return enquire.get_mset(0, 100).size();
    }
    static SearchRequest request(const std::string& q, const std::string& field = "", const std::string& value = "") {
        SearchRequest r;
        r.query = q;
        if (!field.empty()) r.filters[field].push_back(value);
        return r;
    }
    // What Xapian::InMemory::open() does; that name is deprecated in Xapian 1.4
    // and would break the -Werror build.
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(SeedIndex, AllParagraphsIndexed) { EXPECT_EQ(db.get_doccount(), 9u); }

TEST_F(SeedIndex, SessionFilter) {
    EXPECT_GT(count(request("civil society", "session", "ahc-5")), 0);
    EXPECT_GT(count(request("civil society", "session", "AHC 5")), 0);  // any name of the session
    EXPECT_EQ(count(request("civil society", "session", "ahc-3")), 0);
    EXPECT_GT(count(request("civil society")), count(request("gender mainstreaming")));
}

TEST_F(SeedIndex, FieldInTheQueryString) {
    EXPECT_GT(count(request("org:alliance civil society")), 0);
    EXPECT_EQ(count(request("org:hrw civil society")), 0);
    EXPECT_EQ(count(request("theme:gender")), 1);
}

TEST_F(SeedIndex, OtherFilters) {
    EXPECT_EQ(count(request("", "chapter", "Chapter V")), 9);
    EXPECT_EQ(count(request("", "status", "draft")), 9);
    EXPECT_EQ(count(request("", "status", "oral")), 0);
    EXPECT_EQ(count(request("", "language", "en")), 9);
    SearchRequest dated = request("");
    dated.date_from = "2023-04-01";
    dated.date_to = "2023-04-30";
    EXPECT_EQ(count(dated), 9);
    dated.date_from = "2024-01-01";
    dated.date_to.clear();
    EXPECT_EQ(count(dated), 0);
}

TEST_F(SeedIndex, UnknownFilterValueIsAnError) {
    QueryBuilder builder(db, vocabulary);
    const auto filtered = builder.build(request("civil society", "session", "ahc-99"), Matching::all);
    ASSERT_FALSE(filtered.ok());
    EXPECT_EQ(filtered.error().code, ErrorCode::unknown_filter_value);
    EXPECT_EQ(filtered.error().parameter, "session");
    const auto in_query = builder.build(request("session:ahc-99 civil society"), Matching::all);
    ASSERT_FALSE(in_query.ok());
    EXPECT_EQ(in_query.error().code, ErrorCode::unknown_filter_value);
    const auto language = builder.build(request("", "language", "fr"), Matching::all);
    ASSERT_FALSE(language.ok());  // no statement in French
    EXPECT_EQ(language.error().code, ErrorCode::unknown_filter_value);
}

// Stop words are dropped only beside other words; a query of nothing but
// stop words is searched as written, as Xapian's QueryParser does.
TEST_F(SeedIndex, StopwordsOnlyQueryIsSearchedAsWritten) {
    EXPECT_GT(count(request("the")), 0);
    EXPECT_EQ(count(request("the", "session", "ahc-3")), 0);
}

TEST_F(SeedIndex, AnyMatchingFindsMoreThanAll) {
    EXPECT_EQ(count(request("gender zzzunknownword")), 0);
    EXPECT_GT(count(request("gender zzzunknownword"), Matching::any), 0);
}

TEST(PrefixOf, FilterFieldsUseSchemaPrefixes) {
    EXPECT_EQ(prefix_of(api::PARAM_SESSION), sc::PREFIX_SESSION);
    EXPECT_EQ(prefix_of(api::PARAM_CHAPTER), sc::PREFIX_CHAPTER);
    EXPECT_EQ(prefix_of(api::PARAM_THEME), sc::PREFIX_THEME);
    EXPECT_EQ(prefix_of(api::PARAM_ORGANIZATION), sc::PREFIX_ORGANIZATION);
    EXPECT_EQ(prefix_of(api::PARAM_LANGUAGE), sc::PREFIX_LANGUAGE);
    EXPECT_EQ(prefix_of(api::PARAM_STATUS), sc::PREFIX_STATUS);
}

}  // namespace
}  // namespace stmt
