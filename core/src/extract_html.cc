/** @file extract_html.cc
 *  @brief HTML page -> the statement's paragraphs, with gumbo.
 *
 *  Statements posted on NGO sites sit among navigation, sidebars and
 *  footers. We take the page's main content (<main>, else <article>, else
 *  [role=main], else <body>), drop the site's furniture, and make a block of
 *  each block-level element.
 */
#include "stmtlib/extractors.h"

#include "extract_common.h"
#include "stmtlib/text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace stmt {
namespace {

constexpr std::size_t CHARSET_PRESCAN_BYTES = 4096;  ///< <meta charset> is looked for this far into the page
/// Pages nested deeper are refused: gumbo's time grows with the square of the nesting.
constexpr int MAX_HTML_DEPTH = 1024;
constexpr std::string_view UTF8_BOM = "\xEF\xBB\xBF";

/// Labels browsers decode as Windows-1252 (the WHATWG Encoding Standard).
constexpr std::array<std::string_view, 12> WINDOWS_1252_LABELS = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
    "latin1", "l1", "us-ascii", "ascii", "cp819", "ibm819"};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The charset a <meta charset> or <meta http-equiv content="...; charset=X"> declares, lowercased, or "".
std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(bytes.substr(0, CHARSET_PRESCAN_BYTES));
    for (std::size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 1)) {
        const std::string_view tag = std::string_view(head).substr(pos, head.find('>', pos) - pos);
        for (std::size_t at = tag.find("charset"); at != std::string_view::npos; at = tag.find("charset", at + 1)) {
            std::size_t i = at + 7;
            while (i < tag.size() && tag[i] == ' ') ++i;
            if (i >= tag.size() || tag[i] != '=') continue;
            ++i;
            while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
            std::size_t end = i;
            while (end < tag.size() && tag.substr(end, 1).find_first_of("\"'; />") == std::string_view::npos) ++end;
            if (end > i) return std::string(tag.substr(i, end - i));
        }
    }
    return {};
}

/// An estimate of how deep the page's elements nest, from its tags alone
/// (void elements, and elements whose end tag may be left out, do not count).
int estimated_depth(std::string_view page) {
    static constexpr std::array<std::string_view, 28> flat = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "html", "body"};
    int depth = 0, deepest = 0;
    for (std::size_t i = page.find('<'); i != std::string_view::npos && i + 1 < page.size(); i = page.find('<', i + 1)) {
        if (page.substr(i, 4) == "<!--") { i = page.find("-->", i); if (i == std::string_view::npos) break; continue; }
        const bool end = page[i + 1] == '/';
        std::size_t j = i + (end ? 2 : 1);
        const std::size_t name_start = j;
        while (j < page.size() && (std::isalnum(static_cast<unsigned char>(page[j])) || page[j] == '-')) ++j;
        if (j == name_start) continue;
        const std::string name = lower_ascii(page.substr(name_start, j - name_start));
        const std::size_t close = page.find('>', j);
        if (close == std::string_view::npos) break;
        const bool counts = std::find(flat.begin(), flat.end(), name) == flat.end();
        if (end) {
            if (counts && depth > 0) --depth;
            i = close;
            continue;
        }
        if (name == "script" || name == "style" || name == "textarea" || name == "title") {  // raw text up to its end tag
            std::size_t raw_end = page.find("</", close);
            while (raw_end != std::string_view::npos && lower_ascii(page.substr(raw_end + 2, name.size())) != name)
                raw_end = page.find("</", raw_end + 2);
            if (raw_end == std::string_view::npos) break;
            i = raw_end;
            continue;
        }
        if (counts && page[close - 1] != '/') deepest = std::max(deepest, ++depth);
        i = close;
    }
    return deepest;
}

/// The page as UTF-8, converting Windows-1252 pages first.
std::string decode(std::string_view bytes, std::vector<std::string>& warnings) {
    if (bytes.starts_with(UTF8_BOM)) return std::string(bytes.substr(UTF8_BOM.size()));
    const std::string charset = declared_charset(bytes);
    for (const auto label : WINDOWS_1252_LABELS)
        if (charset == label) {
            warnings.push_back("converted from " + charset + " to UTF-8");
            return extract::windows1252_to_utf8(bytes);
        }
    if (charset.empty() && text::find_invalid_utf8(bytes).has_value()) {
        warnings.emplace_back("no charset declared and not valid UTF-8: read as windows-1252");
        return extract::windows1252_to_utf8(bytes);
    }
    if (!charset.empty() && charset != "utf-8" && charset != "utf8")
        warnings.push_back("charset " + charset + " is not supported: read as UTF-8");
    return std::string(bytes);
}

