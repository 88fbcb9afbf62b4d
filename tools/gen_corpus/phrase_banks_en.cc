/** @file phrase_banks_en.cc
 *  @brief English phrase bank: the themes of the negotiations, worded with
 *  the phrases of corpus/vocabulary/themes.yaml so that theme tagging has
 *  plenty to find.
 */
#include "phrase_banks.h"

namespace gen_corpus {

PhraseBank make_english_bank() {
    PhraseBank b;
    b.language = "en";
    b.openings = {"Madam Chair,", "Mr Chair,", "Thank you, Chair.", "Excellencies, distinguished delegates,",
                  "Distinguished Chair,", "Thank you, Madam Chair.", "Dear colleagues,"};
    b.closings = {"Thank you.", "Thank you, Chair.", "Thank you for your attention.", "I thank you.", "Thank you very much."};
    b.marker = "(Synthetic statement generated for testing; not a real statement.)";
    b.intros = {
        "$Org {welcomes|appreciates|values} the opportunity to {address|comment on|speak to} $CHAPTER. Our members "
        "{work with|represent|support} {human rights defenders, journalists and technologists|victims of online abuse and "
        "the lawyers who assist them|small service providers and community networks|researchers, educators and legal aid "
        "clinics} in more than $N countries, and our {comments|remarks|observations} {draw on|reflect|are based on} "
        "{that practical experience|years of casework|direct work with affected communities}.",
        "We {thank|commend} the Chair and the Secretariat for their work on $CHAPTER. $Org {offers|presents|shares} "
        "{a few|several|three} {observations|recommendations|points} that {follow from|rest on|grow out of} "
        "{our casework|our research over the past $YEARS years|consultations with our partners}, in the hope that they "
        "{will help|can assist} delegations {as the text develops|before positions harden|in the coming days}.",
        "$Org speaks {today|at this session} on $CHAPTER {because|since} {the way it is drafted will decide|its wording "
        "will determine} whether the convention {protects|serves} the people {it is meant to protect|who rely on "
        "open networks} or {exposes them to new risks|leaves them without remedies}. {We have followed|We have "
        "contributed to} the negotiations {since the first session|from the start|for $YEARS years}.",
    };
    b.neutral_intros = {
        "$Org {welcomes|appreciates} the opportunity to {share its views|comment|offer a few remarks}. Our members "
        "{work with|support} {defenders, journalists and victims|families, schools and hotlines|small providers and "
        "researchers} in more than $N countries, and {we draw on|our comments reflect} {that experience|years of casework}.",
        "$Org {thanks|commends} the Chair for {the open consultations|the inclusive process|the opportunity to speak}. "
        "{We offer|Allow us to offer} {a few|several} {observations|recommendations} that {follow from|rest on} "
        "{our daily work|research carried out over $YEARS years} {with affected communities|in the region}.",
    };
    b.conclusions = {
        "We {remain available|stand ready} to {share our experience|provide further input|work with delegations} "
        "{as the text develops|between sessions|in informal consultations}. Civil society {participation|engagement} "
        "{has improved|strengthens} the quality of the draft, and we {hope|trust} that the {modalities|arrangements} "
        "{agreed for this process|for multistakeholder participation} will {continue|be maintained} in the Conference "
        "of the States Parties.",
        "In {conclusion|closing|sum}, we {urge|encourage|invite} delegations to {keep|place} human rights safeguards "
        "{at the centre of|at the heart of} {every provision|the whole text} and to {consult|hear from} the people "
        "{most affected by|who will live with} {these rules|the convention} {before|when} {finalising the text|the "
        "text is adopted}.",
    };
    b.connectors = {"Moreover, ", "In addition, ", "For this reason, ", "At the same time, ", "In our experience, ",
                    "Importantly, ", "Equally, ", "In practice, ", "Finally, "};
    b.themes = {
        {"human-rights-safeguards", {
            "Every procedural power in the draft must be subject to conditions and safeguards that reflect international human rights law, including the principles of legality, necessity and proportionality.",
            "{Prior judicial authorization|Independent judicial authorization} should be required for {intrusive measures|measures that reach personal data}, and {independent oversight|effective oversight} bodies must be able to review how they are used.",
            "People whose rights are affected by these measures need an effective remedy, {which|and this} requires {notification once the investigation allows it|clear avenues of appeal}.",
            "{Without|In the absence of} robust safeguards, {cooperation mechanisms|the powers in this text} {can be turned into|risk becoming} tools of transnational repression against {exiled dissidents|human rights defenders|journalists}.",
            "The rule of law {demands|requires} that offences and powers be defined {precisely|with precision}, so that {individuals|users} can foresee {the consequences of their conduct|how the law will be applied}.",
            "Due process and fair trial guarantees, {including the rights of the defence|including access to a lawyer}, must apply {to every measure|at every stage} {under this convention|of the proceedings}.",
            "Article $ART {should state|must affirm} that {all obligations|every measure} will be implemented {consistently with|in full respect of} human rights, {rather than|and not} {leave this to national discretion|merely refer to domestic law}.",
        }},
        {"freedom-of-expression", {
            "Content offences {have no place|do not belong} in a convention on cybercrime, {because|since} they {invite|legitimise} censorship of {journalists, activists and dissent|legitimate speech}.",
            "Freedom of expression and access to information {are|remain} {routinely|too often} {restricted|curtailed} under {vaguely worded|broadly drafted} computer crime laws, and {this text|the draft} should not {add to that trend|export them}.",
            "{We urge delegations|We ask the Committee} to {reject|remove} any provision that would criminalise {speech|online expression} {that is protected under international law|on the basis of its content}.",
            "Journalists and activists {rely on|depend on} {encrypted tools|secure communications} {to protect sources|to work safely}, and press freedom {suffers|is weakened} when {those tools|such tools} are {treated as suspect|criminalised}.",
            "Freedom of association and peaceful assembly {increasingly|now} take place online, and {the convention|this text} must not {give|offer} authorities {a pretext|new grounds} to {disrupt|punish} them.",
        }},
        {"privacy-data-protection", {
            "The right to privacy {must be protected|needs protection} {at every stage|throughout} the collection, {retention|storage} and transfer of personal data.",
            "{Traffic data and subscriber information|Metadata and subscriber information} {can reveal|may reveal} {a person's contacts, movements and habits|as much as content data}, and {deserve|require} the same {protection|safeguards}.",
            "Data protection {standards|rules} should {accompany|apply to} every transfer of personal data {between parties|across borders}, {including|with} {purpose limitation|limits on onward transfers} and {clear retention periods|deletion once no longer needed}.",
            "{Real-time interception|Interception of content} and {surveillance|bulk collection} {are|remain} the most intrusive measures {under discussion|in the draft}, and {should be confined to|must be limited to} serious crime.",
            "{Encryption|Strong encryption} {protects|safeguards} {users, businesses and public institutions|everyone's security}; {the convention|the text} should not {require|encourage} {backdoors|measures that weaken it}.",
            "Data localization {mandates|requirements} {raise costs|increase risks} {for small providers|for users} and {should not|must not} be {encouraged|legitimised} by {this instrument|the convention}.",
        }},
        {"scope-definitions", {
            "We {support|favour} a narrow scope {focused on|limited to} cyber-dependent {crimes|offences}, {in which|where} {computer systems|information and communications technologies} are both the {means|tool} and the target.",
            "{Extending|Expanding} the {scope|convention} to {every|all} cyber-enabled {offence|crime} would {cover|capture} {almost all modern criminal activity|ordinary crimes that merely leave a digital trace}.",
            "The use of terms {deserves|requires} {careful attention|precision}: definitions {should|must} be {precise|narrow} and {track|follow} terminology {already tested in national courts|found in existing instruments}.",
            "A serious crime threshold {based on|defined by} {a maximum penalty of at least four years|the gravity of the conduct} {would|should} {limit|define} the {reach|scope} of {cooperation|the procedural chapter}.",
            "{Definitions|Terms} {left open|drafted broadly} {today|now} {will be interpreted broadly|will multiply into broad powers} {later|in implementation}, {so|and} {restraint|precision} at this stage {matters|is essential}.",
        }},
        {"criminalization-offences", {
            "Offences such as illegal access, illegal interception and misuse of devices {must|should} require {that the conduct be committed|conduct} without right and with dishonest intent.",
            "{Entering a system|Accessing a computer} without authorisation {is not in itself|is not necessarily} harmful; {criminal intent|dishonest intent} and {actual harm|the consequences} {should|must} {be required|matter}.",
            "{Data interference|System interference} offences {should require|need a threshold of} {serious damage|significant harm}, {so that|in order that} {minor incidents|ordinary disputes} are not {criminalised|prosecuted}.",
            "Computer-related fraud and computer-related forgery {are already|are} {covered by|offences under} {most national laws|existing instruments}, and {new wording|any new text} should {not widen them|stay close to established definitions}.",
            "{Article $ART|The offence in article $ART} {as drafted|in its current form} {would criminalise|risks criminalising} {students, system administrators and curious users|legitimate activity} {alongside|together with} {genuine attackers|criminals}.",
        }},
        {"security-research", {
            "Security researchers acting in good faith {make networks safer|protect all of us}, and {the convention|the text} {should|must} {state explicitly|make clear} that their work is not {an offence|a crime}.",
            "Ethical hacking, penetration testing and coordinated disclosure {are|remain} {essential|indispensable} to {cybersecurity|the security of critical systems}, and {should be protected|need legal certainty}.",
            "{Whistleblowers|Journalists and whistleblowers} who {reveal|expose} {wrongdoing|information} in the public interest {should not face|must not be exposed to} {prosecution|criminal liability} under {these offences|this chapter}.",
            "{A public interest defence|A good faith exception}, {together with|combined with} {the requirement of dishonest intent|an intent requirement}, {would|could} {keep|focus} {the offences|the chapter} {on real harm|on criminal conduct}.",
            "Vulnerability disclosure {programmes|processes} {depend on|rely on} {researchers|testers} {who can report flaws|being able to report} {without fear of prosecution|safely}.",
        }},
        {"procedural-powers", {
            "Procedural measures such as {production orders|a production order}, search and seizure and expedited preservation {must be|should be} {subject to|accompanied by} {safeguards|strict conditions}.",
            "Electronic evidence {gathered|obtained} under {this chapter|these powers} {must remain|should remain} open to challenge {by the defence|in court}, {including|with access to} {the forensic tools used|the chain of custody}.",
            "Real-time collection of traffic data {is|remains} {highly intrusive|among the most intrusive powers} and {should be limited|must be confined} to {a closed list of serious offences|serious crime} {with strict time limits|under judicial control}.",
            "{A preservation order|Expedited preservation} {should|must} {specify|state} {the data concerned|its legal basis} and {expire|lapse} {after a fixed period|unless renewed by a judge}, so that stored data {is not kept indefinitely|is deleted when no longer needed}.",
            "{Orders|Requests} for stored data {should|must} {state|indicate} {the specific offence|the offence under investigation} and {the precise categories|the categories} of data {sought|requested}, {and|while} {blanket requests|requests for all records} {should be refused|must be rejected}.",
        }},
        {"international-cooperation", {
            "Mutual legal assistance (MLA) {should|must} {remain subject to|respect} dual criminality {for coercive measures|where rights are at stake}, {so that|and} {the broadest offence definitions|the widest offences} are not exported to every party.",
            "The grounds for refusal {need to be|must be} {explicit|clear}: a {requested state|party} {should be able to|must be able to} {decline|refuse} {a request|assistance} {that aims to|intended to} {punish a person for political opinion|persecute dissent}.",
            "Extradition {provisions|arrangements} {should|must} {guarantee|ensure} {access to a lawyer|fair trial rights} and {refusal|non-surrender} {where there is a real risk of torture|in case of a risk of the death penalty}.",
            "The 24/7 network {should be confined to|should serve} {urgent preservation of data|the exchange of technical information} and {not become|must not become} {a channel for informal disclosure|a route around judicial control}.",
            "Joint investigations and joint investigation teams {need|require} {clear rules|agreements} on {which law applies|the applicable procedural law}, {so that|and} {evidence|data} {can be tested in court|remains admissible}.",
            "International cooperation {works best|is most effective} {when|where} {parties trust each other's safeguards|requests are transparent}, {and|so} {publishing statistics on requests|annual reporting} {would|could} {build that trust|strengthen accountability}.",
        }},
        {"gender", {
            "Gender mainstreaming {should be|must be} {reflected|integrated} {throughout the convention|in every chapter}, {not only|and not merely} {in the preamble|in introductory language}.",
            "Technology-facilitated gender-based violence, {including|such as} the non-consensual sharing of intimate images, {falls|weighs} {disproportionately|heavily} on women and girls and on LGBTQI+ persons.",
            "A gender perspective {in|on} {implementation|capacity building} {requires|means} {data disaggregated by sex and age|measuring who benefits}, {as well as|and} gender balance {in expert bodies|among trainers}.",
            "{Laws|Provisions} {meant to|intended to} {protect women and girls|address gender-based violence} {have sometimes been used against|have at times been turned against} {them|the very people they should protect}, {which|and this} {calls for|demands} {careful drafting|safeguards}.",
            "Gender equality {should|must} {guide|inform} {the work of the Conference of the States Parties|technical assistance}, {with|including} gender-responsive {indicators|budgets and evaluations}.",
        }},
        {"child-protection", {
            "The offences concerning child sexual abuse material (CSAM) {should|must} be {defined|drafted} {by reference to|in line with} the rights of the child and {established international standards|existing standards}.",
            "{Children|Young people} {should not be criminalised|must not be prosecuted} for {consensual exchanges between peers|images of themselves}, {which|since this} {helps no one|discourages them from seeking help}.",
            "{The grooming offence|Provisions on grooming} {should|must} cover {solicitation|contact} {through any online service|on games and livestreaming platforms}, {while|and} {hotline analysts|content moderators} {who report material|handling material to remove it} {must not face liability|need clear exemptions}.",
            "Child protection {depends on|requires} {prevention|education} {as much as|and not only} {prosecution|punishment}, {including|with} {support for families|age-appropriate curricula} and {child helplines|specialised services}.",
            "{Sextortion|Online child sexual exploitation} {cases|schemes} {reported to|seen by} {hotlines|our partners} {have risen|increased} {sharply|steadily} {over the past $YEARS years|in recent years}, {and|yet} {victims|children} {rarely|seldom} {report|come forward}.",
        }},
        {"victims-witnesses", {
            "{The convention|The text} {should|must} be victim-centred, {with|including} {victim support|access to support services}, access to justice and witness protection {as core obligations|as binding commitments}.",
            "{Survivors|Victims} of online abuse {often wait years|frequently wait} {for justice|for redress}, and {many never report|many do not report at all}, {because|as} {services are scarce|they fear retaliation}.",
            "Vulnerable groups, {including|such as} {children, older persons and persons with disabilities|migrants and minorities}, {need|require} {tailored|specific} {protection|support} {in proceedings|throughout investigations}.",
            "{Victims|Witnesses} {should be able to|must be able to} {obtain|seek} {the removal of harmful content|compensation} {quickly|without delay} {and without|without first} {filing a criminal complaint|having to prove their case}.",
        }},
        {"civil-society-participation", {
            "Civil society {has contributed|contributes} {expertise|practical experience} {throughout|to} {these negotiations|this process}, and {multistakeholder|multi-stakeholder} {participation|engagement} {should continue|must continue} in {implementation|the review}.",
            "{The modalities|The accreditation procedures} {for|of} {the Conference of the States Parties|the future mechanism} {should|must} {allow|ensure} {NGOs|non-governmental organisations} to {attend, speak and submit documents|participate meaningfully}.",
            "Transparency and accountability {require|demand} that {documents|drafts and reports} be {published|made public} {in good time|before meetings}, so that stakeholders {can|are able to} {respond|contribute}.",
            "{NGOs|Civil society organisations} {from developing countries|from the Global South} {face|encounter} {visa and funding obstacles|practical barriers} {to participation|to attending}, {which|and these} {the Secretariat|parties} {should help overcome|can help remove}.",
        }},
        {"technical-assistance", {
            "Technical assistance and capacity building {should be|must be} {demand-driven|sustainable} and {tailored to|shaped by} the needs of developing countries.",
            "{Donor-driven projects|Projects} {that deliver equipment|delivering hardware} {without maintenance budgets|without long-term support} {leave|can leave} {forensic laboratories|specialised units} {idle|unused} {within two years|after a short time}.",
            "Capacity-building {programmes|efforts} {should|must} {include|integrate} {human rights training|training on safeguards}, so that the {powers|capacities} they {build|strengthen} {are used lawfully|respect the rule of law}.",
            "Transfer of technology {on fair terms|on mutually agreed terms} and {support for local universities|long-term mentoring} {would|can} {strengthen|ensure} the sustainability of {assistance|capacity building}.",
            "{Civil society|Academia and civil society} {can|should} {help design and evaluate|contribute to} technical assistance, {as|which is} {common practice|standard practice} {in other UN processes|across the UN system}.",
        }},
        {"prevention", {
            "Prevention {is where|is the area where} {the convention|this instrument} {can do the most good|can achieve the most} {at the lowest cost|for the least money}, {through|with} {awareness raising|public awareness} and {education|digital literacy}.",
            "Preventive measures {should|must} {include|cover} awareness campaigns {that reach|designed for} {children, parents and teachers|older persons and small businesses} {in language they understand|through channels they already use}.",
            "Public-private partnerships {can|may} {strengthen|build} resilience {when|provided that} {their terms are public|they are subject to independent scrutiny} and {they respect|they comply with} {privacy|data protection law}.",
            "{Resilience|Cyber resilience} {depends on|is built on} {secure systems|well-maintained systems} as much as on {criminal law|prosecution}, so preventive measures deserve {equal|adequate} {resources|funding}.",
        }},
        {"implementation-mechanism", {
            "The mechanism of implementation {should|must} {include|provide for} {a transparent review|a review mechanism} {open to|that hears from} {civil society|stakeholders}, {with|and} {published|public} {reports|findings}.",
            "The Conference of the States Parties {should|must} {be able to|have the mandate to} {review|examine} {how parties use the procedural powers|the impact of the convention on human rights}.",
            "{Additional protocols|Any additional protocol} should only be {negotiated|considered} after {several years of implementation|the review has assessed the convention}, since {new offences|early amendments} {would reopen settled questions|would unsettle the text}.",
            "{A high threshold of ratifications|A broad ratification threshold} {before|for} entry into force {would|should} {ensure|guarantee} {that the convention enjoys broad support|a representative group of parties}.",
        }},
        {"existing-instruments", {
            "{The convention|This text} {should|must} {build on|complement} existing instruments such as the Budapest Convention, UNTOC and UNCAC, {avoiding|and avoid} duplication of efforts.",
            "{Coordination|Complementarity} {with|between} {existing treaties|regional agreements} {requires|needs} {a clear rule|a clause} on {which instrument governs|how obligations relate} {when they overlap|in case of conflict}.",
            "{Many|Most} {parties|states} {already cooperate|have long cooperated} under the Budapest Convention or UNTOC, {and|so} {the new text|this instrument} {should not lower|must not weaken} {the safeguards|the standards} {they contain|already agreed}.",
        }},
        {"private-sector", {
            "Service providers {face|will face} conflicts of law {when|where} {orders from one state|requests} {contradict|conflict with} {the law of another|data protection rules}, {and|so} {the text|the convention} {should|must} {provide a way to resolve them|address this}.",
            "{Small and medium-sized|Smaller} {service providers|companies} {cannot|are unable to} {afford|bear} {the compliance costs|the costs} of {reviewing|processing} {orders from many jurisdictions|thousands of requests}, {and|which is why} {clear rules|standard forms} {would help|matter}.",
            "{The private sector|Industry} {should|must} {be able to|have the right to} {challenge|question} {unlawful|disproportionate} {orders|requests} {and to|and} {inform|notify} {users|customers} {where|when} {the law allows|this does not endanger an investigation}.",
        }},
        {"cyber-threats-harms", {
            "Ransomware {attacks|operations} against {hospitals|critical infrastructure} and {schools|local authorities} {show|demonstrate} {why|that} {effective cooperation|cooperation} {matters|is needed}, {within the limits of|consistent with} human rights.",
            "{Online fraud|Scams} and phishing {cost|take} {victims|households} {billions every year|their savings}, {and|yet} {most|many} {cases|victims} {are never investigated|never see redress}.",
            "{Organised crime|Organized crime} groups {use|rely on} {malware|botnets} and {money mule networks|stolen identities} {across borders|in many jurisdictions}, {which|and this} {calls for|requires} {targeted|focused} {measures|cooperation} {rather than|and not} {broad powers|sweeping offences}.",
        }},
    };
    b.chapters = {
        {"preamble", {"the preamble", "Preamble"}},
        {"general-provisions", {"the general provisions", "General provisions"}},
        {"criminalization", {"the chapter on criminalization", "Criminalization"}},
        {"jurisdiction", {"the chapter on jurisdiction", "Jurisdiction"}},
        {"procedural-measures-and-law-enforcement", {"the chapter on procedural measures and law enforcement", "Procedural measures"}},
        {"international-cooperation", {"the chapter on international cooperation", "International cooperation"}},
        {"preventive-measures", {"the chapter on preventive measures", "Preventive measures"}},
        {"technical-assistance-and-information-exchange", {"the chapter on technical assistance and information exchange", "Technical assistance"}},
        {"mechanism-of-implementation", {"the mechanism of implementation", "Mechanism of implementation"}},
        {"final-provisions", {"the final provisions", "Final provisions"}},
        {"general", {"the draft convention as a whole", "General remarks"}},
    };
    b.any_chapter = {"the draft convention", "Comments"};
    b.titles = {"$TITLE: {safeguards and recommendations|our recommendations|comments on the draft|key concerns}",
                "{Comments|Observations|Recommendations} on $TITLE", "$TITLE {and human rights|in the revised draft|in practice}"};
    b.footnotes = {"See the synthetic background paper prepared for these tests (not a real document).",
                   "Article numbers refer to the draft under discussion at the time of this synthetic statement.",
                   "Figures are illustrative and were generated for testing."};
    return b;
}

}  // namespace gen_corpus
