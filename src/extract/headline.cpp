// The headline: the element that shows it, and <title> without the site.
#include "extract/headline.hpp"

#include "clean/cleaner.hpp"
#include "extract/byline.hpp"
#include "lexicon/lexicon.hpp"
#include "segment/segment.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

std::string_view strip_badges(std::string_view title) noexcept {
  title = util::trim(title);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view badge : lexicon::title_badges) {
      // "原创 标题" / "标题 原创": a badge set off by a space
      if (title.size() > badge.size() + 1 && title.substr(0, badge.size()) == badge &&
          title[badge.size()] == ' ') {
        title = util::trim(title.substr(badge.size()));
        changed = true;
      } else if (title.size() > badge.size() + 1 && title.substr(title.size() - badge.size()) == badge &&
                 title[title.size() - badge.size() - 1] == ' ') {
        title = util::trim(title.substr(0, title.size() - badge.size()));
        changed = true;
      }
      // "【独家】标题"
      for (std::size_t k = 0; k < std::size(lexicon::badge_open_brackets); ++k) {
        const std::string_view open = lexicon::badge_open_brackets[k];
        const std::string_view close = lexicon::badge_close_brackets[k];
        const std::size_t n = open.size() + badge.size() + close.size();
        if (title.size() > n && title.substr(0, open.size()) == open &&
            title.substr(open.size(), badge.size()) == badge &&
            title.substr(open.size() + badge.size(), close.size()) == close) {
          title = util::trim(title.substr(n));
          changed = true;
        }
      }
    }
  }
  return title;
}

namespace {

/// What a bare "-" leaves after a headline when it leads to the site: outlet
/// names ("东方财经-东方网") and keyword lists ("老龄,养老,银发").
bool is_site_tail(std::string_view tail) noexcept {
  bool any = false;
  std::size_t i = 0;
  while (i <= tail.size()) {
    std::size_t j = tail.find('-', i);
    if (j == std::string_view::npos) j = tail.size();
    const std::string_view part = util::trim(tail.substr(i, j - i));
    if (!part.empty()) {
      std::size_t commas = 0;
      for (char c : part) commas += c == ',';
      if (commas < 2 && !is_media_name(part)) return false;
      any = true;
    }
    i = j + 1;
  }
  return any;
}

}  // namespace

std::string_view strip_site_suffix(std::string_view title) noexcept {
  title = strip_badges(title);
  // "标题-关键词,关键词-频道-网站": a bare dash before nothing but the site
  for (std::size_t p = title.find('-'); p != std::string_view::npos; p = title.find('-', p + 1)) {
    const std::string_view head = util::trim(title.substr(0, p));
    if (util::cp_count(head) >= 6 && is_site_tail(title.substr(p + 1))) {
      title = head;
      break;
    }
  }
  // The headline comes first; what follows the earliest separator is the site.
  std::size_t cut = std::string_view::npos;
  for (std::string_view s : lexicon::title_site_separators) {
    const std::size_t p = title.find(s);
    if (p != std::string_view::npos && p > 0 && (cut == std::string_view::npos || p < cut)) cut = p;
  }
  if (cut == std::string_view::npos) return title;
  const std::string_view head = util::trim(title.substr(0, cut));
  // Keep the first part when it carries most of the text; short first parts
  // ("新浪财经_xxx") are site names in front.
  if (util::cp_count(head) >= 6 || util::cp_count(head) * 2 >= util::cp_count(title)) return head;
  return title;
}

