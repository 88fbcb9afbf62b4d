/** @file deploy_test.cc
 *  @brief The files of deploy/ as the tools that read them judge them:
 *  `systemd-analyze verify` for the units, `nginx -t` for the site (with a
 *  throwaway self-signed certificate and a temporary prefix).
 */
#include "server_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace stmt_it {
namespace {

const fs::path DEPLOY_DIR = fs::path(STMT_SOURCE_DIR) / "deploy";

/// The first `name` on PATH (plus the sbin folders, which a non-root PATH
/// may lack), or empty.
fs::path find_program(const std::string& name) {
    std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
    path += ":/usr/sbin:/sbin";
    std::istringstream folders(path);
    std::string folder;
    while (std::getline(folders, folder, ':'))
        if (!folder.empty() && fs::exists(fs::path(folder) / name)) return fs::path(folder) / name;
    return {};
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

TEST(IntegrationDeploy, SystemdUnitsVerify) {
    const fs::path analyze = find_program("systemd-analyze");
    if (analyze.empty()) GTEST_SKIP() << "systemd-analyze is not installed, so the units cannot be verified here";
    // verify checks that ExecStart= programs exist: point it at the built ones.
    const TempDir dir;
    std::vector<std::string> argv = {analyze.string(), "verify", "--man=no"};
    for (const auto& entry : fs::directory_iterator(DEPLOY_DIR)) {
        const auto extension = entry.path().extension();
        if (extension != ".service" && extension != ".path" && extension != ".timer") continue;
        std::string unit = read_file(entry.path());
        unit = replace_all(unit, "/usr/local/bin/searchd", STMT_SEARCHD_PATH);
        unit = replace_all(unit, "/usr/local/bin/indexer", STMT_INDEXER_PATH);
        write_file(dir / entry.path().filename().string(), unit);
        argv.push_back((dir / entry.path().filename().string()).string());
    }
    ASSERT_EQ(argv.size(), 3u + 4u) << "searchd.service and the index .service, .path and .timer";
    const auto result = run_process(argv);
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_EQ(result.output(), "") << "systemd-analyze warns about nothing (unknown keys only warn)";
}

TEST(IntegrationDeploy, NginxSiteExamplePassesNginxTest) {
    const fs::path nginx = find_program("nginx");
    const fs::path openssl = find_program("openssl");
    if (nginx.empty() || openssl.empty())
        GTEST_SKIP() << "nginx or openssl is not installed (scripts/install-deps test installs both)";
    const TempDir prefix;
    const auto cert = run_process({openssl.string(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                   "-subj", "/CN=statements.example.org", "-keyout", (prefix / "key.pem").string(),
                                   "-out", (prefix / "cert.pem").string()});
    ASSERT_EQ(cert.exit_code, 0) << cert.output();
    std::string site = read_file(DEPLOY_DIR / "nginx-statement-library.conf");
    site = replace_all(site, "/etc/letsencrypt/live/statements.example.org/fullchain.pem", (prefix / "cert.pem").string());
    site = replace_all(site, "/etc/letsencrypt/live/statements.example.org/privkey.pem", (prefix / "key.pem").string());
    write_file(prefix / "site.conf", site);
    const std::string p = prefix.path().string();
    // The rest of what Debian's /etc/nginx/nginx.conf gives a site, in the temp prefix.
    write_file(prefix / "nginx.conf", "pid " + p + "/nginx.pid;\nerror_log " + p + "/error.log;\nevents {}\nhttp {\n" +
                                          "  access_log off;\n  client_body_temp_path " + p + "/body;\n" +
                                          "  proxy_temp_path " + p + "/proxy;\n  fastcgi_temp_path " + p + "/fastcgi;\n" +
                                          "  uwsgi_temp_path " + p + "/uwsgi;\n  scgi_temp_path " + p + "/scgi;\n" +
                                          "  include " + p + "/site.conf;\n}\n");
    const auto result =
        run_process({nginx.string(), "-t", "-p", p, "-c", p + "/nginx.conf", "-e", p + "/error.log"});
    EXPECT_EQ(result.exit_code, 0) << result.output();
    EXPECT_NE(result.output().find("test is successful"), std::string::npos) << result.output();
}

}  // namespace
}  // namespace stmt_it