bool has_attribute(const GumboElement& element, const char* name, std::string_view value) {
    const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
    return a != nullptr && (value.empty() || lower_ascii(a->value) == value);
}

/// Site furniture and things that are not text; <header> only outside the content.
bool dropped(const GumboNode& node, bool in_content) {
    if (node.type == GUMBO_NODE_TEMPLATE) return true;
    const GumboElement& e = node.v.element;
    switch (e.tag) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FORM:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
            return true;
        case GUMBO_TAG_HEADER:
            return !in_content;
        default:
            break;
    }
    if (has_attribute(e, "hidden", "") || has_attribute(e, "aria-hidden", "true")) return true;
    for (const std::string_view role : {"navigation", "banner", "contentinfo", "complementary", "search"})
        if (has_attribute(e, "role", role)) return true;
    return false;
}

bool is_content(GumboTag tag) {
    return tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_SECTION;
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
        case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
            return true;
        default:
            return false;
    }
}

/// The first element, outside dropped furniture, that `wanted` accepts (depth-first).
template <typename Predicate>
const GumboNode* find(const GumboNode* node, const Predicate& wanted, int depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > MAX_HTML_DEPTH || dropped(*node, false)) return nullptr;
    if (wanted(node->v.element)) return node;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        if (const GumboNode* found = find(static_cast<const GumboNode*>(children.data[i]), wanted, depth + 1))
            return found;
    return nullptr;
}

/// Collects blocks of text: a block-level element closes the text before it and its own.
class Walker {
public:
    void walk(const GumboNode* node, bool in_content, bool in_pre, int depth) {
        if (depth > MAX_HTML_DEPTH) { too_deep_ = true; return; }
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
            for (const char* c = node->v.text.text; *c; ++c) {
                const bool space = *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f';
                current_ += (*c == '\n' && in_pre) ? '\n' : space ? ' ' : *c;
            }
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;  // comments, <template>
        if (node->type == GUMBO_NODE_ELEMENT && dropped(*node, in_content)) return;
        const GumboVector* children = &node->v.document.children;
        bool block = false;
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboTag tag = node->v.element.tag;
            if (tag == GUMBO_TAG_BR) { current_ += '\n'; return; }
            block = is_block(tag);
            in_content = in_content || is_content(tag);
            in_pre = in_pre || tag == GUMBO_TAG_PRE;
            children = &node->v.element.children;
        }
        if (block) flush();
        for (unsigned i = 0; i < children->length; ++i)
            walk(static_cast<const GumboNode*>(children->data[i]), in_content, in_pre, depth + 1);
        if (block) flush();
    }

    std::vector<std::string>& blocks() { flush(); return blocks_; }
    bool too_deep() const { return too_deep_; }

private:
    void flush() {
        if (!current_.empty()) blocks_.push_back(std::move(current_));
        current_.clear();
    }

    std::vector<std::string> blocks_;
    std::string current_;
    bool too_deep_ = false;
};

struct OutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

Expected<Extraction> extract_html(std::string_view bytes) {
    Extraction result;
    const std::string page = decode(bytes, result.warnings);
    if (const int depth = estimated_depth(page); depth > MAX_HTML_DEPTH)
        return extract::unreadable("refused: HTML elements nested " + std::to_string(depth) + " deep (over " +
                                   std::to_string(MAX_HTML_DEPTH) + ")");
    const std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size()));
    if (!output) return extract::unreadable("not a readable HTML page");

    const GumboNode* root = output->root;
    const std::array<const GumboNode*, 4> candidates = {
        find(root, [](const GumboElement& e) { return e.tag == GUMBO_TAG_MAIN; }),
        find(root, [](const GumboElement& e) { return e.tag == GUMBO_TAG_ARTICLE; }),
        find(root, [](const GumboElement& e) { return has_attribute(e, "role", "main"); }),
        find(root, [](const GumboElement& e) { return e.tag == GUMBO_TAG_BODY; })};
    // The first candidate with any text: a <main> filled in by a script is an empty shell.
    for (const GumboNode* candidate : candidates) {
        if (candidate == nullptr) continue;
        Walker walker;
        const bool content = candidate->v.element.tag != GUMBO_TAG_BODY;
        walker.walk(candidate, content, false, 0);
        result.text = extract::join_blocks(walker.blocks());
        if (result.text.empty()) continue;
        if (walker.too_deep())
            result.warnings.push_back("skipped markup nested deeper than " + std::to_string(MAX_HTML_DEPTH) + " levels");
        return result;
    }
    return extract::unreadable("no text in the HTML page's content");
}

}  // namespace stmt