namespace {

/// Readability.js's reading of <title>, its thresholds named.
constexpr std::size_t title_min_words_kept = 3;      // a shorter first part is the site
constexpr std::size_t title_max_words_before_colon = 5;  // a longer one is the headline
constexpr std::size_t title_min_chars = 15;          // outside these, the only h1
constexpr std::size_t title_max_chars = 150;
constexpr std::size_t title_max_words_trusted = 4;   // a result this short: the whole title
constexpr std::size_t max_only_h1_bytes = 4096;      // an h1 past this is no headline

/// JavaScript's \s: ASCII white space and the Unicode spaces a title holds.
bool is_js_space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_title_separator(char32_t c, bool hierarchical_only) noexcept {
  for (char32_t s : lexicon::hierarchical_title_separators) {
    if (c == s) return true;
  }
  if (hierarchical_only) return false;
  for (char32_t s : lexicon::flat_title_separators) {
    if (c == s) return true;
  }
  return false;
}

/// str.split(/\s+/).length: pieces between runs of white space, empty ones
/// at the ends included.
std::size_t js_word_count(std::string_view s) noexcept {
  std::size_t pieces = 1;
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const bool sp = is_js_space(util::next_cp(s, i));
    if (sp && !in_space) ++pieces;
    in_space = sp;
  }
  return pieces;
}

/// Trims JavaScript white space and folds each run of two or more into one space.
std::string js_normalized(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (is_js_space(util::next_cp(s, i))) {
      if (run++ == 0) run_start = at;
      continue;
    }
    if (run == 1) out.append(s.substr(run_start, at - run_start));
    else if (run > 1) out.push_back(' ');
    run = 0;
    out.append(s.substr(at, i - at));
  }
  // leading white space: drop it as trim does
  std::size_t lead = 0;
  while (lead < out.size()) {
    std::size_t k = lead;
    if (!is_js_space(util::next_cp(out, k))) break;
    lead = k;
  }
  return out.substr(lead);
}

/// Byte offsets of each " <separator> " (white space, a separator, white space).
/// Matches do not overlap: "a - - b" has one.
std::vector<std::size_t> separator_positions(std::string_view s, bool hierarchical_only) {
  std::vector<std::size_t> at;
  char32_t prev2 = 0, prev1 = 0;
  std::size_t start2 = 0, start1 = 0;
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t here = i;
    const char32_t c = util::next_cp(s, i);
    if (is_js_space(c) && is_title_separator(prev1, hierarchical_only) && is_js_space(prev2) &&
        start2 >= last_end && (at.empty() || start2 > at.back())) {
      at.push_back(start2);
      last_end = i;
    }
    prev2 = prev1;
    start2 = start1;
    prev1 = c;
    start1 = here;
  }
  return at;
}

/// A heading's text, read up to max_bytes (a longer one repeats no title).
std::string heading_text(const dom::document& doc, std::uint32_t i, std::size_t max_bytes) {
  std::string raw;
  if (!dom::append_text(doc, i, raw, dom::removed, max_bytes)) return {};
  return js_normalized(raw);
}

}  // namespace

std::string read_title_tag(const dom::document& doc, std::string_view title) {
  const std::string orig = js_normalized(title);
  std::string cur = orig;
  bool hierarchical = false;
  if (const std::vector<std::size_t> seps = separator_positions(orig, false); !seps.empty()) {
    hierarchical = !separator_positions(orig, true).empty();
    cur = orig.substr(0, seps.back());
    if (js_word_count(cur) < title_min_words_kept) {
      // drop everything up to the first separator character
      std::size_t i = 0;
      while (i < orig.size()) {
        const char32_t c = util::next_cp(orig, i);
        if (is_title_separator(c, false)) break;
      }
      cur = orig.substr(i);
    }
  } else if (orig.find(": ") != std::string::npos) {
    bool repeated = false;
    for (std::uint32_t i = 0; i < doc.size() && !repeated; ++i) {
      const dom::node& n = doc[i];
      if (n.type == kind::element && (n.tag == html_tag::h1 || n.tag == html_tag::h2)) {
        repeated = heading_text(doc, i, 2 * orig.size() + 64) == orig;
      }
    }
    if (!repeated) {
      cur = orig.substr(orig.rfind(':') + 1);
      if (js_word_count(cur) < title_min_words_kept) {
        cur = orig.substr(orig.find(':') + 1);
      } else if (js_word_count(orig.substr(0, orig.find(':'))) > title_max_words_before_colon) {
        cur = orig;
      }
    }
  } else if (const std::size_t chars = util::cp_count(orig);
             chars > title_max_chars || chars < title_min_chars) {
    std::uint32_t only = 0;
    std::size_t h1s = 0;
    for (std::uint32_t i = 0; i < doc.size(); ++i) {
      if (doc[i].type == kind::element && doc[i].tag == html_tag::h1 && h1s++ == 0) only = i;
    }
    if (h1s == 1) cur = heading_text(doc, only, max_only_h1_bytes);
  }
  cur = js_normalized(cur);
  const std::size_t words = js_word_count(cur);
  if (words <= title_max_words_trusted) {
    std::string unseparated;
    for (std::size_t i = 0; i < orig.size();) {
      const std::size_t at = i;
      if (!is_title_separator(util::next_cp(orig, i), false)) unseparated.append(orig, at, i - at);
    }
    if (!hierarchical || words + 1 != js_word_count(unseparated)) cur = orig;
  }
  return cur;
}

