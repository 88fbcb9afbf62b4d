/** @file document_builder.cc
 *  @brief Each facet is indexed twice, following Omega: a boolean term for
 *  filtering and a value for counting and sorting.
 */
#include "stmtlib/document_builder.h"

#include "stmtlib/phrase_ngrams.h"
#include "stmtlib/schema.h"
#include "stmtlib/text.h"
#include "stmtlib/xapian_language.h"

namespace stmt {

namespace sc = schema;

std::string paragraph_id_term(const std::string& statement_id, int paragraph) {
    return std::string(sc::PREFIX_PARAGRAPH_ID) + statement_id + "#" + std::to_string(paragraph);
}

std::string sort_date(const Statement& s, const Vocabulary& v) {
    if (!s.date.empty()) return s.date;
    if (const auto* session = v.session(s.session)) return session->start;
    return {};
}

nlohmann::json statement_record(const Statement& s) {
    return {{"id", s.id},           {"title", s.title},     {"organization", s.organization},
            {"session", s.session}, {"chapter", s.chapter}, {"status", s.status},
            {"language", s.language}, {"date", s.date},     {"themes", s.themes},
            {"source", s.source},   {"source_url", s.source_url},
            {"paragraph_count", s.paragraphs.size()}};
}

void add_spelling(Xapian::WritableDatabase& db, const SpellingCounts& words) {
    for (const auto& [word, count] : words) db.add_spelling(word, count);
}

namespace {

/// Adds the unprefixed terms of `doc` with their wdf to `spelling`: exactly
/// the words of unprefixed text, each counted once per occurrence (wdf
/// increment 1), as FLAG_SPELLING counts them.
void count_spelling(const Xapian::Document& doc, SpellingCounts& spelling) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& word = *t;
        if (sc::is_prefixed_term(word)) continue;
        spelling[word] += t.get_wdf();
    }
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    newest_first_.add_value(sc::VALUE_SORT_DATE, true);
    oldest_first_.add_value(sc::VALUE_SORT_DATE, false);
    for (auto* keys : {&newest_first_, &oldest_first_}) {
        keys->add_value(sc::VALUE_STATEMENT_ID);
        keys->add_value(sc::VALUE_PARAGRAPH);
    }
    // CJK n-grams only change how Chinese (and Japanese, Korean) text is
    // split into terms, so they are on for every statement. No
    // FLAG_SPELLING: it writes to a database word by word, on the thread
    // that builds; spelling words are counted here and added once each.
    generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

std::vector<Xapian::Document> DocumentBuilder::build(const Statement& s, const Vocabulary& v, SpellingCounts* spelling) {
    std::vector<Xapian::Document> docs;
    const nlohmann::json record = statement_record(s);
    generator_.set_stemmer(stemmer_for(s.language));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    const std::string date = sort_date(s, v);

    for (const auto& p : s.paragraphs) {
        Xapian::Document doc;
        generator_.set_document(doc);
        generator_.index_text(s.title, 1, std::string(sc::PREFIX_TITLE));
        generator_.index_text(p.text);
        add_ngram_terms(doc);

        const auto boolean = [&doc](std::string_view prefix, const std::string& value) {
            if (!value.empty()) doc.add_boolean_term(std::string(prefix) + value);
        };
        boolean(sc::PREFIX_PARAGRAPH_ID, s.id + "#" + std::to_string(p.number));
        boolean(sc::PREFIX_STATEMENT, s.id);
        boolean(sc::PREFIX_SESSION, s.session);
        boolean(sc::PREFIX_CHAPTER, s.chapter);
        boolean(sc::PREFIX_ORGANIZATION, s.organization);
        boolean(sc::PREFIX_LANGUAGE, s.language);
        boolean(sc::PREFIX_STATUS, s.status);
        std::vector<std::string> filter_themes = p.themes;
        for (const auto& t : s.given_themes)
            if (std::find(filter_themes.begin(), filter_themes.end(), t) == filter_themes.end()) filter_themes.push_back(t);
        for (const auto& t : filter_themes) boolean(sc::PREFIX_THEME, t);

        doc.add_value(sc::VALUE_STATEMENT_ID, s.id);
        doc.add_value(sc::VALUE_SORT_DATE, date);
        doc.add_value(sc::VALUE_PARAGRAPH, Xapian::sortable_serialise(p.number));
        doc.add_value(sc::VALUE_SESSION, s.session);
        doc.add_value(sc::VALUE_CHAPTER, s.chapter);
        doc.add_value(sc::VALUE_ORGANIZATION, s.organization);
        doc.add_value(sc::VALUE_THEMES, text::join(filter_themes, std::string(1, sc::THEME_SEPARATOR)));
        doc.add_value(sc::VALUE_LANGUAGE, s.language);
        doc.add_value(sc::VALUE_STATUS, s.status);
        doc.add_value(sc::VALUE_ORDER_NEWEST, newest_first_(doc));
        doc.add_value(sc::VALUE_ORDER_OLDEST, oldest_first_(doc));

        nlohmann::json data = {{"statement", record}, {"n", p.number}, {"text", p.text}, {"themes", p.themes}};
        if (p.number == 1) {
            data["header"] = s.header;
            data["opening"] = s.opening;
            data["closing"] = s.closing;
        }
        doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        if (spelling) count_spelling(doc, *spelling);
        docs.push_back(std::move(doc));
    }
    // The generator holds on to the last document; let it go, so that the
    // documents can be handed to another thread (Xapian's reference counts
    // are not atomic).
    generator_.set_document(Xapian::Document());
    return docs;
}

}  // namespace stmt
