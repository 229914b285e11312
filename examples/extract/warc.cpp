#include "warc.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "pool.hpp"
#include "writers.hpp"

namespace extract {

namespace {

/// One record on its way through the pool: to extract, or (a damaged
/// record, an HTML response over the limit) an error already.
struct warc_job {
  const std::string* path = nullptr;  // the archive, as given
  std::size_t ordinal = 0;            // the record's place in the archive, from 1
  newsx::warc_record rec;
  std::optional<newsx::error> failed;
  std::uint64_t offset = 0;
};

/// RFC 4180: quoted when it holds a comma, a quote or a line break.
void csv_field(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += v;
    return;
  }
  out.push_back('"');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

/// --warc's CSV: the record's columns after "file", then the article's.
std::string warc_csv_header() {
  return "file,warc_record_id,http_status,fetch_date," + newsx::csv_header().substr(5);
}

std::string warc_csv_prefix(const warc_job& j) {
  std::string out;
  csv_field(out, *j.path);
  out.push_back(',');
  csv_field(out, j.rec.record_id);
  out.push_back(',');
  if (j.rec.http_status != 0) out += std::to_string(j.rec.http_status);
  out.push_back(',');
  csv_field(out, j.rec.date);
  return out;
}

class warc_worker {
 public:
  explicit warc_worker(const settings& s) : s_(s), ex_(s.opts) {}

  outcome operator()(std::size_t seq, warc_job& j) {
    outcome o;
    o.seq = seq;
    o.path = *j.path;
    o.bytes = j.rec.payload.size();
    if (!s_.output_dir.empty()) {
      const std::string& p = *j.path;
      o.target = (std::filesystem::path(p == "-" ? "stdin" : p) / fmt::format("{:06}", j.ordinal)).string();
    }
    if (!j.failed) {
      newsx::document_hints hints;
      hints.url = j.rec.target_uri;
      hints.charset = j.rec.charset;
      hints.decode_as = s_.charset;
      hints.reference_time = j.rec.date;  // relative times are read against the fetch
      newsx::result<newsx::article> r = ex_.extract(j.rec.payload, hints);
      if (r) {
        o.rendered = render_record(*r, j);
        return o;
      }
      j.failed = r.error();
      j.offset = j.rec.offset;
    }
    const newsx::error& err = *j.failed;
    o.error = j.rec.record_id.empty() || err.message.find(j.rec.record_id) != std::string::npos
                  ? err.message
                  : fmt::format("{}: {}", j.rec.record_id, err.message);
    if (!s_.output_dir.empty()) return o;  // as for files: failures go to stderr only
    if (s_.fmt == format::jsonl) {
      o.rendered = newsx::error_to_json(err, *j.path, j.rec.record_id, j.offset) + "\n";
    } else if (s_.fmt == format::json) {  // keeps its place in the array
      o.rendered = newsx::error_to_json(err, *j.path, j.rec.record_id, j.offset);
    } else if (s_.fmt == format::csv) {
      o.rendered = warc_csv_prefix(j) + ",,,,,,,,,";
      csv_field(o.rendered, newsx::error_name(err.code));
      o.rendered += "\r\n";
    }
    return o;
  }

 private:
  std::string render_record(const newsx::article& a, const warc_job& j) const {
    const bool alone = !s_.output_dir.empty();  // a file of its own, as if the only input
    switch (s_.fmt) {
      case format::json:
      case format::jsonl: {
        newsx::json_options jo;
        jo.fields = s_.fields;
        jo.pretty = s_.fmt == format::json && !s_.compact;
        jo.file = *j.path;
        jo.warc_record_id = j.rec.record_id;
        jo.http_status = j.rec.http_status;
        jo.fetch_date = j.rec.date;
        std::string out = newsx::to_json(a, jo);
        if (s_.fmt == format::jsonl) out.push_back('\n');
        return out;
      }
      case format::text: {
        const std::string text = newsx::to_text(a);
        if (alone) return text;
        return fmt::format("==> {} {} {} {} {} <==\n{}\n", *j.path, j.rec.record_id, j.rec.target_uri,
                           j.rec.http_status, j.rec.date, text);
      }
      case format::markdown:
        // the record's identity in a comment: invisible when rendered
        return fmt::format("<!-- warc: {} {} {} {} -->\n{}\n", *j.path, j.rec.record_id, j.rec.http_status,
                           j.rec.date, newsx::to_markdown(a));
      case format::csv: {
        std::string row = warc_csv_prefix(j);
        row += newsx::to_csv_row(a, {});  // its empty "file" field supplies the comma
        return alone ? warc_csv_header() + row : row;
      }
    }
    return {};
  }

  const settings& s_;
  newsx::extractor ex_;
};

}  // namespace

int run_warc(const settings& given) {
  settings s = given;
  s.ordered = true;  // records come out in archive order, whatever --jobs
  if (!s.fmt_given && s.output_dir.empty()) s.fmt = format::jsonl;
  writer out(s, s.output_dir.empty());
  out.set_csv_header(warc_csv_header());
  warc_counts counts;
  bool damaged = false;
  const auto start = std::chrono::steady_clock::now();
  progress_line progress(s.progress == 1 || (s.progress == -1 && isatty(STDERR_FILENO) != 0), start);

  std::size_t archive = 0;
  std::optional<newsx::warc_reader> reader;
  std::size_t ordinal = 0;
  // The next record to extract or report, across the archives in turn.
  auto next = [&]() -> std::optional<warc_job> {
    while (true) {
      if (!reader) {
        if (archive == s.warcs.size()) return std::nullopt;
        reader.emplace(s.opts.max_input_bytes);
        ordinal = 0;
        const std::string& path = s.warcs[archive];
        if (!reader->open(path == "-" ? std::string("/dev/stdin") : path)) {
          fmt::print(stderr, "extract: {}\n", reader->error());
          damaged = true;
          reader.reset();
          ++archive;
          continue;
        }
      }
      warc_job j;
      j.path = &s.warcs[archive];
      const newsx::warc_reader::status st = reader->next(j.rec);
      if (st == newsx::warc_reader::status::end) {
        reader.reset();
        ++archive;
        continue;
      }
      j.ordinal = ++ordinal;
      if (st == newsx::warc_reader::status::error) {
        damaged = true;
        j.failed = newsx::error{reader->error_kind(), reader->error()};
        j.offset = reader->error_offset();
        return j;
      }
      ++counts.records;
      const bool ok_status = j.rec.http_status >= 200 && j.rec.http_status < 300;
      if (!j.rec.is_html_response() || (!ok_status && !s.keep_errors)) {
        ++counts.skipped;
        continue;
      }
      ++counts.html;
      if (j.rec.truncated) {
        j.failed = newsx::error{newsx::error_code::input_too_large,
                                fmt::format("HTML response at offset {} is over the limit of {} bytes (--max-bytes)",
                                            j.rec.offset, s.opts.max_input_bytes)};
        j.offset = j.rec.offset;
      }
      return j;
    }
  };

  bool write_ok = out.begin();
  if (write_ok) {
    write_ok = run_pipeline<warc_job>(s.jobs, out, progress, next, [&] {
      return [w = std::make_shared<warc_worker>(s)](std::size_t seq, warc_job& j) { return (*w)(seq, j); };
    });
  }
  if (write_ok) write_ok = out.end();
  progress.clear();
  if (!write_ok) return write_error();
  counts.failed = out.failures;
  if (s.stats) print_warc_stats(counts, start);
  return damaged || out.failures != 0 ? 1 : 0;
}

}  // namespace extract
