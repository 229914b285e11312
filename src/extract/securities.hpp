// The compiled securities list behind newsx::securities: an Aho-Corasick
// automaton over the folded names and aliases, built once, read by any
// number of threads.
#ifndef NEWSX_EXTRACT_SECURITIES_HPP
#define NEWSX_EXTRACT_SECURITIES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/stocks.hpp"
#include "newsx/securities.hpp"

namespace newsx {

struct NEWSX_HIDDEN securities::impl {
  struct pattern {
    std::uint32_t security;  ///< index into list
    std::uint32_t length;    ///< bytes of the folded pattern
  };
  struct state {
    std::uint32_t first_edge = 0;  ///< edges[first_edge, first_edge + edge_count)
    std::uint32_t edge_count = 0;
    std::uint32_t fail = 0;
    std::int32_t output = -1;       ///< the longest pattern ending here, or -1
    std::uint32_t next_output = 0;  ///< the nearest state down the fail chain with an output (0: none)
  };
  struct edge {
    unsigned char byte;
    std::uint32_t to;
  };

  std::vector<extract::security> list;
  std::vector<pattern> patterns;
  std::vector<state> states;
  std::vector<edge> edges;

  /// Calls f(begin, end, security index) for every pattern occurrence in the
  /// folded text, by end position.
  template <class F>
  void find(std::string_view folded, F&& f) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      const auto b = static_cast<unsigned char>(folded[i]);
      for (;;) {
        const std::uint32_t to = step(s, b);
        if (to != 0 || s == 0) {
          s = to;
          break;
        }
        s = states[s].fail;
      }
      for (std::uint32_t o = states[s].output >= 0 ? s : states[s].next_output; o != 0;
           o = states[o].next_output) {
        const pattern& p = patterns[static_cast<std::size_t>(states[o].output)];
        f(i + 1 - p.length, i + 1, p.security);
      }
    }
  }

  /// The state after byte b from state s, or 0 when s has no such edge.
  [[nodiscard]] std::uint32_t step(std::uint32_t s, unsigned char b) const noexcept;
};

namespace extract {

/// Lower-case ASCII, full-width ASCII (Ａ１) as ASCII: how names and text are
/// compared. map (when given) receives, for each folded byte, the offset of
/// the input byte it came from, plus one entry for the end.
void fold_for_match(std::string_view in, std::string& out, std::vector<std::uint32_t>* map);

}  // namespace extract
}  // namespace newsx

#endif  // NEWSX_EXTRACT_SECURITIES_HPP
