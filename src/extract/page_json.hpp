// JSON embedded in pages (JSON-LD today), read with nlohmann/json.
//
// Nothing here throws: the text comes from the page, so a malformed, huge or
// hostile script only makes the reader return false.
#ifndef NEWSX_EXTRACT_PAGE_JSON_HPP
#define NEWSX_EXTRACT_PAGE_JSON_HPP

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.hpp"

namespace newsx::extract {

/// Longer script texts are not parsed.
inline constexpr std::size_t max_page_json_bytes = 1u << 20;
/// Deeper nesting of [ and { is refused before parsing (the parser recurses).
inline constexpr int max_page_json_depth = 64;

/// What the most article-like node(s) of a JSON-LD script say. Strings are
/// decoded (\uXXXX, surrogate pairs, \") and trimmed; empty when absent.
struct json_ld_facts {
  std::string headline, date_published, date_modified, publisher, description, url;
  std::vector<std::string> authors;  ///< in page order, de-duplicated, no URLs
  bool authors_are_people = false;   ///< every author is typed "@type": "Person"
  std::string type;                  ///< @type of the preferred node ("" if none fits)
  /// "name" and "headline" of the first article-kind node (a web page's
  /// are not the article's): the page's declared title reads them both.
  std::string article_name, article_headline;
};

/// Reads one <script type=application/ld+json> text into out (reset first).
/// A <![CDATA[ ]]> or <!-- --> wrapper, // and /* */ comments, raw control
/// characters inside strings and trailing commas are tolerated.
/// False when the text is still not JSON (the caller warns); out then holds
/// what a tolerant scan of the top-level object's members could read. False
/// and nothing read for texts over max_page_json_bytes or nested deeper than
/// max_page_json_depth.
bool read_json_ld(std::string_view text, json_ld_facts& out);

/// The first date in page JSON under one of keys: "publishTime":1570780800000,
/// "publishedAt":"2024-03-05T09:30:00Z" in an inline script or __NEXT_DATA__
/// (whose bodies the pre-scan drops from the tree, so this reads the page's
/// text). A key's value is a JSON string or number; a value that is no
/// plausible date (parse_date_value) is passed over. One pass over the
/// text's quotes.
[[nodiscard]] std::optional<parsed_date> find_json_date(std::string_view text,
                                                        std::span<const std::string_view> keys,
                                                        const date_context& dates) noexcept;

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_PAGE_JSON_HPP
