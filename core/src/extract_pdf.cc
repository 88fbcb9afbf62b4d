/** @file extract_pdf.cc
 *  @brief PDF -> paragraphs with poppler-cpp.
 *
 *  poppler gives words with boxes, in reading order. We rebuild lines, drop
 *  running headers, footers and page numbers (lines at the top or bottom of
 *  a page), then find paragraph breaks from vertical gaps and short last
 *  lines, and undo line-end hyphenation.
 */
#include "stmtlib/extractors.h"

#include "extract_common.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>
#include <numeric>
#include <new>
#include <regex>
#include <set>
#include <unordered_map>

namespace stmt {
namespace {

constexpr std::string_view ENCRYPTED = "encrypted PDF: cannot be read without its password";
constexpr std::string_view NO_TEXT = "no text layer: scanned, needs OCR";
constexpr std::string_view DAMAGED = "not a readable PDF (damaged or truncated)";

constexpr std::size_t SIGNATURE_WINDOW = 1024;  ///< "%PDF-" must start within this many bytes
constexpr std::size_t EOF_WINDOW = 1024;        ///< ... and "%%EOF" within this many from the end
constexpr double SAME_LINE = 0.5;        ///< words whose centres differ by less (x height) share a line
constexpr double WORD_GAP = 0.15;        ///< a gap wider than this (x height) between words is a space
constexpr double PARAGRAPH_GAP = 1.4;    ///< a line pitch this many times the usual one opens a paragraph
constexpr std::size_t FEW_PITCHES = 3;   ///< with fewer line pitches to go by, assume single spacing:
constexpr double SINGLE_SPACING = 1.5;   ///< ... a usual pitch of at most this many line heights
constexpr double PAGE_EDGE_SLACK = 0.5;  ///< pitches from the usual top (bottom) of a page's text: a blank line there
constexpr std::size_t MIN_GAPS = 2;      ///< a document with this many gaps, and one per
constexpr std::size_t LINES_PER_GAP = 20;  ///< ... this many lines, marks paragraphs with gaps
constexpr double SHORT_LINE = 0.8;       ///< a sentence ending on a line shorter than this (x column) ends a paragraph
constexpr double HEADING_LINE = 0.5;     ///< a line shorter than this, without final punctuation, stands alone
constexpr double FONT_CHANGE = 1.2;      ///< a change of line height by this factor opens a paragraph
constexpr std::size_t EDGE_LINES = 2;    ///< lines at the top and at the bottom of a page that may be furniture
constexpr std::size_t MAX_HEADER_CHARS = 120;  ///< longer lines are never running headers
constexpr double HEADER_POSITION_STEP = 8;     ///< points: a running header stays at the same height on each page
/// Lines alike but for their numbers ("Page 2 - Statement", "Article 5") make a running header only on this many pages.
constexpr std::size_t MIN_PAGES_NUMBERED_HEADER = 3;

struct Line {
    std::string text;
    double left = 0, right = 0, top = 0, bottom = 0;
    double height() const { return bottom - top; }
};
using Page = std::vector<Line>;

// poppler reports problems through one global function; count them per thread.
thread_local int poppler_messages = 0;
void count_message(const std::string&, void*) { ++poppler_messages; }

/// Words -> lines: a new line when the baseline moves or the text goes back left.
Page page_lines(const poppler::page& page, std::size_t& chars) {
    Page lines;
    bool space_after = false;
    for (const auto& box : page.text_list()) {
        const auto bytes = box.text().to_utf8();
        std::string word(bytes.begin(), bytes.end());
        if (word.empty()) continue;
        chars += word.size();
        const poppler::rectf r = box.bbox();
        const double h = std::max(r.height(), 1.0);
        const bool same_line = !lines.empty() && r.left() > lines.back().right - h &&
                               std::abs(r.top() + r.bottom() - lines.back().top - lines.back().bottom) / 2 <
                                   SAME_LINE * std::max(h, lines.back().height());
        if (!same_line) lines.push_back(Line{{}, r.left(), r.right(), r.top(), r.bottom()});
        else if (space_after || r.left() - lines.back().right > WORD_GAP * h) lines.back().text += ' ';
        Line& line = lines.back();
        line.text += word;
        line.right = std::max(line.right, r.right());
        line.top = std::min(line.top, r.top());
        line.bottom = std::max(line.bottom, r.bottom());
        space_after = box.has_space_after();
    }
    return lines;
}

bool is_page_number(const std::string& line) {
    static const std::regex pattern(
        R"(^(page|p\.|pg\.?|seite|página|pagina)?\s*(-|–|—)?\s*\d{1,4}\s*(-|–|—)?\s*((of|/|de|sur|von)\s*\d{1,4})?$)",
        std::regex::icase | std::regex::optimize);
    return line.size() <= 32 && std::regex_match(line, pattern);
}

/// A line's height on the page and its text (ASCII lowercased; with `shape`, each number as '#'),
/// for comparing headers across pages.
std::string furniture_key(const Line& line, bool shape) {
    std::string key = (shape ? "#" : "=") + std::to_string(std::lround(line.top / HEADER_POSITION_STEP)) + ":";
    for (const char c : line.text) {
        if (shape && c >= '0' && c <= '9') { if (key.back() != '#') key += '#'; }
        else if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
        else if (c != ' ') key += c;
    }
    return key;
}

/// Indexes of the lines at the top and the bottom of a page (by position, not reading order).
std::set<std::size_t> edge_lines(const Page& page) {
    std::vector<std::size_t> order(page.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return page[a].top < page[b].top; });
    std::set<std::size_t> edges;
    for (std::size_t i = 0; i < order.size() && i < EDGE_LINES; ++i) {
        edges.insert(order[i]);
        edges.insert(order[order.size() - 1 - i]);
    }
    return edges;
}

/// Drops page numbers, and lines repeated at the top or bottom of most pages.
void drop_furniture(std::vector<Page>& pages, std::vector<std::string>& warnings) {
    std::unordered_map<std::string, std::size_t> pages_with;
    for (const auto& page : pages) {
        std::set<std::string> keys;
        for (const std::size_t i : edge_lines(page))
            if (page[i].text.size() <= MAX_HEADER_CHARS) {
                keys.insert(furniture_key(page[i], false));
                keys.insert(furniture_key(page[i], true));
            }
        for (const auto& key : keys) ++pages_with[key];
    }
    const std::size_t most = std::max<std::size_t>(2, (pages.size() + 1) / 2);
    const auto is_running = [&](const Line& line) {
        return line.text.size() <= MAX_HEADER_CHARS &&
               (pages_with[furniture_key(line, false)] >= most ||
                pages_with[furniture_key(line, true)] >= std::max(MIN_PAGES_NUMBERED_HEADER, most));
    };
    std::size_t numbers = 0, running = 0;
    for (auto& page : pages) {
        std::vector<bool> drop(page.size(), false);
        for (const std::size_t i : edge_lines(page)) {
            const bool number = is_page_number(page[i].text), header = !number && is_running(page[i]);
            drop[i] = number || header;
            numbers += number;
            running += header;
        }
        Page kept;
        for (std::size_t i = 0; i < page.size(); ++i)
            if (!drop[i]) kept.push_back(std::move(page[i]));
        page = std::move(kept);
    }
    if (numbers) warnings.push_back("dropped " + std::to_string(numbers) + " page numbers");
    if (running) warnings.push_back("dropped " + std::to_string(running) + " running header and footer lines");
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)))];
}

