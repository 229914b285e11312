// newsx/options.hpp - per-extractor settings and limits.
#ifndef NEWSX_OPTIONS_HPP
#define NEWSX_OPTIONS_HPP

#include <cstddef>
#include <memory>
#include <string>

namespace newsx {

class securities;

/// Settings of an extractor, the same for every document it reads. What is
/// known about one document (its URL, its HTTP charset) goes in
/// document_hints with that document instead.
struct options {
  /// Offset given to times that carry none on pages in CJK scripts
  /// (article::lang "zh"): Chinese news is China Standard Time.
  /// "+08:00", "-05:00", "+0530", "Z"; an empty string leaves such times
  /// without offset. Anything else (e.g. "+99:00") makes the options invalid:
  /// extractor::create returns error_code::invalid_options.
  std::string default_timezone = "+08:00";
  /// Whether default_timezone applies to pages in other scripts as well. Off,
  /// their times without offset stay without: nothing says a French page's
  /// "07:19" is Beijing time. Turn it on when a crawl's pages share one zone.
  bool default_timezone_all_pages = false;
  /// When the documents were seen, for relative times ("3小时前", "昨天 14:20",
  /// "2 days ago") and as the latest plausible epoch time: ISO 8601 with a
  /// time ("2024-03-05T10:00:00+08:00"; without offset it is read in
  /// default_timezone) or epoch seconds. Empty: relative times give no date
  /// (the machine's clock is never used). document_hints::reference_time
  /// overrides it per document. Anything else makes the options invalid.
  std::string reference_time;
  /// Inputs larger than this are refused with error_code::input_too_large.
  std::size_t max_input_bytes = std::size_t{64} << 20;
  /// Element nesting deeper than this is refused with error_code::too_deep.
  std::size_t max_depth = 2000;
  /// Attributes past this many on one tag are dropped (with a warning).
  std::size_t max_attributes = 512;
  /// Elements and text runs a page may have: the pre-scan counts them before
  /// the parser builds anything, and refuses more with
  /// error_code::too_many_nodes. The largest real pages seen have ~40,000.
  /// With max_parse_bytes this bounds a document's memory; see docs/limits.md.
  std::size_t max_nodes = 500'000;
  /// Memory the parse tree may take; a page that needs more is refused with
  /// error_code::out_of_memory, as is one the system refuses memory for.
  std::size_t max_parse_bytes = std::size_t{1} << 30;
  /// Skip script/style bodies and plain comments before parsing. They are
  /// never article text; the article is the same either way, only faster.
  bool prescan = true;
  /// A body whose text would exceed this is truncated with a warning.
  std::size_t max_output_bytes = std::size_t{64} << 20;
  /// Fill block::sentences with ICU sentence boundaries.
  bool sentences = true;
  /// Read a page a second time, paragraph by paragraph (jusText's way), and
  /// add the story's sections the chosen element left beside it. Off: the
  /// element alone, a little faster, with less recall on pages cut into parts.
  bool paragraph_look = true;
  /// Fold full-width letters and digits (Ａ１２) to ASCII in the text. Off by
  /// default: the text stays as published; dates and stock codes are read
  /// in either width regardless.
  bool normalize_width = false;
  /// Fill article::candidates: every value each field could have taken, with
  /// its origin and the one chosen (for debugging a page, not for crawls).
  bool explain = false;
  /// A securities list (securities::from_csv / load): an article that names
  /// a listed company without its code still yields the code. Shared, never
  /// copied: one list serves every extractor and thread.
  std::shared_ptr<const ::newsx::securities> securities;
};

}  // namespace newsx

#endif  // NEWSX_OPTIONS_HPP
