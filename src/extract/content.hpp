// The extract stage: the choice of the element that holds the article.
#ifndef NEWSX_EXTRACT_CONTENT_HPP
#define NEWSX_EXTRACT_CONTENT_HPP

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dom.hpp"

namespace newsx::extract {

/// The element that holds the article, minus the children of it that do not.
struct content_choice {
  std::uint32_t root = 0;
  /// Children of root that are not the story (a widened choice's weak
  /// siblings), in document order; the body and stock markup skip them.
  std::vector<std::uint32_t> left_out;
  /// The chrome flag this choice was made with (dom::boilerplate for the
  /// first look, dom::structural_chrome for the second).
  std::uint16_t chrome = dom::boilerplate;
  double score = 0;
  std::uint32_t text_chars = 0;
  double link_density = 0;
};

/// Per-node tallies for select_content, kept by the caller so that a reused
/// extractor does not allocate them for every page.
struct content_scratch {
  std::vector<std::uint32_t> chars, links, punct, direct, keep, list_items, posts, post_chars, cells,
      short_items;
  std::vector<double> score;
};

/// The whole page as a reader skims it: how much text, how much of it links,
/// how many distinct timestamps (a listing dates every teaser).
struct page_profile {
  std::size_t text_chars = 0;
  std::size_t link_chars = 0;
  std::size_t timestamps = 0;
};
[[nodiscard]] page_profile profile_page(const dom::document& doc);

/// Scores containers by text, punctuation and link density and class hints;
/// returns the one that holds the article. Reads the tree, writes nothing.
/// headline: the node that shows the headline (find_headline), or 0.
/// chrome: the flag that marks page chrome for this look (see content_choice).
[[nodiscard]] content_choice select_content(const dom::document& doc, content_scratch& scratch,
                                            std::uint32_t headline = 0,
                                            std::uint16_t chrome = dom::boilerplate);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_CONTENT_HPP
