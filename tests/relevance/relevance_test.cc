/** @file relevance_test.cc
 *  @brief Ranking quality measured on a synthetic corpus with graded
 *  judgments: the real indexer builds tests/relevance/corpus, the real
 *  searchd answers every query of tests/relevance/judgments.json in the
 *  passages view, and nDCG@10 and MRR must stay above the floors below.
 *
 *  Figures, floors, how to rerun and the weak queries: docs/relevance.md.
 *  Built into integration_tests (tests/CMakeLists.txt); run alone with
 *  `build/.../tests/integration_tests --gtest_filter='Relevance*'`.
 */
#include "../integration/server_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace stmt_it {
namespace {

using nlohmann::json;

const fs::path RELEVANCE_DIR{STMT_RELEVANCE_DIR};
const fs::path RELEVANCE_CORPUS = RELEVANCE_DIR / "corpus";
const fs::path JUDGMENTS_FILE = RELEVANCE_DIR / "judgments.json";

/// Results per query that count, and the page size asked for.
constexpr std::size_t CUTOFF = 10;
/// A result of this grade or more is "relevant" for MRR.
constexpr int MRR_RELEVANT_GRADE = 2;
constexpr int MAX_GRADE = 3;
/// Floors: the first honest run's figures rounded down to the next 0.05
/// (docs/relevance.md). Raise them when ranking improves; never lower them
/// to make a regression pass.
constexpr double NDCG_FLOOR = 0.65;
constexpr double MRR_FLOOR = 0.90;
/// The corpus size the README promises.
constexpr std::size_t MIN_STATEMENTS = 30;
constexpr std::size_t MAX_STATEMENTS = 40;

struct Judged {
    std::string query;
    json filters;                      ///< field -> list of values
    std::map<std::string, int> grades;  ///< "statement-id#n" -> 0..3
};

std::vector<Judged> load_judgments() {
    const json all = json::parse(read_file(JUDGMENTS_FILE));
    std::vector<Judged> out;
    for (const auto& entry : all) {
        Judged j{entry.at("query").get<std::string>(), entry.value("filters", json::object()), {}};
        for (const auto& [passage, grade] : entry.at("judgments").items()) j.grades[passage] = grade.get<int>();
        out.push_back(std::move(j));
    }
    return out;
}

/// Gain of a grade: 2^grade - 1, so a 3 is worth much more than a 1.
double gain(int grade) { return std::pow(2.0, grade) - 1.0; }
double discount(std::size_t rank) { return std::log2(static_cast<double>(rank) + 1.0); }  // rank from 1

double dcg(const std::vector<int>& grades) {
    double sum = 0;
    for (std::size_t i = 0; i < grades.size() && i < CUTOFF; ++i) sum += gain(grades[i]) / discount(i + 1);
    return sum;
}

struct QueryFigures {
    std::string query;
    double ndcg = 0;
    double reciprocal_rank = 0;
    std::size_t first_relevant = 0;  ///< rank of the first grade >= 2 result, 0: none in the top 10
    std::size_t returned = 0;
    std::size_t judged_relevant = 0;  ///< judged passages with grade >= 2
    std::string matching;
};

/// The corpus indexed into a temp folder with a searchd on it, shared by the suite.
class Relevance : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const fs::path db = dir_->path() / "db";
        const ProcessResult built = run_indexer(RELEVANCE_CORPUS, db);
        ASSERT_EQ(built.exit_code, 0) << built.output();
        server_ = std::make_unique<Server>(db);
    }
    static void TearDownTestSuite() {
        server_.reset();
        dir_.reset();
    }
    void SetUp() override { ASSERT_TRUE(server_) << "the relevance corpus could not be indexed or served"; }
    static Server& server() { return *server_; }

    static QueryFigures measure(const Judged& j) {
        Params params = {{"q", j.query}, {"view", "passages"}, {"per_page", std::to_string(CUTOFF)}};
        for (const auto& [field, values] : j.filters.items()) {
            if (values.is_string()) params.emplace_back(field, values.get<std::string>());
            else
                for (const auto& v : values) params.emplace_back(field, v.get<std::string>());
        }
        const json response = server().get_json(search_path(params));
        QueryFigures f;
        f.query = j.query + (j.filters.empty() ? "" : " " + j.filters.dump());
        f.matching = response.value("matching", "");
        std::vector<int> grades;
        for (const auto& hit : response.value("results", json::array())) {
            const std::string id =
                hit.at("statement_id").get<std::string>() + "#" + std::to_string(hit.at("paragraph").get<int>());
            const auto it = j.grades.find(id);
            grades.push_back(it == j.grades.end() ? 0 : it->second);  // unjudged counts as not relevant
        }
        f.returned = grades.size();
        std::vector<int> ideal;
        for (const auto& [passage, grade] : j.grades) ideal.push_back(grade);
        std::sort(ideal.begin(), ideal.end(), std::greater<>());
        const double ideal_dcg = dcg(ideal);
        f.ndcg = ideal_dcg > 0 ? dcg(grades) / ideal_dcg : 0;
        for (std::size_t i = 0; i < grades.size() && i < CUTOFF; ++i)
            if (grades[i] >= MRR_RELEVANT_GRADE) {
                f.first_relevant = i + 1;
                f.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
                break;
            }
        f.judged_relevant = static_cast<std::size_t>(
            std::count_if(ideal.begin(), ideal.end(), [](int g) { return g >= MRR_RELEVANT_GRADE; }));
        return f;
    }

