/** @file dates.cc
 *  @brief Date recognition over normalised words.
 */
#include "stmtlib/dates.h"

#include "stmtlib/text.h"

#include <array>
#include <cstdio>

namespace stmt::dates {
namespace {

struct MonthName {
    std::string_view name;
    int month;
};

// Month names of the languages statements are written in (normalised:
// lowercase, no accents folded; both accented and plain spellings listed).
constexpr std::array<MonthName, 44> MONTHS = {{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"sept", 9}, {"jan", 1}, {"feb", 2}, {"aug", 8},
}};

int month_of(std::string_view word) {
    for (const auto& m : MONTHS)
        if (m.name == word) return m.month;
    return 0;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::optional<std::string> make_date(int year, int month, int day) {
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return std::string(buffer);
}

std::optional<std::string> find_iso(std::string_view s) {
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        const std::string_view candidate = s.substr(i, 10);
        const bool bounded_left = i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9');
        const bool bounded_right = i + 10 == s.size() || !(s[i + 10] >= '0' && s[i + 10] <= '9');
        if (bounded_left && bounded_right && is_iso_date(candidate)) return std::string(candidate);
    }
    return std::nullopt;
}

}  // namespace

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return false;
    const int year = std::stoi(std::string(s.substr(0, 4)));
    const int month = std::stoi(std::string(s.substr(5, 2)));
    const int day = std::stoi(std::string(s.substr(8, 2)));
    return make_date(year, month, day).has_value();
}

std::optional<std::string> find_date(std::string_view text_value) {
    if (auto iso = find_iso(text_value)) return iso;
    // normalize_for_matching splits "17th" into "17 th"; drop the suffixes.
    std::vector<std::string> w;
    for (auto& word : text::split(text::normalize_for_matching(text_value), ' '))
        if (word != "st" && word != "nd" && word != "rd" && word != "th" && word != "de" && word != "er")
            w.push_back(std::move(word));
    for (std::size_t i = 0; i + 2 < w.size(); ++i) {
        // 17 April 2023
        if (all_digits(w[i]) && w[i].size() <= 2 && month_of(w[i + 1]) && all_digits(w[i + 2]) && w[i + 2].size() == 4)
            if (auto d = make_date(std::stoi(w[i + 2]), month_of(w[i + 1]), std::stoi(w[i]))) return d;
        // April 17, 2023
        if (month_of(w[i]) && all_digits(w[i + 1]) && w[i + 1].size() <= 2 && all_digits(w[i + 2]) && w[i + 2].size() == 4)
            if (auto d = make_date(std::stoi(w[i + 2]), month_of(w[i]), std::stoi(w[i + 1]))) return d;
    }
    return std::nullopt;
}

}  // namespace stmt::dates
