// Head metadata: JSON-LD read with a real JSON parser (src/extract/page_json).
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "extract/headline.hpp"
#include "extract/meta.hpp"
#include "extract/page_json.hpp"
#include "parse/dom.hpp"
#include "util/text.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {

json_ld_facts ld(std::string_view text) {
  json_ld_facts f;
  CHECK(read_json_ld(text, f));
  return f;
}

/// Every non-ASCII character of s as \uXXXX (a surrogate pair above U+FFFF),
/// the way PHP's json_encode writes Chinese text.
std::string escape_non_ascii(std::string_view s) {
  std::string out;
  const auto hex4 = [&out](unsigned v) {
    static constexpr char digits[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = util::next_cp(s, i);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c > 0xFFFF) {
      const unsigned v = static_cast<unsigned>(c) - 0x10000;
      hex4(0xD800 + (v >> 10));
      hex4(0xDC00 + (v & 0x3FF));
    } else {
      hex4(static_cast<unsigned>(c));
    }
  }
  return out;
}

page_meta meta_of(const std::string& html) {
  dom::document doc;
  REQUIRE(doc.parse(html, 100));
  page_meta m;
  read_meta(doc, m);
  return m;
}

}  // namespace

TEST_CASE("JSON-LD: \\u escapes, surrogate pairs and \\\" are decoded") {
  auto f = ld(R"({"@type":"NewsArticle","headline":"\u4e2d\u56fd\u7ecf\u6d4e"})");
  CHECK(f.headline == "中国经济");
  CHECK(f.type == "NewsArticle");
  f = ld(R"({"@type":"NewsArticle","headline":"  \ud83d\ude00 \u597d\u6d88\u606f  "})");
  CHECK(f.headline == "😀 好消息");
  f = ld(R"({"@type":"Article","headline":"他说\"稳中求进\"是关键","datePublished":"2024-01-02T03:04:05+08:00"})");
  CHECK(f.headline == "他说\"稳中求进\"是关键");
  CHECK(f.date_published == "2024-01-02T03:04:05+08:00");
  CHECK(escape_non_ascii("中😀") == "\\u4e2d\\ud83d\\ude00");
}

