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

std::uint32_t securities::impl::step(std::uint32_t s, unsigned char b) const noexcept {
  const state& st = states[s];
  const auto first = edges.begin() + st.first_edge;
  const auto last = first + st.edge_count;
  const auto it = std::lower_bound(first, last, b, [](const edge& e, unsigned char v) { return e.byte < v; });
  return it != last && it->byte == b ? it->to : 0;
}

securities::securities() : impl_(std::make_unique<impl>()) {}
securities::~securities() = default;

std::size_t securities::size() const noexcept { return impl_->list.size(); }

result<std::shared_ptr<const securities>> securities::from_csv(std::string_view csv) {
  std::shared_ptr<securities> out(new securities());
  impl& m = *out->impl_;
  // the trie, built with per-state edge lists, then flattened
  struct build_state {
    std::vector<std::pair<unsigned char, std::uint32_t>> next;
    std::int32_t output = -1;
  };
  std::vector<build_state> trie(1);
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
      std::uint32_t s = 0;
      for (char ch : folded) {
        const auto b = static_cast<unsigned char>(ch);
        auto& next = trie[s].next;
        auto it = std::find_if(next.begin(), next.end(), [&](const auto& e) { return e.first == b; });
        if (it == next.end()) {
          trie.emplace_back();
          trie[s].next.emplace_back(b, static_cast<std::uint32_t>(trie.size() - 1));
          s = static_cast<std::uint32_t>(trie.size() - 1);
        } else {
          s = it->second;
        }
      }
      if (trie[s].output < 0) {  // the first security to claim a name keeps it
        trie[s].output = static_cast<std::int32_t>(m.patterns.size());
        m.patterns.push_back({index, static_cast<std::uint32_t>(folded.size())});
      }
    }
  }
  // flatten, then fail links breadth first
  m.states.resize(trie.size());
  for (std::size_t s = 0; s < trie.size(); ++s) {
    auto& next = trie[s].next;
    std::sort(next.begin(), next.end());
    m.states[s].first_edge = static_cast<std::uint32_t>(m.edges.size());
    m.states[s].edge_count = static_cast<std::uint32_t>(next.size());
    m.states[s].output = trie[s].output;
    for (const auto& [b, to] : next) m.edges.push_back({b, to});
  }
  std::deque<std::uint32_t> queue;
  for (std::uint32_t e = 0; e < m.states[0].edge_count; ++e) queue.push_back(m.edges[e].to);
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    const impl::state& st = m.states[s];
    for (std::uint32_t e = st.first_edge; e < st.first_edge + st.edge_count; ++e) {
      const unsigned char b = m.edges[e].byte;
      const std::uint32_t child = m.edges[e].to;
      std::uint32_t f = st.fail;
      std::uint32_t target = 0;
      for (;;) {
        target = m.step(f, b);
        if (target != 0 || f == 0) break;
        f = m.states[f].fail;
      }
      m.states[child].fail = target == child ? 0 : target;
      const impl::state& fs = m.states[m.states[child].fail];
      m.states[child].next_output = fs.output >= 0 ? m.states[child].fail : fs.next_output;
      queue.push_back(child);
    }
  }
  return std::shared_ptr<const securities>(std::move(out));
}

result<std::shared_ptr<const securities>> securities::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error{error_code::read_failed, fmt::format("cannot read securities list '{}'", path)};
  const std::string csv((std::istreambuf_iterator<char>(in)), {});
  return from_csv(csv);
}

}  // namespace newsx
