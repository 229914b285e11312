#include "extract/dates.hpp"

#include <fmt/format.h>

#include <iterator>

#include "util/text.hpp"

namespace newsx::extract {

namespace {

constexpr std::string_view k_nian = "\xE5\xB9\xB4";  // 年
constexpr std::string_view k_yue = "\xE6\x9C\x88";   // 月
constexpr std::string_view k_ri = "\xE6\x97\xA5";    // 日
constexpr std::string_view k_hao = "\xE5\x8F\xB7";   // 号
constexpr std::string_view k_shi = "\xE6\x97\xB6";   // 时
constexpr std::string_view k_dian = "\xE7\x82\xB9";  // 点
constexpr std::string_view k_fen = "\xE5\x88\x86";   // 分
constexpr std::string_view k_miao = "\xE7\xA7\x92";  // 秒

bool eat(std::string_view s, std::size_t& i, std::string_view lit) noexcept {
  if (s.substr(i, lit.size()) == lit) {
    i += lit.size();
    return true;
  }
  return false;
}

/// Reads 1..max digits (full-width digits too); returns -1 when there are none.
int digits(std::string_view s, std::size_t& i, int max_digits, int* count = nullptr) noexcept {
  int v = 0;
  int n = 0;
  while (n < max_digits && i < s.size()) {
    std::size_t j = i;
    const char32_t c = util::fold_fullwidth(util::next_cp(s, j));
    if (!util::is_digit(c)) break;
    v = v * 10 + static_cast<int>(c - '0');
    i = j;
    ++n;
  }
  if (count != nullptr) *count = n;
  return n == 0 ? -1 : v;
}

void skip_spaces(std::string_view s, std::size_t& i) noexcept {
  while (i < s.size()) {
    std::size_t j = i;
    if (!util::is_space(util::next_cp(s, j))) break;
    i = j;
  }
}

int days_in_month(int y, int m) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

}  // namespace

std::optional<int> parse_offset(std::string_view s, std::size_t* consumed) noexcept {
  std::size_t i = 0;
  skip_spaces(s, i);
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    if (consumed != nullptr) *consumed = i + 1;
    return 0;
  }
  if (util::istarts_with(s.substr(i), "UTC") || util::istarts_with(s.substr(i), "GMT")) {
    i += 3;
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) {
      if (consumed != nullptr) *consumed = i;
      return 0;
    }
  }
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return std::nullopt;
  const int sign = s[i] == '-' ? -1 : 1;
  ++i;
  int n = 0;
  const int hh_or_hhmm = digits(s, i, 4, &n);
  if (hh_or_hhmm < 0) return std::nullopt;
  int h = 0;
  int m = 0;
  if (n == 4) {
    h = hh_or_hhmm / 100;
    m = hh_or_hhmm % 100;
  } else if (n <= 2) {
    h = hh_or_hhmm;
    if (i < s.size() && s[i] == ':') {
      std::size_t j = i + 1;
      int n2 = 0;
      const int mm = digits(s, j, 2, &n2);
      if (n2 == 2) {
        m = mm;
        i = j;
      }
    }
  } else {
    return std::nullopt;
  }
  if (h > 14 || m > 59) return std::nullopt;
  if (consumed != nullptr) *consumed = i;
  return sign * (h * 60 + m);
}

std::optional<parsed_date> parse_date(std::string_view s) noexcept {
  parsed_date d;
  std::size_t i = 0;
  skip_spaces(s, i);
  int n = 0;
  d.year = digits(s, i, 4, &n);
  if (n != 4 || d.year < 1970 || d.year > 2100) return std::nullopt;
  const bool cjk = eat(s, i, k_nian);
  char sep = 0;
  if (!cjk) {
    if (i >= s.size() || (s[i] != '-' && s[i] != '/' && s[i] != '.')) return std::nullopt;
    sep = s[i++];
  }
  skip_spaces(s, i);
  d.month = digits(s, i, 2, &n);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (cjk) {
    if (!eat(s, i, k_yue)) return std::nullopt;
  } else if (i >= s.size() || s[i] != sep) {
    return std::nullopt;
  } else {
    ++i;
  }
  skip_spaces(s, i);
  d.day = digits(s, i, 2, &n);
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  if (cjk) {
    if (!eat(s, i, k_ri)) eat(s, i, k_hao);
  } else if (i < s.size() && util::is_digit(static_cast<unsigned char>(s[i]))) {
    return std::nullopt;  // "2022-02-255" is no date
  }
  d.consumed = i;

  // Optional time: "T15:08:15", " 15:08", "15时08分".
  std::size_t j = i;
  if (j < s.size() && (s[j] == 'T' || s[j] == 't')) {
    ++j;
  } else {
    skip_spaces(s, j);
  }
  const int hour = digits(s, j, 2, &n);
  if (hour >= 0 && hour <= 23) {
    const bool colon = j < s.size() && s[j] == ':';
    const bool cjk_time = !colon && (eat(s, j, k_shi) || eat(s, j, k_dian));
    if (colon) ++j;
    if (colon || cjk_time) {
      int mn = 0;
      const int minute = digits(s, j, 2, &mn);
      if (minute >= 0 && minute <= 59 && (colon ? mn == 2 : mn >= 1)) {
        d.hour = hour;
        d.minute = minute;
        d.has_time = true;
        if (cjk_time) eat(s, j, k_fen);
        if (j < s.size() && s[j] == ':') {
          std::size_t k = j + 1;
          int sn = 0;
          const int sec = digits(s, k, 2, &sn);
          if (sn == 2 && sec <= 60) {
            d.second = sec == 60 ? 59 : sec;
            j = k;
            // fractional seconds
            if (j < s.size() && (s[j] == '.' || s[j] == ',')) {
              std::size_t f = j + 1;
              while (f < s.size() && util::is_digit(static_cast<unsigned char>(s[f]))) ++f;
              if (f > j + 1) j = f;
            }
          }
        } else if (cjk_time) {
          std::size_t k = j;
          int sn = 0;
          const int sec = digits(s, k, 2, &sn);
          if (sec >= 0 && sec <= 59 && eat(s, k, k_miao)) {
            d.second = sec;
            j = k;
          }
        }
        d.consumed = j;
        std::size_t used = 0;
        const std::optional<int> off = parse_offset(s.substr(j), &used);
        if (off) {
          d.has_offset = true;
          d.offset_minutes = *off;
          d.consumed = j + used;
        }
      }
    }
  }
  return d;
}

std::string format_date(const parsed_date& d, std::string_view default_offset) {
  if (!d.has_time) return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year, d.month, d.day,
                                d.hour, d.minute, d.second);
  int off = 0;
  if (d.has_offset) {
    off = d.offset_minutes;
  } else {
    const std::optional<int> def = parse_offset(default_offset);
    if (!def) return out;  // no default: a local time without offset
    off = *def;
  }
  const char sign = off < 0 ? '-' : '+';
  const int a = off < 0 ? -off : off;
  fmt::format_to(std::back_inserter(out), "{}{:02}:{:02}", sign, a / 60, a % 60);
  return out;
}

std::optional<parsed_date> find_date(std::string_view text, std::size_t* at) noexcept {
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != '1' && c != '2') continue;
    if (i > 0 && util::is_digit(static_cast<unsigned char>(text[i - 1]))) continue;
    std::optional<parsed_date> d = parse_date(text.substr(i));
    if (d) {
      if (at != nullptr) *at = i;
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace newsx::extract
