/** @file phrase_banks.cc
 *  @brief The registry of phrase banks, built once.
 */
#include "phrase_banks.h"

namespace gen_corpus {

const std::vector<std::string>& bank_languages() {
    static const std::vector<std::string> languages = {"en", "fr", "es", "ru", "ar", "zh"};
    return languages;
}

const PhraseBank* phrase_bank(const std::string& language) {
    static const std::map<std::string, PhraseBank> banks = {
        {"en", make_english_bank()}, {"fr", make_french_bank()}, {"es", make_spanish_bank()},
        {"ru", make_russian_bank()}, {"ar", make_arabic_bank()}, {"zh", make_chinese_bank()},
    };
    const auto it = banks.find(language);
    return it == banks.end() ? nullptr : &it->second;
}

}  // namespace gen_corpus
