// Stock codes: every markup and text form the lexicon lists, the general
// quote-link rule, kinds, indices, names with true boundaries, and what must
// never be read as a code.
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>

#include <string>

#include "extract/stocks.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {

std::string symbol_of(const std::optional<security>& s) {
  return s ? s->code + "." + s->market : std::string("-");
}

std::vector<stock_code> codes_in(std::string_view text) {
  stock_collector c;
  c.scan_text(text);
  std::vector<stock_code> out;
  c.finish(text, out);
  return out;
}

/// The codes an extracted page reports, as "SYMBOL name" lines.
std::string page_codes(std::string_view html) {
  extractor ex;
  result<article> r = ex.extract(html);
  REQUIRE(r);
  std::string out;
  for (const stock_code& s : r->stock_codes) out += s.symbol + " " + s.name.value_or("?") + "\n";
  return out;
}

const std::string page_head =
    "<html><head><title>Story</title></head><body><article><h1>Story</h1>"
    "<p>2024-03-08 16:20 来源：证券时报网</p>";
const std::string page_tail =
    "<p>分析人士认为，市场情绪有所回暖，成交额温和放大，资金继续流向业绩确定性较高的龙头公司，"
    "短期内指数仍以震荡为主，建议投资者控制仓位、关注基本面。</p></article></body></html>";

}  // namespace

TEST_CASE("market tokens and quote links") {
  CHECK(symbol_of(from_market_token("sh600519")) == "600519.SH");
  CHECK(symbol_of(from_market_token("SZ000001")) == "000001.SZ");
  CHECK(symbol_of(from_market_token("bj830799")) == "830799.BJ");
  CHECK(symbol_of(from_market_token("hk00755")) == "00755.HK");
  CHECK(from_market_token("usAAPL.OQ")->exchange.value() == "XNAS");
  CHECK_FALSE(from_market_token("sh000001"));  // 上证指数, not 平安银行
  CHECK_FALSE(from_market_token("sz399006"));  // 创业板指
  CHECK_FALSE(from_market_token("sz600519"));  // a Shanghai code in Shenzhen
  CHECK_FALSE(from_market_token("hkHSI"));

  CHECK(symbol_of(from_quote_url("http://finance.sina.com.cn/realstock/company/sh600519/nc.shtml")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("https://stock.finance.sina.com.cn/hkstock/quotes/00700.html")) == "00700.HK");
  CHECK(symbol_of(from_quote_url("https://stock.finance.sina.com.cn/usstock/quotes/AAPL.html")) == "AAPL.US");
  CHECK(symbol_of(from_quote_url("http://quote.eastmoney.com/sh600519.html")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("http://quote.eastmoney.com/hk/00700.html")) == "00700.HK");
  CHECK(symbol_of(from_quote_url("http://quote.eastmoney.com/us/AAPL.html")) == "AAPL.US");
  CHECK(symbol_of(from_quote_url("http://quote.eastmoney.com/unify/r/1.600160")) == "600160.SH");
  CHECK(symbol_of(from_quote_url("https://gu.qq.com/sh600519")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("https://gu.qq.com/hk00700")) == "00700.HK");
  CHECK(from_quote_url("https://gu.qq.com/usAAPL.OQ")->exchange.value() == "XNAS");
  CHECK(symbol_of(from_quote_url("https://q.stock.sohu.com/cn/600519/")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("http://stockpage.10jqka.com.cn/600519/")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("https://xueqiu.com/S/SH600519")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("https://xueqiu.com/S/00700")) == "00700.HK");
  CHECK(symbol_of(from_quote_url("https://xueqiu.com/S/AAPL")) == "AAPL.US");
  CHECK(symbol_of(from_quote_url("http://stockdata.stock.hexun.com/600519.shtml")) == "600519.SH");
  // NetEase's own flag: 0 is Shanghai, 1 is Shenzhen (the opposite of Eastmoney's ids)
  CHECK(symbol_of(from_quote_url("http://quotes.money.163.com/0600519.html")) == "600519.SH");
  CHECK(symbol_of(from_quote_url("http://quotes.money.163.com/1000001.html")) == "000001.SZ");
  CHECK_FALSE(from_quote_url("http://quotes.money.163.com/1600519.html"));
  CHECK_FALSE(from_quote_url("http://quotes.money.163.com/0000001.html"));  // 上证指数
  // a portal not listed: a market token in the path
  CHECK(symbol_of(from_quote_url("http://hq.example.cn/stock/sz002594.html")) == "002594.SZ");
  CHECK_FALSE(from_quote_url("http://www.example.cn/news/2024/0308/12345.html"));
  CHECK_FALSE(from_quote_url("http://www.example.cn/user/login"));
}

