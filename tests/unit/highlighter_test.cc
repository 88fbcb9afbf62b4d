/** @file highlighter_test.cc
 *  @brief tokenize() offsets (also in multibyte text), escape_html(), and
 *  highlight(): escaping, merged spans, and windows of long text.
 */
#include "stmtlib/highlighter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt {
namespace {

std::vector<std::string> words(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.word);
    return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

/// True when `s` is well-formed UTF-8 (no cut characters).
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

TEST(Highlighter, TokenizeGivesLowercasedWordsWithByteOffsets) {
    const std::string text = "Civil society, MLA requests (24/7).";
    const auto tokens = tokenize(text);
    EXPECT_EQ(words(tokens), (std::vector<std::string>{"civil", "society", "mla", "requests", "24", "7"}));
    for (const auto& t : tokens) {
        std::string original = text.substr(t.begin, t.end - t.begin);
        for (auto& c : original) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_EQ(original, t.word);
    }
    EXPECT_EQ(tokens[0].begin, 0u);
    EXPECT_EQ(tokens[0].end, 5u);
    EXPECT_EQ(tokens[1].begin, 6u);
    EXPECT_EQ(tokens[1].end, 13u);
}

TEST(Highlighter, TokenizeMultibyteText) {
    // "É" and "é" take two bytes, "—" three: offsets count bytes.
    const std::string text = "\xC3\x89tat de droit \xE2\x80\x94 proc\xC3\xA9" "dure p\xC3\xA9nale";
    const auto tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(words(tokens),
              (std::vector<std::string>{"\xC3\xA9tat", "de", "droit", "proc\xC3\xA9" "dure", "p\xC3\xA9nale"}));
    EXPECT_EQ(tokens[0].begin, 0u);
    EXPECT_EQ(tokens[0].end, 5u);  // "État"
    EXPECT_EQ(tokens[1].begin, 6u);
    EXPECT_EQ(tokens[3].begin, text.find("proc"));
    EXPECT_EQ(tokens[3].end, text.find(" p\xC3\xA9nale"));
    EXPECT_EQ(tokens[4].end, text.size());
    EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin), "p\xC3\xA9nale");
}

TEST(Highlighter, TokenizeSplitsOnUnderscoresAndPunctuation) {
    EXPECT_EQ(words(tokenize("snake_case, co-operation; l'\xC3\xA9tat")),
              (std::vector<std::string>{"snake", "case", "co", "operation", "l", "\xC3\xA9tat"}));
    EXPECT_TRUE(tokenize("").empty());
    EXPECT_TRUE(tokenize(" \xE2\x80\x94 ... ").empty());
}

