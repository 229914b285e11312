#include "decode/charset.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>

#include "util/text.hpp"

namespace newsx::decode {

namespace {

std::string lower_label(std::string_view label) {
  std::string s;
  for (char c : util::trim_ascii(label)) {
    if (c == '"' || c == '\'') continue;
    s.push_back(util::ascii_lower(c));
  }
  return s;
}

/// The name we report for an ICU converter name.
std::string display_name(const std::string& icu) {
  if (icu == "windows-950") return "Big5";
  return icu;
}

bool is_utf8_name(const std::string& icu) { return icu == "UTF-8"; }

}  // namespace

std::string canonical_charset(std::string_view label) {
  const std::string l = lower_label(label);
  if (l.empty()) return {};
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
    return "UTF-8";
  if (l == "gbk" || l == "gb2312" || l == "gb_2312-80" || l == "x-gbk" || l == "gb18030" ||
      l == "cp936" || l == "windows-936" || l == "euc-cn" || l == "csgb2312" || l == "chinese" ||
      l == "iso-ir-58" || l == "x-euc-cn" || l == "hz-gb-2312" || l == "gb_2312")
    return "GB18030";
  if (l == "big5" || l == "big5-hkscs" || l == "cn-big5" || l == "x-x-big5" || l == "csbig5" ||
      l == "cp950" || l == "windows-950")
    return "windows-950";
  if (l == "utf-16le" || l == "utf-16") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  if (l == "shift_jis" || l == "sjis" || l == "shift-jis" || l == "x-sjis" || l == "windows-31j")
    return "Shift_JIS";
  if (l == "euc-jp") return "EUC-JP";
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "cp949") return "EUC-KR";
  if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii" ||
      l == "windows-1252" || l == "cp1252")
    return "windows-1252";  // the WHATWG reading of these labels
  // Any other label ICU knows (windows-1251, iso-8859-2, koi8-r...).
  UErrorCode status = U_ZERO_ERROR;
  const char* canon = ucnv_getCanonicalName(l.c_str(), "", &status);
  if (U_SUCCESS(status) && canon != nullptr) return l;
  return {};
}

std::string_view sniff_declared_charset(std::string_view head) noexcept {
  head = head.substr(0, std::min<std::size_t>(head.size(), 4096));
  std::size_t pos = 0;
  while ((pos = util::ifind(head, "charset", pos)) != std::string_view::npos) {
    // Only inside a <meta ...> or <?xml ...> tag: find the tag start behind us.
    const std::size_t lt = head.rfind('<', pos);
    const std::size_t gt = head.rfind('>', pos);
    pos += 7;
    if (lt == std::string_view::npos || (gt != std::string_view::npos && gt > lt)) continue;
    const std::string_view tag = head.substr(lt);
    if (!util::istarts_with(tag, "<meta") && !util::istarts_with(tag, "<?xml")) continue;
    std::size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < head.size() && (util::is_ascii_alpha(static_cast<unsigned char>(head[i])) ||
                               util::is_digit(static_cast<unsigned char>(head[i])) ||
                               head[i] == '-' || head[i] == '_' || head[i] == ':' ||
                               head[i] == '.')) {
      ++i;
    }
    if (i > start) return head.substr(start, i - start);
  }
  // <?xml version="1.0" encoding="gbk"?>
  if (util::istarts_with(util::trim_ascii(head), "<?xml")) {
    const std::size_t e = util::ifind(head, "encoding=");
    if (e != std::string_view::npos) {
      std::size_t i = e + 9;
      if (i < head.size() && (head[i] == '"' || head[i] == '\'')) ++i;
      const std::size_t start = i;
      while (i < head.size() && head[i] != '"' && head[i] != '\'' && head[i] != '?') ++i;
      return head.substr(start, i - start);
    }
  }
  return {};
}

utf8_check check_utf8(std::string_view s) noexcept {
  utf8_check r;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // fast path over ASCII, eight bytes at a time
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t before = i;
    const char32_t cp = util::next_cp(s, i);
    if (cp == util::replacement_char && i == before + 1) {
      // a lone invalid byte, or a sequence cut by the end of input
      std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
      if (need != 0 && before + need > n) {
        r.truncated_tail = true;
        break;
      }
      ++r.invalid;
    } else {
      ++r.multibyte;
    }
  }
  return r;
}

