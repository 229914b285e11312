// libFuzzer target: the charset decoder. Whatever the bytes and the hint, the
// output is valid UTF-8 without NUL bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "decode/charset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsx::decode::charset_decoder decoder;
  static const char* const hints[] = {"", "", "", "UTF-8", "GBK", "gb2312", "Big5",
                                      "Shift_JIS", "windows-1252", "UTF-16LE", "bogus"};
  if (size == 0) return 0;
  const char* hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string out;
  std::vector<std::string> warnings;
  const auto r = decoder.decode(bytes, hint, (data[0] & 0x80) != 0, out, warnings,
                                (data[0] & 0x40) != 0);
  if (!r) return 0;
  if (newsx::decode::check_utf8(out).invalid != 0) std::abort();
  if (out.find('\0') != std::string::npos) std::abort();
  return 0;
}
