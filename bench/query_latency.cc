/** @file query_latency.cc
 *  @brief In-process query latency over bench/queries.tsv: stmt::Searcher
 *  (snippets and exact facet counts, as /api/search answers), Xapian over
 *  omindex's database (the core of what omega does per query) and SQLite
 *  FTS5 (bm25, snippet, count), interleaved query by query, each engine's
 *  p50/p95/p99 reported as counters ("ENGINE:p50_ms").
 */
#include "stmtlib/library_reader.h"
#include "stmtlib/search_request.h"
#include "stmtlib/searcher.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// Each query is asked this many times per engine unless --rounds says otherwise.
constexpr int DEFAULT_ROUNDS = 3;
/// Results per page, as the API's default.
constexpr unsigned TOP_K = 10;

struct Query {
    std::string kind, view, q;
    stmt::QueryParameters params;
};

std::string url_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

std::vector<Query> load_queries(const std::string& path) {
    std::vector<Query> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream row(line);
        for (std::string col; std::getline(row, col, '\t');) cols.push_back(col);
        if (cols.size() != 4) continue;
        Query query{cols[0], cols[1], cols[2], {}};
        std::stringstream params(cols[3]);
        for (std::string pair; std::getline(params, pair, '&');) {
            const auto eq = pair.find('=');
            query.params.emplace_back(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
        }
        out.push_back(std::move(query));
    }
    return out;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(index, v.size() - 1)];
}

/// Latencies of one engine, in milliseconds, overall and by kind of query.
struct Timings {
    std::vector<double> all;
    std::map<std::string, std::vector<double>> by_kind;
    std::size_t errors = 0;
    void add(const Query& query, double ms) {
        all.push_back(ms);
        by_kind[query.kind].push_back(ms);
    }
};

/// An engine answers one query and adds its time(s) to the timings.
using Engine = std::function<void(const Query&, std::map<std::string, Timings>&)>;

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// One query per iteration, asked of every engine in turn, the first engine
/// rotating: on a shared, noisy machine each engine sees the same moments.
void side_by_side(benchmark::State& state, const std::vector<Query>& queries, const std::vector<Engine>& engines) {
    std::map<std::string, Timings> timings;
    std::size_t i = 0;
    for (auto _ : state) {
        const Query& query = queries[i % queries.size()];
        for (std::size_t k = 0; k < engines.size(); ++k) engines[(i + k) % engines.size()](query, timings);
        ++i;
    }
    for (const auto& [engine, t] : timings) {
        state.counters[engine + ":p50_ms"] = percentile(t.all, 0.50);
        state.counters[engine + ":p95_ms"] = percentile(t.all, 0.95);
        state.counters[engine + ":p99_ms"] = percentile(t.all, 0.99);
        state.counters[engine + ":errors"] = static_cast<double>(t.errors);
        for (const auto& [kind, times] : t.by_kind) {
            state.counters[engine + ":p50_ms_" + kind] = percentile(times, 0.50);
            state.counters[engine + ":p99_ms_" + kind] = percentile(times, 0.99);
        }
    }
}

/// Omega's query path reduced to its work: parse with omindex's stemmer,
/// rank the top 10 (AND of the words, as our API), a snippet of each
/// stored sample.
class OmindexEngine {
public:
    explicit OmindexEngine(const std::string& path) : db_(path), stemmer_("english") {
        parser_.set_database(db_);
        parser_.set_stemmer(stemmer_);
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_AND);
    }
    bool ask(const std::string& q) {
        try {
            const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
                                   Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE;
            Xapian::Enquire enquire(db_);
            enquire.set_query(parser_.parse_query(q, flags));
            const Xapian::MSet mset = enquire.get_mset(0, TOP_K);
            std::size_t bytes = 0;
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                const std::string data = it.get_document().get_data();
                const auto at = data.find("sample=");
                const std::string sample = at == std::string::npos ? data : data.substr(at + 7);
                bytes += mset.snippet(sample.substr(0, sample.find('\n')), 200, stemmer_).size();
            }
            benchmark::DoNotOptimize(bytes + mset.get_matches_estimated());
            return true;
        } catch (const Xapian::Error&) {
            return false;
        }
    }

private:
    Xapian::Database db_;
    Xapian::Stem stemmer_;
    Xapian::QueryParser parser_;
};

