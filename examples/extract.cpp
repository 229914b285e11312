// extract: the newsx command-line tool. Links only the public newsx target.
//
//   extract [options] INPUT...     INPUT: a file, a directory (recursively, in
//                                  sorted order) or - for standard input
//
// Documents flow through a bounded pipeline: the main thread feeds paths to
// --jobs workers (each with its own newsx::extractor) and writes results as
// they finish; at most a few documents per worker are in flight, so memory
// does not grow with the number of inputs.
#include <newsx/newsx.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* usage_text = R"(usage: extract [options] INPUT...

Turns news pages and Jekyll-style posts into article JSON.

INPUT is a file, a directory (every file inside, recursively, in sorted
order) or - for standard input.

options:
  --format FMT       json | jsonl | text | markdown
                     (default: json for one input, jsonl for several)
  --default-tz TZ    offset for times that carry none (default +08:00);
                     "" leaves such times without offset
  --charset NAME     decode inputs with this charset (GBK, Big5, UTF-8...)
                     instead of detecting it
  --url URL          the page's address, when the page does not say it
  --jobs N           extract with N worker threads (default 1)
  --ordered          with --jobs, print results in input order (default:
                     as they finish)
  --files-from FILE  read input paths, one per line, from FILE (- for stdin)
  --warc FILE        read a WARC 1.0/1.1 archive (.warc or .warc.gz): one JSONL
                     article per HTML response record, with "url" and
                     "warc_record_id"; other records are skipped and counted.
                     Repeatable; streamed, one record in memory at a time
  --stats            print documents, failures and pages/s to stderr at the end
  --progress         a progress line on stderr (default when it is a terminal)
  --no-progress      no progress line
  --fields LIST      only these keys in JSON output, e.g. title,date,stock_codes
                     ("file" and "warc_record_id" are always kept)
  --compact          one-line JSON for --format json
  --pretty           indented JSON for --format json (the default)
  --max-bytes N      refuse inputs larger than N bytes (default 67108864)
  --max-output N     truncate bodies past N bytes of text (default 67108864)
  --max-depth N      refuse documents nesting deeper than N (default 2000)
  --max-attributes N drop attributes past N on one tag (default 512)
  --no-prescan       let the HTML parser see script/style bodies and comments
                     (same article, slower; for checking the pre-scan)
  --no-sentences     skip sentence segmentation
  --normalize-width  fold full-width letters and digits (Ａ１) to ASCII
  --version          print the version and exit
  -h, --help         print this help and exit

output:
  json      one pretty JSON object (an array of them for several inputs)
  jsonl     one JSON object per line, each with "file" set to the input path;
            a failed input prints {"file":..., "error":..., "message":...}
  text      title, byline and paragraphs
  markdown  the article as Markdown

exit status:
  0  every input was extracted
  1  some input failed (the others are still printed), or output failed
  2  bad usage
)";

enum class format { json, jsonl, text, markdown };

struct settings {
  newsx::options opts;
  std::string charset;  // --charset: every input is decoded as this
  std::string url;      // --url: every input was fetched from here
  format fmt = format::json;
  bool fmt_given = false;
  bool compact = false;
  unsigned jobs = 1;
  bool ordered = false;
  bool stats = false;
  int progress = -1;  // -1: when stderr is a terminal
  std::string files_from;
  std::vector<std::string> warcs;
  std::string fields;
};

constexpr std::string_view article_keys[] = {
    "title", "date",       "source", "author", "url",    "site_name", "lang",
    "summary", "categories", "tags", "is_article", "body", "text", "images",
    "stock_codes", "charset", "input_kind", "warnings"};

/// The first name in a --fields list that is not an article key, or empty.
std::string unknown_field(std::string_view list) {
  std::size_t i = 0;
  while (i <= list.size()) {
    std::size_t j = list.find(',', i);
    if (j == std::string_view::npos) j = list.size();
    const std::string_view name = list.substr(i, j - i);
    if (std::find(std::begin(article_keys), std::end(article_keys), name) == std::end(article_keys)) {
      return std::string(name);
    }
    i = j + 1;
  }
  return {};
}

bool read_all(std::FILE* f, std::string& out) {
  out.clear();
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return std::ferror(f) == 0;
}

bool parse_size(const char* s, std::size_t& out) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return false;
  out = static_cast<std::size_t>(v);
  return true;
}

/// One input's outcome, rendered and ready to write.
struct outcome {
  std::size_t seq = 0;
  std::string path;
  std::string rendered;  // empty for a failure in a format without error records
  std::string error;     // message for stderr; empty on success
  std::size_t bytes = 0;
};

/// Reads and extracts one input and renders it in the chosen format.
class worker_state {
 public:
  explicit worker_state(const settings& s) : s_(s), ex_(s.opts) {}

