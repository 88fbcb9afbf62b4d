/** @file spelling_table_test.cc
 *  @brief The indexer counts spelling words beside its writer and adds
 *  each once; the spelling table must be what indexing every document's
 *  title and paragraph with TermGenerator's FLAG_SPELLING gives (how the
 *  indexer filled it word by word before): the same words with the same
 *  frequencies, per shard, in the exported copy (META_SPELLING) too, and
 *  after an update.
 */
#include "server_support.h"

#include "stmtlib/library_store.h"
#include "stmtlib/schema.h"
#include "stmtlib/shard_layout.h"
#include "stmtlib/xapian_language.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace stmt_it {
namespace {

constexpr int GENERATED_STATEMENTS = 60;

using Spellings = std::map<std::string, Xapian::doccount>;

Spellings spellings_of(const Xapian::Database& db) {
    Spellings out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out[*s] = s.get_termfreq();
    return out;
}

/// The spelling table FLAG_SPELLING builds from the title and paragraph
/// text stored in each document of `db`, indexed as the indexer indexes
/// them (title prefixed, then the paragraph), into a fresh database.
Spellings reference_spellings(const Xapian::Database& db, const fs::path& scratch) {
    Xapian::WritableDatabase reference(scratch.string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    generator.set_database(reference);
    generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING | Xapian::TermGenerator::FLAG_CJK_NGRAM);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        const auto data = nlohmann::json::parse(db.get_document(*id).get_data());
        const auto& statement = data.at("statement");
        Xapian::Document doc;
        generator.set_stemmer(stmt::stemmer_for(statement.at("language").get<std::string>()));
        generator.set_document(doc);
        generator.index_text(statement.at("title").get<std::string>(), 1, std::string(stmt::schema::PREFIX_TITLE));
        generator.index_text(data.at("text").get<std::string>());
    }
    reference.commit();
    return spellings_of(reference);
}

/// META_SPELLING's "word<TAB>frequency" lines.
Spellings exported_spellings(const Xapian::Database& db) {
    Spellings out;
    std::istringstream lines(db.get_metadata(std::string(stmt::schema::META_SPELLING)));
    std::string line;
    while (std::getline(lines, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) out[line.substr(0, tab)] = std::stoul(line.substr(tab + 1));
    }
    return out;
}

fs::path live_generation(const fs::path& db) {
    const stmt::LibraryStore store(db);
    const auto current = store.current_generation();
    if (!current) throw std::runtime_error(db.string() + ": no live generation");
    return store.generations_dir() / *current;
}

void generate(const fs::path& corpus, const char* seed, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {STMT_GEN_CORPUS_PATH, "--count", std::to_string(GENERATED_STATEMENTS), "--seed", seed,
                                     "--out", corpus.string(), "--vocabulary", VOCABULARY_DIR.string(), "-q"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto generated = run_process(argv);
    ASSERT_EQ(generated.exit_code, 0) << generated.output();
}

/// Every shard's table and its export equal the FLAG_SPELLING reference.
void expect_reference_spellings(const fs::path& db, std::size_t shards, const fs::path& scratch) {
    const fs::path generation = live_generation(db);
    for (std::size_t i = 0; i < shards; ++i) {
        const fs::path folder = shards > 1 ? generation / stmt::shard_folder_name(i) : generation;
        const Xapian::Database shard(folder.string());
        const auto expected = reference_spellings(shard, scratch / ("reference-" + std::to_string(i)));
        ASSERT_GT(expected.size(), 100u) << folder;
        EXPECT_EQ(spellings_of(shard), expected) << folder;
        if (shards > 1) {
            EXPECT_EQ(exported_spellings(shard), expected) << folder;
        }
    }
}

TEST(IntegrationSpellingTable, SerialBuildEqualsWordByWordSpelling) {
    const TempDir dir;
    generate(dir / "corpus", "11");
    const auto built = run_process({STMT_INDEXER_PATH, "build", (dir / "corpus").string(), "--db",
                                    (dir / "library.db").string(), "--jobs", "1", "-q"});
    ASSERT_EQ(built.exit_code, 0) << built.output();
    expect_reference_spellings(dir / "library.db", 1, dir.path());
}

TEST(IntegrationSpellingTable, ParallelShardedBuildEqualsWordByWordSpellingPerShard) {
    const TempDir dir;
    generate(dir / "corpus", "12");
    const auto built = run_process({STMT_INDEXER_PATH, "build", (dir / "corpus").string(), "--db",
                                    (dir / "library.db").string(), "--jobs", "3", "--shards", "2", "-q"});
    ASSERT_EQ(built.exit_code, 0) << built.output();
    expect_reference_spellings(dir / "library.db", 2, dir.path());
}

// An update adds the words of new files to the live table (no file is
// changed or removed here, so every word counted is still in a document).
// Each file carries its own metadata, so that any of them can be held back.
TEST(IntegrationSpellingTable, UpdateAddsTheNewFilesWords) {
    const TempDir dir;
    generate(dir / "corpus", "13", {"--formats", "txt", "--metadata", "front_matter"});
    const fs::path texts = dir / "corpus" / "txt";  // where gen_corpus writes the txt format
    std::vector<fs::path> statements;
    for (const auto& entry : fs::directory_iterator(texts))
        if (entry.is_regular_file()) statements.push_back(entry.path().filename());
    std::sort(statements.begin(), statements.end());
    ASSERT_EQ(statements.size(), static_cast<std::size_t>(GENERATED_STATEMENTS));
    fs::create_directory(dir / "held");
    for (std::size_t i = 0; i < statements.size(); i += 3)
        fs::rename(texts / statements[i], dir / "held" / statements[i]);
    const auto built = run_process({STMT_INDEXER_PATH, "build", (dir / "corpus").string(), "--db",
                                    (dir / "library.db").string(), "--jobs", "2", "--shards", "2", "-q"});
    ASSERT_EQ(built.exit_code, 0) << built.output();
    for (std::size_t i = 0; i < statements.size(); i += 3)
        fs::rename(dir / "held" / statements[i], texts / statements[i]);
    const auto updated = run_process({STMT_INDEXER_PATH, "update", (dir / "corpus").string(), "--db",
                                      (dir / "library.db").string(), "--jobs", "2", "-q"});
    ASSERT_EQ(updated.exit_code, 0) << updated.output();
    EXPECT_NE(updated.out.find("added:       " + std::to_string((statements.size() + 2) / 3)), std::string::npos)
        << updated.output();
    expect_reference_spellings(dir / "library.db", 2, dir.path());
}

}  // namespace
}  // namespace stmt_it
