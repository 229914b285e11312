// extract's options, parsed with CLI11. Every option acts as soon as it is
// read (trigger_on_parse), in command-line order, so that the first --help,
// --version or usage error decides and a later value replaces an earlier one.
#include "arguments.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace extract {

namespace {

constexpr std::string_view help = R"(usage: extract [options] INPUT...

Turns news pages and Jekyll-style posts into article JSON.

INPUT is a file, a directory (every file inside, recursively, in sorted
order) or - for standard input. An option's value follows it (--jobs 2) or
is joined to it with = (--jobs=2); -f and -j take theirs next or attached
(-j 2, -j2). -- ends the options.

options:
  -f, --format FMT   json | jsonl | text | markdown | csv (one row per
                     document: file,url,title,date,date_modified,source,
                     author,is_article,stock_codes,text,error; RFC 4180)
                     (default: json for one input, jsonl for several)
  --default-tz TZ    offset for times that carry none on Chinese pages
                     (default +08:00); "" leaves such times without offset
  --default-tz-all-pages
                     apply --default-tz to pages in other languages too
                     (without it their times without offset stay so)
  --now TIME         when the inputs were fetched (ISO 8601 with a time, e.g.
                     2024-03-05T10:00:00+08:00, or epoch seconds): relative
                     times such as "3小时前" or "2 days ago" are read against
                     it; without it they give no date. With --warc each
                     record's WARC-Date is used instead
  --charset NAME     decode inputs with this charset (GBK, Big5, UTF-8,
                     UTF-16LE...) instead of detecting it
  --url URL          the page's address, when the page does not say it
  --securities FILE  a CSV of symbol,name[,alias...] (your security master):
                     articles that name a listed company without its code
                     still yield the code
  -o, --output-dir DIR
                     write one file per input under DIR, mirroring the input's
                     path (a/b.html -> DIR/a/b.json; .md for markdown, .txt
                     for text, .csv for csv); failures still go to stderr
  -j, --jobs N       extract with N worker threads (default 1)
  --ordered          with --jobs, print results in input order (default:
                     as they finish)
  --files-from FILE  read input paths, one per line, from FILE (- for stdin)
  --glob PATTERN     in directories, read only files whose name matches
                     (e.g. '*.html'; repeatable). Without it, every file but
                     those that are no page or post: hidden and VCS folders,
                     robots.txt, .tsv/.css/.js and the like, images, PDFs,
                     archives and other binaries (judged by their bytes)
  --warc FILE        read a WARC 1.0/1.1 archive (.warc, .warc.gz, .warc.zst;
                     the compression is told by the bytes): one document per
                     HTML response record, in --format (default jsonl), with
                     "url", "warc_record_id", "http_status" and "fetch_date"
                     (its WARC-Date); other records are skipped and counted.
                     Repeatable; streamed, one record in memory at a time;
                     - reads standard input. Output is in record order for
                     any --jobs; -o DIR writes DIR/ARCHIVE/000001.json...
                     Responses that are not 2xx are skipped and counted
                     unless --keep-errors. A damaged record (wrong
                     Content-Length, damaged gzip member or zstd frame) or
                     an HTML response over --max-bytes is an error line and,
                     in jsonl and csv, an error record with "warc_offset";
                     reading goes on at the next record
  --keep-errors      with --warc, extract 4xx/5xx responses too
  --stats            print documents, failures and pages/s to stderr at the end
  --progress         a progress line on stderr (default when it is a terminal)
  --no-progress      no progress line
  --fields LIST      only these keys in JSON output, e.g. title,date,stock_codes
                     ("file", "warc_record_id", "http_status" and
                     "fetch_date" are always kept)
  --compact          one-line JSON for --format json
  --pretty           indented JSON for --format json (the default)
  --max-bytes N      refuse inputs larger than N bytes (default 67108864)
  --max-output N     truncate bodies past N bytes of text (default 67108864)
  --max-depth N      refuse documents nesting deeper than N (default 2000)
  --max-nodes N      refuse pages of more than N elements and text runs (default 500000)
  --max-parse-bytes N  refuse pages whose parse tree needs more than N bytes (default 1073741824)
  --max-attributes N drop attributes past N on one tag (default 512)
  --no-prescan       let the HTML parser see script/style bodies and comments
                     (same article, slower; for checking the pre-scan)
  --no-sentences     skip sentence segmentation
  --no-paragraph-look  choose the content by its element alone, without the
                     paragraph-by-paragraph second look (faster, less recall)
  --explain          add "candidates": every value title, date, source, author
                     and url could have taken, where each came from, and
                     which one won
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

/// A usage error found while reading an option: its message.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// --help or --version: stop reading, do that.
struct stop_parsing {
  command_line::action what;
};

/// A count: digits, optionally after blanks and a '+' (as strtoull read them
/// before); a '-' is refused rather than wrapped around to a huge number.
bool parse_count(std::string_view v, std::size_t& out) {
  std::size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i])) != 0) ++i;
  if (i < v.size() && v[i] == '+') ++i;
  const char* first = v.data() + i;
  const char* last = v.data() + v.size();
  if (first == last) return false;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(first, last, n);
  if (ec != std::errc() || end != last) return false;
  out = n;
  return true;
}