  outcome run(std::size_t seq, const std::string& path, bool several) {
    outcome o;
    o.seq = seq;
    o.path = path;
    newsx::error err;
    bool ok = read(path, err);
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
      if (s_.fmt == format::jsonl) o.rendered = newsx::error_to_json(err, path) + "\n";
      return o;
    }
    const newsx::article& a = **r;
    switch (s_.fmt) {
      case format::json: {
        newsx::json_options jo;
        jo.fields = s_.fields;
        jo.pretty = !s_.compact;
        if (several) jo.file = path;
        o.rendered = newsx::to_json(a, jo);
        break;
      }
      case format::jsonl: {
        newsx::json_options jo;
        jo.fields = s_.fields;
        jo.pretty = false;
        jo.file = path;
        o.rendered = newsx::to_json(a, jo) + "\n";
        break;
      }
      case format::text:
        if (several) o.rendered = "==> " + path + " <==\n";
        o.rendered += newsx::to_text(a);
        if (several) o.rendered += "\n";
        break;
      case format::markdown:
        o.rendered = newsx::to_markdown(a) + "\n";
        break;
    }
    return o;
  }

 private:
  bool read(const std::string& path, newsx::error& err) {
    if (path == "-") {
      if (read_all(stdin, data_)) return true;
      err = {newsx::error_code::read_failed, std::string("cannot read: ") + std::strerror(errno)};
      return false;
    }
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > s_.opts.max_input_bytes) {
      // refuse before reading: a huge file must not cost its size in memory
      err = {newsx::error_code::input_too_large,
             "input is " + std::to_string(size) + " bytes; the limit is " +
                 std::to_string(s_.opts.max_input_bytes)};
      return false;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      err = {newsx::error_code::read_failed, std::string("cannot read: ") + std::strerror(errno)};
      return false;
    }
    const bool ok = read_all(f, data_);
    const int saved = errno;
    std::fclose(f);
    if (!ok) err = {newsx::error_code::read_failed, std::string("cannot read: ") + std::strerror(saved)};
    return ok;
  }

  const settings& s_;
  newsx::extractor ex_;
  std::string data_;  // reused input buffer
};

/// Yields input paths: expanded command-line inputs, then --files-from lines.
class input_source {
 public:
  input_source(std::vector<std::string> files, std::FILE* list)
      : files_(std::move(files)), list_(list) {}
  std::optional<std::string> next() {
    if (next_file_ < files_.size()) return files_[next_file_++];
    if (list_ == nullptr) return std::nullopt;
    std::string line;
    int c = 0;
    while (true) {
      line.clear();
      while ((c = std::fgetc(list_)) != EOF && c != '\n') line.push_back(static_cast<char>(c));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) return line;
      if (c == EOF) return std::nullopt;
    }
  }

 private:
  std::vector<std::string> files_;
  std::size_t next_file_ = 0;
  std::FILE* list_;
};

/// Writes outcomes in order of arrival or of input; false once stdout fails.
class writer {
 public:
  writer(const settings& s, bool several) : s_(s), several_(several) {}

  bool begin() { return !(json_array() && !emit("[\n")); }
  bool end() {
    if (json_array() && wrote_any_) {
      if (!emit("\n]\n")) return false;
    } else if (json_array()) {
      if (!emit("]\n")) return false;
    }
    return std::fflush(stdout) == 0;
  }

  bool add(outcome o) {
    if (!s_.ordered) return write(o);
    pending_.emplace(o.seq, std::move(o));
    while (!pending_.empty() && pending_.begin()->first == next_seq_) {
      if (!write(pending_.begin()->second)) return false;
      pending_.erase(pending_.begin());
      ++next_seq_;
    }
    return true;
  }

  std::size_t failures = 0;
  std::size_t documents = 0;
  std::size_t bytes = 0;

 private:
  bool json_array() const { return s_.fmt == format::json && several_; }
  static bool emit(std::string_view s) {
    return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
  }
  bool write(const outcome& o) {
    ++documents;
    bytes += o.bytes;
    if (!o.error.empty()) {
      ++failures;
      std::fprintf(stderr, "extract: %s: %s\n", o.path.c_str(), o.error.c_str());
    }
    if (o.rendered.empty()) return true;
    std::string sep;
    if (json_array() && wrote_any_) sep = ",\n";
    if (s_.fmt == format::markdown && several_ && wrote_any_) sep = "\n---\n\n";
    if (s_.fmt == format::json && !several_) sep.clear();
    wrote_any_ = true;
    if (!sep.empty() && !emit(sep)) return false;
    if (!emit(o.rendered)) return false;
    if (s_.fmt == format::json && !several_) return emit("\n");
    return true;
  }

