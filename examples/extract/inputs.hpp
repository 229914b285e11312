// extract's inputs: files, directories (walked recursively, sorted), "-" for
// standard input and --files-from lists; and reading one input's bytes.
#pragma once

#include <newsx/newsx.hpp>

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace extract {

/// The command-line inputs with every directory replaced by its regular files.
struct expanded_inputs {
  std::vector<std::string> files;
  std::size_t failures = 0;  // directories that could not be walked (reported on stderr)
  std::size_t skipped = 0;   // files in directories that are no page or post
};

/// Expands each directory into its regular files, recursively, in sorted
/// order; files and "-" are kept as they are. In a directory, hidden and
/// version-control folders are not entered, and files that are no page or
/// post are skipped: by name (robots.txt, .tsv, .css...) and by their first
/// bytes (images, PDFs, archives, anything with NUL bytes but gzip). With
/// globs, a file in a directory must match one of them (fnmatch, on its name).
[[nodiscard]] expanded_inputs expand_inputs(const std::vector<std::string>& inputs,
                                            const std::vector<std::string>& globs = {});

/// Yields input paths: the expanded command-line inputs, then the lines of a
/// --files-from list (streamed; blank lines skipped, a trailing \r dropped).
class input_source {
 public:
  explicit input_source(std::vector<std::string> files) : files_(std::move(files)) {}
  ~input_source();
  input_source(const input_source&) = delete;
  input_source& operator=(const input_source&) = delete;

  /// Reads paths from this file too ("-": standard input); false if it cannot be opened.
  [[nodiscard]] bool open_list(const std::string& path);
  [[nodiscard]] bool has_list() const noexcept { return list_ != nullptr; }

  std::optional<std::string> next();

 private:
  std::vector<std::string> files_;
  std::size_t next_file_ = 0;
  std::FILE* list_ = nullptr;
};

/// Reads one input ("-": standard input) into data, refusing before reading
/// a file larger than max_bytes. On failure err says why.
[[nodiscard]] bool read_input(const std::string& path, std::size_t max_bytes, std::string& data,
                              newsx::error& err);

}  // namespace extract
