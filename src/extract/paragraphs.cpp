// The paragraph look: jusText's classification of a page's blocks, and the
// run of good paragraphs that answers for the story.
#include "extract/paragraphs.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace newsx::extract {

namespace {

using segment::seg_block;

// jusText's parameters (length_low 70 and length_high 200 characters of
// English, max_link_density 0.2, max_heading_distance 200 characters), on
// the CJK scale of paragraph_weight: 70 English characters are about 12
// words, 24 units; 200 are about 35 words, 70 units.

/// A Latin word weighs like two CJK characters (content.cpp's scale).
constexpr std::uint32_t latin_word_units = 2;
/// Under this weight a block is short: too little to judge alone.
constexpr std::uint32_t short_below_units = 24;
/// From this weight a block with sentence punctuation is good alone.
constexpr std::uint32_t good_from_units = 70;
/// More link text than this share makes a block bad (a menu, a teaser).
constexpr double max_link_density = 0.2;
/// A heading counts as the story's when good text follows within this weight.
constexpr std::uint32_t max_heading_distance_units = 70;

/// Runs: good blocks with small bad stretches between them are one run; a
/// stretch of bad blocks weighing more than this ends it (a teaser list, a
/// share bar with its labels, a comment form) ...
constexpr std::uint32_t max_gap_units = 60;
/// ... and so does one bad block that is a link line of this weight or more
/// in a list or a heading (a teaser's headline): the story does not continue
/// across other stories. A linked paragraph (a promo, "Read more: ...") is
/// only a gap.
constexpr std::uint32_t link_line_units = 10;
constexpr double link_line_density = 0.5;
/// ... and so does a stretch of this many blocks none of which is prose on
/// its own (share labels, a player's controls, a comment's name and date):
/// jusText would let good neighbours vouch for them, but a story does not
/// pause that long.
constexpr std::size_t max_weak_stretch = 5;
/// The first run after the headline is where the story starts: it weighs
/// 1.5 against a larger run further down (content.cpp's near_headline_factor).
constexpr double first_after_headline_factor = 1.5;

/// Sentence punctuation: CJK marks always; ASCII ".", "!", "?", ";", ","
/// when a space or the end follows and no digit precedes (not "3.5", "1,000",
/// "example.com").
bool is_cjk_sentence_mark(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C || c == 0x3001 ||
         c == 0xFF1B || c == 0xFF0E;
}

bool is_ascii_sentence_mark(char32_t c) noexcept {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ',';
}

/// For every block, the class of its nearest neighbour on one side that is
/// good or bad (and near-good too unless ignore_near_good): one pass, so
/// asking for every block's neighbours stays linear.
void nearest_classes(std::span<const paragraph_class> cls, bool forward, bool ignore_near_good,
                     std::vector<paragraph_class>& out) {
  out.assign(cls.size(), paragraph_class::bad);  // the page's edge is chrome
  paragraph_class seen = paragraph_class::bad;
  for (std::size_t k = 0; k < cls.size(); ++k) {
    const std::size_t i = forward ? cls.size() - 1 - k : k;
    out[i] = seen;
    const paragraph_class c = cls[i];
    if (c == paragraph_class::good || c == paragraph_class::bad ||
        (c == paragraph_class::near_good && !ignore_near_good)) {
      seen = c;
    }
  }
}

/// Whether good text starts within max_heading_distance_units after each
/// block: the first good block after it, with the units between them.
void good_within_reach(std::span<const paragraph_class> cls, std::span<const paragraph_weight> w,
                       std::vector<bool>& out) {
  out.assign(cls.size(), false);
  std::uint64_t units_to_good = 0;  // units from the block after i to the next good one
  bool good_ahead = false;
  for (std::size_t k = cls.size(); k-- > 0;) {
    out[k] = good_ahead && units_to_good <= max_heading_distance_units;
    if (cls[k] == paragraph_class::good) {
      good_ahead = true;
      units_to_good = 0;
    } else {
      units_to_good += w[k].units;
    }
  }
}

}  // namespace

