// The extract stage: the byline as the markup marks it — itemprop="author",
// rel="author" links, elements named byline / author / writer / contributor —
// and the name rules shared with the English "By …" byline.
#ifndef NEWSX_EXTRACT_BYLINE_MARKUP_HPP
#define NEWSX_EXTRACT_BYLINE_MARKUP_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/facts.hpp"
#include "parse/dom.hpp"

namespace newsx::extract {

/// The writers' names that text starts with, joined "A, B" however the page
/// joins them ("A and B", "A et B", "A, B"). A name is two to four
/// capitalised words (lower-case particles inside: "Ludwig van Beethoven");
/// it ends before a month ("JANE DOE JAN. 10"), a digit, a separator, a line
/// break, furniture ("Updated") or its own first word again ("Jane Doe
/// Jane"). Empty when text does not start with a name. consumed, when given,
/// is set to the bytes the names take.
[[nodiscard]] std::string leading_names(std::string_view text, std::size_t* consumed = nullptr);

/// The text of a byline element cleaned into its writers' names: an opener
/// ("By", "Par", "Von", "Written by") dropped, then leading_names, and
/// nothing when the rest is prose (an author's bio), when the text starts
/// with furniture ("Follow Author") or names a CMS account.
[[nodiscard]] std::string byline_element_name(std::string_view text);

/// text without a leading "By", "Par", "Von", "Written by" (without case).
[[nodiscard]] std::string_view strip_byline_opener(std::string_view text) noexcept;

/// A CMS account, not a writer: admin, editor, staff, webmaster (without case).
[[nodiscard]] bool is_cms_account(std::string_view name) noexcept;

/// Adds origin::byline_markup candidates: every byline element's names, the
/// element nearest the headline (else the content) first. Elements inside
/// comment threads, author-bio boxes and lists of other stories are other
/// people's and are skipped.
void add_byline_markup_facts(const dom::document& doc, std::uint32_t headline, std::uint32_t content,
                             facts& found);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_BYLINE_MARKUP_HPP
