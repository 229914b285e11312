#include "extract/page.hpp"

#include <algorithm>
#include <cstdio>

#include "clean/cleaner.hpp"
#include "extract/dates.hpp"
#include "segment/segment.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;

namespace {

using dom::kind;

void set_once(std::string& field, std::string_view v) {
  v = util::trim(v);
  if (field.empty() && !v.empty()) field.assign(v);
}

/// The string value of "key": "value" in a JSON text, searched from pos;
/// good enough for the flat JSON-LD that news pages carry.
std::string_view json_string_after(std::string_view json, std::string_view key, std::size_t from = 0) {
  std::size_t p = json.find(key, from);
  while (p != std::string_view::npos) {
    std::size_t i = p + key.size();
    if (p > 0 && json[p - 1] == '"' && i < json.size() && json[i] == '"') {
      ++i;
      while (i < json.size() && util::is_ascii_space(json[i])) ++i;
      if (i < json.size() && json[i] == ':') {
        ++i;
        while (i < json.size() && util::is_ascii_space(json[i])) ++i;
        if (i < json.size() && json[i] == '"') {
          const std::size_t s = i + 1;
          std::size_t e = s;
          while (e < json.size() && json[e] != '"') e += json[e] == '\\' ? 2 : 1;
          return json.substr(s, std::min(e, json.size()) - s);
        }
        if (i < json.size() && json[i] == '{') {
          // "publisher": {"@type": "Organization", "name": "..."}
          const std::size_t close = json.find('}', i);
          const std::string_view obj = json.substr(i, close == std::string_view::npos ? json.npos : close - i);
          return json_string_after(obj, "name");
        }
      }
    }
    p = json.find(key, p + key.size());
  }
  return {};
}

bool is_paragraph_tag(html_tag t) noexcept {
  return t == html_tag::p || t == html_tag::pre || t == html_tag::td ||
         t == html_tag::blockquote;
}

bool holds_loose_text(html_tag t) noexcept {
  return t == html_tag::div || t == html_tag::section || t == html_tag::article ||
         t == html_tag::span || t == html_tag::font || t == html_tag::center ||
         t == html_tag::li || t == html_tag::dd || t == html_tag::main;
}

double class_weight(const dom::node& n) {
  double w = 0;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = dom::attr(n, a);
    if (v.empty()) continue;
    if (clean::is_content_name(v)) w += 25;
    if (clean::is_boilerplate_name(v)) w -= 25;
  }
  if (n.tag == html_tag::article) w += 20;
  if (dom::attr(n, "itemprop") == "articleBody") w += 40;
  return w;
}

}  // namespace

