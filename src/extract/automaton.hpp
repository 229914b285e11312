// An Aho-Corasick automaton over byte strings: every occurrence of any of
// many patterns in one pass over a text. The securities list matches its
// names with one; the stock collector counts the mentions of what it found
// with another, so that many distinct codes stay linear in the text.
#ifndef NEWSX_EXTRACT_AUTOMATON_HPP
#define NEWSX_EXTRACT_AUTOMATON_HPP

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>


namespace newsx::extract {

class pattern_automaton {
 public:
  /// Adds a pattern with the caller's id; false (and nothing added) when the
  /// same bytes were added before: the first id to claim a pattern keeps it.
  bool add(std::string_view bytes, std::uint32_t id);
  /// Builds the failure links; call once after the last add.
  void compile();
  [[nodiscard]] bool empty() const noexcept { return patterns_.empty(); }
  void clear() noexcept;

  /// Calls f(begin, end, id) for every occurrence in text, by end position.
  template <class F>
  void find(std::string_view text, F&& f) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      for (;;) {
        const std::uint32_t to = step(s, b);
        if (to != 0 || s == 0) {
          s = to;
          break;
        }
        s = states_[s].fail;
      }
      for (std::uint32_t o = states_[s].output >= 0 ? s : states_[s].next_output; o != 0;
           o = states_[o].next_output) {
        const pattern& p = patterns_[static_cast<std::size_t>(states_[o].output)];
        f(i + 1 - p.length, i + 1, p.id);
      }
    }
  }

 private:
  struct pattern {
    std::uint32_t id;
    std::uint32_t length;  ///< bytes
  };
  struct state {
    std::uint32_t first_edge = 0;  ///< edges[first_edge, first_edge + edge_count) once compiled
    std::uint32_t edge_count = 0;
    std::uint32_t fail = 0;
    std::int32_t output = -1;       ///< the pattern ending here, or -1
    std::uint32_t next_output = 0;  ///< the nearest state down the fail chain with an output (0: none)
  };
  struct edge {
    unsigned char byte;
    std::uint32_t to;
  };
  /// The state after byte b from state s, or 0 when s has no such edge.
  [[nodiscard]] std::uint32_t step(std::uint32_t s, unsigned char b) const noexcept;

  std::vector<pattern> patterns_;
  std::vector<state> states_{1};
  std::vector<edge> edges_;
  // while adding: (state << 8 | byte) -> the next state
  std::unordered_map<std::uint64_t, std::uint32_t> building_;
};

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_AUTOMATON_HPP
