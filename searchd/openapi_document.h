/** @file openapi_document.h
 *  @brief docs/openapi.json, compiled in (served at /api/openapi.json), so
 *  the description served is the one checked in, whatever the working
 *  folder of the running searchd.
 */
#pragma once

#include <string_view>

namespace searchd {

extern const std::string_view OPENAPI_DOCUMENT;

}  // namespace searchd
