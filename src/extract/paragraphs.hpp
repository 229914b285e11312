// The extract stage, paragraph look: a second, independent content extractor
// in the style of jusText. Where select_content (content.cpp) scores
// containers and picks one element, this one reads the page's blocks in
// order, judges each paragraph on its own (length, link density, sentence
// punctuation), corrects the short and doubtful ones by their neighbours, and
// answers with the run of good paragraphs after the headline. The resolver
// (prefer_paragraph_look in resolve.cpp) keeps the better of the two answers.
#ifndef NEWSX_EXTRACT_PARAGRAPHS_HPP
#define NEWSX_EXTRACT_PARAGRAPHS_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "extract/resolve.hpp"  // paragraph_overlap
#include "parse/dom.hpp"
#include "segment/segment.hpp"

namespace newsx::extract {

/// jusText's classes. A short or near-good block is decided by its
/// neighbours; good and bad are final.
enum class paragraph_class : std::uint8_t { bad, short_block, near_good, good };

/// What one block weighs: CJK characters and Latin words on one scale (a
/// Latin word counts as two CJK characters, as in content.cpp), so that the
/// length thresholds mean the same in Chinese and English.
struct paragraph_weight {
  std::uint32_t units = 0;       ///< text weight
  std::uint32_t link_units = 0;  ///< of which inside links (pro rata of the block's link characters)
  std::uint32_t sentence_marks = 0;  ///< full stops, question and exclamation marks, commas
  bool copyright = false;        ///< carries ©
};

[[nodiscard]] paragraph_weight weigh_paragraph(const segment::seg_block& b) noexcept;

/// The class of one block before its neighbours are read (jusText's
/// context-free step).
[[nodiscard]] paragraph_class classify_alone(const segment::seg_block& b,
                                             const paragraph_weight& w) noexcept;

/// The final class of every block: context-free classes, headings before
/// good text promoted, then short and near-good blocks decided by their
/// neighbours. Only good and bad remain in out.
void classify_paragraphs(std::span<const segment::seg_block> blocks,
                         std::vector<paragraph_class>& out);

/// What the paragraph look found.
struct paragraph_answer {
  std::size_t chars = 0;       ///< characters of the kept blocks (seg_block::chars)
  std::size_t link_chars = 0;  ///< of which inside links
  std::size_t blocks = 0;
};

/// Per-page buffers, kept by the caller so that a reused extractor does not
/// allocate them for every page.
struct paragraph_scratch {
  std::vector<paragraph_class> cls;
  std::vector<paragraph_weight> weights;
};

/// What the look answers with: its own choice, the run of good paragraphs
/// after the headline (jusText alone would keep every good block; a run keeps
/// the teasers and comments below the story out), or every good block of the
/// page, for a caller that bounds the answer itself (add_beside).
enum class paragraph_scope : std::uint8_t { best_run, whole_page };

/// Builds the blocks of the whole body (removed nodes, the second look's
/// structural chrome and the headline element skipped) into out, classifies
/// them, and keeps in out only the good blocks of the scope, with the images
/// that fall among them. Reads the tree, writes no flags.
/// headline: the node that shows the headline (find_headline), or 0.
paragraph_answer look_paragraphs(const dom::document& doc, std::uint32_t headline,
                                 bool fold_width, paragraph_scratch& scratch,
                                 segment::segments& out,
                                 paragraph_scope scope = paragraph_scope::best_run);

/// The same choice over blocks already built (tests, and the step above).
paragraph_answer choose_paragraphs(const dom::document& doc, std::uint32_t headline,
                                   paragraph_scratch& scratch, segment::segments& blocks,
                                   paragraph_scope scope = paragraph_scope::best_run);

/// How far beside the chosen element the paragraph look may add text: within
/// its ancestor this many levels up (never the body). The failure analysis
/// of the public pages found the sections a too-narrow element misses one to
/// three levels above it; text further away was another story or chrome.
inline constexpr int beside_levels = 3;

/// headline: the node that shows the headline (find_headline), or 0; a good
/// block between it and root in root's column, within beside_levels of root,
/// is the story's lead (an intro box, the paragraphs above a "read more"
/// fold) and beside it whatever its shape.
[[nodiscard]] paragraph_overlap measure_overlap(const dom::document& doc, std::uint32_t root,
                                                std::uint32_t headline,
                                                const segment::segments& element,
                                                const segment::segments& paragraphs,
                                                std::vector<std::uint32_t>& scratch);

/// Which of the paragraph look's blocks beside root add_beside takes: all of
/// them, or only those of the story's lead (between the headline and root).
enum class beside_part : std::uint8_t { all, lead };

/// Adds to element the paragraph look's blocks (and images) beside root, in
/// document order. The element's own subtree stays as the element read it.
void add_beside(const dom::document& doc, std::uint32_t root, std::uint32_t headline,
                segment::segments& element, segment::segments& paragraphs,
                beside_part part = beside_part::all);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_PARAGRAPHS_HPP
