// The parse stage: gumbo's tree translated into a flat, pre-ordered node array.
//
// Why a translation layer: gumbo's types stay inside src/, every later stage
// walks the document iteratively (a node's subtree is the index range
// [i, node.end)), per-node flags and scores live beside the nodes without
// side tables, and no walk recurses on document depth.
//
// Gumbo allocates from an arena owned by the `document`, which is reset, not
// freed, between inputs: steady-state extraction does not touch malloc for the
// tree, and gumbo's recursive destroy is never called on deep trees.
#ifndef NEWSX_PARSE_DOM_HPP
#define NEWSX_PARSE_DOM_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/result.hpp"
#include "parse/prescan.hpp"
#include "parse/tag.hpp"

struct GumboInternalOutput;  // gumbo stays behind dom.cpp

namespace newsx::dom {

enum class kind : std::uint8_t { document, element, text, whitespace, comment };

/// Flags set by the clean stage (src/clean/, the only writer) and read by
/// the later stages.
enum flag : std::uint16_t {
  removed = 1U << 0,      ///< not content: script, hidden, embed
  hidden = 1U << 1,       ///< display:none, hidden attribute
  embed = 1U << 2,        ///< a stock chart or similar embed; read for metadata only
  boilerplate = 1U << 3,  ///< page chrome by tag, role or class/id name (the first look)
  in_link = 1U << 4,      ///< text inside an <a href>
  title_dup = 1U << 5,    ///< the element that shows the headline (not repeated in the body)
  structural_chrome = 1U << 6,  ///< page chrome by tag, role or overlay only (the second look)
};

/// How the page wrote an element, as the parser tells it (node::markup).
enum markup : std::uint8_t {
  unclosed = 1U << 0,      ///< its end tag never came: something else closed it
  parser_clone = 1U << 1,  ///< a copy the parser made of a formatting element left open
                           ///< (an unclosed <a> reopened in every later paragraph)
};

/// One attribute of an element; views into the document's memory.
struct attribute {
  std::string_view name;   ///< lower case
  std::string_view value;
};

struct node {
  html_tag tag = html_tag::unknown;
  kind type = kind::element;
  std::uint16_t flags = 0;
  std::uint8_t markup = 0;  ///< dom::markup bits (elements), set by the parse
  std::uint32_t parent = 0;
  std::uint32_t end = 0;    ///< one past the last descendant (pre-order)
  std::uint32_t depth = 0;
  std::uint32_t attr_count = 0;
  /// Text and comment nodes: the decoded text. Elements whose tag has no
  /// html_tag: the tag name as written (see tag_name).
  std::string_view text;
  const attribute* attrs = nullptr;  ///< attr_count attributes; valid while the document lives
};

/// gumbo's allocator. Blocks come from large chunks, with a size-class
/// header, and freed blocks are reused by size class: gumbo frees its token
/// buffers and outgrown vectors as it goes, and a plain bump allocator would
/// keep every one of them until the document ends. A budget caps the bytes
/// taken from the system; past it (or when the system refuses memory)
/// allocate returns null, and the parse is abandoned, never continued.
class arena {
 public:
  arena() = default;
  arena(const arena&) = delete;
  arena& operator=(const arena&) = delete;
  ~arena();
  /// 16-byte aligned; null past the budget or when memory runs out.
  void* allocate(std::size_t size) noexcept;
  void deallocate(void* p) noexcept;
  /// Frees every block; keeps up to retained_bytes of chunks for the next
  /// document and returns the rest to the system.
  void reset() noexcept;
  void set_budget(std::size_t bytes) noexcept { budget_ = bytes; }
  /// Bytes taken from the system now (chunks and large blocks).
  [[nodiscard]] std::size_t reserved() const noexcept { return reserved_; }

  static constexpr std::size_t retained_bytes = std::size_t{8} << 20;

 private:
  static constexpr std::size_t classes = 40;
  struct chunk {
    unsigned char* data = nullptr;
    std::size_t size = 0;
  };
  struct free_block {
    free_block* next;
  };
  struct large_header;
  void* take_system(std::size_t size) noexcept;
  void give_system(void* p, std::size_t size) noexcept;

