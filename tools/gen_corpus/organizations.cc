/** @file organizations.cc
 *  @brief Fictional organisations and their registration in the corpus copy
 *  of the vocabulary.
 */
#include "organizations.h"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace gen_corpus {

const std::vector<FictionalOrganization>& fictional_organizations() {
    static const std::vector<FictionalOrganization> orgs = {
        {"lakeshore-digital-rights-forum", "Lakeshore Digital Rights Forum", "LDRF", "en"},
        {"harbourlight-privacy-network", "Harbourlight Privacy Network", "Harbourlight", "en"},
        {"tidewater-security-research-guild", "Tidewater Security Research Guild", "Tidewater Guild", "en"},
        {"kestrel-child-online-safety-coalition", "Kestrel Child Online Safety Coalition", "Kestrel Coalition", "en"},
        {"silver-birch-institute-of-cyber-law", "Silver Birch Institute of Cyber Law", "SBICL", "en"},
        {"northgate-women-and-technology-circle", "Northgate Women and Technology Circle", "Northgate Circle", "en"},
        {"amberfield-legal-defence-project", "Amberfield Legal Defence Project", "Amberfield Project", "en"},
        {"bluestone-open-networks-trust", "Bluestone Open Networks Trust", "Bluestone Trust", "en"},
        {"cedar-valley-victims-support-association", "Cedar Valley Victims Support Association", "CVVSA", "en"},
        {"copperline-journalists-safety-desk", "Copperline Journalists Safety Desk", "Copperline Desk", "en"},
        {"granite-peak-civic-technology-lab", "Granite Peak Civic Technology Lab", "Granite Peak Lab", "en"},
        {"willowbank-data-justice-centre", "Willowbank Data Justice Centre", "Willowbank Centre", "en"},
        {"marram-coast-human-rights-clinic", "Marram Coast Human Rights Clinic", "Marram Clinic", "en"},
        {"sandgrouse-digital-commons", "Sandgrouse Digital Commons", "Sandgrouse", "en"},
        {"jade-lantern-cyber-safety-society", "Jade Lantern Cyber Safety Society", "Jade Lantern", "en"},
        {"baikal-open-web-foundation", "Baikal Open Web Foundation", "BOWF", "en"},
        {"asociacion-civil-puente-digital", "Asociación Civil Puente Digital", "Puente Digital", "es"},
        {"fundacion-arrecife-abierto", "Fundación Arrecife Abierto", "Arrecife Abierto", "es"},
        {"observatorio-austral-de-derechos-en-linea", "Observatorio Austral de Derechos en Línea", "Observatorio Austral", "es"},
        {"colectivo-mangle-de-tecnologia-libre", "Colectivo Mangle de Tecnología Libre", "Colectivo Mangle", "es"},
        {"red-ciudadana-altiplano-conectado", "Red Ciudadana Altiplano Conectado", "Altiplano Conectado", "es"},
        {"collectif-numerique-des-trois-rives", "Collectif Numérique des Trois Rives", "Trois Rives", "fr"},
        {"maison-des-libertes-numeriques-du-sahel", "Maison des Libertés Numériques du Sahel", "MLNS", "fr"},
        {"association-lumiere-sur-les-reseaux", "Association Lumière sur les Réseaux", "Lumière sur les Réseaux", "fr"},
        {"ligue-francophone-pour-la-vie-privee", "Ligue Francophone pour la Vie Privée", "LFVP", "fr"},
    };
    static const bool checked = [] {
        for (const auto& o : orgs)
            if (indexer_slug(o.name) != o.id)
                throw std::logic_error("fictional organisation id '" + o.id + "' is not the slug of its name");
        return true;
    }();
    (void)checked;
    return orgs;
}