TEST_CASE("JSON-LD: author as a string, an object and arrays; publisher object") {
  auto f = ld(R"({"@type":"NewsArticle","author":" 张三 "})");
  CHECK(f.authors == std::vector<std::string>{"张三"});
  f = ld(R"({"@type":"NewsArticle","author":{"@type":"Person","name":"李四"}})");
  CHECK(f.authors == std::vector<std::string>{"李四"});
  f = ld(R"({"@type":"NewsArticle","author":[{"@type":"Person","name":"王五"},)"
         R"({"@type":"Person","name":"赵六"},{"name":"王五"},{"@type":"Person"}]})");
  CHECK(f.authors == std::vector<std::string>{"王五", "赵六"});
  f = ld(R"({"@type":"NewsArticle","author":["Jane Roe","https://example.com/staff/jr","John Doe"]})");
  CHECK(f.authors == std::vector<std::string>{"Jane Roe", "John Doe"});
  f = ld(R"({"@type":"NewsArticle","author":42,"publisher":{"@type":"Organization","name":"示例日报",)"
         R"("logo":{"@type":"ImageObject","name":"logo"}}})");
  CHECK(f.authors.empty());
  CHECK(f.publisher == "示例日报");
  f = ld(R"({"@type":"NewsArticle","publisher":"示例晚报"})");
  CHECK(f.publisher == "示例晚报");
}

TEST_CASE("JSON-LD: the most article-like node wins, field by field") {
  // Yoast-style @graph: the WebPage comes first, the article refers to its
  // author by @id.
  const auto f = ld(R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"https://x.test/a#webpage","name":"页面标题 - 示例网",
       "datePublished":"2024-05-01T00:00:00+08:00","description":"页面描述"},
      {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","name":"首页"}]},
      {"@type":["NewsArticle"],"headline":"真正的标题","datePublished":"2024-05-06T10:20:30+08:00",
       "author":{"@id":"https://x.test/#/person/1"},"publisher":{"@id":"https://x.test/#org"}},
      {"@type":"Person","@id":"https://x.test/#/person/1","name":"陈七"},
      {"@type":"Organization","@id":"https://x.test/#org","name":"示例传媒"}]})");
  CHECK(f.type == "NewsArticle");
  CHECK(f.headline == "真正的标题");
  CHECK(f.date_published == "2024-05-06T10:20:30+08:00");
  CHECK(f.description == "页面描述");  // only the WebPage has one
  CHECK(f.authors == std::vector<std::string>{"陈七"});
  CHECK(f.publisher == "示例传媒");

  // a top-level array; a breadcrumb's "name" is never the headline
  const auto g = ld(R"([{"@type":"BreadcrumbList","name":"导航"},
      {"@type":"http://schema.org/BlogPosting","name":"博文标题","dateModified":"2024-06-01"}])");
  CHECK(g.type == "BlogPosting");
  CHECK(g.headline == "博文标题");
  CHECK(g.date_modified == "2024-06-01");

  // the name of a WebPage is not a headline
  const auto h = ld(R"({"@type":"WebPage","name":"栏目首页_示例网","datePublished":"2024-01-01"})");
  CHECK(h.headline.empty());
  CHECK(h.date_published == "2024-01-01");

  // a fact check's date is the review's, not the claim's
  const auto c = ld(R"({"@type":"ClaimReview","headline":"核查","datePublished":"2024-07-01",
      "itemReviewed":{"@type":"CreativeWork","datePublished":"2020-01-01","author":{"name":"某人"}}})");
  CHECK(c.date_published == "2024-07-01");
  CHECK(c.authors.empty());

  // nothing article-like: JSON, but no facts
  const auto i = ld(R"({"@type":"Organization","name":"示例网","url":"https://x.test/"})");
  CHECK(i.type.empty());
  CHECK(i.headline.empty());
  CHECK(i.url.empty());
}

