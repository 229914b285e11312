#include "clean/cleaner.hpp"

#include <algorithm>

#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::clean {

using dom::html_tag;

namespace {

using dom::kind;

bool never_content(html_tag t) noexcept {
  switch (t) {
    case html_tag::script: case html_tag::style: case html_tag::noscript:
    case html_tag::template_: case html_tag::iframe: case html_tag::object:
    case html_tag::embed: case html_tag::svg: case html_tag::canvas:
    case html_tag::select: case html_tag::option: case html_tag::button:
    case html_tag::input: case html_tag::textarea: case html_tag::map:
    case html_tag::audio: case html_tag::video: case html_tag::head:
    case html_tag::math: case html_tag::applet: case html_tag::frameset:
    case html_tag::menu:
      return true;
    default:
      return false;
  }
}

bool boilerplate_token(std::string_view t) noexcept {
  return lexicon::is_one_of(t, lexicon::chrome_class_words);
}

bool overlay_token(std::string_view t) noexcept {
  return lexicon::is_one_of(t, lexicon::overlay_class_words);
}

bool content_token(std::string_view t) noexcept {
  return lexicon::is_one_of(t, lexicon::content_class_words);
}

/// Calls f(first_token, token) for every name token of every class word,
/// where first_token says whether it opens its word ("comment" in
/// "comment_content", not "content").
template <class F>
void for_each_word_token(std::string_view value, F&& f) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && util::is_ascii_space(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && !util::is_ascii_space(value[j])) ++j;
    bool first = true;
    for_each_name_token(value.substr(i, j - i), [&](std::string_view t) {
      f(first, t);
      first = false;
    });
    i = j;
  }
}

/// Prose-rich chrome named by the first word of a class: comment threads
/// ("comment_content", "comments-list") and the wiki furniture around an
/// entry (infobox, navbox, ambox notices, table of contents, references).
bool names_prose_chrome(std::string_view value) noexcept {
  bool hit = false;
  for_each_word_token(value, [&](bool first, std::string_view t) {
    hit = hit || (first && lexicon::is_one_of(t, lexicon::prose_chrome_class_words));
  });
  return hit;
}

/// An author's bio box ("author-bio", "news-author-bio", "authorProfile"): a
/// class word in which a writer token is followed by a bio token. It is chrome
/// however much prose the writer's life story holds.
bool names_bio_box(std::string_view value) noexcept {
  bool writer = false;
  bool hit = false;
  for_each_word_token(value, [&](bool first, std::string_view t) {
    if (first) writer = false;
    hit = hit || (writer && lexicon::is_one_of(t, lexicon::bio_box_class_words));
    writer = lexicon::is_one_of(t, lexicon::writer_class_words);
  });
  return hit;
}

/// A class word that starts with an overlay name ("cookie-banner",
/// "onetrust-consent-sdk", "gdpr-modal"); feature flags that merely mention
/// one ("enableInlineConsent") and the story itself ("article
/// modal-enabled") do not count.
bool names_overlay(std::string_view value) noexcept {
  bool overlay = false;
  bool story = false;
  for_each_word_token(value, [&](bool first, std::string_view t) {
    overlay = overlay || (first && overlay_token(t));
    story = story || content_token(t);
  });
  return overlay && !story;
}

bool marker_token(std::string_view t) noexcept {
  return lexicon::is_one_of(t, lexicon::embed_marker_words);
}

/// "EM_StockImg_Start" -> prefix "EM_StockImg", true.
bool region_marker(std::string_view comment, std::string_view suffix, std::string_view& prefix) {
  const std::string_view t = util::trim_ascii(comment);
  if (t.size() <= suffix.size() + 1) return false;
  if (!util::iequals(t.substr(t.size() - suffix.size()), suffix)) return false;
  std::string_view p = t.substr(0, t.size() - suffix.size());
  while (!p.empty() && (p.back() == '_' || p.back() == '-' || p.back() == ' ')) p.remove_suffix(1);
  bool marked = false;
  for_each_name_token(p, [&](std::string_view tok) { marked = marked || marker_token(tok); });
  if (!marked) return false;
  prefix = p;
  return true;
}

