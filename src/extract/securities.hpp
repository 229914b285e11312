// The compiled securities list behind newsx::securities: an Aho-Corasick
// automaton over the folded names and aliases, built once, read by any
// number of threads.
#ifndef NEWSX_EXTRACT_SECURITIES_HPP
#define NEWSX_EXTRACT_SECURITIES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/automaton.hpp"
#include "extract/stocks.hpp"
#include "newsx/securities.hpp"

namespace newsx {

struct NEWSX_HIDDEN securities::impl {
  std::vector<extract::security> list;
  /// Folded names and aliases; a match's id indexes list.
  extract::pattern_automaton names;
};

namespace extract {

/// Lower-case ASCII, full-width ASCII (Ａ１) as ASCII: how names and text are
/// compared. map (when given) receives, for each folded byte, the offset of
/// the input byte it came from, plus one entry for the end.
void fold_for_match(std::string_view in, std::string& out, std::vector<std::uint32_t>* map);

}  // namespace extract
}  // namespace newsx

#endif  // NEWSX_EXTRACT_SECURITIES_HPP