std::size_t repair_utf8(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  std::size_t changed = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')) {
        ++changed;
      } else {
        out.push_back(static_cast<char>(b));
      }
      ++i;
      continue;
    }
    const std::size_t before = i;
    const char32_t cp = util::next_cp(s, i);
    if (cp == util::replacement_char && i == before + 1) {
      util::append_utf8(out, util::replacement_char);
      ++changed;
    } else {
      out.append(s.substr(before, i - before));
    }
  }
  return changed;
}

sniff_result sniff_binary(std::string_view b) noexcept {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("\x1f\x8b")) return {true, "gzip-compressed data (decompress it first)"};
  if (starts("\x89PNG")) return {true, "a PNG image"};
  if (starts("GIF8")) return {true, "a GIF image"};
  if (starts("\xff\xd8\xff")) return {true, "a JPEG image"};
  if (starts("%PDF")) return {true, "a PDF document"};
  if (starts("PK\x03\x04")) return {true, "a ZIP archive"};
  if (starts("\x7f" "ELF")) return {true, "an ELF executable"};
  if (starts("BZh")) return {true, "bzip2-compressed data"};
  if (starts("\xfd" "7zXZ")) return {true, "xz-compressed data"};
  if (starts("\x28\xb5\x2f\xfd")) return {true, "zstd-compressed data"};
  // UTF-16 with a BOM is text, decoded later.
  if (starts("\xff\xfe") || starts("\xfe\xff")) return {};
  const std::size_t sample = std::min<std::size_t>(b.size(), 65536);
  std::size_t controls = 0;
  for (std::size_t i = 0; i < sample; ++i) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ++controls;
  }
  // Real pages carry the odd stray control byte; data is full of them.
  if (controls > 16 && controls * 100 > sample) return {true, "control bytes: not text"};
  return {};
}

charset_decoder::charset_decoder() : pivot_(4096) {
  UErrorCode status = U_ZERO_ERROR;
  utf8_ = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) utf8_ = nullptr;
  status = U_ZERO_ERROR;
  detector_ = ucsdet_open(&status);
  if (U_FAILURE(status)) detector_ = nullptr;
}

charset_decoder::~charset_decoder() {
  for (auto& c : cache_) ucnv_close(c.cnv);
  if (utf8_ != nullptr) ucnv_close(utf8_);
  if (detector_ != nullptr) ucsdet_close(detector_);
}

UConverter* charset_decoder::converter(const std::string& icu_name) {
  for (auto& c : cache_) {
    if (c.name == icu_name) {
      ucnv_reset(c.cnv);
      return c.cnv;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(icu_name.c_str(), &status);
  if (U_FAILURE(status) || cnv == nullptr) return nullptr;
  cache_.push_back({icu_name, cnv});
  return cnv;
}

bool charset_decoder::convert(std::string_view bytes, const std::string& icu_name,
                              std::string& out, std::size_t& replacements) {
  UConverter* src = converter(icu_name);
  if (src == nullptr || utf8_ == nullptr) return false;
  ucnv_reset(utf8_);
  out.resize(bytes.size() * 3 + 16);
  char* target = out.data();
  const char* source = bytes.data();
  UChar* pivot_source = reinterpret_cast<UChar*>(pivot_.data());
  UChar* pivot_target = pivot_source;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_convertEx(utf8_, src, &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), reinterpret_cast<UChar*>(pivot_.data()),
                 &pivot_source, &pivot_target,
                 reinterpret_cast<UChar*>(pivot_.data()) + pivot_.size(), true, true, &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(target - out.data()));
  replacements = 0;
  for (std::size_t p = 0; (p = out.find("\xEF\xBF\xBD", p)) != std::string::npos; p += 3) {
    ++replacements;
  }
  // Drop the controls that no HTML or text consumer wants (NUL above all).
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    const auto c = static_cast<unsigned char>(out[r]);
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) continue;
    out[w++] = out[r];
  }
  out.resize(w);
  return true;
}

