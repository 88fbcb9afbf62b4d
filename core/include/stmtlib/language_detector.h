/** @file language_detector.h
 *  @brief Which of the UN's languages a statement is written in, when its
 *  metadata does not say.
 */
#pragma once

#include <string>
#include <string_view>

namespace stmt {

/// "ru", "ar" or "zh" by script; among Latin-script texts "en", "fr" or "es"
/// by their most common words; "en" when nothing decides.
std::string detect_language(std::string_view text);

}  // namespace stmt
