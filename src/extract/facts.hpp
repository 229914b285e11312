// What the extract stage found about one document, before anything is
// decided: every candidate value of a field with where it came from. The
// readers (meta, headline, byline, body, ...) only add candidates; the
// resolver (resolve.hpp) alone picks the winners, by the precedence tables
// in resolve.cpp.
#ifndef NEWSX_EXTRACT_FACTS_HPP
#define NEWSX_EXTRACT_FACTS_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.hpp"

namespace newsx::extract {

/// Where a candidate was read. The names are the rows of the precedence
/// tables in resolve.cpp (and docs/architecture.md).
enum class origin : std::uint8_t {
  hint,               ///< document_hints, from outside the document
  front_matter,       ///< a post's YAML front matter
  post_link,          ///< a post's trailing markdown link to the story
  headline_element,   ///< the element that shows the headline
  og_title,           ///< og:title / twitter:title / JSON-LD headline, site suffix dropped
  title_tag,          ///< <title>, site suffix dropped
  declared_title,     ///< the title the page declares (JSON-LD article, dc:title, og:title…), verbatim
  title_tag_read,     ///< <title> as Readability.js reads it (its site kept where ambiguous)
  byline_label,       ///< a labelled byline field: "来源：新华社", "作者：张三"
  byline_outlet,      ///< an outlet-shaped name in the byline: "证券时报网"
  byline_english,     ///< "By Jane Q. Doe"
  byline_markup,      ///< an element marked as the byline: itemprop=author, rel=author, class=byline
  byline_date,        ///< a date in the byline (or a byline line opening the content)
  credit_line,        ///< a credit line in the body: "（文章来源：智通财经网）"
  trailing_credit,    ///< the outlet in brackets ending the story: "…。（央视新闻）"
  dateline,           ///< the outlet of a dateline lead: "新华社北京5月9日电"
  summary_credit,     ///< the outlet in brackets ending a post's digest lead
  name_by_date,       ///< a short name right beside the byline's date (a weak clue)
  account_by_date,    ///< that name in a platform account's byline ("X 发布于 …", a 关注 button)
  after_content,      ///< a labelled credit in the text just after the content
  lead_reporter,      ///< "（记者 张三）" in the story's first lines
  declared_person,    ///< JSON-LD's author typed "@type": "Person" (<meta name=author> if the same)
  page_meta,          ///< <meta>, <link rel=canonical>, JSON-LD
  page_data,          ///< what the page keeps for its scripts: <time datetime>, data-time
                      ///< attributes by the byline, "publishTime" in inline JSON
};

[[nodiscard]] std::string_view origin_name(origin o) noexcept;

struct text_candidate {
  std::string value;
  origin from;
};

struct date_candidate {
  parsed_date date;
  origin from;
};

/// Every candidate, in the order the readers found them (document order
/// within one origin).
struct facts {
  std::vector<text_candidate> title, source, author, url;
  std::vector<date_candidate> date;
  std::vector<date_candidate> date_modified;  ///< when the story was last changed

  void clear() {
    title.clear();
    source.clear();
    author.clear();
    url.clear();
    date.clear();
    date_modified.clear();
  }
  void add(std::vector<text_candidate>& field, std::string_view value, origin from) {
    field.push_back({std::string(value), from});
  }
};

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_FACTS_HPP
