// The byline: date, source and author around the headline.
#include "extract/byline.hpp"

#include <vector>

#include "extract/body.hpp"
#include "extract/byline_markup.hpp"
#include "extract/dates.hpp"
#include "lexicon/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

bool in_label_compound(std::string_view text, std::size_t at, std::string_view label) noexcept {
  for (std::string_view w : lexicon::label_compounds) {
    const std::size_t o = w.find(label);
    if (o == std::string_view::npos || o > at) continue;
    if (text.substr(at - o, w.size()) == w) return true;
  }
  return false;
}

std::string_view byline_field(std::string_view text, std::span<const std::string_view> labels,
                              int max_cp) {
  for (std::string_view label : labels) {
    std::size_t p = text.find(label);
    while (p != std::string_view::npos) {
      if (in_label_compound(text, p, label)) {
        p = text.find(label, p + label.size());
        continue;
      }
      std::size_t i = p + label.size();
      auto skip_spaces = [&] {
        while (i < text.size()) {
          std::size_t f = i;
          if (!util::is_space(util::next_cp(text, f))) break;
          i = f;
        }
      };
      skip_spaces();
      for (std::string_view c : lexicon::colons) {  // optional colon
        if (text.substr(i, c.size()) == c) {
          i += c.size();
          break;
        }
      }
      skip_spaces();
      std::size_t e = i;
      int n = 0;
      while (e < text.size() && n < 24) {
        std::size_t f = e;
        const char32_t c = util::next_cp(text, f);
        if (util::is_space(c) || c == util::replacement_char || c == 0xFF5C || c == '|' || c == 0xFF08 || c == '(' ||
            c == 0x3001 || c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF1A || c == ':' ||
            c == 0xFF09 || c == ')' || c == 0x3011 || c == 0x3010 || c == '/' || c == 0xFF0F ||
            c == 0x2215 || c == 0xB7) {
          break;
        }
        e = f;
        ++n;
      }
      const std::string_view v = text.substr(i, e - i);
      bool digits = false;
      for (char ch : v) digits = digits || util::is_digit(static_cast<unsigned char>(ch));
      if (!v.empty() && n >= 2 && n <= max_cp && !digits) return v;
      p = text.find(label, p + label.size());
    }
  }
  return {};
}

bool is_media_name(std::string_view name) noexcept {
  const std::size_t cps = util::cp_count(name);
  if (cps < 2 || cps > 14) return false;
  if (cps == 2 && name.substr(0, lexicon::self_reference_prefix.size()) == lexicon::self_reference_prefix) {
    return false;
  }
  for (std::size_t i = 0; i < name.size();) {
    const char32_t c = util::next_cp(name, i);
    if (!(util::is_cjk(c) || util::is_ascii_alpha(c) || c == '-' || c == 0xB7)) return false;
  }
  for (std::string_view s : lexicon::media_name_suffixes) {
    if (name.size() > s.size() && name.substr(name.size() - s.size()) == s) return true;
  }
  return false;
}

namespace {

/// Splits a byline into tokens at white space and the separators bylines use.
template <class F>
void for_each_byline_token(std::string_view zone, F&& f) {
  std::size_t i = 0;
  while (i < zone.size()) {
    const std::size_t start = i;
    std::size_t end = i;
    while (end < zone.size()) {
      std::size_t next = end;
      const char32_t c = util::next_cp(zone, next);
      if (util::is_space(c) || c == '|' || c == 0xFF5C || c == '/' || c == 0xFF0F || c == 0x2215 ||
          c == 0xB7 || c == 0x2022 || c == ':' || c == 0xFF1A || c == 0xFF08 || c == 0xFF09 ||
          c == '(' || c == ')') {
        break;
      }
      end = next;
    }
    if (end > start && !f(zone.substr(start, end - start), start)) return;
    if (end >= zone.size()) return;
    std::size_t next = end;
    util::next_cp(zone, next);
    i = next;
  }
}

/// Words of page furniture that sit beside bylines.
bool is_byline_furniture(std::string_view t) noexcept {
  return lexicon::is_one_of(t, lexicon::byline_furniture);
}

bool is_plain_name(std::string_view t) noexcept {
  const std::size_t cps = util::cp_count(t);
  if (cps < 2 || cps > 8) return false;
  for (std::size_t i = 0; i < t.size();) {
    const char32_t c = util::next_cp(t, i);
    if (!(util::is_cjk(c) || util::is_ascii_alpha(c))) return false;
  }
  return !is_byline_furniture(t);
}

}  // namespace

