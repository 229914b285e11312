// newsx/article.hpp - the typed article: a plain value that owns its strings.
#ifndef NEWSX_ARTICLE_HPP
#define NEWSX_ARTICLE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/export.hpp"

namespace newsx {

enum class block_type : std::uint8_t {
  heading,    ///< h1-h6, or a paragraph that is only a short bold line
  paragraph,
  list_item,
  quote,      ///< blockquote
  table_row,  ///< one row of a table; cells joined by " | " in text, kept in cells
  code,       ///< pre
};

/// "heading", "paragraph", "list_item", "quote", "table_row", "code".
[[nodiscard]] NEWSX_API std::string_view block_type_name(block_type type) noexcept;

/// A byte range [offset, offset + length) inside a block's text.
struct text_span {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

/// One unit of the article body, in document order.
struct block {
  block_type type = block_type::paragraph;
  int level = 0;                   ///< heading level 1-6; 0 for other blocks
  std::string text;                ///< normalised: single spaces, trimmed, NFC-safe
  std::vector<text_span> sentences;///< ICU sentence boundaries within text
  std::vector<std::string> cells;  ///< table_row only

  /// The i-th sentence as a view into text (valid while this block lives).
  [[nodiscard]] std::string_view sentence(std::size_t i) const noexcept {
    const text_span& s = sentences[i];
    return std::string_view(text).substr(s.offset, s.length);
  }
};

struct image {
  std::string src;
  std::optional<std::string> alt;
  std::optional<std::string> caption;
};

/// A listed security mentioned by the article, normalised to its exchange.
struct stock_code {
  std::string symbol;    ///< "600160.SH", "00700.HK", "OCFT.US"
  std::string code;      ///< "600160", "00700", "OCFT"
  std::string market;    ///< SH, SZ, BJ, HK or US
  std::optional<std::string> exchange;  ///< MIC: XSHG, XSHE, BJSE, XHKG, XNYS, XNAS, XASE
  std::string kind = "stock";           ///< "stock" (A/B/H shares, ADRs), "fund" (ETF, LOF) or "bond"
  std::optional<std::string> name;      ///< the name the article uses, e.g. "巨化股份"
  int mentions = 0;      ///< how often the article refers to it, by code or by name
};

/// One value a field could have taken, and where the page offered it
/// (options::explain): why a title, date, source or author is what it is.
struct candidate {
  std::string field;   ///< "title", "date", "source", "author" or "url"
  std::string value;
  std::string origin;  ///< e.g. "byline_label", "page_meta" (docs/architecture.md)
  bool chosen = false; ///< the one the field took
};

struct article {
  /// A page in a CJK script: its headline, without the channel and site
  /// names its <title> chains on. Any other page: the title it declares
  /// (JSON-LD, Dublin Core, Open Graph…), as Readability.js reports it,
  /// site name included when the page includes it.
  std::optional<std::string> title;
  std::optional<std::string> date;      ///< publication: ISO 8601 with offset, or a bare day "2022-02-25"
  /// The last modification ("Updated …", article:modified_time, dateModified),
  /// in the same form; never taken for date.
  std::optional<std::string> date_modified;
  std::optional<std::string> source;    ///< who published the story first (来源)
  std::optional<std::string> author;
  std::optional<std::string> url;
  std::optional<std::string> site_name; ///< the site that serves the page (og:site_name)
  std::optional<std::string> summary;   ///< a digest lead or description
  std::string lang = "zh";              ///< "zh", "ja", "ko" (text mostly in CJK scripts) or "en"
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::vector<block> body;
  std::string text;                     ///< body blocks' text joined with "\n"
  std::vector<image> images;
  std::vector<stock_code> stock_codes;
  std::vector<std::string> warnings;    ///< what was repaired or guessed
  std::string charset = "UTF-8";        ///< the charset the input was decoded from
  std::string input_kind = "html";      ///< "post" (front matter), "html" or "text"
  bool is_article = true;               ///< false for home pages, link lists and the like
  std::vector<candidate> candidates;    ///< with options::explain only, in precedence order
};

}  // namespace newsx

#endif  // NEWSX_ARTICLE_HPP
