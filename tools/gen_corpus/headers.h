/** @file headers.h
 *  @brief Header lines in the styles real statements use, each checked
 *  against the vocabulary so that it names exactly the intended session,
 *  chapter, status and organisation.
 */
#pragma once

#include "organizations.h"
#include "rng.h"
#include "vocab.h"

#include <optional>
#include <string>
#include <vector>

namespace gen_corpus {

struct HeaderRequest {
    const Vocab& vocab;
    const SessionInfo& session;
    const ChapterInfo& chapter;
    const StatusInfo& status;
    const FictionalOrganization& org;
    const OrganizationInfo& org_entry;  ///< as the vocabulary knows it (keys)
    bool registered;                    ///< the organisation is in the corpus vocabulary
    std::string language;               ///< of the statement; headers are en, fr or es
    std::string date;                   ///< YYYY-MM-DD, or empty: the header names no date
    std::string format;                 ///< txt, md, pdf, docx, html
};

/// Blocks of header lines (a blank line between blocks), Markdown decoration included.
struct Header {
    std::vector<std::vector<std::string>> blocks;
    std::string style;  ///< which style was used, for the README's statistics
};

/// A header for the request, or nullopt when no style can express it.
std::optional<Header> make_header(const HeaderRequest& request, Rng& rng);

/// Whether some header style of `language` can express `status` (French and
/// Spanish headers have no status words in statuses.yaml, so only the default).
bool header_can_express(const Vocab& vocab, const std::string& language, const StatusInfo& status);

/// The first line of a statement filed by folder: "Statement by ORG" and the
/// like, naming neither session nor chapter.
std::optional<std::string> make_speaker_line(const HeaderRequest& request, Rng& rng);

/// "12 April 2023" and other spellings of an ISO date, per language.
std::string spell_date(const std::string& iso, const std::string& language, Rng& rng);

}  // namespace gen_corpus