bool is_chart_image(const dom::node& n) noexcept {
  const std::string_view src = dom::attr(n, "src");
  const std::string_view alt = dom::attr(n, "alt");
  return util::icontains(src, lexicon::chart_image_src_word) ||
         !lexicon::prefix_in(alt, lexicon::chart_image_alt_openers).empty();
}

/// Prose in the nodes [begin, end): characters outside links, and inside them.
void prose_in(const dom::document& doc, std::uint32_t begin, std::uint32_t end, std::size_t& text,
              std::size_t& linked) {
  text = linked = 0;
  std::uint32_t link_end = 0;
  for (std::uint32_t k = begin; k < end; ++k) {
    const dom::node& n = doc[k];
    // never_content: the walk may not have flagged this subtree yet
    if ((n.flags & dom::removed) != 0 || (n.type == kind::element && never_content(n.tag))) {
      k = n.end - 1;
      continue;
    }
    if (n.type == kind::element && n.tag == html_tag::a && k >= link_end) link_end = n.end;
    if (n.type == kind::text) {
      const std::size_t c = util::cp_count(util::trim(n.text));
      (k < link_end ? linked : text) += c;
    }
  }
}

/// A name or a style is a hint, prose is evidence: 300+ characters of text
/// outside links (and under 30% linked) is article text whatever the wrapper
/// says (WeChat hides its article with visibility:hidden until scripts run).
bool holds_prose(const dom::document& doc, std::uint32_t begin, std::uint32_t end) {
  std::size_t text = 0;
  std::size_t linked = 0;
  prose_in(doc, begin, end, text, linked);
  return text >= 300 && linked * 10 < (text + linked) * 3;
}

/// The page's prose: characters outside links in the body.
std::size_t page_prose(const dom::document& doc) {
  std::size_t text = 0;
  std::size_t linked = 0;
  const std::uint32_t body = doc.body();
  if (body < doc.size()) prose_in(doc, body, doc[body].end, text, linked);
  return text;
}

/// A subtree that holds most of the page's prose is the story, whatever its
/// tag, role, class or style says: a <header role=banner> left open that
/// swallowed the article, a modal the story opens in, a wrapper hidden until
/// scripts run. Half of the page's text outside links, 300 characters or more.
constexpr double main_prose_share = 0.5;
bool holds_main_prose(const dom::document& doc, std::uint32_t begin, std::uint32_t end,
                      std::size_t page_text) {
  std::size_t text = 0;
  std::size_t linked = 0;
  prose_in(doc, begin, end, text, linked);
  return text >= 300 && linked * 10 < (text + linked) * 3 &&
         static_cast<double>(text) >= main_prose_share * static_cast<double>(page_text);
}

/// A <noscript> or <template> fallback is the story from this much prose.
constexpr std::size_t fallback_min_prose_chars = 300;

/// Hidden markup is the story only when it holds the page's main prose and
/// what is visible holds less than a story's worth (under 300 characters): a
/// wrapper hidden until scripts run. Hidden text beside a visible story is
/// dropped, however long.
bool hidden_story(const dom::document& doc, std::uint32_t begin, std::uint32_t end,
                  std::size_t page_text) {
  std::size_t text = 0;
  std::size_t linked = 0;
  prose_in(doc, begin, end, text, linked);
  const std::size_t visible = page_text - std::min(text, page_text);
  return text >= fallback_min_prose_chars && linked * 10 < (text + linked) * 3 &&
         static_cast<double>(text) >= main_prose_share * static_cast<double>(page_text) &&
         visible < fallback_min_prose_chars;
}

/// Refusals of chrome that holds the story, per page: each keeps a subtree
/// open and costs a count of it, so nested wrappers cannot make the walk quadratic.
constexpr std::size_t max_main_prose_checks = 8;

/// ... or that holds an element the markup calls the story (<article>,
/// <main>, role=main, itemprop=articleBody) with prose in it: chrome never
/// wraps one, a story opened in a modal does.
bool holds_marked_story(const dom::document& doc, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t k = begin + 1; k < end; ++k) {
    const dom::node& n = doc[k];
    if (n.type != kind::element) continue;
    if ((n.flags & dom::removed) != 0 || never_content(n.tag)) {
      k = n.end - 1;
      continue;
    }
    const bool story = n.tag == html_tag::article || n.tag == html_tag::main ||
                       dom::attr(n, "role") == "main" ||
                       dom::attr(n, "itemprop") == lexicon::article_body_itemprop;
    if (!story) continue;
    if (holds_prose(doc, k, n.end)) return true;
    k = n.end - 1;  // what it holds has less prose still
  }
  return false;
}

