// decode stage: charsets, front matter, post structure.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <zlib.h>

#include <newsx/newsx.hpp>

#include <string>

#include "decode/charset.hpp"
#include "decode/gzip.hpp"
#include "decode/post.hpp"
#include "newsx/newsx.hpp"
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

namespace {
// A longer story, in simplified and in traditional characters.
const char* const k_sentences[] = {
    "沪深两市今日早盘小幅高开，随后震荡走低，截至收盘，上证指数下跌零点五个百分点。",
    "分析人士表示，近期市场成交量有所萎缩，资金观望情绪较为浓厚，短期内仍将维持震荡格局。",
    "从板块来看，银行、保险等金融股表现相对稳健，新能源汽车和半导体板块则出现明显调整。",
    "多家机构认为，随着稳增长政策持续发力，经济基本面有望逐步改善，市场信心将得到提振。"};
const char* const k_sentences_trad[] = {
    "台股今日開高走低，終場下跌近百點，成交量較前一個交易日明顯萎縮，投資人觀望氣氛濃厚。",
    "分析師表示，外資連續多日賣超，加上國際股市表現不佳，短期內大盤仍將維持震盪整理格局。",
    "從類股來看，金融股表現相對穩健，電子股與航運股則出現明顯修正，部分個股跌幅超過三成。",
    "多家投信認為，隨著經濟數據逐步改善，市場信心將得到提振，下半年行情仍然值得期待。"};
template <std::size_t N>
std::string story(const char* const (&sentences)[N], int paragraphs) {
  std::string s;
  for (int i = 0; i < paragraphs; ++i) s += std::string("<p>") + sentences[i % N] + "</p>\n";
  return s;
}
std::string labelled(const std::string& label, const std::string& body) {
  return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + label +
         "\"><title>Markets</title></head><body>" + body + "</body></html>";
}
std::size_t count_of(const std::string& s, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t p = 0; (p = s.find(what, p)) != std::string::npos; p += what.size()) ++n;
  return n;
}
}  // namespace

TEST_CASE("tally_hanzi: common characters among the letters") {
  const hanzi_tally t = tally_hanzi("中国人民，abc 的");
  CHECK(t.letters == 5);  // the comma is punctuation
  CHECK(t.common == 5);
  const hanzi_tally odd = tally_hanzi("\xEF\xBF\xBD" "鍮");
  CHECK(odd.replaced == 1);
  CHECK(odd.common == 0);
}