std::string_view byline_source(std::string_view zone) noexcept {
  std::string_view media;
  for_each_byline_token(zone, [&](std::string_view token, std::size_t) {
    if (!is_media_name(token)) return true;
    media = token;
    return false;
  });
  return media;
}

std::string_view byline_name_by_date(std::string_view zone) noexcept {
  // Chinese bylines put the outlet by the date ("棱镜 2019-09-23 07:48");
  // in a Latin-script byline the word by the date is the writer's name
  // ("Steven Musil March 5, 2024") or a word of the line ("Updated on"):
  // only a name with CJK in it is read this way.
  std::size_t at = 0;
  const std::optional<parsed_date> d = find_date(zone, &at);
  if (!d) return {};
  std::string_view before;
  std::string_view after;
  const std::size_t date_end = at + d->consumed;
  for_each_byline_token(zone, [&](std::string_view token, std::size_t pos) {
    if (pos + token.size() <= at) {
      before = token;
      return true;
    }
    if (pos >= date_end) {
      after = token;
      return false;
    }
    return true;
  });
  // a token that a colon follows is a label ("发布于：北京市"), not a name
  auto labelled = [&](std::string_view token) {
    const std::size_t end = static_cast<std::size_t>(token.data() - zone.data()) + token.size();
    return zone.substr(end, 1) == ":" || zone.substr(end, 3) == "：";
  };
  if (is_plain_name(before) && util::has_cjk(before) && !labelled(before)) return before;
  if (is_plain_name(after) && util::has_cjk(after) && !labelled(after)) return after;
  return {};
}

std::string_view byline_account(std::string_view zone) noexcept {
  bool account = false;
  for_each_byline_token(zone, [&](std::string_view token, std::size_t) {
    account = !lexicon::prefix_in(token, lexicon::account_byline_marks).empty();
    return !account;
  });
  if (!account) return {};
  const std::string_view name = byline_name_by_date(zone);
  // "上海证券报网络版" is the outlet's edition
  const std::string_view edition = lexicon::suffix_in(name, lexicon::outlet_edition_suffixes);
  return is_media_name(name.substr(0, name.size() - edition.size())) ? std::string_view() : name;
}

std::string english_byline(std::string_view zone) {
  std::size_t p = 0;
  constexpr std::string_view by = lexicon::english_byline_opener;
  while ((p = zone.find(by, p)) != std::string_view::npos) {
    if (p > 0 && util::is_ascii_alpha(static_cast<unsigned char>(zone[p - 1]))) {
      p += by.size();
      continue;
    }
    // the names, up to a month, a date, a separator or the name again
    std::string names = leading_names(zone.substr(p + by.size()));
    if (!names.empty()) return names;
    p += by.size();
  }
  return {};
}

std::string_view dateline_source(std::string_view lead) noexcept {
  // "新华社北京5月9日电", "中新网9月9日报道", "TNW中文站 10月14日报道",
  // "新浪科技讯 北京时间…": the outlet, then a place or date, then 电/讯/报道.
  lead = lead.substr(0, std::min<std::size_t>(lead.size(), 90));
  std::size_t n = 0;
  for (std::size_t i = 0; i < lead.size() && n < 24; ++n) {
    const char32_t c = util::next_cp(lead, i);
    if (!(util::is_cjk(c) || util::is_ascii_alpha(c))) break;
    // the shortest media name at the start that 讯 or a date follows
    const std::string_view name = lead.substr(0, i);
    if (!is_media_name(name)) continue;
    std::string_view rest = lead.substr(i);
    if (rest.substr(0, lexicon::dateline_news_flash.size()) == lexicon::dateline_news_flash) return name;
    // a place of up to four characters, then "M月D日" and 电/报道
    for (std::size_t skip = 0, k = 0; k <= 4; ++k) {
      std::string_view r = util::trim(rest.substr(skip));
      std::size_t d = 0;
      while (d < r.size() && util::is_digit(static_cast<unsigned char>(r[d]))) ++d;
      if (d > 0 && r.substr(d, lexicon::dateline_month.size()) == lexicon::dateline_month) {
        const std::size_t day = r.find(lexicon::dateline_day, d);
        if (day != std::string_view::npos && day < d + 9) {
          const std::string_view after = r.substr(day + lexicon::dateline_day.size());
          if (!lexicon::prefix_in(after, lexicon::dateline_endings).empty()) return name;
        }
      }
      if (skip >= rest.size()) break;
      std::size_t f = skip;
      const char32_t pc = util::next_cp(rest, f);
      if (!util::is_cjk(pc)) break;
      skip = f;
    }
  }
  return {};
}