/// The first name in a --fields list that is not an article key, or empty.
std::string unknown_field(std::string_view list) {
  const std::vector<std::string_view>& keys = newsx::json_field_names();
  std::size_t i = 0;
  while (i <= list.size()) {
    std::size_t j = list.find(',', i);
    if (j == std::string_view::npos) j = list.size();
    const std::string_view name = list.substr(i, j - i);
    if (std::find(keys.begin(), keys.end(), name) == keys.end()) return std::string(name);
    i = j + 1;
  }
  return {};
}

format parse_format(std::string_view f) {
  if (f == "json") return format::json;
  if (f == "jsonl") return format::jsonl;
  if (f == "text") return format::text;
  if (f == "markdown" || f == "md") return format::markdown;
  if (f == "csv") return format::csv;
  throw usage_error(fmt::format("unknown format '{}'", f));
}

/// The options that take a value, with what a missing or bad one is told.
struct value_option {
  const char* names;  // for CLI11: "-f,--format"
  const char* name;   // in messages: "--format"
  const char* needs;  // "--format needs a value"
  std::function<void(const std::string&)> set;
};

/// A word CLI11 would take that extract reads as an unknown option, or empty:
/// "-1" (CLI11: a negative number, so an input) and "--stats=yes" (CLI11: a
/// flag's value). Option values and the words after "--" are skipped.
std::string_view unknown_word(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-') continue;
    if (std::isdigit(static_cast<unsigned char>(a[1])) != 0) return a;
    const bool is_long = a[1] == '-';
    const std::size_t eq = is_long ? a.find('=') : std::string_view::npos;
    const CLI::Option* o =
        is_long || a.size() == 2 ? app.get_option_no_throw(std::string(a.substr(0, eq))) : nullptr;
    if (o == nullptr) continue;  // unknown or "-fjson": CLI11 has it
    const bool takes_value = o->get_items_expected_max() > 0;
    if (!takes_value && eq != std::string_view::npos) return a;
    // "--format" or "-f" alone: the next word is its value, whatever it is
    if (takes_value && eq == std::string_view::npos) ++i;
  }
  return {};
}

}  // namespace

std::string_view usage_text() noexcept { return help; }

int bad_usage(std::string_view message) {
  fmt::print(stderr, "extract: {}\nTry 'extract --help'.\n", message);
  return 2;
}

