/** @file query_builder.cc
 *  @brief Query parsing and filters. Filters with the same prefix are ORed,
 *  different prefixes ANDed, all under OP_FILTER so they do not weigh.
 */
#include "stmtlib/query_builder.h"

#include "stmtlib/phrase_ngrams.h"
#include "stmtlib/schema.h"
#include "stmtlib/synonym_expansion.h"
#include "stmtlib/text.h"
#include "stmtlib/xapian_language.h"

namespace stmt {
namespace {

constexpr unsigned PARSE_FLAGS = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

/// English words too common to search for beside other words (a query of
/// nothing but these is searched as written).
const char* const STOPWORDS[] = {"a",   "an",   "and",  "are", "as",  "at",   "be",   "by",  "for", "from",
                                 "has", "have", "in",   "is",  "it",  "its",  "of",   "on",  "or",  "that",
                                 "the", "this", "to",   "was", "were", "will", "with", "what", "which", "did"};

/// `session:ahc-5` in a query string: resolves the value like a filter,
/// and records values the vocabulary does not know.
class FilterFieldProcessor : public Xapian::FieldProcessor {
public:
    FilterFieldProcessor(const QueryBuilder& builder, std::string_view field,
                         std::shared_ptr<std::vector<std::string>> unknown)
        : builder_(builder), field_(field), unknown_(std::move(unknown)) {}

