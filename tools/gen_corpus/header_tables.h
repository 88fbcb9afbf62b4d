/** @file header_tables.h
 *  @brief French and Spanish header words: names of sessions and chapters
 *  (listed as aliases in corpus/vocabulary), cities, months, phrasing.
 */
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

namespace gen_corpus {

struct HeaderTables {
    std::string language;
    std::map<std::string, std::string> sessions;               ///< id -> name with article ("la cinquième session")
    std::map<std::string, std::vector<std::string>> chapters;  ///< id -> header lines naming it
    std::map<std::string, std::string> cities;                 ///< English name -> local name
    std::array<std::string, 12> months;
    std::string statement_of;   ///< "Déclaration de"
    std::string at;             ///< "à" (+ session with article)
    std::string of_committee;   ///< "du Comité spécial"
    std::string statement;      ///< "Déclaration"
    std::string presented_by;   ///< "Présentée par"
    std::string on_behalf_of;   ///< "au nom de"
};

const HeaderTables& french_tables();
const HeaderTables& spanish_tables();

}  // namespace gen_corpus
