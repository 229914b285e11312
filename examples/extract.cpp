// extract: the newsx command-line tool. Links only the public newsx target.
//
//   extract [options] INPUT...     INPUT: a file, a directory (recursively, in
//                                  sorted order) or - for standard input
#include <newsx/newsx.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
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
  --compact          one-line JSON for --format json
  --pretty           indented JSON for --format json (the default)
  --max-bytes N      refuse inputs larger than N bytes (default 67108864)
  --max-output N     truncate bodies past N bytes of text (default 67108864)
  --max-depth N      refuse documents nesting deeper than N (default 2000)
  --max-attributes N drop attributes past N on one tag (default 512)
  --no-prescan       let the HTML parser see script/style bodies and comments
                     (same article, slower; for checking the pre-scan)
  --no-sentences     skip sentence segmentation
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

bool read_all(std::FILE* f, std::string& out) {
  out.clear();
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return std::ferror(f) == 0;
}

bool read_file(const std::string& path, std::string& out, std::string& why) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    why = std::strerror(errno);
    return false;
  }
  const bool ok = read_all(f, out);
  if (!ok) why = std::strerror(errno);
  std::fclose(f);
  return ok;
}

/// Writes s to stdout; false (with errno) when the stream fails.
bool emit(std::string_view s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

bool parse_size(const char* s, std::size_t& out) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return false;
  out = static_cast<std::size_t>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error we report
  newsx::options opts;
  format fmt = format::json;
  bool fmt_given = false;
  bool compact = false;
  std::vector<std::string> inputs;

  auto bad_usage = [](const std::string& msg) {
    std::fprintf(stderr, "extract: %s\nTry 'extract --help'.\n", msg.c_str());
    return 2;
  };

  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
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
      const char* v = value("--format");
      if (v == nullptr) return bad_usage("--format needs a value");
      const std::string_view f = v;
      if (f == "json") fmt = format::json;
      else if (f == "jsonl") fmt = format::jsonl;
      else if (f == "text") fmt = format::text;
      else if (f == "markdown" || f == "md") fmt = format::markdown;
      else return bad_usage("unknown format '" + std::string(f) + "'");
      fmt_given = true;
    } else if (arg == "--default-tz") {
      const char* v = value("--default-tz");
      if (v == nullptr) return bad_usage("--default-tz needs a value");
      opts.default_timezone = v;
    } else if (arg == "--charset") {
      const char* v = value("--charset");
      if (v == nullptr) return bad_usage("--charset needs a value");
      opts.charset = v;
    } else if (arg == "--url") {
      const char* v = value("--url");
      if (v == nullptr) return bad_usage("--url needs a value");
      opts.url = v;
    } else if (arg == "--max-output") {
      const char* v = value("");
      if (v == nullptr || !parse_size(v, opts.max_output_bytes)) return bad_usage("--max-output needs a number");
    } else if (arg == "--max-bytes" || arg == "--max-depth" || arg == "--max-attributes") {
      const char* v = value("");
      std::size_t n = 0;
      if (v == nullptr || !parse_size(v, n)) return bad_usage(std::string(arg) + " needs a number");
      (arg == "--max-bytes"   ? opts.max_input_bytes
       : arg == "--max-depth" ? opts.max_depth
                              : opts.max_attributes) = n;
    } else if (arg == "--no-prescan") {
      opts.prescan = false;
    } else if (arg == "--compact") {
      compact = true;
    } else if (arg == "--pretty") {
      compact = false;
    } else if (arg == "--no-sentences") {
      opts.sentences = false;
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
  if (inputs.empty()) return bad_usage("no input given");
  if (!opts.default_timezone.empty() && opts.default_timezone != "Z") {
    const std::string& tz = opts.default_timezone;
    const bool ok = (tz[0] == '+' || tz[0] == '-') && tz.size() >= 2 && tz.size() <= 6;
    if (!ok) return bad_usage("--default-tz wants an offset like +08:00");
  }

  // Expand directories into their files, sorted, recursively.
  std::vector<std::string> files;
  int failures = 0;
  std::vector<std::pair<std::string, std::string>> expand_errors;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2)) found.push_back(it->path().string());
      }
      if (ec) expand_errors.emplace_back(in, ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  if (!fmt_given && (files.size() != 1 || inputs.size() != 1 || fs::is_directory(inputs[0]))) {
    fmt = format::jsonl;
  }

  newsx::extractor ex(opts);
  std::string data;
  std::string out;
  bool write_failed = false;
  const bool json_array = fmt == format::json && files.size() > 1;
  if (json_array) write_failed |= !emit("[\n");
  bool first = true;

  for (const auto& [path, why] : expand_errors) {
    ++failures;
    std::fprintf(stderr, "extract: %s: %s\n", path.c_str(), why.c_str());
  }

  for (const std::string& path : files) {
    if (write_failed) break;
    std::string why;
    newsx::error err;
    bool ok = true;
    std::error_code size_ec;
    const auto size = path == "-" ? 0 : fs::file_size(path, size_ec);
    if (!size_ec && size > opts.max_input_bytes) {
      // refuse before reading: a huge file must not cost its size in memory
      ok = false;
      err = {newsx::error_code::input_too_large,
             "input is " + std::to_string(size) + " bytes; the limit is " +
                 std::to_string(opts.max_input_bytes)};
    } else if (path == "-") {
      ok = read_all(stdin, data);
      if (!ok) err = {newsx::error_code::read_failed, std::string("cannot read: ") + std::strerror(errno)};
    } else {
      ok = read_file(path, data, why);
      if (!ok) err = {newsx::error_code::read_failed, "cannot read: " + why};
    }
    newsx::result<newsx::article> r = err;
    if (ok) {
      r = ex.extract(data);
      if (!r) err = r.error();
    }
    out.clear();
    if (!ok || !r) {
      ++failures;
      std::fprintf(stderr, "extract: %s: %s\n", path.c_str(), err.message.c_str());
      if (fmt == format::jsonl) out = newsx::error_to_json(err, path) + "\n";
    } else {
      switch (fmt) {
        case format::json: {
          newsx::json_options jo;
          jo.pretty = !compact;
          if (files.size() > 1) jo.file = path;
          if (json_array && !first) out = ",\n";
          out += newsx::to_json(*r, jo);
          if (!json_array) out += "\n";
          break;
        }
        case format::jsonl: {
          newsx::json_options jo;
          jo.pretty = false;
          jo.file = path;
          out = newsx::to_json(*r, jo) + "\n";
          break;
        }
        case format::text:
          if (files.size() > 1) out = "==> " + path + " <==\n";
          out += newsx::to_text(*r);
          if (files.size() > 1) out += "\n";
          break;
        case format::markdown:
          if (files.size() > 1 && !first) out = "\n---\n\n";
          out += newsx::to_markdown(*r) + "\n";
          break;
      }
      first = false;
    }
    if (!out.empty() && !emit(out)) write_failed = true;
  }
  if (json_array && !write_failed) write_failed |= !emit("\n]\n");
  if (!write_failed && std::fflush(stdout) != 0) write_failed = true;
  if (write_failed) {
    std::fprintf(stderr, "extract: write error: %s\n", std::strerror(errno));
    return 1;
  }
  return failures == 0 ? 0 : 1;
}
