#include "warc.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "writers.hpp"

namespace extract {

int run_warc(const settings& s) {
  newsx::extractor ex(s.opts);
  newsx::warc_record rec;
  warc_counts counts;
  bool damaged = false;
  const auto start = std::chrono::steady_clock::now();
  std::string out;
  for (const std::string& path : s.warcs) {
    newsx::warc_reader reader(s.opts.max_input_bytes);
    if (!reader.open(path == "-" ? std::string("/dev/stdin") : path)) {
      fmt::print(stderr, "extract: {}\n", reader.error());
      damaged = true;
      continue;
    }
    while (true) {
      const newsx::warc_reader::status st = reader.next(rec);
      if (st == newsx::warc_reader::status::end) break;
      if (st == newsx::warc_reader::status::error) {
        fmt::print(stderr, "extract: {}: {}\n", path, reader.error());
        damaged = true;
        break;
      }
      ++counts.records;
      const bool ok_status = rec.http_status >= 200 && rec.http_status < 300;
      if (!rec.is_html_response() || rec.truncated || (!ok_status && !s.keep_errors)) {
        ++counts.skipped;
        continue;
      }
      ++counts.html;
      newsx::document_hints hints;
      hints.url = rec.target_uri;
      hints.charset = rec.charset;
      hints.decode_as = s.charset;
      hints.reference_time = rec.date;  // relative times are read against the fetch
      const newsx::result<newsx::article> r = ex.extract(rec.payload, hints);
      if (!r) {
        ++counts.failed;
        fmt::print(stderr, "extract: {} {}: {}\n", path, rec.record_id, r.error().message);
        out = newsx::error_to_json(r.error(), path, rec.record_id);
      } else {
        newsx::json_options jo;
        jo.fields = s.fields;
        jo.pretty = false;
        jo.file = path;
        jo.warc_record_id = rec.record_id;
        jo.http_status = rec.http_status;
        jo.fetch_date = rec.date;
        out = newsx::to_json(*r, jo);
      }
      out.push_back('\n');
      if (!emit(out)) return write_error();
    }
  }
  if (std::fflush(stdout) != 0) return write_error();
  if (s.stats) print_warc_stats(counts, start);
  return damaged || counts.failed != 0 ? 1 : 0;
}

}  // namespace extract
