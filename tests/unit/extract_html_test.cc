/** @file extract_html_test.cc
 *  @brief stmt::extract_html: the statement, not the site around it; block
 *  elements as blocks; Windows-1252 pages converted to UTF-8.
 */
#include "stmtlib/extractors.h"
#include "stmtlib/text.h"

#include "document_writers.h"

#include "extract_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stmt {
namespace {

using extract_support::blocks_of;
using extract_support::expect_well_formed;

Extraction extract_ok(const std::string& html) {
    auto result = extract_html(html);
    if (!result) ADD_FAILURE() << result.error().message;
    return result ? *result : Extraction{};
}

std::vector<std::string> blocks_from(const std::string& html) {
    const Extraction result = extract_ok(html);
    expect_well_formed(result.text);
    return blocks_of(result.text);
}

TEST(ExtractHtml, KeepsTheStatementAndDropsTheSite) {
    const std::vector<std::string> paragraphs = {
        "# Statement on international cooperation", "Madam Chair,",
        "We welcome the <revised> text & its \"safeguards\" \xE2\x80\x94 but not article 5.", "Thank you."};
    const Extraction result = extract_ok(docgen::write_html(paragraphs, "Coastal Legal Aid Network"));
    expect_well_formed(result.text);
    EXPECT_EQ(blocks_of(result.text),
              (std::vector<std::string>{"Statement on international cooperation", "Madam Chair,", paragraphs[2],
                                        "Thank you."}));
    for (const std::string furniture : {"Coastal Legal Aid Network", "About us", "Related statements",
                                        "All rights reserved", "Privacy", "analytics", "font-family"})
        EXPECT_EQ(result.text.find(furniture), std::string::npos) << furniture;
}

TEST(ExtractHtml, PrefersMainThenArticleThenRoleMainThenBody) {
    const std::string site = "<header><a href='/'>Site</a><nav><a href='/a'>Menu</a></nav></header>";
    EXPECT_EQ(blocks_from("<body>" + site + "<div>Intro</div><main><p>In main</p></main><article><p>Other</p></article></body>"),
              std::vector<std::string>{"In main"});
    EXPECT_EQ(blocks_from("<body>" + site + "<div>Intro</div><article><p>In article</p></article></body>"),
              std::vector<std::string>{"In article"});
    EXPECT_EQ(blocks_from("<body>" + site + "<div>Intro</div><div role=\"main\"><p>In role main</p></div></body>"),
              std::vector<std::string>{"In role main"});
    EXPECT_EQ(blocks_from("<body>" + site + "<p>In body</p><footer>Footer</footer></body>"),
              std::vector<std::string>{"In body"});
    // An article inside the sidebar is not the content; an empty <main> shell falls through.
    EXPECT_EQ(blocks_from("<body><aside><article>Teaser</article></aside><p>Body text</p></body>"),
              std::vector<std::string>{"Body text"});
    EXPECT_EQ(blocks_from("<body><main></main><article><p>Filled</p></article></body>"),
              std::vector<std::string>{"Filled"});
}

TEST(ExtractHtml, DropsNonContentElements) {
    const std::string html =
        "<body><main><header><h1>Title in the article header</h1></header><p>Kept</p>"
        "<nav>Nav</nav><aside>Aside</aside><footer>Footer</footer><script>var script = 1;</script>"
        "<style>p { color: red }</style><noscript>Enable JS</noscript><form><label>Name</label><input></form>"
        "<template><p>Template</p></template><svg><text>Svg</text></svg><button>Button</button>"
        "<div hidden>Hidden</div><div role=\"navigation\">Role nav</div><p>Also kept</p></main></body>";
    EXPECT_EQ(blocks_from(html), (std::vector<std::string>{"Title in the article header", "Kept", "Also kept"}));
}

TEST(ExtractHtml, MakesABlockOfEachBlockElement) {
    const std::string html =
        "<main><div>Direct text in a div <span>with a span</span><p>A paragraph</p>tail text</div>"
        "<h2>  A   heading\n split </h2><ul><li>First item</li><li>Second <b>bold</b> item</li></ul>"
        "<blockquote>Quoted</blockquote><pre>line one\nline two</pre>"
        "<table><tr><td>Cell one</td><td>Cell two</td></tr></table><dl><dt>Term</dt><dd>Definition</dd></dl>"
        "<section>Section text</section><p>Line<br>break<br><br>new block</p>"
        "<p>Caf&eacute;&nbsp;&amp; &#8220;quotes&#8221; &lt;tag&gt;</p><p>   </p></main>";
    EXPECT_EQ(blocks_from(html),
              (std::vector<std::string>{"Direct text in a div with a span", "A paragraph", "tail text", "A heading split",
                                        "First item", "Second bold item", "Quoted", "line one\nline two", "Cell one",
                                        "Cell two", "Term", "Definition", "Section text", "Line\nbreak", "new block",
                                        "Caf\xC3\xA9\xC2\xA0& \xE2\x80\x9Cquotes\xE2\x80\x9D <tag>"}));
}

TEST(ExtractHtml, ConvertsWindows1252PagesToUtf8) {
    const std::string body = "<main><p>Caf\xE9 \x93quoted\x94 \x96 \x80" "5</p></main>";
    const std::string expected = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5";
    for (const std::string head : {"<meta charset=\"windows-1252\">", "<META CHARSET=iso-8859-1>",
                                   "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"}) {
        SCOPED_TRACE(head);
        const Extraction result = extract_ok("<html><head>" + head + "</head><body>" + body + "</body></html>");
        EXPECT_EQ(result.text, expected);
        EXPECT_FALSE(result.warnings.empty());
    }
    // Undeclared and not UTF-8: read as Windows-1252 too.
    EXPECT_EQ(extract_ok("<html><body>" + body + "</body></html>").text, expected);
    // Declared UTF-8 stays UTF-8, with any invalid byte replaced.
    const Extraction utf8 = extract_ok("<meta charset=\"utf-8\"><main><p>Caf\xC3\xA9 and \xE9</p></main>");
    EXPECT_EQ(utf8.text, "Caf\xC3\xA9 and \xEF\xBF\xBD");
    EXPECT_TRUE(utf8.warnings.empty());
}

TEST(ExtractHtml, SurvivesHostileInput) {
    EXPECT_FALSE(extract_html(""));
    EXPECT_FALSE(extract_html("<html><body><nav>Only navigation</nav></body></html>"));
    const Extraction nul = extract_ok(std::string("<p>nul\0byte\x01</p>", 16));
    expect_well_formed(nul.text);
    std::string deep = "<main>";
    for (int i = 0; i < 200000; ++i) deep += "<div>";
    const auto refused = extract_html(deep + "deep</main>");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::unreadable_document);
    EXPECT_EQ(refused.error().message, "refused: HTML elements nested 200001 deep (over 1024)");
}

}  // namespace
}  // namespace stmt
