// The segment stage: a cleaned subtree (or plain text) to ordered blocks with
// normalised text, and ICU sentence boundaries inside each block.
#ifndef NEWSX_SEGMENT_SEGMENT_HPP
#define NEWSX_SEGMENT_SEGMENT_HPP

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/article.hpp"
#include "parse/dom.hpp"

namespace newsx::segment {

/// A block plus what later stages need to judge it.
struct seg_block {
  newsx::block b;
  std::uint32_t node = 0;        ///< the element that holds the block
  std::uint32_t chars = 0;       ///< non-space code points
  std::uint32_t bold_chars = 0;  ///< of which inside <strong>/<b>
  std::uint32_t link_chars = 0;  ///< of which link text (dom::in_link, clean::mark_links)
  bool centered = false;         ///< text-align:center or <center>
};

/// An image met in document order, with the index of the next block.
struct seg_image {
  newsx::image img;
  std::uint32_t node = 0;
  std::size_t next_block = 0;
};

struct segments {
  std::vector<seg_block> blocks;
  std::vector<seg_image> images;
  void clear() {
    blocks.clear();
    images.clear();
  }
};

/// Appends normalised text: white space runs become one space, dropped
/// between two CJK characters when the run held a line break (source
/// wrapping), full-width letters and digits folded to ASCII.
class text_builder {
 public:
  /// fold_width: full-width letters and digits (Ａ１) become ASCII.
  explicit text_builder(bool fold_width = false) noexcept : fold_width_(fold_width) {}
  void append(std::string_view raw);
  void append_verbatim(std::string_view raw) { out_.append(raw); last_ = 'x'; }
  void space(bool newline) noexcept { pending_ = pending_ == 2 ? 2 : (newline ? 2 : 1); }
  /// Takes the text, trimmed; the builder is empty afterwards.
  std::string take();
  [[nodiscard]] bool empty() const noexcept { return out_.empty(); }
  [[nodiscard]] std::uint32_t chars() const noexcept { return chars_; }

 private:
  std::string out_;
  char32_t last_ = 0;
  int pending_ = 0;  // 0 none, 1 space, 2 space that held a newline
  std::uint32_t chars_ = 0;
  bool fold_width_ = false;
};

/// Walks the subtree of root, skipping nodes flagged with skip_flags and the
/// subtrees rooted at left_out (sorted).
void build_blocks(const dom::document& doc, std::uint32_t root, std::uint16_t skip_flags,
                  segments& out, bool fold_width = false,
                  std::span<const std::uint32_t> left_out = {});

/// Plain-text bodies: a line is a paragraph; "#" lines are headings.
void build_text_blocks(std::string_view text, segments& out, bool fold_width = false);

/// ICU sentence breaking, reusable (owns one BreakIterator).
class sentence_splitter {
 public:
  sentence_splitter();
  ~sentence_splitter();
  sentence_splitter(const sentence_splitter&) = delete;
  sentence_splitter& operator=(const sentence_splitter&) = delete;
  /// Sentence spans of a UTF-8 text, white space trimmed off each.
  void split(std::string_view text, std::vector<newsx::text_span>& out);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// ICU word breaking (dictionary-based for Chinese), reusable.
class word_breaker {
 public:
  word_breaker();
  ~word_breaker();
  word_breaker(const word_breaker&) = delete;
  word_breaker& operator=(const word_breaker&) = delete;
  /// Byte offsets of the word boundaries of a UTF-8 text, 0 and its size
  /// included, in order.
  void boundaries(std::string_view text, std::vector<std::uint32_t>& out);
  /// Sets a text for is_boundary; it must outlive the calls.
  void set_text(std::string_view text);
  /// Whether a word boundary falls at this byte offset of the set text.
  [[nodiscard]] bool is_boundary(std::size_t offset);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace newsx::segment

#endif  // NEWSX_SEGMENT_SEGMENT_HPP
