// extract: the newsx command-line tool. Links only the public newsx target.
//
//   extract [options] INPUT...     INPUT: a file, a directory (recursively, in
//                                  sorted order) or - for standard input
//
// arguments.cpp reads the options, inputs.cpp expands and reads the inputs,
// pool.cpp runs the --jobs workers, writers.cpp renders and writes the
// results, warc.cpp is the --warc mode.
#include <fmt/format.h>

#include <algorithm>
#include <fmt/ranges.h>

#include <csignal>
#include <filesystem>
#include <utility>

#include "arguments.hpp"
#include "inputs.hpp"
#include "pool.hpp"
#include "warc.hpp"

namespace {
int run(int argc, char** argv);
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error (EPIPE), handled quietly
  // Every file system call passes an error_code; this is the net under them,
  // so that an unforeseen refusal is a message and exit 1, never an abort.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "extract: {}\n", e.what());
    return 1;
  }
}

namespace {

int run(int argc, char** argv) {
  using extract::command_line;
  command_line cl = extract::parse_command_line(argc, argv);
  extract::settings& s = cl.s;
  switch (cl.what) {
    case command_line::action::help: fmt::print("{}", extract::usage_text()); return 0;
    case command_line::action::version: fmt::print("extract (newsx) {}\n", newsx::version()); return 0;
    case command_line::action::bad_usage: return extract::bad_usage(cl.error);
    case command_line::action::run: break;
  }

  if (const newsx::result<newsx::extractor> checked = newsx::extractor::create(s.opts); !checked) {
    const std::string& why = checked.error().message;
    const bool now = why.rfind("reference_time", 0) == 0;
    return extract::bad_usage(fmt::format("{}: {}", now ? "--now" : "--default-tz", why));
  }
  if (!s.warcs.empty()) {
    if (!cl.inputs.empty() || !s.files_from.empty()) return extract::bad_usage("--warc takes no other inputs");
    return extract::run_warc(s);
  }
  if (cl.inputs.empty() && s.files_from.empty()) return extract::bad_usage("no input given");
  // standard input is one stream: read twice, two documents would split it
  const auto stdin_uses = std::count(cl.inputs.begin(), cl.inputs.end(), "-") + (s.files_from == "-" ? 1 : 0);
  if (stdin_uses > 1) return extract::bad_usage("standard input ('-') can be read only once");

  extract::expanded_inputs expanded = extract::expand_inputs(cl.inputs, s.globs);
  if (expanded.files.empty() && s.files_from.empty() && expanded.failures == 0) {
    fmt::print(stderr, "extract: no page or post to read in {} ({} files skipped)\n",
               fmt::join(cl.inputs, ", "), expanded.skipped);
    return 1;
  }
  const bool one_file = expanded.files.size() == 1;
  extract::input_source source(std::move(expanded.files));
  if (!s.files_from.empty() && !source.open_list(s.files_from)) {
    return extract::bad_usage(fmt::format("cannot open --files-from {}", s.files_from));
  }
  std::error_code not_a_folder;  // an input that cannot even be looked at is read, and fails there
  const bool several = !one_file || source.has_list() || cl.inputs.size() != 1 ||
                       std::filesystem::is_directory(cl.inputs[0], not_a_folder);
  if (!s.fmt_given && several && s.output_dir.empty()) s.fmt = extract::format::jsonl;
  // One pretty JSON document, or a JSON array, is written in input order.
  if (s.fmt == extract::format::json) s.ordered = true;

  return extract::run_pool(s, source, several, expanded.failures, expanded.skipped);
}

}  // namespace
