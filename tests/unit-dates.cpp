// Dates: the forms pages write (src/extract/dates.cpp), relative times against
// a reference, epoch numbers, and modification dates kept apart, end to end.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <newsx/newsx.hpp>

#include <algorithm>
#include <string>

#include "extract/dates.hpp"
#include "extract/page_json.hpp"
#include "lexicon/dates.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {

std::string iso(std::string_view s, std::string_view tz = "+08:00", const date_context* ctx = nullptr) {
  auto d = parse_date(s, ctx);
  return d ? format_date(*d, tz) : std::string("none");
}

/// 2024-03-05T10:17:00+08:00, as a crawler's clock would give it.
date_context beijing_morning() {
  return make_date_context("+08:00", "2024-03-05T02:17:00Z").value();
}

article extract_page(const std::string& html, options o = {}, document_hints h = {}) {
  result<extractor> ex = extractor::create(std::move(o));
  REQUIRE(ex);
  result<article> a = ex->extract(html, h);
  REQUIRE(a);
  return *a;
}

/// A story page: head markup, a headline, a byline box, then the paragraphs.
std::string story_page(std::string_view head, std::string_view headline, std::string_view byline,
                       std::string_view paragraphs) {
  return fmt::format("<!doctype html><html><head><meta charset=utf-8>{}</head><body><article><h1>{}</h1>"
                     "<div class=meta>{}</div>{}</article></body></html>",
                     head, headline, byline, paragraphs);
}

std::string page(std::string_view head, std::string_view byline) {
  return story_page(head, "Port volumes rise for a third month", byline,
                    "<p>Container volumes at the region's main ports rose for a third month in a row, "
                    "as exporters front-loaded shipments ahead of the holiday and freight rates eased from their "
                    "peak, the port authority said in its monthly report.</p><p>Throughput of twenty-foot "
                    "equivalent units was up by a tenth on the year, with the strongest gains on routes to "
                    "Southeast Asia and the Middle East, while transatlantic volumes were flat.</p>");
}

/// The same story in Chinese: the page's language decides its date convention.
std::string page_zh(std::string_view head, std::string_view byline) {
  return story_page(head, "港口集装箱吞吐量连续三个月增长", byline,
                    "<p>港口管理局在月度报告中表示，受出口企业赶在假期前集中发货、运价从高位回落等因素影响，"
                    "本地区主要港口集装箱吞吐量连续第三个月增长。</p><p>标准箱吞吐量同比增长一成，其中东南亚和"
                    "中东航线增幅最大，跨大西洋航线持平。</p>");
}

}  // namespace

TEST_CASE("RFC 2822 and zone names") {
  CHECK(iso("Tue, 05 Mar 2024 09:30:00 +0800") == "2024-03-05T09:30:00+08:00");
  CHECK(iso("Tue, 05 Mar 2024 01:30:00 GMT") == "2024-03-05T01:30:00+00:00");
  CHECK(iso("5 Mar 2024 09:30 EST") == "2024-03-05T09:30:00-05:00");
  CHECK(iso("Wed, 17 Jul 2024 18:05:00 EDT") == "2024-07-17T18:05:00-04:00");
  CHECK(iso("05 Mar 2024 09:30 (CET)") == "2024-03-05T09:30:00+01:00");
  // CST is China's and the US Central zone's: the default offset, not a guess
  CHECK(iso("05 Mar 2024 09:30 CST") == "2024-03-05T09:30:00+08:00");
  // a name after a time is not a zone: "Z" opens "Zhang"
  CHECK(iso("2024-03-05 09:30 Zhang Wei") == "2024-03-05T09:30:00+08:00");
}

TEST_CASE("English month names in every common order") {
  CHECK(iso("March 5, 2024") == "2024-03-05");
  CHECK(iso("5 March 2024") == "2024-03-05");
  CHECK(iso("Tuesday, March 5th, 2024") == "2024-03-05");
  CHECK(iso("Mar. 5, 2024 9:30 a.m. ET") == "2024-03-05T09:30:00-05:00");
  // the second Sunday of March 2024 is the 10th: daylight time after it
  CHECK(iso("Mar. 12, 2024 9:30 p.m. ET") == "2024-03-12T21:30:00-04:00");
  CHECK(iso("Sept. 30, 2023, 12:05 AM PT") == "2023-09-30T00:05:00-07:00");
  CHECK(iso("March 5, 2024 at 4:15pm") == "2024-03-05T16:15:00+08:00");
  CHECK(iso("05-Mar-2024") == "2024-03-05");
  CHECK(iso("February 30, 2024") == "none");
  CHECK(iso("March 2024") == "none");       // no day
  CHECK(iso("Marching 5, 2024") == "none");  // a word that starts like a month
  CHECK(iso("9:30 p.m. March 5") == "none");
}

