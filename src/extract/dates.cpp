#include "extract/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "lexicon/dates.hpp"
#include "util/text.hpp"

namespace newsx::extract {

namespace {

/// Years a written date may have; epoch numbers are held to a narrower span.
constexpr int min_year = 1970;
constexpr int max_year = 2100;
/// Epoch numbers before 1995 are ids and counters, not publication times.
constexpr std::int64_t min_epoch_seconds = 788918400;  // 1995-01-01T00:00:00Z
constexpr std::int64_t max_epoch_seconds = 4102444800;  // 2100-01-01T00:00:00Z
/// A page is not published after it was fetched; one day of slack for
/// clocks and zones.
constexpr std::int64_t reference_slack_seconds = 86400;
/// How far before a date its label may stand ("Last modified on ", "发布日期：").
constexpr std::size_t label_reach = 24;
/// Offsets beyond ±14:00 exist nowhere.
constexpr int max_offset_hours = 14;

bool eat(std::string_view s, std::size_t& i, std::string_view lit) noexcept {
  if (s.substr(i, lit.size()) == lit) {
    i += lit.size();
    return true;
  }
  return false;
}

template <std::size_t N>
bool eat_any(std::string_view s, std::size_t& i, const lexicon::word (&table)[N]) noexcept {
  for (lexicon::word w : table) {
    if (eat(s, i, w)) return true;
  }
  return false;
}

/// The code point at i with full-width ASCII (２，：／) folded to ASCII;
/// next receives the position after it.
char32_t folded_at(std::string_view s, std::size_t i, std::size_t& next) noexcept {
  next = i;
  if (i >= s.size()) return 0;
  const char32_t c = util::next_cp(s, next);
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  return c;
}

/// Eats one character c, in either width.
bool eat_char(std::string_view s, std::size_t& i, char c) noexcept {
  std::size_t next = 0;
  if (folded_at(s, i, next) != static_cast<char32_t>(c)) return false;
  i = next;
  return true;
}

bool is_letter(char32_t c) noexcept {
  return util::is_ascii_alpha(c) || (c >= 0xC0 && c <= 0x24F);  // Latin letters with accents
}

bool letter_at(std::string_view s, std::size_t i) noexcept {
  std::size_t next = 0;
  return i < s.size() && is_letter(folded_at(s, i, next));
}

/// Eats w (compared without ASCII case) when a word ends after it.
bool eat_word(std::string_view s, std::size_t& i, std::string_view w) noexcept {
  if (!util::istarts_with(s.substr(i), w)) return false;
  if (!w.empty() && is_letter(static_cast<unsigned char>(w.back())) && letter_at(s, i + w.size())) {
    return false;
  }
  i += w.size();
  return true;
}

/// Reads 1..max digits (full-width digits too); returns -1 when there are none.
int digits(std::string_view s, std::size_t& i, int max_digits, int* count = nullptr) noexcept {
  int v = 0;
  int n = 0;
  while (n < max_digits && i < s.size()) {
    std::size_t j = 0;
    const char32_t c = folded_at(s, i, j);
    if (!util::is_digit(c)) break;
    v = v * 10 + static_cast<int>(c - '0');
    i = j;
    ++n;
  }
  if (count != nullptr) *count = n;
  return n == 0 ? -1 : v;
}

bool digit_at(std::string_view s, std::size_t i) noexcept {
  std::size_t next = 0;
  return i < s.size() && util::is_digit(folded_at(s, i, next));
}

void skip_spaces(std::string_view s, std::size_t& i) noexcept {
  while (i < s.size()) {
    std::size_t j = i;
    if (!util::is_space(util::next_cp(s, j))) break;
    i = j;
  }
}

/// White space and the punctuation between a date's parts: "5. März",
/// "21.dez.2018", "05-Mar-2024", "March 5, 2024".
void skip_date_separators(std::string_view s, std::size_t& i) noexcept {
  for (;;) {
    skip_spaces(s, i);
    if (!(eat_char(s, i, '.') || eat_char(s, i, '-') || eat_char(s, i, '/') || eat_char(s, i, ','))) return;
  }
}

int days_in_month(int y, int m) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

/// The date and time at UTC instant t, written in offset (minutes east).
parsed_date at_instant(std::int64_t t, int offset) noexcept {
  parsed_date d;
  const std::int64_t local = t + static_cast<std::int64_t>(offset) * 60;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t secs = local - days * 86400;
  civil_from_days(days, d.year, d.month, d.day);
  d.hour = static_cast<int>(secs / 3600);
  d.minute = static_cast<int>(secs / 60 % 60);
  d.second = static_cast<int>(secs % 60);
  d.has_time = true;
  d.has_offset = true;
  d.offset_minutes = offset;
  return d;
}

/// US daylight time, by date: second Sunday of March to first Sunday of November.
bool us_daylight_time(int y, int m, int d) noexcept {
  if (m > 3 && m < 11) return true;
  if (m != 3 && m != 11) return false;
  const int first_weekday = static_cast<int>((days_from_civil(y, m, 1) + 4) % 7);  // 0 = Sunday
  const int first_sunday = 1 + (7 - first_weekday) % 7;
  return m == 3 ? d >= first_sunday + 7 : d < first_sunday;
}

/// A zone after a time: a numeric offset, GMT+8, or a zone name ("EST", "ET").
void read_zone(std::string_view s, std::size_t j, parsed_date& d) noexcept {
  std::size_t used = 0;
  bool out_of_range = false;
  if (const std::optional<int> off = parse_offset(s.substr(j), &used, &out_of_range)) {
    d.has_offset = true;
    d.offset_minutes = *off;
    d.consumed = j + used;
    return;
  }
  if (out_of_range) {
    d.bad_offset = true;
    d.consumed = j + used;
    return;
  }
  std::size_t k = j;
  skip_spaces(s, k);
  const bool paren = eat_char(s, k, '(');
  for (const lexicon::zone_name& z : lexicon::zone_names) {
    if (s.substr(k, z.name.size()) == z.name && !letter_at(s, k + z.name.size())) {
      k += z.name.size();
      if (paren) eat_char(s, k, ')');
      d.has_offset = true;
      d.offset_minutes = z.offset_minutes;
      d.consumed = k;
      return;
    }
  }
  for (const lexicon::zone_name& z : lexicon::us_generic_zones) {
    if (s.substr(k, z.name.size()) == z.name && !letter_at(s, k + z.name.size())) {
      k += z.name.size();
      if (paren) eat_char(s, k, ')');
      d.has_offset = true;
      d.offset_minutes = z.offset_minutes + (us_daylight_time(d.year, d.month, d.day) ? 60 : 0);
      d.consumed = k;
      return;
    }
  }
}

/// The half of the day after a time ("9:30 a.m.", "9:30PM"): 0 none, 1 am, 2 pm.
int read_half_day(std::string_view s, std::size_t& j) noexcept {
  std::size_t k = j;
  skip_spaces(s, k);
  for (lexicon::word w : lexicon::am_words) {
    if (eat_word(s, k, w)) {
      j = k;
      return 1;
    }
  }
  for (lexicon::word w : lexicon::pm_words) {
    if (eat_word(s, k, w)) {
      j = k;
      return 2;
    }
  }
  return 0;
}

/// An optional time after a date at pos, "T15:08:15", " 15:08", "15时08分",
/// ", 9:30 a.m. ET", " à 9h30", " um 9:30 Uhr", with its zone; sets d.
void read_time(std::string_view s, std::size_t pos, parsed_date& d) noexcept {
  std::size_t j = pos;
  if (j < s.size() && (s[j] == 'T' || s[j] == 't')) {
    ++j;
  } else {
    skip_spaces(s, j);
    if (eat_char(s, j, ',')) skip_spaces(s, j);
    for (lexicon::word w : lexicon::date_time_joiners) {
      std::size_t k = j;
      if (!eat_word(s, k, w)) continue;
      skip_spaces(s, k);
      if (digit_at(s, k)) {
        j = k;
        break;
      }
    }
  }
  int n = 0;
  int hour = digits(s, j, 2, &n);
  if (hour < 0 || hour > 23) return;
  const bool colon = eat_char(s, j, ':');
  const bool cjk_time = !colon && eat_any(s, j, lexicon::cjk_hours);
  std::size_t h_form = j;
  const bool letter_h = !colon && !cjk_time &&
                        util::istarts_with(s.substr(h_form), lexicon::hour_letter) &&
                        digit_at(s, h_form + lexicon::hour_letter.size());
  if (letter_h) h_form += lexicon::hour_letter.size();
  if (letter_h) j = h_form;
  int minute = 0;
  if (colon || cjk_time || letter_h) {
    int mn = 0;
    minute = digits(s, j, 2, &mn);
    if (minute < 0 || minute > 59 || (cjk_time ? mn < 1 : mn != 2)) return;
  } else {
    // "9 a.m.": an hour and its half of the day, nothing else
    std::size_t k = j;
    if (read_half_day(s, k) == 0) return;
  }
  int second = 0;
  if (cjk_time) {
    eat(s, j, lexicon::cjk_minute);
    std::size_t k = j;
    int sn = 0;
    const int sec = digits(s, k, 2, &sn);
    if (sec >= 0 && sec <= 59 && eat(s, k, lexicon::cjk_second)) {
      second = sec;
      j = k;
    }
  } else if (colon) {
    std::size_t k = j;
    if (eat_char(s, k, ':')) {
      int sn = 0;
      const int sec = digits(s, k, 2, &sn);
      if (sn == 2 && sec <= 60) {
        second = sec == 60 ? 59 : sec;
        j = k;
        // fractional seconds
        if (j < s.size() && (s[j] == '.' || s[j] == ',')) {
          std::size_t f = j + 1;
          while (f < s.size() && util::is_digit(static_cast<unsigned char>(s[f]))) ++f;
          if (f > j + 1) j = f;
        }
      }
    }
  }
  if (const int half = read_half_day(s, j); half != 0) {
    if (hour < 1 || hour > 12) return;
    if (half == 2 && hour < 12) hour += 12;
    if (half == 1 && hour == 12) hour = 0;
  }
  {
    std::size_t k = j;
    skip_spaces(s, k);
    if (eat_any(s, k, lexicon::hour_words_after)) j = k;
  }
  d.hour = hour;
  d.minute = minute;
  d.second = second;
  d.has_time = true;
  d.consumed = j;
  read_zone(s, j, d);
}

/// "2022-02-25", "2021/12/08", "2021年12月08日", "2021.12.8", and a time.
std::optional<parsed_date> parse_numeric(std::string_view s) noexcept {
  parsed_date d;
  std::size_t i = 0;
  skip_spaces(s, i);
  int n = 0;
  d.year = digits(s, i, 4, &n);
  if (n != 4 || d.year < min_year || d.year > max_year) return std::nullopt;
  const bool cjk = eat(s, i, lexicon::cjk_year);
  char sep = 0;
  if (!cjk) {
    for (char c : {'-', '/', '.'}) {
      if (eat_char(s, i, c)) {
        sep = c;
        break;
      }
    }
    if (sep == 0) return std::nullopt;
  }
  skip_spaces(s, i);
  d.month = digits(s, i, 2, &n);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (cjk) {
    if (!eat(s, i, lexicon::cjk_month)) return std::nullopt;
  } else if (!eat_char(s, i, sep)) {
    return std::nullopt;
  }
  skip_spaces(s, i);
  d.day = digits(s, i, 2, &n);
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  if (cjk) {
    eat_any(s, i, lexicon::cjk_days);
  } else if (digit_at(s, i)) {
    return std::nullopt;  // "2022-02-255" is no date
  }
  d.consumed = i;
  read_time(s, i, d);
  return d;
}

/// Bytes of the run of letters at i: a name must be all of it, so the
/// tables are compared only where the length fits (find_date tries every word).
std::size_t letter_run(std::string_view s, std::size_t i) noexcept {
  std::size_t e = i;
  while (e < s.size()) {
    std::size_t next = 0;
    if (!is_letter(folded_at(s, e, next))) break;
    e = next;
  }
  return e - i;
}

/// A month's name at i ("March", "Mar.", "märz", "févr."): its number, or 0.
int read_month(std::string_view s, std::size_t& i) noexcept {
  const std::size_t run = letter_run(s, i);
  if (run == 0) return 0;
  const char first = util::ascii_lower(s[i]);
  for (const lexicon::month_name& m : lexicon::month_names) {
    if (m.name.size() != run || m.name[0] != first) continue;  // the tables are lower case
    std::size_t k = i;
    if (eat_word(s, k, m.name)) {
      eat_char(s, k, '.');
      i = k;
      return m.month;
    }
  }
  return 0;
}

template <std::size_t N>
bool eat_word_any(std::string_view s, std::size_t& i, const lexicon::word (&table)[N]) noexcept {
  for (lexicon::word w : table) {
    if (eat_word(s, i, w)) return true;
  }
  return false;
}

/// A four-digit year ending there.
int read_year(std::string_view s, std::size_t& i) noexcept {
  int n = 0;
  const int y = digits(s, i, 4, &n);
  if (n != 4 || digit_at(s, i) || y < min_year || y > max_year) return -1;
  return y;
}

/// Month names: "Tue, 05 Mar 2024 09:30:00 +0800", "March 5, 2024", "5 March
/// 2024", "5. März 2024", "5 de marzo de 2024", "21.dez.2018".
std::optional<parsed_date> parse_named(std::string_view s) noexcept {
  parsed_date d;
  std::size_t i = 0;
  skip_spaces(s, i);
  if (const std::size_t run = letter_run(s, i); run >= 3 && run <= 9) {
    std::size_t k = i;
    if (eat_word_any(s, k, lexicon::weekday_words)) {
      eat_char(s, k, '.');
      skip_spaces(s, k);
      eat_char(s, k, ',');
      skip_spaces(s, k);
      i = k;
    }
  }
  int n = 0;
  if (digit_at(s, i)) {  // day first
    d.day = digits(s, i, 2, &n);
    if (digit_at(s, i)) return std::nullopt;
    eat_any(s, i, lexicon::day_ordinals);
    skip_date_separators(s, i);
    {
      std::size_t k = i;
      if (eat_word_any(s, k, lexicon::date_joiners)) {
        skip_spaces(s, k);
        i = k;
      }
    }
    d.month = read_month(s, i);
    if (d.month == 0) return std::nullopt;
    skip_date_separators(s, i);
    {
      std::size_t k = i;
      if (eat_word_any(s, k, lexicon::date_joiners)) {
        skip_spaces(s, k);
        i = k;
      }
    }
  } else {  // month first
    d.month = read_month(s, i);
    if (d.month == 0) return std::nullopt;
    skip_date_separators(s, i);
    d.day = digits(s, i, 2, &n);
    if (d.day < 0 || digit_at(s, i)) return std::nullopt;
    eat_any(s, i, lexicon::day_ordinals);
    skip_date_separators(s, i);
  }
  d.year = read_year(s, i);
  if (d.year < 0 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  d.consumed = i;
  read_time(s, i, d);
  return d;
}

/// The day n days from the reference's day, in the reference offset.
parsed_date reference_day(const date_context& ctx, int n) noexcept {
  parsed_date d = at_instant(*ctx.reference, ctx.reference_offset);
  civil_from_days(days_from_civil(d.year, d.month, d.day) + n, d.year, d.month, d.day);
  d.hour = d.minute = d.second = 0;
  d.has_time = false;
  d.has_offset = false;
  return d;
}

/// "3小时前", "8 小時前", "昨天 14:20", "前天", "刚刚", "2 days ago", "an hour ago".
std::optional<parsed_date> parse_relative(std::string_view s, const date_context& ctx) noexcept {
  const std::int64_t ref = *ctx.reference;
  std::size_t i = 0;
  skip_spaces(s, i);
  for (lexicon::word w : lexicon::relative_now) {
    std::size_t k = i;
    if (eat_word(s, k, w)) {
      parsed_date d = at_instant(ref, ctx.reference_offset);
      d.consumed = k;
      return d;
    }
  }
  for (const lexicon::relative_day& r : lexicon::relative_days) {
    std::size_t k = i;
    if (!eat_word(s, k, r.name)) continue;
    parsed_date d = reference_day(ctx, r.days);
    d.consumed = k;
    read_time(s, k, d);
    if (!d.has_time && !r.day_alone) return std::nullopt;
    if (d.has_time && !d.has_offset && !d.bad_offset) {
      d.has_offset = true;
      d.offset_minutes = ctx.reference_offset;
    }
    return d;
  }
  int count = -1;
  int n = 0;
  std::size_t k = i;
  count = digits(s, k, 4, &n);
  if (count < 0) {
    for (lexicon::word w : lexicon::relative_one_en) {
      std::size_t m = i;
      if (eat_word(s, m, w)) {
        count = 1;
        k = m;
        break;
      }
    }
    if (count < 0) return std::nullopt;
  }
  skip_spaces(s, k);
  int unit = 0;
  for (const lexicon::time_unit& u : lexicon::relative_units_cjk) {
    std::size_t m = k;
    if (!eat(s, m, u.name)) continue;
    skip_spaces(s, m);
    if (eat(s, m, lexicon::relative_before_cjk)) {
      unit = u.seconds;
      k = m;
    }
    break;
  }
  if (unit == 0) {
    for (const lexicon::time_unit& u : lexicon::relative_units_en) {
      std::size_t m = k;
      if (!eat_word(s, m, u.name)) continue;
      skip_spaces(s, m);
      if (eat_word(s, m, lexicon::relative_ago_en)) {
        unit = u.seconds;
        k = m;
      }
      break;
    }
  }
  if (unit == 0) return std::nullopt;
  if (unit >= 86400) {  // "3天前": a day, not an instant
    parsed_date d = reference_day(ctx, -count);
    d.consumed = k;
    return d;
  }
  parsed_date d = at_instant(ref - static_cast<std::int64_t>(count) * unit, ctx.reference_offset);
  d.consumed = k;
  return d;
}

/// Seconds since 1970 UTC of a parsed date read in offset (its own if it has one).
std::int64_t to_utc(const parsed_date& d, int offset) noexcept {
  const int off = d.has_offset ? d.offset_minutes : offset;
  return days_from_civil(d.year, d.month, d.day) * 86400 + d.hour * 3600 + d.minute * 60 + d.second -
         static_cast<std::int64_t>(off) * 60;
}

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (!util::is_digit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

/// One of labels ends just before pos, with at most a colon, white
/// space or "on" between: "Updated: ", "更新时间：", "Last modified on ".
bool after_label(std::string_view text, std::size_t pos, std::span<const lexicon::word> labels) noexcept {
  const std::size_t from = pos > label_reach ? pos - label_reach : 0;
  const std::string_view window = text.substr(from, pos - from);
  for (lexicon::word label : labels) {
    std::size_t p = util::ifind(window, label);
    std::size_t last = std::string_view::npos;
    while (p != std::string_view::npos) {
      last = p;
      p = util::ifind(window, label, p + 1);
    }
    if (last == std::string_view::npos) continue;
    // a whole word: "Reposted 2019-10-01" is no "posted" label
    if (last > 0 && util::is_ascii_alpha(static_cast<unsigned char>(window[last - 1]))) continue;
    std::string_view gap = window.substr(last + label.size());
    for (bool changed = true; changed;) {
      changed = false;
      const std::string_view before = gap;
      gap = util::trim(gap);
      for (lexicon::word c : lexicon::colons) {
        if (gap.substr(0, c.size()) == c) gap.remove_prefix(c.size());
      }
      if (util::istarts_with(gap, "on ")) gap.remove_prefix(3);
      changed = gap.size() != before.size();
    }
    if (gap.empty()) return true;
  }
  return false;
}

}  // namespace

std::optional<int> parse_offset(std::string_view s, std::size_t* consumed, bool* out_of_range) noexcept {
  if (out_of_range != nullptr) *out_of_range = false;
  std::size_t i = 0;
  skip_spaces(s, i);
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && !letter_at(s, i + 1)) {  // not "Zhang"
    if (consumed != nullptr) *consumed = i + 1;
    return 0;
  }
  if (util::istarts_with(s.substr(i), "UTC") || util::istarts_with(s.substr(i), "GMT")) {
    i += 3;
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) {
      if (letter_at(s, i)) return std::nullopt;
      if (consumed != nullptr) *consumed = i;
      return 0;
    }
  }
  int sign = 1;
  if (eat_char(s, i, '-') || eat(s, i, "\xE2\x88\x92")) {  // U+2212 minus sign
    sign = -1;
  } else if (!eat_char(s, i, '+')) {
    return std::nullopt;
  }
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
    std::size_t j = i;
    if (eat_char(s, j, ':')) {
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
  if (digit_at(s, i)) return std::nullopt;  // "+08000" is no offset
  if (h > max_offset_hours || m > 59) {
    if (out_of_range != nullptr) *out_of_range = true;
    if (consumed != nullptr) *consumed = i;
    return std::nullopt;
  }
  if (consumed != nullptr) *consumed = i;
  return sign * (h * 60 + m);
}

std::optional<parsed_date> parse_date(std::string_view s, const date_context* ctx) noexcept {
  if (std::optional<parsed_date> d = parse_numeric(s)) return d;
  if (std::optional<parsed_date> d = parse_named(s)) return d;
  if (ctx != nullptr && ctx->reference) return parse_relative(s, *ctx);
  return std::nullopt;
}

std::optional<parsed_date> parse_epoch(std::string_view s, const date_context& ctx) noexcept {
  s = util::trim_ascii(s);
  if (!all_digits(s)) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  if (s.size() == 12 || s.size() == 13) {
    v /= 1000;
  } else if (s.size() != 9 && s.size() != 10) {
    return std::nullopt;
  }
  const std::int64_t latest = ctx.reference ? *ctx.reference + reference_slack_seconds : max_epoch_seconds;
  if (v < min_epoch_seconds || v > latest) return std::nullopt;
  parsed_date d = at_instant(v, ctx.local_offset.value_or(0));
  d.consumed = s.size();
  return d;
}

std::optional<parsed_date> parse_date_value(std::string_view s, const date_context& ctx) noexcept {
  s = util::trim(s);
  if (all_digits(s)) return parse_epoch(s, ctx);
  return parse_date(s, &ctx);
}

std::optional<date_context> make_date_context(std::string_view default_offset,
                                              std::string_view reference) noexcept {
  date_context c;
  if (!default_offset.empty()) {
    if (const std::optional<int> o = parse_offset(default_offset)) c.local_offset = *o;
  }
  c.reference_offset = c.local_offset.value_or(0);
  reference = util::trim(reference);
  if (reference.empty()) return c;
  if (all_digits(reference)) {  // epoch seconds
    if (reference.size() > 11) return std::nullopt;
    std::int64_t v = 0;
    for (char ch : reference) v = v * 10 + (ch - '0');
    c.reference = v;
    return c;
  }
  const std::optional<parsed_date> d = parse_numeric(reference);
  if (!d || !d->has_time || d->bad_offset || d->consumed != reference.size()) return std::nullopt;
  const int own = d->has_offset ? d->offset_minutes : c.local_offset.value_or(0);
  c.reference = to_utc(*d, own);
  c.reference_offset = c.local_offset.value_or(own);
  return c;
}

std::string format_date(const parsed_date& d, std::string_view default_offset) {
  if (!d.has_time) return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year, d.month, d.day,
                                d.hour, d.minute, d.second);
  int off = 0;
  if (d.has_offset) {
    off = d.offset_minutes;
  } else {
    const std::optional<int> def = d.bad_offset ? std::nullopt : parse_offset(default_offset);
    if (!def) return out;  // no default: a local time without offset
    off = *def;
  }
  const char sign = off < 0 ? '-' : '+';
  const int a = off < 0 ? -off : off;
  fmt::format_to(std::back_inserter(out), "{}{:02}:{:02}", sign, a / 60, a % 60);
  return out;
}

std::optional<parsed_date> find_date(std::string_view text, std::size_t* at,
                                     const date_context* ctx) noexcept {
  const bool relative = ctx != nullptr && ctx->reference.has_value();
  bool after_digit = false;   // the code point before i is a digit
  bool after_letter = false;  // ... a letter
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = 0;
    const char32_t c = folded_at(text, i, next);
    const bool digit = util::is_digit(c);
    const bool letter = is_letter(c);
    std::optional<parsed_date> d;
    if ((digit && !after_digit) || (letter && !after_letter)) {
      d = parse_date(text.substr(i), ctx);
    } else if (relative && util::is_cjk(c)) {  // 昨天 14:20, 刚刚
      d = parse_relative(text.substr(i), *ctx);
    }
    if (d) {
      if (at != nullptr) *at = i;
      return d;
    }
    after_digit = digit;
    after_letter = letter;
    i = next;
  }
  return std::nullopt;
}