  const settings& s_;
  bool several_;
  bool wrote_any_ = false;
  std::size_t next_seq_ = 0;
  std::map<std::size_t, outcome> pending_;
};

/// Runs every input through jobs workers with a bounded number in flight.
int run(const settings& s, input_source& inputs, bool several, std::size_t expand_failures) {
  writer out(s, several);
  out.failures = expand_failures;
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

  const bool show_progress = s.progress == 1 || (s.progress == -1 && isatty(STDERR_FILENO) != 0);
  const auto start = std::chrono::steady_clock::now();
  auto last_progress = start;
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
    if (show_progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > std::chrono::milliseconds(250)) {
        last_progress = now;
        const double secs = std::chrono::duration<double>(now - start).count();
        std::fprintf(stderr, "\rextract: %zu documents, %zu failed, %.0f pages/s ", out.documents,
                     out.failures, secs > 0 ? static_cast<double>(out.documents) / secs : 0.0);
      }
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    closing = true;
    work.clear();  // after a write error nothing more is wanted
  }
  work_ready.notify_all();
  for (auto& th : pool) th.join();
  if (write_ok) write_ok = out.end();
  if (show_progress) std::fprintf(stderr, "\r\033[K");

  if (s.stats) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::fprintf(stderr,
                 "extract: %zu documents, %zu failed, %.2f s, %.1f pages/s, %.1f MB/s, "
                 "%u jobs, peak RSS %.1f MB\n",
                 out.documents, out.failures, secs,
                 secs > 0 ? static_cast<double>(out.documents) / secs : 0.0,
                 secs > 0 ? static_cast<double>(out.bytes) / secs / 1e6 : 0.0, jobs,
                 static_cast<double>(ru.ru_maxrss) / 1024.0);
  }
  if (!write_ok) {
    std::fprintf(stderr, "extract: write error: %s\n", std::strerror(errno));
    return 1;
  }
  return out.failures == 0 ? 0 : 1;
}