paragraph_weight weigh_paragraph(const seg_block& b) noexcept {
  paragraph_weight w;
  const std::string_view t = b.b.text;
  char32_t prev = 0;
  std::uint32_t cjk = 0;
  std::uint32_t words = 0;
  std::uint32_t punct = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < t.size();) {
    const char32_t c = util::next_cp(t, i);
    const bool word_char = util::is_ascii_alpha(c) || util::is_digit(c) ||
                           (c >= 0xC0 && !util::is_cjk(c) && !util::is_cjk_punct(c));
    if (util::is_cjk(c)) {
      ++cjk;
    } else if (util::is_cjk_punct(c)) {
      ++punct;
      w.sentence_marks += is_cjk_sentence_mark(c);
    } else if (is_ascii_sentence_mark(c)) {
      ++punct;
      std::size_t k = i;
      const char32_t next = i < t.size() ? util::next_cp(t, k) : U' ';
      w.sentence_marks += util::is_space(next) && !util::is_digit(prev);
    } else if (word_char && !in_word) {
      ++words;
    }
    in_word = word_char;
    if (c == 0xA9) w.copyright = true;
    prev = c;
  }
  w.units = cjk + punct + words * latin_word_units;
  if (b.chars != 0) {
    w.link_units = static_cast<std::uint32_t>(
        static_cast<std::uint64_t>(w.units) * std::min(b.link_chars, b.chars) / b.chars);
  }
  return w;
}

paragraph_class classify_alone(const seg_block& b, const paragraph_weight& w) noexcept {
  (void)b;
  if (w.units == 0) return paragraph_class::short_block;
  const double ld = static_cast<double>(w.link_units) / w.units;
  if (ld > max_link_density) return paragraph_class::bad;
  if (w.copyright && w.units < good_from_units) return paragraph_class::bad;  // a footer line
  if (w.units < short_below_units) {
    return w.link_units > 0 ? paragraph_class::bad : paragraph_class::short_block;
  }
  if (w.sentence_marks == 0) {
    // a long text with no sentence in it is a tag cloud or a menu; a
    // middling one (a subhead, a title) is for its neighbours to decide
    return w.units >= good_from_units ? paragraph_class::bad : paragraph_class::short_block;
  }
  return w.units >= good_from_units ? paragraph_class::good : paragraph_class::near_good;
}

namespace {

void classify_weighed(std::span<const seg_block> blocks, std::span<const paragraph_weight> w,
                      std::vector<paragraph_class>& out) {
  out.resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) out[i] = classify_alone(blocks[i], w[i]);
  const std::vector<paragraph_class> alone = out;
  auto is_heading = [&](std::size_t i) { return blocks[i].b.type == block_type::heading; };
  std::vector<bool> reach;
  std::vector<paragraph_class> before, after, before_any, after_any;

  // A short heading right before good text opens it: near-good.
  good_within_reach(out, w, reach);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (is_heading(i) && out[i] == paragraph_class::short_block && reach[i]) {
      out[i] = paragraph_class::near_good;
    }
  }
  // Short blocks take their neighbours' class (decided on the classes
  // before this step, as jusText does).
  nearest_classes(out, false, true, before);
  nearest_classes(out, true, true, after);
  nearest_classes(out, false, false, before_any);
  nearest_classes(out, true, false, after_any);
  std::vector<paragraph_class> next = out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (out[i] != paragraph_class::short_block) continue;
    if (before[i] == paragraph_class::good && after[i] == paragraph_class::good) {
      next[i] = paragraph_class::good;
    } else if (before[i] == paragraph_class::bad && after[i] == paragraph_class::bad) {
      next[i] = paragraph_class::bad;
    } else if ((before[i] == paragraph_class::bad && before_any[i] == paragraph_class::near_good) ||
               (after[i] == paragraph_class::bad && after_any[i] == paragraph_class::near_good)) {
      next[i] = paragraph_class::good;
    } else {
      next[i] = paragraph_class::bad;
    }
  }
  out = next;
  // Near-good blocks are good unless bad text surrounds them. Unlike
  // jusText, a near-good neighbour counts: Chinese stories are often all
  // paragraphs of 30 to 70 characters, near-good one by one, prose together;
  // a lone one between bad blocks (a comment, a caption) stays bad. The
  // blocks before have been decided already; those after not yet.
  nearest_classes(out, true, false, after_any);
  paragraph_class decided_before = paragraph_class::bad;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (out[i] == paragraph_class::near_good) {
      const bool lonely = decided_before == paragraph_class::bad && after_any[i] == paragraph_class::bad;
      out[i] = lonely ? paragraph_class::bad : paragraph_class::good;
    }
    if (out[i] == paragraph_class::good || out[i] == paragraph_class::bad) decided_before = out[i];
  }
  // A heading judged bad by its neighbours, not by its links, opens the
  // good text that follows it (a heading turned good here lies before the
  // ones still to be asked about, so one look ahead serves them all).
  good_within_reach(out, w, reach);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (is_heading(i) && out[i] == paragraph_class::bad && alone[i] != paragraph_class::bad && reach[i]) {
      out[i] = paragraph_class::good;
    }
  }
}

}  // namespace

