#include "extract/stocks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "extract/securities.hpp"
#include "lexicon/lexicon.hpp"
#include "util/memory.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using lexicon::security_kind;

namespace {

/// A name longer than this (characters) is a clause, not a company.
constexpr int max_name_chars = 16;
/// English names: at most this many capitalised words.
constexpr int max_english_name_words = 5;
/// A fund or bond word must stand this close before a bare code (bytes).
constexpr std::size_t kind_word_window_bytes = 24;
/// What a parenthesis may hold to be read as codes (characters).
constexpr int max_paren_chars = 40;

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

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

/// The mainland range a six-digit code falls in; bare_only keeps the ranges
/// a bare number in text may name.
const lexicon::code_range* mainland_range(std::string_view code, bool bare_only) noexcept {
  if (code.size() != 6 || !all_digits(code)) return nullptr;
  if (code == "000000") return nullptr;  // a placeholder, never a listing
  for (const lexicon::code_range& r : lexicon::mainland_code_ranges) {
    if (!starts_with(code, r.prefix)) continue;
    return !bare_only || r.bare ? &r : nullptr;
  }
  return nullptr;
}

security mainland_security(std::string_view code, const lexicon::code_range& r) {
  return security{std::string(code), std::string(r.market), std::string(r.mic), r.kind};
}

/// A mainland code by its own prefix.
std::optional<security> mainland_by_code(std::string_view code, bool bare_only) {
  const lexicon::code_range* r = mainland_range(code, bare_only);
  if (r == nullptr) return std::nullopt;
  return mainland_security(code, *r);
}

/// A mainland code on a stated market: an index there is no security, and
/// a code of another market is a mistake.
std::optional<security> mainland_on(std::string_view market, std::string_view code) {
  for (const lexicon::index_range& ix : lexicon::mainland_index_ranges) {
    if (util::iequals(market, ix.market) && starts_with(code, ix.prefix)) return std::nullopt;
  }
  const lexicon::code_range* r = mainland_range(code, false);
  if (r == nullptr || !util::iequals(r->market, market)) return std::nullopt;
  return mainland_security(code, *r);
}

std::optional<security> hk_share(std::string_view code) {
  if (code.empty() || code.size() > 5 || !all_digits(code)) return std::nullopt;
  std::string c(5 - code.size(), '0');
  c.append(code);
  if (c == "00000") return std::nullopt;
  return security{c, "HK", "XHKG", security_kind::stock};
}

std::optional<security> us_share(std::string_view code, std::optional<std::string> exchange) {
  if (code.empty() || code.size() > 5 || !all_alpha(code)) return std::nullopt;
  return security{upper(code), "US", std::move(exchange), security_kind::stock};
}

const lexicon::market_name* market_named(std::string_view name) noexcept {
  for (const lexicon::market_name& m : lexicon::market_names) {
    if (util::iequals(name, m.name)) return &m;
  }
  return nullptr;
}

std::optional<std::string> mic_of(std::string_view mic) {
  if (mic.empty()) return std::nullopt;
  return std::string(mic);
}

/// A code on a named market ("SH", "HK", "NASDAQ"...).
std::optional<security> on_market(const lexicon::market_name& m, std::string_view code) {
  if (m.market == "HK") return hk_share(code);
  if (m.market == "US") return us_share(code, mic_of(m.mic));
  return mainland_on(m.market, code);
}

/// A US ticker with an optional Wind/Reuters suffix: "AAPL", "AAPL.OQ", "BABA.N".
std::optional<security> us_ticker(std::string_view t) {
  const std::size_t dot = t.find('.');
  if (dot == std::string_view::npos) return us_share(t, std::nullopt);
  const lexicon::market_name* m = market_named(t.substr(dot + 1));
  if (m == nullptr || m->market != "US") return std::nullopt;
  return us_share(t.substr(0, dot), mic_of(m->mic));
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

/// The code part of a URL after a quote page's prefix: up to the next '/',
/// '?', '#' or '&', without a file extension.
std::string_view url_token(std::string_view rest) noexcept {
  std::size_t e = 0;
  while (e < rest.size() && rest[e] != '/' && rest[e] != '?' && rest[e] != '#' && rest[e] != '&') ++e;
  std::string_view t = rest.substr(0, e);
  for (std::string_view ext : {".shtml", ".html", ".htm"}) {
    if (t.size() > ext.size() && t.substr(t.size() - ext.size()) == ext) {
      t.remove_suffix(ext.size());
      break;
    }
  }
  return t;
}

/// A market token with digits ("sh600519", "hk00700"): safe to read from
/// any URL; "us…" is not, since words start with it.
bool is_numeric_market_token(std::string_view t) noexcept {
  if (t.size() < 3) return false;
  const std::string_view m = t.substr(0, 2);
  const bool mainland = util::iequals(m, "sh") || util::iequals(m, "sz") || util::iequals(m, "bj");
  if (mainland) return t.size() == 8 && all_digits(t.substr(2));
  return util::iequals(m, "hk") && t.size() == 7 && all_digits(t.substr(2));
}

std::optional<security> by_form(lexicon::quote_url_form form, std::string_view t) {
  using lexicon::quote_url_form;
  switch (form) {
    case quote_url_form::market_token: {
      const std::size_t dot = t.find('.');
      if (dot != std::string_view::npos && all_digits(t.substr(0, dot))) {
        return from_eastmoney(t.substr(0, dot), t.substr(dot + 1));  // "1.600160"
      }
      return from_market_token(t);
    }
    case quote_url_form::a_share_code: return mainland_by_code(t, false);
    case quote_url_form::hk_code: return hk_share(t);
    case quote_url_form::us_ticker: return us_ticker(t);
    case quote_url_form::eastmoney_unify: {
      const std::size_t dot = t.find('.');
      if (dot == std::string_view::npos) return std::nullopt;
      return from_eastmoney(t.substr(0, dot), t.substr(dot + 1));
    }
    case quote_url_form::netease_flagged: {
      if (t.size() != 7 || !all_digits(t)) return std::nullopt;
      const std::string_view flag = t.substr(0, 1);
      if (flag == lexicon::netease_shanghai_flag) return mainland_on("SH", t.substr(1));
      if (flag == lexicon::netease_shenzhen_flag) return mainland_on("SZ", t.substr(1));
      return std::nullopt;
    }
    case quote_url_form::xueqiu_token: {
      if (t.size() == 5 && all_digits(t)) return hk_share(t);
      if (all_alpha(t) && t.size() <= 5) return us_share(t, std::nullopt);
      return from_market_token(t);
    }
  }
  return std::nullopt;
}

/// The code label before a colon ("港股代码：", "纳斯达克："), or nullptr.
const lexicon::code_label* code_label_of(std::string_view label) noexcept {
  label = util::trim(label);
  for (const lexicon::code_label& l : lexicon::code_labels) {
    if (label == l.label) return &l;
  }
  return nullptr;
}

/// One of words just before position end: "…50ETF", "…指数分级", "…转债".
template <std::size_t N>
bool word_before(std::string_view text, std::size_t end, const std::string_view (&words)[N]) noexcept {
  const std::size_t from = end > kind_word_window_bytes ? end - kind_word_window_bytes : 0;
  const std::string_view window = text.substr(from, end - from);
  for (std::string_view w : words) {
    if (window.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool is_stop_char(char32_t c) noexcept {
  return lexicon::clause_function_chars.find(c) != std::u32string_view::npos;
}

bool is_name_char(char32_t c) noexcept {
  return util::is_cjk(c) || util::is_ascii_alpha(c) || c == '-' || c == 0xB7;
}

bool is_word_char(char c) noexcept {
  return util::is_ascii_alpha(static_cast<unsigned char>(c)) || c == '.' || c == '&' || c == '\'';
}

/// "Alibaba Group Holding (NYSE: BABA)", "Sunoco LP (SUN.N)": the run of
/// capitalised words before end, when it stands alone (not glued to CJK or
/// digits: "50ETF" is a CJK-side name).
std::optional<std::string> english_name_before(std::string_view text, std::size_t end) {
  std::size_t e = end;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t start = e;
  int words = 0;
  while (words < max_english_name_words) {
    std::size_t s = start;
    while (s > 0 && is_word_char(text[s - 1])) --s;
    if (s == start || !(text[s] >= 'A' && text[s] <= 'Z')) break;
    start = s;
    ++words;
    // one space, then another capitalised word, continues the name
    if (start < 2 || text[start - 1] != ' ' || !is_word_char(text[start - 2])) break;
    std::size_t w = start - 1;
    while (w > 0 && is_word_char(text[w - 1])) --w;
    if (!(text[w] >= 'A' && text[w] <= 'Z')) break;
    --start;
  }
  if (words == 0 || e - start < 2) return std::nullopt;
  if (start > 0) {
    std::size_t st = 0;
    const char32_t before = util::prev_cp(text, start, st);
    if (util::is_cjk(before) || util::is_digit(before) || util::is_ascii_alpha(before)) {
      return std::nullopt;
    }
  }
  return std::string(text.substr(start, e - start));
}

}  // namespace

std::string_view kind_name(security_kind k) noexcept {
  switch (k) {
    case security_kind::stock: return "stock";
    case security_kind::fund: return "fund";
    case security_kind::bond: return "bond";
  }
  return "stock";
}

std::optional<security> from_eastmoney(std::string_view market_id, std::string_view code) {
  market_id = util::trim_ascii(market_id);
  code = util::trim_ascii(code);
  if (market_id == "1") return mainland_on("SH", code);
  if (market_id == "0") {
    std::optional<security> s = mainland_by_code(code, false);
    if (s && s->market == "SH") return std::nullopt;  // 0 is never Shanghai
    if (s) return mainland_on(s->market, code);      // and 399xxx is an index
    return s;
  }
  if (market_id == "105") return us_share(code, "XNAS");
  if (market_id == "106") return us_share(code, "XNYS");
  if (market_id == "107") return us_share(code, "XASE");
  if (market_id == "116" || market_id == "128") return hk_share(code);
  return std::nullopt;
}

std::optional<security> from_market_token(std::string_view token) {
  if (token.size() < 3) return std::nullopt;
  const std::string_view m = token.substr(0, 2);
  const std::string_view code = token.substr(2);
  for (std::string_view prefix : lexicon::market_prefixes) {
    if (!util::iequals(m, prefix)) continue;
    if (util::iequals(prefix, "hk")) return all_digits(code) ? hk_share(code) : std::nullopt;
    if (util::iequals(prefix, "us")) return us_ticker(code);
    return mainland_on(upper(prefix), code);
  }
  return std::nullopt;
}

std::optional<security> from_text_code(std::string_view token) {
  token = util::trim(token);
  if (token.empty() || token.size() > 24) return std::nullopt;
  // EXCHANGE:CODE ("NYSE:NIO", "NASDAQ: PDD")
  const std::size_t colon = token.find(':');
  if (colon != std::string_view::npos) {
    const lexicon::market_name* m = market_named(util::trim(token.substr(0, colon)));
    if (m == nullptr) return std::nullopt;
    return on_market(*m, util::trim(token.substr(colon + 1)));
  }
  // CODE.MARKET, MARKET.CODE, CODE-MARKET ("600519.SS", "HK.00700", "03690-HK")
  std::size_t sep = token.rfind('.');
  if (sep == std::string_view::npos) sep = token.rfind('-');
  if (sep != std::string_view::npos) {
    const std::string_view left = token.substr(0, sep);
    const std::string_view right = token.substr(sep + 1);
    if (const lexicon::market_name* m = market_named(right)) return on_market(*m, left);
    if (const lexicon::market_name* m = market_named(left)) return on_market(*m, right);
    return std::nullopt;
  }
  if (is_numeric_market_token(token)) return from_market_token(token);  // "SH600519"
  return mainland_by_code(token, true);  // a bare number: common equity only
}

std::optional<security> from_quote_url(std::string_view href) {
  for (const lexicon::quote_url& q : lexicon::quote_urls) {
    const std::size_t p = href.find(q.prefix);
    if (p == std::string_view::npos) continue;
    return by_form(q.form, url_token(href.substr(p + q.prefix.size())));
  }
  // A portal not listed: a path segment that is a market token.
  const std::size_t scheme = href.find("//");
  std::size_t i = scheme == std::string_view::npos ? 0 : scheme + 2;
  i = href.find('/', i);  // past the host
  while (i != std::string_view::npos && i + 1 < href.size()) {
    const std::string_view t = url_token(href.substr(i + 1));
    if (is_numeric_market_token(t)) return from_market_token(t);
    if (t.size() + i + 1 >= href.size() || href[i + 1 + t.size()] != '/') break;
    i = i + 1 + t.size();
  }
  return std::nullopt;
}

void stock_collector::add(const security& s, std::string_view name, bool markup) {
  name = util::trim(name);
  key_.assign(s.code);
  key_.push_back('.');
  key_.append(s.market);
  const auto [it, fresh] = index_.try_emplace(key_, found_.size());
  if (!fresh) {
    entry& e = found_[it->second];
    if (!e.sec.exchange && s.exchange) e.sec.exchange = s.exchange;
    if (!markup) ++e.code_mentions;
    // A name from markup is the page's own label; prefer it.
    if (!name.empty() && (e.name.empty() || (markup && !e.from_markup))) {
      e.name.assign(name);
      e.from_markup = markup;
    }
    return;
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
    // Eastmoney: data-code="1,600160" | "NIO|106|7" | "K NIO|106|7"
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
    // id="stock_sh600519", "stock_1.600160", "hkstock_hk00755", "usstock_AAPL"
    if (!sec) {
      const std::string_view id = dom::attr(n, "id");
      for (const lexicon::stock_id& form : lexicon::stock_ids) {
        if (!starts_with(id, form.prefix)) continue;
        sec = by_form(form.form, id.substr(form.prefix.size()));
        break;
      }
    }
    // a quote link around the company's name
    if (!sec && n.tag == html_tag::a) sec = from_quote_url(dom::attr(n, "href"));
    if (!sec) continue;
    name.clear();
    // (a name is short: reading more of a nested element's text is wasted)
    if ((n.flags & dom::embed) == 0) dom::append_text(doc, i, name, 0, max_name_chars * 4 + 64);
    const std::string_view nm = util::trim(name);
    // a label is a name only when it is short and not itself a code
    const bool usable = !nm.empty() && util::cp_count(nm) <= max_name_chars && nm != sec->code &&
                        !from_text_code(nm);
    add(*sec, usable ? nm : std::string_view(), true);
    // the span's own <a> child repeats the same code: skip the subtree
    i = n.end - 1;
  }
}

std::string_view stock_collector::trim_lead_words(std::string_view name) {
  words_.boundaries(name, bounds_);
  auto at_boundary = [&](std::size_t pos) {
    return std::binary_search(bounds_.begin(), bounds_.end(), static_cast<std::uint32_t>(pos));
  };
  // the name starts after the last lead word that leaves two characters
  std::size_t cut = 0;
  auto consider = [&](std::size_t end) {
    if (end > cut && util::cp_count(name.substr(end)) >= 2) cut = end;
  };
  for (std::string_view w : lexicon::name_lead_words) {
    for (std::size_t p = name.find(w); p != std::string_view::npos; p = name.find(w, p + 1)) {
      if (at_boundary(p) && at_boundary(p + w.size())) consider(p + w.size());
    }
  }
  // a function word standing alone ends the clause before the name:
  // "记者从|中国石化获悉", but not the 在 of "新东方在线"
  for (std::size_t k = 1; k < bounds_.size(); ++k) {
    std::size_t next = bounds_[k - 1];
    const char32_t c = util::next_cp(name, next);
    if (next == bounds_[k] && is_stop_char(c)) consider(bounds_[k]);
  }
  // a sector word ("白酒股") as its own word, not the start of a name's "股份"
  for (std::size_t k = 1; k < bounds_.size(); ++k) {
    const std::string_view word = name.substr(bounds_[k - 1], bounds_[k] - bounds_[k - 1]);
    if (lexicon::suffix_in(word, lexicon::sector_word_suffixes).empty()) continue;
    if (!lexicon::prefix_in(name.substr(bounds_[k]), lexicon::share_word_followers).empty()) continue;
    consider(bounds_[k]);
  }
  return name.substr(cut);
}

std::string stock_collector::name_before(std::string_view text, std::size_t end) {
  if (std::optional<std::string> english = english_name_before(text, end)) return *english;
  // CJK: the run of letters, CJK and digits back to a clause break, then
  // what trim_lead_words leaves of it.
  std::size_t e = end;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t start = e;
  int n = 0;
  while (start > 0 && n < max_name_chars) {
    std::size_t s = 0;
    const char32_t c = util::prev_cp(text, start, s);
    if (!is_name_char(c) && !util::is_digit(c)) break;
    start = s;
    ++n;
  }
  // a name does not open with digits ("2019年…") or a dash
  while (start < e && (util::is_digit(static_cast<unsigned char>(text[start])) || text[start] == '-')) {
    ++start;
  }
  if (util::cp_count(text.substr(start, e - start)) < 2) return {};
  const std::string_view name = trim_lead_words(text.substr(start, e - start));
  // too short, or nothing but a lead word ("公司（000920）", "电话（01088）")
  if (util::cp_count(name) < 2 || lexicon::is_one_of(name, lexicon::name_lead_words)) return {};
  return std::string(name);
}

void stock_collector::scan_text(std::string_view text) {
  std::string folded;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open_start = i;
    const char32_t c = util::next_cp(text, i);
    if (c != '(' && c != 0xFF08) continue;
    // find the matching close within a short span
    std::size_t j = i;
    std::size_t close_start = std::string_view::npos;
    int guard = 0;
    while (j < text.size() && guard < max_paren_chars) {
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
    // "邮编(600519)", "电话（01088）": a number the label says is no code
    std::size_t label_end = open_start;
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      if (label_end > 0 && (text[label_end - 1] == ' ' || text[label_end - 1] == ':')) {
        --label_end;
        trimmed = true;
      } else if (label_end >= 3 && text.substr(label_end - 3, 3) == "\xEF\xBC\x9A") {  // a full-width colon
        label_end -= 3;
        trimmed = true;
      }
    }
    if (!lexicon::suffix_in(text.substr(0, label_end), lexicon::number_labels).empty()) {
      i = j;
      continue;
    }
    const std::string_view inner = text.substr(i, close_start - i);
    std::string name;
    bool named = false;
    auto name_once = [&]() -> const std::string& {
      if (!named) name = name_before(text, open_start);
      named = true;
      return name;
    };
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
      const std::string_view tok = util::trim(fold_width(inner.substr(k, e - k), folded));
      std::optional<security> sec;
      // "港股代码：00700", "纳斯达克：PDD", "股票代码：600028"
      const std::size_t colon = tok.find(':');
      if (const lexicon::code_label* label =
              colon != std::string_view::npos ? code_label_of(tok.substr(0, colon)) : nullptr) {
        const std::string_view code = util::trim(tok.substr(colon + 1));
        if (label->market == "HK") {
          sec = hk_share(code);
        } else if (label->market == "US") {
          sec = us_share(code, mic_of(label->mic));
        } else {
          sec = mainland_by_code(code, false);
        }
      } else {
        sec = from_text_code(tok);
      }
      // "信义能源(03868)": five digits with a leading zero after a name is HK
      if (!sec && tok.size() == 5 && tok[0] == '0' && all_digits(tok) && !name_once().empty()) {
        sec = hk_share(tok);
      }
      // "华安创业板50ETF（159949）", "某某转债（113050）": a fund or bond code
      // beside a word that says so
      if (const lexicon::code_range* r = sec ? nullptr : mainland_range(tok, false)) {
        const bool said = (r->kind == security_kind::fund && word_before(text, open_start, lexicon::fund_words)) ||
                          (r->kind == security_kind::bond && word_before(text, open_start, lexicon::bond_words));
        if (said) sec = mainland_security(tok, *r);
      }
      // "Sunoco LP (SUN)": a bare ticker after an English company name
      if (!sec && !tok.empty() && tok.size() <= 5 && all_alpha(tok) && upper(tok) == tok) {
        const std::string& before = name_once();
        const std::size_t sp = before.rfind(' ');
        const std::string_view last = sp == std::string::npos ? std::string_view() : std::string_view(before).substr(sp + 1);
        // ...unless the letters are the words' initials: "Sierra Nevada
        // Corporation (SNC)", "Picture Archiving and Communication Systems (PACS)"
        std::string initials;
        for (std::size_t at = 0; at < before.size(); ++at) {
          if ((at == 0 || before[at - 1] == ' ') && before[at] >= 'A' && before[at] <= 'Z') initials.push_back(before[at]);
        }
        const bool acronym = !initials.empty() && tok.size() >= initials.size() &&
                             tok.substr(tok.size() - initials.size()) == initials;
        for (std::string_view w : lexicon::english_company_endings) {
          if (last == w && !acronym) sec = us_share(tok, std::nullopt);
        }
      }
      if (sec) add(*sec, name_once(), false);
      if (e >= inner.size()) break;
      std::size_t f = e;
      util::next_cp(inner, f);
      k = f;
    }
    i = j;
  }
}

void stock_collector::scan_names(const newsx::securities& list, std::string_view text) {
  const newsx::securities::impl& m = list.internals();
  if (m.names.empty() || text.empty()) return;
  fold_for_match(text, folded_, &folded_map_);
  bool words_ready = false;  // ICU segments the text only when a CJK match needs it
  // leftmost-longest: a match ends every shorter one that overlaps it
  struct match {
    std::size_t begin, end;
    std::uint32_t security;
  };
  std::vector<match> found;
  m.names.find(folded_, [&](std::size_t b, std::size_t e, std::uint32_t sec) { found.push_back({b, e, sec}); });
  std::sort(found.begin(), found.end(), [](const match& x, const match& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  auto is_latin = [](char c) { return util::is_ascii_alpha(static_cast<unsigned char>(c)) || util::is_digit(static_cast<unsigned char>(c)); };
  std::size_t taken_to = 0;
  for (const match& f : found) {
    if (f.begin < taken_to) continue;
    const std::size_t b = folded_map_[f.begin];
    const std::size_t e = folded_map_[f.end];
    // never inside a longer word: Latin names by their neighbours, CJK ones
    // by ICU's dictionary word boundaries
    const bool latin_start = is_latin(text[b]);
    const bool latin_end = is_latin(text[e - 1]);
    if (latin_start && b > 0 && is_latin(text[b - 1])) continue;
    if (latin_end && e < text.size() && is_latin(text[e])) continue;
    if (!latin_start || !latin_end) {
      if (!words_ready) {
        words_.set_text(text);
        words_ready = true;
      }
      if ((!latin_start && !words_.is_boundary(b)) || (!latin_end && !words_.is_boundary(e))) continue;
    }
    add(m.list[f.security], text.substr(b, e - b), false);
    taken_to = f.end;
  }
}

bool stock_collector::release_memory() {
  bool released = util::release_if_over(found_);
  released = util::release_if_over(folded_) || released;
  released = util::release_if_over(folded_map_) || released;
  released = util::release_if_over(bounds_) || released;
  if (index_.size() > 4096) {
    std::unordered_map<std::string, std::size_t>().swap(index_);
    released = true;
  }
  return released;
}

void stock_collector::finish(std::string_view article_text, std::vector<stock_code>& out) {
  out.clear();
  // Each distinct name and code is a needle; one pass over the text counts
  // them all (leftmost, not overlapping, as a search from each end would).
  mentions_.clear();
  needles_.clear();
  constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  auto needle = [&](std::string_view s) -> std::uint32_t {
    if (s.empty()) return none;
    const auto [it, fresh] = needles_.try_emplace(s, static_cast<std::uint32_t>(needles_.size()));
    if (fresh) mentions_.add(s, it->second);
    return it->second;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ids;  // (name, code) needles of found_[k]
  ids.reserve(found_.size());
  for (const entry& e : found_) ids.emplace_back(needle(e.name), needle(e.sec.code));
  mentions_.compile();
  std::vector<int> count(needles_.size(), 0);
  std::vector<std::size_t> free_from(needles_.size(), 0);
  mentions_.find(article_text, [&](std::size_t b, std::size_t e, std::uint32_t id) {
    if (b < free_from[id]) return;
    ++count[id];
    free_from[id] = e;
  });
  for (std::size_t k = 0; k < found_.size(); ++k) {
    const entry& e = found_[k];
    stock_code s;
    s.code = e.sec.code;
    s.market = e.sec.market;
    s.exchange = e.sec.exchange;
    s.kind = std::string(kind_name(e.sec.kind));
    s.symbol = fmt::format("{}.{}", e.sec.code, e.sec.market);
    if (!e.name.empty()) s.name = e.name;
    const int by_name = ids[k].first != none ? count[ids[k].first] : 0;
    const int by_code = ids[k].second != none ? count[ids[k].second] : 0;
    s.mentions = std::max({by_name, by_code, e.code_mentions, 1});
    out.push_back(std::move(s));
  }
}

}  // namespace newsx::extract