/// How the document sets its lines: the usual line pitch and the text column.
struct Layout {
    double pitch = 0, column_left = 0, column_width = 1;
    double page_top = 0;     ///< where the body text of a page starts
    double page_bottom = 0;  ///< ... and where it ends
    bool gap_style = false;  ///< paragraphs are set apart by vertical space

    explicit Layout(const std::vector<Page>& pages) {
        std::vector<double> pitches, lefts, rights, heights, tops, bottoms;
        for (const auto& page : pages)
            for (std::size_t i = 0; i < page.size(); ++i) {
                if (i == 0) tops.push_back(page[i].top);
                if (i + 1 == page.size()) bottoms.push_back(page[i].bottom);
                lefts.push_back(page[i].left);
                rights.push_back(page[i].right);
                heights.push_back(page[i].height());
                if (i > 0 && page[i].top - page[i - 1].top > SAME_LINE * page[i].height())
                    pitches.push_back(page[i].top - page[i - 1].top);
            }
        pitch = percentile(pitches, 0.25);
        if (pitches.size() < FEW_PITCHES) pitch = std::min(pitch, SINGLE_SPACING * percentile(heights, 0.5));
        page_top = percentile(tops, 0);
        page_bottom = percentile(bottoms, 1);
        column_left = percentile(lefts, 0.1);
        column_width = std::max(percentile(rights, 0.9) - column_left, 1.0);
        const auto gaps = std::count_if(pitches.begin(), pitches.end(), [&](double p) { return p > PARAGRAPH_GAP * pitch; });
        gap_style = static_cast<std::size_t>(gaps) >= std::max(MIN_GAPS, lefts.size() / LINES_PER_GAP);
    }
};

