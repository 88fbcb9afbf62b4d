/** @file phrase_banks_fr.cc
 *  @brief French phrase bank.
 */
#include "phrase_banks.h"

namespace gen_corpus {

PhraseBank make_french_bank() {
    PhraseBank b;
    b.language = "fr";
    b.openings = {"Madame la Présidente,", "Monsieur le Président,", "Madame la Présidente, Excellences,"};
    b.closings = {"Je vous remercie.", "Merci.", "Merci beaucoup, Madame la Présidente.", "Je vous remercie de votre attention."};
    b.marker = "(Déclaration synthétique générée pour les tests ; il ne s'agit pas d'une déclaration réelle.)";
    b.intros = {
        "$Org {remercie|salue} la Présidence {et le Secrétariat|} pour {le travail accompli|la qualité des consultations} "
        "et {souhaite formuler|présente} {quelques observations|plusieurs recommandations} sur $CHAPTER. Nos membres "
        "{accompagnent|soutiennent} {des journalistes, des militants et des victimes|des familles, des écoles et des lignes "
        "d'écoute|de petits fournisseurs de services et des réseaux communautaires} dans plus de $N pays.",
        "$Org {intervient|prend la parole} sur $CHAPTER {car|parce que} la rédaction de ce texte {déterminera|décidera} si la "
        "convention {protège|sert} réellement les personnes {qu'elle prétend protéger|concernées}. Nos remarques {reposent sur|"
        "s'appuient sur} {$YEARS années de travail de terrain|notre expérience quotidienne auprès des communautés touchées}.",
    };
    b.neutral_intros = {
        "$Org {remercie|salue} la Présidence pour {l'occasion qui lui est donnée de s'exprimer|le caractère inclusif du processus}. "
        "Nos membres {travaillent avec|soutiennent} {des défenseurs des droits humains|des victimes et leurs avocats} dans plus "
        "de $N pays, et nos observations {reposent sur|reflètent} {cette expérience|des années de travail de terrain}.",
    };
    b.conclusions = {
        "Nous {restons à la disposition des délégations|sommes prêts à partager notre expérience} {pour la suite des travaux|"
        "entre les sessions}. La participation de la société civile {a enrichi|renforce} le texte, et nous {espérons|souhaitons} "
        "que les modalités {retenues|convenues} {soient maintenues|se poursuivent} au sein de la Conférence des États parties.",
        "En {conclusion|somme}, nous {invitons|appelons} les délégations à placer les garanties relatives aux droits humains "
        "{au cœur de|au centre de} {chaque disposition|l'ensemble du texte} et à {consulter|entendre} les personnes {les plus "
        "touchées|directement concernées} avant l'adoption {du texte|de la convention}.",
    };
    b.connectors = {"En outre, ", "Par ailleurs, ", "De plus, ", "Dans la pratique, ", "Enfin, "};
    b.themes = {
        {"human-rights-safeguards", {
            "L'article $ART {devrait affirmer|doit affirmer} que toutes les obligations seront mises en œuvre dans le plein respect des droits humains, {au lieu de|plutôt que de} renvoyer simplement au droit interne.",
            "Chaque pouvoir procédural {doit|devrait} être soumis à des conditions et garanties conformes au droit international des droits de l'homme, {notamment|en particulier} aux principes de légalité, de nécessité et de proportionnalité.",
            "Une autorisation judiciaire préalable {devrait être exigée|est indispensable} pour les mesures {intrusives|les plus intrusives}, et un contrôle indépendant {doit pouvoir|devrait pouvoir} en vérifier l'usage.",
            "Les personnes {concernées|visées} par ces mesures {doivent disposer|ont besoin} d'un recours effectif, ce qui suppose {une notification dès que l'enquête le permet|des voies de recours claires}.",
            "Sans garanties solides, les mécanismes de coopération {risquent de devenir|peuvent devenir} des instruments de répression transnationale contre {les dissidents en exil|les défenseurs des droits humains|les journalistes}.",
        }},
        {"freedom-of-expression", {
            "Les infractions liées au contenu {n'ont pas leur place|ne devraient pas figurer} dans une convention sur la cybercriminalité, car elles {ouvrent la voie à|favorisent} la censure.",
            "La liberté d'expression et l'accès à l'information {sont trop souvent restreints|sont régulièrement limités} par des lois {vagues|rédigées en termes trop larges}, et ce texte ne doit pas {aggraver|renforcer} cette tendance.",
            "Les journalistes et les militants {dépendent|ont besoin} {d'outils chiffrés|de communications sécurisées} pour protéger leurs sources, et la liberté de la presse {souffre|recule} lorsque ces outils sont {considérés comme suspects|criminalisés}.",
        }},
        {"privacy-data-protection", {
            "Le droit à la vie privée {doit être protégé|mérite une protection} à chaque étape de la collecte, de la conservation et du transfert des données personnelles.",
            "Les données relatives au trafic et les informations sur les abonnés {peuvent révéler|révèlent souvent} les contacts, les déplacements et les habitudes d'une personne, et {méritent|exigent} les mêmes garanties que le contenu.",
            "La protection des données {doit accompagner|devrait encadrer} tout transfert transfrontalier, avec {une limitation des finalités|des durées de conservation claires} et {l'effacement des données devenues inutiles|des limites aux transferts ultérieurs}.",
        }},
        {"scope-definitions", {
            "Étendre la convention à toutes les infractions facilitées par l'informatique {reviendrait à couvrir|couvrirait} presque toute la criminalité moderne.",
            "Nous {soutenons|privilégions} un champ d'application étroit, {centré sur|limité aux} infractions {dépendantes de l'informatique|où les systèmes informatiques sont à la fois le moyen et la cible}.",
            "Les définitions {doivent être précises|devraient être étroites} et {reprendre|suivre} une terminologie déjà éprouvée devant les juridictions nationales.",
        }},
        {"criminalization-offences", {
            "Les infractions d'accès illégal, d'interception illégale et d'utilisation abusive de dispositifs {doivent exiger|devraient exiger} une intention malhonnête et un comportement sans droit.",
            "L'article $ART, {tel qu'il est rédigé|dans sa forme actuelle}, {risque de criminaliser|pourrait criminaliser} des étudiants, des administrateurs de systèmes et des utilisateurs curieux {au même titre que|autant que} de véritables attaquants.",
        }},
        {"security-research", {
            "Les chercheurs en sécurité qui agissent de bonne foi {rendent les réseaux plus sûrs|protègent chacun d'entre nous}, et le texte {devrait préciser|doit indiquer} que leur travail ne constitue pas une infraction.",
            "Les lanceurs d'alerte qui révèlent des informations d'intérêt public {ne devraient pas|ne doivent pas} être exposés à des poursuites {au titre de|en vertu de} ces dispositions.",
        }},
        {"procedural-powers", {
            "La collecte en temps réel des données relatives au trafic {doit être limitée|devrait être réservée} à une liste fermée d'infractions graves, avec des délais stricts.",
            "Les mesures procédurales, {telles que|comme} les injonctions de produire, la perquisition et la saisie ou la conservation rapide, {doivent être encadrées|doivent rester soumises à} des garanties strictes.",
            "Les preuves électroniques {recueillies|obtenues} {au titre de|en vertu de} ce chapitre {doivent pouvoir être contestées|doivent rester contestables} par la défense, {y compris|notamment} la chaîne de conservation.",
        }},
        {"international-cooperation", {
            "L'entraide judiciaire {doit rester|devrait rester} soumise à la double incrimination pour les mesures coercitives, afin de ne pas exporter les définitions les plus larges à toutes les parties.",
            "Les motifs de refus {doivent être explicites|doivent être clairs} : un État requis {doit pouvoir|devrait pouvoir} refuser une demande visant à punir une personne pour ses opinions politiques.",
            "Le réseau 24/7 {devrait se limiter|doit se limiter} à la conservation urgente des données et ne pas devenir {un canal de divulgation informelle|un moyen de contourner le contrôle judiciaire}.",
        }},
        {"gender", {
            "L'intégration de la dimension de genre {doit se refléter|devrait apparaître} dans l'ensemble de la convention, et pas seulement dans le préambule.",
            "Les violences fondées sur le genre facilitées par la technologie, {notamment|comme} le partage non consenti d'images intimes, touchent de manière disproportionnée les femmes et les filles.",
        }},
        {"child-protection", {
            "Les infractions relatives aux contenus d'abus sexuels sur enfants {doivent être définies|devraient être définies} au regard des droits de l'enfant, sans criminaliser les échanges consentis entre pairs.",
            "La protection de l'enfance {repose sur|exige} la prévention et l'éducation autant que la répression, avec {un soutien aux familles|des lignes d'écoute spécialisées}.",
        }},
        {"victims-witnesses", {
            "La convention {doit être|devrait être} centrée sur les victimes, avec l'accès à la justice, le soutien aux victimes et la protection des témoins comme obligations fondamentales.",
            "Les survivantes et survivants d'abus en ligne {attendent souvent des années|attendent trop longtemps} avant d'obtenir justice, et beaucoup {ne signalent jamais les faits|renoncent à porter plainte}.",
        }},
        {"civil-society-participation", {
            "La société civile {a apporté|apporte} une expertise précieuse tout au long des négociations, et sa participation {doit se poursuivre|devrait se poursuivre} dans la mise en œuvre.",
            "La transparence et la responsabilité exigent que les documents soient publiés {à temps|suffisamment tôt} pour que les parties prenantes puissent {réagir|contribuer}.",
        }},
        {"technical-assistance", {
            "L'assistance technique et le renforcement des capacités {doivent répondre|devraient répondre} aux besoins des pays en développement et être durables.",
            "Les programmes de renforcement des capacités {devraient intégrer|doivent intégrer} une formation aux droits humains, afin que les nouveaux pouvoirs soient utilisés dans le respect de l'État de droit.",
        }},
        {"prevention", {
            "La prévention {est le domaine où|reste le domaine dans lequel} la convention peut faire le plus de bien au moindre coût, grâce à la sensibilisation et à l'éducation numérique.",
            "Les partenariats public-privé {peuvent renforcer|renforcent} la résilience lorsque leurs conditions sont publiques et soumises à un contrôle indépendant.",
        }},
        {"implementation-mechanism", {
            "Le mécanisme d'examen de l'application {doit être|devrait être} transparent et ouvert à la société civile, avec des rapports publiés.",
            "Aucun protocole additionnel {ne devrait être négocié|ne doit être envisagé} avant plusieurs années de mise en œuvre et un examen approfondi par la Conférence des États parties.",
        }},
        {"existing-instruments", {
            "Le texte {doit compléter|devrait s'appuyer sur} les instruments existants, comme la Convention de Budapest et la Convention des Nations Unies contre la criminalité transnationale organisée, sans double emploi.",
        }},
        {"private-sector", {
            "Les petits fournisseurs de services {ne peuvent pas assumer|n'ont pas les moyens d'assumer} le coût du traitement de milliers de demandes venant de nombreux pays.",
            "Les fournisseurs de services {font face|sont confrontés} à des conflits de lois lorsque les injonctions d'un État contredisent le droit d'un autre, et le texte {doit|devrait} prévoir un moyen de les résoudre.",
        }},
        {"cyber-threats-harms", {
            "La fraude en ligne et l'hameçonnage {coûtent chaque année des milliards aux ménages|privent de nombreuses victimes de leurs économies}, et la plupart des affaires ne font jamais l'objet d'une enquête.",
            "Les attaques par rançongiciel contre les hôpitaux et les infrastructures critiques montrent pourquoi une coopération efficace {est nécessaire|s'impose}, dans le respect des droits humains.",
        }},
    };
    b.chapters = {
        {"preamble", {"le préambule", "Préambule"}},
        {"general-provisions", {"les dispositions générales", "Dispositions générales"}},
        {"criminalization", {"le chapitre sur l'incrimination", "Incrimination"}},
        {"jurisdiction", {"le chapitre sur la compétence", "Compétence"}},
        {"procedural-measures-and-law-enforcement", {"le chapitre sur les mesures procédurales", "Mesures procédurales et application de la loi"}},
        {"international-cooperation", {"le chapitre sur la coopération internationale", "Coopération internationale"}},
        {"preventive-measures", {"le chapitre sur les mesures préventives", "Mesures préventives"}},
        {"technical-assistance-and-information-exchange", {"le chapitre sur l'assistance technique", "Assistance technique et échange d'informations"}},
        {"mechanism-of-implementation", {"le mécanisme d'application", "Mécanisme d'application"}},
        {"final-provisions", {"les dispositions finales", "Dispositions finales"}},
        {"general", {"le projet de convention dans son ensemble", "Déclaration générale"}},
    };
    b.any_chapter = {"le projet de convention", "Observations"};
    b.titles = {"{Observations|Recommandations|Commentaires} sur : $TITLE", "$TITLE : {garanties et recommandations|nos recommandations}"};
    b.footnotes = {"Document de référence synthétique préparé pour ces tests (pas un document réel).",
                   "Les numéros d'articles renvoient au projet examiné lors de cette déclaration synthétique."};
    return b;
}

}  // namespace gen_corpus
