#include "extract/securities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <iterator>

#include "util/text.hpp"

namespace newsx {

namespace extract {

void fold_for_match(std::string_view in, std::string& out, std::vector<std::uint32_t>* map) {
  out.clear();
  if (map != nullptr) map->clear();
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t at = i;
    char32_t c = util::next_cp(in, i);
    c = util::fold_fullwidth(c);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    const std::size_t before = out.size();
    util::append_utf8(out, c);
    if (map != nullptr) map->insert(map->end(), out.size() - before, static_cast<std::uint32_t>(at));
  }
  if (map != nullptr) map->push_back(static_cast<std::uint32_t>(in.size()));
}

}  // namespace extract

namespace {

/// The fields of one CSV line (RFC 4180 quoting, commas).
void split_csv_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back(util::trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  fields.emplace_back(util::trim(cur));
}

/// Shortest name worth matching (characters): one-character names would
/// match inside every sentence.
constexpr std::size_t min_name_chars = 2;

}  // namespace

securities::securities() : impl_(std::make_unique<impl>()) {}
securities::~securities() = default;

std::size_t securities::size() const noexcept { return impl_->list.size(); }

result<std::shared_ptr<const securities>> securities::from_csv(std::string_view csv) {
  std::shared_ptr<securities> out(new securities());
  impl& m = *out->impl_;
  std::vector<std::string> fields;
  std::string folded;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a BOM from a spreadsheet
  while (pos < csv.size()) {
    std::size_t nl = csv.find('\n', pos);
    if (nl == std::string_view::npos) nl = csv.size();
    std::string_view line = csv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (util::trim(line).empty() || util::trim(line).front() == '#') continue;
    split_csv_line(line, fields);
    std::optional<extract::security> sec = extract::from_text_code(fields[0]);
    if (!sec) {
      return error{error_code::invalid_options,
                   fmt::format("securities line {}: '{}' is not a security symbol", line_no, fields[0])};
    }
    const auto index = static_cast<std::uint32_t>(m.list.size());
    m.list.push_back(std::move(*sec));
    for (std::size_t k = 1; k < fields.size(); ++k) {
      if (util::cp_count(fields[k]) < min_name_chars) continue;
      extract::fold_for_match(fields[k], folded, nullptr);
      m.names.add(folded, index);  // the first security to claim a name keeps it
    }
  }
  m.names.compile();
  return std::shared_ptr<const securities>(std::move(out));
}

result<std::shared_ptr<const securities>> securities::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error{error_code::read_failed, fmt::format("cannot read securities list '{}'", path)};
  const std::string csv((std::istreambuf_iterator<char>(in)), {});
  return from_csv(csv);
}

}  // namespace newsx
