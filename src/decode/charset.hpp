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
  std::size_t invalid = 0;         ///< bytes that start no valid sequence
  std::size_t multibyte = 0;       ///< valid sequences of two or more bytes
  std::size_t multibyte_bytes = 0; ///< the bytes of those sequences
  bool truncated_tail = false;     ///< the input ends inside a sequence
};
[[nodiscard]] utf8_check check_utf8(std::string_view s) noexcept;

/// Copies s to out, each invalid byte replaced by U+FFFD, NUL and C0 controls
/// other than tab/newline/CR/FF dropped. Returns the number of bytes changed.
std::size_t repair_utf8(std::string_view s, std::string& out);

/// "UTF-16LE" or "UTF-16BE" when the first bytes have the NUL pattern of
/// UTF-16 without a byte order mark (ASCII-range characters: every other
/// byte NUL, the others almost never), else an empty view.
[[nodiscard]] std::string_view sniff_utf16(std::string_view bytes) noexcept;

/// How Chinese a decoded text reads: its common Hanzi (lexicon::common_hanzi)
/// among its letters (non-ASCII code points other than punctuation and
/// spaces; U+FFFD counts as a letter and as replaced).
struct hanzi_tally {
  std::size_t common = 0;
  std::size_t letters = 0;
  std::size_t replaced = 0;
};
[[nodiscard]] hanzi_tally tally_hanzi(std::string_view utf8) noexcept;

/// What we know about input bytes before decoding them.
struct sniff_result {
  bool binary = false;
  std::string_view what;  ///< "gzip", "PNG image", "control bytes", ...
};
/// label: a charset the caller gave (forced or HTTP); with a UTF-16 label, or
/// the UTF-16 NUL pattern, NUL bytes are text, not a sign of binary data.
[[nodiscard]] sniff_result sniff_binary(std::string_view bytes,
                                        std::string_view label = {}) noexcept;

/// Decodes bytes into UTF-8 with converters it owns and reuses.
class charset_decoder {
 public:
  charset_decoder();
  ~charset_decoder();
  charset_decoder(const charset_decoder&) = delete;
  charset_decoder& operator=(const charset_decoder&) = delete;

  /// Decodes bytes into out, appending warnings. The order: a BOM; the hint
  /// (the caller's decision); UTF-16 by an HTTP label or the NUL pattern;
  /// valid UTF-8; mostly UTF-8 with runs in another charset (each run decoded
  /// as GB18030 or Big5 when they read as Chinese, else repaired); then a
  /// legacy charset, where the declared label is a hint checked against the
  /// bytes: GB18030 or Big5 replaces it when the decoded text reads as
  /// Chinese and the label's reading clearly does not (with a warning); then
  /// ICU detection. The value is the charset used, e.g. "UTF-8", "GB18030",
  /// "Big5"; the error is error_code::unsupported_charset for a hint or BOM
  /// that cannot be decoded.
  /// utf8_default: the format is UTF-8 by definition (a Jekyll post): bytes
  /// that read as no Chinese charset are damage to repair.
  /// declared: a label from outside the bytes (an HTTP Content-Type); it is
  /// checked against the bytes like a <meta> label, and wins over <meta>.
  result<std::string> decode(std::string_view bytes, std::string_view hint, bool sniff_meta,
                             std::string& out, std::vector<std::string>& warnings,
                             bool utf8_default = false, std::string_view declared_label_in = {});

 private:
  UConverter* converter(const std::string& icu_name);
  bool convert(std::string_view bytes, const std::string& icu_name, std::string& out,
               std::size_t& replacements);
  /// GB18030 or windows-950 when sample reads as Chinese in one of them and
  /// clearly better than in declared (an ICU name, or empty); else empty.
  std::string chinese_charset(std::string_view sample, const std::string& declared,
                              std::size_t min_common);
  /// UTF-8 with its non-UTF-8 runs decoded as legacy; returns the run bytes.
  std::size_t decode_mixed(std::string_view bytes, const std::string& legacy, std::string& out,
                           std::size_t& runs, std::size_t& replaced);

  struct cached {
    std::string name;
    UConverter* cnv;
  };
  std::vector<cached> cache_;
  UConverter* utf8_ = nullptr;
  UCharsetDetector* detector_ = nullptr;
  std::vector<char16_t> pivot_;
  std::string sample_;  // the bytes the detector reads
  std::string trial_;   // a sample or a run, decoded
};

}  // namespace newsx::decode

#endif  // NEWSX_DECODE_CHARSET_HPP
