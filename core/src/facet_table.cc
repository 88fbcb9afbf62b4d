/** @file facet_table.cc
 *  @brief Building the in-memory facet table and counting with it.
 */
#include "stmtlib/facet_table.h"

#include "stmtlib/schema.h"
#include "stmtlib/text.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace stmt {
namespace {

constexpr std::array<Xapian::valueno, STATEMENT_FIELD_COUNT> FIELD_SLOTS = {
    schema::VALUE_SESSION, schema::VALUE_CHAPTER, schema::VALUE_ORGANIZATION, schema::VALUE_LANGUAGE,
    schema::VALUE_STATUS};

constexpr std::array<std::string_view, STATEMENT_FIELD_COUNT> FIELD_PREFIXES = {
    schema::PREFIX_SESSION, schema::PREFIX_CHAPTER, schema::PREFIX_ORGANIZATION, schema::PREFIX_LANGUAGE,
    schema::PREFIX_STATUS};

using DocValue = std::function<void(Xapian::docid, const std::string&)>;

/// Every (docid, value) of a slot, read from the shard's value stream, or,
/// for a remote shard, from the boolean terms that carry the same values
/// (one posting list per term instead of a round trip per document).
void read_slot(const FacetTable::Shard& shard, Xapian::valueno slot, std::string_view prefix, const DocValue& visit) {
    const Xapian::Database& db = shard.db;
    if (!shard.remote) {
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) visit(it.get_docid(), *it);
        return;
    }
    const std::string p(prefix);
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        const std::string value = (*term).substr(p.size());
        for (auto doc = db.postlist_begin(*term); doc != db.postlist_end(*term); ++doc) visit(*doc, value);
    }
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db, const Vocabulary& vocabulary)
    : FacetTable(std::vector<Shard>{{db, false}}, vocabulary) {}

FacetTable::FacetTable(const std::vector<Shard>& shards, const Vocabulary& vocabulary) {
    for (std::size_t i = 0; i < vocabulary.themes.size() && i < MAX_THEMES; ++i)
        theme_ids_.push_back(vocabulary.themes[i].id);
    std::unordered_map<std::string, std::size_t> theme_bits;
    for (std::size_t i = 0; i < theme_ids_.size(); ++i) theme_bits[theme_ids_[i]] = i;

    const auto n = static_cast<Xapian::docid>(shards.size());
    Xapian::docid last = 0;
    for (Xapian::docid i = 0; i < n; ++i) {
        if (const Xapian::docid shard_last = shards[i].db.get_lastdocid(); shard_last > 0)
            last = std::max(last, (shard_last - 1) * n + i + 1);
        // Over several databases Xapian 1.4 hands a MatchSpy each shard's
        // own document (shard docids), so the spy could not place them.
        counts_by_docids_ = counts_by_docids_ || shards[i].remote || n > 1;
    }
    statement_by_doc_.assign(last + 1, NO_STATEMENT);
    themes_by_doc_.assign(last + 1, 0);

    std::unordered_map<std::string, std::uint32_t> statement_codes;
    std::array<std::vector<std::string>, STATEMENT_FIELD_COUNT> raw;  // by statement
    for (Xapian::docid i = 0; i < n; ++i) {
        const auto combined = [n, i](Xapian::docid docid) { return (docid - 1) * n + i + 1; };
        read_slot(shards[i], schema::VALUE_STATEMENT_ID, schema::PREFIX_STATEMENT,
                  [&](Xapian::docid docid, const std::string& id) {
                      auto [entry, inserted] = statement_codes.try_emplace(id, static_cast<std::uint32_t>(statement_ids_.size()));
                      if (inserted) statement_ids_.push_back(id);
                      statement_by_doc_[combined(docid)] = entry->second;
                  });
        for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f) {
            raw[f].resize(statement_ids_.size());
            read_slot(shards[i], FIELD_SLOTS[f], FIELD_PREFIXES[f], [&](Xapian::docid docid, const std::string& value) {
                const std::uint32_t statement = statement_by_doc_[combined(docid)];
                if (statement != NO_STATEMENT) raw[f][statement] = value;
            });
        }
        read_slot(shards[i], schema::VALUE_THEMES, schema::PREFIX_THEME, [&](Xapian::docid docid, const std::string& value) {
            std::uint64_t mask = 0;
            for (const auto& id : text::split(value, schema::THEME_SEPARATOR)) {
                const auto bit = theme_bits.find(id);
                if (bit != theme_bits.end()) mask |= std::uint64_t{1} << bit->second;
            }
            themes_by_doc_[combined(docid)] |= mask;
        });
    }
    // Date order for one local database only: over several, Xapian's own
    // sort and collapse order the page (searcher.cc).
    if (!counts_by_docids_ && n == 1) order_by_date(shards[0].db);
    // Codes follow the values' sorted order, not the order documents were
    // met in, so that any split into shards gives the same table.
    for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f) {
        const std::set<std::string> distinct(raw[f].begin(), raw[f].end());
        std::unordered_map<std::string, std::uint16_t> code_of;
        for (const auto& value : distinct) {
            if (value.empty()) continue;
            code_of[value] = static_cast<std::uint16_t>(values_[f].size());
            values_[f].push_back(value);
        }
        codes_[f].assign(statement_ids_.size(), NO_VALUE);
        for (std::size_t s = 0; s < raw[f].size(); ++s)
            if (!raw[f][s].empty()) codes_[f][s] = code_of.at(raw[f][s]);
    }
}