TEST_CASE("text forms") {
  CHECK(symbol_of(from_text_code("600519.SS")) == "600519.SH");
  CHECK(symbol_of(from_text_code("835185.BJ")) == "835185.BJ");
  CHECK(symbol_of(from_text_code("SH600519")) == "600519.SH");
  CHECK(symbol_of(from_text_code("sh600519")) == "600519.SH");
  CHECK(symbol_of(from_text_code("0700.HK")) == "00700.HK");
  CHECK(symbol_of(from_text_code("1928.HK")) == "01928.HK");
  CHECK(symbol_of(from_text_code("HK.00700")) == "00700.HK");
  CHECK(symbol_of(from_text_code("03690-HK")) == "03690.HK");
  CHECK(symbol_of(from_text_code("HK.2020")) == "02020.HK");
  CHECK(from_text_code("PDD.NASDAQ")->exchange.value() == "XNAS");
  CHECK(from_text_code("NASDAQ: PDD")->exchange.value() == "XNAS");
  CHECK(from_text_code("JD.O")->exchange.value() == "XNAS");
  CHECK(symbol_of(from_text_code("US.AAPL")) == "AAPL.US");
  CHECK(symbol_of(from_text_code("900901")) == "900901.SH");  // a B share
  CHECK(symbol_of(from_text_code("200002")) == "200002.SZ");
  CHECK(symbol_of(from_text_code("920001")) == "920001.BJ");
  CHECK_FALSE(from_text_code("007259"));  // an over-the-counter fund: no exchange code
  CHECK_FALSE(from_text_code("000001.SH"));  // 上证指数
  CHECK_FALSE(from_text_code("399006"));
  CHECK_FALSE(from_text_code("BK1037"));
  CHECK_FALSE(from_text_code("510300"));  // a fund needs a fund word beside it
  CHECK_FALSE(from_text_code("BRK.B"));
}

TEST_CASE("kinds: stock, fund, bond") {
  const auto out = codes_in(
      "沪深300ETF（510300）与华安创业板50ETF（159949）获申购，某银行转债（113050）活跃，"
      "招商银行（600036）持平；某基金（007259）不是交易所代码。");
  REQUIRE(out.size() == 4);
  CHECK(out[0].symbol == "510300.SH");
  CHECK(out[0].kind == "fund");
  CHECK(out[1].symbol == "159949.SZ");
  CHECK(out[1].kind == "fund");
  CHECK(out[1].name.value_or("") == "华安创业板50ETF");
  CHECK(out[2].kind == "bond");
  CHECK(out[3].kind == "stock");
}

