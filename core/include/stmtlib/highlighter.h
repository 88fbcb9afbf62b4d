/** @file highlighter.h
 *  @brief Words with their byte offsets, and HTML-escaped fragments with
 *  <mark> around chosen word spans: for phrase snippets and for the shared
 *  wording of similar passages.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stmt {

struct Token {
    std::string word;  ///< lowercased
    std::size_t begin = 0;
    std::size_t end = 0;  ///< byte offsets in the text
};

/// Words (letters and digits) of a UTF-8 text, lowercased, with offsets.
std::vector<Token> tokenize(std::string_view text);

/// A run of tokens [first, last] to mark.
struct TokenSpan {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// `text` HTML-escaped with <mark>...</mark> around each span (adjacent
/// spans merge), cut to about `length` bytes around the first span, with
/// "…" where text was left out. No span: the start of the text.
std::string highlight(std::string_view text, const std::vector<Token>& tokens, std::vector<TokenSpan> spans,
                      std::size_t length);

/// HTML-escapes &, <, >, " and '.
std::string escape_html(std::string_view text);

}  // namespace stmt
