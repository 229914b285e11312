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

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_CONTENT_HPP
