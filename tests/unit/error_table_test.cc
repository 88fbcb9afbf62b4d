/** @file error_table_test.cc
 *  @brief The error table of docs/api.md and the one of
 *  searchd/error_status.cc list the same codes with the same statuses.
 */
#include "error_status.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

/// code -> status from the rows "| `code` | status | when |" under "## Errors".
std::map<std::string, int> documented_errors() {
    std::ifstream in(std::string(STMT_SOURCE_DIR) + "/docs/api.md");
    std::string line;
    bool in_errors = false;
    std::map<std::string, int> table;
    static const std::regex ROW(R"(^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|)");
    while (std::getline(in, line)) {
        if (line.starts_with("## ")) in_errors = line == "## Errors";
        std::smatch m;
        if (in_errors && std::regex_search(line, m, ROW)) table[m[1].str()] = std::stoi(m[2].str());
    }
    return table;
}

TEST(ErrorTable, DocsListEveryCodeWithTheStatusSearchdSends) {
    const auto documented = documented_errors();
    ASSERT_FALSE(documented.empty()) << "no error table found under '## Errors' in docs/api.md";
    std::map<std::string, int> code_table;
    for (const auto code : stmt::ALL_ERROR_CODES)
        code_table[std::string(stmt::to_string(code))] = searchd::http_status(code);
    EXPECT_EQ(documented, code_table);
}

}  // namespace
