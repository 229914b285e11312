// extract stage: dates, stock codes, credits, captions, titles.
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "extract/body.hpp"
#include "extract/dates.hpp"
#include "extract/byline.hpp"
#include "extract/content.hpp"
#include "extract/headline.hpp"
#include "extract/meta.hpp"
#include "extract/resolve.hpp"
#include "newsx/extractor.hpp"
#include "extract/stocks.hpp"
#include "parse/dom.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {
std::string iso(std::string_view s, std::string_view tz = "+08:00") {
  auto d = parse_date(s);
  return d ? format_date(*d, tz) : std::string("none");
}
}  // namespace

TEST_CASE("dates with and without offsets") {
  CHECK(iso("2022-02-25 15:08:15 +0800") == "2022-02-25T15:08:15+08:00");
  CHECK(iso("2022-02-25 15:08:15") == "2022-02-25T15:08:15+08:00");
  CHECK(iso("2022-02-25 15:08:15", "-05:00") == "2022-02-25T15:08:15-05:00");
  CHECK(iso("2022-02-25 15:08:15", "") == "2022-02-25T15:08:15");
  CHECK(iso("2022-02-25T07:08:15Z") == "2022-02-25T07:08:15+00:00");
  CHECK(iso("2022-02-25T15:08:15.250+08:00") == "2022-02-25T15:08:15+08:00");
  CHECK(iso("2021/12/08 10:46") == "2021-12-08T10:46:00+08:00");
  CHECK(iso("2021年12月08日 10:46") == "2021-12-08T10:46:00+08:00");
  CHECK(iso("2021年12月8日10时46分") == "2021-12-08T10:46:00+08:00");
  CHECK(iso("2021.12.8") == "2021-12-08");
  CHECK(iso("2021-12-08 GMT+8") == "2021-12-08");
  CHECK(iso("2021-12-08 10:46 GMT+8") == "2021-12-08T10:46:00+08:00");
  CHECK(iso(" +0800") == "none");
  CHECK(iso("2021-02-30") == "none");
  CHECK(iso("2021-13-01") == "none");
  CHECK(iso("1850-01-01") == "none");
  CHECK(iso("2021-12-08 25:00") == "2021-12-08");
}

TEST_CASE("offsets") {
  CHECK(parse_offset("+08:00").value() == 480);
  CHECK(parse_offset("+0800").value() == 480);
  CHECK(parse_offset("-5").value() == -300);
  CHECK(parse_offset("Z").value() == 0);
  CHECK_FALSE(parse_offset("CST"));
  CHECK_FALSE(parse_offset("+2500"));
}

TEST_CASE("find_date in a byline skips what is not a date") {
  std::size_t at = 0;
  auto d = find_date("发布时间：2021-12-08 10:46:18 来源：新华社", &at);
  REQUIRE(d);
  CHECK(format_date(*d, "+08:00") == "2021-12-08T10:46:18+08:00");
  CHECK_FALSE(find_date("阅读 12345678 次"));
}

TEST_CASE("codes from text") {
  auto s = from_text_code("600160.SH");
  REQUIRE(s);
  CHECK(s->market == "SH");
  CHECK(s->exchange.value() == "XSHG");
  CHECK(from_text_code("3301.HK")->code == "03301");
  CHECK(from_text_code("OCFT.US")->exchange == std::nullopt);
  CHECK(from_text_code("BABA.N")->exchange.value() == "XNYS");
  CHECK(from_text_code("NASDAQ:AAPL")->exchange.value() == "XNAS");
  CHECK(from_text_code("300343")->market == "SZ");
  CHECK(from_text_code("430047")->market == "BJ");
  CHECK_FALSE(from_text_code("600160.SZ"));  // a Shanghai code cannot trade in Shenzhen
  CHECK_FALSE(from_text_code("2021"));
  CHECK_FALSE(from_text_code("123456"));      // no equity prefix
  CHECK_FALSE(from_text_code("1.5%"));
}

TEST_CASE("Eastmoney market ids") {
  CHECK(from_eastmoney("1", "600160")->market == "SH");
  CHECK(from_eastmoney("0", "300343")->market == "SZ");
  CHECK(from_eastmoney("0", "830799")->market == "BJ");
  CHECK(from_eastmoney("106", "NIO")->exchange.value() == "XNYS");
  CHECK(from_eastmoney("105", "TSLA")->exchange.value() == "XNAS");
  CHECK(from_eastmoney("107", "IMO")->exchange.value() == "XASE");
  CHECK(from_eastmoney("116", "700")->code == "00700");
  CHECK_FALSE(from_eastmoney("90", "BK0493"));
  CHECK_FALSE(from_eastmoney("0", "600000"));
}

TEST_CASE("stock collector: text patterns, names and mentions") {
  stock_collector c;
  const std::string text =
      "记者从中国石化（600028）获悉，融信中国(03301.HK)回购票据；中国石化表示将继续推进。"
      "另见(600000.SH，00700.HK)。年份(2021)不是代码。";
  c.scan_text(text);
  std::vector<stock_code> out;
  c.finish(text, out);
  REQUIRE(out.size() == 4);
  CHECK(out[0].symbol == "600028.SH");
  CHECK(out[0].name.value_or("") == "中国石化");
  CHECK(out[0].mentions == 2);
  CHECK(out[1].symbol == "03301.HK");
  CHECK(out[1].name.value_or("") == "融信中国");
  CHECK(out[3].symbol == "00700.HK");

  stock_collector wide;  // full-width digits and stops read the same
  wide.scan_text("中国石化（６０００２８．ＳＨ）");
  std::vector<stock_code> w;
  wide.finish("中国石化", w);
  REQUIRE(w.size() == 1);
  CHECK(w[0].symbol == "600028.SH");
}

TEST_CASE("stock collector: Eastmoney markup, embeds give the exchange") {
  dom::document doc;
  const std::string html =
      "<body><p><a data-code=\"OCFT|106|7\" class=\"EmImageRemark\"><img alt=\"K图\"></a></p>"
      "<p><span id=\"stock_1.600160\"><a data-code=\"1,600160\">巨化股份</a></span>"
      "<span id=\"bk_90.BK0493\"><a data-code=\"90,BK0493\">新能源</a></span>"
      "<span class=\"em_stock_key_common\" data-code=\"0,300343\">联创股份</span></p></body>";
  REQUIRE(doc.parse(html, 100));
  stock_collector c;
  c.scan_markup(doc, doc.body());
  c.scan_text("金融壹账通(OCFT.US)");
  std::vector<stock_code> out;
  c.finish("金融壹账通(OCFT.US) 巨化股份 联创股份", out);
  REQUIRE(out.size() == 3);
  CHECK(out[0].symbol == "OCFT.US");
  CHECK(out[0].exchange.value() == "XNYS");
  CHECK(out[0].name.value_or("") == "金融壹账通");
  CHECK(out[1].symbol == "600160.SH");
  CHECK(out[1].name.value_or("") == "巨化股份");
  CHECK(out[2].symbol == "300343.SZ");
}