result<std::string> charset_decoder::decode(std::string_view bytes, std::string_view hint,
                                            bool sniff_meta, std::string& out,
                                            std::vector<std::string>& warnings,
                                            bool utf8_default,
                                            std::string_view declared_label_in) {
  std::string charset;  // the one used, as reported
  // 1. Byte order marks decide.
  std::string bom;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bom = "UTF-8";
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    bom = "UTF-16LE";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    bom = "UTF-16BE";
    bytes.remove_prefix(2);
  }

  auto use = [&](const std::string& icu) -> bool {
    std::size_t repl = 0;
    if (is_utf8_name(icu)) {
      const std::size_t changed = repair_utf8(bytes, out);
      if (changed != 0) {
        warnings.push_back(fmt::format("repaired {} invalid UTF-8 or control bytes", changed));
      }
      charset = "UTF-8";
      return true;
    }
    if (!convert(bytes, icu, out, repl)) return false;
    if (repl != 0) {
      warnings.push_back(
          fmt::format("{} bytes not valid in {} were replaced", repl, display_name(icu)));
    }
    charset = display_name(icu);
    return true;
  };

  if (!bom.empty()) {
    if (!use(bom)) return error{error_code::unsupported_charset, fmt::format("cannot decode {}", bom)};
    return charset;
  }

  // 2. An explicit hint from the caller wins.
  if (!util::trim_ascii(hint).empty()) {
    const std::string icu = canonical_charset(hint);
    if (icu.empty() || !use(icu)) {
      return error{error_code::unsupported_charset, fmt::format("unknown charset '{}'", hint)};
    }
    return charset;
  }

  // 3. Valid UTF-8 is UTF-8 whatever the label says: mislabelled gb2312 pages
  //    are common, and multibyte UTF-8 does not happen by chance.
  const utf8_check u = check_utf8(bytes);
  std::string declared;
  std::string_view declared_label = util::trim_ascii(declared_label_in);
  if (declared_label.empty() && sniff_meta) declared_label = sniff_declared_charset(bytes);
  declared = canonical_charset(declared_label);
  // Legacy CJK bytes fail UTF-8 validation on most pairs; a few bad bytes
  // among many good sequences are damage.
  const bool mostly_utf8 = u.invalid == 0 || utf8_default ||
                           (u.multibyte >= 4 && u.invalid * 20 <= u.multibyte);
  if (mostly_utf8) {
    if (!declared.empty() && !is_utf8_name(declared) && u.multibyte > 0) {
      warnings.push_back(
          fmt::format("declared charset '{}' contradicts the bytes, which are UTF-8", declared_label));
    }
    if (u.truncated_tail) {
      // a cut in transfer, not text: drop the partial character
      warnings.push_back("input ends inside a UTF-8 sequence");
      std::size_t cut = bytes.size();
      while (cut > 0 && (static_cast<unsigned char>(bytes[cut - 1]) & 0xC0) == 0x80) --cut;
      if (cut > 0) --cut;  // the lead byte
      bytes = bytes.substr(0, cut);
    }
    use("UTF-8");
    return charset;
  }

  // 4. A declared legacy charset, if the bytes agree with it.
  if (!declared.empty() && !is_utf8_name(declared)) {
    std::size_t repl = 0;
    if (convert(bytes, declared, out, repl) && repl * 200 <= u.invalid + u.multibyte + 1) {
      if (repl != 0) {
        warnings.push_back(
            fmt::format("{} bytes not valid in {} were replaced", repl, display_name(declared)));
      }
      charset = display_name(declared);
      return charset;
    }
  }

  // 5. ICU's detector, checked by decoding: fewest replacement characters wins.
  std::vector<std::string> candidates;
  if (detector_ != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    const auto sample = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
    ucsdet_setText(detector_, bytes.data(), sample, &status);
    std::int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector_, &found, &status);
    for (std::int32_t k = 0; U_SUCCESS(status) && k < found && k < 3; ++k) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[k], &s2);
      if (U_SUCCESS(s2) && name != nullptr) {
        std::string icu = canonical_charset(name);
        if (!icu.empty() && !is_utf8_name(icu)) candidates.push_back(icu);
      }
    }
  }
  for (const char* fallback : {"GB18030", "windows-950"}) {
    if (std::find(candidates.begin(), candidates.end(), fallback) == candidates.end()) {
      candidates.emplace_back(fallback);
    }
  }
  std::string best;
  std::size_t best_repl = static_cast<std::size_t>(-1);
  std::string trial;
  for (const std::string& c : candidates) {
    std::size_t repl = 0;
    if (!convert(bytes, c, trial, repl)) continue;
    if (repl < best_repl) {
      best_repl = repl;
      best = c;
      out.swap(trial);
    }
  }
  if (best.empty()) {
    use("UTF-8");
    warnings.push_back("charset not recognised; decoded as UTF-8 with replacements");
    return charset;
  }
  charset = display_name(best);
  if (!declared_label.empty()) {
    warnings.push_back(fmt::format("declared charset '{}' contradicts the bytes; detected {}",
                                   declared_label, charset));
  }
  if (best_repl != 0) {
    warnings.push_back(fmt::format("{} bytes not valid in {} were replaced", best_repl, charset));
  }
  return charset;
}

}  // namespace newsx::decode
