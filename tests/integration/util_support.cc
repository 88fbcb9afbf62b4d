/** @file util_support.cc
 *  @brief Files, temp folders and URLs for the integration tests.
 */
#include "server_support.h"

#include <stdlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace stmt_it {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const fs::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
    std::string pattern = "/tmp/stmt-it-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string url_encode(std::string_view value) {
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += HEX[byte >> 4];
            out += HEX[byte & 0x0F];
        }
    }
    return out;
}

std::string search_path(const Params& params) {
    std::string path = "/api/search";
    char separator = '?';
    for (const auto& [name, value] : params) {
        path += separator + url_encode(name) + "=" + url_encode(value);
        separator = '&';
    }
    return path;
}

std::vector<std::string> result_ids(const nlohmann::json& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response.value("results", nlohmann::json::array()))
        ids.push_back(hit.at("statement_id").get<std::string>());
    return ids;
}

}  // namespace stmt_it
