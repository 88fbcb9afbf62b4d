/** @file organizations.h
 *  @brief The fictional organisations (and speakers) of the synthetic corpus.
 *
 *  None is a real organisation: the names were invented for the tests and
 *  checked against corpus/vocabulary/organizations.yaml. They contain none of
 *  the words the indexer reads as something else (session and chapter
 *  aliases, status keywords, "statement", "session", and the words at, to,
 *  for, on, in... that end a name in "Statement by X at ...").
 */
#pragma once

#include "vocab.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gen_corpus {

struct FictionalOrganization {
    std::string id;          ///< the id we register (accents folded)
    std::string name;        ///< full name
    std::string short_name;  ///< registered as an alias too
    std::string language;    ///< language of the name: en, es, fr
};

const std::vector<FictionalOrganization>& fictional_organizations();

/// Fictional speakers for "Delivered by NAME on behalf of ORG", per language.
const std::vector<std::string>& speaker_names(const std::string& language);

/// The id the indexer gives an organisation it discovers (text::slugify):
/// ASCII letters and digits kept, anything else a separator.
std::string indexer_slug(const std::string& name);

/// Appends the fictional organisations to DIR/organizations.yaml (a copy of
/// the vocabulary), skipping any whose id is already there, and adds them to
/// `vocab`. Throws std::runtime_error when the result does not load.
void register_organizations(const std::filesystem::path& vocabulary_dir, Vocab& vocab);

/// The organisation as the vocabulary will know it, with its match keys.
OrganizationInfo as_vocab_entry(const FictionalOrganization& org, bool registered);

}  // namespace gen_corpus