void flag_subtree(dom::document& doc, std::uint32_t i, std::uint16_t flags) {
  const std::uint32_t end = doc[i].end;
  for (std::uint32_t k = i; k < end; ++k) doc[k].flags |= flags;
}

}  // namespace

bool style_hides(std::string_view style) noexcept {
  // Compare with white space removed: "display: none", "DISPLAY:NONE".
  char buf[256];
  std::size_t len = 0;
  for (char c : style) {
    if (util::is_ascii_space(c)) continue;
    if (len == sizeof buf) break;
    buf[len++] = util::ascii_lower(c);
  }
  const std::string_view s(buf, len);
  return s.find("display:none") != std::string_view::npos ||
         s.find("visibility:hidden") != std::string_view::npos;
}

/// A CSS framework's display:none class word ("hidden", "d-none") with no
/// responsive word that shows the element again on wider screens.
bool class_hides(std::string_view cls) noexcept {
  bool hidden = false;
  std::size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && util::is_ascii_space(cls[i])) ++i;
    std::size_t e = i;
    while (e < cls.size() && !util::is_ascii_space(cls[e])) ++e;
    const std::string_view w = cls.substr(i, e - i);
    i = e;
    if (w.empty()) continue;
    for (std::string_view m : lexicon::responsive_display_marks) {
      if (w.find(m) != std::string_view::npos) return false;
    }
    hidden = hidden || lexicon::is_one_of(w, lexicon::hiding_class_words);
  }
  return hidden;
}

namespace {

/// What the class words of a class or id name: a word is chrome when a
/// chrome token comes after its last content token ("share-bar",
/// "article-share__item", "post-footer": the part of the story's block that is
/// chrome), content when it has content tokens and no chrome token at all;
/// "related-article" and "comment_content" are neither.
struct name_evidence {
  bool chrome = false;
  bool content = false;
};

name_evidence weigh_name(std::string_view v) noexcept {
  name_evidence e;
  bool word_chrome = false, word_content = false, word_any_chrome = false;
  auto close_word = [&]() {
    e.chrome = e.chrome || word_chrome;
    e.content = e.content || (word_content && !word_any_chrome);
    word_chrome = word_content = word_any_chrome = false;
  };
  for_each_word_token(v, [&](bool first, std::string_view t) {
    if (first) close_word();
    if (boilerplate_token(t)) {
      word_chrome = true;
      word_any_chrome = true;
    } else if (content_token(t)) {
      word_content = true;
      word_chrome = false;
    }
  });
  close_word();
  return e;
}

}  // namespace

bool is_boilerplate_name(std::string_view v) noexcept {
  const name_evidence e = weigh_name(v);
  return e.chrome && !e.content;
}

bool is_content_name(std::string_view v) noexcept {
  const name_evidence e = weigh_name(v);
  return e.content && !e.chrome;
}

