#include "clean/cleaner.hpp"

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

bool in_list(std::string_view token, std::initializer_list<std::string_view> list) noexcept {
  for (std::string_view w : list) {
    if (token == w) return true;
  }
  return false;
}

bool boilerplate_token(std::string_view t) noexcept {
  return in_list(t, {"nav", "navbar", "navigation", "menu", "menus", "footer", "foot",
                     "sidebar", "side", "aside", "share", "sharing", "social", "related",
                     "relate", "recommend", "recommended", "recom", "comment", "comments",
                     "reply", "ad", "ads", "advert", "advertisement", "adv", "banner",
                     "breadcrumb", "breadcrumbs", "crumb", "crumbs", "copyright", "login",
                     "subscribe", "newsletter", "toolbar", "pager", "pagination", "popup",
                     "modal", "cookie", "widget", "rank", "ranking", "hotnews", "gotop",
                     "backtop", "qrcode", "erweima", "sitemap", "promo", "sponsor",
                     "disclaimer", "statement", "tool", "tools", "bshare", "jiathis", "author",
                     "bio", "profile", "donate", "donation", "contribute", "contribution", "util",
                     "utils", "utility", "layer",
                     "membership", "subscription"});
}

/// Chrome that carries prose of its own: consent dialogs and pop-ups. Their
/// names decide even when they hold a lot of text.
bool overlay_token(std::string_view t) noexcept {
  return in_list(t, {"cookie", "cookies", "consent", "onetrust", "gdpr", "popup", "modal"});
}

bool content_token(std::string_view t) noexcept;

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
    hit = hit || (first && in_list(t, {"comment", "comments", "reply", "replies", "disqus",
                                       "infobox", "navbox", "ambox", "mbox", "toc", "catlinks",
                                       "reflist", "references", "noprint"}));
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

bool content_token(std::string_view t) noexcept {
  return in_list(t, {"article", "content", "post", "entry", "main", "body", "text", "story",
                     "detail", "zhengwen", "artibody", "cont", "txt", "con", "articlebody",
                     "newstext", "newscontent", "maintext", "contentmain", "neirong"});
}

bool marker_token(std::string_view t) noexcept {
  return in_list(t, {"stockimg", "stock", "img", "chart", "kline", "quote"});
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
  return util::icontains(src, "kline") || alt.substr(0, 4) == "K\xE5\x9B\xBE" /* K图 */ ||
         alt.substr(0, 9) == "\xE5\x88\x86\xE6\x97\xB6\xE5\x9B\xBE" /* 分时图 */;
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

bool is_boilerplate_name(std::string_view v) noexcept {
  bool boiler = false;
  bool content = false;
  for_each_name_token(v, [&](std::string_view t) {
    boiler = boiler || boilerplate_token(t);
    content = content || content_token(t);
  });
  return boiler && !content;
}

bool is_content_name(std::string_view v) noexcept {
  bool content = false;
  bool boiler = false;
  for_each_name_token(v, [&](std::string_view t) {
    content = content || content_token(t);
    boiler = boiler || boilerplate_token(t);
  });
  return content && !boiler;
}

void mark_non_content(dom::document& doc) {
  const std::uint32_t n = doc.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    dom::node& nd = doc[i];
    if (nd.type == kind::comment) {
      // <!-- X_Start --> ... <!-- X_End --> around a chart or ad embed: flag
      // the siblings between the pair.
      std::string_view prefix;
      if (!region_marker(nd.text, "Start", prefix)) continue;
      const std::uint32_t parent_end = doc[nd.parent].end;
      std::uint32_t k = nd.end;
      std::uint32_t stop = 0;
      while (k < parent_end) {
        if (doc[k].type == kind::comment) {
          std::string_view p2;
          if (region_marker(doc[k].text, "End", p2) && util::iequals(p2, prefix)) {
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
      flag_subtree(doc, i, dom::removed);
      i = nd.end - 1;
      continue;
    }
    if ((dom::has_attr(nd, "hidden") || style_hides(dom::attr(nd, "style")) ||
         dom::attr(nd, "aria-hidden") == "true") &&
        !holds_prose(doc, i, nd.end)) {
      flag_subtree(doc, i, dom::removed | dom::hidden);
      i = nd.end - 1;
      continue;
    }
    const std::string_view cls = dom::attr(nd, "class");
    if (util::icontains(cls, "EmImageRemark") || (nd.tag == html_tag::img && is_chart_image(nd))) {
      flag_subtree(doc, i, dom::removed | dom::embed);
      i = nd.end - 1;
      continue;
    }
  }
}

void mark_boilerplate(dom::document& doc, bool by_name) {
  const std::uint32_t n = doc.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    dom::node& nd = doc[i];
    if (nd.type != kind::element || (nd.flags & dom::removed) != 0) continue;
    // Whole-page containers carry page-wide classes ("weibo_login", "has-ads"):
    // judging them by name would throw the article away with the chrome.
    if (nd.tag == html_tag::html || nd.tag == html_tag::body || nd.tag == html_tag::main ||
        nd.tag == html_tag::article || nd.tag == html_tag::form) {
      continue;
    }
    bool chrome = false;
    switch (nd.tag) {
      case html_tag::nav:
      case html_tag::footer:
      case html_tag::aside:
        chrome = true;
        break;
      default: {
        const std::string_view role = dom::attr(nd, "role");
        chrome = role == "navigation" || role == "banner" || role == "contentinfo" ||
                 role == "complementary";
        if (!chrome) {
          const std::string_view cls = dom::attr(nd, "class");
          const std::string_view id = dom::attr(nd, "id");
          chrome = by_name && ((!cls.empty() && is_boilerplate_name(cls)) ||
                               (!id.empty() && is_boilerplate_name(id)));
          bool overlay = role == "dialog" || dom::attr(nd, "aria-modal") == "true";
          for (std::string_view v : {cls, id}) {
            overlay = overlay || names_overlay(v) || (by_name && names_prose_chrome(v));
          }
          // a "share-area" wrapper around the whole story stays; a consent
          // dialog full of legal prose does not
          if (overlay) {
            chrome = true;
          } else if (chrome && holds_prose(doc, i, nd.end)) {
            chrome = false;
          }
        }
      }
    }
    if (chrome) {
      flag_subtree(doc, i, dom::boilerplate);
      i = nd.end - 1;
    }
  }
}

}  // namespace newsx::clean
