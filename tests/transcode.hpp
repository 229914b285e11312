// Test helper: UTF-8 text re-encoded by ICU, as a server in another charset
// would send it.
#ifndef NEWSX_TESTS_TRANSCODE_HPP
#define NEWSX_TESTS_TRANSCODE_HPP

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>

namespace newsx::testing {

inline std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &st);
  REQUIRE(U_SUCCESS(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace newsx::testing

#endif  // NEWSX_TESTS_TRANSCODE_HPP