TEST(Highlighter, EscapeHtml) {
    EXPECT_EQ(escape_html("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(escape_html("plain \xC3\xA9"), "plain \xC3\xA9");
}

TEST(Highlighter, ScriptInTheTextStaysInert) {
    const std::string text = "Before <script>alert('x')</script> after & more";
    const auto tokens = tokenize(text);
    // Mark the word "script" (the second token) and "after".
    ASSERT_EQ(words(tokens), (std::vector<std::string>{"before", "script", "alert", "x", "script", "after", "more"}));
    const std::string out = highlight(text, tokens, {{1, 1}, {5, 5}}, 240);
    EXPECT_EQ(out, "Before &lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>after</mark> &amp; more");
    EXPECT_EQ(out.find("<script"), std::string::npos);
    EXPECT_EQ(out.find("</script"), std::string::npos);
}

TEST(Highlighter, NoSpanGivesTheEscapedStartOfTheText) {
    const std::string text = "Short <b>text</b>";
    EXPECT_EQ(highlight(text, tokenize(text), {}, 240), "Short &lt;b&gt;text&lt;/b&gt;");
}

TEST(Highlighter, MarksOneSpanOfSeveralWords) {
    const std::string text = "We support mutual legal assistance with safeguards.";
    EXPECT_EQ(highlight(text, tokenize(text), {{2, 4}}, 240),
              "We support <mark>mutual legal assistance</mark> with safeguards.");
}

TEST(Highlighter, AdjacentSpansMerge) {
    const std::string text = "civil society can and does play a role";
    const auto tokens = tokenize(text);
    EXPECT_EQ(highlight(text, tokens, {{0, 0}, {1, 1}}, 240), "<mark>civil society</mark> can and does play a role");
    // Overlapping and unsorted spans merge too.
    EXPECT_EQ(highlight(text, tokens, {{3, 5}, {1, 3}}, 240), "civil <mark>society can and does play</mark> a role");
}

TEST(Highlighter, SeparateSpansStaySeparate) {
    const std::string text = "civil society can and does play a role";
    EXPECT_EQ(highlight(text, tokenize(text), {{6, 7}, {0, 0}}, 240),
              "<mark>civil</mark> society can and does play <mark>a role</mark>");
}

TEST(Highlighter, SpansOutsideTheTokensAreIgnored) {
    const std::string text = "one two three";
    EXPECT_EQ(highlight(text, tokenize(text), {{5, 6}, {2, 1}, {1, 1}}, 240), "one <mark>two</mark> three");
}

std::string long_text(std::size_t words_before, const std::string& middle, std::size_t words_after) {
    std::string text;
    for (std::size_t i = 0; i < words_before; ++i) text += "filler" + std::to_string(i) + " ";
    text += middle;
    for (std::size_t i = 0; i < words_after; ++i) text += " trailing" + std::to_string(i);
    return text;
}

TEST(Highlighter, LongTextIsWindowedAroundTheFirstMarkWithEllipses) {
    const std::string text = long_text(200, "gender mainstreaming", 200);
    const auto tokens = tokenize(text);
    const std::size_t first = 200;  // "gender"
    ASSERT_EQ(tokens[first].word, "gender");
    constexpr std::size_t LENGTH = 240;
    const std::string out = highlight(text, tokens, {{first, first + 1}}, LENGTH);
    EXPECT_TRUE(out.starts_with("\u2026")) << out;
    EXPECT_TRUE(out.ends_with("\u2026")) << out;
    EXPECT_NE(out.find("<mark>gender mainstreaming</mark>"), std::string::npos) << out;
    const std::size_t marks = std::string("<mark></mark>").size(), ellipses = 2 * std::string("\u2026").size();
    EXPECT_LE(out.size(), LENGTH + marks + ellipses) << out;
    EXPECT_GE(out.size(), LENGTH / 2) << out;
    // The window starts on a word, not inside one.
    const std::string after_ellipsis = out.substr(std::string("\u2026").size());
    EXPECT_TRUE(after_ellipsis.starts_with("filler")) << out;
    // Some context comes before the mark.
    EXPECT_GT(out.find("<mark>"), std::string("\u2026").size() + 10) << out;
}

TEST(Highlighter, LongTextWithoutMarksShowsItsStart) {
    const std::string text = long_text(200, "end", 0);
    const std::string out = highlight(text, tokenize(text), {}, 240);
    EXPECT_TRUE(out.starts_with("filler0 filler1")) << out;
    EXPECT_TRUE(out.ends_with("\u2026")) << out;
    EXPECT_LE(out.size(), 240 + std::string("\u2026").size());
}

TEST(Highlighter, WindowNeverCutsAMultibyteCharacter) {
    std::string text;
    for (int i = 0; i < 300; ++i) text += "\xC3\xA9t\xC3\xA9\xE2\x80\x94";  // "été—", no spaces at all
    text += " cible ";
    for (int i = 0; i < 300; ++i) text += "\xC3\xA0\xC3\xA9";
    const auto tokens = tokenize(text);
    std::size_t target = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].word == "cible") target = i;
    for (const std::size_t length : {37u, 100u, 101u, 240u}) {
        const std::string with_mark = highlight(text, tokens, {{target, target}}, length);
        EXPECT_TRUE(valid_utf8(with_mark)) << length;
        EXPECT_NE(with_mark.find("<mark>cible</mark>"), std::string::npos) << length;
        const std::string without = highlight(text, tokens, {}, length);
        EXPECT_TRUE(valid_utf8(without)) << length;
    }
}

TEST(Highlighter, ShortTextIsNeverCut) {
    const std::string text = "A short paragraph about extradition and dual criminality.";
    const auto tokens = tokenize(text);
    const std::string out = highlight(text, tokens, {{4, 4}}, 240);
    EXPECT_EQ(out, "A short paragraph about <mark>extradition</mark> and dual criminality.");
    EXPECT_EQ(count(out, "\u2026"), 0u);
}

}  // namespace
}  // namespace stmt
