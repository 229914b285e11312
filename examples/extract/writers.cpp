#include "writers.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace extract {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double per_second(double amount, double secs) { return secs > 0 ? amount / secs : 0.0; }

}  // namespace

std::string render(const settings& s, const newsx::article& a, const std::string& path,
                   bool several) {
  switch (s.fmt) {
    case format::json: {
      newsx::json_options jo;
      jo.fields = s.fields;
      jo.pretty = !s.compact;
      if (several) jo.file = path;
      return newsx::to_json(a, jo);
    }
    case format::jsonl: {
      newsx::json_options jo;
      jo.fields = s.fields;
      jo.pretty = false;
      jo.file = path;
      return fmt::format("{}\n", newsx::to_json(a, jo));
    }
    case format::text:
      if (several) return fmt::format("==> {} <==\n{}\n", path, newsx::to_text(a));
      return newsx::to_text(a);
    case format::markdown:
      return fmt::format("{}\n", newsx::to_markdown(a));
    case format::csv:
      return newsx::to_csv_row(a, path);
  }
  return {};
}

std::string render_failure(const settings& s, const newsx::error& err, const std::string& path, bool several) {
  if (s.fmt == format::csv) return newsx::error_to_csv_row(err, path);
  // in a JSON array the failed input keeps its place, as an error object
  if (s.fmt == format::json && several) return newsx::error_to_json(err, path);
  if (s.fmt != format::jsonl) return {};
  return fmt::format("{}\n", newsx::error_to_json(err, path));
}

bool emit(std::string_view bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size();
}

int write_error() {
  // The reader went away (extract … | head -1): it has what it wanted, so
  // the run ends quietly and well; any other write error is one.
  if (errno == EPIPE) return 0;
  fmt::print(stderr, "extract: write error: {}\n", std::strerror(errno));
  return 1;
}

bool writer::begin() {
  if (s_.fmt == format::csv && s_.output_dir.empty()) return emit(csv_header_);
  return !(json_array() && !emit("[\n"));
}

bool writer::end() {
  if (json_array() && wrote_any_) {
    if (!emit("\n]\n")) return false;
  } else if (json_array()) {
    if (!emit("]\n")) return false;
  }
  return std::fflush(stdout) == 0;
}

bool writer::add(outcome o) {
  if (!s_.ordered) return write(o);
  pending_.emplace(o.seq, std::move(o));
  while (!pending_.empty() && pending_.begin()->first == next_seq_) {
    if (!write(pending_.begin()->second)) return false;
    pending_.erase(pending_.begin());
    ++next_seq_;
  }
  return true;
}

bool writer::write_file(const outcome& o) {
  fs::path rel = fs::path(o.target.empty() ? o.path : o.target).relative_path();  // "/x/a.html" -> "x/a.html"
  if (o.target.empty() && o.path == "-") rel = "stdin";
  const char* ext = s_.fmt == format::markdown ? ".md"
                    : s_.fmt == format::text   ? ".txt"
                    : s_.fmt == format::csv    ? ".csv"
                                               : ".json";
  fs::path target = fs::path(s_.output_dir) / rel;
  target.replace_extension(ext);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  std::FILE* f = std::fopen(target.c_str(), "wb");
  bool ok = f != nullptr;
  if (ok) {
    ok = std::fwrite(o.rendered.data(), 1, o.rendered.size(), f) == o.rendered.size();
    if (s_.fmt == format::json && (o.rendered.empty() || o.rendered.back() != '\n')) {
      ok = ok && std::fputc('\n', f) != EOF;
    }
    ok = std::fclose(f) == 0 && ok;
  }
  if (!ok) {
    ++failures;
    fmt::print(stderr, "extract: {}: cannot write {}: {}\n", o.path, target.string(), std::strerror(errno));
  }
  return true;  // one file that cannot be written does not stop the others
}

bool writer::write(const outcome& o) {
  ++documents;
  bytes += o.bytes;
  if (!o.error.empty()) {
    ++failures;
    fmt::print(stderr, "extract: {}: {}\n", o.path, o.error);
  }
  if (o.rendered.empty()) return true;
  if (!s_.output_dir.empty()) return write_file(o);
  std::string_view sep;
  if (json_array() && wrote_any_) sep = ",\n";
  if (s_.fmt == format::markdown && several_ && wrote_any_) sep = "\n---\n\n";
  wrote_any_ = true;
  if (!sep.empty() && !emit(sep)) return false;
  if (!emit(o.rendered)) return false;
  if (s_.fmt == format::json && !several_) return emit("\n");
  return true;
}

void progress_line::update(const writer& out) {
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ <= std::chrono::milliseconds(250)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  fmt::print(stderr, "\rextract: {} documents, {} failed, {:.0f} pages/s ", out.documents,
             out.failures, per_second(static_cast<double>(out.documents), secs));
}

void progress_line::clear() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

void print_stats(const writer& out, unsigned jobs, std::chrono::steady_clock::time_point start) {
  const double secs = seconds_since(start);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  fmt::print(stderr,
             "extract: {} documents, {} failed, {} skipped, {:.2f} s, {:.1f} pages/s, {:.1f} MB/s, "
             "{} jobs, peak RSS {:.1f} MB\n",
             out.documents, out.failures, out.skipped, secs, per_second(static_cast<double>(out.documents), secs),
             per_second(static_cast<double>(out.bytes), secs) / 1e6, jobs,
             static_cast<double>(ru.ru_maxrss) / 1024.0);
}

void print_warc_stats(const warc_counts& c, std::chrono::steady_clock::time_point start) {
  fmt::print(stderr, "extract: {} WARC records, {} HTML responses, {} skipped, {} failed, {:.2f} s\n",
             c.records, c.html, c.skipped, c.failed, seconds_since(start));
}

}  // namespace extract
