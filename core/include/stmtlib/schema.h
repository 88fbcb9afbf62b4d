/** @file schema.h
 *  @brief The Xapian schema of the Statement Library: every term prefix,
 *  value slot and metadata key, defined here and nowhere else.
 *
 *  One Xapian document per numbered paragraph. Each carries its statement's
 *  metadata as boolean terms (for filtering) and as values (for counting,
 *  sorting and collapsing passages into statements), following Omega's
 *  conventions: single capitals are Xapian's own (Q = unique id,
 *  S = title, L = language), ours start with X.
 */
#pragma once

#include <xapian.h>

#include <array>
#include <string_view>

namespace stmt::schema {

/// Bump when the layout below changes; searchd refuses other versions.
inline constexpr std::string_view SCHEMA_VERSION = "4";

// --- Term prefixes ---------------------------------------------------------
/// Stemmed words, as Xapian's TermGenerator writes them (STEM_SOME).
inline constexpr std::string_view PREFIX_STEMMED = "Z";
/// Unique paragraph id: Q<statement-id>#<n>; replace_document() key.
inline constexpr std::string_view PREFIX_PARAGRAPH_ID = "Q";
/// Title words (free text, stemmed).
inline constexpr std::string_view PREFIX_TITLE = "S";
/// Language code (en, fr, ...), boolean.
inline constexpr std::string_view PREFIX_LANGUAGE = "L";
/// Statement id, boolean: selects every paragraph of one statement.
inline constexpr std::string_view PREFIX_STATEMENT = "XSTMT";
/// Session id (ahc-5), boolean.
inline constexpr std::string_view PREFIX_SESSION = "XSESSION";
/// Chapter id (international-cooperation), boolean.
inline constexpr std::string_view PREFIX_CHAPTER = "XCHAPTER";
/// Theme id of the paragraph (or given for the whole statement), boolean.
inline constexpr std::string_view PREFIX_THEME = "XTHEME";
/// Organisation id, boolean.
inline constexpr std::string_view PREFIX_ORGANIZATION = "XORG";
/// Status id (draft, oral, ...), boolean.
inline constexpr std::string_view PREFIX_STATUS = "XSTATUS";
/// Two adjacent words of the text, "XB<first> <second>", boolean: the
/// documents of a quoted phrase from one posting list (phrase_ngrams.h).
inline constexpr std::string_view PREFIX_BIGRAM = "XB";
/// Three adjacent words of the text, "XG<first> <second> <third>", boolean.
inline constexpr std::string_view PREFIX_TRIGRAM = "XG";

/// Xapian's convention, kept by every prefix above: a prefix is upper-case
/// ASCII and TermGenerator lower-cases words, so a term is prefixed exactly
/// when it starts with 'A'..'Z' (the empty term counts as prefixed: it is
/// no word).
inline constexpr bool is_prefixed_term(std::string_view term) {
    return term.empty() || (term[0] >= 'A' && term[0] <= 'Z');
}
static_assert(is_prefixed_term(PREFIX_STEMMED) && is_prefixed_term(PREFIX_TITLE) &&
                  is_prefixed_term(PREFIX_PARAGRAPH_ID) && is_prefixed_term(PREFIX_STATEMENT) &&
                  is_prefixed_term(PREFIX_SESSION) && is_prefixed_term(PREFIX_CHAPTER) &&
                  is_prefixed_term(PREFIX_ORGANIZATION) && is_prefixed_term(PREFIX_LANGUAGE) &&
                  is_prefixed_term(PREFIX_STATUS) && is_prefixed_term(PREFIX_THEME) && is_prefixed_term(PREFIX_BIGRAM) &&
                  is_prefixed_term(PREFIX_TRIGRAM),
              "is_prefixed_term tells prefixed terms by their first letter");

/// The boolean prefixes the API's filters select by: few terms, used by
/// almost every request, so their posting sets are worth keeping in memory.
inline constexpr std::array<std::string_view, 6> FILTER_PREFIXES = {PREFIX_SESSION, PREFIX_CHAPTER, PREFIX_THEME,
                                                                    PREFIX_ORGANIZATION, PREFIX_STATUS, PREFIX_LANGUAGE};
inline bool is_filter_term(std::string_view term) {
    for (const auto prefix : FILTER_PREFIXES)
        if (term.size() > prefix.size() && term.substr(0, prefix.size()) == prefix) return true;
    return false;
}

// --- Value slots -----------------------------------------------------------
enum ValueSlot : Xapian::valueno {
    /// Statement id as a string: the collapse key for the statements view.
    VALUE_STATEMENT_ID = 0,
    /// Sort date "YYYY-MM-DD": the statement's date, else its session's start.
    VALUE_SORT_DATE = 1,
    /// Paragraph number, Xapian::sortable_serialise(n).
    VALUE_PARAGRAPH = 2,
    /// Session id string ("" when unknown).
    VALUE_SESSION = 3,
    /// Chapter id string.
    VALUE_CHAPTER = 4,
    /// Organisation id string.
    VALUE_ORGANIZATION = 5,
    /// Theme ids of the paragraph, joined with THEME_SEPARATOR.
    VALUE_THEMES = 6,
    /// Language code.
    VALUE_LANGUAGE = 7,
    /// Status id.
    VALUE_STATUS = 8,
    /// Sort key, newest first: sort date descending, then statement id and
    /// paragraph ascending (Xapian::MultiValueKeyMaker's encoding). Stored,
    /// not computed by a KeyMaker at search time, because a KeyMaker cannot
    /// run on a remote shard (xapian-tcpsrv).
    VALUE_ORDER_NEWEST = 9,
    /// Sort key, oldest first: sort date, statement id, paragraph ascending.
    VALUE_ORDER_OLDEST = 10,
};

inline constexpr char THEME_SEPARATOR = ',';

// --- Database metadata keys -------------------------------------------------
/// JSON of the vocabulary the index was built with (sessions, chapters,
/// organisations including new ones, themes, statuses, synonyms), so that
/// searchd needs nothing but the database.
inline constexpr std::string_view META_VOCABULARY = "stmtlib.vocabulary";
inline constexpr std::string_view META_SCHEMA_VERSION = "stmtlib.schema_version";
/// JSON {relative path: {"fingerprint", "id", "paragraphs"}} of every
/// indexed file, so that `indexer update` touches only what changed.
inline constexpr std::string_view META_FILES = "stmtlib.files";
/// Hash of the vocabulary files: a change means a full rebuild.
inline constexpr std::string_view META_VOCABULARY_HASH = "stmtlib.vocabulary_hash";
/// A remote shard's spelling table, exported by a sharded build as lines
/// "word<TAB>frequency", since Xapian cannot read spelling data over the
/// remote protocol.
inline constexpr std::string_view META_SPELLING = "stmtlib.spelling";
/// ISO 8601 UTC time of the build.
inline constexpr std::string_view META_BUILT_AT = "stmtlib.built_at";

// --- Document data -----------------------------------------------------------
// The document data is a JSON object (see document_builder.cc):
//   {"statement": {...metadata...}, "n": 3, "text": "...", "themes": [...]}
// and, on paragraph 1 only, "header", "opening" and "closing" lines.

}  // namespace stmt::schema
