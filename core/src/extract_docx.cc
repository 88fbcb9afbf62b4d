/** @file extract_docx.cc
 *  @brief Word .docx -> paragraphs with libzip and pugixml.
 *
 *  The archive is read from memory. Declared sizes are checked before any
 *  part is inflated (zip bombs), and parts are read with a hard cap in case
 *  the sizes lie. The body's paragraphs, headings, list items and table
 *  cells become blocks in document order; real footnotes follow as "[n] text".
 */
#include "stmtlib/extractors.h"

#include "extract_common.h"

#include <pugixml.hpp>
#include <zip.h>

#include <memory>
#include <optional>

namespace stmt {
namespace {

constexpr std::string_view DOCUMENT_PART = "word/document.xml";
constexpr std::string_view FOOTNOTES_PART = "word/footnotes.xml";
constexpr std::string_view NOT_ZIP = "not a Word .docx file (not a zip archive)";
constexpr std::string_view NO_DOCUMENT = "not a Word .docx file (no word/document.xml)";
constexpr std::size_t READ_CHUNK = std::size_t{64} * 1024;
constexpr int MAX_XML_DEPTH = 256;  ///< deeper markup is skipped (with a warning) rather than recursed into

struct ArchiveDiscard {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;

Error bomb(std::uint64_t bytes) {
    return extract::unreadable("refused: compressed data would inflate to " + std::to_string(bytes) +
                               " bytes (zip bomb?)");
}

/// Refuses the archive if any part, or all together, would inflate too far or too steeply.
std::optional<Error> check_sizes(zip_t* archive) {
    std::uint64_t total = 0;
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) < 0) continue;
        if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) continue;
        if (st.size > MAX_DOCX_INFLATED_BYTES) return bomb(st.size);
        total += st.size;
        if (total > MAX_DOCX_INFLATED_BYTES) return bomb(total);
        if (st.size >= MIN_DOCX_RATIO_CHECKED_BYTES &&
            (st.comp_size == 0 || st.size / st.comp_size > MAX_DOCX_COMPRESSION_RATIO))
            return bomb(st.size);
    }
    return std::nullopt;
}

/// A part, inflated with hard caps in case the declared sizes lie: its own
/// declared size, and `budget`, shared by all the parts read.
Expected<std::string> read_part(zip_t* archive, zip_int64_t index, std::string_view name, std::uint64_t& budget) {
    zip_stat_t st;
    const std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!file || zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
        return extract::unreadable("not a readable Word .docx file (" + std::string(name) + ": " +
                                   zip_strerror(archive) + ")");
    std::string out;
    std::vector<char> chunk(READ_CHUNK);
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
        if (n < 0)
            return extract::unreadable("not a readable Word .docx file (" + std::string(name) + ": " +
                                       zip_file_strerror(file.get()) + ")");
        if (n == 0) break;
        const auto read = static_cast<std::uint64_t>(n);
        if (read > budget) return bomb(MAX_DOCX_INFLATED_BYTES - budget + read);
        if (out.size() + read > st.size)
            return extract::unreadable("refused: " + std::string(name) + " inflates to more than its declared " +
                                       std::to_string(st.size) + " bytes (zip bomb?)");
        budget -= read;
        out.append(chunk.data(), static_cast<std::size_t>(n));
    }
    return out;
}

std::string_view local_name(const char* qualified) {
    const std::string_view name(qualified);
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view attribute(pugi::xml_node node, std::string_view local) {
    for (const auto a : node.attributes())
        if (local_name(a.name()) == local) return a.value();
    return {};
}

/// Walks WordprocessingML, one block per paragraph (w:p), in document order.
class Walker {
public:
    explicit Walker(std::vector<std::string>& blocks) : blocks_(blocks) {}
    bool too_deep() const { return too_deep_; }

    void blocks(pugi::xml_node node, int depth) {
        if (depth > MAX_XML_DEPTH) { too_deep_ = true; return; }
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string_view name = local_name(child.name());
            if (name == "p") paragraph(child, depth + 1);
            else if (!skipped(name)) blocks(child, depth + 1);
        }
    }

private:
    /// Properties, deleted text, and the VML copy of content that mc:Choice already holds.
    static bool skipped(std::string_view name) {
        return name == "pPr" || name == "rPr" || name == "sectPr" || name == "tblPr" || name == "trPr" ||
               name == "tcPr" || name == "del" || name == "moveFrom" || name == "Fallback" || name == "instrText";
    }

    void paragraph(pugi::xml_node node, int depth) {
        std::string text;
        std::vector<pugi::xml_node> nested;  // text boxes anchored in the paragraph
        runs(node, text, nested, depth);
        blocks_.push_back(std::move(text));
        for (const auto box : nested) blocks(box, depth + 1);
    }

    void runs(pugi::xml_node node, std::string& text, std::vector<pugi::xml_node>& nested, int depth) {
        if (depth > MAX_XML_DEPTH) { too_deep_ = true; return; }
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string_view name = local_name(child.name());
            if (name == "t") text += child.text().get();
            else if (name == "tab" || name == "ptab") text += ' ';
            else if (name == "br" || name == "cr") text += '\n';
            else if (name == "noBreakHyphen") text += '-';
            else if (name == "txbxContent" || name == "p") nested.push_back(child);
            else if (!skipped(name)) runs(child, text, nested, depth + 1);
        }
    }

    std::vector<std::string>& blocks_;
    bool too_deep_ = false;
};