private:
    static inline std::unique_ptr<TempDir> dir_;
    static inline std::unique_ptr<Server> server_;
};

TEST_F(Relevance, CorpusIsTheSyntheticOneDescribed) {
    std::size_t statements = 0;
    for (const auto& entry : fs::directory_iterator(RELEVANCE_CORPUS)) {
        if (!entry.is_regular_file()) continue;
        ++statements;
        const std::string text = read_file(entry.path());
        SCOPED_TRACE(entry.path().filename().string());
        EXPECT_TRUE(text.starts_with("---\n# SYNTHETIC RELEVANCE FIXTURE")) << "front matter with the synthetic note first";
        for (const char* key : {"\ntitle: ", "\norganization: ", "\nsession: ", "\nchapter: ", "\ndate: ",
                                "\nlanguage: en\n", "\nstatus: "})
            EXPECT_NE(text.find(key), std::string::npos) << key;
    }
    EXPECT_GE(statements, MIN_STATEMENTS);
    EXPECT_LE(statements, MAX_STATEMENTS);
    const json health = server().get_json("/api/health");
    EXPECT_EQ(health.at("statements"), statements);
}

TEST_F(Relevance, JudgmentsAreWellFormedAndNameExistingPassages) {
    const auto judgments = load_judgments();
    EXPECT_GE(judgments.size(), 40u);
    std::map<std::string, std::size_t> paragraphs;  // statement id -> its paragraph count
    std::set<std::string> queries;
    for (const auto& j : judgments) {
        SCOPED_TRACE(j.query);
        EXPECT_TRUE(queries.insert(j.query + j.filters.dump()).second) << "query judged twice";
        EXPECT_TRUE(std::any_of(j.grades.begin(), j.grades.end(), [](const auto& g) { return g.second >= MRR_RELEVANT_GRADE; }))
            << "a query needs at least one relevant passage";
        for (const auto& [passage, grade] : j.grades) {
            EXPECT_GE(grade, 0);
            EXPECT_LE(grade, MAX_GRADE);
            const auto hash = passage.find('#');
            ASSERT_NE(hash, std::string::npos) << passage;
            const std::string id = passage.substr(0, hash);
            const int n = std::stoi(passage.substr(hash + 1));
            if (!paragraphs.count(id))
                paragraphs[id] = server().get_json("/api/statements/" + id).value("paragraphs", json::array()).size();
            EXPECT_GE(n, 1) << passage;
            EXPECT_LE(static_cast<std::size_t>(n), paragraphs[id]) << passage << ": no such paragraph";
        }
    }
}

TEST_F(Relevance, NdcgAndMrrStayAboveTheirFloors) {
    const auto judgments = load_judgments();
    ASSERT_FALSE(judgments.empty());
    std::vector<QueryFigures> figures;
    for (const auto& j : judgments) figures.push_back(measure(j));

    double ndcg_sum = 0, rr_sum = 0;
    std::printf("\n%-70s %7s %6s %5s %4s %s\n", "query", "nDCG10", "RR", "first", "hits", "matching");
    for (const auto& f : figures) {
        ndcg_sum += f.ndcg;
        rr_sum += f.reciprocal_rank;
        std::printf("%-70s %7.3f %6.3f %5zu %4zu %s\n", f.query.substr(0, 70).c_str(), f.ndcg, f.reciprocal_rank,
                    f.first_relevant, f.returned, f.matching.c_str());
    }
    const double n = static_cast<double>(figures.size());
    const double mean_ndcg = ndcg_sum / n, mrr = rr_sum / n;
    std::printf("\nqueries: %zu  mean nDCG@%zu: %.4f (floor %.2f)  MRR@%zu: %.4f (floor %.2f)\n\n", figures.size(), CUTOFF,
                mean_ndcg, NDCG_FLOOR, CUTOFF, mrr, MRR_FLOOR);
    RecordProperty("ndcg_at_10", std::to_string(mean_ndcg));
    RecordProperty("mrr", std::to_string(mrr));

    EXPECT_GE(mean_ndcg, NDCG_FLOOR) << "mean nDCG@10 fell below its floor";
    EXPECT_GE(mrr, MRR_FLOOR) << "MRR fell below its floor";
}

}  // namespace
}  // namespace stmt_it