TEST_CASE("French, German, Spanish, Italian and Portuguese month names") {
  CHECK(iso("5 mars 2024 à 9h30") == "2024-03-05T09:30:00+08:00");
  CHECK(iso("1er février 2024") == "2024-02-01");
  CHECK(iso("5. März 2024 um 9:30 Uhr", "+01:00") == "2024-03-05T09:30:00+01:00");
  CHECK(iso("5 de marzo de 2024") == "2024-03-05");
  CHECK(iso("12 dicembre 2023 ore 18:40", "+01:00") == "2023-12-12T18:40:00+01:00");
  CHECK(iso("21.dez.2018 às 12h55", "-02:00") == "2018-12-21T12:55:00-02:00");
  CHECK(iso("5 de março de 2024") == "2024-03-05");
}

TEST_CASE("full-width digits, colons and spaces") {
  CHECK(iso("２０２４年３月５日　０９：３０") == "2024-03-05T09:30:00+08:00");
  CHECK(iso("２０２４－０３－０５　０９：３０：１５") == "2024-03-05T09:30:15+08:00");
  CHECK(iso("2024年3月5日 9時30分") == "2024-03-05T09:30:00+08:00");
}

TEST_CASE("an offset out of range is refused, not replaced by the default") {
  const std::optional<parsed_date> d = parse_date("2024-03-05T09:30:00+15:00");
  REQUIRE(d);
  CHECK(d->bad_offset);
  CHECK_FALSE(d->has_offset);
  CHECK(format_date(*d, "+08:00") == "2024-03-05T09:30:00");
  bool out_of_range = false;
  CHECK_FALSE(parse_offset("+15:00", nullptr, &out_of_range));
  CHECK(out_of_range);
  CHECK(parse_offset("+14:00", nullptr, &out_of_range).value() == 840);
  CHECK_FALSE(out_of_range);
  CHECK(iso("2024-03-05 09:30 -1260") == "2024-03-05T09:30:00");

  // through the extractor: the time without offset and a warning
  const article a = extract_page(page("<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+15:00\">", ""));
  CHECK(a.date == "2024-03-05T09:30:00");
  CHECK(std::any_of(a.warnings.begin(), a.warnings.end(),
                    [](const std::string& w) { return w.find("+-14:00") != std::string::npos; }));
}

TEST_CASE("epoch seconds and milliseconds, within plausible years") {
  const date_context ctx = make_date_context("+08:00", "").value();
  CHECK(format_date(parse_epoch("1570780800", ctx).value(), "") == "2019-10-11T16:00:00+08:00");
  CHECK(format_date(parse_epoch("1570780800000", ctx).value(), "") == "2019-10-11T16:00:00+08:00");
  const date_context utc = make_date_context("", "").value();
  CHECK(format_date(parse_epoch("1570780800", utc).value(), "") == "2019-10-11T08:00:00+00:00");
  CHECK_FALSE(parse_epoch("12345", ctx));             // a counter
  CHECK_FALSE(parse_epoch("600519", ctx));            // a stock code
  CHECK_FALSE(parse_epoch("700000000", ctx));         // 1992: before the web's news
  CHECK_FALSE(parse_epoch("15707808000000", ctx));    // 14 digits
  CHECK_FALSE(parse_epoch("1570780800x", ctx));
  // with a reference, nothing later than a day after it
  const date_context seen = beijing_morning();
  CHECK(parse_epoch("1709600000", seen));        // 2024-03-05T00:53Z
  CHECK_FALSE(parse_epoch("1712000000", seen));  // April 2024: after the page was seen
}

