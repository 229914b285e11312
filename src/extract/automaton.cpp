#include "extract/automaton.hpp"

#include <algorithm>
#include <deque>

namespace newsx::extract {

bool pattern_automaton::add(std::string_view bytes, std::uint32_t id) {
  if (bytes.empty()) return false;
  std::uint32_t s = 0;
  for (char ch : bytes) {
    const auto key = (static_cast<std::uint64_t>(s) << 8) | static_cast<unsigned char>(ch);
    const auto [it, fresh] = building_.try_emplace(key, static_cast<std::uint32_t>(states_.size()));
    if (fresh) states_.emplace_back();
    s = it->second;
  }
  if (states_[s].output >= 0) return false;
  states_[s].output = static_cast<std::int32_t>(patterns_.size());
  patterns_.push_back({id, static_cast<std::uint32_t>(bytes.size())});
  return true;
}

std::uint32_t pattern_automaton::step(std::uint32_t s, unsigned char b) const noexcept {
  const state& st = states_[s];
  const auto first = edges_.begin() + st.first_edge;
  const auto last = first + st.edge_count;
  const auto it = std::lower_bound(first, last, b, [](const edge& e, unsigned char v) { return e.byte < v; });
  return it != last && it->byte == b ? it->to : 0;
}

void pattern_automaton::compile() {
  // flatten the edges, sorted by state then byte
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all(building_.begin(), building_.end());
  std::sort(all.begin(), all.end());
  edges_.clear();
  edges_.reserve(all.size());
  for (const auto& [key, to] : all) {
    const auto from = static_cast<std::uint32_t>(key >> 8);
    state& st = states_[from];
    if (st.edge_count == 0) st.first_edge = static_cast<std::uint32_t>(edges_.size());
    ++st.edge_count;
    edges_.push_back({static_cast<unsigned char>(key & 0xFF), to});
  }
  building_.clear();
  // fail links, breadth first
  std::deque<std::uint32_t> queue;
  for (std::uint32_t e = 0; e < states_[0].edge_count; ++e) queue.push_back(edges_[states_[0].first_edge + e].to);
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    const state st = states_[s];
    for (std::uint32_t e = st.first_edge; e < st.first_edge + st.edge_count; ++e) {
      const unsigned char b = edges_[e].byte;
      const std::uint32_t child = edges_[e].to;
      std::uint32_t f = st.fail;
      std::uint32_t target = 0;
      for (;;) {
        target = step(f, b);
        if (target != 0 || f == 0) break;
        f = states_[f].fail;
      }
      states_[child].fail = target == child ? 0 : target;
      const state& fs = states_[states_[child].fail];
      states_[child].next_output = fs.output >= 0 ? states_[child].fail : fs.next_output;
      queue.push_back(child);
    }
  }
}

void pattern_automaton::clear() noexcept {
  patterns_.clear();
  states_.assign(1, state{});
  edges_.clear();
  building_.clear();
}

}  // namespace newsx::extract
