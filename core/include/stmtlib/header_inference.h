/** @file header_inference.h
 *  @brief Metadata read off a statement's own header lines, e.g.
 *  "*ALLIANCE DRAFT STATEMENT FOR AHC 5*" / "*International cooperation*".
 */
#pragma once

#include "stmtlib/statement.h"
#include "stmtlib/vocabulary.h"

#include <optional>
#include <string>
#include <vector>

namespace stmt {

struct HeaderLine {
    std::string text;  ///< undecorated
    int line = 0;
};

/// A value found in the header and the line it came from.
struct LocatedValue {
    std::string value;
    int line = 0;
};

struct InferredMetadata {
    std::optional<LocatedValue> session;       ///< session id
    std::optional<LocatedValue> chapter;       ///< chapter id
    std::optional<LocatedValue> organization;  ///< known organisation id
    std::optional<LocatedValue> new_organization;  ///< a name not in the vocabulary
    std::optional<LocatedValue> status;        ///< status id
    std::optional<LocatedValue> date;          ///< YYYY-MM-DD
    std::string title;                         ///< composed from the header lines
};

/// Reads session, chapter, organisation, status, date and a title from
/// header lines. A line that names a session or chapter the vocabulary does
/// not know ("AHC 9", "Chapter XII") adds an error to `diagnostics`.
InferredMetadata infer_metadata(const std::vector<HeaderLine>& header, const Vocabulary& vocabulary,
                                const std::string& file, std::vector<Diagnostic>& diagnostics);

/// "ALLIANCE DRAFT STATEMENT FOR AHC 5" -> "Alliance draft statement for AHC 5":
/// lines without lowercase letters become sentence case, keeping acronyms.
std::string soften_capitals(const std::string& line, const std::vector<std::string>& acronyms);

/// The same for a name: "KESTREL DIGITAL TRUST" -> "Kestrel Digital Trust"
/// (short joining words such as "of", "and", "de" stay lowercase).
std::string soften_name_capitals(const std::string& name, const std::vector<std::string>& acronyms);

}  // namespace stmt
