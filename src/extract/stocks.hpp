// Stock codes: Eastmoney markup and code patterns in text, normalised to
// market and exchange (MIC).
#ifndef NEWSX_EXTRACT_STOCKS_HPP
#define NEWSX_EXTRACT_STOCKS_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/article.hpp"
#include "parse/dom.hpp"

namespace newsx::extract {

/// A code resolved to its market, before names and mentions are known.
struct security {
  std::string code;    ///< "600160", "00700", "NIO"
  std::string market;  ///< SH SZ BJ HK US
  std::optional<std::string> exchange;
};

/// Eastmoney market ids: 1 SH; 0 SZ or BJ by code; 105 NASDAQ, 106 NYSE,
/// 107 NYSE American; 116/128 HK. Sector boards (90) and others give nothing.
[[nodiscard]] std::optional<security> from_eastmoney(std::string_view market_id,
                                                     std::string_view code);

/// "600160.SH", "03301.HK", "OCFT.US", "BABA.N", "600028" (A share by prefix),
/// "NYSE:NIO". nullopt for anything else.
[[nodiscard]] std::optional<security> from_text_code(std::string_view token);

class stock_collector {
 public:
  /// Reads Eastmoney markup (data-code, id="stock_…", quote links) in the
  /// subtree of root, embeds included: a chart embed says which exchange.
  /// chrome: the flag of page chrome whose widgets do not count;
  /// left_out: subtrees of root (sorted) that are not the story.
  void scan_markup(const dom::document& doc, std::uint32_t root,
                   std::uint16_t chrome = dom::boilerplate,
                   std::span<const std::uint32_t> left_out = {});
  /// Reads "名称(CODE.MKT)" and "名称（600028）" patterns in text.
  void scan_text(std::string_view text);
  /// Resolved codes with names and mention counts over the article text.
  void finish(std::string_view article_text, std::vector<stock_code>& out);
  void clear() { found_.clear(); }

 private:
  struct entry {
    security sec;
    std::string name;
    bool from_markup = false;
    int code_mentions = 0;
  };
  void add(const security& s, std::string_view name, bool markup);
  std::vector<entry> found_;
};

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_STOCKS_HPP
