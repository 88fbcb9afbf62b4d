/** @file ingest_test.cc
 *  @brief Statements as they really come: PDF, Word and HTML files, sidecars,
 *  a manifest, folder names, other languages, damaged text, and every kind
 *  of bad input, through the real indexer and searchd.
 *
 *  All statements written here are synthetic, by fictional organisations.
 */
#include "server_support.h"

#include "document_writers.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>

namespace stmt_it {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const std::vector<std::string> BODY = {
    "We are concerned that the chapter lacks conditions and safeguards for cross-border requests, and we ask "
    "that judicial authorization be required before any production order is executed.",
    "Victims of online crime deserve access to justice, and mutual legal assistance must respect the principle "
    "of dual criminality in every case.",
    "(Synthetic statement written for the Statement Library tests; not a real statement.)"};

std::vector<std::string> with_header(std::vector<std::string> header) {
    header.insert(header.end(), BODY.begin(), BODY.end());
    return header;
}

std::string join_blocks(const std::vector<std::string>& blocks) {
    std::string out;
    for (const auto& b : blocks) out += b + "\n\n";
    return out;
}

/// A corpus folder with the real vocabulary, indexed and served on demand.
class Library {
public:
    Library() { fs::create_directories(corpus()); }
    fs::path corpus() const { return dir_ / "corpus"; }
    fs::path db() const { return dir_ / "db"; }
    void write(const std::string& relative, std::string_view content) {
        fs::create_directories((corpus() / relative).parent_path());
        write_file(corpus() / relative, content);
    }
    ProcessResult run(const std::string& command, const std::vector<std::string>& extra = {}) {
        std::vector<std::string> argv = {STMT_INDEXER_PATH, command, corpus().string(), "--vocabulary",
                                         VOCABULARY_DIR.string(), "--db", db().string(), "-q"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return run_process(argv);
    }
    Server& serve() {
        if (!server_) server_ = std::make_unique<Server>(db());
        return *server_;
    }

private:
    TempDir dir_;
    std::unique_ptr<Server> server_;
};

void expect_metadata(Server& server, const std::string& id, const std::string& session, const std::string& chapter,
                     const std::string& organization, const std::string& language = "en") {
    SCOPED_TRACE(id);
    const auto s = server.get_json("/api/statements/" + id);
    ASSERT_TRUE(s.contains("session")) << s.dump();
    EXPECT_EQ(s["session"].is_null() ? "" : s["session"]["id"].get<std::string>(), session);
    EXPECT_EQ(s["chapter"]["id"], chapter);
    EXPECT_EQ(s["organization"]["label"], organization);
    EXPECT_EQ(s["language"], language);
}

TEST(IntegrationIngest, EveryFormatGoesThroughHeaderInference) {
    Library library;
    library.write("pdf/statement.pdf", docgen::write_pdf(with_header(
        {"Statement by the Lakeside Rights Forum at the fifth session of the Ad Hoc Committee", "Chapter V: International cooperation"})));
    library.write("docx/statement.docx", docgen::write_docx(with_header(
        {"KESTREL DIGITAL TRUST – ORAL STATEMENT – AHC6", "Procedural measures and law enforcement"})));
    library.write("html/statement.html", docgen::write_html(with_header(
        {"Statement by the Harbour Justice Network at the concluding session", "Chapter on technical assistance"})));
    library.write("md/statement.md", join_blocks(with_header({"# Willow Privacy Lab", "AHC-2", "Criminalization"})));
    const auto result = library.run("build");
    ASSERT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.out, "statements:  4")) << result.output();
    Server& server = library.serve();
    expect_metadata(server, "pdf-statement", "ahc-5", "international-cooperation", "Lakeside Rights Forum");
    expect_metadata(server, "docx-statement", "ahc-6", "procedural-measures-and-law-enforcement", "Kestrel Digital Trust");
    expect_metadata(server, "html-statement", "ahc-concluding", "technical-assistance-and-information-exchange",
                    "Harbour Justice Network");
    expect_metadata(server, "md-statement", "ahc-2", "criminalization", "Willow Privacy Lab");
    // The HTML page's navigation and footer are not part of the statement.
    const auto html = server.get_json("/api/statements/html-statement");
    EXPECT_EQ(html["paragraphs"].size(), BODY.size()) << html.dump();
    const auto found = server.get_json(search_path({{"q", "judicial authorization"}}));
    EXPECT_EQ(found["total"], 4);
}

