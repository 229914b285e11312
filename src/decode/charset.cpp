#include "decode/charset.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <bitset>
#include <cstring>

#include "lexicon/lexicon.hpp"
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
bool is_utf16_name(const std::string& icu) { return icu == "UTF-16LE" || icu == "UTF-16BE"; }
bool japanese_or_korean(std::string_view icu) noexcept {
  for (std::string_view c : {"Shift_JIS", "EUC-JP", "EUC-KR", "ISO-2022-JP", "ISO-2022-KR", "windows-949"}) {
    if (util::istarts_with(icu, c)) return true;
  }
  return false;
}
bool is_utf16_label(std::string_view label) noexcept {
  label = util::trim_ascii(label);
  for (std::string_view l : {"utf-16", "utf-16le", "utf-16be", "utf16", "utf16le", "utf16be"}) {
    if (util::iequals(label, l)) return true;
  }
  return false;
}

// The detector reads at most this many bytes of a page's non-ASCII spans:
// some thousands of characters, far more than the statistics need, and a
// bounded cost (three decodes of 32 KB) whatever the page's size.
constexpr std::size_t sample_bytes = 32 * 1024;
// A reading is Chinese when at least this share of its letters are common
// Hanzi: news pages in their own charset score about 0.8, GBK read as Big5
// (or the reverse) 0.06-0.1 (the zh-pages-enc twins).
constexpr double chinese_common_share = 0.3;
// ... and it replaced at most this share of its letters (damage, not a wrong charset).
constexpr double chinese_replaced_share = 0.02;
// Common Hanzi a whole page must show before its label is overridden, and
// a mostly-UTF-8 page's foreign runs before they are decoded as Chinese (a
// footer such as "版权所有" is four).
constexpr std::size_t page_min_common = 20;
constexpr std::size_t run_min_common = 3;
// UTF-8 when its multibyte sequences hold this many times the invalid bytes:
// GBK and Big5 pages form valid UTF-8 by chance, but at most ~0.6 times.
constexpr std::size_t mostly_utf8_ratio = 3;

bool is_dbcs_lead(unsigned char b) noexcept { return b >= 0x81 && b <= 0xFE; }
// GB18030 and Big5 trail bytes (ASCII letters among them), and the digits of
// GB18030's four-byte sequences.
bool is_dbcs_trail(unsigned char b) noexcept {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE);
}

/// The end of the non-ASCII span at b[i]: lead/trail pairs as GB18030 and
/// Big5 read them, so an ASCII trail byte stays with its lead.
std::size_t span_end(std::string_view b, std::size_t i) noexcept {
  const std::size_t n = b.size();
  while (i < n && static_cast<unsigned char>(b[i]) >= 0x80) {
    if (is_dbcs_lead(static_cast<unsigned char>(b[i])) && i + 1 < n &&
        is_dbcs_trail(static_cast<unsigned char>(b[i + 1]))) {
      i += 2;
    } else {
      ++i;
    }
  }
  return i;
}

/// A span that is UTF-8, or UTF-8 cut short at its end (damage, not another charset).
bool utf8_span(std::string_view span) noexcept {
  std::size_t i = 0;
  while (i < span.size()) {
    const std::size_t before = i;
    const char32_t cp = util::next_cp(span, i);
    if (cp != util::replacement_char || i != before + 1) continue;
    if (before == 0) return false;
    // the rest: one lead and fewer continuations than it needs
    const auto b = static_cast<unsigned char>(span[before]);
    const std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    const std::size_t rest = span.size() - before;
    if (need == 0 || rest >= need) return false;
    for (std::size_t k = before + 1; k < span.size(); ++k) {
      if ((static_cast<unsigned char>(span[k]) & 0xC0) != 0x80) return false;
    }
    return true;
  }
  return true;
}

// ASCII between the parts of one non-UTF-8 run: a footer's "ICP000001" or "</a> | <a>".
constexpr std::size_t run_gap_bytes = 32;

enum class span_kind { utf8, two_byte, foreign };
/// UTF-8 with a sequence of three or more bytes; UTF-8 of two-byte sequences only; not UTF-8.
span_kind classify_span(std::string_view span) noexcept {
  if (!utf8_span(span)) return span_kind::foreign;
  for (char c : span) {
    if ((static_cast<unsigned char>(c) & 0xF0) >= 0xE0) return span_kind::utf8;
  }
  return span_kind::two_byte;
}