    Xapian::Query operator()(const std::string& value) override {
        const auto id = builder_.resolve_filter(field_, value);
        if (!id) unknown_->push_back(std::string(field_) + ":" + value);
        return Xapian::Query(std::string(prefix_of(field_)) + id.value_or(value));
    }

private:
    const QueryBuilder& builder_;
    std::string_view field_;
    std::shared_ptr<std::vector<std::string>> unknown_;
};

}  // namespace

bool is_stopword(std::string_view word) {
    return std::find(std::begin(STOPWORDS), std::end(STOPWORDS), word) != std::end(STOPWORDS);
}

std::string_view prefix_of(std::string_view field) {
    if (field == api::PARAM_SESSION) return schema::PREFIX_SESSION;
    if (field == api::PARAM_CHAPTER) return schema::PREFIX_CHAPTER;
    if (field == api::PARAM_THEME) return schema::PREFIX_THEME;
    if (field == api::PARAM_ORGANIZATION) return schema::PREFIX_ORGANIZATION;
    if (field == api::PARAM_LANGUAGE) return schema::PREFIX_LANGUAGE;
    return schema::PREFIX_STATUS;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Vocabulary& vocabulary, std::vector<std::string> languages,
                           const Xapian::Database* spelling)
    : db_(db), spelling_(spelling), vocabulary_(vocabulary), languages_(std::move(languages)),
      unknown_field_values_(std::make_shared<std::vector<std::string>>()) {
    if (languages_.empty()) languages_.emplace_back(DEFAULT_LANGUAGE);
    parser_.set_database(db_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // Xapian throws WildcardError when the match expands one further
    // (count_query turns it into a 400); partial words are not enabled,
    // but would get the same limit.
    parser_.set_max_expansion(api::MAX_WILDCARD_EXPANSION, Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    parser_.set_stopper((new Xapian::SimpleStopper(std::begin(STOPWORDS), std::end(STOPWORDS)))->release());
    parser_.add_prefix("title", std::string(schema::PREFIX_TITLE));
    for (const auto& field : QUERY_FIELDS)
        parser_.add_boolean_prefix(std::string(field.name),
                                   (new FilterFieldProcessor(*this, field.filter, unknown_field_values_))->release());
}

std::optional<std::string> QueryBuilder::resolve_filter(std::string_view field, const std::string& value) const {
    const VocabularyEntry* entry = nullptr;
    if (field == api::PARAM_SESSION) entry = vocabulary_.resolve_session(value);
    else if (field == api::PARAM_CHAPTER) entry = vocabulary_.resolve_chapter(value);
    else if (field == api::PARAM_THEME) entry = vocabulary_.resolve_theme(value);
    else if (field == api::PARAM_ORGANIZATION) entry = vocabulary_.resolve_organization(value);
    else if (field == api::PARAM_STATUS) entry = vocabulary_.resolve_status(value);
    else if (field == api::PARAM_LANGUAGE) {
        const std::string code = text::slugify(value);
        if (!code.empty() && db_.term_exists(std::string(schema::PREFIX_LANGUAGE) + code)) return code;
        return std::nullopt;
    }
    if (!entry) return std::nullopt;
    return entry->id;
}

std::vector<std::string> QueryBuilder::parse_languages(const SearchRequest& request) const {
    const auto filter = request.filters.find(api::PARAM_LANGUAGE);
    if (filter == request.filters.end()) return languages_;
    std::vector<std::string> out;
    for (const auto& value : filter->second)
        if (auto code = resolve_filter(api::PARAM_LANGUAGE, value)) out.push_back(*code);
    return out.empty() ? languages_ : out;
}

Expected<Xapian::Query> QueryBuilder::parse_words(const std::string& query, Matching matching,
                                                  const std::vector<std::string>& languages) {
    // A new match-all query, not a copy of Xapian::Query::MatchAll: Xapian
    // 1.4 counts references without atomics, so copying that one shared
    // object from several request threads is a data race (found by TSan).
    if (text::trim(query).empty()) return Xapian::Query(std::string());
    parser_.set_default_op(matching == Matching::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    std::vector<Xapian::Query> parses;
    std::vector<std::string> seen;
    try {
        // The term limit counts the query as typed, before synonyms are
        // expanded into it; without synonyms the first parse is that query.
        const std::string expanded = expand_synonyms(query, vocabulary_.synonyms);
        const Error too_many_terms{ErrorCode::invalid_parameter,
                                   "the query has more than " + std::to_string(api::MAX_QUERY_TERMS) + " terms",
                                   std::string(api::PARAM_QUERY)};
        if (expanded != query) {
            parser_.set_stemmer(stemmer_for(languages.front()));
            if (parser_.parse_query(query, PARSE_FLAGS).get_length() > api::MAX_QUERY_TERMS) return too_many_terms;
        }
        for (const auto& language : languages) {
            const Xapian::Stem stemmer = stemmer_for(language);
            const std::string stemmer_name = stemmer.get_description();
            if (std::find(seen.begin(), seen.end(), stemmer_name) != seen.end()) continue;
            seen.push_back(stemmer_name);
            parser_.set_stemmer(stemmer);
            unknown_field_values_->clear();
            parses.push_back(parser_.parse_query(expanded, PARSE_FLAGS));
            if (expanded == query && parses.size() == 1 && parses.front().get_length() > api::MAX_QUERY_TERMS)
                return too_many_terms;
            if (!unknown_field_values_->empty())
                return Error{ErrorCode::unknown_filter_value,
                             "unknown filter value '" + unknown_field_values_->front() + "' in the query",
                             std::string(api::PARAM_QUERY)};
        }
    } catch (const Xapian::QueryParserError& e) {
        return Error{ErrorCode::malformed_query, "the query cannot be parsed: " + e.get_msg(),
                     std::string(api::PARAM_QUERY)};
    }
    for (auto& parse : parses) parse = with_phrase_ngrams(parse);
    if (parses.size() == 1) return parses.front();
    return Xapian::Query(Xapian::Query::OP_OR, parses.begin(), parses.end());
}

Expected<Xapian::Query> QueryBuilder::filters(const SearchRequest& request) const {
    std::vector<Xapian::Query> fields;
    for (const auto& [field, values] : request.filters) {
        std::vector<Xapian::Query> alternatives;
        for (const auto& value : values) {
            const auto id = resolve_filter(field, value);
            if (!id)
                return Error{ErrorCode::unknown_filter_value, "unknown " + field + " '" + value + "'", field};
            alternatives.emplace_back(std::string(prefix_of(field)) + *id);
        }
        fields.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    if (!request.date_from.empty() || !request.date_to.empty()) {
        const std::string from = request.date_from.empty() ? "0000-00-00" : request.date_from;
        const std::string to = request.date_to.empty() ? "9999-99-99" : request.date_to;
        fields.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::VALUE_SORT_DATE, from, to);
    }
    if (fields.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, fields.begin(), fields.end());
}

Expected<Xapian::Query> QueryBuilder::build(const SearchRequest& request, Matching matching) {
    auto words = parse_words(request.query, matching, parse_languages(request));
    if (!words) return words.error();
    auto filter = filters(request);
    if (!filter) return filter.error();
    if (filter->empty()) return *words;
    return Xapian::Query(Xapian::Query::OP_FILTER, *words, *filter);
}

std::string QueryBuilder::spelling_correction(const SearchRequest& request) {
    if (text::trim(request.query).empty()) return {};
    // Made for the query as typed, before synonyms are expanded into it.
    parser_.set_stemmer(stemmer_for(parse_languages(request).front()));
    // Remote shards cannot lend their spelling data: a local copy of it
    // (spelling_) stands in for the database while the query is corrected.
    if (spelling_) parser_.set_database(*spelling_);
    std::string corrected;
    try {
        parser_.parse_query(request.query, PARSE_FLAGS | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
        corrected = parser_.get_corrected_query_string();
    } catch (const Xapian::QueryParserError&) {
    }
    parser_.set_database(db_);
    return corrected;
}

}  // namespace stmt
