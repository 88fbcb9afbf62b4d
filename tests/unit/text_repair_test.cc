// Text repair: mojibake, spaces, soft hyphens, NFC.
#include "stmtlib/text.h"
#include "stmtlib/text_repair.h"

#include <gtest/gtest.h>

namespace {

TEST(TextRepair, UndoesUtf8ReadAsWindows1252) {
    EXPECT_EQ(stmt::repair_text("Secretariat\u00e2\u20ac\u2122s report"), "Secretariat\u2019s report");
    EXPECT_EQ(stmt::repair_text("\u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d"), "\u201cquoted\u201d");
    EXPECT_EQ(stmt::repair_text("r\u00c3\u00a9sum\u00c3\u00a9 of the d\u00c3\u00a9bat"), "r\u00e9sum\u00e9 of the d\u00e9bat");
    EXPECT_EQ(stmt::repair_text("an \u00e2\u20ac\u201c en dash"), "an \u2013 en dash");
}

TEST(TextRepair, LeavesCorrectTextAlone) {
    const std::string text = "Caf\u00e9 \u2014 \u201cquotes\u201d, \u00c0 la carte, na\u00efve, \u00bfQu\u00e9?, \u0420\u043e\u0441\u0441\u0438\u044f";
    EXPECT_EQ(stmt::repair_text(text), text);
    EXPECT_EQ(stmt::repair_mojibake("plain ASCII"), "plain ASCII");
}

TEST(TextRepair, FoldsFixedSpacesAndDropsInvisibleCharacters) {
    EXPECT_EQ(stmt::repair_text("human\u00a0rights"), "human rights");
    EXPECT_EQ(stmt::repair_text("5\u202f000"), "5 000");
    EXPECT_EQ(stmt::repair_text("safe\u00adguards"), "safeguards");
    EXPECT_EQ(stmt::repair_text("zero\u200bwidth\ufeff"), "zerowidth");
}

TEST(TextRepair, ComposesToNfc) {
    // "e" + combining acute accent becomes the single code point U+00E9.
    EXPECT_EQ(stmt::repair_text("de\u0301bat"), "d\u00e9bat");
}

TEST(TextRepair, OutputIsValidUtf8ForEveryTwoByteInput) {
    std::string input;
    for (unsigned c = 0xA0; c <= 0xFF; ++c) {
        input += static_cast<char>(0xC3);
        input += static_cast<char>(0x80 + (c & 0x3F));
    }
    EXPECT_FALSE(stmt::text::find_invalid_utf8(stmt::repair_text(input)).has_value());
}

}  // namespace
