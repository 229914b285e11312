// The resolver: the one place that decides which candidate of a field wins.
// Readers add candidates to extract::facts; each resolve_* function picks by
// a precedence table in resolve.cpp (docs/architecture.md shows them).
#ifndef NEWSX_EXTRACT_RESOLVE_HPP
#define NEWSX_EXTRACT_RESOLVE_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "newsx/article.hpp"

namespace newsx::extract {

/// Where a resolver lists what it weighed (options::explain), or null.
using trace = std::vector<candidate>;

/// What a page reports: what it shows its readers (its headline without the
/// channel and site names, its time as shown: pages in CJK scripts), or what
/// it declares (its title verbatim, its time as precise as its metadata).
enum class page_convention { shown, declared };
/// The convention of a page in lang (article::lang: "zh", "ja" or "ko" for
/// text mostly in CJK scripts, "en" for the rest).
[[nodiscard]] page_convention page_convention_of(std::string_view lang) noexcept;
[[nodiscard]] std::optional<std::string> resolve_title(const facts& f, page_convention c,
                                                       trace* t = nullptr);
/// ISO 8601; default_offset applies to a winning time that carries none.
[[nodiscard]] std::optional<std::string> resolve_date(const facts& f, page_convention c,
                                                      std::string_view default_offset, trace* t = nullptr);
/// The last modification date, by the same precedence; never the date.
[[nodiscard]] std::optional<std::string> resolve_date_modified(const facts& f, page_convention c,
                                                               std::string_view default_offset,
                                                               trace* t = nullptr);
[[nodiscard]] std::optional<std::string> resolve_source(const facts& f, trace* t = nullptr);
/// source: the resolved source, which a low-trust author may not repeat.
[[nodiscard]] std::optional<std::string> resolve_author(const facts& f,
                                                        const std::optional<std::string>& source,
                                                        trace* t = nullptr);
[[nodiscard]] std::optional<std::string> resolve_url(const facts& f, trace* t = nullptr);

/// What the page offers as a story, for is_article.
struct article_signals {
  std::size_t prose_chars = 0;  ///< characters of body text
  bool has_headline = false;    ///< an element shows the headline
  bool has_date = false;        ///< a date was resolved
  double link_density = 0;      ///< link text / all text of the chosen content
  double list_share = 0;        ///< list items' share of the body text
  /// The only title is a <title> of short names (is_channel_title).
  bool channel_title = false;
  /// The whole page (only read when it has neither headline nor date).
  double page_link_density = 0;
  std::size_t page_timestamps = 0;
};

/// Whether is_article needs the page-wide signals (they cost a walk).
[[nodiscard]] bool needs_page_profile(const article_signals& s) noexcept;
[[nodiscard]] bool resolve_is_article(const article_signals& s) noexcept;

/// The content's second look (chrome judged without class names) replaces
/// the first only when it finds clearly more text.
[[nodiscard]] bool prefer_second_look(std::size_t first_chars, std::size_t second_chars) noexcept;

/// The paragraph answer (paragraphs.cpp, measure_overlap) measured against
/// the chosen element's blocks.
struct paragraph_overlap {
  std::size_t shared_chars = 0;  ///< in blocks the element has too
  std::size_t beside_chars = 0;  ///< outside the element, within beside_levels of it (paragraphs.hpp)
  std::size_t beside_link_chars = 0;
  std::size_t lead_chars = 0;  ///< the part of beside_chars in the story's lead (in_lead)
  std::size_t lead_link_chars = 0;
  std::size_t lead_blocks = 0;  ///< lead blocks not right under a picture (no captions)
};

/// The two content answers: the chosen element's blocks (content.cpp) and
/// the paragraph look's run of good paragraphs, measured against each other.
struct content_looks : paragraph_overlap {
  std::size_t element_chars = 0;  ///< the element's blocks, link lists dropped
};

/// Whether the paragraph look's good text beside the element joins it.
[[nodiscard]] bool prefer_paragraph_look(const content_looks& looks) noexcept;

/// Whether, when the rest does not (prefer_paragraph_look), the paragraph
/// look's good text in the story's lead joins the element on its own.
[[nodiscard]] bool prefer_paragraph_lead(const content_looks& looks) noexcept;

/// The first look's content is this short (characters): worth a second look.
inline constexpr std::size_t second_look_below_chars = 300;

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_RESOLVE_HPP
