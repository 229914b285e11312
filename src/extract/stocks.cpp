#include "extract/stocks.hpp"

#include <algorithm>

#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;

namespace {

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (!util::is_digit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool all_alpha(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (!util::is_ascii_alpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = util::ascii_upper(c);
  return r;
}

/// A-share market from the code's prefix (Shanghai 6xx/9xx/5xx, Shenzhen
/// 0xx/3xx/2xx/1xx, Beijing 4xx/8xx/92x).
std::optional<security> a_share(std::string_view code, bool strict) {
  if (code.size() != 6 || !all_digits(code)) return std::nullopt;
  const std::string_view p2 = code.substr(0, 2);
  const std::string_view p3 = code.substr(0, 3);
  if (p2 == "60" || p2 == "68") return security{std::string(code), "SH", "XSHG"};
  if (p2 == "00" || p2 == "30") return security{std::string(code), "SZ", "XSHE"};
  if (p2 == "43" || p2 == "83" || p2 == "87" || p3 == "920") {
    return security{std::string(code), "BJ", "BJSE"};
  }
  if (strict) return std::nullopt;  // a bare number needs a common equity prefix
  if (p3 == "900" || p2 == "51" || p2 == "56" || p2 == "58" || p2 == "11")
    return security{std::string(code), "SH", "XSHG"};
  if (p2 == "20" || p2 == "15" || p2 == "16" || p2 == "12")
    return security{std::string(code), "SZ", "XSHE"};
  if (p2 == "88") return security{std::string(code), "BJ", "BJSE"};
  return std::nullopt;
}

std::optional<security> hk_share(std::string_view code) {
  if (code.size() < 1 || code.size() > 5 || !all_digits(code)) return std::nullopt;
  std::string c(5 - code.size(), '0');
  c.append(code);
  if (c == "00000") return std::nullopt;
  return security{c, "HK", "XHKG"};
}

std::optional<security> us_share(std::string_view code, std::optional<std::string> exchange) {
  if (code.empty() || code.size() > 5 || !all_alpha(code)) return std::nullopt;
  return security{upper(code), "US", std::move(exchange)};
}

bool is_stop_char(char32_t c) noexcept {
  return lexicon::clause_function_chars.find(c) != std::u32string_view::npos;
}

/// The company name written right before position end: a run of letters and
/// CJK characters, cut after the last function word.
std::string name_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  std::size_t name_start = end;
  int n = 0;
  while (start > 0 && n < 12) {
    std::size_t s = 0;
    const char32_t c = util::prev_cp(text, start, s);
    if (util::is_cjk(c) || util::is_ascii_alpha(c) || c == '-' || c == 0xB7) {
      if (is_stop_char(c) && n > 0) break;
      start = s;
      name_start = s;
      ++n;
      continue;
    }
    break;
  }
  std::string_view name = text.substr(name_start, end - name_start);
  if (n < 2) return {};
  return std::string(name);
}

/// "６０００２８．ＳＨ" -> "600028.SH", using out as storage.
std::string_view fold_width(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = util::next_cp(s, i);
    if (c == 0xFF0E) c = '.';
    if (c == 0xFF1A) c = ':';
    util::append_utf8(out, util::fold_fullwidth(c));
  }
  return out;
}

std::size_t count_occurrences(std::string_view hay, std::string_view needle) noexcept {
  if (needle.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string_view::npos;
       p = hay.find(needle, p + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

std::optional<security> from_eastmoney(std::string_view market_id, std::string_view code) {
  market_id = util::trim_ascii(market_id);
  code = util::trim_ascii(code);
  if (market_id == "1") return a_share(code, false);
  if (market_id == "0") {
    std::optional<security> s = a_share(code, false);
    if (s && s->market == "SH") return std::nullopt;  // 0 is never Shanghai
    return s;
  }
  if (market_id == "105") return us_share(code, "XNAS");
  if (market_id == "106") return us_share(code, "XNYS");
  if (market_id == "107") return us_share(code, "XASE");
  if (market_id == "116" || market_id == "128") return hk_share(code);
  return std::nullopt;
}

std::optional<security> from_text_code(std::string_view token) {
  token = util::trim(token);
  if (token.empty() || token.size() > 24) return std::nullopt;
  // EXCHANGE:CODE
  const std::size_t colon = token.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view ex = util::trim(token.substr(0, colon));
    const std::string_view code = util::trim(token.substr(colon + 1));
    if (util::iequals(ex, "NYSE")) return us_share(code, "XNYS");
    if (util::iequals(ex, "NASDAQ")) return us_share(code, "XNAS");
    if (util::iequals(ex, "AMEX") || util::iequals(ex, "NYSEAMERICAN")) return us_share(code, "XASE");
    if (util::iequals(ex, "HK") || util::iequals(ex, "HKEX")) return hk_share(code);
    if (util::iequals(ex, "SH") || util::iequals(ex, "SSE")) {
      auto s = a_share(code, false);
      return s && s->market == "SH" ? s : std::nullopt;
    }
    if (util::iequals(ex, "SZ") || util::iequals(ex, "SZSE")) {
      auto s = a_share(code, false);
      return s && s->market == "SZ" ? s : std::nullopt;
    }
    return std::nullopt;
  }
  const std::size_t dot = token.rfind('.');
  if (dot == std::string_view::npos) return a_share(token, true);
  const std::string_view code = token.substr(0, dot);
  const std::string_view suffix = token.substr(dot + 1);
  if (util::iequals(suffix, "SH") || util::iequals(suffix, "SS")) {
    auto s = a_share(code, false);
    return s && s->market == "SH" ? s : std::nullopt;
  }
  if (util::iequals(suffix, "SZ")) {
    auto s = a_share(code, false);
    return s && s->market == "SZ" ? s : std::nullopt;
  }
  if (util::iequals(suffix, "BJ")) {
    auto s = a_share(code, false);
    return s && s->market == "BJ" ? s : std::nullopt;
  }
  if (util::iequals(suffix, "HK")) return hk_share(code);
  if (util::iequals(suffix, "US")) return us_share(code, std::nullopt);
  if (util::iequals(suffix, "N")) return us_share(code, "XNYS");
  if (util::iequals(suffix, "O") || util::iequals(suffix, "OQ")) return us_share(code, "XNAS");
  return std::nullopt;
}

void stock_collector::add(const security& s, std::string_view name, bool markup) {
  name = util::trim(name);
  for (entry& e : found_) {
    if (e.sec.code == s.code && e.sec.market == s.market) {
      if (!e.sec.exchange && s.exchange) e.sec.exchange = s.exchange;
      if (!markup) ++e.code_mentions;
      // A name from markup is the page's own label; prefer it.
      if (!name.empty() && (e.name.empty() || (markup && !e.from_markup))) {
        e.name.assign(name);
        e.from_markup = markup;
      }
      return;
    }
  }
  entry e;
  e.sec = s;
  e.name.assign(name);
  e.from_markup = markup && !name.empty();
  e.code_mentions = markup ? 0 : 1;
  found_.push_back(std::move(e));
}

void stock_collector::scan_markup(const dom::document& doc, std::uint32_t root,
                                  std::uint16_t chrome, std::span<const std::uint32_t> left_out) {
  if (root >= doc.size()) return;
  const std::uint32_t end = doc[root].end;
  std::string name;
  std::size_t next_out = 0;
  for (std::uint32_t i = root; i < end; ++i) {
    const dom::node& n = doc[i];
    while (next_out < left_out.size() && left_out[next_out] < i) ++next_out;
    const bool outside = next_out < left_out.size() && left_out[next_out] == i;
    if (outside || (n.flags & (dom::hidden | chrome)) != 0) {  // widgets in page chrome
      i = n.end - 1;
      continue;
    }
    if (n.type != dom::kind::element) continue;
    std::optional<security> sec;
    // data-code="1,600160" | "NIO|106|7" | "K NIO|106|7"
    std::string_view dc = util::trim(dom::attr(n, "data-code"));
    if (dc.size() > 2 && dc[0] == 'K' && dc[1] == ' ') dc.remove_prefix(2);
    if (!dc.empty()) {
      const std::size_t comma = dc.find(',');
      const std::size_t bar = dc.find('|');
      if (comma != std::string_view::npos) {
        sec = from_eastmoney(dc.substr(0, comma), dc.substr(comma + 1));
      } else if (bar != std::string_view::npos) {
        const std::string_view code = dc.substr(0, bar);
        std::string_view rest = dc.substr(bar + 1);
        const std::size_t bar2 = rest.find('|');
        sec = from_eastmoney(rest.substr(0, bar2), code);
      }
    }
    // id="stock_1.600160"
    if (!sec) {
      const std::string_view id = dom::attr(n, "id");
      if (id.substr(0, 6) == "stock_") {
        const std::string_view v = id.substr(6);
        const std::size_t dot = v.find('.');
        if (dot != std::string_view::npos) sec = from_eastmoney(v.substr(0, dot), v.substr(dot + 1));
      }
    }
    // href="http://quote.eastmoney.com/unify/r/1.600160"
    if (!sec && n.tag == html_tag::a) {
      const std::string_view href = dom::attr(n, "href");
      const std::size_t p = href.find("quote.eastmoney.com/unify/r/");
      if (p != std::string_view::npos) {
        const std::string_view v = href.substr(p + 28);
        const std::size_t dot = v.find('.');
        if (dot != std::string_view::npos) sec = from_eastmoney(v.substr(0, dot), v.substr(dot + 1));
      }
    }
    if (!sec) continue;
    name.clear();
    if ((n.flags & dom::embed) == 0) dom::append_text(doc, i, name);
    const std::string_view nm = util::trim(name);
    // a label is a name only when it is short and not itself a code
    const bool usable = !nm.empty() && util::cp_count(nm) <= 16 && nm != sec->code;
    add(*sec, usable ? nm : std::string_view(), true);
    // the span's own <a> child repeats the same code: skip the subtree
    i = n.end - 1;
  }
}

void stock_collector::scan_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open_start = i;
    const char32_t c = util::next_cp(text, i);
    if (c != '(' && c != 0xFF08) continue;
    // find the matching close within a short span
    std::size_t j = i;
    std::size_t close_start = std::string_view::npos;
    int guard = 0;
    while (j < text.size() && guard < 40) {
      const std::size_t at = j;
      const char32_t d = util::next_cp(text, j);
      if (d == ')' || d == 0xFF09) {
        close_start = at;
        break;
      }
      if (d == '(' || d == 0xFF08) break;
      ++guard;
    }
    if (close_start == std::string_view::npos) continue;
    const std::string_view inner = text.substr(i, close_start - i);
    std::string name;
    std::string folded;
    bool any = false;
    // "(600000.SH，00700.HK)": codes separated by commas or slashes
    std::size_t k = 0;
    while (k <= inner.size()) {
      std::size_t e = k;
      while (e < inner.size()) {
        std::size_t f = e;
        const char32_t d = util::next_cp(inner, f);
        if (d == ',' || d == 0xFF0C || d == 0x3001 || d == '/' || d == ';' || d == 0xFF1B) break;
        e = f;
      }
      std::string_view tok = inner.substr(k, e - k);
      // "港股代码：00700" / "股票代码：600028": keep what follows the colon
      const std::size_t fw_colon = tok.find("\xEF\xBC\x9A");
      if (fw_colon != std::string_view::npos) tok = tok.substr(fw_colon + 3);
      std::optional<security> sec = from_text_code(fold_width(tok, folded));
      if (sec) {
        if (!any) name = name_before(text, open_start);
        add(*sec, name, false);
        any = true;
      }
      if (e >= inner.size()) break;
      std::size_t f = e;
      util::next_cp(inner, f);
      k = f;
    }
    i = j;
  }
}

void stock_collector::finish(std::string_view article_text, std::vector<stock_code>& out) {
  out.clear();
  for (const entry& e : found_) {
    stock_code s;
    s.code = e.sec.code;
    s.market = e.sec.market;
    s.exchange = e.sec.exchange;
    s.symbol = e.sec.code + "." + e.sec.market;
    if (!e.name.empty()) s.name = e.name;
    const auto by_name = static_cast<int>(count_occurrences(article_text, e.name));
    const auto by_code = static_cast<int>(count_occurrences(article_text, e.sec.code));
    s.mentions = std::max({by_name, by_code, e.code_mentions, 1});
    out.push_back(std::move(s));
  }
}

}  // namespace newsx::extract
