#include "inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace extract {

namespace {

bool read_all(std::FILE* f, std::string& out) {
  out.clear();
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return std::ferror(f) == 0;
}

newsx::error read_failed(int errnum) {
  return {newsx::error_code::read_failed, fmt::format("cannot read: {}", std::strerror(errnum))};
}

}  // namespace

expanded_inputs expand_inputs(const std::vector<std::string>& inputs) {
  expanded_inputs out;
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
        ++out.failures;
        fmt::print(stderr, "extract: {}: {}\n", in, ec.message());
      }
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
    if (read_all(stdin, data)) return true;
    err = read_failed(errno);
    return false;
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
  const bool ok = read_all(f, data);
  const int saved = errno;
  std::fclose(f);
  if (!ok) err = read_failed(saved);
  return ok;
}

}  // namespace extract
