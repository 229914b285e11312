#include "extract/resolve.hpp"

#include <algorithm>
#include <span>

#include "lexicon/lexicon.hpp"
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
    case origin::declared_title: return "declared_title";
    case origin::title_tag_read: return "title_tag_read";
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
    case origin::account_by_date: return "account_by_date";
    case origin::after_content: return "after_content";
    case origin::declared_person: return "declared_person";
    case origin::lead_reporter: return "lead_reporter";
    case origin::page_meta: return "page_meta";
    case origin::page_data: return "page_data";
  }
  return "unknown";
}

namespace {

// ---------------------------------------------------------------------------
// Precedence: the first row that has a candidate wins; within a row, the
// first candidate in document order. A reader only adds what it found; these
// tables alone say whom to believe.

/// The headline convention (pages in CJK scripts): the headline a
/// reader sees beats what the head says about the page, whose titles chain
/// channel and site names ("标题_财经频道_新浪网") that no one cites.
constexpr origin headline_title_precedence[] = {
    origin::front_matter,      // a post says what its title is
    origin::headline_element,  // the element that shows the headline carries no site name
    origin::og_title,
    origin::title_tag,
};

/// The declared convention (pages in other scripts): the title as the page
/// declares it, verbatim, which is what Readability.js and trafilatura
/// report for such pages ("How to Build a Terrarium | eHow"), then <title>
/// as Readability reads it, then the headline shown.
constexpr origin declared_title_precedence[] = {
    origin::front_matter,
    origin::declared_title,
    origin::title_tag_read,
    origin::headline_element,
};


/// A row of a table whose rows also say what a candidate must satisfy.
template <class Rule>
struct row {
  origin from;
  Rule rule;
};

/// Who first published the story: what the page labels as such, then the
/// credits the body carries, then what <meta> says, then weak clues. A weak
/// clue that <meta> confirms is no longer weak.
enum class source_rule : std::uint8_t { any, confirmed_by_page_meta, not_a_writer };
constexpr row<source_rule> source_precedence[] = {
    {origin::front_matter, source_rule::any},
    {origin::byline_label, source_rule::any},     // "来源：新华社"
    {origin::byline_outlet, source_rule::any},    // "2019-09-26 10:56 证券时报网"
    {origin::name_by_date, source_rule::confirmed_by_page_meta},  // "新浪财经综合 2019-…" and <meta> agree
    {origin::credit_line, source_rule::any},      // "（文章来源：智通财经网）" in the body
    {origin::trailing_credit, source_rule::any},  // "…。（央视新闻）"
    {origin::dateline, source_rule::any},         // "新华社北京5月9日电"
    {origin::summary_credit, source_rule::any},   // a post digest ending "（中证网）"
    {origin::after_content, source_rule::any},    // "来源：…" just below the story
    {origin::page_meta, source_rule::any},        // <meta name=source>, JSON-LD publisher
    // "棱镜 2019-09-23 07:48": a weak clue; "邱晓芬·2024年05月30日" is the writer by the date
    {origin::name_by_date, source_rule::not_a_writer},
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
    {origin::byline_label, author_rule::any},     // "作者：张三", "记者 李四", "石佳/中国青年报"
    {origin::byline_markup, author_rule::any},    // itemprop=author, rel=author, class=byline
    {origin::credit_line, author_rule::any},      // a credit line opening or closing the story
    {origin::byline_english, author_rule::any},   // "By Jane Q. Doe"
    {origin::lead_reporter, author_rule::any},    // "（记者 张三）" opening the story
    {origin::trailing_credit, author_rule::any},  // "…。（文/袁庭岚）", "…。（钟才文）"
    {origin::after_content, author_rule::any},    // "[作者: 刘满仓 责任编辑: …]" below the story
    {origin::account_by_date, author_rule::any},  // "价值老猫 发布于2024-05-20 22:13", a 关注 button
    {origin::declared_person, author_rule::any},  // JSON-LD "@type": "Person", the site's name or not
    {origin::page_meta, author_rule::not_the_source},
};

/// The visible byline is what readers (and editors) see: it beats <meta>,
/// whose times are often the CMS's, in UTC, or rounded to the day — but a
/// time beats a bare day wherever it comes from. What the page keeps for its
/// scripts (<time datetime>, data-time, "publishTime" in inline JSON) comes
/// last: it is unlabelled and may date another story on the page.
/// Modification dates have the same table and never enter the date's.
enum class date_rule : std::uint8_t { any, with_time };
constexpr row<date_rule> date_precedence[] = {
    {origin::front_matter, date_rule::any},
    {origin::byline_date, date_rule::with_time},
    {origin::page_meta, date_rule::with_time},
    {origin::byline_date, date_rule::any},
    {origin::page_meta, date_rule::any},
    {origin::page_data, date_rule::with_time},
    {origin::page_data, date_rule::any},
    {origin::after_content, date_rule::any},  // "发布日期：…" in the story's footer
};

/// A post's own link, then where the document was fetched from, then what
/// the page says about itself (canonical, og:url).
constexpr origin url_precedence[] = {
    origin::post_link,
    origin::front_matter,
    origin::hint,
    origin::page_meta,
};

constexpr origin origin_of(origin o) noexcept { return o; }
template <class Rule>
constexpr origin origin_of(const row<Rule>& r) noexcept {
  return r.from;
}

/// The first candidate, row by row, that accept(row, candidate) takes. With
/// a trace, every candidate is listed in precedence order, the winner marked.
template <class Row, class Candidate, class Value, class Accept>
std::optional<std::string> pick(std::span<const Candidate> candidates, std::span<const Row> precedence,
                                std::string_view field, Value value_of, Accept accept, trace* t) {
  std::optional<std::string> won;
  for (const Row& r : precedence) {
    for (const Candidate& c : candidates) {
      if (c.from != origin_of(r)) continue;
      std::string value = value_of(c);
      if (value.empty()) continue;
      const bool take = !won && accept(r, c);
      if (take) won = value;
      if (t == nullptr) {
        if (take) return won;
        continue;
      }
      // a candidate weighed by two rows (a date with and without its time)
      // is listed once, chosen if either row took it
      const std::string_view from = origin_name(c.from);
      const auto seen = std::find_if(t->begin(), t->end(), [&](const candidate& x) {
        return x.field == field && x.origin == from && x.value == value;
      });
      if (seen != t->end()) {
        seen->chosen = seen->chosen || take;
      } else {
        t->push_back({std::string(field), std::move(value), std::string(from), take});
      }
    }
  }
  return won;
}

std::optional<std::string> first_by(std::span<const text_candidate> candidates,
                                    std::span<const origin> precedence, std::string_view field,
                                    trace* t) {
  return pick(candidates, precedence, field, [](const text_candidate& c) { return c.value; },
              [](origin, const text_candidate&) { return true; }, t);
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

/// The paragraph look's text beside the element joins it when the look
/// agrees with the element (holds four fifths of its text: they found the
/// same story) and adds a quarter of it again, at least 200 characters,
/// nearly free of links (a story cut into sections, one of them chosen).
/// (Letting the paragraph look replace a short or link-heavy element was
/// tried: on the public pages it chose another story or the comments as
/// often as it found a missed one.)
constexpr double agree_share = 0.8;
constexpr double added_share = 0.25;
constexpr std::size_t added_min_chars = 200;
constexpr double added_max_link_density = 0.1;
/// The lead (the good paragraphs between the headline and the element, in
/// the element's column: a standfirst, a story's first section under another
/// class) is the story wherever the looks agree: it needs no share of the
/// element, only a paragraph's worth of prose nearly free of links.
constexpr std::size_t lead_min_chars = 100;
/// ... in two paragraphs or more: one line above the story is as often a
/// dateline, a label or a teaser as its lead.
constexpr std::size_t lead_min_blocks = 2;

}  // namespace

page_convention page_convention_of(std::string_view lang) noexcept {
  return lang == "zh" || lang == "ja" || lang == "ko" ? page_convention::shown : page_convention::declared;
}

std::optional<std::string> resolve_title(const facts& f, page_convention c, trace* t) {
  if (c == page_convention::shown) return first_by(f.title, headline_title_precedence, "title", t);
  return first_by(f.title, declared_title_precedence, "title", t);
}

std::optional<std::string> resolve_source(const facts& f, trace* t) {
  auto said_by_meta = [&](const text_candidate& c) {
    return std::any_of(f.source.begin(), f.source.end(), [&](const text_candidate& m) {
      return m.from == origin::page_meta && m.value == c.value;
    });
  };
  auto named_as_author = [&](const text_candidate& c) {
    return std::any_of(f.author.begin(), f.author.end(),
                       [&](const text_candidate& a) { return a.value == c.value; });
  };
  std::optional<std::string> source = pick(
      std::span<const text_candidate>(f.source), std::span<const row<source_rule>>(source_precedence),
      "source", [](const text_candidate& c) { return c.value; },
      [&](const row<source_rule>& r, const text_candidate& c) {
        if (lexicon::found_in(c.value, lexicon::no_outlet_words)) return false;
        switch (r.rule) {
          case source_rule::confirmed_by_page_meta: return said_by_meta(c);
          case source_rule::not_a_writer: return !named_as_author(c);
          case source_rule::any: break;
        }
        return true;
      },
      t);
  // the outlet, not its edition
  if (source) {
    const std::string_view edition = lexicon::suffix_in(*source, lexicon::outlet_edition_suffixes);
    if (!edition.empty() && util::cp_count(*source) > util::cp_count(edition) + 1) {
      source->resize(source->size() - edition.size());
    }
  }
  return source;
}

std::optional<std::string> resolve_url(const facts& f, trace* t) {
  return first_by(f.url, url_precedence, "url", t);
}

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

std::optional<std::string> resolve_author(const facts& f, const std::optional<std::string>& source,
                                          trace* t) {
  std::optional<std::string> won = pick(
      std::span<const text_candidate>(f.author), std::span<const row<author_rule>>(author_precedence),
      "author", [](const text_candidate& c) { return c.value; },
      [&](const row<author_rule>& r, const text_candidate& c) {
        if (lexicon::is_one_of(c.value, lexicon::no_writer_words)) return false;
        return r.rule != author_rule::not_the_source || !source || c.value != *source;
      },
      t);
  if (won) *won = as_written(f, *won);
  return won;
}

namespace {

/// A time shown to readers often drops the zone, and the seconds, that the
/// page's metadata keeps ("12:55" beside datePublished "12:55:07Z"): another
/// candidate of the same day, hour and minute lends its offset, and under the
/// declared convention its seconds. (A page shown in CJK scripts keeps the
/// shown minute: the time its readers cite.)
parsed_date made_precise(const parsed_date& d, std::span<const date_candidate> all,
                         page_convention convention) noexcept {
  if (!d.has_time || d.bad_offset) return d;
  const bool wants_seconds = convention == page_convention::declared && d.second == 0;
  if (d.has_offset && !wants_seconds) return d;
  parsed_date r = d;
  for (const date_candidate& c : all) {
    const parsed_date& o = c.date;
    if (!o.has_time || o.bad_offset || o.year != d.year || o.month != d.month || o.day != d.day ||
        o.hour != d.hour || o.minute != d.minute) {
      continue;
    }
    if (!r.has_offset && o.has_offset) {
      r.has_offset = true;
      r.offset_minutes = o.offset_minutes;
    }
    if (wants_seconds && r.second == 0) r.second = o.second;
  }
  return r;
}

std::optional<std::string> pick_date(std::span<const date_candidate> candidates, std::string_view field,
                                     page_convention convention, std::string_view default_offset,
                                     trace* t) {
  return pick(
      candidates, std::span<const row<date_rule>>(date_precedence), field,
      [&](const date_candidate& c) {
        return format_date(made_precise(c.date, candidates, convention), default_offset);
      },
      [](const row<date_rule>& r, const date_candidate& c) {
        return r.rule != date_rule::with_time || c.date.has_time;
      },
      t);
}

}  // namespace

std::optional<std::string> resolve_date(const facts& f, page_convention c, std::string_view default_offset,
                                        trace* t) {
  return pick_date(f.date, "date", c, default_offset, t);
}

std::optional<std::string> resolve_date_modified(const facts& f, page_convention c,
                                                 std::string_view default_offset, trace* t) {
  return pick_date(f.date_modified, "date_modified", c, default_offset, t);
}

bool needs_page_profile(const article_signals& s) noexcept { return !s.has_headline && !s.has_date; }

bool resolve_is_article(const article_signals& s) noexcept {
  const bool dated_story =
      s.has_headline && s.has_date && s.prose_chars >= dated_story_min_prose_chars;
  if (!(s.prose_chars >= article_min_prose_chars || dated_story) ||
      s.link_density >= article_max_link_density) {
    return false;
  }
  // no headline of its own and a <title> that only names a channel and its site
  if (!s.has_headline && s.channel_title) return false;
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

bool prefer_paragraph_look(const content_looks& l) noexcept {
  const double element = static_cast<double>(l.element_chars);
  const double beside = static_cast<double>(l.beside_chars);
  return l.element_chars > 0 && l.beside_chars >= added_min_chars &&
         static_cast<double>(l.shared_chars) >= agree_share * element &&
         beside >= added_share * element &&
         static_cast<double>(l.beside_link_chars) <= added_max_link_density * beside;
}

bool prefer_paragraph_lead(const content_looks& l) noexcept {
  const double lead = static_cast<double>(l.lead_chars);
  return l.element_chars > 0 && l.lead_chars >= lead_min_chars && l.lead_blocks >= lead_min_blocks &&
         static_cast<double>(l.shared_chars) >= agree_share * static_cast<double>(l.element_chars) &&
         static_cast<double>(l.lead_link_chars) <= added_max_link_density * lead;
}

}  // namespace newsx::extract
