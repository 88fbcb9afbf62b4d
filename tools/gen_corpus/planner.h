/** @file planner.h
 *  @brief What each statement will be: language, metadata source, format,
 *  session, chapter, status, date and organisation, spread evenly.
 *
 *  Each attribute is chosen by a balancer: among the values allowed for this
 *  statement, one of those used least so far (relative to its weight), ties
 *  broken at random. Constraints (PDF only for Latin scripts, front matter
 *  and folders only for txt/md, French and Spanish headers only with the
 *  default status) are met while the totals stay as even as they allow.
 */
#pragma once

#include "organizations.h"
#include "rng.h"
#include "vocab.h"

#include <map>
#include <string>
#include <vector>

namespace gen_corpus {

/// Where a statement's metadata is written (the values of the truth's "metadata_from").
inline const std::vector<std::string> METADATA_SOURCES = {"front_matter", "header", "sidecar", "manifest", "folder"};
/// Their shares of the corpus, in tenths, when all are requested.
inline const std::map<std::string, int> METADATA_WEIGHTS = {
    {"front_matter", 3}, {"header", 4}, {"sidecar", 1}, {"manifest", 1}, {"folder", 1}};
inline const std::vector<std::string> ALL_FORMATS = {"txt", "md", "pdf", "docx", "html"};
/// Languages PDF is written for (docgen's PDF writer is WinAnsi, Latin text only).
inline const std::vector<std::string> PDF_LANGUAGES = {"en", "fr", "es"};

struct Plan {
    std::string language;
    std::string source;
    std::string format;
    std::string session;
    std::string chapter;
    std::string status;
    std::string date;  ///< YYYY-MM-DD inside the session, or empty
    const FictionalOrganization* org = nullptr;
};

class Balancer {
public:
    /// One of `allowed` with the least count / weight (weights default to 1).
    std::string choose(const std::vector<std::string>& allowed, Rng& rng, const std::map<std::string, int>& weights = {});

private:
    std::map<std::string, long> counts_;
};

class Planner {
public:
    /// Throws std::runtime_error when no requested language can be written at all.
    Planner(const Vocab& vocab, const std::vector<std::string>& languages, std::vector<std::string> formats,
            std::vector<std::string> sources);

    Plan next(Rng& rng);

    /// Requested languages that no requested format and metadata source can carry
    /// (e.g. Chinese when only PDF is requested); they are left out.
    const std::vector<std::string>& left_out_languages() const { return left_out_; }

    /// Formats a statement of `language` may take when its metadata lives in `source`.
    std::vector<std::string> formats_for(const std::string& language, const std::string& source) const;

private:
    const Vocab& vocab_;
    std::vector<std::string> languages_, formats_, sources_, left_out_;
    Balancer language_, source_, session_, chapter_, status_, dated_;
    std::map<std::string, Balancer> format_by_source_, org_by_language_;
};

/// A day inside [start, end] (YYYY-MM-DD).
std::string random_day(const std::string& start, const std::string& end, Rng& rng);

}  // namespace gen_corpus
