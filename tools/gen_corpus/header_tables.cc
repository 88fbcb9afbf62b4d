/** @file header_tables.cc
 *  @brief French and Spanish header words. The session and chapter names
 *  here are aliases in corpus/vocabulary/{sessions,chapters}.yaml; a header
 *  that uses one the vocabulary lacks fails the check and is not used.
 */
#include "header_tables.h"

namespace gen_corpus {

const HeaderTables& french_tables() {
    static const HeaderTables t = [] {
        HeaderTables f;
        f.language = "fr";
        f.sessions = {
            {"ahc-org", "la session d'organisation"},
            {"ahc-1", "la première session"},
            {"ahc-2", "la deuxième session"},
            {"ahc-3", "la troisième session"},
            {"ahc-4", "la quatrième session"},
            {"ahc-5", "la cinquième session"},
            {"ahc-6", "la sixième session"},
            {"ahc-concluding", "la session de clôture"},
            {"ahc-concluding-resumed", "la reprise de la session de clôture"},
            {"intersessional-1", "la première consultation intersessions"},
            {"intersessional-2", "la deuxième consultation intersessions"},
            {"intersessional-3", "la troisième consultation intersessions"},
            {"intersessional-4", "la quatrième consultation intersessions"},
            {"intersessional-5", "la cinquième consultation intersessions"},
            {"signing-ceremony", "la cérémonie de signature"},
            {"cosp-rules-preparation", "la session préparatoire sur le règlement intérieur de la Conférence des États parties"},
        };
        f.chapters = {
            {"preamble", {"Préambule"}},
            {"general-provisions", {"Dispositions générales", "Chapitre I : Dispositions générales"}},
            {"criminalization", {"Chapitre II : Incrimination", "Chapitre sur l'incrimination"}},
            {"jurisdiction", {"Compétence", "Chapitre III : Compétence"}},
            {"procedural-measures-and-law-enforcement",
             {"Mesures procédurales et application de la loi", "Mesures procédurales", "Chapitre IV : Mesures procédurales"}},
            {"international-cooperation", {"Coopération internationale", "Chapitre V : Coopération internationale"}},
            {"preventive-measures", {"Mesures préventives", "Mesures de prévention", "Chapitre VI : Mesures préventives"}},
            {"technical-assistance-and-information-exchange",
             {"Assistance technique et échange d'informations", "Assistance technique", "Chapitre VII : Assistance technique"}},
            {"mechanism-of-implementation",
             {"Mécanisme d'application", "Mécanisme de mise en œuvre", "Chapitre VIII : Mécanisme d'application"}},
            {"final-provisions", {"Dispositions finales", "Chapitre IX : Dispositions finales"}},
            {"general", {"Déclaration générale", "Déclaration liminaire"}},
        };
        f.cities = {{"Vienna", "Vienne"}, {"New York", "New York"}, {"Hanoi", "Hanoï"}};
        f.months = {"janvier", "février", "mars", "avril", "mai", "juin",
                    "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
        f.statement_of = "Déclaration de";
        f.at = "à";
        f.of_committee = "du Comité spécial";
        f.statement = "Déclaration";
        f.presented_by = "Présentée par";
        f.on_behalf_of = "au nom de";
        return f;
    }();
    return t;
}

const HeaderTables& spanish_tables() {
    static const HeaderTables t = [] {
        HeaderTables s;
        s.language = "es";
        s.sessions = {
            {"ahc-org", "el período de sesiones de organización"},
            {"ahc-1", "el primer período de sesiones"},
            {"ahc-2", "el segundo período de sesiones"},
            {"ahc-3", "el tercer período de sesiones"},
            {"ahc-4", "el cuarto período de sesiones"},
            {"ahc-5", "el quinto período de sesiones"},
            {"ahc-6", "el sexto período de sesiones"},
            {"ahc-concluding", "el período de sesiones de clausura"},
            {"ahc-concluding-resumed", "la continuación del período de sesiones de clausura"},
            {"intersessional-1", "la primera consulta entre períodos de sesiones"},
            {"intersessional-2", "la segunda consulta entre períodos de sesiones"},
            {"intersessional-3", "la tercera consulta entre períodos de sesiones"},
            {"intersessional-4", "la cuarta consulta entre períodos de sesiones"},
            {"intersessional-5", "la quinta consulta entre períodos de sesiones"},
            {"signing-ceremony", "la ceremonia de firma"},
            {"cosp-rules-preparation", "el período de sesiones sobre el reglamento de la Conferencia de los Estados Partes"},
        };
        s.chapters = {
            {"preamble", {"Preámbulo"}},
            {"general-provisions", {"Disposiciones generales", "Capítulo I: Disposiciones generales"}},
            {"criminalization", {"Penalización", "Tipificación", "Capítulo II: Penalización"}},
            {"jurisdiction", {"Jurisdicción", "Capítulo III: Jurisdicción"}},
            {"procedural-measures-and-law-enforcement",
             {"Medidas procesales y aplicación de la ley", "Medidas procesales", "Capítulo IV: Medidas procesales"}},
            {"international-cooperation", {"Cooperación internacional", "Capítulo V: Cooperación internacional"}},
            {"preventive-measures", {"Medidas preventivas", "Capítulo VI: Medidas preventivas"}},
            {"technical-assistance-and-information-exchange",
             {"Asistencia técnica e intercambio de información", "Asistencia técnica", "Capítulo VII: Asistencia técnica"}},
            {"mechanism-of-implementation", {"Mecanismo de aplicación", "Capítulo VIII: Mecanismo de aplicación"}},
            {"final-provisions", {"Disposiciones finales", "Capítulo IX: Disposiciones finales"}},
            {"general", {"Declaración general", "Declaración de apertura"}},
        };
        s.cities = {{"Vienna", "Viena"}, {"New York", "Nueva York"}, {"Hanoi", "Hanói"}};
        s.months = {"enero", "febrero", "marzo", "abril", "mayo", "junio",
                    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
        s.statement_of = "Declaración de";
        s.at = "en";
        s.of_committee = "del Comité Especial";
        s.statement = "Declaración";
        s.presented_by = "Presentada por";
        s.on_behalf_of = "en nombre de";
        return s;
    }();
    return t;
}

}  // namespace gen_corpus