TEST_CASE("JSON-LD: malformed, lenient and hostile texts") {
  json_ld_facts f;
  CHECK_FALSE(read_json_ld(R"({"@type":"NewsArticle","headline":"未闭合)", f));
  CHECK_FALSE(read_json_ld("& #34;@type&# 34;", f));
  CHECK_FALSE(read_json_ld("", f));
  CHECK_FALSE(read_json_ld(R"({"headline":"\ud83d"})", f));  // a lone surrogate
  CHECK(f.headline.empty());

  // raw newlines and tabs inside strings: recovered by the retry
  CHECK(read_json_ld("{\"@type\":\"NewsArticle\",\"headline\":\"第一行\n第二行\",\n"
                     "\"description\":\"a\tb\x01\"}",
                     f));
  CHECK(f.headline == "第一行 第二行");
  CHECK(f.description == "a b");
  // trailing commas
  CHECK(read_json_ld(R"({"@type":"NewsArticle","keywords":["a","b", ],"headline":"逗号",})", f));
  CHECK(f.headline == "逗号");
  // comments and a CDATA wrapper; a raw newline next to a // comment
  CHECK(read_json_ld("<![CDATA[\n{\"@type\":\"NewsArticle\", // 注释 \"x\n"
                     "\"headline\":\"带注释\n的标题\" /* } */}\n]]>",
                     f));
  CHECK(f.headline == "带注释 的标题");

  // beyond repair: the top-level members are still read, decoded
  CHECK_FALSE(read_json_ld(R"({"@type":"NewsArticle","headline":"\u6807\u9898",
      "author":[{"@type":"Person","name":"张三"},"李四"],"image":{"name":"图片"},
      "publisher":{"@type":"Organization","name":"示例日报","logo":{"name":"标志"}},
      "datePublished":"2024-01-02","description":'单引号',"dateModified":"2024-01-03"})",
                           f));
  CHECK(f.headline == "标题");
  CHECK(f.authors == std::vector<std::string>{"张三", "李四"});
  CHECK(f.publisher == "示例日报");
  CHECK(f.date_published == "2024-01-02");
  CHECK(f.date_modified == "2024-01-03");
  CHECK(f.description.empty());
  // a stray brace closes the object early: what follows is not its member
  CHECK_FALSE(read_json_ld(R"({"@type":"ReportageNewsArticle","name":"报道",
      "datePublished":"2024-02-03"}}, "dateModified":"2024-02-04"})", f));
  CHECK(f.type == "ReportageNewsArticle");
  CHECK(f.headline == "报道");
  CHECK(f.date_published == "2024-02-03");
  CHECK(f.date_modified.empty());
  CHECK_FALSE(read_json_ld(R"({"@type":"BreadcrumbList","name":"导航","datePublished":"2024",})" "}", f));
  CHECK(f.headline.empty());
  CHECK(f.date_published.empty());

  // deep nesting is refused before the (recursive) parser sees it
  const auto t0 = std::chrono::steady_clock::now();
  CHECK_FALSE(read_json_ld(std::string(100000, '['), f));
  CHECK_FALSE(read_json_ld(std::string(65, '{'), f));
  std::string deep = "[";
  for (int k = 0; k < 62; ++k) deep += "[";
  deep += std::string(63, ']');
  CHECK(read_json_ld(deep, f));                                        // 63 levels: fine
  CHECK(read_json_ld(R"({"headline":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", f));
  CHECK(read_json_ld("[" + std::string(100000, ' ') + "]", f));       // width is not depth
  // over the size limit
  CHECK_FALSE(read_json_ld(R"({"headline":")" + std::string(max_page_json_bytes, 'x') + "\"}", f));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
}