TEST_CASE("a label is a hint checked against the bytes") {
  charset_decoder dec;
  std::vector<std::string> warnings;
  std::string out;
  const std::string simplified = story(k_sentences, 4);
  const std::string traditional = story(k_sentences_trad, 4);

  SUBCASE("GBK labelled iso-8859-1, windows-1252 or us-ascii") {
    for (const char* label : {"iso-8859-1", "windows-1252", "us-ascii", "latin1"}) {
      CAPTURE(label);
      warnings.clear();
      auto r = dec.decode(encode(labelled(label, simplified), "GB18030"), "", true, out, warnings);
      CHECK(r.value_or("") == "GB18030");
      CHECK(out.find(k_sentences[2]) != std::string::npos);
      REQUIRE(warnings.size() == 1);
      CHECK(warnings[0] == fmt::format("declared charset '{}' contradicts the bytes, which are GB18030", label));
    }
  }
  SUBCASE("an HTTP label of iso-8859-1 over a page without one") {
    const std::string html = "<html><body>" + simplified + "</body></html>";
    auto r = dec.decode(encode(html, "GB18030"), "", true, out, warnings, false, "ISO-8859-1");
    CHECK(r.value_or("") == "GB18030");
    CHECK(out.find(k_sentences[1]) != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("'ISO-8859-1' contradicts") != std::string::npos);
  }
  SUBCASE("Big5 labelled iso-8859-1, and Big5 and GBK with their labels swapped") {
    auto r = dec.decode(encode(labelled("iso-8859-1", traditional), "windows-950"), "", true, out, warnings);
    CHECK(r.value_or("") == "Big5");
    CHECK(out.find(k_sentences_trad[1]) != std::string::npos);
    r = dec.decode(encode(labelled("gbk", traditional), "windows-950"), "", true, out, warnings);
    CHECK(r.value_or("") == "Big5");
    CHECK(out.find(k_sentences_trad[3]) != std::string::npos);
    r = dec.decode(encode(labelled("big5", simplified), "GB18030"), "", true, out, warnings);
    CHECK(r.value_or("") == "GB18030");
    CHECK(out.find(k_sentences[3]) != std::string::npos);
    CHECK(warnings.size() == 3);
  }
  SUBCASE("traditional characters in GBK stay GBK") {
    // GBK encodes traditional characters too: the label reads as Chinese, so it stands
    auto r = dec.decode(encode(labelled("gbk", traditional), "GB18030"), "", true, out, warnings);
    CHECK(r.value_or("") == "GB18030");
    CHECK(out.find(k_sentences_trad[0]) != std::string::npos);
    CHECK(warnings.empty());
  }
  SUBCASE("a Latin-1 page keeps its label") {
    const std::string french =
        "<p>Le caf\xE9 de la gare a ferm\xE9 ses portes apr\xE8s soixante ans : \xE9l\xE8ves, "
        "employ\xE9s et retrait\xE9s regrettent d\xE9j\xE0 ce lieu o\xF9 l'on se retrouvait "
        "chaque matin d'\xE9t\xE9. \xC0 c\xF4t\xE9, la boulangerie reste ouverte.</p>";
    auto r = dec.decode(labelled("iso-8859-1", french), "", true, out, warnings);
    CHECK(r.value_or("") == "windows-1252");
    CHECK(out.find("Le café de la gare a fermé") != std::string::npos);
    CHECK(warnings.empty());
  }
  SUBCASE("Japanese and Korean pages keep their charset, labelled or not") {
    // hiragana in EUC-JP are the commonest Big5 characters: frequency alone would read Big5
    const std::string ja =
        "<p>きのうは、ともだちといっしょに、やまにのぼりました。とてもたのしかったです。"
        "あしたは、うみにいきたいとおもいます。みなさんも、ぜひいってみてください。</p>";
    const std::string ko =
        "<p>한국은행은 오늘 기준금리를 연 3.5%로 동결했다. 시장에서는 물가 상승세가 둔화되고 있어 "
        "하반기 금리 인하 가능성에 주목하고 있다. 원화 가치는 소폭 올랐고 주가는 보합세를 보였다.</p>";
    const struct {
      const std::string& text;
      const char* label;
      const char* icu;
    } pages[] = {{ja, "euc-jp", "EUC-JP"}, {ja, "shift_jis", "Shift_JIS"}, {ko, "euc-kr", "EUC-KR"}};
    for (const auto& p : pages) {
      CAPTURE(p.icu);
      const std::string bytes = encode(labelled(p.label, p.text + p.text + p.text), p.icu);
      auto r = dec.decode(bytes, "", true, out, warnings);
      CHECK(r.value_or("") == p.icu);
      CHECK(out.find(p.text) != std::string::npos);
      r = dec.decode(encode(labelled("x-unknown", p.text + p.text + p.text), p.icu), "", true, out, warnings);
      CHECK(r.value_or("") == p.icu);
      CHECK(out.find(p.text) != std::string::npos);
    }
  }
  SUBCASE("a GBK page with 0.1% damaged bytes stays GBK") {
    std::string bytes = encode(labelled("gbk", story(k_sentences, 60)), "GB18030");
    std::size_t damaged = 0;
    for (std::size_t i = 1000; i < bytes.size(); i += 1000) {
      while (static_cast<unsigned char>(bytes[i]) < 0xA1) ++i;  // a byte of a character
      bytes[i] = '\xFF';
      ++damaged;
    }
    REQUIRE(damaged >= 5);
    for (const char* label : {"gbk", "iso-8859-1"}) {
      CAPTURE(label);
      warnings.clear();
      std::string b = bytes;
      b.replace(b.find("gbk"), 3, label);
      auto r = dec.decode(b, "", true, out, warnings);
      CHECK(r.value_or("") == "GB18030");
      const std::size_t bad = count_of(out, "\xEF\xBF\xBD");
      CHECK(bad >= damaged);
      CHECK(bad <= 2 * damaged);
      CHECK(count_of(out, k_sentences[0]) >= 10);
      REQUIRE(!warnings.empty());
      CHECK(warnings.back().find("not valid in GB18030 were replaced") != std::string::npos);
    }
  }
  SUBCASE("a UTF-8 page with a GBK footer") {
    const std::string head = labelled("utf-8", simplified);
    const std::string footer = "<div class=\"footer\">版权所有 新华财经 京ICP证000001号</div>";
    std::string bytes = head.substr(0, head.size() - 14) + encode(footer, "GB18030") + "</body></html>";
    auto r = dec.decode(bytes, "", true, out, warnings);
    CHECK(r.value_or("") == "UTF-8");
    CHECK(out.find(k_sentences[0]) != std::string::npos);
    CHECK(out.find(footer) != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("not UTF-8; decoded them as GB18030") != std::string::npos);
  }
  SUBCASE("a UTF-8 page cut inside a character in mid-page is repaired, not re-read") {
    const std::string head = labelled("utf-8", simplified);
    const std::string cut = "<p>摘要：沪深两" + std::string("\xE5\xB8") + "…</p>";
    auto r = dec.decode(head + cut + "<p>" + k_sentences[1] + "</p>", "", true, out, warnings);
    CHECK(r.value_or("") == "UTF-8");
    CHECK(out.find("沪深两\xEF\xBF\xBD") != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "repaired 2 invalid UTF-8 or control bytes");
  }
}

