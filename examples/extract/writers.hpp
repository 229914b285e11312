// extract's output: each outcome rendered in the chosen format and written
// to stdout; failures, progress and statistics on stderr.
#pragma once

#include <newsx/newsx.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "arguments.hpp"

namespace extract {

/// One input's outcome, rendered and ready to write.
struct outcome {
  std::size_t seq = 0;
  std::string path;
  std::string rendered;  // empty for a failure in a format without error records
  std::string error;     // message for stderr; empty on success
  std::size_t bytes = 0;
  std::string target;    // with --output-dir: the file under it, when not named after path
};

/// The article in the chosen format; several: one of many inputs.
[[nodiscard]] std::string render(const settings& s, const newsx::article& a,
                                 const std::string& path, bool several);
/// A failed input: its error record in jsonl, csv and a JSON array of
/// several inputs; nothing in the other formats (stderr has the message).
[[nodiscard]] std::string render_failure(const settings& s, const newsx::error& err,
                                         const std::string& path, bool several);

/// Writes raw bytes to stdout; false when stdout fails.
[[nodiscard]] bool emit(std::string_view bytes);
/// "extract: write error: ..." on stderr; returns exit status 1.
int write_error();

/// Writes outcomes in order of arrival or of input; false once stdout fails.
class writer {
 public:
  writer(const settings& s, bool several) : s_(s), several_(several) {}
  /// The CSV header row, when it is not newsx::csv_header() (--warc's).
  void set_csv_header(std::string header) { csv_header_ = std::move(header); }

  [[nodiscard]] bool begin();
  [[nodiscard]] bool end();
  [[nodiscard]] bool add(outcome o);

  std::size_t failures = 0;
  std::size_t documents = 0;
  std::size_t skipped = 0;  // files of directories that were no page or post
  std::size_t bytes = 0;

 private:
  bool json_array() const { return s_.fmt == format::json && several_ && s_.output_dir.empty(); }
  bool write(const outcome& o);
  bool write_file(const outcome& o);  // with --output-dir

  const settings& s_;
  bool several_;
  bool wrote_any_ = false;
  std::size_t next_seq_ = 0;
  std::string csv_header_ = newsx::csv_header();
  std::map<std::size_t, outcome> pending_;
};

/// The progress line on stderr, redrawn at most every 250 ms.
class progress_line {
 public:
  progress_line(bool shown, std::chrono::steady_clock::time_point start)
      : shown_(shown), start_(start), last_(start) {}
  void update(const writer& out);
  void clear();

 private:
  bool shown_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

/// --stats for a run over files.
void print_stats(const writer& out, unsigned jobs, std::chrono::steady_clock::time_point start);

/// --stats for a run over WARC archives.
struct warc_counts {
  std::size_t records = 0, html = 0, skipped = 0, failed = 0;
};
void print_warc_stats(const warc_counts& c, std::chrono::steady_clock::time_point start);

}  // namespace extract
