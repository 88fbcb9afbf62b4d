/** @file dates.h
 *  @brief Finding calendar dates in statement text.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stmt::dates {

/// The first date in `text`, as YYYY-MM-DD: "2023-04-17", "17 April 2023",
/// "April 17, 2023", "17 avril 2023", "17 de abril de 2023".
std::optional<std::string> find_date(std::string_view text);

/// True for a valid calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);

}  // namespace stmt::dates
