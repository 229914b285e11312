// extract's --jobs worker pool. Documents flow through a bounded pipeline:
// the main thread feeds jobs to the workers (each with its own
// newsx::extractor) and writes results as they finish, or in input order;
// at most 4 x jobs documents are in flight, so memory does not grow with the
// number of inputs.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "arguments.hpp"
#include "inputs.hpp"
#include "writers.hpp"

namespace extract {

/// Extracts every input and writes the results; returns the exit status.
/// expand_failures: inputs already lost while expanding directories.
[[nodiscard]] int run_pool(const settings& s, input_source& inputs, bool several,
                           std::size_t expand_failures, std::size_t skipped = 0);

/// The pipeline under run_pool and --warc: next() yields jobs (std::optional<Job>)
/// on the main thread, make_worker() makes one worker per thread, and
/// worker(seq, job) turns a job into its outcome there; outcomes go to out.
/// False once writing failed.
template <class Job, class Next, class MakeWorker>
bool run_pipeline(unsigned jobs, writer& out, progress_line& progress, Next next, MakeWorker make_worker) {
  std::mutex mu;
  std::condition_variable work_ready;
  std::condition_variable result_ready;
  std::deque<std::pair<std::size_t, Job>> work;
  std::deque<outcome> results;
  bool closing = false;

  std::vector<std::thread> pool;
  jobs = std::max(1U, jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    pool.emplace_back([&] {
      auto w = make_worker();
      while (true) {
        std::pair<std::size_t, Job> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closing || !work.empty(); });
          if (work.empty()) return;
          job = std::move(work.front());
          work.pop_front();
        }
        outcome o = w(job.first, job.second);
        {
          std::lock_guard<std::mutex> lock(mu);
          results.push_back(std::move(o));
        }
        result_ready.notify_one();
      }
    });
  }

  // In flight = submitted but not yet written; in ordered mode results that
  // wait for an earlier one count too, which bounds the reorder buffer.
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;
  std::size_t submitted = 0;
  std::size_t written = 0;
  bool more = true;
  bool write_ok = true;
  while (write_ok && (more || written < submitted)) {
    // jobs are made outside the lock: reading a WARC record takes a while
    while (more && submitted - written < window) {
      std::optional<Job> j = next();
      if (!j) {
        more = false;
        break;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        work.emplace_back(submitted++, std::move(*j));
      }
      work_ready.notify_one();
    }
    if (written == submitted) continue;
    std::unique_lock<std::mutex> lock(mu);
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
  return write_ok;
}

}  // namespace extract
