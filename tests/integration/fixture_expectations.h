/** @file fixture_expectations.h
 *  @brief tests/fixtures/EXPECTED.md as test data: what each fixture file
 *  was written to produce. Kept by hand on purpose: the tests compare the
 *  product against this table, never against the product's own output.
 */
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace stmt_it {

struct ExpectedStatement {
    std::string_view id;  ///< the file name without extension
    std::string_view file;
    std::string_view session;
    std::string_view chapter;
    std::string_view organization;  ///< label, as in EXPECTED.md
    std::string_view status;
    std::string_view date;  ///< empty when the file gives none
    int paragraphs;         ///< numbered body paragraphs
    std::vector<std::string_view> themes;  ///< the intended themes
};

inline const std::vector<ExpectedStatement>& expected_statements() {
    static const std::vector<ExpectedStatement> table = {
        {"seed-alliance-ahc5", "seed-alliance-ahc5.txt", "ahc-5", "international-cooperation",
         "Alliance of NGOs on Crime Prevention and Criminal Justice", "draft", "", 9,
         {"civil-society-participation", "technical-assistance", "human-rights-safeguards", "gender",
          "victims-witnesses", "existing-instruments"}},
        {"northwind-ahc2-procedural-measures", "northwind-ahc2-procedural-measures.txt", "ahc-2",
         "procedural-measures-and-law-enforcement", "Northwind Digital Rights Collective", "written", "2022-06-02", 5,
         {"privacy-data-protection", "human-rights-safeguards", "procedural-powers"}},
        {"openborders-ahc3-international-cooperation", "openborders-ahc3-international-cooperation.txt", "ahc-3",
         "international-cooperation", "Open Borders Research Institute", "draft", "2022-09-01", 5,
         {"international-cooperation", "human-rights-safeguards", "freedom-of-expression"}},
        {"meridian-ahc5-implementation-mechanism", "meridian-ahc5-implementation-mechanism.md", "ahc-5",
         "mechanism-of-implementation", "Meridian Women in Tech Forum", "oral", "2023-04-18", 5,
         {"gender", "implementation-mechanism", "victims-witnesses"}},
        {"riverside-ahc4-criminalization", "riverside-ahc4-criminalization.txt", "ahc-4", "criminalization",
         "Riverside Child Safety Coalition", "final", "2023-01-16", 5, {"child-protection", "criminalization-offences"}},
        {"coastal-concluding-final-provisions", "coastal-concluding-final-provisions.txt", "ahc-concluding",
         "final-provisions", "Coastal Legal Aid Network", "written", "2024-02-05", 5,
         {"implementation-mechanism", "existing-instruments"}},
        {"northwind-ahc4-criminalization", "northwind-ahc4-criminalization.txt", "ahc-4", "criminalization",
         "Northwind Digital Rights Collective", "final", "", 6,
         {"security-research", "criminalization-offences", "human-rights-safeguards", "freedom-of-expression"}},
        {"coastal-ahc6-procedural-measures", "coastal-ahc6-procedural-measures.txt", "ahc-6",
         "procedural-measures-and-law-enforcement", "Coastal Legal Aid Network", "oral", "", 5,
         {"procedural-powers", "human-rights-safeguards", "privacy-data-protection"}},
        {"meridian-ahc8-technical-assistance", "meridian-ahc8-technical-assistance.md", "ahc-concluding-resumed",
         "technical-assistance-and-information-exchange", "Meridian Women in Tech Forum", "written", "", 6,
         {"technical-assistance", "gender"}},
        {"openborders-2023-01-12-general-provisions", "openborders-2023-01-12-general-provisions.txt", "ahc-4",
         "general-provisions", "Open Borders Research Institute", "oral", "2023-01-12", 6,
         {"scope-definitions", "human-rights-safeguards", "freedom-of-expression"}},
        {"riverside-ahc1-opening", "riverside-ahc1-opening.txt", "ahc-1", "general", "Riverside Child Safety Coalition",
         "final", "", 6, {"child-protection", "victims-witnesses", "civil-society-participation"}},
        {"coastal-ahc5-international-cooperation", "coastal-ahc5-international-cooperation.txt", "ahc-5",
         "international-cooperation", "Coastal Legal Aid Network", "final", "", 5,
         {"international-cooperation", "human-rights-safeguards"}},
        {"riverside-concluding-prevention", "riverside-concluding-prevention.txt", "ahc-concluding",
         "preventive-measures", "Riverside Child Safety Coalition", "draft", "", 5, {"prevention", "child-protection"}},
    };
    return table;
}

inline constexpr int EXPECTED_STATEMENT_COUNT = 13;
inline constexpr int EXPECTED_PARAGRAPH_COUNT = 73;  // 9+5+5+5+5+5+6+5+6+6+6+5+5

/// Sessions with fixtures, in chronological order, with their start dates
/// (corpus/vocabulary/sessions.yaml).
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 8> SESSION_STARTS = {{
    {"ahc-1", "2022-02-28"},
    {"ahc-2", "2022-05-30"},
    {"ahc-3", "2022-08-29"},
    {"ahc-4", "2023-01-09"},
    {"ahc-5", "2023-04-11"},
    {"ahc-6", "2023-08-21"},
    {"ahc-concluding", "2024-01-29"},
    {"ahc-concluding-resumed", "2024-07-29"},
}};

/// The date a statement is sorted and date-filtered by: its own date, else
/// the start of its session (the schema's documented "sort date"), so that
/// undated statements still fall in the right place on a timeline.
inline std::string effective_date(const ExpectedStatement& s) {
    if (!s.date.empty()) return std::string(s.date);
    for (const auto& [session, start] : SESSION_STARTS)
        if (session == s.session) return std::string(start);
    return {};
}

inline const ExpectedStatement* expected_statement(std::string_view id) {
    const auto& table = expected_statements();
    const auto it = std::find_if(table.begin(), table.end(), [&](const auto& s) { return s.id == id; });
    return it == table.end() ? nullptr : &*it;
}

/// Ids of the fixtures a predicate selects, sorted.
template <typename Predicate>
std::vector<std::string> expected_ids(Predicate select) {
    std::vector<std::string> ids;
    for (const auto& s : expected_statements())
        if (select(s)) ids.emplace_back(s.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace stmt_it