TEST(IntegrationIngest, ExplicitMetadataSourcesFollowTheirPrecedence) {
    Library library;
    // Header says AHC 5; the sidecar says AHC 6 and beats it; the manifest's
    // chapter fills what the sidecar leaves out.
    library.write("a.pdf", docgen::write_pdf(with_header({"Statement by the Lakeside Rights Forum at AHC 5"})));
    library.write("a.pdf.yaml", "session: ahc-6\nstatus: written\n");
    library.write("manifest.csv",
                  "file,title,organization,session,chapter,date,language,status,source\n"
                  "a.pdf,,,ahc-2,criminalization,,,,\n"
                  "b.docx,A manifest title,Fennel Legal Collective,AHC 3,Chapter VII,2022-09-01,en,oral,https://example.org/b\n");
    library.write("b.docx", docgen::write_docx(BODY));
    // Folder names fill in what nothing else says, and lose to the header.
    library.write("ahc-3/general-provisions/c.txt", join_blocks(with_header({"Statement by the Birch Data Council"})));
    library.write("ahc-3/d.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    const auto result = library.run("build");
    ASSERT_EQ(result.exit_code, 0) << result.output();
    Server& server = library.serve();
    const auto a = server.get_json("/api/statements/a");
    EXPECT_EQ(a["session"]["id"], "ahc-6");
    EXPECT_EQ(a["status"], "written");
    EXPECT_EQ(a["chapter"]["id"], "criminalization");
    EXPECT_EQ(a["organization"]["label"], "Lakeside Rights Forum");
    const auto b = server.get_json("/api/statements/b");
    EXPECT_EQ(b["title"], "A manifest title");
    EXPECT_EQ(b["session"]["id"], "ahc-3");
    EXPECT_EQ(b["chapter"]["id"], "technical-assistance-and-information-exchange");
    EXPECT_EQ(b["date"], "2022-09-01");
    EXPECT_EQ(b["source_url"], "https://example.org/b");
    expect_metadata(server, "ahc-3-general-provisions-c", "ahc-3", "general-provisions", "Birch Data Council");
    expect_metadata(server, "ahc-3-d", "ahc-5", "general", "Birch Data Council");
}

TEST(IntegrationIngest, AnUnknownValueInASidecarNamesTheSidecarLine) {
    Library library;
    library.write("good.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    library.write("x.docx", docgen::write_docx(BODY));
    library.write("x.docx.yaml", "organization: Fennel Legal Collective\nsession: ahc-42\n");
    const auto result = library.run("build");
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.err, "x.docx.yaml:2: unknown session 'ahc-42'")) << result.err;
}

TEST(IntegrationIngest, LanguagesAreDetectedStemmedAndFaceted) {
    Library library;
    library.write("fr.txt", join_blocks({"Déclaration du Collectif Numérique des Trois Rives à la cinquième session",
                                         "Nous demandons que les garanties relatives aux droits de l'homme soient "
                                         "renforcées dans le chapitre sur la coopération internationale et que les "
                                         "victimes aient accès à la justice.",
                                         "(Déclaration synthétique écrite pour les tests ; pas une vraie déclaration.)"}));
    library.write("ru.txt", join_blocks({"Заявление Фонда Северного Ветра",
                                         "Мы призываем государства обеспечить надёжные гарантии прав человека и "
                                         "защиту персональных данных при международном сотрудничестве.",
                                         "(Синтетическое заявление для тестов.)"}));
    library.write("zh.txt", join_blocks({"---\norganization: 青山数字权利中心\nsession: ahc-6\n---",
                                         "我们呼吁各国在国际合作中加强人权保障和个人数据保护。", "（测试用的合成声明。）"}));
    library.write("en.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    ASSERT_EQ(library.run("build").exit_code, 0);
    Server& server = library.serve();
    EXPECT_EQ(server.get_json("/api/statements/fr")["language"], "fr");
    EXPECT_EQ(server.get_json("/api/statements/ru")["language"], "ru");
    EXPECT_EQ(server.get_json("/api/statements/zh")["language"], "zh");
    EXPECT_EQ(server.get_json("/api/statements/fr")["session"]["id"], "ahc-5");
    // French stemming: the singular finds the plural.
    EXPECT_EQ(result_ids(server.get_json(search_path({{"q", "garantie"}, {"language", "fr"}}))),
              std::vector<std::string>{"fr"});
    EXPECT_EQ(result_ids(server.get_json(search_path({{"q", "гарантии"}}))), std::vector<std::string>{"ru"});
    EXPECT_EQ(result_ids(server.get_json(search_path({{"q", "人权"}}))), std::vector<std::string>{"zh"});
    const auto languages = server.get_json("/api/facets")["facets"]["language"];
    EXPECT_EQ(languages.size(), 4u) << languages.dump();
}

TEST(IntegrationIngest, DamagedTextIsRepaired) {
    Library library;
    library.write("repost.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5",
                                                         "The Secretariat\u00e2\u20ac\u2122s note\u00a0on safe\u00adguards "
                                                         "was welcome, and we thank the Chair for it warmly today."})));
    ASSERT_EQ(library.run("build").exit_code, 0);
    const auto s = library.serve().get_json("/api/statements/repost");
    ASSERT_FALSE(s["paragraphs"].empty());
    EXPECT_EQ(s["paragraphs"][0]["text"], "The Secretariat\u2019s note on safeguards was welcome, and we thank the Chair for it warmly today.");
}

