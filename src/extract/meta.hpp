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
  /// The author is the people JSON-LD types "Person": a personal site's
  /// name is then its writer's, not the site's.
  bool author_is_person = false;
  std::string published;       ///< raw publication date from <meta> or itemprop
  std::string modified;        ///< raw modification date from <meta> or itemprop
  std::string ld_published;    ///< JSON-LD datePublished
  std::string ld_modified;     ///< JSON-LD dateModified
  std::string publisher;       ///< JSON-LD publisher / meta source
  /// The title as the page declares it (JSON-LD's article › <meta> in
  /// lexicon::declared_title_prefixes order), verbatim, site name and all.
  std::string declared_title;
  /// <title> as Readability.js reads it (extract::read_title_tag).
  std::string title_tag_read;
  std::vector<std::uint32_t> h1s;
  std::vector<std::string> warnings;  ///< e.g. a JSON-LD script that is not JSON
};

/// Reads <title>, <meta>, <link rel=canonical> and JSON-LD scripts.
void read_meta(const dom::document& doc, page_meta& m);

/// What the head says, as candidates: titles without their site suffix
/// (og_title, title_tag) and as declared (declared_title, title_tag_read),
/// the published and modified dates (JSON-LD's first; strings or epoch
/// numbers), the publisher (unless it is the site itself), an author that
/// names a person, and the canonical url.
void add_meta_facts(const page_meta& m, const date_context& dates, facts& found);

/// Dates the byline's markup keeps for scripts, between the headline and
/// the content (from <= node < to): <time datetime>, and data-time style
/// attributes (lexicon::date_attributes) in date strings or epoch numbers.
/// The first is a page_data candidate of the date, or of date_modified when
/// its element's text follows a modification label.
void add_markup_date_facts(const dom::document& doc, std::uint32_t from, std::uint32_t to,
                           const date_context& dates, facts& found);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_META_HPP
