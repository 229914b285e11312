#include "extract/resolve.hpp"

#include <span>

#include "util/text.hpp"

namespace newsx::extract {

std::string_view origin_name(origin o) noexcept {
  switch (o) {
    case origin::hint: return "hint";
    case origin::front_matter: return "front_matter";
    case origin::post_link: return "post_link";
    case origin::headline_element: return "headline_element";
    case origin::og_title: return "og_title";
    case origin::title_tag: return "title_tag";
    case origin::byline_label: return "byline_label";
    case origin::byline_outlet: return "byline_outlet";
    case origin::byline_english: return "byline_english";
    case origin::byline_markup: return "byline_markup";
    case origin::byline_date: return "byline_date";
    case origin::credit_line: return "credit_line";
    case origin::trailing_credit: return "trailing_credit";
    case origin::dateline: return "dateline";
    case origin::summary_credit: return "summary_credit";
    case origin::name_by_date: return "name_by_date";
    case origin::after_content: return "after_content";
    case origin::lead_reporter: return "lead_reporter";
    case origin::page_meta: return "page_meta";
  }
  return "unknown";
}

namespace {

// ---------------------------------------------------------------------------
// Precedence: the first row that has a candidate wins; within a row, the
// first candidate in document order. A reader only adds what it found; these
// tables alone say whom to believe.

/// The headline a reader sees beats what the head says about the page.
constexpr origin title_precedence[] = {
    origin::front_matter,      // a post says what its title is
    origin::headline_element,  // the element that shows the headline carries no site name
    origin::og_title,
    origin::title_tag,
};

/// Who first published the story: what the page labels as such, then the
/// credits the body carries, then weaker clues, then what <meta> says.
constexpr origin source_precedence[] = {
    origin::front_matter,
    origin::byline_label,     // "来源：新华社"
    origin::byline_outlet,    // "2019-09-26 10:56 证券时报网"
    origin::credit_line,      // "（文章来源：智通财经网）" in the body
    origin::trailing_credit,  // "…。（央视新闻）"
    origin::dateline,         // "新华社北京5月9日电"
    origin::summary_credit,   // a post digest ending "（中证网）"
    origin::name_by_date,     // "棱镜 2019-09-23 07:48": a weak clue
    origin::after_content,    // "来源：…" just below the story
    origin::page_meta,        // <meta name=source>, JSON-LD publisher
};

/// A row of a table whose rows also say what a candidate must satisfy.
template <class Rule>
struct row {
  origin from;
  Rule rule;
};

/// <meta name=author> is often the site itself: last, and never the source.
/// The byline markup (itemprop=author, rel=author, class=byline) comes before
/// the "By …" scan: it marks where the name starts and ends, where the scan of
/// the flat byline text can run into the next words ("Benjamin Romano Seattle
/// Times"); measured on the English pages it loses nothing to that order and
/// fixes those. It comes after the labelled byline (作者：), which is what
/// Chinese pages show, and before <meta>: putting <meta> first costs Chinese
/// pages their reporters (the site's account wins).
enum class author_rule : std::uint8_t { any, not_the_source };
constexpr row<author_rule> author_precedence[] = {
    {origin::front_matter, author_rule::any},
    {origin::byline_label, author_rule::any},    // "作者：张三", "记者 李四"
    {origin::byline_markup, author_rule::any},   // itemprop=author, rel=author, class=byline
    {origin::byline_english, author_rule::any},  // "By Jane Q. Doe"
    {origin::lead_reporter, author_rule::any},   // "（记者 张三）" opening the story
    {origin::page_meta, author_rule::not_the_source},
};

/// The visible byline is what readers (and editors) see: it beats <meta>,
/// whose times are often the CMS's, in UTC, or rounded to the day — but a
/// time beats a bare day wherever it comes from.
enum class date_rule : std::uint8_t { any, with_time };
constexpr row<date_rule> date_precedence[] = {
    {origin::front_matter, date_rule::any},
    {origin::byline_date, date_rule::with_time},
    {origin::page_meta, date_rule::with_time},
    {origin::byline_date, date_rule::any},
    {origin::page_meta, date_rule::any},
};

/// A post's own link, then where the document was fetched from, then what
/// the page says about itself (canonical, og:url).
constexpr origin url_precedence[] = {
    origin::post_link,
    origin::front_matter,
    origin::hint,
    origin::page_meta,
};

std::optional<std::string> first_by(std::span<const text_candidate> candidates,
                                    std::span<const origin> precedence) {
  for (origin from : precedence) {
    for (const text_candidate& c : candidates) {
      if (c.from == from && !c.value.empty()) return c.value;
    }
  }
  return std::nullopt;
}

// is_article: a page is a story when it has prose, mostly not links.
constexpr std::size_t article_min_prose_chars = 150;
/// A short story still is one when it has what articles have: a headline of
/// its own and a dated byline.
constexpr std::size_t dated_story_min_prose_chars = 50;
constexpr double article_max_link_density = 0.5;
/// A page with neither a headline of its own nor a date is a listing when
/// its body is a list of teasers on a page that dates many of them...
constexpr double listing_min_list_share = 0.9;
constexpr std::size_t listing_min_timestamps = 20;
/// ... or when it has little prose on a page that is mostly links.
constexpr std::size_t listing_max_prose_chars = 300;
constexpr double listing_min_page_link_density = 0.75;

/// The second look must find half as much text again to be believed.
constexpr double second_look_gain = 1.5;

}  // namespace

std::optional<std::string> resolve_title(const facts& f) {
  return first_by(f.title, title_precedence);
}

std::optional<std::string> resolve_source(const facts& f) {
  return first_by(f.source, source_precedence);
}

std::optional<std::string> resolve_url(const facts& f) { return first_by(f.url, url_precedence); }

namespace {

bool has_lower(std::string_view s) noexcept {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

/// A name in capitals ("JANE DOE", often CSS text-transform over the page's
/// "Jane Doe") gives way to another candidate of the same name in mixed case.
std::string as_written(const facts& f, const std::string& winner) {
  if (has_lower(winner)) return winner;
  for (const text_candidate& c : f.author) {
    if (has_lower(c.value) && util::iequals(c.value, winner)) return c.value;
  }
  return winner;
}

}  // namespace

std::optional<std::string> resolve_author(const facts& f, const std::optional<std::string>& source) {
  for (const auto& r : author_precedence) {
    for (const text_candidate& c : f.author) {
      if (c.from != r.from || c.value.empty()) continue;
      if (r.rule == author_rule::not_the_source && source && c.value == *source) continue;
      return as_written(f, c.value);
    }
  }
  return std::nullopt;
}

std::optional<std::string> resolve_date(const facts& f, std::string_view default_offset) {
  for (const auto& r : date_precedence) {
    for (const date_candidate& c : f.date) {
      if (c.from != r.from) continue;
      if (r.rule == date_rule::with_time && !c.date.has_time) continue;
      return format_date(c.date, default_offset);
    }
  }
  return std::nullopt;
}

bool needs_page_profile(const article_signals& s) noexcept { return !s.has_headline && !s.has_date; }

bool resolve_is_article(const article_signals& s) noexcept {
  const bool dated_story =
      s.has_headline && s.has_date && s.prose_chars >= dated_story_min_prose_chars;
  if (!(s.prose_chars >= article_min_prose_chars || dated_story) ||
      s.link_density >= article_max_link_density) {
    return false;
  }
  if (!needs_page_profile(s)) return true;
  const bool teaser_list = s.list_share >= listing_min_list_share &&
                           s.page_timestamps >= listing_min_timestamps;
  const bool link_page = s.prose_chars < listing_max_prose_chars &&
                         s.page_link_density >= listing_min_page_link_density;
  return !teaser_list && !link_page;
}

bool prefer_second_look(std::size_t first_chars, std::size_t second_chars) noexcept {
  // integer form of second > first * second_look_gain, as first + first / 2
  static_assert(second_look_gain == 1.5);
  return second_chars > first_chars + first_chars / 2;
}

}  // namespace newsx::extract
