// Language detection for statements whose metadata names no language.
#include "stmtlib/language_detector.h"

#include <gtest/gtest.h>

namespace {

TEST(LanguageDetector, TellsScripts) {
    EXPECT_EQ(stmt::detect_language("\u041c\u044b \u043f\u0440\u0438\u0432\u0435\u0442\u0441\u0442\u0432\u0443\u0435\u043c \u043f\u0440\u043e\u0435\u043a\u0442 \u043a\u043e\u043d\u0432\u0435\u043d\u0446\u0438\u0438"), "ru");
    EXPECT_EQ(stmt::detect_language("\u0646\u0631\u062d\u0628 \u0628\u0645\u0634\u0631\u0648\u0639 \u0627\u0644\u0627\u062a\u0641\u0627\u0642\u064a\u0629"), "ar");
    EXPECT_EQ(stmt::detect_language("\u6211\u4eec\u6b22\u8fce\u516c\u7ea6\u8349\u6848\u3002"), "zh");
}

TEST(LanguageDetector, TellsLatinLanguagesByTheirCommonWords) {
    EXPECT_EQ(stmt::detect_language("We welcome the inclusion of safeguards in the chapter on international cooperation."), "en");
    EXPECT_EQ(stmt::detect_language("Nous saluons l'inclusion des garanties dans le chapitre sur la coop\u00e9ration internationale et les droits."), "fr");
    EXPECT_EQ(stmt::detect_language("Acogemos con beneplácito la inclusión de las salvaguardias en el capítulo sobre la cooperación y los derechos."), "es");
}

TEST(LanguageDetector, DefaultsToEnglishWhenNothingDecides) {
    EXPECT_EQ(stmt::detect_language(""), "en");
    EXPECT_EQ(stmt::detect_language("12345 --- 678"), "en");
}

TEST(LanguageDetector, MixedTextGoesByTheDominantScript) {
    EXPECT_EQ(stmt::detect_language("AHC 5: \u041c\u044b \u043f\u0440\u0438\u0432\u0435\u0442\u0441\u0442\u0432\u0443\u0435\u043c \u043f\u0440\u043e\u0435\u043a\u0442 \u043a\u043e\u043d\u0432\u0435\u043d\u0446\u0438\u0438 \u043f\u043e \u043a\u0438\u0431\u0435\u0440\u043f\u0440\u0435\u0441\u0442\u0443\u043f\u043d\u043e\u0441\u0442\u0438"), "ru");
}

}  // namespace
