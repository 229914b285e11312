// decode stage: charsets, front matter, post structure.
#include <doctest/doctest.h>

#include <zlib.h>

#include <newsx/newsx.hpp>

#include <string>

#include "decode/charset.hpp"
#include "decode/gzip.hpp"
#include "decode/post.hpp"
#include "transcode.hpp"

using namespace newsx::decode;

namespace {
// Encodes UTF-8 text into another charset with ICU, as a server would send it.
using newsx::testing::encode;
const std::string k_story =
    "<html><head><meta charset=\"%s\"><title>央行开展逆回购操作</title></head><body>"
    "<p>中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变。市场人士认为，"
    "流动性将保持合理充裕，短期利率有望平稳运行。</p></body></html>";
std::string page(const char* label) {
  std::string s = k_story;
  s.replace(s.find("%s"), 2, label);
  return s;
}
}  // namespace

TEST_CASE("canonical charset names") {
  CHECK(canonical_charset("gb2312") == "GB18030");
  CHECK(canonical_charset(" GBK ") == "GB18030");
  CHECK(canonical_charset("\"utf-8\"") == "UTF-8");
  CHECK(canonical_charset("BIG5") == "windows-950");
  CHECK(canonical_charset("iso-8859-1") == "windows-1252");
  CHECK(canonical_charset("no-such-charset").empty());
}

TEST_CASE("declared charset sniffing") {
  CHECK(sniff_declared_charset("<meta charset=\"gb2312\">") == "gb2312");
  CHECK(sniff_declared_charset(
            "<META http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">") == "GBK");
  CHECK(sniff_declared_charset("<?xml version=\"1.0\" encoding=\"big5\"?><html>") == "big5");
  // "charset" outside a meta tag is not a declaration
  CHECK(sniff_declared_charset("<script>var charset='gbk';</script>").empty());
}

TEST_CASE("utf8 checking and repair") {
  const utf8_check ok = check_utf8("abc 中文");
  CHECK(ok.invalid == 0);
  CHECK(ok.multibyte == 2);
  const utf8_check bad = check_utf8(std::string("a\xff\xfe" "b"));
  CHECK(bad.invalid == 2);
  const utf8_check cut = check_utf8(std::string("中\xe6\x96"));
  CHECK(cut.truncated_tail);
  std::string out;
  CHECK(repair_utf8(std::string("a\xff" "b\x00" "c", 5), out) == 2);
  CHECK(out == "a\xEF\xBF\xBD" "bc");
}

TEST_CASE("binary sniffing") {
  CHECK(sniff_binary("\x1f\x8b\x08\x00rest").binary);
  CHECK(sniff_binary("\x89PNG\r\n").binary);
  std::string junk(4096, '\0');
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919) & 0xff);
  CHECK(sniff_binary(junk).binary);
  CHECK_FALSE(sniff_binary("<p>正文</p>").binary);
}

TEST_CASE("charset decoder: labels, lies and detection") {
  charset_decoder dec;
  std::vector<std::string> warnings;
  std::string out;
  const std::string expected_text = "中国人民银行今日开展两千亿元逆回购操作";

  SUBCASE("GBK bytes labelled gbk") {
    auto r = dec.decode(encode(page("gbk"), "GB18030"), "", true, out, warnings);
    REQUIRE(r);
    CHECK(*r == "GB18030");
    CHECK(out.find(expected_text) != std::string::npos);
  }
  SUBCASE("UTF-8 bytes labelled gb2312 stay UTF-8, with a warning") {
    auto r = dec.decode(page("gb2312"), "", true, out, warnings);
    CHECK(r.value_or("") == "UTF-8");
    CHECK(out.find(expected_text) != std::string::npos);
    REQUIRE(!warnings.empty());
    CHECK(warnings[0].find("contradicts") != std::string::npos);
  }
  SUBCASE("GBK bytes labelled utf-8 are detected") {
    auto r = dec.decode(encode(page("utf-8"), "GB18030"), "", true, out, warnings);
    CHECK(r.value_or("") == "GB18030");
    CHECK(out.find(expected_text) != std::string::npos);
  }
  SUBCASE("Big5 bytes labelled big5") {
    const std::string trad = "<html><head><meta charset=\"big5\"></head><body><p>中央銀行今日宣布維持利率不變，"
                             "市場人士認為資金面將保持寬鬆。</p></body></html>";
    auto r = dec.decode(encode(trad, "windows-950"), "", true, out, warnings);
    CHECK(r.value_or("") == "Big5");
    CHECK(out.find("中央銀行今日宣布") != std::string::npos);
  }
  SUBCASE("a caller's hint wins") {
    auto r = dec.decode(encode("<p>沪深两市</p>", "GB18030"), "GBK", true, out, warnings);
    CHECK(r.value_or("") == "GB18030");
    CHECK(out == "<p>沪深两市</p>");
  }
  SUBCASE("unknown hint is an error") {
    auto r = dec.decode("abc", "x-nonsense", true, out, warnings);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == newsx::error_code::unsupported_charset);
    CHECK(r.error().message == "unknown charset 'x-nonsense'");
  }
  SUBCASE("bytes the hinted charset cannot decode are counted in a warning") {
    auto r = dec.decode(encode("<p>沪深</p>", "GB18030") + "\x81\x20", "GBK", true, out, warnings);
    CHECK(r.value_or("") == "GB18030");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "1 bytes not valid in GB18030 were replaced");
  }
  SUBCASE("invalid UTF-8 is repaired with a warning") {
    auto r = dec.decode("<p>a\xFF\xFE" "b\x01</p>", "utf-8", true, out, warnings);
    CHECK(r.value_or("") == "UTF-8");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "repaired 3 invalid UTF-8 or control bytes");
  }
  SUBCASE("UTF-8 BOM is stripped") {
    auto r = dec.decode("\xEF\xBB\xBFhello", "", true, out, warnings);
    CHECK(r.value_or("") == "UTF-8");
    CHECK(out == "hello");
  }
}

