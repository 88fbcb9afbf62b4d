/** @file dates_test.cc
 *  @brief stmt::dates: finding dates in header text, checking ISO dates.
 */
#include "stmtlib/dates.h"

#include <gtest/gtest.h>

namespace stmt::dates {
namespace {

TEST(FindDate, DayMonthYear) {
    EXPECT_EQ(find_date("17 April 2023"), "2023-04-17");
    EXPECT_EQ(find_date("Vienna, 12 January 2023"), "2023-01-12");
    EXPECT_EQ(find_date("1 March 2024"), "2024-03-01");
}

TEST(FindDate, MonthDayCommaYear) {
    EXPECT_EQ(find_date("April 17, 2023"), "2023-04-17");
    EXPECT_EQ(find_date("New York, August 2, 2024"), "2024-08-02");
}

TEST(FindDate, IsoDate) {
    EXPECT_EQ(find_date("2023-04-17"), "2023-04-17");
    EXPECT_EQ(find_date("Submitted on 2023-04-17 to the Secretariat"), "2023-04-17");
}

TEST(FindDate, OrdinalSuffix) {
    EXPECT_EQ(find_date("17th April 2023"), "2023-04-17");
    EXPECT_EQ(find_date("1st March 2024"), "2024-03-01");
    EXPECT_EQ(find_date("April 22nd, 2023"), "2023-04-22");
}

TEST(FindDate, French) {
    EXPECT_EQ(find_date("17 avril 2023"), "2023-04-17");
    EXPECT_EQ(find_date("Vienne, le 1er février 2024"), "2024-02-01");
    EXPECT_EQ(find_date("5 août 2022"), "2022-08-05");
}

TEST(FindDate, Spanish) {
    EXPECT_EQ(find_date("17 de abril de 2023"), "2023-04-17");
    EXPECT_EQ(find_date("Nueva York, 9 de septiembre de 2022"), "2022-09-09");
}

TEST(FindDate, FirstDateWins) {
    EXPECT_EQ(find_date("Delivered 18 April 2023, revised 20 April 2023"), "2023-04-18");
}

TEST(FindDate, InvalidCalendarDatesAreRejected) {
    EXPECT_EQ(find_date("31 February 2023"), std::nullopt);
    EXPECT_EQ(find_date("February 30, 2024"), std::nullopt);
    EXPECT_EQ(find_date("2023-02-31"), std::nullopt);
    EXPECT_EQ(find_date("2023-13-01"), std::nullopt);
    EXPECT_EQ(find_date("29 February 2023"), std::nullopt);
    EXPECT_EQ(find_date("29 February 2024"), "2024-02-29");
}

TEST(FindDate, NoDate) {
    EXPECT_EQ(find_date(""), std::nullopt);
    EXPECT_EQ(find_date("ALLIANCE DRAFT STATEMENT FOR AHC 5"), std::nullopt);
    EXPECT_EQ(find_date("April 2023"), std::nullopt);          // no day
    EXPECT_EQ(find_date("17 April 23"), std::nullopt);         // two-digit year
    EXPECT_EQ(find_date("Chapter 5 March 12"), std::nullopt);  // no year
    EXPECT_EQ(find_date("12023-04-17"), std::nullopt);         // not bounded by non-digits
}

TEST(IsIsoDate, ValidDates) {
    EXPECT_TRUE(is_iso_date("2023-04-17"));
    EXPECT_TRUE(is_iso_date("2024-02-29"));
    EXPECT_TRUE(is_iso_date("2000-02-29"));
    EXPECT_TRUE(is_iso_date("2023-12-31"));
}

TEST(IsIsoDate, InvalidDates) {
    EXPECT_FALSE(is_iso_date(""));
    EXPECT_FALSE(is_iso_date("2023-02-29"));
    EXPECT_FALSE(is_iso_date("1900-02-29"));
    EXPECT_FALSE(is_iso_date("2023-04-31"));
    EXPECT_FALSE(is_iso_date("2023-13-01"));
    EXPECT_FALSE(is_iso_date("2023-00-10"));
    EXPECT_FALSE(is_iso_date("2023-04-00"));
    EXPECT_FALSE(is_iso_date("2023-4-17"));
    EXPECT_FALSE(is_iso_date("2023/04/17"));
    EXPECT_FALSE(is_iso_date("17-04-2023"));
    EXPECT_FALSE(is_iso_date(" 2023-04-17"));
    EXPECT_FALSE(is_iso_date("2023-04-17T10:00"));
    EXPECT_FALSE(is_iso_date("abcd-ef-gh"));
    EXPECT_FALSE(is_iso_date("2023-+4-17"));
}

}  // namespace
}  // namespace stmt::dates