namespace {

/// Calls take(date, position) for each date of text in order, each read
/// once, until take returns false.
template <class Take>
void for_each_date(std::string_view text, const date_context* ctx, Take take) noexcept {
  for (std::size_t from = 0; from < text.size();) {
    std::size_t at = 0;
    const std::optional<parsed_date> d = find_date(text.substr(from), &at, ctx);
    if (!d) return;
    const std::size_t pos = from + at;
    if (!take(*d, pos)) return;
    from = pos + (d->consumed > 0 ? d->consumed : 1);
  }
}

}  // namespace

byline_dates find_byline_dates(std::string_view text, const date_context* ctx) noexcept {
  byline_dates out;
  std::int64_t seen[byline_list_min_dates];
  int distinct = 0;
  for_each_date(text, ctx, [&](const parsed_date& d, std::size_t pos) {
    const std::int64_t day = days_from_civil(d.year, d.month, d.day) * 1440 + d.hour * 60 + d.minute;
    if (std::find(seen, seen + distinct, day) == seen + distinct) {
      seen[distinct++] = day;
      out.many = distinct >= byline_list_min_dates;
    }
    if (after_label(text, pos, lexicon::modified_labels)) {
      if (!out.modified) out.modified = d;
    } else if (!out.published) {
      out.published = d;
    }
    return !out.many;
  });
  return out;
}

std::optional<parsed_date> find_labelled_date(std::string_view text, std::span<const lexicon::word> labels,
                                              const date_context* ctx) noexcept {
  std::optional<parsed_date> found;
  for_each_date(text, ctx, [&](const parsed_date& d, std::size_t pos) {
    if (after_label(text, pos, labels)) found = d;
    return !found;
  });
  return found;
}

}  // namespace newsx::extract