namespace {

/// Each part of a channel's title is a name this short (characters).
constexpr std::size_t max_channel_part_chars = 6;

}  // namespace

bool is_channel_title(std::string_view title) noexcept {
  title = util::trim(title);
  if (lexicon::found_in(title, lexicon::epaper_title_words)) return true;
  std::size_t parts = 0;
  while (!title.empty()) {
    std::size_t cut = std::string_view::npos;
    std::size_t len = 0;
    for (std::string_view s : lexicon::title_site_separators) {
      const std::size_t p = title.find(s);
      if (p != std::string_view::npos && (cut == std::string_view::npos || p < cut)) {
        cut = p;
        len = s.size();
      }
    }
    const std::string_view part = util::trim(title.substr(0, cut));
    if (util::cp_count(part) > max_channel_part_chars) return false;
    if (!part.empty()) ++parts;
    if (cut == std::string_view::npos) break;
    title = title.substr(cut + len);
  }
  return parts >= 2;
}

namespace {

/// A headline runs from min_headline_chars to max_headline_chars characters.
constexpr std::size_t min_headline_chars = 5;
constexpr std::size_t max_headline_chars = 150;
/// Raw text read from a candidate before it counts as too long: room for
/// max_headline_chars with markup's white space around them, and a bound
/// that keeps nested candidates from being read whole, each in turn.
constexpr std::size_t max_headline_raw_bytes = 4096;
/// Elements holding the title's text that are read whole, at most, to find
/// one that shows the title and nothing else.
constexpr int max_title_element_tries = 8;

bool names_title(const dom::node& n) noexcept {
  bool found = false;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = dom::attr(n, a);
    if (v.empty()) continue;
    clean::for_each_name_token(v, [&](std::string_view t) {
      found = found || lexicon::is_one_of(t, lexicon::title_class_words);
    });
  }
  return found;
}

std::string normalized(std::string_view raw) {
  segment::text_builder tb;
  tb.append(raw);
  return tb.take();
}

/// A button inside the heading (a read-aloud "播报文章", "分享") is no part of
/// the headline, unless the page's own title ends with the same words.
std::string without_control(std::string_view t, std::string_view title, std::string_view og) {
  const std::string_view control = lexicon::suffix_in(t, lexicon::button_labels);
  const auto ends_with = [&](std::string_view s) {
    return s.size() >= control.size() && s.substr(s.size() - control.size()) == control;
  };
  if (control.empty() || control.size() == t.size() || ends_with(title) || ends_with(og)) {
    return std::string(t);
  }
  return std::string(util::trim(t.substr(0, t.size() - control.size())));
}

}  // namespace

