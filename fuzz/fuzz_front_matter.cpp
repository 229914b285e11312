// libFuzzer target: the front-matter reader and the YAML scalar parser.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "decode/post.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  newsx::decode::post_parts parts;
  newsx::decode::split_post(text, parts);
  // Views must point into the input.
  if (!parts.content.empty() &&
      (parts.content.data() < text.data() ||
       parts.content.data() + parts.content.size() > text.data() + text.size())) {
    std::abort();
  }
  bool balanced = true;
  const std::string v = newsx::decode::parse_scalar(text.substr(0, 256), balanced);
  if (v.size() > 256 * 4) std::abort();  // escapes never grow a value past 4x
  (void)newsx::decode::looks_like_html(text);
  return 0;
}
