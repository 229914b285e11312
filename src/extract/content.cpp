// The main content: which element holds the article.
#include "extract/content.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "clean/cleaner.hpp"
#include "extract/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

namespace {

// Weights and thresholds of the scoring, readability's scheme adapted to CJK
// text (characters, not words, carry the length).

/// Class or id evidence: a content name ("article-body") or a chrome name.
constexpr double content_name_weight = 25;
constexpr double chrome_name_weight = -25;
constexpr double article_tag_weight = 20;
constexpr double article_body_itemprop_weight = 40;

/// A Latin word weighs like two CJK characters.
constexpr std::uint32_t latin_word_weight = 2;
/// A div or span with this much text right inside it is a paragraph itself.
constexpr std::uint32_t loose_paragraph_chars = 20;
/// Paragraphs shorter than this, or more than half links, score nothing.
constexpr std::uint32_t min_paragraph_chars = 10;
constexpr double max_paragraph_link_density = 0.5;
/// A paragraph's score: 1 + its punctuation + a length bonus of one per 100
/// characters, up to 3; it flows to three ancestors, decaying.
constexpr double length_bonus_per_chars = 100.0;
constexpr double max_length_bonus = 3.0;
constexpr int score_levels = 3;

/// A list of three or more items of 100+ characters is a feed of teasers;
/// a candidate within three levels of such an item weighs 0.3.
constexpr std::uint32_t teaser_item_chars = 100;
constexpr std::uint32_t feed_min_items = 3;
constexpr int feed_item_levels = 3;
constexpr double in_feed_factor = 0.3;

/// The story starts right after its headline: a candidate that holds it or
/// begins within 300 nodes of it weighs 1.5.
constexpr std::uint32_t near_headline_nodes = 300;
constexpr double near_headline_factor = 1.5;
/// The best candidate is "far" from the headline 1500 nodes after it; then a
/// candidate of 80+ characters right under the headline wins if it scores
/// 0.3 of the best.
constexpr std::uint32_t far_from_headline_nodes = 1500;
constexpr std::uint32_t near_story_min_chars = 80;
constexpr double near_story_min_ratio = 0.3;

/// Readability's split story: three near-equal candidates (0.75 of the
/// best's final score, 0.5 of its own score) under one ancestor.
constexpr double split_final_ratio = 0.75;
constexpr double split_score_ratio = 0.5;
constexpr std::size_t split_min_parts = 3;
/// Climbing: an ancestor that scores higher wins; stop below a third.
constexpr double climb_floor_ratio = 1.0 / 3;
/// ... and that is not a link list: its links are under 1/5 of its text.
constexpr std::uint32_t climb_link_share_divisor = 5;
/// A chunk of the same class within five levels (a section wrapped in
/// section, container and column divs), scoring 0.3 of the best,
/// means the story is cut into chunks: take their ancestor.
constexpr int twin_levels = 5;
constexpr double twin_score_ratio = 0.3;
/// Siblings of the best that score a fifth of it (at least 10), or are
/// paragraphs of more than 80 characters (code points, as Readability counts
/// them: a line of prose in any script) under a quarter links, are the story too.
constexpr double sibling_min_score = 10.0;
constexpr double sibling_score_ratio = 0.2;
constexpr std::size_t sibling_paragraph_chars = 80;
constexpr double sibling_paragraph_max_link_density = 0.25;

/// Text is data when it sits in a cell or item through at most four inline
/// elements; a table cell under 100 characters (a teaser's length) that is
/// 3/4 such text is a datum, and scores nothing; so is such an item of a
/// list of ten or more short items (references, an index), where a how-to's
/// few steps or a story's bullet points stay its prose.
constexpr int cell_inline_levels = 4;
constexpr std::uint32_t datum_max_chars = 100;
constexpr std::uint32_t data_list_min_items = 10;
constexpr std::uint32_t data_share_num = 3;
constexpr std::uint32_t data_share_den = 4;

constexpr std::size_t top_n = 5;  ///< candidates kept for the split-story rule

bool is_paragraph_tag(html_tag t) noexcept {
  return t == html_tag::p || t == html_tag::pre || t == html_tag::td ||
         t == html_tag::blockquote;
}

bool holds_loose_text(html_tag t) noexcept {
  return t == html_tag::div || t == html_tag::section || t == html_tag::article ||
         t == html_tag::span || t == html_tag::font || t == html_tag::center ||
         t == html_tag::li || t == html_tag::dd || t == html_tag::main;
}

/// An inline element is a fragment: the story is at least its block.
bool is_inline(html_tag t) noexcept {
  return t == html_tag::span || t == html_tag::font || t == html_tag::a || t == html_tag::b ||
         t == html_tag::strong || t == html_tag::em;
}

/// Markup inside a line of text.
bool is_phrasing(html_tag t) noexcept {
  return is_inline(t) || t == html_tag::i || t == html_tag::small || t == html_tag::sup ||
         t == html_tag::sub || t == html_tag::cite || t == html_tag::code;
}

/// Elements that hold one datum of a table or list.
bool is_datum(html_tag t) noexcept {
  return t == html_tag::td || t == html_tag::th || t == html_tag::li || t == html_tag::dd ||
         t == html_tag::dt;
}

/// Text right inside a table cell or a list item (through inline markup
/// only) is a datum of a table or list, not a paragraph's: a row of members
/// of parliament, a reference, a teaser's link. A story laid out in table
/// cells has its own paragraphs inside them.
bool in_cell(const dom::document& doc, std::uint32_t text) noexcept {
  std::uint32_t a = doc[text].parent;
  for (int up = 0; up < cell_inline_levels && a != 0 && is_phrasing(doc[a].tag); ++up) a = doc[a].parent;
  return is_datum(doc[a].tag);
}

/// Two chunks of a story carry the same class, or the same first class with
/// a modifier on one ("content lead" and "content": the lead section).
bool same_chunk_class(std::string_view a, std::string_view b) noexcept {
  if (a == b) return true;
  auto first = [](std::string_view v) {
    const std::size_t sp = v.find(' ');
    return sp == std::string_view::npos ? v : v.substr(0, sp);
  };
  const std::string_view fa = first(a);
  return !fa.empty() && fa == first(b) && (fa == a || first(b) == b);
}

double class_weight(const dom::node& n) {
  double w = 0;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = dom::attr(n, a);
    if (v.empty()) continue;
    if (clean::is_content_name(v)) w += content_name_weight;
    if (clean::is_boilerplate_name(v)) w += chrome_name_weight;
  }
  if (n.tag == html_tag::article) w += article_tag_weight;
  if (dom::attr(n, "itemprop") == lexicon::article_body_itemprop) w += article_body_itemprop_weight;
  return w;
}