namespace {

/// Appends a text piece and one separating space, never two: the byline
/// must read the same however the page splits its text nodes.
void append_piece(std::string& out, std::string_view piece) {
  out.append(util::trim(piece));
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

}  // namespace

void byline_text(const dom::document& doc, std::uint32_t headline, std::uint32_t content,
                 std::string& out) {
  out.clear();
  if (headline == 0) {
    // No headline: the text right before the content, nearest first, so
    // page navigation far above does not crowd out the byline.
    std::vector<std::string_view> pieces;
    std::size_t size = 0;
    for (std::uint32_t i = content; i-- > 0 && size < 600;) {
      const dom::node& nd = doc[i];
      if (nd.type != kind::text || (nd.flags & dom::removed) != 0) continue;
      pieces.push_back(nd.text);
      size += nd.text.size();
    }
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) append_piece(out, *it);
    return;
  }
  // Windows are measured in text, not nodes, so that comments and scripts
  // (which the pre-scan may leave out) do not move them.
  const std::uint32_t start = doc[headline].end;
  std::uint32_t stop = content;
  std::size_t budget = 1200;
  if (content != 0 && doc[headline].end > content && headline < doc[content].end) {
    stop = doc[content].end;  // the headline is inside the content: read just after it
    budget = 400;
  }
  if (stop <= start) {
    stop = doc.size();
    budget = 400;
  }
  for (std::uint32_t i = start; i < stop && out.size() < budget; ++i) {
    const dom::node& nd = doc[i];
    if ((nd.flags & dom::removed) != 0) {
      i = nd.end - 1;
      continue;
    }
    if (nd.type == kind::text) {
      append_piece(out, nd.text);
    } else if (nd.type == kind::element && nd.tag == html_tag::br) {
      append_piece(out, {});
    }
  }
}