/// What an FTS5 user does for a results page: top 10 by bm25 with a
/// snippet, and a count for the total.
class Fts5Engine {
public:
    explicit Fts5Engine(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        sqlite3_prepare_v2(db_,
                           "SELECT file, n, snippet(paragraphs, 2, '<mark>', '</mark>', '...', 24) "
                           "FROM paragraphs WHERE paragraphs MATCH ?1 ORDER BY rank LIMIT 10",
                           -1, &top_, nullptr);
        sqlite3_prepare_v2(db_, "SELECT count(*) FROM paragraphs WHERE paragraphs MATCH ?1", -1, &count_, nullptr);
    }
    ~Fts5Engine() {
        sqlite3_finalize(top_);
        sqlite3_finalize(count_);
        sqlite3_close(db_);
    }
    Fts5Engine(const Fts5Engine&) = delete;
    Fts5Engine& operator=(const Fts5Engine&) = delete;

    bool ask(const std::string& q) {
        std::size_t bytes = 0;
        bool ok = true;
        for (sqlite3_stmt* statement : {top_, count_}) {
            sqlite3_bind_text(statement, 1, q.c_str(), -1, SQLITE_TRANSIENT);
            int rc;
            while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
                bytes += static_cast<std::size_t>(sqlite3_column_bytes(statement, 0));
            ok = ok && rc == SQLITE_DONE;
            sqlite3_reset(statement);
        }
        benchmark::DoNotOptimize(bytes);
        return ok;
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* top_ = nullptr;
    sqlite3_stmt* count_ = nullptr;
};

struct Options {
    std::string db, omindex, fts5, queries = "bench/queries.tsv";
    int rounds = DEFAULT_ROUNDS;
};

/// Takes our options out of argv, leaving Google Benchmark's.
Options take_options(int& argc, char** argv) {
    Options o;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* name, std::string& into) {
            const std::string prefix = std::string(name) + "=";
            if (arg.rfind(prefix, 0) != 0) return false;
            into = arg.substr(prefix.size());
            return true;
        };
        std::string rounds;
        if (value("--db", o.db) || value("--omindex", o.omindex) || value("--fts5", o.fts5) ||
            value("--queries", o.queries))
            continue;
        if (value("--rounds", rounds)) {
            o.rounds = std::stoi(rounds);
            continue;
        }
        argv[kept++] = argv[i];
    }
    argc = kept;
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = take_options(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (options.db.empty() || benchmark::ReportUnrecognizedArguments(argc, argv)) {
        std::cerr << "usage: query_latency --db=STUB [--omindex=DIR] [--fts5=FILE] [--queries=TSV] "
                     "[--rounds=N] [benchmark flags]\n";
        return 2;
    }
    const auto queries = load_queries(options.queries);
    if (queries.empty()) {
        std::cerr << "query_latency: no queries in " << options.queries << "\n";
        return 1;
    }
    const auto iterations = static_cast<benchmark::IterationCount>(queries.size()) * options.rounds;

    auto reader = stmt::LibraryReader::open(options.db);
    if (!reader) {
        std::cerr << "query_latency: " << reader.error().message << "\n";
        return 1;
    }
    stmt::Searcher searcher(**reader);
    std::vector<Engine> engines;
    // Ours, as /api/search: the search alone, and with the JSON the handler writes.
    engines.push_back([&](const Query& query, std::map<std::string, Timings>& t) {
        const auto start = std::chrono::steady_clock::now();
        auto request = stmt::parse_search_parameters(query.params);
        auto response = request ? searcher.search(*request) : stmt::Expected<stmt::SearchResponse>(request.error());
        const double searched = since(start);
        if (response) benchmark::DoNotOptimize(nlohmann::json(*response).dump().size());
        t["ours/search"].add(query, searched);
        t["ours/search+json"].add(query, since(start));
        if (!response) ++t["ours/search"].errors, ++t["ours/search+json"].errors;
    });
    std::unique_ptr<OmindexEngine> omindex;
    if (!options.omindex.empty()) {
        omindex = std::make_unique<OmindexEngine>(options.omindex);
        engines.push_back([&](const Query& query, std::map<std::string, Timings>& t) {
            const auto start = std::chrono::steady_clock::now();
            const bool ok = omindex->ask(query.q);
            auto& mine = t["omindex_xapian/top10+snippet"];
            mine.add(query, since(start));
            if (!ok) ++mine.errors;
        });
    }
    std::unique_ptr<Fts5Engine> fts5;
    if (!options.fts5.empty()) {
        fts5 = std::make_unique<Fts5Engine>(options.fts5);
        engines.push_back([&](const Query& query, std::map<std::string, Timings>& t) {
            const auto start = std::chrono::steady_clock::now();
            const bool ok = fts5->ask(query.q);
            auto& mine = t["sqlite_fts5/top10+snippet+count"];
            mine.add(query, since(start));
            if (!ok) ++mine.errors;
        });
    }
    benchmark::RegisterBenchmark("side_by_side", [&](benchmark::State& s) { side_by_side(s, queries, engines); })
        ->Iterations(iterations)
        ->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
