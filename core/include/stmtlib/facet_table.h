/** @file facet_table.h
 *  @brief Facet values held in memory by document id, so that counting
 *  distinct statements over a whole match set reads no values from disk.
 */
#pragma once

#include "stmtlib/match_set.h"
#include "stmtlib/vocabulary.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace stmt {

/// The single-valued facets of a statement.
enum class StatementField : std::size_t { session, chapter, organization, language, status };
inline constexpr std::size_t STATEMENT_FIELD_COUNT = 5;
/// Themes are a bitmask per paragraph; the vocabulary may hold this many.
inline constexpr std::size_t MAX_THEMES = 64;

class FacetTable {
public:
    static constexpr std::uint32_t NO_STATEMENT = UINT32_MAX;
    static constexpr std::uint16_t NO_VALUE = UINT16_MAX;

    /// One shard of the library, opened on its own.
    struct Shard {
        Xapian::Database db;
        bool remote = false;
    };

    /// Reads the facet values of every document (one pass over value streams).
    FacetTable(const Xapian::Database& db, const Vocabulary& vocabulary);
    /// The table of the shards combined in this order, by combined docid.
    /// Local shards are read from value streams; remote ones from their
    /// boolean terms' posting lists, since a value stream over the remote
    /// protocol costs a round trip per document.
    FacetTable(const std::vector<Shard>& shards, const Vocabulary& vocabulary);

    /// True for several shards: counting must then read the matching docids
    /// back, as a custom MatchSpy cannot run in xapian-tcpsrv, and locally
    /// sees each shard's own docids.
    bool counts_by_docids() const { return counts_by_docids_; }

    std::size_t statement_count() const { return statement_ids_.size(); }
    std::uint32_t statement_of(Xapian::docid docid) const;
    /// The id of a statement code statement_of() returned ("" for NO_STATEMENT).
    const std::string& statement_id(std::uint32_t statement) const;
    std::uint64_t themes_of(Xapian::docid docid) const;
    std::uint16_t value_of(std::uint32_t statement, StatementField field) const;
    /// The distinct values of a field, indexed by the codes value_of() returns.
    const std::vector<std::string>& values(StatementField field) const;
    const std::vector<std::string>& theme_ids() const { return theme_ids_; }
    /// The posting sets of filter terms and common words read so far (thread-safe).
    PostingSetCache& posting_sets() const { return posting_sets_; }
    /// Every docid in the order of the newest-first (or oldest-first) sort
    /// value, as Xapian's sort on it orders them; empty over several shards,
    /// where counts_by_docids() holds.
    const std::vector<Xapian::docid>& in_date_order(bool newest_first) const {
        return newest_first ? newest_first_ : oldest_first_;
    }

private:
    void order_by_date(const Xapian::Database& db);

    std::vector<std::uint32_t> statement_by_doc_;
    std::vector<std::uint64_t> themes_by_doc_;
    std::vector<std::string> statement_ids_;
    std::array<std::vector<std::uint16_t>, STATEMENT_FIELD_COUNT> codes_;  ///< by statement
    std::array<std::vector<std::string>, STATEMENT_FIELD_COUNT> values_;
    std::vector<std::string> theme_ids_;
    bool counts_by_docids_ = false;
    std::vector<Xapian::docid> newest_first_, oldest_first_;
    mutable PostingSetCache posting_sets_;
};

/// Counts of one match set: per field, a count for each value code.
struct FacetCounts {
    std::size_t total = 0;  ///< statements or passages, as counted
    std::array<std::vector<std::size_t>, STATEMENT_FIELD_COUNT> fields;
    std::vector<std::size_t> themes;
    /// Distinct organisations per session code (only when asked for).
    std::vector<std::size_t> organizations_by_session;
};

/// A match spy that counts facets of distinct statements (statements view)
/// or of every matching paragraph (passages view).
class FacetCountingSpy : public Xapian::MatchSpy {
public:
    FacetCountingSpy(const FacetTable& table, bool count_statements, bool count_session_organizations = false);
    void operator()(const Xapian::Document& doc, double weight) override;
    /// Counts one matching document by its (combined) docid.
    void add_docid(Xapian::docid docid);
    /// Counts every document of a match set.
    void add_set(const DocSet& matches);
    /// Finishes counting; call once, after get_mset().
    FacetCounts counts();

private:
    void add(std::uint32_t statement, std::uint64_t themes);
    /// Statements view: the statement matches, with these of its themes.
    void note_statement(std::uint32_t statement, std::uint64_t themes);

    const FacetTable& table_;
    bool count_statements_;
    bool count_session_organizations_;
    std::vector<std::uint32_t> session_organization_pairs_;  ///< session << 16 | organisation
    std::vector<std::uint64_t> themes_by_statement_;
    std::vector<bool> statement_seen_;
    std::vector<std::uint32_t> statements_;
    FacetCounts counts_;
};

}  // namespace stmt
