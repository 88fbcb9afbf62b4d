/** @file text_util.h
 *  @brief Small UTF-8 case helpers for the scripts the generator writes
 *  headers and sentences in (ASCII, Latin-1 letters, Cyrillic).
 */
#pragma once

#include <string>

namespace gen_corpus {

/// Upper-cases ASCII and Latin-1 letters (é -> É) and œ; other bytes unchanged.
inline std::string to_upper(const std::string& s) {
    std::string out = s;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'a' && c <= 'z') {
            out[i] = static_cast<char>(c - 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 32);
            ++i;
        } else if (c == 0xC5 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x93) {
            out[i + 1] = static_cast<char>(0x92);
            ++i;
        }
    }
    return out;
}

/// Upper-cases the first letter (ASCII or Latin-1).
inline std::string capitalize(const std::string& s) {
    if (s.empty()) return s;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c >= 'a' && c <= 'z') return static_cast<char>(c - 32) + s.substr(1);
    if (c == 0xC3 && s.size() > 1) return to_upper(s.substr(0, 2)) + s.substr(2);
    return s;
}

/// Lower-cases the first letter of a sentence (ASCII or Cyrillic), unless the
/// first word looks like an acronym ("MLA", "CSAM").
inline std::string lower_first(const std::string& s) {
    if (s.size() < 2) return s;
    const auto c0 = static_cast<unsigned char>(s[0]), c1 = static_cast<unsigned char>(s[1]);
    if (c0 >= 'A' && c0 <= 'Z') {
        if (c1 >= 'A' && c1 <= 'Z') return s;
        return static_cast<char>(c0 + 32) + s.substr(1);
    }
    if (c0 == 0xD0 && c1 >= 0x90 && c1 <= 0xAF && s.size() > 3) {
        const auto c3 = static_cast<unsigned char>(s[3]);
        if (static_cast<unsigned char>(s[2]) == 0xD0 && c3 >= 0x90 && c3 <= 0xAF) return s;  // acronym
        std::string out = s;
        if (c1 <= 0x9F) {
            out[1] = static_cast<char>(c1 + 0x20);  // А..П -> а..п
        } else {
            out[0] = static_cast<char>(0xD1);
            out[1] = static_cast<char>(c1 - 0x20);  // Р..Я -> р..я
        }
        return out;
    }
    return s;
}

inline bool is_ascii(const std::string& s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace gen_corpus