/// The non-ASCII spans of bytes (only those that are not UTF-8 when
/// foreign_only), one per line, up to sample_bytes.
void collect_sample(std::string_view bytes, bool foreign_only, std::string& sample) {
  sample.clear();
  std::size_t i = 0;
  while (i < bytes.size() && sample.size() < sample_bytes) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t j = span_end(bytes, i);
    const std::string_view span = bytes.substr(i, j - i);
    if (!foreign_only || !utf8_span(span)) {
      sample.append(span);
      sample.push_back('\n');
    }
    i = j;
  }
}

/// lexicon::common_hanzi as a bit per code point of the CJK Unified Ideographs block.
constexpr char32_t hanzi_first = 0x4E00;
constexpr char32_t hanzi_last = 0x9FFF;
const std::bitset<hanzi_last - hanzi_first + 1>& common_hanzi_set() {
  static const auto set = [] {
    std::bitset<hanzi_last - hanzi_first + 1> b;
    for (char32_t c : lexicon::common_hanzi) {
      if (c >= hanzi_first && c <= hanzi_last) b.set(c - hanzi_first);
    }
    return b;
  }();
  return set;
}

bool chinese(const hanzi_tally& t, std::size_t min_common) noexcept {
  const auto letters = static_cast<double>(t.letters);
  return t.common >= min_common && static_cast<double>(t.common) >= chinese_common_share * letters &&
         static_cast<double>(t.replaced) <= chinese_replaced_share * letters;
}

}  // namespace

hanzi_tally tally_hanzi(std::string_view utf8) noexcept {
  hanzi_tally t;
  const auto& common = common_hanzi_set();
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = util::next_cp(utf8, i);
    if (c == util::replacement_char) {
      ++t.replaced;
      ++t.letters;
      continue;
    }
    // punctuation, symbols and spaces say nothing about the charset
    if (util::is_cjk_punct(c) || util::is_space(c) || (c >= 0x2000 && c <= 0x206F) ||
        (c >= 0xFF00 && c <= 0xFFEF)) {
      continue;
    }
    ++t.letters;
    if (c >= hanzi_first && c <= hanzi_last && common.test(c - hanzi_first)) ++t.common;
  }
  return t;
}

std::string_view sniff_utf16(std::string_view b) noexcept {
  const std::size_t pairs = std::min<std::size_t>(b.size(), 4096) / 2;
  // Too short to tell: a few bytes with a NUL are no pattern.
  if (pairs < 8) return {};
  std::size_t nul_even = 0;
  std::size_t nul_odd = 0;
  for (std::size_t k = 0; k < pairs; ++k) {
    nul_even += b[2 * k] == '\0' ? 1 : 0;
    nul_odd += b[2 * k + 1] == '\0' ? 1 : 0;
  }
  // Markup and Latin text put a NUL in most pairs (Chinese text in none),
  // always on the same side; binary data has NULs on both.
  auto pattern = [&](std::size_t high, std::size_t low) {
    return high * 10 >= pairs * 3 && low * 100 <= pairs;
  };
  if (pattern(nul_odd, nul_even)) return "UTF-16LE";
  if (pattern(nul_even, nul_odd)) return "UTF-16BE";
  return {};
}

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
      r.multibyte_bytes += i - before;
    }
  }
  return r;
}

namespace {

/// repair_utf8, appending to out.
std::size_t append_repaired(std::string_view s, std::string& out) {
  // Runs of good bytes are appended whole: this walks every input byte, so
  // it must cost about a copy.
  std::size_t changed = 0;
  std::size_t run = 0;  // start of the run of good bytes not yet appended
  std::size_t i = 0;
  while (i < s.size()) {
    // eight bytes at a time over ASCII that is no control character
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      const std::uint64_t high = w & 0x8080808080808080ULL;
      const std::uint64_t below_space = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
      if ((high | below_space) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')) {
        out.append(s.substr(run, i - run));
        ++changed;
        run = i + 1;
      }
      ++i;
      continue;
    }
    const std::size_t before = i;
    const char32_t cp = util::next_cp(s, i);
    if (cp == util::replacement_char && i == before + 1) {
      out.append(s.substr(run, before - run));
      util::append_utf8(out, util::replacement_char);
      ++changed;
      run = i;
    }
  }
  out.append(s.substr(run));
  return changed;
}

}  // namespace

std::size_t repair_utf8(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  return append_repaired(s, out);
}

