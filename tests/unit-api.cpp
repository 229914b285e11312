// The public API end to end: results, errors, reuse, bad input.
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>
#include <zlib.h>

#include <string>
#include <thread>
#include <utility>

using namespace newsx;

namespace {
const std::string k_post =
    "---\ntitle: \"测试标题\"\ndate: 2022-03-01 09:00:00\ncategories: test\n---\n\n"
    "<p>第一段正文。第二句话！</p><p><strong>小标题</strong></p><p>第三段正文。</p>\n";

std::string page_html() {
  std::string s =
      "<!DOCTYPE html><html><head><title>央行开展逆回购操作_示例财经_示例网</title>"
      "<meta property=\"og:site_name\" content=\"示例网\">"
      "<meta name=\"publishdate\" content=\"2023-05-06 10:20:30\"></head><body>"
      "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">财经</a><a href=\"/b\">股票</a></div>"
      "<h1>央行开展逆回购操作</h1><div class=\"info\">2023-05-06 10:20 来源：示例日报 作者：李明</div>"
      "<div class=\"article-content\">";
  for (int i = 0; i < 6; ++i) {  // six different paragraphs: repeats are dropped
    s += "<p>第" + std::to_string(i + 1) + "段：中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变。"
         "市场人士认为，流动性将保持合理充裕，短期利率有望平稳运行，债券市场情绪稳定。</p>";
  }
  s += "<p>责任编辑：王五</p></div><div class=\"related\"><ul>";
  for (int i = 0; i < 8; ++i) s += "<li><a href=\"/n" + std::to_string(i) + "\">相关新闻标题第" + std::to_string(i) + "条</a></li>";
  s += "</ul></div><div class=\"footer\">版权所有 © 2023 示例网</div></body></html>";
  return s;
}
}  // namespace

TEST_CASE("a post: fields, blocks and sentences") {
  extractor ex;
  result<article> r = ex.extract(k_post);
  REQUIRE(r);
  CHECK(r->title.value() == "测试标题");
  CHECK(r->date.value() == "2022-03-01T09:00:00+08:00");
  CHECK(r->categories == std::vector<std::string>{"test"});
  REQUIRE(r->body.size() == 3);
  CHECK(r->body[1].type == block_type::heading);
  REQUIRE(r->body[0].sentences.size() == 2);
  CHECK(r->body[0].sentence(1) == "第二句话！");
  CHECK(r->text == "第一段正文。第二句话！\n小标题\n第三段正文。");
  CHECK(r->input_kind == "post");
}

TEST_CASE("options: default time zone and no sentences") {
  options o;
  o.default_timezone = "+09:00";
  o.sentences = false;
  extractor ex(o);
  auto r = ex.extract(k_post);
  REQUIRE(r);
  CHECK(r->date.value() == "2022-03-01T09:00:00+09:00");
  CHECK(r->body[0].sentences.empty());
}

TEST_CASE("a whole page: chrome goes, metadata comes from head and byline") {
  extractor ex;
  auto r = ex.extract(page_html());
  REQUIRE(r);
  CHECK(r->title.value() == "央行开展逆回购操作");
  // the visible byline time wins over <meta>: it is what the page shows readers
  CHECK(r->date.value() == "2023-05-06T10:20:00+08:00");
  CHECK(r->source.value_or("") == "示例日报");
  CHECK(r->author.value_or("") == "李明");
  CHECK(r->site_name.value_or("") == "示例网");
  CHECK(r->is_article);
  CHECK(r->body.size() == 6);
  CHECK(r->text.find("责任编辑") == std::string::npos);
  CHECK(r->text.find("相关新闻") == std::string::npos);
  CHECK(r->text.find("版权所有") == std::string::npos);
}

TEST_CASE("a list of links is not an article") {
  std::string html = "<html><body><ul>";
  for (int i = 0; i < 40; ++i) html += "<li><a href=\"/n" + std::to_string(i) + "\">今日要闻标题第" + std::to_string(i) + "条新闻</a></li>";
  html += "</ul></body></html>";
  extractor ex;
  auto r = ex.extract(html);
  REQUIRE(r);
  CHECK_FALSE(r->is_article);
}

