// The parse stage, part 1b: what gumbo will build, estimated while the
// pre-scan reads the tags, so that a page gumbo would spend minutes or
// gigabytes on is refused before gumbo starts.
//
// A small model of the HTML tree builder: the stack of open elements with
// the end tags and start tags that close elements implicitly (</td> closes a
// <font> inside it, <p> closes an open <p>, <li> an open <li>), and the list
// of active formatting elements (an unclosed <b> or <code> is reopened after
// every block that closes it, which is where both gumbo's time and the
// tree's size grow). It counts nodes (elements, clones of reopened
// formatting elements, text runs) and the deepest nesting. It errs on the
// side of more: a real page comes out lower than these counts, never a
// hostile one lower than what gumbo would build.
//
// Every step is O(1) amortised, or bounded by max_scan elements of the
// stack, so the model stays linear in the input.
#ifndef NEWSX_PARSE_NESTING_HPP
#define NEWSX_PARSE_NESTING_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parse/tag.hpp"

namespace newsx::dom {

class nesting_model {
 public:
  /// A start tag; attributes is the raw text of its attributes (for telling
  /// reopened formatting elements apart, as the parser does). self_closing:
  /// it ended in "/>", which closes the elements of SVG and MathML (an
  /// inline chart has thousands of <path/>) and is ignored on HTML's own.
  void start_tag(std::string_view name, std::string_view attributes, bool self_closing = false);
  void end_tag(std::string_view name);
  /// A run of text between tags.
  void text(bool white_space_only);
  /// A comment that is kept.
  void comment() noexcept { ++nodes_; }

  [[nodiscard]] std::size_t depth() const noexcept { return max_depth_; }
  [[nodiscard]] std::size_t nodes() const noexcept { return nodes_; }

  /// Stack elements searched for the element an end tag closes.
  static constexpr std::size_t max_scan = 128;

 private:
  struct open_element {
    std::uint32_t key;  // html_tag, or a hash of an unknown tag's name with the top bit set
    html_tag tag;
  };
  struct formatting_entry {
    std::uint32_t key = 0;
    std::uint32_t attributes = 0;  // a hash
    bool marker = false;           // a table cell's boundary
    bool open = false;             // on the stack now
  };

  void push(std::uint32_t key, html_tag tag);
  void pop_to(std::size_t index);  // pops stack_[index..]
  /// Index of the nearest open element with key, searching down from the top
  /// and stopping at a scope boundary; npos if none.
  [[nodiscard]] std::size_t find_in_scope(std::uint32_t key, bool stop_at_special) const noexcept;
  void reopen_formatting();
  void clear_to_marker();
  void close_cell();

  std::vector<open_element> stack_;
  std::vector<formatting_entry> formatting_;
  std::size_t nodes_ = 0;
  std::size_t max_depth_ = 0;
};

}  // namespace newsx::dom

#endif  // NEWSX_PARSE_NESTING_HPP