TEST_CASE("names: the company, not the words in front of it") {
  stock_collector c;
  auto name = [&](std::string_view s) { return c.name_before(s, s.size()); };
  CHECK(name("中金维持索菲亚") == "索菲亚");
  CHECK(name("大摩下调港交所") == "港交所");
  CHECK(name("高盛首予三叶草生物-B") == "三叶草生物-B");
  CHECK(name("某券商列金沙中国") == "金沙中国");
  CHECK(name("重申白酒股龙头贵州茅台") == "贵州茅台");
  CHECK(name("记者从中国石化") == "中国石化");
  CHECK(name("包括新东方在线") == "新东方在线");  // 在 inside a name is no function word
  CHECK(name("如意集团") == "如意集团");
  CHECK(name("券商股中信证券") == "中信证券");
  CHECK(name("巨化股份") == "巨化股份");
  CHECK(name("华安创业板50ETF ") == "华安创业板50ETF");
  CHECK(name("2019年贵州茅台").find("2019") == std::string::npos);
  CHECK(name("the rating on Sunoco LP ") == "Sunoco LP");
  CHECK(name("shares of Alibaba Group Holding ") == "Alibaba Group Holding");
  CHECK(name("公司").empty());  // a lead word alone names nobody
  CHECK(name("的").empty());
}

TEST_CASE("text: five-digit Hong Kong codes, labels, cashtags") {
  const auto out = codes_in(
      "信义能源(03868)与汇丰控股（港股代码：00005）走强，拼多多（纳斯达克：PDD）大涨，"
      "$贵州茅台(SH600519)$ 创新高。电话（01088）不是代码。");
  REQUIRE(out.size() == 4);
  CHECK(out[0].symbol == "03868.HK");
  CHECK(out[0].name.value_or("") == "信义能源");
  CHECK(out[1].symbol == "00005.HK");
  CHECK(out[2].symbol == "PDD.US");
  CHECK(out[2].exchange.value_or("") == "XNAS");
  CHECK(out[3].symbol == "600519.SH");
  CHECK(out[3].name.value_or("") == "贵州茅台");
}

TEST_CASE("no codes in numbers that are not codes") {
  const auto out = codes_in(
      "客服电话（010-12345678），2024年6月14日（周五）收盘价（1688.00）元，成交额（123456789）元，"
      "同比增长（25%），共（600）家公司，去年（2023）营收增长，上证指数（000001.SH）收涨。");
  CHECK(out.empty());
}

TEST_CASE("a number a label names is no code; an all-zero code is a placeholder") {
  const auto out = codes_in(
      "公司地址：北京市海淀区，邮编：(600519)，传真（000651），手机号码 QQ(600036)。"
      "代码为（000000.SZ）的占位符，以及 (00000.HK)。");
  CHECK(out.empty());
  const auto named = codes_in("邮编(100080)附近的贵州茅台(600519)上涨。");
  REQUIRE(named.size() == 1);
  CHECK(named[0].name.value_or("") == "贵州茅台");
}

TEST_CASE("markup: Sina ids and quote links in the story only") {
  const std::string html = page_head +
      "<p>其中<span id=\"stock_sh600519\"><a href=\"http://finance.sina.com.cn/realstock/company/"
      "sh600519/nc.shtml\">贵州茅台</a></span>领涨，<span id=\"hkstock_hk00755\"><a href=\"#\">"
      "上海证大</a></span>与<span id=\"usstock_AAPL\"><a href=\"#\">苹果</a></span>跟涨，"
      "<span id=\"hkstock_hkHSI\"><a href=\"#\">恒生指数</a></span>与<a href=\"https://gu.qq.com/"
      "sz399001\">深证成指</a>收涨，<a href=\"https://xueqiu.com/S/SH601012\">隆基绿能</a>反弹。</p>"
      "<p style=\"font-family: usstock_MSFT\">某段落的样式里藏着一个代码，它不是正文。</p>" +
      page_tail +
      "<div class=\"sidebar\"><span id=\"stock_sz300750\"><a href=\"#\">宁德时代</a></span></div>"
      "<script>var s = 'stock_sh601318';</script>";
  CHECK(page_codes(html) ==
        "600519.SH 贵州茅台\n00755.HK 上海证大\nAAPL.US 苹果\n601012.SH 隆基绿能\n");
}