std::string_view strip_site_suffix(std::string_view title) noexcept {
  title = util::trim(title);
  // The headline comes first; what follows the earliest separator is the site.
  static constexpr std::string_view seps[] = {"_", " | ", "|", " - ", " – ", " — ", "——", "－", "｜"};
  std::size_t cut = std::string_view::npos;
  for (std::string_view s : seps) {
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

void read_meta(const dom::document& doc, page_meta& m) {
  m = page_meta{};
  std::string tmp;
  std::string canonical;
  std::string og_url;
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    const dom::node& n = doc[i];
    if (n.type != kind::element) continue;
    switch (n.tag) {
      case html_tag::title:
        if (m.title_tag.empty()) {
          tmp.clear();
          dom::append_text(doc, i, tmp);
          set_once(m.title_tag, tmp);
        }
        break;
      case html_tag::h1:
        if ((n.flags & dom::removed) == 0) m.h1s.push_back(i);
        break;
      case html_tag::link:
        if (util::iequals(dom::attr(n, "rel"), "canonical")) set_once(canonical, dom::attr(n, "href"));
        break;
      case html_tag::meta: {
        std::string_view key = dom::attr(n, "property");
        if (key.empty()) key = dom::attr(n, "name");
        if (key.empty()) key = dom::attr(n, "itemprop");
        const std::string_view v = dom::attr(n, "content");
        if (key.empty() || v.empty()) break;
        if (util::iequals(key, "og:title") || util::iequals(key, "twitter:title")) {
          set_once(m.og_title, v);
        } else if (util::iequals(key, "og:description") || util::iequals(key, "description")) {
          set_once(m.description, v);
        } else if (util::iequals(key, "og:site_name")) {
          set_once(m.site_name, v);
        } else if (util::iequals(key, "og:url")) {
          set_once(og_url, v);
        } else if (util::iequals(key, "article:published_time") ||
                   util::iequals(key, "datePublished") || util::iequals(key, "pubdate") ||
                   util::iequals(key, "publishdate") || util::iequals(key, "publish_date") ||
                   util::iequals(key, "og:release_date") || util::iequals(key, "PubDate") ||
                   util::iequals(key, "article:create_at") || util::iequals(key, "dc.date.issued") ||
                   util::iequals(key, "sailthru.date") || util::iequals(key, "publishtime") ||
                   util::iequals(key, "article:published")) {
          set_once(m.published, v);
        } else if (util::iequals(key, "author") || util::iequals(key, "article:author")) {
          if (!util::istarts_with(v, "http")) set_once(m.author, v);
        } else if (util::iequals(key, "source") || util::iequals(key, "mediaid")) {
          set_once(m.publisher, v);
        } else if (util::iequals(key, "keywords")) {
          set_once(m.keywords, v);
        }
        break;
      }
      case html_tag::script: {
        if (!util::icontains(dom::attr(n, "type"), "ld+json")) break;
        tmp.clear();
        for (std::uint32_t k = i + 1; k < n.end; ++k) {
          if (doc[k].type == kind::text) tmp.append(doc[k].text);
        }
        set_once(m.published, json_string_after(tmp, "datePublished"));
        set_once(m.publisher, json_string_after(tmp, "publisher"));
        const std::string_view au = json_string_after(tmp, "author");
        if (!util::istarts_with(au, "http")) set_once(m.author, au);
        set_once(m.og_title, json_string_after(tmp, "headline"));
        break;
      }
      default:
        if (m.published.empty()) {
          const std::string_view ip = dom::attr(n, "itemprop");
          if (ip == "datePublished") {
            std::string_view v = dom::attr(n, "datetime");
            if (v.empty()) v = dom::attr(n, "content");
            set_once(m.published, v);
          }
        }
    }
  }
  m.url = !canonical.empty() ? canonical : og_url;
}

void mark_links(dom::document& doc) {
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    dom::node& nd = doc[i];
    if (nd.type == kind::element && nd.tag == html_tag::a && dom::has_attr(nd, "href")) {
      for (std::uint32_t k = i; k < nd.end; ++k) doc[k].flags |= dom::in_link;
      i = nd.end - 1;
    }
  }
}