TEST_CASE("bad input gives errors, never crashes") {
  extractor ex;
  CHECK(ex.extract("").error().code == error_code::empty_input);
  CHECK(ex.extract(" \n\t ").error().code == error_code::empty_input);
  std::string junk(10000, '\0');
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 131 + 7) & 0xff);
  CHECK(ex.extract(junk).error().code == error_code::binary_input);
  CHECK(ex.extract(std::string("\x1f\x8b\x08\x00\x00", 5)).error().code == error_code::binary_input);

  // invalid UTF-8 in a post is repaired with a warning
  auto r = ex.extract("---\ntitle: \"a\xff" "b\"\n---\n\n<p>x\xc3</p>");
  REQUIRE(r);
  CHECK(r->title.value() == "a\xEF\xBF\xBD" "b");
  CHECK_FALSE(r->warnings.empty());

  // a truncated post still gives what it has
  auto t = ex.extract("---\ntitle: \"半截");
  REQUIRE(t);
  CHECK(t->title.value() == "半截");

  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  CHECK(ex.extract(deep).error().code == error_code::too_deep);

  options small;
  small.max_input_bytes = 10;
  extractor limited(small);
  CHECK(limited.extract("<p>more than ten bytes</p>").error().code == error_code::input_too_large);
  CHECK_FALSE(limited.extract("<p>more than ten bytes</p>").error().message.empty());
}

TEST_CASE("an extractor is reusable and gives the same answer every time") {
  extractor ex;
  const std::string first = to_json(*ex.extract(page_html()));
  (void)ex.extract(k_post);
  (void)ex.extract("plain text only");
  CHECK(to_json(*ex.extract(page_html())) == first);
  extractor moved = std::move(ex);
  CHECK(to_json(*moved.extract(page_html())) == first);
}

TEST_CASE("extractors on several threads share nothing") {
  const std::string expected = to_json(*extractor().extract(page_html()));
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      extractor ex;
      int good = 0;
      for (int i = 0; i < 20; ++i) good += to_json(*ex.extract(page_html())) == expected;
      ok[static_cast<std::size_t>(t)] = good;
    });
  }
  for (auto& th : threads) th.join();
  for (int v : ok) CHECK(v == 20);
}

TEST_CASE("error names") {
  CHECK(error_name(error_code::too_deep) == "too_deep");
  // the header's numbers and the library's string come from one place each
  CHECK(version() == std::to_string(version_major) + "." + std::to_string(version_minor) + "." +
                         std::to_string(version_patch));
}

TEST_CASE("result: value(), value_or() and error()") {
  result<std::string> ok = std::string("正文");
  result<std::string> bad = error{error_code::binary_input, "input is not text: a PNG image"};
  CHECK(ok.has_value());
  CHECK_FALSE(bad);
  CHECK(ok.value() == "正文");
  CHECK(std::as_const(ok).value() == "正文");
  CHECK(*ok == "正文");
  CHECK(ok->size() == 6);
  CHECK(ok.error().code == error_code::ok);
  CHECK(ok.error().message.empty());
  CHECK(bad.error().code == error_code::binary_input);
  CHECK(bad.error().message == "input is not text: a PNG image");

  SUBCASE("value_or on a value is the value, on an error the fallback") {
    CHECK(ok.value_or("fallback") == "正文");
    CHECK(bad.value_or("fallback") == "fallback");
    CHECK(bad.value_or(std::string("fallback")) == "fallback");
    CHECK(bad.value_or({}).empty());
    const result<int> n = 7;
    const result<int> none = error{error_code::internal, "x"};
    CHECK(n.value_or(0) == 7);
    CHECK(none.value_or(0) == 0);
    CHECK(none.value_or(2.9) == 2);  // converted to T
  }
  SUBCASE("value_or on an rvalue moves the value out") {
    std::string moved = std::move(ok).value_or("fallback");
    CHECK(moved == "正文");
    CHECK(std::move(bad).value_or("fallback") == "fallback");
  }
  SUBCASE("value() on an rvalue moves the value out") {
    std::string moved = std::move(ok).value();
    CHECK(moved == "正文");
  }
  SUBCASE("value_or works for an article") {
    extractor ex;
    const article a = ex.extract("").value_or(article{});
    CHECK(a.text.empty());
    CHECK(ex.extract(k_post).value_or(article{}).title.value() == "测试标题");
  }
  // value() on an error aborts: tests/result_abort.cpp, CTest result.value-aborts.*
}

