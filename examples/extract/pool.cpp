#include "pool.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "writers.hpp"

namespace extract {

namespace {

/// Reads and extracts one input and renders it in the chosen format.
class worker_state {
 public:
  explicit worker_state(const settings& s) : s_(s), ex_(s.opts) {}

  outcome run(std::size_t seq, const std::string& path, bool several) {
    outcome o;
    o.seq = seq;
    o.path = path;
    newsx::error err;
    bool ok = read_input(path, s_.opts.max_input_bytes, data_, err);
    o.bytes = data_.size();
    std::optional<newsx::result<newsx::article>> r;
    if (ok) {
      newsx::document_hints hints;
      hints.url = s_.url;
      hints.decode_as = s_.charset;
      r.emplace(ex_.extract(data_, hints));
      if (!*r) {
        ok = false;
        err = r->error();
      }
    }
    if (!ok) {
      o.error = err.message;
      if (s_.output_dir.empty()) o.rendered = render_failure(s_, err, path, several);
      return o;
    }
    // with an output directory every input gets a file of its own, written
    // as if it had been the only input
    o.rendered = render(s_, **r, path, several && s_.output_dir.empty());
    if (!s_.output_dir.empty() && s_.fmt == format::csv) o.rendered = newsx::csv_header() + o.rendered;
    return o;
  }

 private:
  const settings& s_;
  newsx::extractor ex_;
  std::string data_;  // reused input buffer
};

}  // namespace

int run_pool(const settings& s, input_source& inputs, bool several, std::size_t expand_failures,
             std::size_t skipped) {
  writer out(s, several);
  out.failures = expand_failures;
  out.skipped = skipped;
  bool write_ok = out.begin();
  const unsigned jobs = std::max(1U, s.jobs);
  const auto start = std::chrono::steady_clock::now();
  progress_line progress(s.progress == 1 || (s.progress == -1 && isatty(STDERR_FILENO) != 0), start);
  if (write_ok) {
    write_ok = run_pipeline<std::string>(
        jobs, out, progress, [&] { return inputs.next(); },
        [&] {
          return [w = std::make_shared<worker_state>(s), several](std::size_t seq, const std::string& path) {
            return w->run(seq, path, several);
          };
        });
  }
  if (write_ok) write_ok = out.end();
  progress.clear();

  if (s.stats) print_stats(out, jobs, start);
  if (!write_ok) return write_error();
  return out.failures == 0 ? 0 : 1;
}

}  // namespace extract
