// The extract stage: the headline and the title without its site.
#ifndef NEWSX_EXTRACT_HEADLINE_HPP
#define NEWSX_EXTRACT_HEADLINE_HPP

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dom.hpp"

namespace newsx::extract {

/// "原创 标题", "【独家】标题" -> "标题": drops the badges a page sets beside a headline.
[[nodiscard]] std::string_view strip_badges(std::string_view title) noexcept;

/// "标题_新浪财经_新浪网" -> "标题": drops site suffixes after _ | - – — separators,
/// and after a bare "-" that leads to nothing but outlet names and keywords;
/// badges go too.
[[nodiscard]] std::string_view strip_site_suffix(std::string_view title) noexcept;

/// <title> read the way Readability.js reads it, for pages whose title keeps
/// its site (the declared-title convention, resolve.cpp): the part before the
/// last " | ", " - ", " – ", " — ", " / ", " > " or " » " when that leaves
/// three words or more (else the part after the first separator); after the
/// last ": " unless a heading repeats the whole title or the part before it is
/// over five words; the only h1 when the title is under 15 or over 150
/// characters; and the whole title whenever the result is four words or
/// fewer (a site-first title's last part is the headline: one word fewer).
[[nodiscard]] std::string read_title_tag(const dom::document& doc, std::string_view title);

/// A <title> made of nothing but short names — a channel and its site
/// ("操盘必读_新浪财经_新浪网", "Home | CNN"): a section page's title, no headline.
[[nodiscard]] bool is_channel_title(std::string_view title) noexcept;

/// The element that shows the headline: an h1-h4 or a "title"-classed
/// element whose text is part of the page's <title> / og:title (the longest
/// such), else the first h1 when the page has no title at all.
struct headline {
  std::uint32_t node = 0;
  std::string text;
};
[[nodiscard]] headline find_headline(const dom::document& doc, std::string_view title_tag,
                                     std::string_view og_title);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_HEADLINE_HPP
