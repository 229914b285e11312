// Stock codes: portal markup (ids, quote links) and code patterns in text,
// normalised to market and exchange (MIC), with the name the article uses.
// The forms are data in src/lexicon/stocks.hpp; the rules that read them
// are here.
#ifndef NEWSX_EXTRACT_STOCKS_HPP
#define NEWSX_EXTRACT_STOCKS_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/stocks.hpp"
#include "newsx/article.hpp"
#include "newsx/securities.hpp"
#include "extract/automaton.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"

namespace newsx::extract {

/// A code resolved to its market, before names and mentions are known.
struct security {
  std::string code;    ///< "600160", "00700", "NIO"
  std::string market;  ///< SH SZ BJ HK US
  std::optional<std::string> exchange;
  lexicon::security_kind kind = lexicon::security_kind::stock;
};

/// Eastmoney market ids: 1 SH; 0 SZ or BJ by code; 105 NASDAQ, 106 NYSE,
/// 107 NYSE American; 116/128 HK. Sector boards (90) and others give nothing.
[[nodiscard]] std::optional<security> from_eastmoney(std::string_view market_id,
                                                     std::string_view code);

/// A code with its market in front: "sh600519", "SZ000001", "hk00700",
/// "usAAPL", "usAAPL.OQ". An index ("sh000001") gives nothing.
[[nodiscard]] std::optional<security> from_market_token(std::string_view token);

/// A code as text writes it: "600160.SH", "600519.SS", "03301.HK", "0700.HK",
/// "03690-HK", "HK.00700", "OCFT.US", "BABA.N", "PDD.NASDAQ", "US.AAPL",
/// "NYSE:NIO", "SH600519", and a bare "600028" (common equity by prefix).
[[nodiscard]] std::optional<security> from_text_code(std::string_view token);

/// A quote link's URL: a listed portal's form (lexicon::quote_urls), or any
/// URL whose path carries a market token ("…/sh600519.html").
[[nodiscard]] std::optional<security> from_quote_url(std::string_view href);

/// "stock"/"fund"/"bond".
[[nodiscard]] std::string_view kind_name(lexicon::security_kind k) noexcept;

class stock_collector {
 public:
  /// Reads stock markup (data-code, id="stock_…", quote links) in the
  /// subtree of root, embeds included: a chart embed says which exchange.
  /// chrome: the flag of page chrome whose widgets do not count;
  /// left_out: subtrees of root (sorted) that are not the story.
  void scan_markup(const dom::document& doc, std::uint32_t root,
                   std::uint16_t chrome = dom::boilerplate,
                   std::span<const std::uint32_t> left_out = {});
  /// Reads "名称(CODE.MKT)", "名称（600028）", "名称(03868)" and
  /// "$名称(SH600519)$" patterns in text.
  void scan_text(std::string_view text);
  /// Names of a securities list in text (title and body): the longest name
  /// at a place, never inside a longer word.
  void scan_names(const newsx::securities& list, std::string_view text);
  /// Resolved codes with names and mention counts over the article text.
  void finish(std::string_view article_text, std::vector<stock_code>& out);
  void clear() {
    found_.clear();
    index_.clear();
  }

  /// The company name written right before position end of text: letters,
  /// CJK and digits back to a clause break, without the rating verbs and
  /// descriptors in front of it (lexicon::name_lead_words); English names
  /// keep their capitalised words ("Sunoco LP"). Exposed for tests.
  [[nodiscard]] std::string name_before(std::string_view text, std::size_t end);

  /// Frees what a large document grew; returns whether anything was.
  bool release_memory();

 private:
  struct entry {
    security sec;
    std::string name;
    bool from_markup = false;
    int code_mentions = 0;
  };
  void add(const security& s, std::string_view name, bool markup);
  std::string_view trim_lead_words(std::string_view name);

  std::vector<entry> found_;
  std::unordered_map<std::string, std::size_t> index_;  // "CODE.MARKET" -> found_ index
  std::string key_;
  segment::word_breaker words_;
  std::vector<std::uint32_t> bounds_;
  std::string folded_;
  std::vector<std::uint32_t> folded_map_;
  // counting mentions: each distinct name or code once, in one pass
  pattern_automaton mentions_;
  std::unordered_map<std::string_view, std::uint32_t> needles_;
};

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_STOCKS_HPP
