#include "pool.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

  std::mutex mu;
  std::condition_variable work_ready;
  std::condition_variable result_ready;
  std::deque<std::pair<std::size_t, std::string>> work;
  std::deque<outcome> results;
  bool closing = false;

  std::vector<std::thread> pool;
  const unsigned jobs = std::max(1U, s.jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    pool.emplace_back([&] {
      worker_state w(s);
      while (true) {
        std::pair<std::size_t, std::string> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closing || !work.empty(); });
          if (work.empty()) return;
          job = std::move(work.front());
          work.pop_front();
        }
        outcome o = w.run(job.first, job.second, several);
        {
          std::lock_guard<std::mutex> lock(mu);
          results.push_back(std::move(o));
        }
        result_ready.notify_one();
      }
    });
  }

  const auto start = std::chrono::steady_clock::now();
  progress_line progress(s.progress == 1 || (s.progress == -1 && isatty(STDERR_FILENO) != 0), start);
  // In flight = submitted but not yet written; in ordered mode results that
  // wait for an earlier one count too, which bounds the reorder buffer.
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;
  std::size_t submitted = 0;
  std::size_t written = 0;
  bool more = true;
  while (write_ok && (more || written < submitted)) {
    std::unique_lock<std::mutex> lock(mu);
    while (more && submitted - written < window) {
      std::optional<std::string> path = inputs.next();
      if (!path) {
        more = false;
        break;
      }
      work.emplace_back(submitted++, std::move(*path));
      work_ready.notify_one();
    }
    if (written == submitted) continue;
    result_ready.wait(lock, [&] { return !results.empty(); });
    std::deque<outcome> batch;
    batch.swap(results);
    lock.unlock();
    for (outcome& o : batch) {
      ++written;
      if (write_ok && !out.add(std::move(o))) write_ok = false;
    }
    progress.update(out);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    closing = true;
    work.clear();  // after a write error nothing more is wanted
  }
  work_ready.notify_all();
  for (auto& th : pool) th.join();
  if (write_ok) write_ok = out.end();
  progress.clear();

  if (s.stats) print_stats(out, jobs, start);
  if (!write_ok) return write_error();
  return out.failures == 0 ? 0 : 1;
}

}  // namespace extract