headline find_headline(const dom::document& doc, std::string_view title_tag,
                       std::string_view og_title) {
  const std::string title = normalized(title_tag);
  const std::string og = normalized(og_title);
  const std::string stripped(strip_site_suffix(title));
  headline best;
  std::uint32_t first_h1 = 0;
  std::uint32_t first_h2 = 0;  // of headline length
  std::string raw;
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    const dom::node& n = doc[i];
    if (n.type != dom::kind::element || (n.flags & dom::removed) != 0) continue;
    const bool heading = n.tag == html_tag::h1 || n.tag == html_tag::h2 || n.tag == html_tag::h3 ||
                         n.tag == html_tag::h4;
    const bool titled = !heading && (n.tag == html_tag::div || n.tag == html_tag::span ||
                                     n.tag == html_tag::p || n.tag == html_tag::td ||
                                     n.tag == html_tag::strong || n.tag == html_tag::b ||
                                     n.tag == html_tag::font) && names_title(n);
    if (!heading && !titled) continue;
    raw.clear();
    const bool whole = dom::append_text(doc, i, raw, dom::removed | dom::in_link, max_headline_raw_bytes);
    std::string t;
    if (whole) t = without_control(strip_badges(normalized(raw)), title, og);
    const std::size_t cps = whole ? util::cp_count(t) : max_headline_chars + 1;
    if (cps < min_headline_chars || cps > max_headline_chars) {
      if (n.tag == html_tag::h1 && first_h1 == 0 && cps >= 2) first_h1 = i;
      continue;
    }
    if (n.tag == html_tag::h1 && first_h1 == 0) first_h1 = i;
    if (n.tag == html_tag::h2 && first_h2 == 0) first_h2 = i;
    // a fragment ("财经") is no headline: it must carry most of the title;
    // a heading may add a little to it (a kicker), a titled box may not hold
    // the byline as well
    bool comments = false;  // "2 comments on “Title”" quotes the headline
    for (std::string_view w : lexicon::comment_heading_words) comments = comments || util::icontains(t, w);
    if (comments) continue;
    const std::size_t ref = util::cp_count(stripped.empty() ? og : stripped);
    const bool inside = (!title.empty() && title.find(t) != std::string::npos) ||
                        (!og.empty() && og.find(t) != std::string::npos);
    const bool holds = heading && ref >= 5 && cps * 2 <= ref * 3 &&
                       t.find(stripped.empty() ? og : stripped) != std::string::npos;
    if (!(inside || holds) || cps * 10 < ref * 4) continue;
    if (t.size() > best.text.size()) {
      best.node = i;
      best.text = std::move(t);
    }
  }
  // no heading or titled box matches: an element that shows the title and
  // nothing else (pages whose class names are generated, "_2kCxD", and whose
  // headline is a plain <div>); not a link, which names another story
  if (best.node == 0 && !stripped.empty() && util::cp_count(stripped) >= min_headline_chars) {
    int tries = 0;  // elements read whole: a page that repeats its title everywhere costs a few
    for (std::uint32_t i = doc.body(); i < doc.size() && tries < max_title_element_tries; ++i) {
      const dom::node& n = doc[i];
      if (n.type != dom::kind::text || (n.flags & (dom::removed | dom::in_link)) != 0) continue;
      const std::string_view v = util::trim(n.text);
      if (v.size() < stripped.size() / 2 || v.size() > stripped.size() * 2) continue;
      if (normalized(v) != stripped) continue;
      const std::uint32_t e = n.parent;
      if (e == 0 || doc[e].tag == html_tag::title || doc[e].tag == html_tag::a) continue;
      ++tries;
      raw.clear();
      dom::append_text(doc, e, raw, dom::removed, max_headline_raw_bytes);
      if (normalized(raw) != stripped) continue;  // the title inside a longer line
      best.node = e;
      best.text = stripped;
      break;
    }
  }
  // no title to match, or one that names only the site and its channel
  // ("中国证券报 - 数字报" over an e-paper's every story): the first <h1> is the
  // headline, or on a page without one the first <h2> of a headline's length
  const std::uint32_t first = first_h1 != 0 ? first_h1 : first_h2;
  if (best.node == 0 && first != 0 && og.empty() && (title.empty() || is_channel_title(title))) {
    raw.clear();
    dom::append_text(doc, first, raw, dom::removed);
    best.node = first;
    best.text = normalized(raw);
  }
  return best;
}

}  // namespace newsx::extract