TEST_CASE("relative times need a reference, and then resolve against it") {
  const date_context ctx = beijing_morning();  // 10:17 in Beijing
  CHECK(iso("3小时前", "+08:00", &ctx) == "2024-03-05T07:17:00+08:00");
  CHECK(iso("8 小時前", "+08:00", &ctx) == "2024-03-05T02:17:00+08:00");
  CHECK(iso("5分钟前", "+08:00", &ctx) == "2024-03-05T10:12:00+08:00");
  CHECK(iso("刚刚", "+08:00", &ctx) == "2024-03-05T10:17:00+08:00");
  CHECK(iso("昨天 14:20", "+08:00", &ctx) == "2024-03-04T14:20:00+08:00");
  CHECK(iso("前天", "+08:00", &ctx) == "2024-03-03");
  CHECK(iso("3天前", "+08:00", &ctx) == "2024-03-02");
  CHECK(iso("2 days ago", "+08:00", &ctx) == "2024-03-03");
  CHECK(iso("an hour ago", "+08:00", &ctx) == "2024-03-05T09:17:00+08:00");
  CHECK(iso("yesterday at 9:30 pm", "+08:00", &ctx) == "2024-03-04T21:30:00+08:00");
  CHECK(iso("今日关注", "+08:00", &ctx) == "none");  // a column name, not today
  CHECK(iso("3 comments", "+08:00", &ctx) == "none");
  // just after midnight UTC it is already the next day in Beijing
  const date_context late = make_date_context("+08:00", "2024-03-04T17:30:00Z").value();
  CHECK(iso("昨天 08:00", "+08:00", &late) == "2024-03-04T08:00:00+08:00");
  // without a reference: no date rather than a wrong one
  CHECK(iso("3小时前") == "none");
  CHECK(iso("昨天 14:20") == "none");
  CHECK(iso("2 days ago") == "none");
  CHECK_FALSE(find_date("发布于 3小时前"));
}

TEST_CASE("reference times: ISO with a time, epoch seconds; nothing else") {
  CHECK(make_date_context("+08:00", "2024-03-05T10:17:00+08:00")->reference == 1709605020);
  CHECK(make_date_context("+08:00", "2024-03-05 10:17:00")->reference == 1709605020);  // default offset
  CHECK(make_date_context("", "2024-03-05T02:17:00")->reference == 1709605020);        // UTC
  CHECK(make_date_context("+08:00", "1709605020")->reference == 1709605020);
  CHECK_FALSE(make_date_context("+08:00", "2024-03-05"));  // no time
  CHECK_FALSE(make_date_context("+08:00", "yesterday"));
  CHECK_FALSE(make_date_context("+08:00", "2024-03-05T10:17:00+08:00 and more"));
}

TEST_CASE("a byline's modification date is kept apart from its publication date") {
  byline_dates d = find_byline_dates("发布时间：2024-03-05 09:30 更新时间：2024-03-06 11:00 来源：新华社");
  REQUIRE(d.published);
  REQUIRE(d.modified);
  CHECK(format_date(*d.published, "+08:00") == "2024-03-05T09:30:00+08:00");
  CHECK(format_date(*d.modified, "+08:00") == "2024-03-06T11:00:00+08:00");
  d = find_byline_dates("Updated March 6, 2024 · Published March 5, 2024");
  CHECK(format_date(d.modified.value(), "") == "2024-03-06");
  CHECK(format_date(d.published.value(), "") == "2024-03-05");
  d = find_byline_dates("最后更新 2024-03-06");
  CHECK_FALSE(d.published);
  CHECK(d.modified);
}

TEST_CASE("page JSON: the first plausible value under a key") {
  const date_context ctx = make_date_context("+08:00", "").value();
  const std::string_view keys[] = {"publishTime", "datePublished"};
  auto found = [&](std::string_view text) {
    const std::optional<parsed_date> d = find_json_date(text, keys, ctx);
    return d ? format_date(*d, "+08:00") : std::string("none");
  };
  CHECK(found(R"(window.__DATA__ = {"id":42,"publishTime":1570780800000,"title":"x"};)") ==
        "2019-10-11T16:00:00+08:00");
  CHECK(found(R"({"props":{"pageProps":{"article":{"datePublished" : "2024-03-05T09:30:00Z"}}}})") ==
        "2024-03-05T09:30:00+00:00");
  CHECK(found(R"({"publishTime":0,"x":{"publishTime":"2021-12-08 10:46"}})") ==
        "2021-12-08T10:46:00+08:00");
  CHECK(found(R"(<div class="publishTime">March</div>)") == "none");
}

