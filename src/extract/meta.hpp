// The extract stage: what the page says about itself in <head> and JSON-LD.
#ifndef NEWSX_EXTRACT_META_HPP
#define NEWSX_EXTRACT_META_HPP

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "parse/dom.hpp"

namespace newsx::extract {

struct page_meta {
  std::string og_title, title_tag, description, site_name, url, author, keywords;
  std::string published;       ///< raw date text from meta or JSON-LD
  std::string modified;        ///< raw JSON-LD dateModified (not used yet)
  std::string publisher;       ///< JSON-LD publisher / meta source
  std::vector<std::uint32_t> h1s;
  std::vector<std::string> warnings;  ///< e.g. a JSON-LD script that is not JSON
};

/// Reads <title>, <meta>, <link rel=canonical> and JSON-LD scripts.
void read_meta(const dom::document& doc, page_meta& m);

/// What the head says, as candidates: titles without their site suffix,
/// the published date, the publisher (unless it is the site itself), an
/// author that names a person, and the canonical url.
void add_meta_facts(const page_meta& m, facts& found);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_META_HPP