content_choice select_content(dom::document& doc, content_scratch& scratch,
                              std::uint32_t headline) {
  const std::uint32_t n = doc.size();
  content_choice best;
  if (n == 0) return best;
  constexpr std::uint16_t skip = dom::removed | dom::boilerplate;

  // Bottom-up totals: text, link text, punctuation, direct text.
  auto& chars = scratch.chars;
  auto& links = scratch.links;
  auto& punct = scratch.punct;
  auto& direct = scratch.direct;
  auto& score = scratch.score;
  for (auto* v : {&chars, &links, &punct, &direct}) v->assign(n, 0);
  score.assign(n, 0.0);
  for (std::uint32_t i = n; i-- > 1;) {
    const dom::node& nd = doc[i];
    if ((nd.flags & skip) != 0) continue;
    if (nd.type == kind::text) {
      const util::char_counts c = util::count_chars(nd.text);
      // a Latin word weighs like two CJK characters
      const auto weight = static_cast<std::uint32_t>(c.cjk + c.punct + c.words * 2);
      chars[i] = weight;
      punct[i] = static_cast<std::uint32_t>(c.punct);
      if ((nd.flags & dom::in_link) != 0) links[i] = weight;
      direct[nd.parent] += weight;
    }
    chars[nd.parent] += chars[i];
    links[nd.parent] += links[i];
    punct[nd.parent] += punct[i];
  }

  // Paragraph scores flow to ancestors (readability's scheme).
  for (std::uint32_t i = 1; i < n; ++i) {
    const dom::node& nd = doc[i];
    if (nd.type != kind::element || (nd.flags & skip) != 0) continue;
    const bool para = is_paragraph_tag(nd.tag) || (holds_loose_text(nd.tag) && direct[i] >= 20);
    if (!para || chars[i] < 10) continue;
    const double ld = chars[i] != 0 ? static_cast<double>(links[i]) / chars[i] : 0.0;
    if (ld > 0.5) continue;
    const double s = 1.0 + punct[i] + std::min(chars[i] / 100.0, 3.0);
    std::uint32_t a = nd.parent;
    if (holds_loose_text(nd.tag) && direct[i] >= 20) score[i] += s;  // text right inside a div
    for (int level = 0; level < 3 && a != 0; ++level, a = doc[a].parent) {
      score[a] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3.0);
    }
  }

  // Lists of teasers: how many substantial <li> each list holds.
  auto& list_items = scratch.list_items;
  list_items.assign(n, 0);
  for (std::uint32_t i = 1; i < n; ++i) {
    if (doc[i].type == kind::element && doc[i].tag == html_tag::li && chars[i] >= 100) {
      ++list_items[doc[i].parent];
    }
  }
  // A candidate inside one of three or more substantial items of a list is
  // a teaser in a feed, not the story.
  auto in_feed = [&](std::uint32_t i) {
    for (int up = 0; up < 3 && i != 0; ++up, i = doc[i].parent) {
      if (doc[i].tag == html_tag::li && list_items[doc[i].parent] >= 3) return true;
    }
    return false;
  };

  // The five best candidates, best first.
  constexpr std::size_t top_n = 5;
  std::pair<double, std::uint32_t> top[top_n] = {};
  // The story starts right after its headline: candidates that hold the
  // headline or begin shortly after it are favoured over teasers elsewhere.
  auto near_headline = [&](std::uint32_t i) {
    if (headline == 0 || doc[i].tag == html_tag::body) return false;
    if (i <= headline && headline < doc[i].end) return true;
    return i >= doc[headline].end && i - doc[headline].end <= 300;
  };
  auto final_score = [&](std::uint32_t i) {
    const double ld = chars[i] != 0 ? static_cast<double>(links[i]) / chars[i] : 0.0;
    double s = (score[i] + class_weight(doc[i])) * (1.0 - ld);
    if (in_feed(i)) s *= 0.3;
    return near_headline(i) ? s * 1.5 : s;
  };
  for (std::uint32_t i = 1; i < n; ++i) {
    const dom::node& nd = doc[i];
    if (score[i] <= 0 || nd.type != kind::element || (nd.flags & skip) != 0 ||
        nd.tag == html_tag::html) {  // <html> holds the <head> too: never the story
      continue;
    }
    const double s = final_score(i);
    if (s <= top[top_n - 1].first) continue;
    std::size_t k = top_n - 1;
    while (k > 0 && top[k - 1].first < s) {
      top[k] = top[k - 1];
      --k;
    }
    top[k] = {s, i};
  }
  std::uint32_t best_i = top[0].second;
  double best_s = top[0].first;
  const bool far_from_headline =
      best_i != 0 && headline != 0 && !near_headline(best_i) &&
      (best_i < headline || best_i - doc[headline].end > 1500);
  if (far_from_headline) {
    // The best text is away from the headline (a teaser stream, a
    // recommended story): a story right under the headline wins if it is
    // not much weaker.
    std::uint32_t near = 0;
    double near_s = 0;
    for (std::uint32_t i = headline; i < n && i <= doc[headline].end + 300; ++i) {
      const dom::node& nd = doc[i];
      if (score[i] <= 0 || nd.type != kind::element || (nd.flags & skip) != 0 || chars[i] < 80) continue;
      const double s = final_score(i);
      if (s > near_s) {
        near_s = s;
        near = i;
      }
    }
    if (near != 0 && near_s >= 0.3 * best_s) {
      best_i = near;
      best_s = near_s;
    }
  }
#ifdef NEWSX_DEBUG_CONTENT
  for (const auto& t : top) {
    if (t.second == 0) continue;
    std::fprintf(stderr, "cand %u %s .%s score=%.1f final=%.1f chars=%u links=%u\n", t.second,
                 std::string(dom::tag_name(doc[t.second])).c_str(),
                 std::string(dom::attr(doc[t.second], "class")).c_str(), score[t.second], t.first,
                 chars[t.second], links[t.second]);
  }