const std::vector<std::string>& speaker_names(const std::string& language) {
    static const std::map<std::string, std::vector<std::string>> names = {
        {"en", {"Ms Liora Vantongeren", "Mr Tomasz Elberling", "Dr Nkechi Vandermolen", "Ms Ilse Okonkwo-Brandt",
                "Mr Rafael Quintanar Ibsen", "Ms Sadia Morrow-Keane", "Dr Emeric Tallow", "Ms Yelena Farrowby",
                "Mr Kwame Ostrander", "Dr Priya Lindqvist-Mbeki"}},
        {"fr", {"Mme Élodie Carrasquer", "M. Baptiste Ondoua-Lemaire", "Mme Aïssata Pelletan", "M. Grégoire Mbappou-Rivière"}},
        {"es", {"Sra. Ximena Altamirano Roos", "Sr. Joaquín Berrondo Tulli", "Sra. Maité Quiroga Lindholm", "Sr. Ernesto Valdivia Kamau"}},
    };
    const auto it = names.find(language);
    return it == names.end() ? names.at("en") : it->second;
}

namespace {

/// The base letter of a Latin-1 letter that Unicode decomposes into a letter
/// and an accent (à -> a); 0 for any other code point (æ, ø, ß do not decompose).
char base_letter(char32_t c) {
    static const char* const upper = "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY";  // U+00C0 .. U+00DD
    if (c >= 0xE0 && c <= 0xFD) c -= 0x20;
    if (c < 0xC0 || c > 0xDD) return 0;
    const char b = upper[c - 0xC0];
    return c == 0xC6 ? 0 : b;  // Æ
}

}  // namespace

std::string indexer_slug(const std::string& name) {
    std::string out;
    bool dash = false;
    const auto letter = [&](char c) {
        if (dash && !out.empty()) out += '-';
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        dash = false;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto uc = static_cast<unsigned char>(name[i]);
        if ((uc >= 'a' && uc <= 'z') || (uc >= '0' && uc <= '9') || (uc >= 'A' && uc <= 'Z')) {
            letter(name[i]);
        } else if (uc == '\'') {
            continue;
        } else if (name.compare(i, 3, "\u2019") == 0) {
            i += 2;
        } else if (uc == 0xC3 && i + 1 < name.size() && base_letter(0xC0 + (static_cast<unsigned char>(name[i + 1]) & 0x3F)) != 0) {
            letter(base_letter(0xC0 + (static_cast<unsigned char>(name[i + 1]) & 0x3F)));
            ++i;
        } else {
            dash = true;
        }
    }
    return out;
}

OrganizationInfo as_vocab_entry(const FictionalOrganization& org, bool registered) {
    OrganizationInfo info;
    info.id = org.id;  // == indexer_slug(org.name), checked by fictional_organizations()
    info.label = org.name;
    info.short_name = registered ? org.short_name : org.name;
    if (registered) info.aliases = {org.name, org.short_name};
    derive_keys(info);
    return info;
}

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void register_organizations(const std::filesystem::path& vocabulary_dir, Vocab& vocab) {
    const auto file = vocabulary_dir / "organizations.yaml";
    std::string original;
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw std::runtime_error(file.string() + ": cannot read");
        std::ostringstream buffer;
        buffer << in.rdbuf();
        original = buffer.str();
    }
    std::ostringstream added;
    if (!original.empty() && original.back() != '\n') added << '\n';
    added << "\n  # Fictional organisations of the synthetic corpus written by tools/gen_corpus;\n"
             "  # not real organisations, and not to be copied into the real corpus.\n";
    std::size_t count = 0;
    for (const auto& org : fictional_organizations()) {
        bool known = false;
        for (const auto& o : vocab.organizations) known = known || o.id == org.id;
        if (known) continue;
        added << "  - id: " << org.id << "\n    name: " << quoted(org.name) << "\n    short: " << quoted(org.short_name)
              << "\n    aliases: [" << quoted(org.name) << ", " << quoted(org.short_name) << "]\n";
        vocab.organizations.push_back(as_vocab_entry(org, true));
        ++count;
    }
    if (count == 0) return;
    {
        std::ofstream out(file, std::ios::binary | std::ios::app);
        out << added.str();
        if (!out) throw std::runtime_error(file.string() + ": cannot write");
    }
    // The append relies on `organizations:` being the file's last list: check it.
    const auto reloaded = load_vocab(vocabulary_dir);
    if (reloaded.organizations.size() != vocab.organizations.size())
        throw std::runtime_error(file.string() + ": the fictional organisations could not be appended "
                                 "(is 'organizations:' the last list in the file?)");
}

}  // namespace gen_corpus