/// Parses a part into `doc`; an error names the part.
std::optional<Error> parse(pugi::xml_document& doc, const std::string& xml, std::string_view name) {
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed)
        return extract::unreadable("not a readable Word .docx file (" + std::string(name) + " is not well-formed XML: " +
                                   parsed.description() + " at byte " + std::to_string(parsed.offset) + ")");
    return std::nullopt;
}

/// Real footnotes (not the separators) as "[n] text", numbered as Word shows them.
std::vector<std::string> footnotes(pugi::xml_node root, bool& too_deep) {
    std::vector<std::string> out;
    int number = 0;
    for (const auto note : root.children()) {
        if (note.type() != pugi::node_element || local_name(note.name()) != "footnote") continue;
        const std::string_view type = attribute(note, "type");
        if (!type.empty() && type != "normal") continue;  // separator, continuationSeparator, continuationNotice
        ++number;
        std::vector<std::string> paragraphs;
        Walker walker(paragraphs);
        walker.blocks(note, 0);
        too_deep = too_deep || walker.too_deep();
        std::string text;
        for (const auto& p : paragraphs) text += (text.empty() ? "" : " ") + p;
        if (text.find_first_not_of(" \n") != std::string::npos)
            out.push_back("[" + std::to_string(number) + "] " + text);
    }
    return out;
}

}  // namespace

Expected<Extraction> extract_docx(std::string_view bytes) {
    if (bytes.empty()) return extract::unreadable(std::string(NOT_ZIP));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* opened = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    zip_error_fini(&error);
    if (!opened) {
        if (source) zip_source_free(source);
        return extract::unreadable(std::string(NOT_ZIP));
    }
    const Archive archive(opened);  // owns the source from here

    const zip_int64_t document = zip_name_locate(archive.get(), DOCUMENT_PART.data(), ZIP_FL_NOCASE);
    if (document < 0) return extract::unreadable(std::string(NO_DOCUMENT));
    if (auto refused = check_sizes(archive.get())) return *refused;

    std::uint64_t budget = MAX_DOCX_INFLATED_BYTES;
    auto document_xml = read_part(archive.get(), document, DOCUMENT_PART, budget);
    if (!document_xml) return document_xml.error();
    pugi::xml_document body;
    if (auto broken = parse(body, *document_xml, DOCUMENT_PART)) return *broken;
    document_xml->clear();

    std::vector<std::string> blocks;
    Walker walker(blocks);
    walker.blocks(body.document_element(), 0);
    bool too_deep = walker.too_deep();

    if (const zip_int64_t notes = zip_name_locate(archive.get(), FOOTNOTES_PART.data(), ZIP_FL_NOCASE); notes >= 0) {
        auto notes_xml = read_part(archive.get(), notes, FOOTNOTES_PART, budget);
        if (!notes_xml) return notes_xml.error();
        pugi::xml_document notes_doc;
        if (auto broken = parse(notes_doc, *notes_xml, FOOTNOTES_PART)) return *broken;
        for (auto& note : footnotes(notes_doc.document_element(), too_deep)) blocks.push_back(std::move(note));
    }

    Extraction result;
    if (too_deep)
        result.warnings.push_back("skipped markup nested deeper than " + std::to_string(MAX_XML_DEPTH) + " levels");
    result.text = extract::join_blocks(blocks);
    if (result.text.empty()) return extract::unreadable("empty Word document (no text)");
    return result;
}

}  // namespace stmt
