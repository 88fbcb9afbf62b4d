/** @file xapian_language.h
 *  @brief Which Xapian stemmer serves which statement language.
 */
#pragma once

#include <xapian.h>

#include <string>

namespace stmt {

/// The language every statement is assumed to be in unless it says otherwise.
inline constexpr const char* DEFAULT_LANGUAGE = "en";

/// The stemmer for an ISO 639-1 code; languages Xapian cannot stem get none.
Xapian::Stem stemmer_for(const std::string& language);

}  // namespace stmt
