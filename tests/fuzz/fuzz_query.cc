/** @file fuzz_query.cc
 *  @brief Query strings through the whole search path: parameter parsing,
 *  QueryBuilder (Xapian's QueryParser with wildcards, field prefixes,
 *  synonyms, spelling) and the search itself, over a small real database
 *  built once from tests/fixtures/corpus.
 *
 *  The first input byte picks the view, sort and a language filter, so
 *  that every path of the searcher is reached; the rest is the query.
 */
#include "fuzz_support.h"

#include "stmtlib/index_builder.h"
#include "stmtlib/library_reader.h"
#include "stmtlib/searcher.h"

#include <filesystem>
#include <memory>

namespace {

namespace fs = std::filesystem;

fs::path database_dir;
std::unique_ptr<stmt::LibraryReader> reader;
std::unique_ptr<stmt::Searcher> searcher;

void remove_database() {
    std::error_code ec;
    fs::remove_all(database_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string pattern = (fs::temp_directory_path() / "stmt-fuzz-query-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    database_dir = pattern;
    std::atexit(remove_database);
    stmt::BuildOptions options;
    options.corpus = fs::path(STMT_FIXTURES_DIR) / "corpus";
    options.vocabulary = STMT_VOCABULARY_DIR;
    options.db = database_dir / "library";
    const auto built = stmt::build_index(options);
    if (!built || built->statements == 0) {
        std::fprintf(stderr, "fuzz_query: cannot build the fixture database\n");
        std::abort();
    }
    auto opened = stmt::LibraryReader::open(options.db);
    if (!opened) std::abort();
    reader = std::move(*opened);
    searcher = std::make_unique<stmt::Searcher>(*reader);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned choice = data[0];
    stmt::QueryParameters parameters = {{"q", std::string(stmt::fuzz::as_text(data + 1, size - 1))}};
    if (choice & 1) parameters.emplace_back("view", "passages");
    if (choice & 2) parameters.emplace_back("sort", (choice & 4) ? "date" : "-date");
    if (choice & 8) parameters.emplace_back("language", (choice & 16) ? "fr" : "en");
    if (choice & 32) parameters.emplace_back("page", "2");
    const auto request = stmt::parse_search_parameters(parameters);
    if (!request) return 0;
    const auto response = searcher->search(*request);
    // A query may be refused (malformed, unknown field value) but never
    // fail inside: internal errors are bugs.
    if (!response && response.error().code == stmt::ErrorCode::internal_error) std::abort();
    return 0;
}