void classify_paragraphs(std::span<const seg_block> blocks, std::vector<paragraph_class>& out) {
  std::vector<paragraph_weight> w(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) w[i] = weigh_paragraph(blocks[i]);
  classify_weighed(blocks, w, out);
}

paragraph_answer choose_paragraphs(const dom::document& doc, std::uint32_t headline,
                                   paragraph_scratch& scratch, segment::segments& seg,
                                   paragraph_scope scope) {
  auto& blocks = seg.blocks;
  auto& w = scratch.weights;
  w.resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) w[i] = weigh_paragraph(blocks[i]);
  classify_weighed(blocks, w, scratch.cls);
  const auto& cls = scratch.cls;

  // Runs of good blocks; the best one answers.
  struct run {
    std::size_t first = 0, last = 0;
    std::size_t last_prose = 0;
    std::uint64_t good_units = 0;
  };
  const std::uint32_t after_headline = headline != 0 ? doc[headline].end : 0;
  run best;
  double best_score = 0;
  bool first_after_seen = false;
  run cur;
  bool open = false;
  std::uint32_t gap = 0;
  std::size_t weak_stretch = 0;
  auto close = [&] {
    if (!open) return;
    open = false;
    cur.last = cur.last_prose;  // a run ends with prose, not with the labels after it
    double s = static_cast<double>(cur.good_units);
    if (headline != 0 && !first_after_seen && blocks[cur.first].node >= after_headline) {
      first_after_seen = true;
      s *= first_after_headline_factor;
    }
    if (s > best_score) {
      best_score = s;
      best = cur;
    }
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const paragraph_class alone = classify_alone(blocks[i], w[i]);
    const bool prose = alone == paragraph_class::good || alone == paragraph_class::near_good;
    weak_stretch = prose ? 0 : weak_stretch + 1;
    if (open && weak_stretch >= max_weak_stretch) close();
    if (cls[i] == paragraph_class::good) {
      if (!open) {
        cur = run{i, i, i, 0};
        open = true;
      }
      cur.last = i;
      if (prose) {
        cur.good_units += w[i].units;
        cur.last_prose = i;
      }
      gap = 0;
      continue;
    }
    if (!open) continue;
    gap += w[i].units;
    const block_type t = blocks[i].b.type;
    const bool link_line = (t == block_type::list_item || t == block_type::heading) &&
                           w[i].units >= link_line_units &&
                           static_cast<double>(w[i].link_units) > link_line_density * w[i].units;
    if (gap > max_gap_units || link_line) close();
  }
  close();

  paragraph_answer answer;
  if (scope == paragraph_scope::whole_page && !blocks.empty()) {
    best.first = 0;
    best.last = blocks.size() - 1;
    best_score = 1;
  }
  if (best_score <= 0) {
    seg.clear();
    return answer;
  }
  // Keep the run's good blocks, and the images among them.
  std::vector<std::size_t> new_index(blocks.size() + 1, 0);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    new_index[i] = kept;
    if (i < best.first || i > best.last || cls[i] != paragraph_class::good) continue;
    answer.chars += blocks[i].chars;
    answer.link_chars += blocks[i].link_chars;
    if (kept != i) blocks[kept] = std::move(blocks[i]);
    ++kept;
  }
  new_index[blocks.size()] = kept;
  blocks.resize(kept);
  answer.blocks = kept;
  auto& images = seg.images;
  std::size_t k = 0;
  for (std::size_t i = 0; i < images.size(); ++i) {
    if (images[i].next_block < best.first || images[i].next_block > best.last) continue;
    images[i].next_block = new_index[images[i].next_block];
    if (k != i) images[k] = std::move(images[i]);
    ++k;
  }
  images.resize(k);
  return answer;
}

paragraph_answer look_paragraphs(const dom::document& doc, std::uint32_t headline, bool fold_width,
                                 paragraph_scratch& scratch, segment::segments& out,
                                 paragraph_scope scope) {
  out.clear();
  if (doc.size() == 0) return {};
  segment::build_blocks(doc, doc.body(), dom::removed | dom::structural_chrome | dom::title_dup, out,
                        fold_width);
  return choose_paragraphs(doc, headline, scratch, out, scope);
}