TEST_CASE("extract: meta and JSON-LD modification dates, never the date") {
  const article a = extract_page(page(
      "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+08:00\">"
      "<meta property=\"article:modified_time\" content=\"2024-03-06T18:00:00+08:00\">",
      ""));
  CHECK(a.date == "2024-03-05T09:30:00+08:00");
  CHECK(a.date_modified == "2024-03-06T18:00:00+08:00");

  // JSON-LD describes the article; a <meta> tag may carry the page's import time
  const article b = extract_page(page(
      "<meta property=\"article:published_time\" content=\"2024-04-01T00:00:00Z\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Port volumes\","
      "\"datePublished\":\"2024-03-05T01:30:00Z\",\"dateModified\":\"2024-03-07T08:00:00Z\"}</script>",
      ""));
  CHECK(b.date == "2024-03-05T01:30:00+00:00");
  CHECK(b.date_modified == "2024-03-07T08:00:00+00:00");

  // an "Updated" byline beside a published one
  const article c = extract_page(page("", "By Jane Roe | Updated: March 7, 2024 8:00 a.m. ET | "
                                          "Published: March 5, 2024 7:45 a.m. ET"));
  CHECK(c.date == "2024-03-05T07:45:00-05:00");
  CHECK(c.date_modified == "2024-03-07T08:00:00-05:00");
  const std::string json = to_json(c);
  CHECK(json.find("\"date_modified\": \"2024-03-07T08:00:00-05:00\"") != std::string::npos);
  const auto& names = json_field_names();
  CHECK(std::find(names.begin(), names.end(), "date_modified") != names.end());
}

TEST_CASE("extract: epoch attributes and inline script JSON date a page without other dates") {
  const article a =
      extract_page(page("", "<span class=time data-time=\"1570780800\">10-11</span> 作者：张三"));
  CHECK(a.date == "2019-10-11T16:00:00+08:00");
  const article b = extract_page(page(
      "<script>var pageData = {\"articleId\":\"a1\",\"publishTime\":1570780800000,"
      "\"updateTime\":1570867200000};</script>",
      ""));
  CHECK(b.date == "2019-10-11T16:00:00+08:00");
  CHECK(b.date_modified == "2019-10-12T16:00:00+08:00");
  const article c = extract_page(page(
      "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":"
      "{\"post\":{\"publishedAt\":\"2024-03-05T09:30:00.000Z\"}}}}</script>",
      ""));
  CHECK(c.date == "2024-03-05T09:30:00+00:00");
  // a visible byline date beats them
  const article d = extract_page(page_zh(
      "<script>var d = {\"publishTime\":1570780800000};</script>", "2021-12-08 10:46 来源：新华社"));
  CHECK(d.date == "2021-12-08T10:46:00+08:00");
}

TEST_CASE("extract: relative bylines against options, hints, or nothing") {
  const std::string html = page("", "3小时前 来源：证券时报网");
  CHECK_FALSE(extract_page(html).date);  // no reference: no date

  options o;
  o.reference_time = "2024-03-05T10:17:00+08:00";
  CHECK(extract_page(html, o).date == "2024-03-05T07:17:00+08:00");

  // the document's own fetch time (a WARC-Date) overrides the extractor's
  document_hints h;
  h.reference_time = "2024-03-06T02:17:00Z";
  CHECK(extract_page(html, o, h).date == "2024-03-06T07:17:00+08:00");

  document_hints bad;
  bad.reference_time = "sometime";
  const article a = extract_page(html, o, bad);
  CHECK(a.date == "2024-03-05T07:17:00+08:00");
  CHECK(std::any_of(a.warnings.begin(), a.warnings.end(),
                    [](const std::string& w) { return w.find("sometime") != std::string::npos; }));

  options wrong;
  wrong.reference_time = "2024-03-05";
  const result<extractor> ex = extractor::create(wrong);
  REQUIRE_FALSE(ex);
  CHECK(ex.error().code == error_code::invalid_options);
}

TEST_CASE("date vocabularies: every month and zone is well formed") {
  for (const lexicon::month_name& m : lexicon::month_names) {
    CHECK(m.month >= 1);
    CHECK(m.month <= 12);
    CHECK(m.name[0] >= 'a');  // lower case: read_month compares first letters
    CHECK(m.name[0] <= 'z');
  }
  for (const lexicon::zone_name& z : lexicon::zone_names) CHECK(std::abs(z.offset_minutes) <= 14 * 60);
}