/// The characters of an element's text that the look does not skip, its
/// text runs trimmed.
std::size_t text_length(const dom::document& doc, std::uint32_t e, std::uint16_t skip) noexcept {
  std::size_t n = 0;
  for (std::uint32_t k = e + 1; k < doc[e].end; ++k) {
    if ((doc[k].flags & skip) != 0) {
      k = doc[k].end - 1;
      continue;
    }
    if (doc[k].type == kind::text) n += util::cp_count(util::trim(doc[k].text));
  }
  return n;
}

double link_density(std::uint32_t links, std::uint32_t chars, double if_empty) {
  return chars != 0 ? static_cast<double>(links) / chars : if_empty;
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
  auto& cells = scratch.cells;
  for (auto* v : {&chars, &links, &punct, &direct, &cells}) v->assign(n, 0);
  score.assign(n, 0.0);
  for (std::uint32_t i = n; i-- > 1;) {
    const dom::node& nd = doc[i];
    if ((nd.flags & skip) != 0) continue;
    if (nd.type == kind::text) {
      const util::char_counts c = util::count_chars(nd.text);
      const auto weight = static_cast<std::uint32_t>(c.cjk + c.punct + c.words * latin_word_weight);
      chars[i] = weight;
      punct[i] = static_cast<std::uint32_t>(c.punct);
      if ((nd.flags & dom::in_link) != 0) links[i] = weight;
      direct[nd.parent] += weight;
      if (in_cell(doc, i)) cells[i] = weight;
    }
    chars[nd.parent] += chars[i];
    cells[nd.parent] += cells[i];
    links[nd.parent] += links[i];
    punct[nd.parent] += punct[i];
  }

  // Feeds of teasers: how many substantial <li> each list holds, and how
  // many <article>s of 100+ characters each element holds side by side (a
  // blog's other posts under the story), with their text.
  auto& list_items = scratch.list_items;
  auto& posts = scratch.posts;
  auto& post_chars = scratch.post_chars;
  list_items.assign(n, 0);
  posts.assign(n, 0);
  post_chars.assign(n, 0);
  auto& short_items = scratch.short_items;
  short_items.assign(n, 0);
  for (std::uint32_t i = 1; i < n; ++i) {
    const dom::node& nd = doc[i];
    if (nd.type != kind::element || (nd.flags & skip) != 0) continue;
    if (chars[i] < teaser_item_chars) {
      short_items[nd.parent] += nd.tag == html_tag::li || nd.tag == html_tag::dd || nd.tag == html_tag::dt;
      continue;
    }
    if (nd.tag == html_tag::li) ++list_items[nd.parent];
    if (nd.tag == html_tag::article) {
      ++posts[nd.parent];
      post_chars[nd.parent] += chars[i];
    }
  }
  // An element whose text is mostly three or more <article>s is a feed of
  // other posts, not a story.
  auto holds_posts = [&](std::uint32_t i) {
    return posts[i] >= feed_min_items && post_chars[i] * 2 >= chars[i];
  };
  // A candidate inside one of three or more substantial items of a list, or
  // one of those posts, is a teaser in a feed, not the story.
  auto in_posts = [&](std::uint32_t i) {
    for (int up = 0; up < feed_item_levels && i != 0; ++up, i = doc[i].parent) {
      if (doc[i].tag == html_tag::article && holds_posts(doc[i].parent)) return true;
    }
    return false;
  };
  auto in_feed = [&](std::uint32_t i) {
    const std::uint32_t from = i;
    for (int up = 0; up < feed_item_levels && i != 0; ++up, i = doc[i].parent) {
      if (doc[i].tag == html_tag::li && list_items[doc[i].parent] >= feed_min_items) return true;
    }
    return in_posts(from);
  };

  // Paragraph scores flow to ancestors (readability's scheme).
  for (std::uint32_t i = 1; i < n; ++i) {
    const dom::node& nd = doc[i];
    if (nd.type != kind::element || (nd.flags & skip) != 0) continue;
    const bool loose = holds_loose_text(nd.tag) && direct[i] >= loose_paragraph_chars;
    const bool para = is_paragraph_tag(nd.tag) || loose;
    if (!para || chars[i] < min_paragraph_chars) continue;
    if (link_density(links[i], chars[i], 0.0) > max_paragraph_link_density) continue;
    // a datum of a table or list (a member of parliament's row, a
    // reference) is no paragraph, however many rows there are
    const bool table_cell = nd.tag == html_tag::td || nd.tag == html_tag::th;
    if (is_datum(nd.tag) && chars[i] < datum_max_chars &&
        (table_cell || short_items[nd.parent] >= data_list_min_items) &&
        cells[i] * data_share_den >= chars[i] * data_share_num) {
      continue;
    }
    double s = 1.0 + punct[i] + std::min(chars[i] / length_bonus_per_chars, max_length_bonus);
    // a teaser's paragraph in a feed of posts lends its wrappers little
    if (in_posts(i)) s *= in_feed_factor;
    std::uint32_t a = nd.parent;
    if (loose) score[i] += s;  // text right inside a div
    // an inline wrapper (<span> around a step's <p>) is no level of the
    // page's structure: the score passes through it
    for (int level = 0; level < score_levels && a != 0; a = doc[a].parent) {
      if (is_inline(doc[a].tag)) continue;
      score[a] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3.0);
      ++level;
    }
  }

  // The best candidates, best first.
  std::pair<double, std::uint32_t> top[top_n] = {};
  auto near_headline = [&](std::uint32_t i) {
    if (headline == 0 || doc[i].tag == html_tag::body) return false;
    if (i <= headline && headline < doc[i].end) return true;
    return i >= doc[headline].end && i - doc[headline].end <= near_headline_nodes;
  };
  // what a candidate's text is worth, wherever it stands
  auto text_score = [&](std::uint32_t i) {
    const double ld = link_density(links[i], chars[i], 0.0);
    double s = (score[i] + class_weight(doc[i])) * (1.0 - ld);
    return in_feed(i) || holds_posts(i) ? s * in_feed_factor : s;
  };
  auto final_score = [&](std::uint32_t i) {
    const double s = text_score(i);
    return near_headline(i) ? s * near_headline_factor : s;
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
      (best_i < headline || best_i - doc[headline].end > far_from_headline_nodes);
  if (far_from_headline) {
    // The best text is away from the headline (a teaser stream, a
    // recommended story): a story right under the headline wins if it is
    // not much weaker.
    std::uint32_t near = 0;
    double near_s = 0;
    for (std::uint32_t i = headline; i < n && i <= doc[headline].end + near_headline_nodes; ++i) {
      const dom::node& nd = doc[i];
      if (score[i] <= 0 || nd.type != kind::element || (nd.flags & skip) != 0 ||
          chars[i] < near_story_min_chars) {
        continue;
      }
      const double s = final_score(i);
      if (s > near_s) {
        near_s = s;
        near = i;
      }
    }
    if (near != 0 && near_s >= near_story_min_ratio * best_s) {
      best_i = near;
      best_s = near_s;
    }
  }
#ifdef NEWSX_DEBUG_CONTENT
  for (const auto& t : top) {
    if (t.second == 0) continue;
    fmt::print(stderr, "cand {} {} .{} score={:.1f} final={:.1f} chars={} links={}\n", t.second,
               dom::tag_name(doc[t.second]), dom::attr(doc[t.second], "class"), score[t.second],
               t.first, chars[t.second], links[t.second]);
  }
#endif
  auto is_body = [&](std::uint32_t i) {
    return i == 0 || doc[i].tag == html_tag::body || doc[i].tag == html_tag::html;
  };
  if (best_i != 0) {
    // Readability's rule: when three near-equal candidates share an
    // ancestor with the best one, the story is split and that ancestor
    // holds all of it.
    // Near-equal by their text: the headline's bonus says where the story
    // starts, not that its first section is all of it (a how-to's steps).
    std::uint32_t alternatives[top_n];
    std::size_t alt = 0;
    const double best_text = text_score(best_i);
    for (std::size_t k = 1; k < top_n; ++k) {
      // near-equal in text, not only in class-name bonus
      if (top[k].second != 0 && text_score(top[k].second) >= split_final_ratio * best_text &&
          score[top[k].second] >= split_score_ratio * score[best_i]) {
        alternatives[alt++] = top[k].second;
      }
    }
    if (alt >= split_min_parts) {
      for (std::uint32_t a = doc[best_i].parent; !is_body(a); a = doc[a].parent) {
        std::size_t inside = 0;
        for (std::size_t k = 0; k < alt; ++k) {
          inside += alternatives[k] > a && alternatives[k] < doc[a].end;
        }
        if (inside >= split_min_parts) {
          best_i = a;
          break;
        }
      }
    }
    {
      double last = score[best_i];
      const double floor = last / 3;
      static_assert(climb_floor_ratio * 3 == 1.0);
      for (std::uint32_t a = doc[best_i].parent; !is_body(a); a = doc[a].parent) {
        if (score[a] <= 0) continue;
        if (score[a] < floor) break;
        if (score[a] > last && !in_feed(a) && links[a] * climb_link_share_divisor < chars[a]) {
          best_i = a;
          break;
        }
        last = score[a];
      }
    }
    while (!is_body(best_i) && is_inline(doc[best_i].tag)) best_i = doc[best_i].parent;
    // A story cut into chunks of the same class ("article__body",
    // "post__content") under a near ancestor: take the ancestor. A chunk in
    // another <article> than the story's is the next story (infinite
    // scrolling appends them, shaped alike), not a chunk of this one.
    const std::string_view cls = dom::attr(doc[best_i], "class");
    const std::uint32_t story_article = dom::enclosing(doc, best_i, html_tag::article);
    auto in_story_article = [&](std::uint32_t k) {
      return story_article == 0 || (k > story_article && k < doc[story_article].end);
    };
    if (!cls.empty()) {
      std::uint32_t a = doc[best_i].parent;
      for (int level = 0; level < twin_levels && !is_body(a); ++level, a = doc[a].parent) {
        bool twin = false;
        for (std::uint32_t k = a + 1; k < doc[a].end && !twin; ++k) {
          if (k == best_i) {
            k = doc[k].end - 1;
            continue;
          }
          twin = doc[k].type == kind::element && score[k] >= twin_score_ratio * score[best_i] &&
                 (doc[k].flags & skip) == 0 && same_chunk_class(dom::attr(doc[k], "class"), cls) &&
                 in_story_article(k);
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
    best.link_density = link_density(links[best.root], chars[best.root], 0.0);
    return best;
  }

  // Siblings that carry article text too: widen to the parent, and leave
  // out the siblings that do not.
  const std::uint32_t parent = doc[best_i].parent;
  const double threshold = std::max(sibling_min_score, best_s * sibling_score_ratio);
  bool widened = false;
  if (parent != 0 && doc[parent].tag != html_tag::body && doc[parent].tag != html_tag::html) {
    auto& keep = scratch.keep;
    keep.clear();
    for (std::uint32_t c = parent + 1; c < doc[parent].end; c = doc[c].end) {
      if (c == best_i) continue;
      const dom::node& sib = doc[c];
      if (sib.type != kind::element || (sib.flags & skip) != 0) continue;
      const double ld = link_density(links[c], chars[c], 1.0);
      if (in_feed(c) || holds_posts(c)) continue;  // other posts are no part of it
      // the story is an <article>: a sibling <article> is the next story
      if (doc[best_i].tag == html_tag::article && sib.tag == html_tag::article) continue;
      const double s = (score[c] + class_weight(sib)) * (1.0 - ld);
      const bool long_para = sib.tag == html_tag::p && ld < sibling_paragraph_max_link_density &&
                             text_length(doc, c, skip) > sibling_paragraph_chars;
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
#ifdef NEWSX_DEBUG_CONTENT
  fmt::print(stderr, "chosen {} (best {}) widened={} left_out={}\n", best.root, best_i, widened, best.left_out.size());
#endif
  best.score = best_s;
  best.text_chars = chars[best.root];
  best.link_density = link_density(links[best.root], chars[best.root], 0.0);
  return best;
}

page_profile profile_page(const dom::document& doc) {
  page_profile p;
  // distinct timestamps by their position-free value: a date repeated in a
  // byline and a footer counts once
  std::vector<std::uint64_t> seen;
  for (std::uint32_t i = doc.body(); i < doc.size(); ++i) {
    const dom::node& nd = doc[i];
    // a hidden tab of a listing is listing too: only never-content is skipped
    if ((nd.flags & dom::removed) != 0 && (nd.flags & dom::hidden) == 0) {
      i = nd.end - 1;
      continue;
    }
    if (nd.type != kind::text) continue;
    const std::size_t chars = util::cp_count(util::trim(nd.text));
    p.text_chars += chars;
    if ((nd.flags & dom::in_link) != 0) p.link_chars += chars;
    std::string_view rest = nd.text;
    std::size_t at = 0;
    while (std::optional<parsed_date> d = find_date(rest, &at)) {
      const std::uint64_t key = ((((static_cast<std::uint64_t>(d->year) * 13 + d->month) * 32 + d->day) * 25 +
                                  d->hour) * 60 + d->minute);
      if (std::find(seen.begin(), seen.end(), key) == seen.end() && seen.size() < 64) seen.push_back(key);
      rest = rest.substr(at + std::max<std::size_t>(d->consumed, 1));
    }
  }
  p.timestamps = seen.size();
  return p;
}

}  // namespace newsx::extract