TEST_CASE("credit lines and trailing credits") {
  CHECK(credit_line("（文章来源：智通财经网）") == "智通财经网");
  CHECK(credit_line("来源：新华社 作者：张三") == "新华社");
  CHECK(credit_line("本文来源于：第一财经") == "第一财经");
  CHECK(credit_line("数据来源：Wind").empty());
  CHECK(credit_line("他说来源：不明，这是一句很长的正文，不会被当作来源行处理。").empty());
  // brackets that close before the line ends hold a credit, not the line
  CHECK(credit_line("（来源：搜狐财经）编者按：企业从未像今天这样被关注。").empty());
  CHECK(opening_group_end("（来源：新华社（北京））编者按") == std::string_view("（来源：新华社（北京））").size());
  CHECK(opening_group_end("来源：新华社") == std::string_view::npos);
  std::size_t cut = 0;
  const std::string t1 = "增长384.9%。（央视新闻客户端）";
  CHECK(trailing_credit(t1, cut) == "央视新闻客户端");
  CHECK(t1.substr(0, cut) == "增长384.9%。");
  const std::string t2 = "目标。(中证网)";
  CHECK(trailing_credit(t2, cut) == "中证网");
  CHECK(trailing_credit("目标价200美元(较最新收盘价高近17%)", cut).empty());
  CHECK(trailing_credit("他表示（记者 张三）", cut).empty());
}

TEST_CASE("captions and furniture") {
  segment::seg_block b;
  b.b.text = "图片来源：霍尼韦尔官网";
  b.chars = 10;
  CHECK(looks_like_caption(b));
  b.b.text = "这是一段普通的正文，说明了很多事情。";
  b.chars = 18;
  CHECK_FALSE(looks_like_caption(b));
  b.centered = true;
  CHECK_FALSE(looks_like_caption(b));  // ends like a sentence
  CHECK(is_page_furniture("责任编辑：王五"));
  CHECK(is_page_furniture("（原标题：某某某）"));
  CHECK_FALSE(is_page_furniture("编辑部认为市场将回暖。"));
}

TEST_CASE("site suffixes leave the headline") {
  CHECK(strip_site_suffix("央行开展逆回购操作_新浪财经_新浪网") == "央行开展逆回购操作");
  CHECK(strip_site_suffix("Markets rally on rate hopes | Example News") == "Markets rally on rate hopes");
  CHECK(strip_site_suffix("没有后缀的标题") == "没有后缀的标题");
}

TEST_CASE("bylines: labels, outlets, datelines") {
  CHECK(byline_field("正文 本文来源于 国家统计局 　 2024-05-11", {"本文来源于", "来源"}) == "国家统计局");
  CHECK(byline_field("2023-11-17 20:52:15 来源：\u00a0新华网 ", {"来源"}) == "新华网");
  CHECK(byline_field("聯合報 記者林宸誼／即時報導", {"記者"}, 12) == "林宸誼");
  CHECK(byline_field("聯合報 記者林宸誼\u2215即時報導", {"記者"}, 12) == "林宸誼");
  CHECK(is_media_name("证券时报网"));
  CHECK(is_media_name("聯合報"));
  CHECK_FALSE(is_media_name("我有话说"));
  CHECK_FALSE(is_media_name("2019年报"));
  CHECK(byline_source("2019-09-26 10:56:28 证券时报网 ") == "证券时报网");
  CHECK(byline_source("石佳/中国青年报 2019-09-24 09:10 字号") == "中国青年报");
  CHECK(byline_source("2019年09月11日01:53 新浪科技 我有话说").size() > 0);
  CHECK(byline_name_by_date("金融市场 棱镜 2019-09-23 07:48 分享 QQ空间") == "棱镜");
  CHECK(byline_name_by_date("发布时间 2019-09-23 07:48 分享") == "");
  // a Latin-script byline: the word by the date is the writer or the line's own
  CHECK(byline_name_by_date("By Steven Musil March 5, 2024 9:30 a.m. PT") == "");
  CHECK(byline_name_by_date("Updated on 2024-03-05 09:30") == "");
  CHECK(dateline_source("新华社北京5月9日电 题：积极因素不断增多") == "新华社");
  CHECK(dateline_source("中新网9月9日电 针对外媒报道") == "中新网");
  CHECK(dateline_source("TNW中文站 10月14日报道") == "TNW中文站");
  CHECK(dateline_source("新浪科技讯 北京时间9月11日凌晨消息") == "新浪科技");
  CHECK(dateline_source("本报讯 记者从市政府获悉") == "");
  CHECK(dateline_source("据了解，公司5月9日发布公告") == "");
}

TEST_CASE("the headline element, not the <title> with its site name") {
  dom::document doc;
  const std::string html =
      "<html><head><title>明日预测--央行开展逆回购操作维护流动性</title></head><body>"
      "<h1><a href=\"/\">站点标志 明日大盘网</a></h1><div class=\"ad-title\">广告</div>"
      "<div class=\"title-text\">央行开展逆回购操作维护流动性</div>"
      "<div class=\"info-title\">央行开展逆回购操作维护流动性 2019-01-01 来源：某报</div></body></html>";
  REQUIRE(doc.parse(html, 100));
  const headline h = find_headline(doc, "明日预测--央行开展逆回购操作维护流动性", "");
  CHECK(h.text == "央行开展逆回购操作维护流动性");
  CHECK(dom::attr(doc[h.node], "class") == "title-text");
}

TEST_CASE("labels that open lists of other stories") {
  CHECK(is_tail_marker("相关阅读"));
  CHECK(is_tail_marker("相关电报"));  // a wire service's flashes
  CHECK(is_tail_marker("相關報導"));
  CHECK(is_tail_marker("【相关新闻】"));
  CHECK(is_tail_marker("为你推荐："));
  CHECK(is_tail_marker("Related Articles"));
  CHECK_FALSE(is_tail_marker("相关阅读显示，市场情绪正在回暖。"));
  CHECK_FALSE(is_tail_marker("Relatedness"));
  CHECK(is_image_credit("图片来源：新华社"));
  CHECK(is_image_credit("张三 供图"));
  CHECK_FALSE(is_image_credit("5月19日，在多米尼加首都圣多明各，阿比纳德尔在竞选总部发表胜选演讲。新华社记者 李梦馨 摄"));
}