TEST_CASE("read_meta: JSON-LD after <meta>, first source wins; warnings") {
  const page_meta m = meta_of(
      "<html><head><meta name=\"author\" content=\"网页作者\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"\\u6807\\u9898\",\"author\":[{\"name\":\"\\u5f20\\u4e09\"},{\"name\":\"\\u674e\\u56db\"}],"
      "\"datePublished\":\"2024-03-04T05:06:07+08:00\",\"dateModified\":\"2024-03-05\","
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"\\u793a\\u4f8b\\u65e5\\u62a5\"}}</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"第二个\",</script>"
      "<script type=\"application/ld+json\"> </script>"
      "<meta property=\"og:title\" content=\"后来的标题\"></head><body><p>x</p></body></html>");
  CHECK(m.author == "网页作者");  // the <meta> came first
  CHECK(m.og_title == "标题");
  CHECK(m.ld_published == "2024-03-04T05:06:07+08:00");
  CHECK(m.ld_modified == "2024-03-05");
  CHECK(m.publisher == "示例日报");
  CHECK(m.warnings == std::vector<std::string>{"JSON-LD script is not valid JSON"});

  const page_meta two = meta_of(
      "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":[\"张三\",\"李四\"]}</script></head>");
  CHECK(two.author == "张三、李四");
  CHECK(two.warnings.empty());
  const page_meta en = meta_of(
      "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":[\"Jane Roe\",\"John Doe\"]}</script></head>");
  CHECK(en.author == "Jane Roe, John Doe");
}

TEST_CASE("JSON-LD escaped like PHP's json_encode gives the same article") {
  const std::string json_ld =
      R"({"@context":"https://schema.org","@type":"NewsArticle",)"
      R"("headline":"示例市两会聚焦新能源产业升级",)"
      R"("datePublished":"2024-03-08T09:30:00+08:00",)"
      R"("author":{"@type":"Person","name":"周晓明"},)"
      R"("publisher":{"@type":"Organization","name":"示例经济日报"}})";
  const auto page = [](const std::string& ld_text) {
    std::string s =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        "<script type=\"application/ld+json\">" + ld_text + "</script></head><body>"
        "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">财经</a></div>"
        "<div class=\"article-content\">";
    const char* paras[] = {
        "示例市政府工作报告提出，今年将继续推动新能源汽车和储能产业向高端化发展，全年计划新增产业投资三百亿元。",
        "多位代表在分组讨论中表示，企业研发投入持续增加，核心零部件的本地配套率已经明显提高，产业链韧性增强。",
        "业内人士认为，随着配套政策陆续落地，相关企业的订单和利润有望稳步增长，但也需要警惕低水平重复建设。",
        "报告同时提出，要加快充电基础设施建设，优化营商环境，吸引更多高校毕业生和技术人才留在本地就业创业。"};
    for (const char* p : paras) s += std::string("<p>") + p + "</p>";
    s += "</div><div class=\"footer\">版权所有 示例网</div></body></html>";
    return s;
  };
  const std::string escaped = escape_non_ascii(json_ld);
  REQUIRE(escaped.find("\\u793a") != std::string::npos);
  REQUIRE(escaped.find("示例") == std::string::npos);

  extractor ex;
  const auto plain = ex.extract(page(json_ld));
  const auto php = ex.extract(page(escaped));
  REQUIRE(plain);
  REQUIRE(php);
  CHECK(plain->title.value_or("") == "示例市两会聚焦新能源产业升级");
  CHECK(plain->date.value_or("") == "2024-03-08T09:30:00+08:00");
  CHECK(plain->author.value_or("") == "周晓明");
  CHECK(plain->source.value_or("") == "示例经济日报");
  CHECK(php->title == plain->title);
  CHECK(php->date == plain->date);
  CHECK(php->author == plain->author);
  CHECK(php->source == plain->source);
  CHECK(php->text == plain->text);
  CHECK(php->warnings == plain->warnings);
}

namespace {

std::string story_page(std::string_view head, std::string_view h1, std::string_view paragraph) {
  std::string p(paragraph);
  return fmt::format("<html><head>{}</head><body><article><h1>{}</h1><p>{}</p><p>{}</p><p>{}</p></article></body></html>",
                     head, h1, p, p, p);
}

}  // namespace

TEST_CASE("titles: a Latin-script page reports the title it declares, a CJK page its headline") {
  extractor ex;
  // the page declares its title with the site's name, as Readability and trafilatura report it
  result<article> en = ex.extract(story_page(
      "<title>How to Plant Tomatoes in Pots | Garden Notes</title>"
      "<meta property=\"og:title\" content=\"How to Plant Tomatoes in Pots | Garden Notes\">",
      "How to Plant Tomatoes in Pots",
      "Choose a pot at least thirty centimetres deep, fill it with compost mixed with a little sand, "
      "and set the seedling deeper than it grew in its tray so that the stem roots."));
  REQUIRE(en);
  CHECK(en->lang == "en");
  CHECK(en->title.value_or("") == "How to Plant Tomatoes in Pots | Garden Notes");
  // the body still drops the headline it shows, not the declared title
  CHECK(en->text.find("How to Plant Tomatoes in Pots") == std::string::npos);

  // Chinese portals chain channel and site names that no reader cites
  result<article> zh = ex.extract(story_page(
      "<title>盆栽番茄的种植方法_园艺频道_花园网</title>"
      "<meta property=\"og:title\" content=\"盆栽番茄的种植方法_园艺频道_花园网\">",
      "盆栽番茄的种植方法",
      "选择深度至少三十厘米的花盆，装入混合少量河沙的营养土，把幼苗种得比育苗盘里更深一些，让茎上长出新根。"));
  REQUIRE(zh);
  CHECK(zh->lang == "zh");
  CHECK(zh->title.value_or("") == "盆栽番茄的种植方法");

  // no declared title: <title> as Readability reads it, then the headline shown
  result<article> bare = ex.extract(story_page(
      "<title>Mozilla - Wikipedia</title>", "Mozilla",
      "Mozilla is a free software community founded in 1998 by members of Netscape, which makes the "
      "Firefox browser and the Thunderbird mail client among other programs."));
  REQUIRE(bare);
  CHECK(bare->title.value_or("") == "Mozilla - Wikipedia");
  result<article> none = ex.extract(story_page(
      "", "Night Trains Return to the Alps",
      "After a decade without them, sleeper trains run again between Vienna, Innsbruck and Zurich, and "
      "operators say bookings for the winter season already exceed their expectations."));
  REQUIRE(none);
  CHECK(none->title.value_or("") == "Night Trains Return to the Alps");
}

TEST_CASE("declared titles: JSON-LD's article, then Dublin Core, Open Graph, title, Twitter, Parse.ly") {
  CHECK(meta_of("<html><head><title>Title Element</title>"
                "<meta name=\"title\" content=\"Meta name title\">"
                "<meta name=\"og:title\" content=\"Open Graph name title\">"
                "<meta name=\"twitter:title\" content=\"Twitter name title\">"
                "<meta name=\"DC.title\" content=\"Dublin Core name title\">"
                "<meta property=\"dc:title\" content=\"Dublin Core property title\">"
                "<meta property=\"og:title\" content=\"Open Graph property title\">"
                "</head><body></body></html>")
            .declared_title == "Dublin Core property title");  // property= over name=
  // RDFa's space-separated keys: the first known pair counts
  CHECK(meta_of("<html><head><meta property=\"x:title dc:title\" content=\"Preferred title\">"
                "<meta property=\"og:title twitter:title\" content=\"A title\"></head></html>")
            .declared_title == "Preferred title");
  CHECK(meta_of("<html><head><meta property=\"og:description og:title\" content=\"A description\">"
                "<meta name=\"twitter:title\" content=\"Tweeted title\"></head></html>")
            .declared_title == "Tweeted title");
  CHECK(meta_of("<html><head><meta name=\"parsely-title\" content=\"Some Other Title\"></head></html>")
            .declared_title == "Some Other Title");
  CHECK(meta_of("<html><head><meta name=\"-title\" content=\"x\"><meta name=\"subtitle\" content=\"y\"></head></html>")
            .declared_title.empty());
  // escaped twice by the CMS
  CHECK(meta_of("<html><head><meta property=\"og:title\" content=\"Taiwan&amp;#39;s Meat Isn&amp;#x27;t Fake &amp;amp; Fine\">"
                "</head></html>")
            .declared_title == "Taiwan's Meat Isn't Fake & Fine");

  // JSON-LD's article: its name, unless only its headline matches <title>
  const std::string ld_page =
      "<html><head><title>List of films featuring time loops - Wikipedia</title>"
      "<meta property=\"og:title\" content=\"Open Graph title\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Article\","
      "\"name\":\"List of films featuring time loops\",\"headline\":\"Wikimedia list article\"}</script>"
      "</head></html>";
  CHECK(meta_of(ld_page).declared_title == "List of films featuring time loops");
  CHECK(meta_of("<html><head><title>Apple's Vision Pro hands-on: the Retina moment - The Verge</title>"
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"The Retina moment for "
                "headsets\",\"headline\":\"Apple's Vision Pro hands-on: the Retina moment\"}</script></head></html>")
            .declared_title == "Apple's Vision Pro hands-on: the Retina moment");
  // a WebPage's name is the page's, often the site's: Open Graph is next
  CHECK(meta_of("<html><head><meta property=\"og:title\" content=\"Open Graph title\">"
                "<script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"name\":\"Site Home\"}</script>"
                "</head></html>")
            .declared_title == "Open Graph title");
}

TEST_CASE("read_title_tag: <title> as Readability reads it") {
  auto read = [](const std::string& body, std::string_view title) {
    dom::document doc;
    REQUIRE(doc.parse("<html><body>" + body + "</body></html>", 100));
    return read_title_tag(doc, title);
  };
  // the last part goes when three words or more are left
  CHECK(read("", "Get Your Frontend Code Covered | Code | Jane Roe") == "Get Your Frontend Code Covered | Code");
  CHECK(read("", "These Weeks in Firefox: Issue 85 \u2013 Nightly News") == "These Weeks in Firefox: Issue 85");
  // four words or fewer left: the whole title, site and all
  CHECK(read("", "Mozilla - Wikipedia") == "Mozilla - Wikipedia");
  CHECK(read("", "On Recent Controversial Events - Bradley Kuhn") == "On Recent Controversial Events - Bradley Kuhn");
  // a site first and a hierarchy: the part after it, one word fewer than the whole
  CHECK(read("", "Site \u00bb Tech News") == "Tech News");
  // a colon: the part after it, unless a heading repeats the title or the part before is long
  CHECK(read("", "Outside the web: standalone WebAssembly binaries using Emscripten") ==
        "standalone WebAssembly binaries using Emscripten");
  CHECK(read("<h2>Outside the web: standalone WebAssembly binaries using Emscripten</h2>",
             "Outside the web: standalone WebAssembly binaries using Emscripten") ==
        "Outside the web: standalone WebAssembly binaries using Emscripten");
  CHECK(read("", "Six words come before the colon here: and then the rest") ==
        "Six words come before the colon here: and then the rest");
  // too short to be a headline: the only h1
  CHECK(read("<h1>Night Trains Return to the Alps</h1>", "Home") == "Night Trains Return to the Alps");
  CHECK(read("<h1>Night Trains Return to the Alps</h1><h1>Other</h1>", "Home") == "Home");
  CHECK(read("", "  Spaced   out   title text here  ") == "Spaced out title text here");
  CHECK(read("", "").empty());
}

TEST_CASE("authors: a personal site's name is its writer's when JSON-LD types it a Person") {
  extractor ex;
  const std::string story =
      "Counting rows per hour and flagging the hours that stray three deviations from the mean "
      "catches most broken jobs before anyone notices the dashboards going quiet.";
  auto page_with = [&](std::string_view author, std::string_view type) {
    return story_page(fmt::format("<meta property=\"og:site_name\" content=\"{0}\">"
                                  "<script type=\"application/ld+json\">{{\"@type\":\"BlogPosting\","
                                  "\"headline\":\"Catching broken jobs with SQL\",\"author\":{{\"@type\":"
                                  "\"{1}\",\"name\":\"{0}\"}},\"publisher\":{{\"@type\":\"Organization\","
                                  "\"name\":\"{0}\"}}}}</script>",
                                  author, type),
                      "Catching broken jobs with SQL", story);
  };
  result<article> blog = ex.extract(page_with("Dana Whitfield", "Person"));
  REQUIRE(blog);
  CHECK(blog->author.value_or("") == "Dana Whitfield");
  // the same name typed an organisation is the site's
  result<article> org = ex.extract(page_with("Dana Whitfield", "Organization"));
  REQUIRE(org);
  CHECK_FALSE(org->author);
  // a one-word brand typed a Person is still the site
  result<article> brand = ex.extract(page_with("DataPoint", "Person"));
  REQUIRE(brand);
  CHECK_FALSE(brand->author);
}

TEST_CASE("authors: an outlet named as <meta name=author> is the source") {
  extractor ex;
  result<article> r = ex.extract(story_page(
      "<meta name=\"author\" content=\"示例時報\">", "台股收盤大漲 半導體族群領攻",
      "台股今日在半導體族群帶動下強勢上攻，加權指數終場上漲逾四百點，成交量明顯放大，電子類股漲幅居前。"));
  REQUIRE(r);
  CHECK_FALSE(r->author);
  CHECK(r->source.value_or("") == "示例時報");
}
