#include "inputs.hpp"

#include <fmt/format.h>

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace extract {

namespace {

/// Reads f to its end, or one byte past max_bytes: standard input, a pipe or
/// a device (/dev/zero) has no size to refuse it by, so the limit stops the read.
bool read_all(std::FILE* f, std::size_t max_bytes, std::string& out) {
  out.clear();
  char buf[1 << 16];
  std::size_t n = 0;
  while (out.size() <= max_bytes && (n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return std::ferror(f) == 0;
}

newsx::error too_large(std::size_t max_bytes) {
  return {newsx::error_code::input_too_large,
          fmt::format("input is more than {} bytes; the limit is {}", max_bytes, max_bytes)};
}

newsx::error read_failed(int errnum) {
  return {newsx::error_code::read_failed, fmt::format("cannot read: {}", std::strerror(errnum))};
}

/// Files a crawl leaves beside its pages that are none: by extension.
constexpr std::string_view not_page_extensions[] = {
    ".tsv", ".csv", ".css", ".js", ".json", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg",
    ".ico", ".bmp", ".pdf", ".zip", ".7z", ".rar", ".tar", ".woff", ".woff2", ".ttf", ".eot",
    ".mp3", ".mp4", ".avi", ".mov", ".exe", ".so", ".o", ".a", ".pyc", ".class", ".jar"};
/// ... and by name.
constexpr std::string_view not_page_names[] = {"robots.txt", "sitemap.xml", ".DS_Store", "Thumbs.db"};
/// First bytes of binary formats: images, documents, archives.
using namespace std::string_view_literals;  // the magic numbers hold NUL bytes
constexpr std::string_view binary_magic[] = {"\x89PNG"sv, "\xFF\xD8\xFF"sv, "GIF8"sv, "%PDF"sv,
                                             "PK\x03\x04"sv, "\x7F" "ELF"sv, "\x00\x00\x01\x00"sv,
                                             "wOFF"sv, "wOF2"sv, "RIFF"sv};

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char a = s[s.size() - suffix.size() + i];
    const char b = suffix[i];
    if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != b) return false;
  }
  return true;
}

/// Whether a file found in a directory is worth extracting: not by its name
/// alone (pages are saved under any name), also by what it starts with.
bool looks_like_page(const fs::path& path) {
  const std::string name = path.filename().string();
  for (std::string_view n : not_page_names) {
    if (name == n) return false;
  }
  for (std::string_view e : not_page_extensions) {
    if (ends_with_ci(name, e)) return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return true;  // reading it will report why
  std::array<char, 1024> head{};
  const std::size_t n = std::fread(head.data(), 1, head.size(), f);
  std::fclose(f);
  const std::string_view bytes(head.data(), n);
  if (bytes.substr(0, 2) == "\x1F\x8B") return true;  // gzip: a saved page or a WARC
  for (std::string_view m : binary_magic) {
    if (bytes.substr(0, m.size()) == m) return false;
  }
  // NUL bytes: binary, unless UTF-16 text (every other byte NUL)
  const std::size_t nuls = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
  return nuls == 0 || nuls * 3 >= n;
}

bool matches_any(const fs::path& path, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  const std::string name = path.filename().string();
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

/// Hidden and version-control folders (.git, .svn, .hg) hold no pages.
bool skipped_folder(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

namespace {

/// Adds the pages under dir to found, depth first; a folder that cannot be
/// read is an error on stderr and counts as a failure, and the walk goes on.
void walk(const fs::path& dir, const std::vector<std::string>& globs, std::vector<std::string>& found,
          expanded_inputs& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  std::vector<fs::path> folders;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code ec2;
    const fs::file_status st = it->symlink_status(ec2);
    if (fs::is_directory(st)) {
      if (!skipped_folder(it->path())) folders.push_back(it->path());
      continue;
    }
    // a FIFO, a socket or a device in a folder is never a page: opening one
    // could block the walk
    if (!it->is_regular_file(ec2)) {
      ++out.skipped;
      continue;
    }
    if (!matches_any(it->path(), globs) || !looks_like_page(it->path())) {
      ++out.skipped;
      continue;
    }
    found.push_back(it->path().string());
  }
  if (ec) {
    ++out.failures;
    fmt::print(stderr, "extract: {}: {}\n", dir.string(), ec.message());
  }
  for (const fs::path& f : folders) walk(f, globs, found, out);
}

}  // namespace

expanded_inputs expand_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& globs) {
  expanded_inputs out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      walk(in, globs, found, out);
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else {
      out.files.push_back(in);
    }
  }
  return out;
}

input_source::~input_source() {
  if (list_ != nullptr && list_ != stdin) std::fclose(list_);
}

bool input_source::open_list(const std::string& path) {
  list_ = path == "-" ? stdin : std::fopen(path.c_str(), "r");
  return list_ != nullptr;
}

std::optional<std::string> input_source::next() {
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

bool read_input(const std::string& path, std::size_t max_bytes, std::string& data,
                newsx::error& err) {
  if (path == "-") {
    if (!read_all(stdin, max_bytes, data)) {
      err = read_failed(errno);
      return false;
    }
    if (data.size() > max_bytes) {
      err = too_large(max_bytes);
      return false;
    }
    return true;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    // refuse before reading: a huge file must not cost its size in memory
    err = {newsx::error_code::input_too_large,
           fmt::format("input is {} bytes; the limit is {}", size, max_bytes)};
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    err = read_failed(errno);
    return false;
  }
  const bool ok = read_all(f, max_bytes, data);
  const int saved = errno;
  std::fclose(f);
  if (!ok) {
    err = read_failed(saved);
    return false;
  }
  if (data.size() > max_bytes) {  // a device or a file that grew
    err = too_large(max_bytes);
    return false;
  }
  return true;
}

}  // namespace extract
