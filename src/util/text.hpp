// Small UTF-8 and string helpers shared by every stage. Header-only, no allocation
// unless the function returns a std::string.
#ifndef NEWSX_UTIL_TEXT_HPP
#define NEWSX_UTIL_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace newsx::util {

inline constexpr char32_t replacement_char = 0xFFFD;

/// Decodes the code point at s[i] and advances i. Invalid bytes decode to
/// U+FFFD and advance by one, so a loop over any input terminates.
inline char32_t next_cp(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t n = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return replacement_char;
  }
  if (i + n >= s.size()) {  // truncated sequence
    ++i;
    return replacement_char;
  }
  for (std::size_t k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return replacement_char;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return replacement_char;
  }
  i += n + 1;
  return cp;
}

/// The code point that ends just before s[end] (end > 0), and its start.
inline char32_t prev_cp(std::string_view s, std::size_t end, std::size_t& start) noexcept {
  std::size_t j = end;
  int back = 0;
  while (j > 0 && back < 4) {
    --j;
    ++back;
    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) break;
  }
  std::size_t k = j;
  const char32_t cp = next_cp(s, k);
  if (k != end) {  // not a clean sequence: treat the last byte alone
    start = end - 1;
    return replacement_char;
  }
  start = j;
  return cp;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Han ideographs, kana and hangul: the scripts written without spaces.
inline bool is_cjk(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x20000 && c <= 0x2FA1F);
}

/// Full-width and CJK punctuation (，。、；：？！“”‘’（）《》【】…—).
inline bool is_cjk_punct(char32_t c) noexcept {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x2026 || c == 0x2014 || c == 0x2015 || c == 0x00B7;
}

/// White space as a reader sees it: ASCII, NBSP, ideographic space, zero-width.
inline bool is_space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || c == 0x2002 || c == 0x2003 || c == 0x2009 ||
         c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

inline bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char ascii_upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

/// Full-width ASCII (Ａ１！) to ASCII; other code points unchanged.
inline char32_t fold_fullwidth(char32_t c) noexcept {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'A';
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';
  return c;
}

inline std::string_view trim_ascii(std::string_view s) noexcept {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Trims ASCII and Unicode white space (NBSP, ideographic space, ZWSP...).
inline std::string_view trim(std::string_view s) noexcept {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t j = b;
    if (!is_space(next_cp(s, j))) break;
    b = j;
  }
  std::size_t e = s.size();
  while (e > b) {
    std::size_t st = 0;
    if (!is_space(prev_cp(s, e, st))) break;
    e = st;
  }
  return s.substr(b, e - b);
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

inline bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

/// Case-insensitive ASCII search; npos when absent.
inline std::size_t ifind(std::string_view hay, std::string_view needle,
                         std::size_t from = 0) noexcept {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (hay.size() < needle.size()) return std::string_view::npos;
  const char first = ascii_lower(needle[0]);
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (ascii_lower(hay[i]) != first) continue;
    std::size_t k = 1;
    while (k < needle.size() && ascii_lower(hay[i + k]) == ascii_lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

inline bool icontains(std::string_view hay, std::string_view needle) noexcept {
  return ifind(hay, needle) != std::string_view::npos;
}

/// Number of code points (invalid bytes count one each).
inline std::size_t cp_count(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// Counts code points in s by class, in one pass.
/// Whether any code point of s is a CJK ideograph.
inline bool has_cjk(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (is_cjk(next_cp(s, i))) return true;
  }
  return false;
}

struct char_counts {
  std::size_t chars = 0;   ///< non-space code points
  std::size_t cjk = 0;
  std::size_t kana = 0;    ///< of cjk: hiragana and katakana
  std::size_t hangul = 0;  ///< of cjk: hangul syllables
  std::size_t punct = 0;   ///< CJK punctuation plus ASCII ,.;:!?
  std::size_t words = 0;   ///< runs of Latin letters or digits
};

inline char_counts count_chars(std::string_view s) noexcept {
  char_counts c;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_cp(s, i);
    if (is_space(cp)) {
      in_word = false;
      continue;
    }
    ++c.chars;
    if (is_cjk(cp)) {
      ++c.cjk;
      c.kana += cp >= 0x3040 && cp <= 0x30FF;
      c.hangul += cp >= 0xAC00 && cp <= 0xD7AF;
      in_word = false;
    } else if (is_cjk_punct(cp) || cp == ',' || cp == '.' || cp == ';' || cp == ':' ||
               cp == '!' || cp == '?') {
      ++c.punct;
      in_word = false;
    } else if (is_ascii_alpha(cp) || is_digit(cp) || cp >= 0xC0) {
      if (!in_word) ++c.words;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return c;
}

/// Removes control characters (C0 but tab and newline, DEL, C1) from UTF-8
/// text in place: a character reference like &#27; must not reach a
/// terminal, a CSV cell or a search index as an escape sequence.
inline void strip_controls(std::string& s) {
  auto control_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, or 0
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return 2;
    }
    return 0;
  };
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size();) {
    if (const std::size_t n = control_at(r)) {
      r += n;
      continue;
    }
    s[w++] = s[r++];
  }
  s.resize(w);
}

/// Character references left in a value the HTML parser already decoded
/// (a <meta content> escaped twice: "Isn&#39;t"): &amp; &lt; &gt; &quot;
/// &apos; and numeric ones. Anything else, or a number that is no
/// character, stays as written.
inline std::string unescape_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  static constexpr std::pair<std::string_view, char> named[] = {
      {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    const std::string_view rest = s.substr(i + 1);
    bool done = false;
    for (const auto& [name, ch] : named) {
      if (rest.substr(0, name.size()) == name) {
        out.push_back(ch);
        i += 1 + name.size();
        done = true;
        break;
      }
    }
    if (!done && !rest.empty() && rest[0] == '#') {
      const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      std::uint32_t cp = 0;
      const std::size_t digits_at = k;
      while (k < rest.size() && k < digits_at + 8) {
        const char c = rest[k];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        ++k;
      }
      if (k > digits_at && k < rest.size() && rest[k] == ';' && cp > 0 && cp <= 0x10FFFF &&
          !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, static_cast<char32_t>(cp));
        i += 1 + k + 1;
        done = true;
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

}  // namespace newsx::util

#endif  // NEWSX_UTIL_TEXT_HPP
