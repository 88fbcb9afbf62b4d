/** @file generated_corpus_test.cc
 *  @brief A synthetic corpus mixing every format, language and source of
 *  metadata (tools/gen_corpus) builds with every statement's metadata as
 *  the generator's truth file says.
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace stmt_it {
namespace {

constexpr int GENERATED_STATEMENTS = 150;
/// PDF text has no paragraph marks; a break that falls exactly at a page
/// break can be missed (docs/corpus.md). This share of PDFs may be off by one.
constexpr double PDF_PARAGRAPH_TOLERANCE = 0.15;

TEST(IntegrationGeneratedCorpus, EveryStatementHasTheMetadataTheGeneratorWrote) {
    const TempDir dir;
    const auto generated = run_process({STMT_GEN_CORPUS_PATH, "--count", std::to_string(GENERATED_STATEMENTS), "--seed",
                                        "11", "--out", (dir / "corpus").string(), "--truth", (dir / "truth.jsonl").string(),
                                        "--vocabulary", VOCABULARY_DIR.string(), "-q"});
    ASSERT_EQ(generated.exit_code, 0) << generated.output();
    const auto built = run_process({STMT_INDEXER_PATH, "build", (dir / "corpus").string(), "--db", (dir / "db").string(), "-q"});
    ASSERT_EQ(built.exit_code, 0) << built.output();
    EXPECT_NE(built.out.find("skipped:     0"), std::string::npos) << built.output();
    Server server(dir / "db");

    std::ifstream truth(dir / "truth.jsonl");
    int statements = 0, pdfs = 0, pdf_paragraph_misses = 0;
    std::set<std::string> formats, languages;
    for (std::string line; std::getline(truth, line);) {
        const auto expected = nlohmann::json::parse(line);
        const std::string id = expected["id"];
        SCOPED_TRACE(expected["file"].get<std::string>());
        const auto actual = server.get_json("/api/statements/" + url_encode(id));
        ASSERT_TRUE(actual.contains("organization")) << actual.dump();
        EXPECT_EQ(actual["session"].is_null() ? nlohmann::json() : actual["session"]["id"], expected["session"]);
        EXPECT_EQ(actual["chapter"]["id"], expected["chapter"]);
        EXPECT_EQ(actual["organization"]["label"], expected["organization"]);
        EXPECT_EQ(actual["organization"]["id"], expected["organization_id"]);
        EXPECT_EQ(actual["language"], expected["language"]);
        EXPECT_EQ(actual["status"], expected["status"]);
        EXPECT_EQ(actual["date"], expected["date"]);
        const bool same_paragraphs = actual["paragraphs"].size() == expected["paragraphs"].get<std::size_t>();
        if (expected["format"] == "pdf") {
            ++pdfs;
            pdf_paragraph_misses += !same_paragraphs;
        } else {
            EXPECT_TRUE(same_paragraphs) << actual["paragraphs"].size() << " paragraphs, expected " << expected["paragraphs"];
        }
        formats.insert(expected["format"]);
        languages.insert(expected["language"]);
        ++statements;
    }
    EXPECT_EQ(statements, GENERATED_STATEMENTS);
    EXPECT_EQ(formats, (std::set<std::string>{"docx", "html", "md", "pdf", "txt"}));
    EXPECT_EQ(languages, (std::set<std::string>{"ar", "en", "es", "fr", "ru", "zh"}));
    EXPECT_LE(pdf_paragraph_misses, static_cast<int>(PDF_PARAGRAPH_TOLERANCE * pdfs)) << pdf_paragraph_misses << " of " << pdfs;
    EXPECT_EQ(server.get_json("/api/health")["statements"], GENERATED_STATEMENTS);
}

}  // namespace
}  // namespace stmt_it