// Every paragraph of a statement shares the date and statement id that
// lead its sort keys, so statements are ordered by one key each, and a
// statement's paragraphs by number, ties by docid: the order Xapian's sort
// on the whole keys gives, without a key per paragraph in memory.
void FacetTable::order_by_date(const Xapian::Database& db) {
    struct Paragraph {
        std::uint32_t statement;
        std::uint32_t number;
        Xapian::docid docid;
    };
    std::vector<Paragraph> paragraphs;
    paragraphs.reserve(db.get_doccount());
    for (auto it = db.valuestream_begin(schema::VALUE_PARAGRAPH); it != db.valuestream_end(schema::VALUE_PARAGRAPH); ++it)
        if (const std::uint32_t statement = statement_of(it.get_docid()); statement != NO_STATEMENT)
            paragraphs.push_back({statement, static_cast<std::uint32_t>(Xapian::sortable_unserialise(*it)), it.get_docid()});
    const auto order = [&](Xapian::valueno slot) {
        std::vector<std::string> key(statement_ids_.size());
        std::vector<bool> keyed(statement_ids_.size(), false);
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
            if (const std::uint32_t statement = statement_of(it.get_docid()); statement != NO_STATEMENT && !keyed[statement]) {
                key[statement] = *it;
                keyed[statement] = true;
            }
        std::vector<std::uint32_t> by_key(statement_ids_.size());
        for (std::uint32_t i = 0; i < by_key.size(); ++i) by_key[i] = i;
        std::sort(by_key.begin(), by_key.end(), [&key](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
        std::vector<std::uint32_t> rank(by_key.size());
        for (std::uint32_t i = 0; i < by_key.size(); ++i) rank[by_key[i]] = i;
        std::sort(paragraphs.begin(), paragraphs.end(), [&rank](const Paragraph& a, const Paragraph& b) {
            return std::tie(rank[a.statement], a.number, a.docid) < std::tie(rank[b.statement], b.number, b.docid);
        });
        std::vector<Xapian::docid> docids;
        docids.reserve(paragraphs.size());
        for (const auto& p : paragraphs) docids.push_back(p.docid);
        return docids;
    };
    newest_first_ = order(schema::VALUE_ORDER_NEWEST);
    oldest_first_ = order(schema::VALUE_ORDER_OLDEST);
}

std::uint32_t FacetTable::statement_of(Xapian::docid docid) const {
    return docid < statement_by_doc_.size() ? statement_by_doc_[docid] : NO_STATEMENT;
}

const std::string& FacetTable::statement_id(std::uint32_t statement) const {
    static const std::string none;
    return statement < statement_ids_.size() ? statement_ids_[statement] : none;
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

void FacetCountingSpy::operator()(const Xapian::Document& doc, double) { add_docid(doc.get_docid()); }

void FacetCountingSpy::add_docid(Xapian::docid docid) {
    const std::uint32_t statement = table_.statement_of(docid);
    if (count_statements_) note_statement(statement, table_.themes_of(docid));
    else if (statement != FacetTable::NO_STATEMENT) add(statement, table_.themes_of(docid));
}

void FacetCountingSpy::add_set(const DocSet& matches) {
    if (!count_statements_) {
        matches.for_each([this](Xapian::docid docid) { add_docid(docid); });
        return;
    }
    // A statement's paragraphs have neighbouring docids: their themes are
    // gathered before the statement is noted once.
    std::uint32_t current = FacetTable::NO_STATEMENT;
    std::uint64_t themes = 0;
    matches.for_each([&](Xapian::docid docid) {
        const std::uint32_t statement = table_.statement_of(docid);
        if (statement != current) {
            note_statement(current, themes);
            current = statement;
            themes = 0;
        }
        themes |= table_.themes_of(docid);
    });
    note_statement(current, themes);
}

void FacetCountingSpy::note_statement(std::uint32_t statement, std::uint64_t themes) {
    if (statement == FacetTable::NO_STATEMENT) return;
    if (!statement_seen_[statement]) {
        statement_seen_[statement] = true;
        statements_.push_back(statement);
    }
    themes_by_statement_[statement] |= themes;
}

void FacetCountingSpy::add(std::uint32_t statement, std::uint64_t themes) {
    ++counts_.total;
    for (std::size_t f = 0; f < STATEMENT_FIELD_COUNT; ++f) {
        const std::uint16_t code = table_.value_of(statement, static_cast<StatementField>(f));
        if (code != FacetTable::NO_VALUE) ++counts_.fields[f][code];
    }
    for (; themes != 0; themes &= themes - 1) ++counts_.themes[static_cast<std::size_t>(__builtin_ctzll(themes))];
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