command_line parse_command_line(int argc, const char* const* argv) {
  command_line cl;
  settings& s = cl.s;

  CLI::App app("Turns news pages and Jekyll-style posts into article JSON.", "extract");
  app.set_help_flag();  // -h/--help is ours below: it prints usage_text()
  app.allow_extras();   // unknown options are reported below, in extract's words

  auto size_setter = [](std::size_t& target, const char* name) {
    return [&target, name](const std::string& v) {
      if (!parse_count(v, target)) throw usage_error(fmt::format("{} needs a number", name));
    };
  };
  const std::vector<value_option> values = {
      {"-f,--format", "--format", "a value", [&](const std::string& v) {
         s.fmt = parse_format(v);
         s.fmt_given = true;
       }},
      {"--default-tz", "--default-tz", "a value", [&](const std::string& v) { s.opts.default_timezone = v; }},
      {"--now", "--now", "a value", [&](const std::string& v) { s.opts.reference_time = v; }},
      {"--charset", "--charset", "a value", [&](const std::string& v) { s.charset = v; }},
      {"--url", "--url", "a value", [&](const std::string& v) { s.url = v; }},
      {"--securities", "--securities", "a file", [&](const std::string& v) {
         newsx::result<std::shared_ptr<const newsx::securities>> list = newsx::securities::load(v);
         if (!list) throw usage_error(fmt::format("--securities: {}", list.error().message));
         s.opts.securities = *list;
       }},
      {"--files-from", "--files-from", "a value", [&](const std::string& v) { s.files_from = v; }},
      {"--fields", "--fields", "a value", [&](const std::string& v) {
         s.fields = v;
         if (const std::string bad = unknown_field(v); !bad.empty()) {
           throw usage_error(fmt::format("--fields: no such key '{}'", bad));
         }
       }},
      {"--warc", "--warc", "a file", [&](const std::string& v) { s.warcs.push_back(v); }},
      {"--glob", "--glob", "a pattern", [&](const std::string& v) { s.globs.push_back(v); }},
      {"-o,--output-dir", "--output-dir", "a directory", [&](const std::string& v) { s.output_dir = v; }},
      {"-j,--jobs", "--jobs", "a number from 1 to 256", [&](const std::string& v) {
         std::size_t n = 0;
         if (!parse_count(v, n) || n == 0 || n > 256) {
           throw usage_error("--jobs needs a number from 1 to 256");
         }
         s.jobs = static_cast<unsigned>(n);
       }},
      {"--max-bytes", "--max-bytes", "a number", size_setter(s.opts.max_input_bytes, "--max-bytes")},
      {"--max-output", "--max-output", "a number", size_setter(s.opts.max_output_bytes, "--max-output")},
      {"--max-depth", "--max-depth", "a number", size_setter(s.opts.max_depth, "--max-depth")},
      {"--max-attributes", "--max-attributes", "a number", size_setter(s.opts.max_attributes, "--max-attributes")},
      {"--max-nodes", "--max-nodes", "a number", size_setter(s.opts.max_nodes, "--max-nodes")},
      {"--max-parse-bytes", "--max-parse-bytes", "a number", size_setter(s.opts.max_parse_bytes, "--max-parse-bytes")},
  };
  for (const value_option& v : values) {
    app.add_option_function<std::string>(v.names, v.set)->trigger_on_parse();
  }

  auto flag = [&](const char* names, std::function<void()> set) {
    app.add_flag_callback(names, std::move(set))->trigger_on_parse();
  };
  flag("-h,--help", [] { throw stop_parsing{command_line::action::help}; });
  flag("--version", [] { throw stop_parsing{command_line::action::version}; });
  flag("--ordered", [&] { s.ordered = true; });
  flag("--stats", [&] { s.stats = true; });
  flag("--progress", [&] { s.progress = 1; });
  flag("--no-progress", [&] { s.progress = 0; });
  flag("--no-prescan", [&] { s.opts.prescan = false; });
  flag("--compact", [&] { s.compact = true; });
  flag("--pretty", [&] { s.compact = false; });
  flag("--no-sentences", [&] { s.opts.sentences = false; });
  flag("--no-paragraph-look", [&] { s.opts.paragraph_look = false; });
  flag("--default-tz-all-pages", [&] { s.opts.default_timezone_all_pages = true; });
  flag("--normalize-width", [&] { s.opts.normalize_width = true; });
  flag("--explain", [&] { s.opts.explain = true; });
  flag("--keep-errors", [&] { s.keep_errors = true; });

  app.add_option("INPUT", cl.inputs);

  auto fail = [&](std::string message) {
    cl.what = command_line::action::bad_usage;
    cl.error = std::move(message);
    return cl;
  };
  try {
    app.parse(argc, argv);
  } catch (const stop_parsing& stop) {
    cl.what = stop.what;
    return cl;
  } catch (const usage_error& e) {
    return fail(e.what());
  } catch (const CLI::ArgumentMismatch& e) {
    // an option short of its value: it is the last word of the command line
    const std::string last = argc > 1 ? argv[argc - 1] : "";
    const CLI::Option* o = app.get_option_no_throw(last.substr(0, last.find('=')));
    for (const value_option& v : values) {
      if (o != nullptr && o->check_name(v.name)) return fail(fmt::format("{} needs {}", v.name, v.needs));
    }
    return fail(e.what());
  } catch (const CLI::ParseError& e) {
    return fail(e.what());
  }
  // what CLI11 did not take: unknown options, and the "--" that ended the options
  for (const std::string& extra : app.remaining()) {
    if (extra != "--") return fail(fmt::format("unknown option '{}'", extra));
  }
  if (const std::string_view word = unknown_word(app, argc, argv); !word.empty()) {
    return fail(fmt::format("unknown option '{}'", word));
  }
  return cl;
}

}  // namespace extract
