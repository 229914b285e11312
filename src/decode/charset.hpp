// The decode stage, part 1: bytes in any charset to valid UTF-8.
#ifndef NEWSX_DECODE_CHARSET_HPP
#define NEWSX_DECODE_CHARSET_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/result.hpp"

struct UConverter;
struct UCharsetDetector;

namespace newsx::decode {

/// ICU's name for a charset label: GBK and GB2312 decode as GB18030, Big5 as
/// windows-950; empty when the label is not one we recognise as a charset.
[[nodiscard]] std::string canonical_charset(std::string_view label);

/// The charset a page declares in <meta charset> / http-equiv / <?xml ?> within
/// its first bytes, or an empty view.
[[nodiscard]] std::string_view sniff_declared_charset(std::string_view head) noexcept;

struct utf8_check {
  std::size_t invalid = 0;    ///< bytes that start no valid sequence
  std::size_t multibyte = 0;  ///< valid sequences of two or more bytes
  bool truncated_tail = false;///< the input ends inside a sequence
};
[[nodiscard]] utf8_check check_utf8(std::string_view s) noexcept;

/// Copies s to out, each invalid byte replaced by U+FFFD, NUL and C0 controls
/// other than tab/newline/CR/FF dropped. Returns the number of bytes changed.
std::size_t repair_utf8(std::string_view s, std::string& out);

/// What we know about input bytes before decoding them.
struct sniff_result {
  bool binary = false;
  std::string_view what;  ///< "gzip", "PNG image", "control bytes", ...
};
[[nodiscard]] sniff_result sniff_binary(std::string_view bytes) noexcept;

/// Decodes bytes into UTF-8 with converters it owns and reuses.
class charset_decoder {
 public:
  charset_decoder();
  ~charset_decoder();
  charset_decoder(const charset_decoder&) = delete;
  charset_decoder& operator=(const charset_decoder&) = delete;

  /// Decodes bytes (BOM first, then hint, then declared label checked against
  /// the bytes, then ICU detection) into out, appending warnings. The value
  /// is the charset used, e.g. "UTF-8", "GB18030", "Big5"; the error is
  /// error_code::unsupported_charset for a hint or BOM that cannot be decoded.
  /// utf8_default: the format is UTF-8 by definition (a Jekyll post), so bad
  /// bytes are damage to repair, not a sign of another charset.
  /// declared: a label from outside the bytes (an HTTP Content-Type); it is
  /// checked against the bytes like a <meta> label, and wins over <meta>.
  result<std::string> decode(std::string_view bytes, std::string_view hint, bool sniff_meta,
                             std::string& out, std::vector<std::string>& warnings,
                             bool utf8_default = false, std::string_view declared_label_in = {});

 private:
  UConverter* converter(const std::string& icu_name);
  bool convert(std::string_view bytes, const std::string& icu_name, std::string& out,
               std::size_t& replacements);

  struct cached {
    std::string name;
    UConverter* cnv;
  };
  std::vector<cached> cache_;
  UConverter* utf8_ = nullptr;
  UCharsetDetector* detector_ = nullptr;
  std::vector<char16_t> pivot_;
};

}  // namespace newsx::decode

#endif  // NEWSX_DECODE_CHARSET_HPP
