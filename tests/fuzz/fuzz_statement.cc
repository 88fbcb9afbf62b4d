/** @file fuzz_statement.cc
 *  @brief A whole statement file through the parser: front matter, header
 *  inference (session, chapter, organisation, date, title), paragraphs.
 */
#include "fuzz_support.h"

#include "stmtlib/statement_parser.h"
#include "stmtlib/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const stmt::ThemeTagger tagger(stmt::fuzz::vocabulary());
    stmt::Vocabulary vocabulary = stmt::fuzz::vocabulary();  // the parser may add organisations
    const auto outcome = stmt::parse_statement(stmt::fuzz::as_text(data, size), "ahc-5/fuzz.txt", vocabulary, tagger);
    if (outcome.statement) {
        // What the parser keeps goes into the index and out as JSON: it must be UTF-8.
        if (stmt::text::find_invalid_utf8(outcome.statement->title)) std::abort();
        for (const auto& paragraph : outcome.statement->paragraphs)
            if (stmt::text::find_invalid_utf8(paragraph.text)) std::abort();
    }
    return 0;
}