void mark_non_content(dom::document& doc) {
  const std::uint32_t n = doc.size();
  // the <noscript> or <template> with the most prose, for pages that show
  // their story only there
  std::uint32_t fallback = 0;
  std::size_t fallback_text = 0;
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t prose = npos;  // the page's prose, counted when a hidden element asks
  std::size_t unread_kept = 0;  // aria-hidden wrappers kept as the story
  for (std::uint32_t i = 0; i < n; ++i) {
    dom::node& nd = doc[i];
    if (nd.type == kind::comment) {
      // <!-- X_Start --> ... <!-- X_End --> around a chart or ad embed: flag
      // the siblings between the pair.
      std::string_view prefix;
      if (!region_marker(nd.text, lexicon::embed_marker_start, prefix)) continue;
      const std::uint32_t parent_end = doc[nd.parent].end;
      std::uint32_t k = nd.end;
      std::uint32_t stop = 0;
      while (k < parent_end) {
        if (doc[k].type == kind::comment) {
          std::string_view p2;
          if (region_marker(doc[k].text, lexicon::embed_marker_end, p2) && util::iequals(p2, prefix)) {
            stop = k;
            break;
          }
        }
        k = doc[k].end;  // siblings only
      }
      if (stop == 0 || holds_prose(doc, nd.end, stop)) continue;
      for (std::uint32_t s = nd.end; s < stop; ++s) {
        doc[s].flags |= dom::removed | dom::embed;
      }
      continue;
    }
    if (nd.type != kind::element) continue;
    if (never_content(nd.tag)) {
      if (nd.tag == html_tag::noscript || nd.tag == html_tag::template_) {
        std::size_t text = 0;
        std::size_t linked = 0;
        prose_in(doc, i + 1, nd.end, text, linked);
        if (text > fallback_text && linked * 10 < (text + linked) * 3) {
          fallback = i;
          fallback_text = text;
        }
      }
      flag_subtree(doc, i, dom::removed);
      i = nd.end - 1;
      continue;
    }
    const bool hides = dom::has_attr(nd, "hidden") || style_hides(dom::attr(nd, "style")) ||
                       class_hides(dom::attr(nd, "class"));
    // aria-hidden hides nothing from the eye: a page saved while a dialog was
    // open carries it on the wrapper of the whole page, story and all (dialog
    // scripts mark every child of <body> but the dialog). Such a wrapper stays
    // when it is a child of <body> with prose, or holds the page's main prose
    // or a marked story with prose (a carousel's hidden slides do neither).
    const bool unread = !hides && dom::attr(nd, "aria-hidden") == "true";
    if (hides || unread) {
      if (prose == npos) prose = page_prose(doc);
      // each wrapper kept is walked again inside: they are few
      const bool story = hides ? hidden_story(doc, i, nd.end, prose)
                               : unread_kept < max_main_prose_checks &&
                                     ((doc[nd.parent].tag == html_tag::body && holds_prose(doc, i, nd.end)) ||
                                      holds_main_prose(doc, i, nd.end, prose) ||
                                      holds_marked_story(doc, i, nd.end));
      unread_kept += unread && story;
      if (!story) {
        flag_subtree(doc, i, dom::removed | dom::hidden);
        i = nd.end - 1;
        continue;
      }
    }
    const std::string_view cls = dom::attr(nd, "class");
    if (util::icontains(cls, lexicon::chart_remark_class) || (nd.tag == html_tag::img && is_chart_image(nd))) {
      flag_subtree(doc, i, dom::removed | dom::embed);
      i = nd.end - 1;
      continue;
    }
  }
  // Some blog platforms render the post with scripts and keep it, for
  // readers without them, only inside <noscript> or a <template>: when that
  // holds prose and more of it than the whole visible page, it is the story.
  if (fallback != 0 && fallback_text >= fallback_min_prose_chars &&
      fallback_text > page_prose(doc)) {
    const std::uint32_t end = doc[fallback].end;
    for (std::uint32_t k = fallback; k < end; ++k) doc[k].flags &= static_cast<std::uint16_t>(~dom::removed);
    for (std::uint32_t k = fallback + 1; k < end; ++k) {
      if (doc[k].type == kind::element && never_content(doc[k].tag)) {
        flag_subtree(doc, k, dom::removed);
        k = doc[k].end - 1;
      }
    }
  }
}