#endif
  auto is_body = [&](std::uint32_t i) {
    return i == 0 || doc[i].tag == html_tag::body || doc[i].tag == html_tag::html;
  };
  if (best_i != 0) {
    // Readability's rule: when three near-equal candidates share an
    // ancestor with the best one, the story is split and that ancestor
    // holds all of it.
    std::uint32_t alternatives[top_n];
    std::size_t alt = 0;
    for (std::size_t k = 1; k < top_n; ++k) {
      // near-equal in text, not only in class-name bonus
      if (top[k].second != 0 && top[k].first >= 0.75 * best_s &&
          score[top[k].second] >= 0.5 * score[best_i]) {
        alternatives[alt++] = top[k].second;
      }
    }
    if (alt >= 3) {
      for (std::uint32_t a = doc[best_i].parent; !is_body(a); a = doc[a].parent) {
        std::size_t inside = 0;
        for (std::size_t k = 0; k < alt; ++k) {
          inside += alternatives[k] > a && alternatives[k] < doc[a].end;
        }
        if (inside >= 3) {
          best_i = a;
          break;
        }
      }
    }
    {
      double last = score[best_i];
      const double floor = last / 3;
      for (std::uint32_t a = doc[best_i].parent; !is_body(a); a = doc[a].parent) {
        if (score[a] <= 0) continue;
        if (score[a] < floor) break;
        if (score[a] > last && !in_feed(a) && links[a] * 5 < chars[a]) {
          best_i = a;
          break;
        }
        last = score[a];
      }
    }
    // An inline element (a span of loose text) is a fragment: the story is
    // at least its block.
    while (!is_body(best_i) &&
           (doc[best_i].tag == html_tag::span || doc[best_i].tag == html_tag::font ||
            doc[best_i].tag == html_tag::a || doc[best_i].tag == html_tag::b ||
            doc[best_i].tag == html_tag::strong || doc[best_i].tag == html_tag::em)) {
      best_i = doc[best_i].parent;
    }
    // A story cut into chunks of the same class ("article__body",
    // "post__content") under a near ancestor: take the ancestor.
    const std::string_view cls = dom::attr(doc[best_i], "class");
    if (!cls.empty()) {
      std::uint32_t a = doc[best_i].parent;
      for (int level = 0; level < 4 && !is_body(a); ++level, a = doc[a].parent) {
        bool twin = false;
        for (std::uint32_t k = a + 1; k < doc[a].end && !twin; ++k) {
          if (k == best_i) {
            k = doc[k].end - 1;
            continue;
          }
          twin = doc[k].type == kind::element && score[k] >= 0.3 * score[best_i] &&
                 (doc[k].flags & skip) == 0 && dom::attr(doc[k], "class") == cls;
        }
        if (twin) {
          best_i = a;
          break;
        }
      }
    }
    best_s = final_score(best_i);
  }
  if (best_i == 0) {
    best.root = doc.body();
    best.text_chars = chars[best.root];
    best.link_density = chars[best.root] != 0 ? static_cast<double>(links[best.root]) / chars[best.root] : 0;
    return best;
  }

  // Siblings that carry article text too: widen to the parent, and flag the
  // siblings that do not as boilerplate.
  const std::uint32_t parent = doc[best_i].parent;
  const double threshold = std::max(10.0, best_s * 0.2);
  bool widened = false;
  if (parent != 0 && doc[parent].tag != html_tag::body && doc[parent].tag != html_tag::html) {
    auto& keep = scratch.keep;
    keep.clear();
    for (std::uint32_t c = parent + 1; c < doc[parent].end; c = doc[c].end) {
      if (c == best_i) continue;
      const dom::node& sib = doc[c];
      if (sib.type != kind::element || (sib.flags & skip) != 0) continue;
      const double ld = chars[c] != 0 ? static_cast<double>(links[c]) / chars[c] : 1.0;
      const double s = (score[c] + class_weight(sib)) * (1.0 - ld);
      const bool long_para = sib.tag == html_tag::p && chars[c] > 80 && ld < 0.25;
      if (s >= threshold || long_para) keep.push_back(c);
    }
    if (!keep.empty()) {
      widened = true;
      for (std::uint32_t c = parent + 1; c < doc[parent].end; c = doc[c].end) {
        if (c == best_i || std::find(keep.begin(), keep.end(), c) != keep.end()) continue;
        if (doc[c].type != kind::element) continue;
        for (std::uint32_t k = c; k < doc[c].end; ++k) doc[k].flags |= dom::boilerplate;
      }
    }
  }
  best.root = widened ? parent : best_i;
  best.score = best_s;
  best.text_chars = chars[best.root];
  best.link_density = chars[best.root] != 0 ? static_cast<double>(links[best.root]) / chars[best.root] : 0;
  return best;
}

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
      for (std::string_view c : {"：", ":"}) {  // optional colon
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
  if (cps == 2 && name.substr(0, 3) == "本") return false;  // 本报, 本刊, 本网: "this paper"
  for (std::size_t i = 0; i < name.size();) {
    const char32_t c = util::next_cp(name, i);
    if (!(util::is_cjk(c) || util::is_ascii_alpha(c) || c == '-' || c == 0xB7)) return false;
  }
  static constexpr std::string_view suffixes[] = {
      "网", "網", "社", "报", "報", "台", "站", "刊", "志", "科技", "财经", "財經", "新闻", "新聞",
      "频道", "頻道", "客户端", "传媒", "傳媒", "电视", "電視", "之声", "在线", "资讯", "日報"};
  for (std::string_view s : suffixes) {
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
  for (std::string_view w : {"分享", "评论", "收藏", "字号", "打印", "举报", "关注", "我有话说",
                             "发布时间", "发布", "时间", "日期", "浏览", "阅读", "点击", "来源",
                             "作者", "记者", "编辑", "责任编辑", "原创", "转载", "纠错", "字体",
                             "正文", "首页", "返回", "大", "中", "小"}) {
    if (t == w) return true;
  }
  return false;
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

std::string_view english_byline(std::string_view zone) noexcept {
  std::size_t p = 0;
  while ((p = zone.find("By ", p)) != std::string_view::npos) {
    if (p > 0 && util::is_ascii_alpha(static_cast<unsigned char>(zone[p - 1]))) {
      p += 3;
      continue;
    }
    std::size_t i = p + 3;
    const std::size_t start = i;
    std::size_t end = i;
    int words = 0;
    while (words < 4 && i < zone.size() && zone[i] >= 'A' && zone[i] <= 'Z') {
      std::size_t j = i;
      while (j < zone.size() && (util::is_ascii_alpha(static_cast<unsigned char>(zone[j])) ||
                                 zone[j] == '.' || zone[j] == '\'' || zone[j] == '-')) {
        ++j;
      }
      end = j;
      ++words;
      if (j >= zone.size() || zone[j] != ' ') break;
      i = j + 1;
    }
    if (words >= 2) return zone.substr(start, end - start);
    p += 3;
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
    if (rest.substr(0, 3) == "讯") return name;
    // a place of up to four characters, then "M月D日" and 电/报道
    for (std::size_t skip = 0, k = 0; k <= 4; ++k) {
      std::string_view r = util::trim(rest.substr(skip));
      std::size_t d = 0;
      while (d < r.size() && util::is_digit(static_cast<unsigned char>(r[d]))) ++d;
      if (d > 0 && r.substr(d, 3) == "月") {
        const std::size_t day = r.find("日", d);
        if (day != std::string_view::npos && day < d + 9) {
          const std::string_view after = r.substr(day + 3);
          if (after.substr(0, 3) == "电" || after.substr(0, 6) == "报道" || after.substr(0, 6) == "消息" ||
              after.substr(0, 3) == "讯") {
            return name;
          }
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

bool names_title(const dom::node& n) noexcept {
  bool found = false;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = dom::attr(n, a);
    if (v.empty()) continue;
    clean::for_each_name_token(v, [&](std::string_view t) {
      found = found || t == "title" || t == "headline" || t == "tit" || t == "biaoti";
    });
  }
  return found;
}

std::string normalized(std::string_view raw) {
  segment::text_builder tb;
  tb.append(raw);
  return tb.take();
}

}  // namespace

headline find_headline(const dom::document& doc, std::string_view title_tag,
                       std::string_view og_title) {
  const std::string title = normalized(title_tag);
  const std::string og = normalized(og_title);
  const std::string stripped(strip_site_suffix(title));
  headline best;
  std::uint32_t first_h1 = 0;
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
    dom::append_text(doc, i, raw, dom::removed | dom::in_link);
    std::string t = normalized(raw);
    const std::size_t cps = util::cp_count(t);
    if (cps < 5 || cps > 150) {
      if (n.tag == html_tag::h1 && first_h1 == 0 && cps >= 2) first_h1 = i;
      continue;
    }
    if (n.tag == html_tag::h1 && first_h1 == 0) first_h1 = i;
    // a fragment ("财经") is no headline: it must carry most of the title;
    // a heading may add a little to it (a kicker), a titled box may not hold
    // the byline as well
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
  if (best.node == 0 && first_h1 != 0 && title.empty() && og.empty()) {
    raw.clear();
    dom::append_text(doc, first_h1, raw, dom::removed);
    best.node = first_h1;
    best.text = normalized(raw);
  }
  return best;
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

}  // namespace newsx::extract
