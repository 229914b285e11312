// The main content: which element holds the article.
#include "extract/content.hpp"

#include <algorithm>
#include <cstdio>

#include "clean/cleaner.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

namespace {

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
  if (dom::attr(n, "itemprop") == lexicon::article_body_itemprop) w += 40;
  return w;
}


}  // namespace

content_choice select_content(const dom::document& doc, content_scratch& scratch,
                              std::uint32_t headline, std::uint16_t chrome) {
  const std::uint32_t n = doc.size();
  content_choice best;
  best.chrome = chrome;
  if (n == 0) return best;
  const std::uint16_t skip = dom::removed | chrome;

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

  // Siblings that carry article text too: widen to the parent, and leave
  // out the siblings that do not.
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
        best.left_out.push_back(c);
      }
    }
  }
  best.root = widened ? parent : best_i;
  best.score = best_s;
  best.text_chars = chars[best.root];
  best.link_density = chars[best.root] != 0 ? static_cast<double>(links[best.root]) / chars[best.root] : 0;
  return best;
}

}  // namespace newsx::extract