void mark_boilerplate(dom::document& doc) {
  // One walk computes both looks: `boilerplate` with class and id names as
  // evidence, `structural_chrome` with tags, roles and overlays only (the
  // second look, for pages whose class names mislead). Each look stops at
  // the first element it flags, as if it were walked alone.
  const std::uint32_t n = doc.size();
  std::uint32_t named_end = 0;       // inside a subtree flagged boilerplate until here
  std::uint32_t structural_end = 0;  // inside one flagged structural_chrome until here
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t prose = npos;  // the page's prose, counted when chrome may hold the story
  std::size_t main_prose_checks = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    dom::node& nd = doc[i];
    if (nd.type != kind::element || (nd.flags & dom::removed) != 0) continue;
    const bool named_done = i < named_end;
    const bool structural_done = i < structural_end;
    if (named_done && structural_done) {
      i = std::min(named_end, structural_end) - 1;
      continue;
    }
    // Whole-page containers carry page-wide classes ("weibo_login", "has-ads"):
    // judging them by name would throw the article away with the chrome.
    if (nd.tag == html_tag::html || nd.tag == html_tag::body || nd.tag == html_tag::main ||
        nd.tag == html_tag::article || nd.tag == html_tag::form) {
      continue;
    }
    bool by_structure = nd.tag == html_tag::nav || nd.tag == html_tag::footer ||
                        nd.tag == html_tag::aside ||
                        lexicon::is_one_of(dom::attr(nd, "role"), lexicon::chrome_roles);
    bool by_name = by_structure;
    bool prose_chrome = false;
    if (!by_structure) {
      const std::string_view role = dom::attr(nd, "role");
      const std::string_view cls = dom::attr(nd, "class");
      const std::string_view id = dom::attr(nd, "id");
      bool overlay = role == "dialog" || dom::attr(nd, "aria-modal") == "true";
      bool bio_box = false;
      for (std::string_view v : {cls, id}) {
        overlay = overlay || names_overlay(v);
        prose_chrome = prose_chrome || names_prose_chrome(v);
        bio_box = bio_box || names_bio_box(v);
      }
      // a bio box is chrome in both looks: the second, by tags and roles,
      // must not take the writer's life story back
      by_structure = overlay || bio_box;
      prose_chrome = prose_chrome || bio_box;
      // a "share-area" wrapper around the whole story stays; a consent
      // dialog full of legal prose does not
      const bool named = (!cls.empty() && is_boilerplate_name(cls)) ||
                         (!id.empty() && is_boilerplate_name(id));
      by_name = overlay || prose_chrome || (named && !holds_prose(doc, i, nd.end));
    }
    // Chrome by tag, role or overlay that holds most of the page's prose is
    // the story (a banner left open around it, the modal it opens in). Each
    // refusal keeps a subtree open for its nested chrome, so they are few.
    if (by_structure && main_prose_checks < max_main_prose_checks &&
        (holds_main_prose(doc, i, nd.end, prose == npos ? (prose = page_prose(doc)) : prose) ||
         holds_marked_story(doc, i, nd.end))) {
      ++main_prose_checks;
      by_structure = false;
      by_name = by_name && prose_chrome;
    }
    if (by_name && !named_done) {
      flag_subtree(doc, i, dom::boilerplate);
      named_end = nd.end;
    }
    if (by_structure && !structural_done) {
      flag_subtree(doc, i, dom::structural_chrome);
      structural_end = nd.end;
    }
  }
}

namespace {

bool holds_block(const dom::document& doc, std::uint32_t i) noexcept {
  for (std::uint32_t k = i + 1; k < doc[i].end; ++k) {
    if (doc[k].type == kind::element && dom::is_block_tag(doc[k].tag)) return true;
  }
  return false;
}

}  // namespace

void mark_links(dom::document& doc) {
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    dom::node& nd = doc[i];
    if (nd.type != kind::element || nd.tag != html_tag::a || !dom::has_attr(nd, "href")) continue;
    // An <a> the page left open is reopened by the parser in every later
    // paragraph, as browsers do: the page wrote that link once, and its
    // copies are no links. Left open, an <a> holds what follows it; its link
    // ends where the first block does.
    if ((nd.markup & dom::parser_clone) != 0) continue;
    // A javascript: href wrapped around paragraphs is a script's click
    // handler on the page's own text, not a link to elsewhere (a short
    // javascript: button, "Close", stays a link).
    if (util::istarts_with(util::trim(dom::attr(nd, "href")), "javascript:") && holds_block(doc, i)) continue;
    std::uint32_t end = nd.end;
    if ((nd.markup & dom::unclosed) != 0) {
      for (std::uint32_t k = i + 1; k < nd.end; ++k) {
        if (doc[k].type == kind::element && dom::is_block_tag(doc[k].tag)) {
          end = k;
          break;
        }
      }
    }
    for (std::uint32_t k = i; k < end; ++k) doc[k].flags |= dom::in_link;
    i = end - 1;
  }
}

void mark_headline(dom::document& doc, std::uint32_t headline) {
  if (headline != 0) doc[headline].flags |= dom::title_dup;
}

}  // namespace newsx::clean