TEST_CASE("UTF-16 without a byte order mark") {
  charset_decoder dec;
  std::vector<std::string> warnings;
  std::string out;
  const std::string html = "<html><head><title>t</title></head><body><p>" + std::string(k_sentences[0]) +
                           "</p><p>Shanghai Composite</p></body></html>";
  const std::string le = encode(html, "UTF-16LE");
  const std::string be = encode(html, "UTF-16BE");
  REQUIRE(le.substr(0, 2) == std::string("<\0", 2));

  CHECK(sniff_utf16(le) == "UTF-16LE");
  CHECK(sniff_utf16(be) == "UTF-16BE");
  CHECK(sniff_utf16(html).empty());
  std::string junk(4096, '\0');
  for (std::size_t i = 0; i < junk.size(); i += 3) junk[i] = static_cast<char>(i & 0x7f);
  CHECK(sniff_utf16(junk).empty());  // NULs on both sides
  CHECK_FALSE(sniff_binary(le).binary);
  CHECK(sniff_binary(junk).binary);

  SUBCASE("a forced charset, an HTTP label, or the NUL pattern") {
    auto r = dec.decode(le, "UTF-16LE", true, out, warnings);
    CHECK(r.value_or("") == "UTF-16LE");
    CHECK(out == html);
    r = dec.decode(be, "utf-16", true, out, warnings);  // the pattern gives the order
    CHECK(r.value_or("") == "UTF-16BE");
    CHECK(out == html);
    r = dec.decode(le, "", true, out, warnings, false, "utf-16");
    CHECK(r.value_or("") == "UTF-16LE");
    CHECK(out == html);
    CHECK(warnings.empty());
    r = dec.decode(be, "", true, out, warnings);
    CHECK(r.value_or("") == "UTF-16BE");
    CHECK(out == html);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "no byte order mark, but every other byte is NUL: decoded as UTF-16BE");
  }
  SUBCASE("an HTTP label of UTF-16 over UTF-8 bytes is a lie") {
    auto r = dec.decode(html, "", true, out, warnings, false, "UTF-16");
    CHECK(r.value_or("") == "UTF-8");
    CHECK(out == html);
  }
  SUBCASE("through the extractor") {
    newsx::extractor ex;
    // Chinese text only: no NUL pattern, so only the label can say it
    const std::string text16 = encode(std::string(k_sentences[0]) + k_sentences[1], "UTF-16LE");
    newsx::document_hints forced;
    forced.decode_as = "UTF-16LE";
    auto a = ex.extract(text16, forced);
    REQUIRE(a);
    CHECK(a->text.find(k_sentences[1]) != std::string::npos);
    newsx::document_hints http;
    http.charset = "utf-16le";
    a = ex.extract(le, http);
    REQUIRE(a);
    CHECK(a->charset == "UTF-16LE");
    CHECK(a->text.find(k_sentences[0]) != std::string::npos);
    a = ex.extract(le);
    REQUIRE(a);
    CHECK(a->text.find("Shanghai Composite") != std::string::npos);
  }
}

