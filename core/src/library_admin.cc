/** @file library_admin.cc
 *  @brief Compaction with Xapian::Database::compact, and counts read from
 *  the value slots of schema.h.
 */
#include "stmtlib/library_admin.h"

#include "stmtlib/schema.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace stmt {
namespace {

struct Field {
    const char* name;
    schema::ValueSlot slot;
    bool list;  ///< several ids joined with THEME_SEPARATOR
};

constexpr Field STATS_FIELDS[] = {
    {"session", schema::VALUE_SESSION, false},          {"chapter", schema::VALUE_CHAPTER, false},
    {"theme", schema::VALUE_THEMES, true},              {"organization", schema::VALUE_ORGANIZATION, false},
    {"language", schema::VALUE_LANGUAGE, false},
};

std::vector<std::string> values_of(const std::string& raw, bool list) {
    if (!list) return {raw};
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(raw);
    while (std::getline(in, item, schema::THEME_SEPARATOR))
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

Expected<std::filesystem::path> compact_library(const std::filesystem::path& db, const std::filesystem::path& output) {
    const std::filesystem::path temporary = output.string() + ".compacting";
    try {
        Xapian::Database source(db.string());
        std::filesystem::remove(temporary);
        source.compact(temporary.string(), Xapian::DBCOMPACT_SINGLE_FILE);
        std::filesystem::rename(temporary, output);
    } catch (const Xapian::Error& e) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error{ErrorCode::database_unavailable, "cannot compact " + db.string() + ": " + e.get_description(), ""};
    } catch (const std::filesystem::filesystem_error& e) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error{ErrorCode::internal_error, std::string("cannot write the compacted database: ") + e.what(), ""};
    }
    return output;
}

Expected<LibraryStats> library_stats(const std::filesystem::path& db) {
    LibraryStats stats;
    try {
        const Xapian::Database database(db.string());
        // field -> value -> (statement ids, paragraph count)
        std::map<std::string, std::map<std::string, std::pair<std::set<std::string>, std::size_t>>> counts;
        std::set<std::string> statements;
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
            const Xapian::Document doc = database.get_document(*it, Xapian::DOC_ASSUME_VALID);
            const std::string statement = doc.get_value(schema::VALUE_STATEMENT_ID);
            statements.insert(statement);
            ++stats.paragraphs;
            for (const auto& field : STATS_FIELDS)
                for (const auto& value : values_of(doc.get_value(field.slot), field.list)) {
                    auto& [ids, paragraphs] = counts[field.name][value.empty() ? "(none)" : value];
                    ids.insert(statement);
                    ++paragraphs;
                }
        }
        stats.statements = statements.size();
        for (const auto& field : STATS_FIELDS) {
            std::vector<StatsRow> rows;
            for (const auto& [value, count] : counts[field.name]) rows.push_back({value, count.first.size(), count.second});
            std::stable_sort(rows.begin(), rows.end(),
                             [](const StatsRow& a, const StatsRow& b) { return a.statements > b.statements; });
            stats.fields.emplace_back(field.name, std::move(rows));
        }
    } catch (const Xapian::Error& e) {
        return Error{ErrorCode::database_unavailable, "cannot read " + db.string() + ": " + e.get_description(), ""};
    }
    return stats;
}

void to_json(nlohmann::json& j, const LibraryStats& stats) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, rows] : stats.fields) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& row : rows)
            list.push_back({{"id", row.value}, {"statements", row.statements}, {"paragraphs", row.paragraphs}});
        fields[name] = std::move(list);
    }
    j = {{"statements", stats.statements}, {"paragraphs", stats.paragraphs}, {"fields", std::move(fields)}};
}

std::string stats_table(const LibraryStats& stats) {
    std::ostringstream out;
    out << "statements: " << stats.statements << "\nparagraphs: " << stats.paragraphs << "\n";
    for (const auto& [name, rows] : stats.fields) {
        std::size_t width = std::string(name).size();
        for (const auto& row : rows) width = std::max(width, row.value.size());
        out << "\n" << name << std::string(width - std::string(name).size() + 2, ' ') << "statements  paragraphs\n";
        for (const auto& row : rows) {
            const std::string statements = std::to_string(row.statements);
            const std::string paragraphs = std::to_string(row.paragraphs);
            out << row.value << std::string(width - row.value.size() + 2, ' ')
                << std::string(10 - std::min<std::size_t>(10, statements.size()), ' ') << statements << "  "
                << std::string(10 - std::min<std::size_t>(10, paragraphs.size()), ' ') << paragraphs << "\n";
        }
    }
    return out.str();
}

}  // namespace stmt