TEST_CASE("extract: the byline's time takes the zone, and by the page's convention the seconds, that <meta> gives the same minute") {
  const std::string meta = "<meta property=\"article:published_time\" content=\"2024-03-05T12:55:41Z\">";
  // a Chinese page reports the minute it shows, in the zone its metadata gives
  CHECK(extract_page(page_zh(meta, "2024-03-05 12:55 来源：新华社")).date == "2024-03-05T12:55:00+00:00");
  // any other page the instant it declares
  CHECK(extract_page(page(meta, "2024-03-05 12:55 | By Jane Roe")).date == "2024-03-05T12:55:41+00:00");
  // the metadata's instant in another zone (04:55Z is 12:55 in Beijing): the byline keeps its time
  const std::string other = "<meta property=\"article:published_time\" content=\"2024-03-05T04:55:00Z\">";
  CHECK(extract_page(page_zh(other, "2024-03-05 12:55 来源：新华社")).date == "2024-03-05T12:55:00+08:00");
}

TEST_CASE("extract: the default offset is for Chinese pages unless asked for every page") {
  const std::string byline = "2024-03-05 12:55 | By Jane Roe";
  CHECK(extract_page(page_zh("", "2024-03-05 12:55 来源：新华社")).date == "2024-03-05T12:55:00+08:00");
  // nothing says an English page's 12:55 is Beijing time, nor a Japanese one's
  CHECK(extract_page(page("", byline)).date == "2024-03-05T12:55:00");
  const article ja = extract_page(story_page("", "港の取扱量が三か月連続で増加", "2024-03-05 12:55",
                                              "<p>地域の主要港のコンテナ取扱量は、輸出企業が休暇前に出荷を"
                                              "前倒ししたことなどから、三か月連続で増加したと港湾局が月次報告で明らかにした。</p>"));
  CHECK(ja.lang == "ja");
  CHECK(ja.date == "2024-03-05T12:55:00");
  options o;
  o.default_timezone = "-05:00";
  CHECK(extract_page(page("", byline), o).date == "2024-03-05T12:55:00");
  o.default_timezone_all_pages = true;
  CHECK(extract_page(page("", byline), o).date == "2024-03-05T12:55:00-05:00");
  // a time that carries its offset keeps it whatever the options
  CHECK(extract_page(page("", "2024-03-05 12:55 GMT+2 | By Jane Roe"), o).date == "2024-03-05T12:55:00+02:00");
}

TEST_CASE("extract: a labelled date in the story's footer dates a page that gives none elsewhere") {
  // the story's block holds its paragraphs only; the byline box above it
  // and the footer below sit beside it in the page's column
  auto footed = [](std::string_view byline, std::string_view footer) {
    return fmt::format(
        "<!doctype html><html><head><meta charset=utf-8></head><body><div class=main><h1>港口集装箱吞吐量"
        "连续三个月增长</h1><div class=meta>{}</div><div class=entry-content><p>港口管理局在月度报告中表示，"
        "受出口企业赶在假期前集中发货、运价从高位回落等因素影响，本地区主要港口集装箱吞吐量连续第三个月增长。"
        "</p><p>标准箱吞吐量同比增长一成，其中东南亚和中东航线增幅最大，跨大西洋航线持平。</p><p>管理局预计，"
        "随着新航线开通和码头扩建完成，下半年吞吐量仍将保持增长，但增速可能放缓。</p></div><footer "
        "class=single-footer><div>{}</div></footer></div><div class=related><h3>相关阅读</h3><p>2019-10-01 "
        "另一篇文章</p></div></body></html>",
        byline, footer);
  };
  const article a = extract_page(footed("来源：新华社", "阅读 539 发布日期：2019-09-23 14:34:05&nbsp;&nbsp;所属分类：头条"));
  CHECK(a.date == "2019-09-23T14:34:05+08:00");
  // an unlabelled date below the story is another story's
  const article b = extract_page(footed("来源：新华社", "阅读 539 所属分类：头条"));
  CHECK_FALSE(b.date);
  // the byline's date wins
  const article c = extract_page(footed("2019-09-20 09:00 来源：新华社", "发布日期：2019-09-23 14:34:05"));
  CHECK(c.date == "2019-09-20T09:00:00+08:00");
  // a date below a list of other stories or in the comments is theirs; a label is a whole word
  CHECK_FALSE(extract_page(footed("来源：新华社", "<h3>相关阅读</h3><p>发布时间：2019-10-01 另一篇文章</p>")).date);
  CHECK_FALSE(extract_page(footed("来源：新华社", "<h3>3 Responses</h3><p>Posted on March 7, 2024 at 3:12 pm</p>")).date);
  CHECK_FALSE(extract_page(footed("来源：新华社", "Reposted 2019-10-01")).date);
}