TEST_CASE("many distinct codes, each mentioned twice") {
  // the collector finds a code again by its index, not by a scan of all
  std::string text;
  std::size_t distinct = 0;
  for (int round = 0; round < 2; ++round) {
    for (int base : {600000, 300000, 688000}) {
      for (int i = 0; i < 2000; ++i) text += "公司（" + std::to_string(base + i) + "）";
    }
  }
  distinct = 3 * 2000;
  const auto out = codes_in(text);
  CHECK(out.size() == distinct);
  CHECK(out.front().mentions == 2);
}

namespace {

std::shared_ptr<const securities> fixture_list() {
  auto list = securities::load(std::string(NEWSX_TEST_DATA) + "/securities.csv");
  REQUIRE(list);
  return *list;
}

std::string listed(std::string_view text, const std::shared_ptr<const securities>& list) {
  stock_collector c;
  c.scan_names(*list, text);
  std::vector<stock_code> out;
  c.finish(text, out);
  std::string s;
  for (const stock_code& code : out) {
    s += code.symbol + " " + code.name.value_or("?") + " " + std::to_string(code.mentions) + "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("securities list: names without codes yield the codes") {
  const auto list = fixture_list();
  CHECK(list->size() == 6);
  CHECK(listed("贵州茅台今日公告，茅台酒提价；腾讯发布财报。", list) ==
        "600519.SH 贵州茅台 1\n00700.HK 腾讯 1\n");
  // the longest name at a place: 中国平安, not 平安银行's 平安 (not listed) nor a part
  CHECK(listed("中国平安与平安银行同日公告。", list) == "601318.SH 中国平安 1\n000001.SZ 平安银行 1\n");
  // Latin names whole, in either width and case; never inside a longer word
  CHECK(listed("Shares of APPLE rose; Ａｐｐｌｅ too; Applesauce and Pineapple did not.", list) ==
        "AAPL.US APPLE 2\n");  // APPLE and Ａｐｐｌｅ
  CHECK(listed("Alibaba Group and 阿里巴巴 reported.", list) == "BABA.US Alibaba Group 2\n");
  CHECK(listed("今天没有上市公司。", list).empty());
}

TEST_CASE("securities list: a bad line is an error that names it") {
  auto bad = securities::from_csv("600519.SH,贵州茅台\nnot-a-code,某公司\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == error_code::invalid_options);
  CHECK(bad.error().message.find("line 2") != std::string::npos);
  auto missing = securities::load("/nonexistent/list.csv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == error_code::read_failed);
}

TEST_CASE("securities list through the extractor, shared by two extractors") {
  options o;
  o.securities = fixture_list();
  extractor a(o);
  extractor b(o);
  const std::string page = page_head + "<p>腾讯控股昨日公布业绩，腾讯的游戏收入增长。贵州茅台（600519）收涨。</p>" + page_tail;
  CHECK(page_codes(page) == "600519.SH 贵州茅台\n");  // without the list: only the written code
  for (extractor* ex : {&a, &b}) {
    result<article> r = ex->extract(page);
    REQUIRE(r);
    REQUIRE(r->stock_codes.size() == 2);
    CHECK(r->stock_codes[0].symbol == "600519.SH");
    CHECK(r->stock_codes[1].symbol == "00700.HK");
    CHECK(r->stock_codes[1].mentions == 2);
  }
}

TEST_CASE("a bare ticker after an English company name, not after an acronym's words") {
  const auto out = codes_in("Sunoco LP (SUN) raised its payout; the World Health Organization (WHO) and "
                            "the central bank (ECB) did not list anything; Apple Inc. (AAPL) rose.");
  REQUIRE(out.size() == 2);
  CHECK(out[0].symbol == "SUN.US");
  CHECK(out[0].name.value_or("") == "Sunoco LP");
  CHECK(out[1].symbol == "AAPL.US");
}

TEST_CASE("a company's initials in brackets are no ticker") {
  CHECK(codes_in("the firms Blue Origin and Sierra Nevada Corporation (SNC) won contracts").empty());
  CHECK(codes_in("Picture Archiving and Communication Systems (PACS) store images").empty());
}
