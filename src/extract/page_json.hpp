// JSON embedded in pages (JSON-LD today), read with nlohmann/json.
//
// Nothing here throws: the text comes from the page, so a malformed, huge or
// hostile script only makes the reader return false.
#ifndef NEWSX_EXTRACT_PAGE_JSON_HPP
#define NEWSX_EXTRACT_PAGE_JSON_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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
  std::string type;                  ///< @type of the preferred node ("" if none fits)
};

/// Reads one <script type=application/ld+json> text into out (reset first).
/// A <![CDATA[ ]]> or <!-- --> wrapper, // and /* */ comments, raw control
/// characters inside strings and trailing commas are tolerated.
/// False when the text is still not JSON (the caller warns); out then holds
/// what a tolerant scan of the top-level object's members could read. False
/// and nothing read for texts over max_page_json_bytes or nested deeper than
/// max_page_json_depth.
bool read_json_ld(std::string_view text, json_ld_facts& out);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_PAGE_JSON_HPP
