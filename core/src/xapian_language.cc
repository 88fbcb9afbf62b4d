/** @file xapian_language.cc
 *  @brief ISO 639-1 codes to Xapian stemmers.
 */
#include "stmtlib/xapian_language.h"

namespace stmt {

Xapian::Stem stemmer_for(const std::string& language) {
    // Xapian knows these by ISO 639-1 code too; Chinese has no stemmer.
    static const char* const stemmed[] = {"en", "fr", "es", "ru", "ar", "de", "it", "pt", "nl"};
    for (const char* code : stemmed)
        if (language == code) return Xapian::Stem(language);
    return Xapian::Stem();
}

}  // namespace stmt