sniff_result sniff_binary(std::string_view b, std::string_view label) noexcept {
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
  if (is_utf16_label(label)) return {};
  if (!sniff_utf16(b).empty()) return {};
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

std::string charset_decoder::chinese_charset(std::string_view sample, const std::string& declared,
                                             std::size_t min_common) {
  hanzi_tally gb;
  hanzi_tally big5;
  std::size_t repl = 0;
  if (convert(sample, "GB18030", trial_, repl)) gb = tally_hanzi(trial_);
  if (convert(sample, "windows-950", trial_, repl)) big5 = tally_hanzi(trial_);
  const bool gb_wins = gb.common >= big5.common;
  const hanzi_tally& best = gb_wins ? gb : big5;
  const std::string name = gb_wins ? "GB18030" : "windows-950";
  if (!chinese(best, min_common)) return {};
  if (declared == name) return name;
  if (declared.empty()) {
    // Kana read as Big5 are its simplest, commonest characters (EUC-JP
    // hiragana A4xx is Big5's 一乙丁七...): Japanese and Korean text can pass
    // for Chinese by frequency alone, but not past ICU's recognisers.
    if (detector_ == nullptr) return name;
    UErrorCode status = U_ZERO_ERROR;
    ucsdet_setText(detector_, sample.data(), static_cast<std::int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector_, &status);
    const char* found = U_SUCCESS(status) && match != nullptr ? ucsdet_getName(match, &status) : nullptr;
    return U_SUCCESS(status) && found != nullptr && japanese_or_korean(found) ? std::string() : name;
  }
  // The label loses only to twice its common Hanzi: a page whose label
  // reads as well stays as labelled.
  hanzi_tally label;
  if (declared == "GB18030") {
    label = gb;
  } else if (declared == "windows-950") {
    label = big5;
  } else if (!is_utf8_name(declared) && convert(sample, declared, trial_, repl)) {
    label = tally_hanzi(trial_);
  }
  // A Japanese or Korean label reads its own text right and Chinese text
  // wrong only where the structure breaks: it falls to broken bytes alone.
  if (japanese_or_korean(declared)) {
    return static_cast<double>(label.replaced) > chinese_replaced_share * static_cast<double>(label.letters)
               ? name
               : std::string();
  }
  return best.common >= 2 * label.common ? name : std::string();
}

std::size_t charset_decoder::decode_mixed(std::string_view bytes, const std::string& legacy,
                                          std::string& out, std::size_t& runs,
                                          std::size_t& replaced) {
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  std::size_t foreign = 0;
  std::size_t pending = 0;  // start of the UTF-8 not yet copied
  // A run: foreign spans and the spans between them that are only two-byte
  // sequences (GBK pairs form those by chance: 证 is D6 A4, also U+05A4),
  // with at most run_gap_bytes of ASCII between; real UTF-8 Chinese is three
  // bytes a character and ends a run.
  bool open = false;
  std::size_t run_start = 0;
  std::size_t run_end = 0;
  std::size_t chain_start = std::string_view::npos;  // two-byte spans just before
  std::size_t chain_end = 0;
  auto close_run = [&] {
    replaced += append_repaired(bytes.substr(pending, run_start - pending), out);
    const std::string_view run = bytes.substr(run_start, run_end - run_start);
    std::size_t repl = 0;
    if (convert(run, legacy, trial_, repl)) {
      out.append(trial_);
      replaced += repl;
    } else {
      replaced += append_repaired(run, out);
    }
    foreign += run.size();
    ++runs;
    pending = run_end;
    open = false;
  };
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t j = span_end(bytes, i);
    const span_kind kind = classify_span(bytes.substr(i, j - i));
    if (open) {
      if (i - run_end <= run_gap_bytes && kind != span_kind::utf8) {
        run_end = j;
        i = j;
        continue;
      }
      close_run();
    }
    if (kind == span_kind::foreign) {
      const bool chained = chain_start != std::string_view::npos && i - chain_end <= run_gap_bytes;
      run_start = chained ? chain_start : i;
      run_end = j;
      open = true;
      chain_start = std::string_view::npos;
    } else if (kind == span_kind::two_byte) {
      if (chain_start == std::string_view::npos || i - chain_end > run_gap_bytes) chain_start = i;
      chain_end = j;
    } else {
      chain_start = std::string_view::npos;
    }
    i = j;
  }
  if (open) close_run();
  replaced += append_repaired(bytes.substr(pending), out);
  return foreign;
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
  // "utf-16" names no byte order: the NUL pattern does, else little-endian.
  auto utf16_order = [&](std::string icu, std::string_view label) {
    const std::string_view seen = sniff_utf16(bytes);
    if (!seen.empty() && util::iequals(util::trim_ascii(label), "utf-16")) icu.assign(seen);
    return icu;
  };

  if (!bom.empty()) {
    if (!use(bom)) return error{error_code::unsupported_charset, fmt::format("cannot decode {}", bom)};
    return charset;
  }

  // 2. An explicit hint from the caller wins.
  if (!util::trim_ascii(hint).empty()) {
    std::string icu = canonical_charset(hint);
    if (is_utf16_name(icu)) icu = utf16_order(icu, hint);
    if (icu.empty() || !use(icu)) {
      return error{error_code::unsupported_charset, fmt::format("unknown charset '{}'", hint)};
    }
    return charset;
  }

  std::string_view declared_label = util::trim_ascii(declared_label_in);
  std::string declared = canonical_charset(declared_label);
  // 3. UTF-16 without a BOM: by an HTTP label when the bytes hold NULs (no
  //    ASCII-compatible page does), or by its NUL pattern. A <meta> label
  //    cannot say UTF-16: it was read as ASCII.
  const std::string_view pattern16 = sniff_utf16(bytes);
  if (is_utf16_name(declared) &&
      (!pattern16.empty() || bytes.find('\0') != std::string_view::npos)) {
    const std::string icu = utf16_order(declared, declared_label);
    if (use(icu)) return charset;
  }
  if (!pattern16.empty()) {
    if (use(std::string(pattern16))) {
      warnings.push_back(
          fmt::format("no byte order mark, but every other byte is NUL: decoded as {}", charset));
      return charset;
    }
  }
  if (is_utf16_name(declared)) declared.clear();  // the bytes said otherwise
  if (declared_label.empty() && sniff_meta) {
    declared_label = sniff_declared_charset(bytes);
    declared = canonical_charset(declared_label);
    if (is_utf16_name(declared)) declared.clear();
  }
  auto contradicts = [&](const std::string& used) {
    if (declared_label.empty()) return;
    warnings.push_back(fmt::format("declared charset '{}' contradicts the bytes, which are {}",
                                   declared_label, used));
  };

  // 4. Valid UTF-8 is UTF-8 whatever the label says: mislabelled gb2312 pages
  //    are common, and multibyte UTF-8 does not happen by chance. Mostly
  //    UTF-8 is UTF-8 with damage, or with runs in another charset (a GBK
  //    footer in a UTF-8 page): those runs are decoded with the charset they
  //    read as, or repaired.
  const utf8_check u = check_utf8(bytes);
  const bool mostly_utf8 =
      u.invalid == 0 || (u.multibyte >= 4 && u.multibyte_bytes >= mostly_utf8_ratio * u.invalid);
  if (mostly_utf8) {
    if (!declared.empty() && !is_utf8_name(declared) && u.multibyte > 0) contradicts("UTF-8");
    if (u.invalid != 0) {
      collect_sample(bytes, true, sample_);
      const std::string runs_charset = chinese_charset(sample_, {}, run_min_common);
      if (!runs_charset.empty()) {
        std::size_t runs = 0;
        std::size_t replaced = 0;
        const std::size_t foreign = decode_mixed(bytes, runs_charset, out, runs, replaced);
        warnings.push_back(fmt::format("{} bytes in {} {} are not UTF-8; decoded them as {}",
                                       foreign, runs, runs == 1 ? "run" : "runs",
                                       display_name(runs_charset)));
        if (replaced != 0) {
          warnings.push_back(fmt::format("repaired {} invalid or control bytes", replaced));
        }
        charset = "UTF-8";
        return charset;
      }
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

  // 5. A legacy charset. The label is a hint: GB18030 or Big5 replace it
  //    when the text reads as Chinese in them and not in the label's charset.
  collect_sample(bytes, false, sample_);
  const std::string chinese_cs = chinese_charset(sample_, declared, page_min_common);
  if (!chinese_cs.empty()) {
    if (declared != chinese_cs) contradicts(display_name(chinese_cs));
    use(chinese_cs);
    return charset;
  }
  //    A label the statistics cannot contradict stands if its charset decodes the bytes.
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
  //    A post is UTF-8 by definition: bytes that read as no Chinese charset are damage.
  if (utf8_default) {
    use("UTF-8");
    return charset;
  }

  // 6. ICU's detector, checked by decoding: fewest replacement characters wins.
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
        if (!icu.empty() && !is_utf8_name(icu) && !is_utf16_name(icu)) candidates.push_back(icu);
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
  if (declared != best) contradicts(charset);
  if (best_repl != 0) {
    warnings.push_back(fmt::format("{} bytes not valid in {} were replaced", best_repl, charset));
  }
  return charset;
}

}  // namespace newsx::decode
