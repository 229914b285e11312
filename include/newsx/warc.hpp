// newsx/warc.hpp - streaming WARC 1.0/1.1 reader (plain, gzip- or zstd-compressed).
#ifndef NEWSX_WARC_HPP
#define NEWSX_WARC_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsx/export.hpp"
#include "newsx/result.hpp"

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
  /// Where the record starts in the file: its first byte in a plain archive;
  /// in a .warc.gz or .warc.zst, the start of the gzip member or zstd frame
  /// it begins in (what CDX indexes call the record's offset).
  std::uint64_t offset = 0;

  /// A response whose payload is HTML (text/html or application/xhtml+xml).
  [[nodiscard]] NEWSX_API bool is_html_response() const noexcept;
};

/// Reads records one at a time; memory use is one record, whatever the
/// archive's size. Reads .warc, .warc.gz (one gzip member per record, as
/// written by crawlers, or one member for the whole file) and .warc.zst (a
/// zstd frame per record or one for the whole file), told apart by their
/// first bytes, not their names.
///
/// A damaged record costs only itself: a Content-Length that does not end the
/// record, a missing or malformed one, a damaged gzip member or zstd frame
/// give status::error for that record, and the next call resumes at the next
/// "WARC/1." header line (after a damaged member or frame, at the next one).
/// Header lines ending in LF alone are read like CRLF ones when the record's
/// Content-Length holds.
class NEWSX_API warc_reader {
 public:
  enum class status { record, end, error };

  /// Records larger than max_record_bytes are skipped past, their payload
  /// left empty and truncated set (their HTTP status and Content-Type are
  /// still read).
  explicit warc_reader(std::size_t max_record_bytes = std::size_t{64} << 20);
  ~warc_reader();
  warc_reader(warc_reader&&) noexcept;
  warc_reader& operator=(warc_reader&&) noexcept;
  warc_reader(const warc_reader&) = delete;
  warc_reader& operator=(const warc_reader&) = delete;

  /// Opens a file; false with error() set when it cannot be read.
  [[nodiscard]] bool open(const std::string& path);
  /// The next record. status::error: a damaged record, or bytes that are
  /// none; error() says what and where, error_kind() and error_offset() too,
  /// and out holds what its header said (type, ids, offset). Calling next()
  /// again resumes at the next record. status::end at the end of the archive
  /// (also once it can no longer be read, after the error that says why).
  [[nodiscard]] status next(warc_record& out);
  [[nodiscard]] const std::string& error() const noexcept;
  /// The last error's kind: error_code::damaged_record for a damaged record
  /// or compressed data, input_too_large for an over-long header,
  /// read_failed when the file cannot be opened or read.
  [[nodiscard]] error_code error_kind() const noexcept;
  /// Where the last error's record (or damaged member or frame) starts in the file.
  [[nodiscard]] std::uint64_t error_offset() const noexcept;
  /// "plain", "gzip" or "zstd": what open() found by the file's first bytes.
  [[nodiscard]] std::string_view compression() const noexcept;

 private:
  struct NEWSX_HIDDEN impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace newsx

#endif  // NEWSX_WARC_HPP
