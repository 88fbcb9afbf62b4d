/** @file text_repair.cc
 *  @brief Mojibake repair by re-encoding runs to Windows-1252 bytes and
 *  decoding them as UTF-8; NFC with ICU.
 */
#include "stmtlib/text_repair.h"

#include "stmtlib/text.h"

#include <xapian.h>

#include <array>
#include <optional>
#include <vector>

namespace stmt {
namespace {

/// Windows-1252 bytes 0x80..0x9F as Unicode; 0 where the byte is undefined
/// (those bytes survive as the C1 control of the same value).
constexpr std::array<unsigned, 32> CP1252_HIGH = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// The Windows-1252 byte a code point came from, if it is a byte >= 0x80.
std::optional<unsigned char> cp1252_byte(unsigned cp) {
    if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
    if (cp >= 0x80 && cp <= 0x9F) return static_cast<unsigned char>(cp);  // undefined bytes kept as C1
    for (std::size_t i = 0; i < CP1252_HIGH.size(); ++i)
        if (CP1252_HIGH[i] == cp && cp != 0) return static_cast<unsigned char>(0x80 + i);
    return std::nullopt;
}

std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool is_dropped(unsigned cp) {
    return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

bool is_fixed_space(unsigned cp) {
    return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A);
}

}  // namespace

std::string repair_mojibake(std::string_view utf8) {
    std::vector<unsigned> cps;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) cps.push_back(*it);
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < cps.size();) {
        const auto lead = cp1252_byte(cps[i]);
        const std::size_t length = lead ? sequence_length(*lead) : 0;
        bool repaired = false;
        if (length && i + length <= cps.size()) {
            std::string bytes(1, static_cast<char>(*lead));
            for (std::size_t k = 1; k < length; ++k) {
                const auto b = cp1252_byte(cps[i + k]);
                if (!b || *b < 0x80 || *b > 0xBF) break;
                bytes += static_cast<char>(*b);
            }
            if (bytes.size() == length) {
                Xapian::Utf8Iterator decoded(bytes);
                const unsigned cp = *decoded;
                // Accept only a well-formed, shortest-form character.
                const bool valid = cp >= 0x80 && !(length == 3 && cp < 0x800) && !(length == 4 && cp < 0x10000) &&
                                   cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
                if (valid) {
                    out += bytes;
                    i += length;
                    repaired = true;
                }
            }
        }
        if (!repaired) {
            Xapian::Unicode::append_utf8(out, cps[i]);
            ++i;
        }
    }
    return out;
}

std::string repair_text(std::string_view utf8) {
    const std::string repaired = repair_mojibake(utf8);
    std::string cleaned;
    cleaned.reserve(repaired.size());
    for (Xapian::Utf8Iterator it(repaired); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned cp = *it;
        if (is_dropped(cp)) continue;
        if (is_fixed_space(cp)) cleaned += ' ';
        else Xapian::Unicode::append_utf8(cleaned, cp);
    }
    return text::to_nfc(cleaned);
}

}  // namespace stmt
