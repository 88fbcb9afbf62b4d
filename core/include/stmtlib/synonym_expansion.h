/** @file synonym_expansion.h
 *  @brief Acronyms and their spelled-out forms, applied at query time from
 *  corpus/vocabulary/synonyms.yaml: `MLA` and `mutual legal assistance`
 *  find the same passages.
 */
#pragma once

#include <string>
#include <vector>

namespace stmt {

/// Rewrites each synonym met in the query, outside quotes, as a group of
/// all its equivalents: `MLA requests` -> `(MLA OR "mutual legal
/// assistance") requests`. Matching ignores case, except for terms of two
/// letters or fewer, which match only as written in capitals (so the French
/// article "un" is not read as "UN").
std::string expand_synonyms(const std::string& query, const std::vector<std::vector<std::string>>& groups);

}  // namespace stmt
