// The byline: date, source and author around the headline.
#include "extract/byline.hpp"

#include <vector>

#include "extract/body.hpp"
#include "extract/byline_markup.hpp"
#include "extract/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

std::string_view byline_field(std::string_view text, std::span<const std::string_view> labels,
                              int max_cp) {
  for (std::string_view label : labels) {
    std::size_t p = text.find(label);
    while (p != std::string_view::npos) {
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
  if (is_plain_name(before) && !labelled(before)) return before;
  if (is_plain_name(after) && !labelled(after)) return after;
  return {};
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

/// The byline's author: a name of at most this many characters.
constexpr int byline_author_max_chars = 12;
/// Opening blocks of the content that may still be byline lines.
constexpr std::size_t opening_byline_blocks = 3;
/// How much text after the content may hold its credit line.
constexpr std::size_t after_content_bytes = 600;

}  // namespace

void append_opening_bylines(const segment::segments& content, std::string& zone) {
  for (std::size_t k = 0; k < content.blocks.size() && k < opening_byline_blocks; ++k) {
    const block& b = content.blocks[k].b;
    if (b.type != block_type::paragraph || !is_byline(b.text)) continue;
    zone.push_back(' ');
    zone += b.text;
  }
}

void add_byline_facts(std::string_view zone, facts& found) {
  if (const std::optional<parsed_date> d = find_date(zone)) {
    found.date.push_back({*d, origin::byline_date});
  }
  found.add(found.source, byline_field(zone, lexicon::source_labels), origin::byline_label);
  found.add(found.source, byline_source(zone), origin::byline_outlet);
  found.add(found.author, byline_field(zone, lexicon::author_labels, byline_author_max_chars),
            origin::byline_label);
  found.add(found.author, english_byline(zone), origin::byline_english);
  found.add(found.source, byline_name_by_date(zone), origin::name_by_date);
}

void add_after_content_facts(const dom::document& doc, std::uint32_t content, std::string& scratch,
                             facts& found) {
  scratch.clear();
  const std::uint32_t after = content < doc.size() ? doc[content].end : doc.size();
  for (std::uint32_t i = after; i < doc.size() && scratch.size() < after_content_bytes; ++i) {
    const dom::node& nd = doc[i];
    if (nd.type == kind::text && (nd.flags & dom::removed) == 0) {
      scratch.append(nd.text);
      scratch.push_back(' ');
    }
  }
  found.add(found.source, byline_field(scratch, lexicon::source_labels), origin::after_content);
}

}  // namespace newsx::extract