  std::vector<chunk> chunks_;
  std::size_t current_ = 0;  // chunk being filled
  std::size_t used_ = 0;     // bytes used in it
  free_block* free_[classes] = {};
  std::size_t budget_ = static_cast<std::size_t>(-1);
  std::size_t reserved_ = 0;
  large_header* large_ = nullptr;  // blocks past the largest class
};


/// A parsed document. Reusable: parse() replaces the previous tree.
class document {
 public:
  document() = default;
  document(const document&) = delete;
  document& operator=(const document&) = delete;
  ~document();

  /// Parses html (UTF-8) after the pre-scan. The tree points into the
  /// document's own prepared copy, so html need not outlive the call.
  /// error_code::too_deep past limits.max_depth, parse_failed when gumbo
  /// gives up.
  result<void> parse(std::string_view html, const prescan_limits& limits);
  result<void> parse(std::string_view html, std::size_t max_depth) {
    prescan_limits limits;
    limits.max_depth = max_depth;
    return parse(html, limits);
  }
  /// What the pre-scan of the last parse left out.
  [[nodiscard]] const prescan_report& report() const noexcept { return report_; }

  [[nodiscard]] const std::vector<node>& nodes() const noexcept { return nodes_; }
  [[nodiscard]] std::vector<node>& nodes() noexcept { return nodes_; }
  [[nodiscard]] std::uint32_t size() const noexcept {
    return static_cast<std::uint32_t>(nodes_.size());
  }
  [[nodiscard]] const node& operator[](std::uint32_t i) const noexcept { return nodes_[i]; }
  [[nodiscard]] node& operator[](std::uint32_t i) noexcept { return nodes_[i]; }

  /// First element with this tag, or 0 (the document node) when there is none.
  [[nodiscard]] std::uint32_t find_first(html_tag tag) const noexcept;
  [[nodiscard]] std::uint32_t body() const noexcept { return body_; }
  [[nodiscard]] std::uint32_t head() const noexcept { return head_; }

  void clear() noexcept;
  /// Frees the buffers a large document grew (the tree must be cleared);
  /// returns whether any was.
  bool release_memory() noexcept;

 private:
  arena arena_;
  std::string prepared_;  // the pre-scanned input gumbo's tree points into
  prescan_report report_;
  GumboInternalOutput* output_ = nullptr;
  std::vector<node> nodes_;
  std::vector<attribute> attributes_;  // every element's, in node order
  struct frame {
    const void* source;  // the GumboNode being translated
    std::uint32_t index;
    unsigned next_child;
  };
  std::vector<frame> stack_;
  std::uint32_t body_ = 0;
  std::uint32_t head_ = 0;
};

/// The value of an attribute, or an empty view. Names are lower case.
[[nodiscard]] std::string_view attr(const node& n, const char* name) noexcept;
[[nodiscard]] bool has_attr(const node& n, const char* name) noexcept;

/// The tag name, also for tags without an html_tag (from the source text).
[[nodiscard]] std::string_view tag_name(const node& n) noexcept;

/// Node i itself, or its nearest ancestor, when it has this tag; else 0.
[[nodiscard]] inline std::uint32_t enclosing(const document& doc, std::uint32_t i, html_tag tag) noexcept {
  while (i != 0 && doc[i].tag != tag) i = doc[i].parent;
  return i;
}

/// Appends the text of the subtree [i, end) to out, skipping nodes flagged with
/// any bit of skip_flags; whitespace nodes add one space. With max_bytes, it
/// stops once out holds that many bytes or as many nodes have been visited,
/// so asking each of many nested elements for a short text stays linear;
/// false then says the text was cut short.
bool append_text(const document& doc, std::uint32_t i, std::string& out,
                 std::uint16_t skip_flags = 0,
                 std::size_t max_bytes = static_cast<std::size_t>(-1));

}  // namespace newsx::dom

#endif  // NEWSX_PARSE_DOM_HPP