namespace {

/// The scope beside root: its ancestor beside_levels up, below the body; 0
/// when root has no such ancestor.
std::uint32_t beside_scope(const dom::document& doc, std::uint32_t root) noexcept {
  auto page_level = [&](std::uint32_t a) {
    return a == 0 || doc[a].tag == dom::html_tag::body || doc[a].tag == dom::html_tag::html;
  };
  if (root == 0 || page_level(root)) return 0;
  std::uint32_t scope = root;
  for (int up = 0; up < beside_levels && !page_level(doc[scope].parent); ++up) scope = doc[scope].parent;
  return scope == root ? 0 : scope;
}

bool inside(const dom::document& doc, std::uint32_t i, std::uint32_t root) noexcept {
  return i >= root && i < doc[root].end;
}

/// The <article> that holds root and no other <article> (not a feed of
/// them): the markup's own bound of the story; 0 when there is none.
std::uint32_t story_article(const dom::document& doc, std::uint32_t root) noexcept {
  const std::uint32_t a = dom::enclosing(doc, root, dom::html_tag::article);
  if (a == 0) return 0;
  for (std::uint32_t k = a + 1; k < doc[a].end; ++k) {
    if (doc[k].type == dom::kind::element && doc[k].tag == dom::html_tag::article) return 0;
  }
  return a;
}

/// A block of the story's lead: after the headline and before root, inside
/// scope, under an ancestor of root that does not hold the headline (the
/// story's column, not its header: a standfirst beside the headline stays
/// out), not chrome by name. Comments and teasers stand after a story, not
/// between its headline and its text: the lead needs no shape test (an intro
/// box, the paragraphs above a "read more" fold).
bool in_lead(const dom::document& doc, std::uint32_t root, std::uint32_t headline, std::uint32_t scope,
             std::uint32_t node) {
  if (headline == 0 || scope == 0 || node < doc[headline].end || node >= root) return false;
  if (!inside(doc, node, scope) || (doc[node].flags & dom::boilerplate) != 0) return false;
  std::uint32_t a = root;
  while (!inside(doc, node, a)) a = doc[a].parent;
  return !inside(doc, headline, a);
}

/// A block beside root: outside root, and inside the story's own <article>
/// (story_article) without being chrome by name; or, when the story has no
/// <article> of its own, in the lead (in_lead) or inside scope, in a subtree shaped like root's: the
/// children of their common ancestor that hold the two have the same tag and
/// class (the story's next section, not the comments or the teasers that
/// share its column; on the public pages, without this test the added text
/// was as often comments and other stories as missed sections).
bool is_beside(const dom::document& doc, std::uint32_t root, std::uint32_t headline, std::uint32_t scope,
               std::uint32_t node, std::uint32_t article) {
  if (inside(doc, node, root)) return false;
  // the story's own <article> bounds it: inside, a good paragraph that is not
  // chrome by name is the story's; outside (the next story that infinite
  // scrolling appended in an <article> of the same shape), nothing is
  if (article != 0) return inside(doc, node, article) && (doc[node].flags & dom::boilerplate) == 0;
  if (in_lead(doc, root, headline, scope, node)) return true;
  if (scope == 0 || !inside(doc, node, scope)) return false;
  std::uint32_t r = root;
  while (!inside(doc, node, doc[r].parent)) r = doc[r].parent;
  const std::uint32_t a = doc[r].parent;
  if (node == a) return false;  // text right inside the common ancestor
  std::uint32_t c = node;
  while (doc[c].parent != a) c = doc[c].parent;
  return doc[c].tag == doc[r].tag && dom::attr(doc[c], "class") == dom::attr(doc[r], "class");
}

/// A block of the lead that is prose: not short, with a sentence mark (not
/// the headline repeated, a date, a count or a label above the story).
bool is_lead_prose(const segment::seg_block& b) noexcept {
  const paragraph_weight w = weigh_paragraph(b);
  return w.units >= short_below_units && w.sentence_marks > 0;
}

/// Whether block i is the one right after an image of the lead (its
/// caption or credit, when it has one). Blocks are asked in order; at is the
/// caller's cursor into images, which stand in document order.
template <typename InLead>
bool follows_image(const std::vector<segment::seg_image>& images, std::size_t i, std::size_t& at,
                   InLead in_lead_node) {
  while (at < images.size() && images[at].next_block < i) ++at;
  for (std::size_t k = at; k < images.size() && images[k].next_block == i; ++k) {
    if (in_lead_node(images[k].node)) return true;
  }
  return false;
}

}  // namespace

