// The parse stage, part 1: a linear pre-scan that prepares HTML for gumbo.
//
// Gumbo is neither fast nor safe on hostile input (its duplicate-attribute
// check is quadratic, its scope checks are linear in nesting depth). The
// pre-scan copies the input once and
//   - drops the bodies of <script> and <style> (JSON-LD scripts are kept:
//     metadata lives there) and comments other than region markers such as
//     <!-- EM_StockImg_Start -->, which the cleaner reads: none of them can
//     ever be article text, and gumbo need not tokenize them;
//   - drops attributes past max_attributes on one tag;
//   - estimates the tree gumbo will build (parse/nesting.hpp): its depth and
//     node count, so a hostile nest or a page of millions of nodes is
//     refused before parsing.
// Raw-text elements whose text is content (<title>, <textarea>) are copied
// verbatim.
#ifndef NEWSX_PARSE_PRESCAN_HPP
#define NEWSX_PARSE_PRESCAN_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace newsx::dom {

struct prescan_limits {
  std::size_t max_depth = 2000;
  std::size_t max_attributes = 512;
  std::size_t max_nodes = static_cast<std::size_t>(-1);
  /// Bytes gumbo's tree may take from the system (dom::arena's budget).
  std::size_t max_parse_bytes = static_cast<std::size_t>(-1);
  bool skip_raw_text = true;  ///< drop script/style bodies and plain comments
};

struct prescan_report {
  std::size_t depth = 0;              ///< estimated nesting (counted up to the first limit passed)
  std::size_t nodes = 0;              ///< estimated elements and text runs (likewise)
  std::size_t attributes_dropped = 0;
  std::size_t bytes_skipped = 0;      ///< script, style and comment bytes left out
  bool too_deep = false;
  bool too_many_nodes = false;
};

/// Writes the prepared HTML to out (cleared first).
prescan_report prescan(std::string_view html, const prescan_limits& limits, std::string& out);

/// True for comments the cleaner reads: "X_Start" / "X_End" region markers.
[[nodiscard]] bool is_region_marker_comment(std::string_view comment_text) noexcept;

}  // namespace newsx::dom

#endif  // NEWSX_PARSE_PRESCAN_HPP
