// extract's command line: the option set and what it selects.
#pragma once

#include <newsx/newsx.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace extract {

enum class format { json, jsonl, text, markdown, csv };

/// Everything the options select, shared read-only by the workers.
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
  bool keep_errors = false;  // --keep-errors: extract non-2xx WARC responses too
  std::vector<std::string> globs;  // --glob: which files of a directory to read
  std::string output_dir;          // -o: one output file per input, mirroring its path
  std::string fields;
};

/// The parsed command line: what to do, and with which settings and inputs.
struct command_line {
  enum class action { run, help, version, bad_usage };
  action what = action::run;
  settings s;
  std::vector<std::string> inputs;  // as given: files, directories, "-"
  std::string error;                // for bad_usage, without the "extract: " prefix
};

/// Parses argv. Options are read in order, as before: the first of --help,
/// --version or a usage error decides; a later value of the same option wins.
[[nodiscard]] command_line parse_command_line(int argc, const char* const* argv);

/// The --help text.
[[nodiscard]] std::string_view usage_text() noexcept;

/// Prints "extract: MESSAGE" and the --help hint on stderr; returns exit status 2.
int bad_usage(std::string_view message);

}  // namespace extract