paragraph_overlap measure_overlap(const dom::document& doc, std::uint32_t root,
                                  std::uint32_t headline, const segment::segments& element,
                                  const segment::segments& paragraphs,
                                  std::vector<std::uint32_t>& nodes) {
  paragraph_overlap o;
  nodes.clear();
  for (const auto& b : element.blocks) nodes.push_back(b.node);
  std::sort(nodes.begin(), nodes.end());
  const std::uint32_t scope = beside_scope(doc, root);
  const std::uint32_t article = story_article(doc, root);
  std::size_t next_image = 0;
  for (std::size_t i = 0; i < paragraphs.blocks.size(); ++i) {
    const auto& b = paragraphs.blocks[i];
    if (std::binary_search(nodes.begin(), nodes.end(), b.node)) {
      o.shared_chars += b.chars;
    } else if (is_beside(doc, root, headline, scope, b.node, article)) {
      o.beside_chars += b.chars;
      o.beside_link_chars += b.link_chars;
      if (in_lead(doc, root, headline, scope, b.node) && is_lead_prose(b) &&
          !follows_image(paragraphs.images, i, next_image, [&](std::uint32_t node) {
            return in_lead(doc, root, headline, scope, node);
          })) {
        o.lead_chars += b.chars;
        o.lead_link_chars += b.link_chars;
        ++o.lead_blocks;
      }
    }
  }
  return o;
}

void add_beside(const dom::document& doc, std::uint32_t root, std::uint32_t headline,
                segment::segments& element, segment::segments& paragraphs, beside_part part) {
  const std::uint32_t scope = beside_scope(doc, root);
  const std::uint32_t article = story_article(doc, root);
  if (scope == 0 && article == 0) return;
  const bool lead_only = part == beside_part::lead;
  auto beside = [&](std::uint32_t node) {
    return is_beside(doc, root, headline, scope, node, article) &&
           (!lead_only || in_lead(doc, root, headline, scope, node));
  };
  // the lead alone comes as its prose (is_lead_prose), without its pictures
  // and the lines under them: a picture's caption above the story is what
  // the other sets leave out
  std::vector<bool> skip(lead_only ? paragraphs.blocks.size() : 0, false);
  if (lead_only) {
    for (std::size_t i = 0; i < skip.size(); ++i) skip[i] = !is_lead_prose(paragraphs.blocks[i]);
    for (const auto& im : paragraphs.images) {
      if (im.next_block < skip.size() && in_lead(doc, root, headline, scope, im.node)) skip[im.next_block] = true;
    }
  }
  segment::segments merged;
  std::vector<std::size_t> at(paragraphs.blocks.size() + 1, 0);  // paragraph index -> merged index
  auto take = [&](bool before) {
    for (std::size_t i = 0; i < paragraphs.blocks.size(); ++i) {
      auto& b = paragraphs.blocks[i];
      if ((lead_only && skip[i]) || !beside(b.node) || (b.node < root) != before) continue;
      at[i] = merged.blocks.size();
      merged.blocks.push_back(std::move(b));
    }
    for (auto& im : paragraphs.images) {
      if (lead_only || !beside(im.node) || (im.node < root) != before) continue;
      // the next block of the paragraph look, in merged order
      std::size_t next = merged.blocks.size();
      for (std::size_t i = im.next_block; i < paragraphs.blocks.size(); ++i) {
        if (beside(paragraphs.blocks[i].node) && (paragraphs.blocks[i].node < root) == before) {
          next = at[i];
          break;
        }
      }
      im.next_block = next;
      merged.images.push_back(std::move(im));
    }
  };
  take(true);
  const std::size_t offset = merged.blocks.size();
  for (auto& b : element.blocks) merged.blocks.push_back(std::move(b));
  for (auto& im : element.images) {
    im.next_block += offset;
    merged.images.push_back(std::move(im));
  }
  take(false);
  std::stable_sort(merged.images.begin(), merged.images.end(),
                   [](const segment::seg_image& a, const segment::seg_image& b) { return a.node < b.node; });
  element = std::move(merged);
}

}  // namespace newsx::extract