TEST_CASE("inflate_all: the inflated size, or the extractor's error") {
  const std::string text(5000, 'x');
  std::string z(compressBound(static_cast<uLong>(text.size())), '\0');
  uLongf z_size = static_cast<uLongf>(z.size());
  REQUIRE(compress2(reinterpret_cast<Bytef*>(z.data()), &z_size,
                    reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                    9) == Z_OK);
  z.resize(z_size);
  std::string out;
  SUBCASE("a zlib stream") {
    auto r = inflate_all(z, 1 << 20, out);
    REQUIRE(r);
    CHECK(*r == text.size());
    CHECK(out == text);
  }
  SUBCASE("past the limit") {
    auto r = inflate_all(z, 4999, out);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == newsx::error_code::input_too_large);
    CHECK(r.error().message == "gzip input inflates past the limit of 4999 bytes");
  }
  SUBCASE("damaged") {
    auto r = inflate_all(std::string("\x1f\x8b\x08\x00\x00", 5), 1 << 20, out);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == newsx::error_code::binary_input);
    CHECK(r.error().message == "input is not text: damaged gzip data");
  }
}

TEST_CASE("front matter scalars") {
  bool balanced = true;
  CHECK(parse_scalar("\"他说\"稳\"了\"", balanced) == "他说\"稳\"了");
  CHECK(balanced);
  CHECK(parse_scalar("\"a \\\"b\\\" \\u4e2d\"", balanced) == "a \"b\" 中");
  CHECK(parse_scalar("'it''s'", balanced) == "it's");
  CHECK(parse_scalar("\"open", balanced) == "open");
  CHECK_FALSE(balanced);
  CHECK(parse_scalar("  plain value ", balanced) == "plain value");
}

TEST_CASE("split_post: front matter, digest, trailing links") {
  const std::string post =
      "\n---\nlayout: post\ntitle: \"标题\"\ncategories: [a, \"b c\"]\ntags:\n  - x\n  - y\n---\n"
      "> 摘要第一行\n> 第二行\n\n<p>正文</p>\n\n<http://example.com/a.html>\n\n"
      "[返回列表](../list/)｜[返回首页](../)\n";
  post_parts p;
  split_post(post, p);
  CHECK(p.has_front_matter);
  REQUIRE(p.field("title") != nullptr);
  CHECK(p.field("title")->values.at(0) == "标题");
  CHECK(p.field("categories")->values == std::vector<std::string>{"a", "b c"});
  CHECK(p.field("tags")->values == std::vector<std::string>{"x", "y"});
  CHECK(p.summary == "摘要第一行\n第二行");
  CHECK(p.content == "<p>正文</p>");
  CHECK(p.url == "http://example.com/a.html");
  CHECK(p.content_is_html);
}

TEST_CASE("split_post: plain text body keeps a mid-body link") {
  post_parts p;
  split_post("---\ntitle: t\n---\n\n第一段。\n\n<http://a.example/x>\n\n第二段。\n", p);
  CHECK_FALSE(p.content_is_html);
  CHECK(p.content == "第一段。\n\n<http://a.example/x>\n\n第二段。");
  CHECK(p.url.empty());
}

TEST_CASE("split_post: a front matter that never closes") {
  post_parts p;
  split_post("---\ntitle: \"t\"\n<p>body</p>\n", p);
  CHECK(p.field("title")->values.at(0) == "t");
  CHECK(p.content == "<p>body</p>");
  REQUIRE(!p.warnings.empty());
  CHECK(p.warnings.back().find("not closed") != std::string::npos);
}

TEST_CASE("looks_like_html") {
  CHECK(looks_like_html("text <p>para</p>"));
  CHECK(looks_like_html("<!-- c -->"));
  CHECK_FALSE(looks_like_html("a < b and c > d"));
  CHECK_FALSE(looks_like_html("<http://example.com>"));
}

TEST_CASE("gzip pages: cut short or with a bad CRC, the text is kept with a warning") {
  const std::string page =
      "<html><head><title>Quarterly freight volumes</title></head><body><h1>Quarterly freight volumes</h1>"
      "<p>Rail freight volumes rose in the third quarter as grain and coal shipments recovered from a weak "
      "spring, the transport ministry said in its monthly bulletin.</p>"
      "<p>Road haulage was flat, while inland waterways carried slightly less than a year earlier.</p>"
      "</body></html>";
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string gz(deflateBound(&zs, static_cast<uLong>(page.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(page.data()));
  zs.avail_in = static_cast<uInt>(page.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  gz.resize(zs.total_out);
  deflateEnd(&zs);

  newsx::extractor ex;
  auto whole = ex.extract(gz);
  REQUIRE(whole);
  CHECK(whole->warnings.empty());

  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 8] = static_cast<char>(bad_crc[bad_crc.size() - 8] ^ 0x01);
  auto crc = ex.extract(bad_crc);
  REQUIRE(crc);
  CHECK(crc->title.value_or("") == "Quarterly freight volumes");
  REQUIRE(crc->warnings.size() == 1);
  CHECK(crc->warnings[0].find("gzip input is damaged (incorrect data check)") != std::string::npos);

  auto cut = ex.extract(std::string_view(gz).substr(0, gz.size() - 40));
  REQUIRE(cut);
  CHECK(cut->text.find("Rail freight volumes rose") != std::string::npos);
  REQUIRE_FALSE(cut->warnings.empty());
  CHECK(cut->warnings[0].find("gzip input is cut short") != std::string::npos);
}
