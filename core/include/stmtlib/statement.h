/** @file statement.h
 *  @brief The statement model: what a corpus file becomes once parsed.
 */
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stmt {

struct Paragraph {
    int number = 0;                   ///< 1-based, as cited ("para. 4")
    std::string text;
    std::vector<std::string> themes;  ///< theme ids tagged from this text
    int line = 0;                     ///< first line in the source file
};

struct Statement {
    std::string id;      ///< stable: from front matter, else from the file's path
    std::string source;  ///< path relative to the corpus folder
    std::string title;
    std::string organization;  ///< organisation id
    std::string session;       ///< session id, empty when unknown
    std::string chapter;       ///< chapter id ("general" for none)
    std::string status;        ///< status id
    std::string language;      ///< ISO 639-1 code
    std::string date;          ///< YYYY-MM-DD, empty when unknown
    std::string source_url;    ///< where it was published, if known
    std::vector<std::string> header;   ///< header lines, as written, undecorated
    std::vector<std::string> opening;  ///< opening courtesy formulas
    std::vector<Paragraph> paragraphs;
    std::vector<std::string> closing;  ///< closing courtesy formulas ("Thank you")
    std::vector<std::string> given_themes;  ///< themes named in front matter
    std::vector<std::string> themes;        ///< union of paragraph and given themes
};

/// A message about one file, tied to a line: "corpus/x.txt:3: unknown session".
struct Diagnostic {
    enum class Severity { warning, error };
    Severity severity = Severity::error;
    std::string file;
    int line = 0;
    std::string message;

    std::string to_string() const;
};

struct ParseOutcome {
    std::optional<Statement> statement;  ///< empty when the file is skipped
    std::vector<Diagnostic> diagnostics;
};

}  // namespace stmt