TEST_CASE("a short line by a picture is its credit, unless it is a phrase written in hiragana") {
  CHECK(is_image_credit("共同通信"));
  CHECK(is_image_credit("Getty Images"));
  CHECK(is_image_credit("撮影・山田太郎"));
  CHECK_FALSE(is_image_credit("やっと届きました"));
  CHECK_FALSE(is_image_credit("色は白にしました"));
  // a blog written in short centred lines between its pictures: the line
  // under each picture goes on with the text, the agency's name goes
  extractor ex;
  result<article> r = ex.extract(
      "<html><body><article><h1>新しい帽子を買いました</h1>"
      "<p>先週の土曜日に駅前の小さなお店で、ずっと探していた麦わら帽子をようやく見つけることができました。</p>"
      "<p><img src='hat.jpg'></p><p style='text-align:center'>つばが広くて</p>"
      "<p style='text-align:center'>日差しをしっかり防いでくれます</p>"
      "<p><img src='street.jpg'></p><p style='text-align:center'>共同通信</p>"
      "<p>値段は三千円ほどで、夏のあいだは毎日かぶって出かけるつもりです。みなさんもぜひ探してみてください。</p>"
      "</article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("つばが広くて") != std::string::npos);
  CHECK(r->text.find("日差しを") != std::string::npos);
  CHECK(r->text.find("共同通信") == std::string::npos);
}

TEST_CASE("timestamps in any language and counters are furniture") {
  CHECK(is_byline("12.05.2024 - 13:06"));
  CHECK(is_byline("Senin, 20 Mei 2024 18:04 WIB"));
  CHECK(is_byline("Posted Fri, May 17, 2024 at 6:05 pm PT"));
  CHECK_FALSE(is_byline("The 2024 budget passed at 10:30 after a long debate, officials said."));
  CHECK(is_counter("128"));
  CHECK(is_counter("3 / 11"));
  CHECK_FALSE(is_counter("3.51 分"));
  CHECK_FALSE(is_counter("Q3 2024"));
}

TEST_CASE("newsletter calls and feed labels are furniture") {
  CHECK(is_page_furniture("Get more local news delivered straight to your inbox. Sign up for free Patch newsletters and alerts."));
  CHECK_FALSE(is_page_furniture("The newsletter industry grew fast last year, analysts said."));
  CHECK(is_tail_marker("Featured"));
  CHECK(is_tail_marker("Most Popular"));
  // an ad slot's label alone on its line, in any case and language
  CHECK(is_page_furniture("ADVERTISEMENT"));
  CHECK(is_page_furniture("Anzeige"));
  CHECK(is_page_furniture("广告"));
  CHECK_FALSE(is_page_furniture("Advertisement spending rose by a tenth last year."));
}

TEST_CASE("English bylines") {
  CHECK(english_byline("Updated 2 hours ago By Jane Q. Doe, Reuters") == "Jane Q. Doe");
  CHECK(english_byline("By Mary O'Neil and friends") == "Mary O'Neil");
  CHECK(english_byline("Stand By me") == "");
  CHECK(english_byline("By the numbers") == "");
}

TEST_CASE("titles: badges and a site tail after a bare dash go") {
  CHECK(strip_badges("原创 连续三天市值站稳5000亿") == "连续三天市值站稳5000亿");
  CHECK(strip_badges("【独家】某公司拟分拆上市") == "某公司拟分拆上市");
  CHECK(strip_badges("原创性研究获突破") == "原创性研究获突破");  // a word, not a badge
  CHECK(strip_site_suffix("银发一族消费升级 这些产业乐了-老龄,养老,银发-东方财经-东方网") ==
        "银发一族消费升级 这些产业乐了");
  CHECK(strip_site_suffix("某银行发布留学蓝皮书--东方财经-东方网") == "某银行发布留学蓝皮书");
  // a dash inside the headline stays: what follows is no site
  CHECK(strip_site_suffix("三叶草生物-B获批上市申请") == "三叶草生物-B获批上市申请");
}

TEST_CASE("is_article: listings without headline or date") {
  article_signals story;
  story.prose_chars = 2000;
  story.has_headline = true;
  story.has_date = true;
  CHECK(resolve_is_article(story));
  article_signals listing = story;
  listing.has_headline = listing.has_date = false;
  listing.list_share = 0.95;
  listing.page_timestamps = 30;
  CHECK_FALSE(resolve_is_article(listing));
  listing.page_timestamps = 3;  // a story set in list items is still a story
  CHECK(resolve_is_article(listing));
  article_signals link_page;
  link_page.prose_chars = 200;
  link_page.page_link_density = 0.8;
  CHECK_FALSE(resolve_is_article(link_page));
  link_page.page_link_density = 0.3;
  CHECK(resolve_is_article(link_page));
  article_signals short_dated = story;
  short_dated.prose_chars = 60;  // a one-paragraph dated brief with its own headline
  CHECK(resolve_is_article(short_dated));
}

namespace {
/// A Chinese story page: headline, a byline zone, three paragraphs, a tail.
std::string zh_story(std::string_view byline, std::string_view first_extra = {},
                     std::string_view last_extra = {}, std::string_view after = {}) {
  std::string s = "<html><head><title>港口物流量创新高</title></head><body><div class=\"article\">"
                  "<h1>港口物流量创新高</h1><div class=\"info\">2024-03-05 09:30 ";
  s += byline;
  s += "</div><div class=\"content\">";
  s += first_extra;
  s += "<p>今年前两个月，港口货物吞吐量同比增长百分之八，集装箱航线持续加密，物流企业普遍反映订单回暖。</p>"
       "<p>业内人士表示，随着外贸需求回升，港口作业效率还将进一步提高，内陆腹地的货源也在向沿海集中。</p>"
       "<p>多家航运公司已经宣布增开班轮，部分码头计划在年内完成自动化改造，以应对货量增长。";
  s += last_extra;
  s += "</p></div>";
  s += after;
  s += "</div></body></html>";
  return s;
}
article zh_extract(const std::string& html) {
  extractor ex;
  auto a = ex.extract(html);
  REQUIRE(a);
  return *a;
}
}  // namespace

TEST_CASE("a paragraph opened with a credit in brackets keeps its text; the credit names the source") {
  const article a = zh_extract(zh_story("", "<p><strong>（来源：港口观察）编者按：</strong>港口是外贸的晴雨表，"
                                            "本刊将连续报道各地港口的新变化。</p>"));
  CHECK(a.source.value_or("") == "港口观察");
  CHECK(a.text.find("编者按：港口是外贸的晴雨表") != std::string::npos);
  CHECK(a.text.find("来源：港口观察") == std::string::npos);
  // the first paragraph is no bold subhead for its credit's bold
  for (const block& b : a.body) CHECK(b.type != block_type::heading);
  const article bold = zh_extract(zh_story("", "<p><strong>（来源：港口观察）</strong>港口的新变化</p>"));
  for (const block& b : bold.body) CHECK(b.type != block_type::heading);
  // a credit and a mark leave nothing of the paragraph; a table's row keeps its credit cell
  const article mark = zh_extract(zh_story("", "<p>（来源：港口观察）。</p>"));
  CHECK(mark.source.value_or("") == "港口观察");
  for (const block& b : mark.body) CHECK(b.text != "。");
  const article row = zh_extract(zh_story("", "<table><tr><td>（来源：海关总署）</td><td>一月</td><td>1200万标准箱</td></tr>"
                                              "<tr><td>二月</td><td>1100万标准箱</td><td>同比增长</td></tr></table>"));
  CHECK(row.text.find("海关总署") != std::string::npos);
}

TEST_CASE("Chinese bylines on a page: labelled, trailing, bracketed, in an author element") {
  CHECK(zh_extract(zh_story("作者：郑宇、韩松")).author.value_or("") == "郑宇、韩松");
  CHECK(zh_extract(zh_story("记者 郑宇 韩松")).author.value_or("") == "郑宇、韩松");
  CHECK(zh_extract(zh_story("", "", "（文/岳川）")).author.value_or("") == "岳川");
  CHECK(zh_extract(zh_story("", "<p>文/岳川</p>")).author.value_or("") == "岳川");
  const article filed = zh_extract(zh_story("", "", "（韩松上海报道）"));
  CHECK(filed.author.value_or("") == "韩松");
  CHECK(filed.source.value_or("") != "韩松");
  CHECK(zh_extract(zh_story("[ 郑宇 ]")).author.value_or("") == "郑宇");
  CHECK(zh_extract(zh_story("<span id=\"author_box\">郑宇</span>")).author.value_or("") == "郑宇");
  // role labels are no names, and an editor is no author
  CHECK_FALSE(zh_extract(zh_story("责任编辑：郑宇")).author.has_value());
  CHECK_FALSE(zh_extract(zh_story("选稿：郑宇")).author.has_value());
  CHECK_FALSE(zh_extract(zh_story("<span class=\"author\">编辑：郑宇</span>")).author.has_value());
  // the page's own byline beats <meta name=author>, often the editor's account
  CHECK(zh_extract("<html><head><meta name=\"author\" content=\"韩松\"></head>" +
                   zh_story("<span class=\"author\">郑宇</span>").substr(6))
            .author.value_or("") == "郑宇");
}

TEST_CASE("a headline in a plain <div> of generated classes is found by its text, and anchors the byline") {
  // a self-media platform's page: no heading, no class that names a title
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>半导体设备国产化提速，这家公司订单排到了明年</title></head><body>"
      "<div id=\"header\"><a>百度首页</a><a>登录</a></div>"
      "<div id=\"ssr-content\"><div class=\"_2kCxD\"><div class=\"sKHSJ\">半导体设备国产化提速，这家公司订单排到了明年</div>"
      "<div class=\"_2gGWi\"><div class=\"_3ygOc\"><a class=\"_3mtoH\" href=\"#\"><p class=\"_7y5nA\">港航观察者老周</p></a><div class=\"_2sjh9\"><span>2024-07-15 09:26</span><span class=\"_2Sr8d\">广东</span></div><span class=\"follow\">关注</span></div></div>"
      "<div data-testid=\"article\" class=\"_18p7x\">"
      "<div class=\"dpu8C _2kCxD\"><p>今年以来，半导体设备国产化的进程明显加快。在刻蚀、薄膜沉积、清洗等环节，国内设备厂商的市场份额持续提升，部分企业的在手订单已经排到了明年上半年。</p></div>"
      "<div class=\"dpu8C _2kCxD\"><p>以某科创板上市公司为例，其一季度新签订单同比增长超过四成，其中先进制程相关设备的占比明显提升。公司管理层在业绩说明会上表示，产能扩张正在有序推进，新厂房预计年底投产。</p></div>"
      "<div class=\"_1NCGf\"><img src=\"s.jpg\"></div>"
      "<div class=\"dpu8C _2kCxD\"><p>不过，业内人士也提醒，光刻等核心环节的国产化率仍然较低，关键零部件对外依存度较高，国产设备要实现全面替代还有很长的路要走。</p></div>"
      "<div class=\"dpu8C _2kCxD\"><p>总的来看，在下游晶圆厂扩产和政策支持的双重推动下，国产半导体设备行业有望保持较高景气度。</p></div>"
      "</div>"
      "<div class=\"_3iq6c\"><span>举报/反馈</span></div>"
      "<div class=\"_2Ti0y\"><h3>相关推荐</h3><a>芯片巨头加码先进封装 产业链迎来新机遇</a></div>"
      "</div></div></body></html>";
  const article a = zh_extract(page);
  CHECK(a.title.value_or("") == "半导体设备国产化提速，这家公司订单排到了明年");
  CHECK(a.author.value_or("") == "港航观察者老周");
  CHECK(a.text.find("芯片巨头加码先进封装") == std::string::npos);
}

TEST_CASE("a platform account's byline: the name by the date is the writer, unless an outlet") {
  const article post = zh_extract(zh_story("价值老猫 <span class=\"follow\">关注</span>"));
  CHECK(post.author.value_or("") == "价值老猫");
  CHECK_FALSE(post.source.has_value());
  // an outlet's account stays the source
  const article outlet = zh_extract(zh_story("证券时报网 <span class=\"follow\">关注</span>"));
  CHECK_FALSE(outlet.author.has_value());
  CHECK(outlet.source.value_or("") == "证券时报网");
  // without a follow button or a posted-at mark the name by the date is no writer
  CHECK_FALSE(zh_extract(zh_story("价值老猫")).author.has_value());
}

TEST_CASE("Chinese credits that give an affiliation beside the name") {
  CHECK(credit_names("（作者：方文北京某大学经济学院教授）") == "方文");
  CHECK(labelled_names("（本文来源：某某日报 作者：某研究中心世界经济部部长，研究员郑宇）") == "郑宇");
  CHECK(credit_names("（作者：某研究中心研究员）").empty());
  // a byline that names the writer twice names one writer
  CHECK(labelled_names("示例证券报 2024年06月25日 A001版 作者：林若溪 示例证券报记者 林若溪") == "林若溪");
  CHECK(labelled_names("作者：林若溪 记者 方文 林若溪") == "林若溪、方文");
  // a credit under a summary list still opens the story
  const article a = zh_extract(zh_story("", "<p>划重点：</p><ul><li>货物吞吐量同比增长，集装箱航线持续加密。</li>"
                                            "<li>多家航运公司宣布增开班轮。</li><li>码头计划完成自动化改造。</li></ul>"
                                            "<p>《港航观察》作者 韩松</p>"));
  CHECK(a.author.value_or("") == "韩松");
}

TEST_CASE("Chinese writer credits: every name, never an editor or an outlet") {
  CHECK(credit_names("作者：李长祥") == "李长祥");
  CHECK(credit_names("（文/袁庭岚）") == "袁庭岚");
  CHECK(credit_names("新京报记者 侯小溪 陈鹏") == "侯小溪、陈鹏");
  CHECK(credit_names("采写：南都见习记者 封聪颖") == "封聪颖");
  CHECK(credit_names("数据宝 ， 作者 张娟娟") == "张娟娟");
  CHECK(credit_names("乐居财经 李奕和 发自广州") == "李奕和");
  CHECK(credit_names("作者 | 陈邓新、唐俊") == "陈邓新、唐俊");
  CHECK(credit_names("作者： 记者王敬照") == "王敬照");
  CHECK(credit_names("蒋琰") == "蒋琰");
  CHECK(credit_names("编辑：李雨谦").empty());
  CHECK(credit_names("责任编辑：张亚莉").empty());
  CHECK(credit_names("新华社").empty());
  CHECK(credit_names("记者从多家金店了解到，假期金市消费理性，并未受价格上涨影响。").empty());
  CHECK(reporter_names("北京商报讯（记者 孟凡霞 刘宇阳）在被动投资兴起的大环境下") == "孟凡霞、刘宇阳");
  CHECK(looks_like_person("钟才文"));
  CHECK(looks_like_person("欧阳娜娜"));
  CHECK_FALSE(looks_like_person("中新经纬"));  // no surname: an outlet
  CHECK_FALSE(looks_like_person("新华社"));
}

TEST_CASE("writer credits through a page: opening, closing and trailing") {
  extractor ex;
  const std::string head =
      "<html><head><title>某公司三季度营收增长</title></head><body><article><h1>某公司三季度营收增长</h1>"
      "<p>2024-10-20 09:00 来源：示例财经</p>";
  const std::string prose =
      "<p>某公司今日发布三季度报告，营业收入同比增长两成，净利润增长超过三成，主要受益于海外市场的快速拓展。</p>"
      "<p>公司表示，将继续加大研发投入，推动产品结构升级，并在年内完成新工厂的建设与投产。</p>";
  auto author_of = [&](const std::string& html) {
    result<article> r = ex.extract(html);
    REQUIRE(r);
    return r->author.value_or("-") + "|" + r->source.value_or("-");
  };
  CHECK(author_of(head + prose + "<p>新京报记者 侯小溪 陈鹏</p><p>编辑：李雨谦</p></article></body></html>") ==
        "侯小溪、陈鹏|示例财经");
  CHECK(author_of(head + prose + "<p>市场人士认为，这一增速好于预期。（文/袁庭岚）</p></article></body></html>") ==
        "袁庭岚|示例财经");
  // a name in brackets closing the story is its writer; an outlet there is the source
  CHECK(author_of(head + prose + "<p>业内人士表示看好后市。（钟才文）</p></article></body></html>") ==
        "钟才文|示例财经");
  CHECK(author_of(head.substr(0, head.find("<p>")) + prose +
                  "<p>业内人士表示看好后市。（中新经纬）</p></article></body></html>") == "-|中新经纬");
}

TEST_CASE("source precedence: a weak clue that <meta> confirms beats a dateline") {
  facts f;
  f.add(f.source, "北京商报", origin::dateline);
  f.add(f.source, "新浪财经综合", origin::name_by_date);
  f.add(f.source, "新浪财经综合", origin::page_meta);
  CHECK(resolve_source(f).value_or("") == "新浪财经综合");
  facts weak;
  weak.add(weak.source, "销量", origin::name_by_date);  // a word beside the date, unconfirmed
  weak.add(weak.source, "澎湃新闻", origin::page_meta);
  CHECK(resolve_source(weak).value_or("") == "澎湃新闻");
  facts alone;
  alone.add(alone.source, "棱镜", origin::name_by_date);
  CHECK(resolve_source(alone).value_or("") == "棱镜");
  facts edition;  // an outlet's online edition is the outlet
  edition.add(edition.source, "示例证券报网络版", origin::byline_label);
  CHECK(resolve_source(edition).value_or("") == "示例证券报");
}

TEST_CASE("subheads: bold lines ending in a quote or colon, numbered lines") {
  extractor ex;
  const std::string para =
      "<p>这是一段足够长的正文，用来说明文章的主体内容，它包含完整的句子和标点符号，读起来像新闻报道的一部分。</p>";
  result<article> r = ex.extract(
      "<html><head><title>某行业观察</title></head><body><article><h1>某行业观察</h1>" + para +
      "<p><strong>这届老年人“有钱有闲”</strong></p>" + para + "<p><strong>结语：</strong></p>" + para +
      "<p>一、政策环境持续改善</p>" + para + "<p>（二）市场需求稳步回升</p>" + para +
      "<p>2024年共有3家公司上市。</p>" + para + "</article></body></html>");
  REQUIRE(r);
  std::vector<std::string> headings;
  for (const block& b : r->body) {
    if (b.type == block_type::heading) headings.push_back(b.text);
  }
  CHECK(headings == std::vector<std::string>{"这届老年人“有钱有闲”", "结语：", "一、政策环境持续改善",
                                             "（二）市场需求稳步回升"});
}

namespace {
/// The n-th paragraph of prose (pages that repeat a paragraph drop the copy).
std::string prose(int n) {
  static const char* const lead[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"};
  return std::string("<p>") + lead[n % 8] +
         "方面，这是一段足够长的正文，用来说明文章的主体内容，它包含完整的句子和标点符号，读起来像新闻报道的一部分。</p>";
}

std::vector<std::string> headings_of(const std::string& body) {
  extractor ex;
  result<article> r = ex.extract("<html><head><title>某行业观察</title></head><body><article><h1>某行业观察</h1>" +
                                 body + "</article></body></html>");
  std::vector<std::string> out;
  if (!r) return {"(error)"};
  for (const block& b : r->body) {
    if (b.type == block_type::heading) out.push_back(b.text);
  }
  return out;
}
}  // namespace

TEST_CASE("subheads: a digest's sections numbered 一、二、 stay as subheads though they link to their stories") {
  const std::string digest = prose(1) + "<p><strong><a href=\"/a\">一、主力资金重点出击九只个股</a></strong></p>" + prose(2) +
                             "<p><strong><a href=\"/b\">二、两市震荡 物流板块领涨</a></strong></p>" + prose(3) +
                             prose(4) + prose(5) + prose(6) + prose(7);
  CHECK(headings_of(digest) == std::vector<std::string>{"一、主力资金重点出击九只个股", "二、两市震荡 物流板块领涨"});
  // a teaser list numbered in digits is still a list of other stories
  CHECK(headings_of(prose(1) + "<p><strong><a href=\"/a\">1. 主力资金重点出击九只个股</a></strong></p>" + prose(2) +
                    prose(3) + prose(4) + prose(5) + prose(6))
            .empty());
}

TEST_CASE("subheads: a bold line that goes on with the clause before it is no subhead") {
  CHECK(headings_of(prose(1) + "<p><strong>京沪高速北京方向，</strong></p><p><strong>无锡枢纽至广陵枢纽</strong></p>"
                    "<p><strong>将进行封闭施工！</strong></p>" + prose(2) + "<p>请大家互相转告，</p>"
                    "<p><strong>愿大家都能</strong></p><p><strong>平安出行。</strong></p>" + prose(3) + prose(4) +
                    prose(5) + prose(6) + prose(7) + prose(8) + prose(9))
            .empty());
  // after a full stop it is one
  CHECK(headings_of(prose(1) + "<p><strong>无锡枢纽至广陵枢纽</strong></p>" + prose(2)) ==
        std::vector<std::string>{"无锡枢纽至广陵枢纽"});
}

TEST_CASE("subheads: section numbers on lines of their own, counting 1, 2, 3, title the lines after them") {
  const std::string numbered = "<p>01</p><p>相关路段分流通行</p>" + prose(1) + "<p>02</p><p>提前规划出行路线</p>" +
                               prose(2) + "<p>02</p><p>货车绕行安排</p>" + prose(3);
  CHECK(headings_of(numbered) == std::vector<std::string>{"相关路段分流通行", "提前规划出行路线", "货车绕行安排"});
  // numbers that do not count up from 1 (a chart's ticks) title nothing, nor does one alone
  CHECK(headings_of("<p>0</p><p>2019年同期水平</p>" + prose(1) + "<p>5</p><p>2020年一季度</p>" + prose(2)).empty());
  CHECK(headings_of("<p>1</p><p>2019年路段分流通行</p>" + prose(1) + prose(2)).empty());
}

TEST_CASE("subheads: a bold question among bold statements is one; an interview's questions are not") {
  CHECK(headings_of(prose(1) + "<p><strong>行业迎来新周期</strong></p>" + prose(2) + "<p><strong>渠道下沉见成效</strong></p>" + prose(3) +
                    "<p><strong>高增长能否持续？</strong></p>" + prose(4)) ==
        std::vector<std::string>{"行业迎来新周期", "渠道下沉见成效", "高增长能否持续？"});
  CHECK(headings_of(prose(5) + "<p><strong>您怎么看今年的市场？</strong></p>" + prose(6) + "<p><strong>公司下一步怎么走？</strong></p>" + prose(7) +
                    "<p><strong>风险在哪里？</strong></p>" + prose(8))
            .empty());
  // a question that asks the reader, with no prose after it
  CHECK(headings_of(prose(9) + "<p><strong>行业迎来新周期</strong></p>" + prose(10) + "<p><strong>渠道下沉见成效</strong></p>" + prose(11) +
                    "<p><strong>你怎么看这篇文章？</strong></p>") ==
        std::vector<std::string>{"行业迎来新周期", "渠道下沉见成效"});
}

TEST_CASE("subheads: bold by class, by style or by a CMS's style attribute") {
  CHECK(headings_of(prose(12) + "<p><span class=\"text-bold\">从萌芽到成熟</span></p>" + prose(13) +
                    "<p><span style=\"font-weight: 700\">因地制宜是关键</span></p>" + prose(14) +
                    "<p><font data-style=\"font-L strong-Bold\">转型仍需时间</font></p>" + prose(15) +
                    "<p><span style=\"font-weight:normal\">普通的一行字</span></p>" + prose(16)) ==
        std::vector<std::string>{"从萌芽到成熟", "因地制宜是关键", "转型仍需时间"});
}

TEST_CASE("subheads: never an aside in brackets, nor a bold line opening a bold passage") {
  CHECK(headings_of(prose(17) + "<p><strong>一场新的竞争</strong></p>" + prose(18) + "<p><strong>（综合整理自多家媒体报道）</strong></p>" + prose(19))
        == std::vector<std::string>{"一场新的竞争"});
  CHECK(headings_of(prose(20) + "<p><strong>一场新的竞争</strong></p>" + prose(21) + "<p><strong>简单来说</strong></p>" +
                    "<p><strong>南行方向全线封闭施工，</strong></p>" + prose(22) + prose(23) + prose(24)) ==
        std::vector<std::string>{"一场新的竞争"});
}

TEST_CASE("subheads: short plain phrases standing alone between paragraphs, two or more on the page") {
  CHECK(headings_of(prose(23) + "<p>态势向好，基本面继续改善</p>" + prose(24) + "<p>提质挖潜，新动能加速释放</p>" + prose(25)) ==
        std::vector<std::string>{"态势向好，基本面继续改善", "提质挖潜，新动能加速释放"});
  // one such line alone is no structure; a line with figures or a colon is a
  // data line or a news item; the line under a picture is its caption
  CHECK(headings_of(prose(26) + "<p>态势向好，基本面继续改善</p>" + prose(27)).empty());
  // the first section's title opens the story
  CHECK(headings_of("<p>收盘综述</p>" + prose(23) + "<p>态势向好，基本面继续改善</p>" + prose(24) +
                    "<p>提质挖潜，新动能加速释放</p>" + prose(25)) ==
        std::vector<std::string>{"收盘综述", "态势向好，基本面继续改善", "提质挖潜，新动能加速释放"});
  CHECK(headings_of(prose(28) + "<p>某公司净利预增两成</p>" + prose(29) + "<p>北上资金连续8周加仓</p>" + prose(30) +
                    "<p>某股份：筹划资产重组</p>" + prose(31))
            .empty());
  CHECK(headings_of(prose(32) + "<p><img src=\"a.jpg\"></p><p>会场外排起长队</p>" + prose(33) +
                    "<p><img src=\"b.jpg\"></p><p>展台前的参观者</p>" + prose(34))
            .empty());
}

TEST_CASE("body: a related-stories label and what follows it leave the story") {
  extractor ex;
  result<article> r = ex.extract("<html><body><article><h1>某行业观察</h1>" + prose(1) + prose(2) +
                                 "<h2>相关推荐</h2><h2>评论（12）</h2><p>我要跟帖</p></article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("相关推荐") == std::string::npos);
  CHECK(r->text.find("跟帖") == std::string::npos);
}

TEST_CASE("body: the summaries cut off under a related-stories label leave with their titles") {
  const std::string story =
      "<p>The county opened its new library on Saturday, three years after the old one burned down, "
      "and more than two thousand people came through the doors on the first day.</p>"
      "<p>Librarians said the building holds twice as many books as the old one, with a reading room "
      "for children and a hall that local groups can book for meetings in the evening.</p>";
  const std::string related =
      "<div class='more-posts'><h3>Related</h3>"
      "<h4><a href='/a'>Town hall reopens</a></h4>"
      "<p>The town hall reopened on Monday after a year of repairs to its roof and clock tower, and the "
      "council held its first meeting there the same evening in front of a crowd of…</p>"
      "<p>March 3, 2021</p><p>In \"Local\"</p>"
      "<h4><a href='/b'>Bridge works start</a></h4>"
      "<p>Work on the river bridge begins next week and will close one lane for most of the summer, the "
      "roads office said, as crews replace the deck and...</p><p>April 9, 2021</p></div>";
  const std::string closing =
      "<p>The library is open every day but Sunday, from nine in the morning until eight at night.</p>";
  extractor ex;
  result<article> r =
      ex.extract("<html><body><article><h1>New library opens</h1>" + story + related + "</article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("Librarians said") != std::string::npos);
  CHECK(r->text.find("town hall reopened") == std::string::npos);
  CHECK(r->text.find("river bridge") == std::string::npos);
  CHECK(r->text.find("April 9, 2021") == std::string::npos);
  // a paragraph of prose ends the run: what follows it stays
  result<article> after = ex.extract("<html><body><article><h1>New library opens</h1>" + story +
                                     "<h3>Related</h3>" + closing + "</article></body></html>");
  REQUIRE(after);
  CHECK(after->text.find("open every day") != std::string::npos);
}

TEST_CASE("titles: a comment section's heading that quotes the headline is not it") {
  extractor ex;
  result<article> r = ex.extract(
      "<html><head><title>These Weeks in Firefox: Issue 85 – Nightly News</title></head><body>"
      "<div><h2>These Weeks in Firefox: Issue 85</h2><p>Highlights of the last two weeks of work on the "
      "browser, with the friends of the project who helped and what comes next for them.</p></div>"
      "<div><h3>2 comments on “These Weeks in Firefox: Issue 85”</h3><p>Great work!</p></div></body></html>");
  REQUIRE(r);
  CHECK(r->title.value_or("") == "These Weeks in Firefox: Issue 85");
}

TEST_CASE("channel titles: only short names, no headline of their own") {
  CHECK(is_channel_title("操盘必读_新浪财经_新浪网"));
  CHECK(is_channel_title("美股|美股行情|美股新闻_新浪财经_新浪网"));
  CHECK(is_channel_title("Home | CNN"));
  CHECK_FALSE(is_channel_title("北上资金9月流入653亿创纪录_新浪财经_新浪网"));
  CHECK_FALSE(is_channel_title("雄安新区 - 维基百科，自由的百科全书"));
  CHECK_FALSE(is_channel_title("Firefox"));  // one name is no channel and site
  article_signals channel;
  channel.prose_chars = 3000;
  channel.has_date = true;
  channel.channel_title = true;
  CHECK_FALSE(resolve_is_article(channel));
  channel.has_headline = true;  // a story whose site titles it badly still shows its headline
  CHECK(resolve_is_article(channel));
}

namespace {
std::string zh_body_of(std::string_view tail) {
  extractor ex;
  result<article> r = ex.extract("<html><body><article><h1>某行业观察</h1>" + prose(1) + prose(2) + prose(3) +
                                 std::string(tail) + "</article></body></html>");
  REQUIRE(r);
  return r->text;
}
}  // namespace

TEST_CASE("body: editors' lines with a bar, disclaimers after an outlet's name, app promotions and button rows leave") {
  const std::string kept = zh_body_of("");
  REQUIRE(kept.find("丁方面") != std::string::npos);
  const char* furniture[] = {
      "<p>编辑|魏一鸣</p>",
      "<p>编辑｜苏建勋</p>",
      "<p>（責任編輯：黃嘉欣）</p>",
      "<p>新浪财经免责声明：本文仅代表作者个人观点，与新浪网无关。</p>",
      "<p>风险提示及免责条款</p>",
      "<p>本内容为作者独立观点，不代表虎嗅立场。未经允许不得转载。</p>",
      "<p>打开腾讯新闻APP，查看更多精彩内容</p>",
      "<p>不用抽 不用搶 現在用APP看新聞 保證天天中獎</p>",
      "<p>一手掌握經濟脈動 點我訂閱自由財經Youtube頻道</p>",
      "<p>点赞收藏分享</p>",
      "<p>举报/反馈</p>",
      "<p>示例健康网(www.example.com)专稿，未经书面授权请勿转载。</p>",
      "<p>转载请注明:原文链接 - https://example.com/a/1</p>",
      "<p>减少或屏蔽此类内容推荐</p><p>已标记为不喜欢内容，系统将减少此类推荐</p>"};
  for (const char* f : furniture) {
    CAPTURE(f);
    CHECK(zh_body_of(f) == kept);
  }
  // the story's own lines that name an app or a disclaimer stay
  CHECK(zh_body_of("<p>不少年轻人开始用APP理财，平台的用户数量一年内翻了一番，监管部门已关注到相关风险。</p>") != kept);
  CHECK(zh_body_of("<h2>下载量暴涨的理财APP</h2>" + prose(4)).find("下载量暴涨的理财APP") != std::string::npos);
  // a story about reprints is no reprint notice: the notice is a short line at the end
  CHECK(zh_body_of("<p>多家平台表示，对标注“禁止转载”的原创内容仍然照搬的账号将被限流，情节严重的将被封禁，"
                   "相关规定自下月起执行，平台也将开放原创作者的申诉渠道，接受社会监督。</p>" + prose(4))
            .find("照搬的账号") != std::string::npos);
}

TEST_CASE("body: a byline closing the story leaves the text and dates it") {
  extractor ex;
  result<article> r = ex.extract("<html><body><article><h1>某行业观察</h1>" + prose(1) + prose(2) + prose(3) +
                                 "<div class=\"time\">发布于 2024-06-28 21:15・IP 属地上海</div></article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("IP") == std::string::npos);
  CHECK(r->date.value_or("") == "2024-06-28T21:15:00+08:00");
  // a print edition's line is the story's, as the references keep it
  r = ex.extract("<html><body><article><h1>某行业观察</h1>" + prose(1) + prose(2) + prose(3) +
                 "<p>《 示例日报 》（ 2024年07月13日 01 版）</p></article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("01 版") != std::string::npos);
}

TEST_CASE("titles: an e-paper's <title> that names only the paper and its channel gives way to the <h1>") {
  extractor ex;
  const std::string page = "<html><head><title>示例证券报 - 数字报</title></head><body>"
                           "<div class=\"bm\"><a>第A01版：要闻</a> <a>第A02版：财经要闻</a></div>"
                           "<div class=\"content\"><h3>稳市场 强监管</h3><h1>资本市场改革举措密集落地</h1>" +
                           prose(1) + prose(2) + "</div></body></html>";
  result<article> r = ex.extract(page);
  REQUIRE(r);
  CHECK(r->title.value_or("") == "资本市场改革举措密集落地");
  // a title that names the story still decides which heading is the headline
  r = ex.extract("<html><head><title>港口货运量回升_示例财经</title></head><body><h1>示例财经</h1>"
                 "<h2>港口货运量回升</h2>" + prose(1) + prose(2) + "</body></html>");
  REQUIRE(r);
  CHECK(r->title.value_or("") == "港口货运量回升");
}

TEST_CASE("titles: an e-paper's slogan <title> gives way to its <h2> headline") {
  extractor ex;
  const std::string page =
      "<html><head><title>示例证券报电子报实时通过手机APP免费阅读财经新闻</title></head><body><table><tr>"
      "<td class=left><p>A001版：头版</p><p>A002版：要闻</p><ul><li><a>另一篇报道的标题</a></li></ul></td>"
      "<td class=right><div class=news_title><h2>资本市场改革举措密集落地</h2>"
      "<div class=info>示例证券报 2024年06月25日 A001版 作者：林若溪</div></div>"
      "<div class=content><p>示例证券报记者 林若溪</p>" + prose(1) + prose(2) + "</div></td></tr></table></body></html>";
  result<article> r = ex.extract(page);
  REQUIRE(r);
  CHECK(r->title.value_or("") == "资本市场改革举措密集落地");
  CHECK(r->author.value_or("") == "林若溪");
}

TEST_CASE("body: teaser cards inside the story leave with their summaries; one card alone stays") {
  const std::string story =
      "<p>The harbour authority said on Monday that container traffic rose by eight percent in the first "
      "quarter, the strongest start to a year since the new terminal opened.</p>"
      "<p>Shipping lines have added weekly services to three Asian ports, and the authority expects the "
      "second quarter to be busier still as the new cranes come into service.</p>";
  auto card = [](std::string_view href, std::string_view title, std::string_view summary) {
    return fmt::format("<div class='tile'><div class='tile-pic'><a href='{0}'><img src='t.jpg'></a></div>"
                       "<div class='tile-text'><h3><a href='{0}'>{1}</a></h3><p>{2}</p></div></div>",
                       href, title, summary);
  };
  const std::string closing =
      "<p>Dock workers' unions welcomed the figures but warned that shifts were already stretched, and "
      "asked for talks on hiring before the summer peak begins.</p>";
  extractor ex;
  result<article> r = ex.extract(
      "<html><body><article><h1>Harbour traffic rises</h1>" + story +
      card("/a", "Rail freight hub opens north of the city", "Trains will carry boxes inland twice a day.") +
      card("/b", "Ferry fares to rise in June", "The operator blames fuel and port fees.") + closing +
      "</article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("strongest start to a year") != std::string::npos);
  CHECK(r->text.find("hiring before the summer peak") != std::string::npos);
  CHECK(r->text.find("Trains will carry boxes inland") == std::string::npos);
  CHECK(r->text.find("blames fuel and port fees") == std::string::npos);

  // one linked title over its description: a video of the story, not a list
  r = ex.extract("<html><body><article><h1>Harbour traffic rises</h1>" + story +
                 card("/v", "Watch: the new cranes at work", "The harbour master shows the night shift unloading.") +
                 closing + "</article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("shows the night shift unloading") != std::string::npos);
}

TEST_CASE("body: a table whose rows open with a linked name keeps its other cells") {
  std::string rows;
  for (const char* name : {"alpha", "beta", "gamma", "delta"}) {
    // cells that hold their own blocks, as a word processor's export writes them
    rows += fmt::format("<tr><td><div><a href='/{0}'>{0}</a></div></td><td><div>12.5 MB</div></td>"
                        "<td><div>3.1 MB (-75%)</div></td></tr>",
                        name);
  }
  extractor ex;
  result<article> r = ex.extract(
      "<html><body><article><h1>Smaller downloads</h1>"
      "<p>Patching file by file instead of shipping whole packages cut the size of our updates sharply, as "
      "the measurements below show for four of the applications we ship.</p><table>" +
      rows + "</table><p>The savings grow with the size of the application, since most files do not "
      "change between two releases.</p></article></body></html>");
  REQUIRE(r);
  CHECK(r->text.find("3.1 MB (-75%)") != std::string::npos);
}

TEST_CASE("a page's closing credit stays in its text and names the source; a post's leaves the text") {
  const article page = zh_extract(zh_story("", "", "（港口观察）"));
  CHECK(page.source.value_or("") == "港口观察");
  CHECK(page.text.find("以应对货量增长。（港口观察）") != std::string::npos);
  const article writer = zh_extract(zh_story("", "", "（钟才文）"));
  CHECK(writer.author.value_or("") == "钟才文");
  CHECK(writer.text.find("（钟才文）") != std::string::npos);
  // a writer's 文/ credit is set apart from the text
  const article wen = zh_extract(zh_story("", "", "（文/岳川）"));
  CHECK(wen.text.find("岳川") == std::string::npos);
  extractor ex;
  const auto post = ex.extract(std::string("---\ntitle: 港口物流量创新高\n---\n") +
                               "今年前两个月，港口货物吞吐量同比增长百分之八，集装箱航线持续加密。（港口观察）\n");
  REQUIRE(post);
  CHECK(post->source.value_or("") == "港口观察");
  CHECK(post->text.find("（港口观察）") == std::string::npos);
}

TEST_CASE("page furniture in Chinese: a breadcrumb, page tools, a disclaimer, a follow call, a bio note") {
  const article a = zh_extract(zh_story(
      "", "<p>您所在的位置：首页 &gt; 快讯 &gt; 公司</p><p>字号</p>",
      "",
      "<p>打印关闭</p><p>【纠错】</p><p>本文仅供参考，不构成投资建议。投资者据此操作，风险自担。</p>"
      "<p>关注公众号：港口观察</p><p>（本文作者介绍：资深港口分析师。）</p>"));
  CHECK(a.text.find("今年前两个月") != std::string::npos);
  for (const char* furniture : {"位置", "字号", "打印", "纠错", "投资建议", "公众号", "作者介绍"}) {
    CAPTURE(furniture);
    CHECK(a.text.find(furniture) == std::string::npos);
  }
}

TEST_CASE("the headline repeated above the story, whole or broken across lines, leaves the body") {
  auto page = [](std::string_view lines) {
    return std::string("<html><head><title>港口集团关于调整二〇二四年集装箱码头作业费率的通知</title></head><body>"
                       "<div class=\"article\"><h1>港口集团关于调整二〇二四年集装箱码头作业费率的通知</h1>"
                       "<div class=\"content\">") +
           std::string(lines) +
           "<p>（2024年3月1日港口集团第十二次董事会审议通过）</p>"
           "<p>为适应港口生产经营形势的变化，经集团研究决定，自四月一日起调整集装箱码头作业费率，具体标准见附件。</p>"
           "<p>各码头公司应做好费率调整的宣传解释工作，确保新旧费率平稳衔接，调整中遇到的问题请及时报告集团。</p>"
           "</div></div></body></html>";
  };
  const article broken = zh_extract(page("<p>港口集团</p><p>关于调整二〇二四年集装箱码头</p><p>作业费率的通知</p>"));
  CHECK(broken.text.find("港口集团\n") == std::string::npos);
  CHECK(broken.text.find("作业费率的通知") == std::string::npos);
  // the note in brackets that dates the decision is the text's, not a byline
  CHECK(broken.text.find("董事会审议通过") != std::string::npos);
  const article tagged = zh_extract(page("<p>【独家】港口集团关于调整二〇二四年集装箱码头作业费率的通知</p>"));
  CHECK(tagged.text.find("【独家】") == std::string::npos);
  // one line that is only a part of the headline may be a subhead the title quotes
  const article part = zh_extract(page("<p><strong>集装箱码头</strong></p>"));
  CHECK(part.text.find("集装箱码头\n") != std::string::npos);
}

TEST_CASE("a credit that names no writer is no author: 网络整理, 佚名, the verb after 对记者") {
  CHECK_FALSE(zh_extract(zh_story("作者：网络整理")).author);
  CHECK_FALSE(zh_extract(zh_story("作者：佚名")).author);
  CHECK_FALSE(zh_extract(zh_story("", "<p>苹果公司9日对记者表示，新品将于下月在内地上市，价格与去年持平。</p>")).author);
  CHECK(zh_extract(zh_story("作者：郑宇")).author.value_or("") == "郑宇");
}

TEST_CASE("a page tool beside a source label names no outlet: 下载客户端, 字体放大, 欢迎您访问") {
  CHECK_FALSE(zh_extract(zh_story("来源：下载客户端")).source);
  CHECK_FALSE(zh_extract(zh_story("来源：字体放大")).source);
  CHECK(zh_extract(zh_story("来源：港口观察")).source.value_or("") == "港口观察");
}