/// Whether `line` starts a new paragraph after `previous`; `downward` when it
/// follows on the same page, below it (not on a new page or column).
bool opens_paragraph(const Line& previous, const Line& line, const Layout& layout, bool downward) {
    const double ratio = line.height() / std::max(previous.height(), 1.0);
    if (ratio > FONT_CHANGE || ratio < 1 / FONT_CHANGE || extract::starts_bullet(line.text)) return true;
    if (downward && layout.pitch > 0 && line.top - previous.top > PARAGRAPH_GAP * layout.pitch) return true;
    // Where gaps mark paragraphs, a short line is only a cue across a page or column break.
    if (downward && layout.gap_style) return false;
    const double width = (previous.right - layout.column_left) / layout.column_width;
    return (width < SHORT_LINE && extract::ends_sentence(previous.text)) ||
           (width < HEADING_LINE && !previous.text.ends_with("-") && !extract::starts_lowercase(line.text));
}

std::vector<std::string> paragraphs(const std::vector<Page>& pages) {
    const Layout layout(pages);
    std::vector<std::string> out;
    std::string current;
    const Line* previous = nullptr;
    for (const auto& page : pages) {
        for (std::size_t i = 0; i < page.size(); ++i) {
            const bool downward = i > 0 && page[i].top > page[i - 1].top;
            // Text that starts lower on its page than on others, or ended higher on the page before,
            // has a blank line before it.
            const double slack = PAGE_EDGE_SLACK * layout.pitch;
            const bool blank_before = i == 0 && previous != nullptr &&
                                      (page[i].top > layout.page_top + slack ||
                                       previous->bottom < layout.page_bottom - slack);
            if (previous && (blank_before || opens_paragraph(*previous, page[i], layout, downward)) && !current.empty())
                out.push_back(std::exchange(current, {}));
            extract::append_line(current, page[i].text);
            previous = &page[i];
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

Expected<Extraction> extract_pdf(std::string_view bytes) {
    static std::once_flag silenced;
    std::call_once(silenced, [] { poppler::set_debug_error_function(count_message, nullptr); });

    if (bytes.size() > static_cast<std::size_t>(INT_MAX) ||
        bytes.substr(0, SIGNATURE_WINDOW).find("%PDF-") == std::string_view::npos)
        return extract::unreadable(std::string(DAMAGED));
    const bool has_eof = bytes.substr(bytes.size() - std::min(bytes.size(), EOF_WINDOW)).find("%%EOF") !=
                         std::string_view::npos;
    const int messages_before = poppler_messages;
    try {
        std::unique_ptr<poppler::document> doc(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!doc) return extract::unreadable(std::string(DAMAGED));
        if (doc->is_locked()) return extract::unreadable(std::string(ENCRYPTED));
        if (doc->pages() <= 0) return extract::unreadable(std::string(DAMAGED));

        std::vector<Page> pages;
        std::size_t chars = 0;
        for (int i = 0; i < doc->pages(); ++i) {
            const std::unique_ptr<poppler::page> page(doc->create_page(i));
            if (!page) return extract::unreadable(std::string(DAMAGED));
            pages.push_back(page_lines(*page, chars));
        }
        // poppler mends small damage quietly; a file cut short is damage we refuse.
        const bool complained = poppler_messages != messages_before;
        if (complained && !has_eof) return extract::unreadable(std::string(DAMAGED));
        if (chars == 0) return extract::unreadable(std::string(complained ? DAMAGED : NO_TEXT));

        Extraction result;
        drop_furniture(pages, result.warnings);
        result.text = extract::join_blocks(paragraphs(pages));
        if (result.text.empty()) return extract::unreadable(std::string(NO_TEXT));
        return result;
    } catch (const std::bad_alloc&) {
        return extract::unreadable(std::string(DAMAGED));
    }
}

}  // namespace stmt
