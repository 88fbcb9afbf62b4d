/** @file main.cc
 *  @brief `gen_corpus`: writes a synthetic corpus of statements by fictional
 *  organisations, with the truth the indexer should find in it.
 *
 *  Deterministic: the same options and seed give the same files, byte for
 *  byte. See tools/gen_corpus/README.md.
 */
#include "corpus_writer.h"
#include "organizations.h"
#include "phrase_banks.h"
#include "planner.h"
#include "statement_builder.h"
#include "vocab.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#ifndef GEN_CORPUS_DEFAULT_VOCABULARY
#define GEN_CORPUS_DEFAULT_VOCABULARY "corpus/vocabulary"
#endif

namespace {

namespace fs = std::filesystem;
using namespace gen_corpus;

/// Written into every generated corpus: `--clean` only removes folders that hold it.
constexpr const char* MARKER_FILE = ".gen_corpus";
constexpr std::uint64_t DEFAULT_SEED = 1;

struct Options {
    std::size_t count = 0;
    std::uint64_t seed = DEFAULT_SEED;
    fs::path out;
    fs::path truth;
    fs::path vocabulary = GEN_CORPUS_DEFAULT_VOCABULARY;
    std::vector<std::string> formats = ALL_FORMATS;
    std::vector<std::string> languages = bank_languages();
    std::vector<std::string> metadata = METADATA_SOURCES;
    bool discover_organizations = false;
    bool clean = false;
    bool quiet = false;
};

/// Empties DIR when it is a corpus we generated; refuses any other non-empty folder.
void prepare_output(const Options& o) {
    if (fs::exists(o.out) && !fs::is_empty(o.out)) {
        if (!o.clean)
            throw std::runtime_error(o.out.string() + " is not empty (use --clean to replace a corpus written by gen_corpus)");
        if (!fs::exists(o.out / MARKER_FILE))
            throw std::runtime_error(o.out.string() + " was not written by gen_corpus (no " + MARKER_FILE + "); not removing it");
        fs::remove_all(o.out);
    }
    fs::create_directories(o.out);
    std::ofstream(o.out / MARKER_FILE) << "Synthetic corpus written by tools/gen_corpus; not real statements.\n";
}

void copy_vocabulary(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    for (const auto& entry : fs::directory_iterator(from))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), to / entry.path().filename(), fs::copy_options::overwrite_existing);
}

fs::path default_truth(const fs::path& out) {
    fs::path dir = fs::absolute(out).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    return dir.parent_path() / "truth.jsonl";
}

void print_summary(const Options& o, const std::map<std::string, std::map<std::string, std::size_t>>& counts,
                   std::size_t bytes, double seconds) {
    std::cout << "statements:  " << o.count << "\n"
              << "bytes:       " << bytes << " (" << static_cast<double>(bytes) / 1e6 << " MB)\n"
              << "seconds:     " << seconds << "\n"
              << "corpus:      " << o.out.string() << "\n"
              << "truth:       " << o.truth.string() << "\n";
    if (o.quiet) return;
    for (const auto& [what, values] : counts) {
        std::cout << what << ":";
        for (const auto& [value, n] : values) std::cout << " " << value << "=" << n;
        std::cout << "\n";
    }
}

int run(Options o) {
    const auto started = std::chrono::steady_clock::now();
    if (o.truth.empty()) o.truth = default_truth(o.out);
    Vocab vocab = load_vocab(o.vocabulary);
    Planner planner(vocab, o.languages, o.formats, o.metadata);
    for (const auto& l : planner.left_out_languages())
        std::cerr << "gen_corpus: warning: language '" << l << "' cannot be written in the requested formats; left out\n";
    prepare_output(o);
    const fs::path corpus_vocabulary = o.out / "vocabulary";
    copy_vocabulary(o.vocabulary, corpus_vocabulary);
    const bool registered = !o.discover_organizations;
    if (registered) register_organizations(corpus_vocabulary, vocab);

    Rng plan_rng(o.seed);
    CorpusWriter writer(o.out);
    if (!o.truth.parent_path().empty()) fs::create_directories(o.truth.parent_path());
    std::ofstream truth(o.truth, std::ios::binary | std::ios::trunc);
    if (!truth) throw std::runtime_error(o.truth.string() + ": cannot write");

    std::map<std::string, std::map<std::string, std::size_t>> counts;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < o.count; ++i) {
        Plan plan = planner.next(plan_rng);
        Rng rng(mix_seed(o.seed, i));
        const StatementDraft draft = build_statement(i + 1, std::move(plan), vocab, registered, rng);
        bytes += writer.write(draft);
        truth << truth_of(draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        const auto& p = draft.plan;
        ++counts["language"][p.language];
        ++counts["format"][p.format];
        ++counts["metadata_from"][p.source];
        ++counts["status"][p.status];
        ++counts["dated"][p.date.empty() ? "no" : "yes"];
        if (!draft.header_style.empty()) ++counts["header_style"][draft.header_style];
    }
    writer.finish();
    truth.close();
    if (!truth) throw std::runtime_error(o.truth.string() + ": cannot write");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_summary(o, counts, bytes, seconds);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"gen_corpus: writes a synthetic corpus of NGO statements by fictional organisations, "
                 "with the metadata the indexer should find (--truth). Not real statements."};
    Options o;
    app.add_option("--count", o.count, "Number of statements")->required();
    app.add_option("--seed", o.seed, "Seed: the same seed and options give the same corpus")->capture_default_str();
    app.add_option("--out", o.out, "Corpus folder to write (created; must be empty unless --clean)")->required();
    app.add_option("--truth", o.truth, "JSON Lines truth file (default: DIR/../truth.jsonl, outside the corpus)");
    app.add_option("--vocabulary", o.vocabulary, "Vocabulary folder copied to DIR/vocabulary")
        ->capture_default_str()
        ->check(CLI::ExistingDirectory);
    app.add_option("--formats", o.formats, "Comma-separated formats")
        ->delimiter(',')
        ->check(CLI::IsMember(ALL_FORMATS))
        ->capture_default_str();
    app.add_option("--languages", o.languages, "Comma-separated languages")
        ->delimiter(',')
        ->check(CLI::IsMember(bank_languages()))
        ->capture_default_str();
    app.add_option("--metadata", o.metadata,
                   "Comma-separated metadata sources; shares 3:4:1:1:1 among those given")
        ->delimiter(',')
        ->check(CLI::IsMember(METADATA_SOURCES))
        ->capture_default_str();
    app.add_flag("--discover-organizations", o.discover_organizations,
                 "Do not add the fictional organisations to DIR/vocabulary: the indexer must discover them "
                 "(header styles that name an organisation only by alias are then not used)");
    app.add_flag("--clean", o.clean, "Replace DIR if it holds a corpus written by gen_corpus");
    app.add_flag("-q,--quiet", o.quiet, "Print only the totals");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(std::move(o));
    } catch (const std::exception& e) {
        std::cerr << "gen_corpus: " << e.what() << std::endl;
        return 1;
    }
}