TEST_CASE("the pre-scan changes speed, never the article") {
  // Markup that trips naive pre-scanners: tags inside scripts and comments,
  // JSON-LD, a region-marker comment, raw-text <title> and <textarea>.
  const std::string tricky =
      "<html><head><title>a <b> title</title>"
      "<script type=\"application/ld+json\">{\"datePublished\":\"2023-01-02T03:04:05+08:00\"}</script>"
      "<script>var s = '<p>not text</p>'; if (a < b) {}</script><style>p{}</style></head><body>"
      "<!-- <p>commented out</p> --><p>第一段正文，内容充实完整。</p>"
      "<!-- EM_StockImg_Start --><p><img alt=\"K图 600000_0\" src=\"k\"></p><!-- EM_StockImg_End -->"
      "<textarea><p>typed</p></textarea><p>第二段正文<!---->继续。</p><p data-x='>' title=\"a>b\">第三段</p>"
      "<script>unterminated <p>x</p>";
  options on;
  options off;
  off.prescan = false;
  extractor a(on);
  extractor b(off);
  auto ra = a.extract(tricky);
  auto rb = b.extract(tricky);
  REQUIRE(ra);
  REQUIRE(rb);
  CHECK(to_json(*ra) == to_json(*rb));
  CHECK(ra->date.value_or("") == "2023-01-02T03:04:05+08:00");
  CHECK(ra->text.find("not text") == std::string::npos);
  CHECK(ra->text.find("commented out") == std::string::npos);
  CHECK(to_json(*a.extract(page_html())) == to_json(*b.extract(page_html())));
  CHECK(to_json(*a.extract(k_post)) == to_json(*b.extract(k_post)));
}

TEST_CASE("a short story above a long teaser feed comes out alone") {
  std::string html =
      "<html><head><title>央行宣布降准0.5个百分点_示例网</title></head><body>"
      "<h1>央行宣布降准0.5个百分点</h1><div class=\"story\"><p>中国人民银行今日宣布，下调金融机构"
      "存款准备金率0.5个百分点，释放长期资金约一万亿元，以支持实体经济发展。</p></div>"
      "<h3>相关阅读</h3><ul class=\"feed\">";
  for (int i = 0; i < 6; ++i) {
    html += "<li><div><p>第" + std::to_string(i) + "条推荐：某公司发布年度报告，营收同比增长，净利润创历史新高，"
            "管理层表示将继续加大研发投入，拓展海外市场，提升核心竞争力，回报广大投资者。</p></div></li>";
  }
  html += "</ul></body></html>";
  extractor ex;
  auto r = ex.extract(html);
  REQUIRE(r);
  CHECK(r->title.value_or("") == "央行宣布降准0.5个百分点");
  REQUIRE(r->body.size() == 1);
  CHECK(r->text.find("下调金融机构存款准备金率") != std::string::npos);
  CHECK(r->text.find("推荐") == std::string::npos);
}

TEST_CASE("gzip-compressed input is inflated within the input limit") {
  auto gz = [](const std::string& data) {
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  };
  extractor ex;
  const std::string page = page_html();
  auto plain = ex.extract(page);
  auto packed = ex.extract(gz(page));
  REQUIRE(plain);
  REQUIRE(packed);
  CHECK(to_json(*packed) == to_json(*plain));

  options small;
  small.max_input_bytes = 100000;
  const std::string bomb = gz(std::string(10'000'000, ' '));  // ~10 KB that inflates to 10 MB
  CHECK(bomb.size() < 100000);
  const auto too_large = extractor(small).extract(bomb);
  CHECK(too_large.error().code == error_code::input_too_large);
  CHECK(too_large.error().message == "gzip input inflates past the limit of 100000 bytes");
  const auto damaged = ex.extract(std::string("\x1f\x8b\x08\x00\x00", 5));
  CHECK(damaged.error().code == error_code::binary_input);
  CHECK(damaged.error().message == "input is not text: damaged gzip data");
}