TEST(IntegrationIngest, EveryBadInputIsNamedAndTheRestIsIndexed) {
    Library library;
    library.write("good.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    const std::string pdf = docgen::write_pdf(with_header({"Statement by the Lakeside Rights Forum at AHC 5"}));
    library.write("truncated.pdf", pdf.substr(0, pdf.size() / 2));
    library.write("scanned.pdf", docgen::write_pdf({}));
    library.write("not-a-zip.docx", "this is not a zip archive");
    library.write("invalid-utf8.txt", "Statement\n\nA paragraph with a bad byte \xff\xfe here and more words.\n");
    library.write("empty.txt", "");
    library.write("junk.txt", std::string("\x7f" "ELF\0\0\0binary", 13));
    library.write("big.txt", std::string(5000, 'x'));
    library.write("notes.xyz", "not a statement");
    library.write("old.doc", "old word");
    fs::create_symlink(library.corpus() / "loop-b.txt", library.corpus() / "loop-a.txt");
    fs::create_symlink(library.corpus() / "loop-a.txt", library.corpus() / "loop-b.txt");
    if (std::system("command -v qpdf >/dev/null 2>&1") == 0) {
        write_file(library.corpus() / "plain.pdf", pdf);
        const std::string command = "qpdf --encrypt secret secret 256 -- '" + (library.corpus() / "plain.pdf").string() +
                                    "' '" + (library.corpus() / "encrypted.pdf").string() + "'";
        ASSERT_EQ(std::system(command.c_str()), 0);
        fs::remove(library.corpus() / "plain.pdf");
    }
    const auto result = library.run("build", {"--max-file-size", "4000"});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"truncated.pdf:1:", "not a readable PDF"},
        {"scanned.pdf:1:", "no text layer"},
        {"not-a-zip.docx:1:", "not a zip archive"},
        {"invalid-utf8.txt:3:", "invalid UTF-8"},
        {"empty.txt:1:", "empty statement"},
        {"junk.txt:1:", "binary content"},
        {"big.txt:1:", "file too large"},
        {"notes.xyz:1:", "unsupported file type '.xyz'"},
        {"old.doc:1:", "save it as .docx"},
        {"loop-a.txt:1:", "cannot be read"},
    };
    for (const auto& [file, message] : expected) {
        SCOPED_TRACE(file);
        bool found = false;
        std::istringstream lines(result.err);
        for (std::string line; std::getline(lines, line);)
            found = found || (contains(line, file) && contains(line, message) && contains(line, "(skipped)"));
        EXPECT_TRUE(found) << result.err;
    }
    if (fs::exists(library.corpus() / "encrypted.pdf")) {
        EXPECT_TRUE(contains(result.err, "encrypted.pdf:1: encrypted PDF")) << result.err;
    }
    EXPECT_TRUE(contains(result.out, "statements:  1")) << result.out;
    EXPECT_EQ(result_ids(library.serve().get_json(search_path({{"q", "judicial authorization"}}))),
              std::vector<std::string>{"good"});
}

TEST(IntegrationIngest, AZipBombIsRefusedBeforeItIsInflated) {
    Library library;
    library.write("good.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    // A real .docx whose document part is padded with 80 MiB of spaces: it
    // compresses to a few hundred KiB and must not be inflated.
    std::vector<std::string> paragraphs = BODY;
    paragraphs.push_back(std::string(80u * 1024 * 1024, ' '));
    library.write("bomb.docx", docgen::write_docx(paragraphs));
    const auto result = library.run("build");
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_TRUE(contains(result.err, "bomb.docx:1: refused")) << result.err;
    EXPECT_TRUE(contains(result.out, "statements:  1")) << result.out;
}

TEST(IntegrationIngest, UnreadableFileIsNamed) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every file; permissions cannot make one unreadable";
    Library library;
    library.write("good.txt", join_blocks(with_header({"Statement by the Birch Data Council at AHC 5"})));
    library.write("secret.txt", "text");
    fs::permissions(library.corpus() / "secret.txt", fs::perms::none);
    const auto result = library.run("build");
    EXPECT_TRUE(contains(result.err, "secret.txt:1: cannot be read")) << result.err;
}

}  // namespace
}  // namespace stmt_it