/// Extracts every HTML response of the archives, one record at a time.
int run_warc(const settings& s) {
  newsx::extractor ex(s.opts);
  newsx::warc_record rec;
  std::size_t records = 0, html = 0, skipped = 0, failed = 0;
  bool damaged = false;
  const auto start = std::chrono::steady_clock::now();
  std::string out;
  for (const std::string& path : s.warcs) {
    newsx::warc_reader reader(s.opts.max_input_bytes);
    if (!reader.open(path)) {
      std::fprintf(stderr, "extract: %s\n", reader.error().c_str());
      damaged = true;
      continue;
    }
    while (true) {
      const newsx::warc_reader::status st = reader.next(rec);
      if (st == newsx::warc_reader::status::end) break;
      if (st == newsx::warc_reader::status::error) {
        std::fprintf(stderr, "extract: %s: %s\n", path.c_str(), reader.error().c_str());
        damaged = true;
        break;
      }
      ++records;
      if (!rec.is_html_response() || rec.truncated) {
        ++skipped;
        continue;
      }
      ++html;
      newsx::document_hints hints;
      hints.url = rec.target_uri;
      hints.charset = rec.charset;
      hints.decode_as = s.charset;
      const newsx::result<newsx::article> r = ex.extract(rec.payload, hints);
      if (!r) {
        ++failed;
        std::fprintf(stderr, "extract: %s %s: %s\n", path.c_str(), rec.record_id.c_str(),
                     r.error().message.c_str());
        out = newsx::error_to_json(r.error(), path, rec.record_id);
      } else {
        newsx::json_options jo;
        jo.fields = s.fields;
        jo.pretty = false;
        jo.file = path;
        jo.warc_record_id = rec.record_id;
        out = newsx::to_json(*r, jo);
      }
      out.push_back('\n');
      if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
        std::fprintf(stderr, "extract: write error: %s\n", std::strerror(errno));
        return 1;
      }
    }
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "extract: write error: %s\n", std::strerror(errno));
    return 1;
  }
  if (s.stats) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "extract: %zu WARC records, %zu HTML responses, %zu skipped, %zu failed, %.2f s\n",
                 records, html, skipped, failed, secs);
  }
  return damaged || failed != 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error we report
  settings s;
  std::vector<std::string> inputs;

  auto bad_usage = [](const std::string& msg) {
    std::fprintf(stderr, "extract: %s\nTry 'extract --help'.\n", msg.c_str());
    return 2;
  };

  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    auto size_value = [&](std::size_t& target) {
      const char* v = value();
      return v != nullptr && parse_size(v, target);
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(usage_text, stdout);
      return 0;
    }
    if (arg == "--version") {
      std::printf("extract (newsx) %.*s\n", static_cast<int>(newsx::version().size()),
                  newsx::version().data());
      return 0;
    }
    if (arg == "--format") {
      const char* v = value();
      if (v == nullptr) return bad_usage("--format needs a value");
      const std::string_view f = v;
      if (f == "json") s.fmt = format::json;
      else if (f == "jsonl") s.fmt = format::jsonl;
      else if (f == "text") s.fmt = format::text;
      else if (f == "markdown" || f == "md") s.fmt = format::markdown;
      else return bad_usage("unknown format '" + std::string(f) + "'");
      s.fmt_given = true;
    } else if (arg == "--default-tz" || arg == "--charset" || arg == "--url" ||
               arg == "--files-from" || arg == "--fields") {
      const char* v = value();
      if (v == nullptr) return bad_usage(std::string(arg) + " needs a value");
      (arg == "--default-tz" ? s.opts.default_timezone
       : arg == "--charset"  ? s.charset
       : arg == "--url"      ? s.url
       : arg == "--fields"   ? s.fields
                             : s.files_from) = v;
      if (arg == "--fields" && !unknown_field(s.fields).empty()) {
        return bad_usage("--fields: no such key '" + unknown_field(s.fields) + "'");
      }
    } else if (arg == "--warc") {
      const char* v = value();
      if (v == nullptr) return bad_usage("--warc needs a file");
      s.warcs.emplace_back(v);
    } else if (arg == "--jobs") {
      std::size_t n = 0;
      if (!size_value(n) || n == 0 || n > 256) return bad_usage("--jobs needs a number from 1 to 256");
      s.jobs = static_cast<unsigned>(n);
    } else if (arg == "--max-bytes") {
      if (!size_value(s.opts.max_input_bytes)) return bad_usage("--max-bytes needs a number");
    } else if (arg == "--max-output") {
      if (!size_value(s.opts.max_output_bytes)) return bad_usage("--max-output needs a number");
    } else if (arg == "--max-depth") {
      if (!size_value(s.opts.max_depth)) return bad_usage("--max-depth needs a number");
    } else if (arg == "--max-attributes") {
      if (!size_value(s.opts.max_attributes)) return bad_usage("--max-attributes needs a number");
    } else if (arg == "--ordered") {
      s.ordered = true;
    } else if (arg == "--stats") {
      s.stats = true;
    } else if (arg == "--progress" || arg == "--no-progress") {
      s.progress = arg == "--progress" ? 1 : 0;
    } else if (arg == "--no-prescan") {
      s.opts.prescan = false;
    } else if (arg == "--compact" || arg == "--pretty") {
      s.compact = arg == "--compact";
    } else if (arg == "--no-sentences") {
      s.opts.sentences = false;
    } else if (arg == "--normalize-width") {
      s.opts.normalize_width = true;
    } else if (arg == "-") {
      inputs.emplace_back("-");
    } else if (arg == "--") {
      for (++i; i < argc; ++i) inputs.emplace_back(argv[i]);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return bad_usage("unknown option '" + std::string(arg) + "'");
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (!s.warcs.empty()) {
    if (!inputs.empty() || !s.files_from.empty()) return bad_usage("--warc takes no other inputs");
    return run_warc(s);
  }
  if (inputs.empty() && s.files_from.empty()) return bad_usage("no input given");
  if (const newsx::result<newsx::extractor> checked = newsx::extractor::create(s.opts); !checked) {
    return bad_usage("--default-tz: " + checked.error().message);
  }

  // Expand directories into their files, sorted, recursively.
  std::vector<std::string> files;
  std::size_t expand_failures = 0;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2)) found.push_back(it->path().string());
      }
      if (ec) {
        ++expand_failures;
        std::fprintf(stderr, "extract: %s: %s\n", in.c_str(), ec.message().c_str());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  std::FILE* list = nullptr;
  if (!s.files_from.empty()) {
    list = s.files_from == "-" ? stdin : std::fopen(s.files_from.c_str(), "r");
    if (list == nullptr) return bad_usage("cannot open --files-from " + s.files_from);
  }
  const bool several = files.size() != 1 || list != nullptr || inputs.size() != 1 ||
                       fs::is_directory(inputs[0]);
  if (!s.fmt_given && several) s.fmt = format::jsonl;
  // One pretty JSON document, or a JSON array, is written in input order.
  if (s.fmt == format::json || s.fmt == format::markdown || s.fmt == format::text) {
    s.ordered = s.ordered || s.fmt == format::json;
  }

  input_source source(std::move(files), list);
  const int rc = run(s, source, several, expand_failures);
  if (list != nullptr && list != stdin) std::fclose(list);
  return rc;
}
