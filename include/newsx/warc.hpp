// newsx/warc.hpp - streaming WARC 1.0/1.1 reader (plain or gzip-compressed).
#ifndef NEWSX_WARC_HPP
#define NEWSX_WARC_HPP

#include <cstddef>
#include <memory>
#include <string>

#include "newsx/export.hpp"

namespace newsx {

/// One WARC record, with the HTTP envelope of response records parsed.
struct warc_record {
  std::string type;             ///< WARC-Type: response, request, warcinfo, ...
  std::string target_uri;       ///< WARC-Target-URI
  std::string record_id;        ///< WARC-Record-ID, e.g. <urn:uuid:...>
  std::string date;             ///< WARC-Date
  int http_status = 0;          ///< response records: the HTTP status code
  std::string http_content_type;///< response records: the HTTP Content-Type value
  std::string charset;          ///< the charset parameter of that Content-Type, if any
  std::string payload;          ///< the HTTP body (de-chunked, decompressed) or the block
  bool truncated = false;       ///< the record was larger than the reader's limit

  /// A response whose payload is HTML (text/html or application/xhtml+xml).
  [[nodiscard]] NEWSX_API bool is_html_response() const noexcept;
};

/// Reads records one at a time; memory use is one record, whatever the
/// archive's size. Reads .warc and .warc.gz (one gzip member per record, as
/// written by crawlers, or one member for the whole file) alike.
class NEWSX_API warc_reader {
 public:
  enum class status { record, end, error };

  /// Records larger than max_record_bytes are skipped past, their payload
  /// left empty and truncated set.
  explicit warc_reader(std::size_t max_record_bytes = std::size_t{64} << 20);
  ~warc_reader();
  warc_reader(warc_reader&&) noexcept;
  warc_reader& operator=(warc_reader&&) noexcept;
  warc_reader(const warc_reader&) = delete;
  warc_reader& operator=(const warc_reader&) = delete;

  /// Opens a file; false with error() set when it cannot be read.
  [[nodiscard]] bool open(const std::string& path);
  /// The next record; status::error with error() set on a malformed archive.
  [[nodiscard]] status next(warc_record& out);
  [[nodiscard]] const std::string& error() const noexcept;

 private:
  struct NEWSX_HIDDEN impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace newsx

#endif  // NEWSX_WARC_HPP