TEST_CASE("posts in GBK or Big5 are detected like pages") {
  newsx::extractor ex;
  const std::string post = "---\ntitle: \"沪深两市震荡走低\"\ndate: 2023-05-06 10:20:30\n---\n\n" +
                           story(k_sentences, 3);
  auto a = ex.extract(encode(post, "GB18030"));
  REQUIRE(a);
  CHECK(a->input_kind == "post");
  CHECK(a->charset == "GB18030");
  CHECK(a->title.value_or("") == "沪深两市震荡走低");
  CHECK(a->text.find(k_sentences[2]) != std::string::npos);
  const std::string trad = "---\ntitle: \"台股開高走低\"\n---\n\n" + story(k_sentences_trad, 3);
  a = ex.extract(encode(trad, "windows-950"));
  REQUIRE(a);
  CHECK(a->charset == "Big5");
  CHECK(a->title.value_or("") == "台股開高走低");
  // a UTF-8 post stays UTF-8
  a = ex.extract(post);
  REQUIRE(a);
  CHECK(a->charset == "UTF-8");
  CHECK(a->title.value_or("") == "沪深两市震荡走低");
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

TEST_CASE("split_post: block scalars") {
  post_parts p;
  auto value = [&](const char* key) {
    const front_matter_field* f = p.field(key);
    return f != nullptr && !f->values.empty() ? f->values[0] : std::string("<absent>");
  };
  SUBCASE("literal keeps its line breaks, folded joins its lines") {
    split_post("---\ntitle: |\n  央行开展逆回购操作\n  利率维持不变\nsummary: >\n  沪深两市今日\n  震荡走低。\n\n"
               "  成交量萎缩。\ndate: 2023-05-06\n---\n\n正文。\n", p);
    CHECK(value("title") == "央行开展逆回购操作\n利率维持不变\n");
    CHECK(value("summary") == "沪深两市今日 震荡走低。\n成交量萎缩。\n");
    CHECK(value("date") == "2023-05-06");
    CHECK(p.content == "正文。");
  }
  SUBCASE("chomping: strip, keep, clip") {
    split_post("---\na: |-\n  one\n  two\n\nb: >+\n  three\n  four\n\n\nc: >\n  five\n\n---\nbody\n", p);
    CHECK(value("a") == "one\ntwo");
    CHECK(value("b") == "three four\n\n\n");
    CHECK(value("c") == "five\n");
  }
  SUBCASE("indentation indicator, comment, more-indented lines in a folded block") {
    split_post("---\nnote: >2 # a comment\n   indented\n  plain\n  text\ntitle: >-\n---\nbody\n", p);
    CHECK(value("note") == " indented\nplain text\n");
    CHECK(value("title").empty());
  }
  SUBCASE("a bar inside a plain or quoted value is text") {
    split_post("---\ntitle: \"|\"\nsource: | not a block\n---\nbody\n", p);
    CHECK(value("title") == "|");
    CHECK(value("source") == "| not a block");
  }
}

TEST_CASE("split_post: a tab-indented key and a YAML directive") {
  post_parts p;
  split_post("---\ntitle: 央行开展\n  逆回购操作\n\tdate: 2023-05-06 10:20:30\n---\n正文\n", p);
  REQUIRE(p.field("date") != nullptr);
  CHECK(p.field("date")->values.at(0) == "2023-05-06 10:20:30");
  CHECK(p.field("title")->values.at(0) == "央行开展 逆回购操作");  // space-indented: a continuation

  const std::string post = "%YAML 1.2\n---\ntitle: 标题\n---\n<p>正文</p>\n";
  CHECK(starts_with_front_matter(post));
  split_post(post, p);
  CHECK(p.has_front_matter);
  CHECK(p.field("title")->values.at(0) == "标题");
  CHECK(p.content == "<p>正文</p>");
  // a directive line without a fence is no front matter
  CHECK_FALSE(starts_with_front_matter("%YAML 1.2\n<p>x</p>\n"));

  newsx::extractor ex;
  auto a = ex.extract("%YAML 1.2\n---\ntitle: |\n  沪深两市震荡走低\n\tdate: 2023-05-06 10:20:30\n---\n\n"
                      "<p>沪深两市今日早盘小幅高开，随后震荡走低。</p>\n");
  REQUIRE(a);
  CHECK(a->input_kind == "post");
  CHECK(a->title.value_or("") == "沪深两市震荡走低");
  CHECK(a->date.value_or("") == "2023-05-06T10:20:30+08:00");
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
