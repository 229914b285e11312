// newsx/output.hpp - rendering an article as JSON, text or Markdown.
#ifndef NEWSX_OUTPUT_HPP
#define NEWSX_OUTPUT_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/article.hpp"
#include "newsx/result.hpp"

namespace newsx {

struct json_options {
  bool pretty = true;          ///< indented, one key per line; false: one line
  std::string_view file;       ///< when not empty, a leading "file" key
  std::string_view warc_record_id;  ///< when not empty, a "warc_record_id" key after it
  int http_status = 0;              ///< when not 0, an "http_status" key after those (a crawl record's)
  std::string_view fetch_date;      ///< when not empty, a "fetch_date" key (the record's WARC-Date)
  std::string_view fields;     ///< "title,date,stock_codes": only these keys; empty: all
};

/// The article as a JSON object (keys documented in README.md).
[[nodiscard]] NEWSX_API std::string to_json(const article& a);
[[nodiscard]] NEWSX_API std::string to_json(const article& a, const json_options& opts);

/// Every key of the article JSON, in output order: the names json_options::fields
/// accepts ("file" and "warc_record_id" are not among them: they are always kept).
[[nodiscard]] NEWSX_API const std::vector<std::string_view>& json_field_names() noexcept;

/// A JSON error record: {"file": ..., "error": ..., "message": ...}, with
/// "warc_record_id" after "file" when one is given.
[[nodiscard]] NEWSX_API std::string error_to_json(const error& e, std::string_view file,
                                                  std::string_view warc_record_id = {});
/// The same for a WARC record, with "warc_offset" (where the record, or its
/// gzip member or zstd frame, starts in the archive) after "warc_record_id".
[[nodiscard]] NEWSX_API std::string error_to_json(const error& e, std::string_view file,
                                                  std::string_view warc_record_id, std::uint64_t warc_offset);

/// CSV for spreadsheets and data frames (RFC 4180: fields quoted when they
/// hold a comma, a quote or a line break; quotes doubled; CRLF line ends).
/// The header row: file,url,title,date,source,author,is_article,stock_codes,text,error
[[nodiscard]] NEWSX_API std::string csv_header();
/// One article as a row: stock_codes is its symbols joined with ";".
[[nodiscard]] NEWSX_API std::string to_csv_row(const article& a, std::string_view file = {});
/// A document that could not be extracted: its file and the error's name.
[[nodiscard]] NEWSX_API std::string error_to_csv_row(const error& e, std::string_view file);

/// Title, byline and the body as plain paragraphs.
[[nodiscard]] NEWSX_API std::string to_text(const article& a);

/// The article as Markdown: "# title", metadata, headings, lists, tables, images.
[[nodiscard]] NEWSX_API std::string to_markdown(const article& a);

}  // namespace newsx

#endif  // NEWSX_OUTPUT_HPP
