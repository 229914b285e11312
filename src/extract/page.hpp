// The extract stage, page part: metadata from <head> and JSON-LD, the byline,
// and the choice of the element that holds the article.
#ifndef NEWSX_EXTRACT_PAGE_HPP
#define NEWSX_EXTRACT_PAGE_HPP

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dom.hpp"

namespace newsx::extract {

struct page_meta {
  std::string og_title, title_tag, description, site_name, url, author, keywords;
  std::string published;       ///< raw date text from meta or JSON-LD
  std::string publisher;       ///< JSON-LD publisher / meta source
  std::vector<std::uint32_t> h1s;
};

/// Reads <title>, <meta>, <link rel=canonical> and JSON-LD scripts.
void read_meta(const dom::document& doc, page_meta& m);

/// "标题_新浪财经_新浪网" -> "标题": drops site suffixes after _ | - – — separators.
[[nodiscard]] std::string_view strip_site_suffix(std::string_view title) noexcept;

struct content_choice {
  std::uint32_t root = 0;
  double score = 0;
  std::uint32_t text_chars = 0;
  double link_density = 0;
};

/// Per-node tallies for select_content, kept by the caller so that a reused
/// extractor does not allocate them for every page.
struct content_scratch {
  std::vector<std::uint32_t> chars, links, punct, direct, keep, list_items;
  std::vector<double> score;
};

/// Scores containers by text, punctuation and link density and class hints;
/// returns the one that holds the article.
/// headline: the node that shows the headline (find_headline), or 0.
[[nodiscard]] content_choice select_content(dom::document& doc, content_scratch& scratch,
                                            std::uint32_t headline = 0);

/// Flags dom::in_link on text inside <a href>; select_content and
/// find_headline read it.
void mark_links(dom::document& doc);

/// The element that shows the headline: an h1-h4 or a "title"-classed
/// element whose text is part of the page's <title> / og:title (the longest
/// such), else the first h1 when the page has no title at all.
struct headline {
  std::uint32_t node = 0;
  std::string text;
};
[[nodiscard]] headline find_headline(const dom::document& doc, std::string_view title_tag,
                                     std::string_view og_title);

/// A name that reads as an outlet: 2-14 letters or CJK characters ending in
/// 网/社/报/台/站/科技/财经/新闻/客户端... ("证券时报网", "新华社", "聯合報").
[[nodiscard]] bool is_media_name(std::string_view name) noexcept;

/// The first outlet name among a byline's tokens ("2019-09-26 10:56 证券时报网",
/// "石佳/中国青年报"), or empty.
[[nodiscard]] std::string_view byline_source(std::string_view zone) noexcept;

/// The short name right beside the byline's date ("棱镜 2019-09-23 07:48"),
/// not a furniture word; a weak clue, used when nothing says "来源".
[[nodiscard]] std::string_view byline_name_by_date(std::string_view zone) noexcept;

/// "By Jane Q. Doe" in an English byline: up to four capitalised words.
[[nodiscard]] std::string_view english_byline(std::string_view zone) noexcept;

/// The outlet of a dateline lead: "新华社北京5月9日电" -> 新华社,
/// "新浪科技讯" -> 新浪科技; empty when the lead has none.
[[nodiscard]] std::string_view dateline_source(std::string_view lead) noexcept;

/// Text of the byline zone (date, 来源, 作者) between the headline and the
/// content root, or around the headline when the content has none.
void byline_text(const dom::document& doc, std::uint32_t headline, std::uint32_t content,
                 std::string& out);

/// The value after the first of labels in a byline: "来源：新华社" -> 新华社,
/// "记者 李四" -> 李四. Up to max_cp characters, no digits; empty when none.
[[nodiscard]] std::string_view byline_field(std::string_view text,
                                            std::span<const std::string_view> labels,
                                            int max_cp = 23);
[[nodiscard]] inline std::string_view byline_field(std::string_view text,
                                                   std::initializer_list<std::string_view> labels,
                                                   int max_cp = 23) {
  return byline_field(text, std::span<const std::string_view>(labels.begin(), labels.size()), max_cp);
}

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_PAGE_HPP
