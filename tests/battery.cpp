// The hostile-input battery: each case is what a crawler really meets, with
// the outcome asserted. CTest runs every case as its own test with a 10 s
// timeout, and this binary caps its address space at 2 GiB (unless built
// with a sanitizer, whose shadow memory needs more), so "handled within 10 s
// and 2 GB" is checked without a timing assertion.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <newsx/newsx.hpp>

#include <string>

using namespace newsx;

namespace {
const std::string k_para = "<p>中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变，市场流动性保持合理充裕。</p>";
// Pages drop a paragraph that repeats an earlier one: distinct paragraphs.
std::string paras(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += "<p>第" + std::to_string(i + 1) + "段：中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变。</p>";
  }
  return s;
}
std::string page_of(const std::string& body) {
  return "<html><head><meta charset=\"utf-8\"><title>测试页面</title></head><body>" + body + "</body></html>";
}
}  // namespace

TEST_CASE("empty file") { CHECK(extractor().extract("").error().code == error_code::empty_input); }

TEST_CASE("only whitespace") {
  CHECK(extractor().extract(" \r\n\t\f \n").error().code == error_code::empty_input);
}

TEST_CASE("binary junk") {
  std::string junk(1 << 20, '\0');
  std::uint32_t x = 2463534242U;
  for (char& c : junk) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    c = static_cast<char>(x & 0xff);
  }
  const auto r = extractor().extract(junk);
  CHECK(r.error().code == error_code::binary_input);
  CHECK(r.error().message.find("not text") != std::string::npos);
}

TEST_CASE("NUL bytes: a few are dropped, many mean binary") {
  std::string few = page_of(paras(3));
  few.insert(few.find("今日"), std::string(3, '\0'));
  auto r = extractor().extract(few);
  REQUIRE(r);
  CHECK(r->text.find('\0') == std::string::npos);
  CHECK(r->text.find("中国人民银行今日") != std::string::npos);
  std::string many;
  for (int i = 0; i < 2000; ++i) many += std::string("<p>a") + '\0' + '\0' + "</p>";
  CHECK(extractor().extract(many).error().code == error_code::binary_input);
}

TEST_CASE("truncated UTF-8") {
  std::string s = page_of(paras(3));
  s += "\xE4\xB8";  // the first two bytes of 中
  auto r = extractor().extract(s);
  REQUIRE(r);
  CHECK(r->charset == "UTF-8");
  CHECK(r->body.size() == 3);
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.find("ends inside") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("invalid UTF-8 bytes inside good text") {
  std::string s = page_of(paras(2) + "<p>坏\xFF\xFE字节</p>" + k_para);
  auto r = extractor().extract(s);
  REQUIRE(r);
  CHECK(r->charset == "UTF-8");
  CHECK(r->text.find("坏\xEF\xBF\xBD\xEF\xBF\xBD字节") != std::string::npos);
  CHECK_FALSE(r->warnings.empty());
}

TEST_CASE("a 1 000 000-deep <div> nest is refused") {
  std::string s;
  s.reserve(5'000'010);
  for (int i = 0; i < 1'000'000; ++i) s += "<div>";
  s += "x";
  const auto r = extractor().extract(s);
  CHECK(r.error().code == error_code::too_deep);
  CHECK(r.error().message.find("2000") != std::string::npos);
}

TEST_CASE("a 200 MB page is refused by the input limit") {
  std::string s = "<html><body><p>";
  s.resize(200u << 20, 'x');
  const auto r = extractor().extract(s);
  CHECK(r.error().code == error_code::input_too_large);
}

TEST_CASE("a page of nothing but <script>") {
  std::string s = "<html><head></head><body>";
  for (int i = 0; i < 20000; ++i) s += "<script>document.write('<p>not text</p>');</script>";
  s += "</body></html>";
  auto r = extractor().extract(s);
  REQUIRE(r);
  CHECK(r->body.empty());
  CHECK_FALSE(r->is_article);
}

TEST_CASE("an unterminated comment swallows only what follows it") {
  auto r = extractor().extract(page_of(paras(3) + "<!-- never closed <p>藏起来的段落</p>"));
  REQUIRE(r);
  CHECK(r->body.size() == 3);
  CHECK(r->text.find("藏起来") == std::string::npos);
}

TEST_CASE("a front matter that never closes") {
  auto r = extractor().extract("---\ntitle: \"标题\"\ndate: 2022-01-05 08:00:00\n<p>正文第一段。</p>\n");
  REQUIRE(r);
  CHECK(r->title.value() == "标题");
  CHECK(r->text == "正文第一段。");
  CHECK_FALSE(r->warnings.empty());
}

TEST_CASE("a title with unbalanced quotes") {
  auto r = extractor().extract("---\ntitle: \"他说\"稳\n---\n\n正文。\n");
  REQUIRE(r);
  CHECK(r->title.value() == "他说\"稳");
  auto r2 = extractor().extract("---\ntitle: \"\"\"\n---\n\n正文。\n");
  REQUIRE(r2);
  CHECK(r2->title.value() == "\"");
}

TEST_CASE("100 000 attributes on one element") {
  std::string tag = "<div";
  for (int i = 0; i < 100000; ++i) tag += " a" + std::to_string(i) + "=\"" + std::to_string(i) + "\"";
  tag += ">";
  auto r = extractor().extract(page_of(tag + paras(3) + "</div>"));
  REQUIRE(r);
  CHECK(r->body.size() == 3);
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.find("dropped 99488 attributes") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("a million <br>s") {
  std::string s = "<html><body><p>开头";
  s.reserve(4'100'000);
  for (int i = 0; i < 1'000'000; ++i) s += "<br>";
  s += "结尾</p></body></html>";
  auto r = extractor().extract(s);
  REQUIRE(r);
  CHECK(r->text == "开头\n结尾");
}

TEST_CASE("a body past the output limit is truncated with a warning") {
  options o;
  o.max_output_bytes = 200;
  auto r = extractor(o).extract(page_of(paras(50)));
  REQUIRE(r);
  CHECK(r->text.size() <= 200);
  CHECK_FALSE(r->body.empty());
  CHECK(r->text.find(r->body.back().text) != std::string::npos);
  CHECK(r->warnings.back().find("truncated") != std::string::npos);
}

int main(int argc, char** argv) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  const rlimit cap{std::size_t{2} << 30, std::size_t{2} << 30};
  setrlimit(RLIMIT_AS, &cap);
#endif
  doctest::Context ctx(argc, argv);
  return ctx.run();
}