namespace {

/// A credit line is short: longer lines are prose that mention a reporter.
constexpr std::size_t max_credit_line_chars = 40;
/// What may stand before a credit's label: an outlet's name, a column.
constexpr std::size_t max_credit_prefix_chars = 12;

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

/// Strips the separators and brackets a credit puts around its parts.
std::string_view trim_credit(std::string_view s) noexcept {
  for (bool changed = true; changed;) {
    changed = false;
    s = util::trim(s);
    for (std::string_view w : lexicon::colons) {
      if (starts_with(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (std::string_view w : lexicon::opening_brackets) {
      if (starts_with(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (std::string_view w : lexicon::line_bullets) {
      if (starts_with(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (std::string_view w : lexicon::closing_brackets) {
      if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) {
        s.remove_suffix(w.size());
        changed = true;
      }
    }
    for (std::string_view w : lexicon::name_separators) {
      if (starts_with(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
  }
  return s;
}

/// The next token of s up to a name separator or bracket; advances s.
std::string_view next_name_token(std::string_view& s) noexcept {
  s = trim_credit(s);
  std::size_t e = 0;
  while (e < s.size()) {
    bool stop = false;
    for (std::string_view w : lexicon::name_separators) stop = stop || s.substr(e, w.size()) == w;
    for (std::string_view w : lexicon::closing_brackets) stop = stop || s.substr(e, w.size()) == w;
    for (std::string_view w : lexicon::opening_brackets) stop = stop || s.substr(e, w.size()) == w;
    for (std::string_view w : lexicon::colons) stop = stop || s.substr(e, w.size()) == w;
    if (stop) break;
    std::size_t f = e;
    util::next_cp(s, f);
    e = f;
  }
  const std::string_view token = s.substr(0, e);
  s.remove_prefix(e);
  return token;
}

/// Drops an outlet and role words in front of a name: "记者王敬照" -> 王敬照,
/// "南都见习记者" -> "" (the name is the next token).
std::string_view strip_roles(std::string_view token) noexcept {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view w : lexicon::credit_role_words) {
      const std::size_t p = token.find(w);
      if (p != std::string_view::npos && util::cp_count(token.substr(0, p)) <= max_credit_prefix_chars) {
        token = util::trim(token.substr(p + w.size()));
        changed = true;
        break;
      }
    }
  }
  return token;
}

/// A credit this long at most may carry an affiliation beside the name.
constexpr std::size_t max_affiliated_credit_chars = 60;

/// The writer in a credit that gives an affiliation and a job title: after
/// the last job title, to the end ("…部长、研究员徐占忱" -> 徐占忱), or before an
/// affiliation that ends in a job title ("方敏北京大学经济学院教授" -> 方敏).
/// s runs to a closing bracket or the end of the sentence.
std::string_view name_beside_title(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {  // up to a closing bracket or a full stop
    const std::size_t at = i;
    const char32_t c = util::next_cp(s, i);
    if (c == 0x3002 || !lexicon::prefix_in(s.substr(at), lexicon::closing_brackets).empty()) {
      s = s.substr(0, at);
      break;
    }
  }
  s = util::trim(s);
  if (s.empty() || util::cp_count(s) > max_affiliated_credit_chars) return {};
  std::size_t last = std::string_view::npos;
  std::size_t last_len = 0;
  for (std::string_view t : lexicon::credit_job_titles) {
    const std::size_t p = s.rfind(t);
    if (p != std::string_view::npos && (last == std::string_view::npos || p + t.size() > last + last_len)) {
      last = p;
      last_len = t.size();
    }
  }
  if (last == std::string_view::npos) return {};
  const std::string_view tail = s.substr(last + last_len);
  if (!tail.empty()) return looks_like_person(tail) ? tail : std::string_view();
  // the credit ends with the title: the name opens it, an affiliation follows
  for (std::size_t cps : {3, 2}) {
    std::size_t e = 0;
    for (std::size_t k = 0; k < cps && e < s.size(); ++k) util::next_cp(s, e);
    const std::string_view name = s.substr(0, e);
    if (looks_like_person(name) && !lexicon::prefix_in(s.substr(e), lexicon::affiliation_openers).empty()) {
      return name;
    }
  }
  return {};
}

/// Appends name to names joined with 、, unless it is one of them already
/// ("作者：裴利瑞 证券时报记者 裴利瑞" names one writer).
void add_name(std::string& names, std::string_view name) {
  for (std::size_t at = 0; at <= names.size();) {
    std::size_t end = names.find("、", at);
    if (end == std::string::npos) end = names.size();
    if (std::string_view(names).substr(at, end - at) == name) return;
    at = end + std::string_view("、").size();
  }
  if (!names.empty()) names += "、";
  names.append(name);
}

/// Person names from s until something that is none; appended with 、.
void collect_names(std::string_view s, std::string& out) {
  const std::string_view all = s;
  while (!s.empty()) {
    const std::string_view raw = next_name_token(s);
    if (raw.empty()) break;
    const std::string_view token = strip_roles(raw);
    if (token.empty()) continue;  // "南都见习记者": the name follows
    if (token.size() > lexicon::reporting_from.size() && token.find(lexicon::reporting_from) != std::string_view::npos) {
      break;  // "发自广州"
    }
    if (!lexicon::prefix_in(token, lexicon::editor_labels).empty()) break;
    if (!looks_like_person(token)) {
      if (out.empty()) out.assign(name_beside_title(trim_credit(all)));
      break;
    }
    add_name(out, token);
  }
}

/// The byline's author: a name of at most this many characters.
constexpr int byline_author_max_chars = 12;
/// Opening blocks of the content that may still be byline lines: the body
/// drops one among the first three lines it keeps (extract::opening_lines),
/// which a breadcrumb's separator or the headline repeated may push this far.
constexpr std::size_t opening_byline_blocks = 8;
/// How much text after the content may hold its credit line.
constexpr std::size_t after_content_bytes = 600;

}  // namespace

std::string labelled_names(std::string_view zone) {
  std::string out;
  for (std::string_view label : lexicon::author_labels) {
    for (std::size_t p = zone.find(label); p != std::string_view::npos; p = zone.find(label, p + 1)) {
      if (in_label_compound(zone, p, label)) continue;
      collect_names(zone.substr(p + label.size()), out);
      if (!out.empty()) return out;
    }
  }
  return out;
}

namespace {

/// "石佳/中国青年报": a person, a slash, an outlet.
std::string_view name_slash_outlet(std::string_view zone) noexcept {
  std::string_view previous;
  std::size_t previous_end = 0;
  std::string_view found;
  for_each_byline_token(zone, [&](std::string_view token, std::size_t at) {
    const std::string_view between = zone.substr(previous_end, at - previous_end);
    if (!previous.empty() && (between == "/" || between == "／") && is_media_name(token) &&
        looks_like_person(previous)) {
      found = previous;
      return false;
    }
    previous = token;
    previous_end = at + token.size();
    return true;
  });
  return found;
}

}  // namespace

void append_opening_bylines(const segment::segments& content, std::string& zone) {
  for (std::size_t k = 0; k < content.blocks.size() && k < opening_byline_blocks; ++k) {
    const block& b = content.blocks[k].b;
    if (b.type != block_type::paragraph || !is_byline(b.text)) continue;
    zone.push_back(' ');
    zone += b.text;
  }
}

void append_closing_byline(const segment::segments& content, std::string& zone) {
  const auto& blocks = content.blocks;
  for (std::size_t k = blocks.size(); k-- > 0 && k + closing_byline_blocks >= blocks.size();) {
    if (!is_closing_byline(blocks[k])) continue;
    zone.push_back(' ');
    zone += blocks[k].b.text;
    return;
  }
}

void add_byline_facts(std::string_view zone, const date_context& dates, facts& found) {
  const byline_dates d = find_byline_dates(zone, &dates);
  // a zone that dates many things is a list of other stories, not a byline
  if (d.published && !d.many) found.date.push_back({*d.published, origin::byline_date});
  if (d.modified) found.date_modified.push_back({*d.modified, origin::byline_date});
  found.add(found.source, byline_field(zone, lexicon::source_labels), origin::byline_label);
  found.add(found.source, byline_source(zone), origin::byline_outlet);
  found.add(found.author, labelled_names(zone), origin::byline_label);
  found.add(found.author, byline_field(zone, lexicon::author_labels, byline_author_max_chars),
            origin::byline_label);
  found.add(found.author, name_slash_outlet(zone), origin::byline_label);
  found.add(found.author, bracketed_name(zone), origin::byline_label);
  found.add(found.author, english_byline(zone), origin::byline_english);
  found.add(found.source, byline_name_by_date(zone), origin::name_by_date);
  found.add(found.author, byline_account(zone), origin::account_by_date);
}

void add_after_content_facts(const dom::document& doc, std::uint32_t content, const date_context& dates,
                             std::string& scratch, facts& found) {
  scratch.clear();
  const std::uint32_t after = content < doc.size() ? doc[content].end : doc.size();
  for (std::uint32_t i = after; i < doc.size() && scratch.size() < after_content_bytes; ++i) {
    const dom::node& nd = doc[i];
    if (nd.type != kind::text || (nd.flags & dom::removed) != 0) continue;
    // a list of other stories or the comments begin: their credits and dates are theirs
    if (is_tail_marker(nd.text) || opens_comments(nd.text)) break;
    std::size_t take = std::min(nd.text.size(), after_content_bytes - scratch.size());
    while (take < nd.text.size() && take > 0 && (static_cast<unsigned char>(nd.text[take]) & 0xC0) == 0x80) --take;
    scratch.append(nd.text.substr(0, take));
    scratch.push_back(' ');
  }
  found.add(found.source, byline_field(scratch, lexicon::source_labels), origin::after_content);
  found.add(found.author, labelled_names(scratch), origin::after_content);
  // "发布日期：2019-09-23 14:34:05" in the story's footer
  if (std::optional<parsed_date> d = find_labelled_date(scratch, lexicon::published_labels, &dates)) {
    found.date.push_back({*d, origin::after_content});
  }
}

bool looks_like_person(std::string_view token) noexcept {
  const std::size_t cps = util::cp_count(token);
  if (cps < 2 || cps > 4) return false;
  for (std::size_t i = 0; i < token.size();) {
    if (!util::is_cjk(util::next_cp(token, i))) return false;
  }
  std::size_t first = 0;
  const char32_t surname = util::next_cp(token, first);
  const bool compound = !lexicon::prefix_in(token, lexicon::compound_surnames).empty();
  if (!compound && lexicon::common_surnames.find(surname) == std::u32string_view::npos) return false;
  return !is_media_name(token) && !lexicon::is_one_of(token, lexicon::byline_furniture) &&
         lexicon::prefix_in(token, lexicon::editor_labels).empty() &&
         lexicon::prefix_in(token, lexicon::credit_role_words).empty();
}

std::string credit_names(std::string_view line) {
  std::string out;
  line = trim_credit(line);
  if (line.empty() || util::cp_count(line) > max_credit_line_chars) return out;
  if (!lexicon::prefix_in(line, lexicon::editor_labels).empty()) return out;
  // A role label with at most an outlet before it: "作者：X", "新京报记者 X Y".
  std::size_t best = std::string_view::npos;
  std::size_t best_len = 0;
  for (std::string_view w : lexicon::credit_role_words) {
    const std::size_t p = line.find(w);
    if (p == std::string_view::npos || (best != std::string_view::npos && p >= best)) continue;
    if (util::cp_count(util::trim(line.substr(0, p))) > max_credit_prefix_chars) continue;
    best = p;
    best_len = w.size();
  }
  if (best != std::string_view::npos) {
    collect_names(line.substr(best + best_len), out);
    return out;
  }
  // A line of nothing but one to three short names: "蒋琰", "侯小溪 陈鹏".
  {
    std::string_view rest = line;
    std::string names;
    int count = 0;
    bool only_names = true;
    while (only_names && !rest.empty()) {
      const std::string_view token = next_name_token(rest);
      if (token.empty()) break;
      only_names = looks_like_person(token) && util::cp_count(token) <= 3 && ++count <= 3;
      add_name(names, token);
    }
    if (only_names && count > 0) return names;
  }
  // "乐居财经 李奕和 发自广州": an outlet, a name, where it was filed from.
  const std::size_t from = line.find(lexicon::reporting_from);
  if (from != std::string_view::npos && from > 0) {
    std::string_view before = util::trim(line.substr(0, from));
    const std::size_t sp = before.rfind(' ');
    const std::string_view name = sp == std::string_view::npos ? before : before.substr(sp + 1);
    if (looks_like_person(name)) out.assign(name);
  }
  return out;
}

/// A place a report is filed from is this short ("上海", "乌鲁木齐").
constexpr std::size_t max_filed_place_chars = 4;

std::string_view filed_report_writer(std::string_view credit) noexcept {
  const std::string_view end = lexicon::suffix_in(credit, lexicon::filed_report_endings);
  if (end.empty()) return {};
  const std::string_view body = credit.substr(0, credit.size() - end.size());
  // a known place after the name settles where the name ends ("韩松上海": 韩松)
  for (std::size_t cps : {2, 3}) {
    std::size_t e = 0;
    for (std::size_t k = 0; k < cps && e < body.size(); ++k) util::next_cp(body, e);
    const std::string_view name = body.substr(0, e);
    if (looks_like_person(name) && !lexicon::prefix_in(body.substr(e), lexicon::affiliation_openers).empty() &&
        util::cp_count(body.substr(e)) <= max_filed_place_chars) {
      return name;
    }
  }
  for (std::size_t cps : {3, 2}) {
    std::size_t e = 0;
    for (std::size_t k = 0; k < cps && e < body.size(); ++k) util::next_cp(body, e);
    const std::string_view name = body.substr(0, e);
    if (looks_like_person(name) && util::cp_count(body.substr(e)) <= max_filed_place_chars) return name;
  }
  return {};
}

std::string_view bracketed_name(std::string_view zone) noexcept {
  for (std::size_t i = 0; i < zone.size();) {
    const std::string_view open = lexicon::prefix_in(zone.substr(i), lexicon::opening_brackets);
    if (open.empty()) {
      util::next_cp(zone, i);
      continue;
    }
    i += open.size();
    std::size_t e = i;
    while (e < zone.size() && lexicon::prefix_in(zone.substr(e), lexicon::closing_brackets).empty() &&
           e - i < 24) {
      util::next_cp(zone, e);
    }
    if (e < zone.size() && !lexicon::prefix_in(zone.substr(e), lexicon::closing_brackets).empty()) {
      const std::string_view inner = util::trim(zone.substr(i, e - i));
      if (looks_like_person(inner)) return inner;
    }
  }
  return {};
}

std::string reporter_names(std::string_view text) {
  std::string out;
  for (std::string_view label : lexicon::reporter_labels) {
    std::size_t p = text.find(label);
    while (p != std::string_view::npos && in_label_compound(text, p, label)) p = text.find(label, p + label.size());
    if (p == std::string_view::npos) continue;
    collect_names(text.substr(p + label.size()), out);
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace newsx::extract
