/** @file facet_table.cc
 *  @brief Building the in-memory facet table and counting with it.
 */
#include "stmtlib/facet_table.h"

#include "stmtlib/schema.h"
#include "stmtlib/text.h"

#include <algorithm>
#include <unordered_map>

namespace stmt {
namespace {

constexpr std::array<Xapian::valueno, STATEMENT_FIELD_COUNT> FIELD_SLOTS = {
    schema::VALUE_SESSION, schema::VALUE_CHAPTER, schema::VALUE_ORGANIZATION, schema::VALUE_LANGUAGE,
    schema::VALUE_STATUS};

/// Interns strings as small codes.
class Interner {
public:
    std::uint16_t code(const std::string& s, std::vector<std::string>& values) {
        if (s.empty()) return FacetTable::NO_VALUE;
        auto [it, inserted] = codes_.try_emplace(s, static_cast<std::uint16_t>(values.size()));
        if (inserted) values.push_back(s);
        return it->second;
    }

private:
    std::unordered_map<std::string, std::uint16_t> codes_;
};

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db, const Vocabulary& vocabulary) {
    for (std::size_t i = 0; i < vocabulary.themes.size() && i < MAX_THEMES; ++i)
        theme_ids_.push_back(vocabulary.themes[i].id);
    const Xapian::docid last = db.get_lastdocid();
    statement_by_doc_.assign(last + 1, NO_STATEMENT);
    themes_by_doc_.assign(last + 1, 0);

    std::unordered_map<std::string, std::uint32_t> statement_codes;
    for (auto it = db.valuestream_begin(schema::VALUE_STATEMENT_ID); it != db.valuestream_end(schema::VALUE_STATEMENT_ID); ++it) {
        auto [entry, inserted] = statement_codes.try_emplace(*it, static_cast<std::uint32_t>(statement_ids_.size()));
        if (inserted) statement_ids_.push_back(*it);
        statement_by_doc_[it.get_docid()] = entry->second;
    }
    for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f) {
        Interner interner;
        codes_[f].assign(statement_ids_.size(), NO_VALUE);
        for (auto it = db.valuestream_begin(FIELD_SLOTS[f]); it != db.valuestream_end(FIELD_SLOTS[f]); ++it) {
            const std::uint32_t statement = statement_by_doc_[it.get_docid()];
            if (statement != NO_STATEMENT) codes_[f][statement] = interner.code(*it, values_[f]);
        }
    }
    std::unordered_map<std::string, std::size_t> theme_bits;
    for (std::size_t i = 0; i < theme_ids_.size(); ++i) theme_bits[theme_ids_[i]] = i;
    for (auto it = db.valuestream_begin(schema::VALUE_THEMES); it != db.valuestream_end(schema::VALUE_THEMES); ++it) {
        std::uint64_t mask = 0;
        for (const auto& id : text::split(*it, schema::THEME_SEPARATOR)) {
            const auto bit = theme_bits.find(id);
            if (bit != theme_bits.end()) mask |= std::uint64_t{1} << bit->second;
        }
        themes_by_doc_[it.get_docid()] = mask;
    }
}

std::uint32_t FacetTable::statement_of(Xapian::docid docid) const {
    return docid < statement_by_doc_.size() ? statement_by_doc_[docid] : NO_STATEMENT;
}

std::uint64_t FacetTable::themes_of(Xapian::docid docid) const {
    return docid < themes_by_doc_.size() ? themes_by_doc_[docid] : 0;
}

std::uint16_t FacetTable::value_of(std::uint32_t statement, StatementField field) const {
    return codes_[static_cast<std::size_t>(field)][statement];
}

const std::vector<std::string>& FacetTable::values(StatementField field) const {
    return values_[static_cast<std::size_t>(field)];
}

FacetCountingSpy::FacetCountingSpy(const FacetTable& table, bool count_statements, bool count_session_organizations)
    : table_(table), count_statements_(count_statements), count_session_organizations_(count_session_organizations) {
    for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f)
        counts_.fields[f].assign(table.values(static_cast<StatementField>(f)).size(), 0);
    counts_.themes.assign(table.theme_ids().size(), 0);
    if (count_statements_) {
        themes_by_statement_.assign(table.statement_count(), 0);
        statement_seen_.assign(table.statement_count(), false);
    }
}

void FacetCountingSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid docid = doc.get_docid();
    const std::uint32_t statement = table_.statement_of(docid);
    if (statement == FacetTable::NO_STATEMENT) return;
    if (count_statements_) {
        if (!statement_seen_[statement]) {
            statement_seen_[statement] = true;
            statements_.push_back(statement);
        }
        themes_by_statement_[statement] |= table_.themes_of(docid);
    } else {
        add(statement, table_.themes_of(docid));
    }
}

void FacetCountingSpy::add(std::uint32_t statement, std::uint64_t themes) {
    ++counts_.total;
    for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f) {
        const std::uint16_t code = table_.value_of(statement, static_cast<StatementField>(f));
        if (code != FacetTable::NO_VALUE) ++counts_.fields[f][code];
    }
    for (std::size_t bit = 0; themes && bit < counts_.themes.size(); ++bit)
        if (themes & (std::uint64_t{1} << bit)) ++counts_.themes[bit];
    if (count_session_organizations_) {
        const std::uint32_t session = table_.value_of(statement, StatementField::session);
        const std::uint32_t organization = table_.value_of(statement, StatementField::organization);
        if (session != FacetTable::NO_VALUE && organization != FacetTable::NO_VALUE)
            session_organization_pairs_.push_back(session << 16 | organization);
    }
}

FacetCounts FacetCountingSpy::counts() {
    for (const std::uint32_t statement : statements_) add(statement, themes_by_statement_[statement]);
    statements_.clear();
    if (count_session_organizations_) {
        std::sort(session_organization_pairs_.begin(), session_organization_pairs_.end());
        session_organization_pairs_.erase(std::unique(session_organization_pairs_.begin(), session_organization_pairs_.end()),
                                          session_organization_pairs_.end());
        counts_.organizations_by_session.assign(table_.values(StatementField::session).size(), 0);
        for (const std::uint32_t pair : session_organization_pairs_) ++counts_.organizations_by_session[pair >> 16];
    }
    return std::move(counts_);
}

}  // namespace stmt
