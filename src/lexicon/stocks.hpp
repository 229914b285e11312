// The lexicon of listed securities: which code ranges trade where, how
// portals mark a stock in an article (ids, quote links), how text writes a
// code, and the words that stand before a company's name without being part
// of it. Rules that read these tables live in src/extract/stocks.cpp.
#ifndef NEWSX_LEXICON_STOCKS_HPP
#define NEWSX_LEXICON_STOCKS_HPP

#include <cstdint>
#include <string_view>

#include "lexicon/lexicon.hpp"

namespace newsx::lexicon {

enum class security_kind : std::uint8_t { stock, fund, bond };

/// Mainland code ranges by prefix: market, MIC and kind. The first entry
/// whose prefix a six-digit code starts with decides. `bare` marks the
/// ranges a bare number in text may name (common equity); the others need
/// a market, markup, or (funds) a fund word beside them.
struct code_range {
  std::string_view prefix;
  std::string_view market;  ///< SH, SZ or BJ
  std::string_view mic;
  security_kind kind;
  bool bare;
};
inline constexpr code_range mainland_code_ranges[] = {
    // Shanghai: main board, STAR market, B shares
    {"600", "SH", "XSHG", security_kind::stock, true},
    {"601", "SH", "XSHG", security_kind::stock, true},
    {"603", "SH", "XSHG", security_kind::stock, true},
    {"605", "SH", "XSHG", security_kind::stock, true},
    {"688", "SH", "XSHG", security_kind::stock, true},
    {"689", "SH", "XSHG", security_kind::stock, true},
    {"900", "SH", "XSHG", security_kind::stock, true},
    // Shenzhen: main board, ChiNext, B shares
    {"000", "SZ", "XSHE", security_kind::stock, true},
    {"001", "SZ", "XSHE", security_kind::stock, true},
    {"002", "SZ", "XSHE", security_kind::stock, true},
    {"003", "SZ", "XSHE", security_kind::stock, true},
    {"300", "SZ", "XSHE", security_kind::stock, true},
    {"301", "SZ", "XSHE", security_kind::stock, true},
    {"200", "SZ", "XSHE", security_kind::stock, true},
    // Beijing
    {"43", "BJ", "BJSE", security_kind::stock, true},
    {"83", "BJ", "BJSE", security_kind::stock, true},
    {"87", "BJ", "BJSE", security_kind::stock, true},
    {"920", "BJ", "BJSE", security_kind::stock, true},
    {"88", "BJ", "BJSE", security_kind::stock, false},
    // exchange-traded funds (ETF, LOF)
    {"50", "SH", "XSHG", security_kind::fund, false},
    {"51", "SH", "XSHG", security_kind::fund, false},
    {"56", "SH", "XSHG", security_kind::fund, false},
    {"58", "SH", "XSHG", security_kind::fund, false},
    {"15", "SZ", "XSHE", security_kind::fund, false},
    {"16", "SZ", "XSHE", security_kind::fund, false},
    {"18", "SZ", "XSHE", security_kind::fund, false},
    // convertible bonds
    {"110", "SH", "XSHG", security_kind::bond, false},
    {"111", "SH", "XSHG", security_kind::bond, false},
    {"113", "SH", "XSHG", security_kind::bond, false},
    {"118", "SH", "XSHG", security_kind::bond, false},
    {"123", "SZ", "XSHE", security_kind::bond, false},
    {"127", "SZ", "XSHE", security_kind::bond, false},
    {"128", "SZ", "XSHE", security_kind::bond, false},
};

/// Codes that name an index, not a security, on the market given with them:
/// sh000001 is 上证指数 (while 000001.SZ is 平安银行), sz399006 创业板指.
struct index_range {
  std::string_view market;
  std::string_view prefix;
};
inline constexpr index_range mainland_index_ranges[] = {
    {"SH", "000"}, {"SH", "880"}, {"SZ", "399"}, {"BJ", "899"}};

/// Words beside a bare fund code that make it one: "华安创业板50ETF（159949）".
inline constexpr std::string_view fund_words[] = {"ETF", "LOF", "基金", "分级", "联接"};
/// ... and a bare convertible bond's: "某某转债（113050）".
inline constexpr std::string_view bond_words[] = {"转债", "可转债"};

/// Market prefixes of a code token: "sh600519", "SZ000001", "hk00700", "usAAPL".
inline constexpr std::string_view market_prefixes[] = {"sh", "sz", "bj", "hk", "us"};

/// Suffixes and prefixes of a market after or before a code, as text writes
/// them ("600519.SS", "0700.HK", "PDD.NASDAQ", "BABA.N", "HK.00700", "US.AAPL").
struct market_name {
  std::string_view name;    ///< compared without case
  std::string_view market;  ///< SH SZ BJ HK US
  std::string_view mic;     ///< empty: decided by the code (or unknown for US)
};
inline constexpr market_name market_names[] = {
    {"SH", "SH", ""},     {"SS", "SH", ""},      {"SSE", "SH", ""},   {"SZ", "SZ", ""},
    {"SZSE", "SZ", ""},   {"BJ", "BJ", ""},      {"HK", "HK", ""},    {"HKEX", "HK", ""},
    {"US", "US", ""},     {"N", "US", "XNYS"},   {"NYSE", "US", "XNYS"},
    {"O", "US", "XNAS"},  {"OQ", "US", "XNAS"},  {"NASDAQ", "US", "XNAS"},
    {"AMEX", "US", "XASE"}, {"NYSEAMERICAN", "US", "XASE"}};

/// Labels before a colon and a code: "港股代码：00700", "纳斯达克：PDD".
struct code_label {
  std::string_view label;
  std::string_view market;  ///< empty: an A share, by the code
  std::string_view mic;
};
inline constexpr code_label code_labels[] = {
    {"港股代码", "HK", ""},     {"港股", "HK", ""},          {"港交所", "HK", ""},
    {"股票代码", "", ""},       {"证券代码", "", ""},        {"A股代码", "", ""},
    {"纳斯达克", "US", "XNAS"}, {"纳斯达克代码", "US", "XNAS"}, {"纽交所", "US", "XNYS"},
    {"纽约证券交易所", "US", "XNYS"}, {"美股代码", "US", ""}};

// ---------------------------------------------------------------------------
// Markup

/// How a stock id or a quote link's URL carries the code, after its prefix.
enum class quote_url_form : std::uint8_t {
  market_token,      ///< sh600519, hk00700, usAAPL.OQ
  a_share_code,      ///< 600519: the market by the code
  hk_code,           ///< 00700
  us_ticker,         ///< AAPL
  eastmoney_unify,   ///< 1.600160: Eastmoney's market id, dot, code
  netease_flagged,   ///< 0600519: NetEase's flag 0 = Shanghai, 1 = Shenzhen, then the code
  xueqiu_token,      ///< SH600519, 00700 (HK) or AAPL (US)
};
struct quote_url {
  std::string_view prefix;  ///< host and path before the code
  quote_url_form form;
};
/// id attributes that name a stock: id="stock_sh600519" (Sina) or
/// id="stock_1.600160" (Eastmoney), id="hkstock_hk00755", id="usstock_AAPL".
struct stock_id {
  std::string_view prefix;
  quote_url_form form;  ///< market_token also reads Eastmoney's "1.600160"
};
inline constexpr stock_id stock_ids[] = {
    {"stock_", quote_url_form::market_token},
    {"hkstock_", quote_url_form::market_token},
    {"usstock_", quote_url_form::us_ticker},
};

/// Quote pages of the major portals. A portal not listed still counts when
/// its URL path carries a market token (see stocks.cpp, quote_link).
inline constexpr quote_url quote_urls[] = {
    {"finance.sina.com.cn/realstock/company/", quote_url_form::market_token},
    {"stock.finance.sina.com.cn/hkstock/quotes/", quote_url_form::hk_code},
    {"stock.finance.sina.com.cn/usstock/quotes/", quote_url_form::us_ticker},
    {"quote.eastmoney.com/unify/r/", quote_url_form::eastmoney_unify},
    {"quote.eastmoney.com/hk/", quote_url_form::hk_code},
    {"quote.eastmoney.com/us/", quote_url_form::us_ticker},
    {"quote.eastmoney.com/", quote_url_form::market_token},
    {"gu.qq.com/", quote_url_form::market_token},
    {"q.stock.sohu.com/cn/", quote_url_form::a_share_code},
    {"stockpage.10jqka.com.cn/", quote_url_form::a_share_code},
    {"xueqiu.com/S/", quote_url_form::xueqiu_token},
    {"stockdata.stock.hexun.com/", quote_url_form::a_share_code},
    {"quotes.money.163.com/", quote_url_form::netease_flagged},
};

/// NetEase's market flags, the first digit of its seven-digit quote ids.
inline constexpr std::string_view netease_shanghai_flag = "0";
inline constexpr std::string_view netease_shenzhen_flag = "1";

// ---------------------------------------------------------------------------
// Names

/// Words written right before a company's name that are not part of it:
/// rating actions ("维持索菲亚买入评级"), list verbs ("列金沙中国为首选") and
/// descriptors ("白酒股龙头贵州茅台"). The name starts after the last of them.
inline constexpr std::string_view name_lead_words[] = {
    "维持", "下调", "上调", "调高", "调低", "首予", "给予", "予以", "重申", "首次覆盖", "覆盖",
    "列", "推荐", "看好", "增持", "减持", "买入", "卖出", "持有", "龙头", "概念股", "板块",
    "个股", "股价", "旗下", "子公司", "母公司", "公司", "关注", "包括", "如", "例如", "像",
    "其中", "分别是", "以及", "截至发稿", "截至收盘", "截至", "收盘", "今日", "昨日", "近日",
    "日前", "此外", "同时", "据悉"};

/// What a number in brackets after these is, is not a listing: "邮编(600519)"
/// is a postcode that happens to look like a code.
inline constexpr std::string_view number_labels[] = {
    "电话", "热线", "传真", "邮编", "邮政编码", "编号", "分机", "房间", "工号", "手机", "座机",
    "订单号", "批号", "文号", "案号", "身份证号", "账号", "QQ", "微信"};

/// The last word of an English company name: a bare ticker in brackets after
/// it is a US listing ("Sunoco LP (SUN)"), where after other words it is an
/// acronym ("World Health Organization (WHO)").
inline constexpr std::string_view english_company_endings[] = {
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Ltd", "Ltd.", "Limited", "LP", "L.P.",
    "LLC", "PLC", "plc", "Group", "Holdings", "Holding", "Technologies", "Therapeutics",
    "Pharmaceuticals", "Bancorp", "Motors", "Systems"};

/// Descriptor suffixes of a word before a name: "白酒股", "券商股", "医药股".
inline constexpr std::string_view sector_word_suffixes[] = {"股"};
/// ... except where what follows makes it a name's own "股份" ("巨化股份").
inline constexpr std::string_view share_word_followers[] = {"份"};

}  // namespace newsx::lexicon

#endif  // NEWSX_LEXICON_STOCKS_HPP
