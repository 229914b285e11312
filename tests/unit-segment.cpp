// segment stage: blocks, white space, tables, sentences.
#include <doctest/doctest.h>

#include <string>

#include "clean/cleaner.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"

using namespace newsx;

namespace {
segment::segments blocks_of(const std::string& html) {
  dom::document doc;
  REQUIRE(doc.parse(html, 500));
  clean::mark_non_content(doc);
  clean::mark_links(doc);  // link_chars counts what the clean stage calls a link
  segment::segments seg;
  segment::build_blocks(doc, doc.body(), dom::removed, seg);
  return seg;
}
}  // namespace

TEST_CASE("white space: CJK line wraps join, explicit spaces stay") {
  segment::text_builder tb;
  tb.append("  上海\n  证券报  与 Reuters\n report ");
  CHECK(tb.take() == "上海证券报 与 Reuters report");
  tb.append("ＡＢＣ１２３\u3000全角");
  CHECK(tb.take() == "ＡＢＣ１２３ 全角");  // as published, by default
  segment::text_builder folding(true);
  folding.append("ＡＢＣ１２３\u3000全角");
  CHECK(folding.take() == "ABC123 全角");
}

TEST_CASE("blocks: paragraphs, headings, lists, quotes, br") {
  auto seg = blocks_of(
      "<body><h2>小标题</h2><p>第一段<br>第二行</p><ul><li>甲</li><li>乙</li></ul>"
      "<blockquote><p>引用</p></blockquote><pre>a  b\nc</pre><div>散文<span>字</span></div></body>");
  REQUIRE(seg.blocks.size() == 8);
  CHECK(seg.blocks[0].b.type == block_type::heading);
  CHECK(seg.blocks[0].b.level == 2);
  CHECK(seg.blocks[1].b.text == "第一段");
  CHECK(seg.blocks[2].b.text == "第二行");
  CHECK(seg.blocks[3].b.type == block_type::list_item);
  CHECK(seg.blocks[5].b.type == block_type::quote);
  CHECK(seg.blocks[6].b.type == block_type::code);
  CHECK(seg.blocks[6].b.text == "a  b\nc");
  CHECK(seg.blocks[7].b.text == "散文字");
}

TEST_CASE("blocks: data tables become rows, layout tables do not") {
  auto seg = blocks_of(
      "<body><table><tr><th>指标</th><th>数值</th></tr><tr><td>营收</td><td>41.3亿元</td></tr></table>"
      "<table><tr><td><p>布局表格里的正文。</p></td></tr></table></body>");
  REQUIRE(seg.blocks.size() == 3);
  CHECK(seg.blocks[0].b.type == block_type::table_row);
  CHECK(seg.blocks[1].b.cells == std::vector<std::string>{"营收", "41.3亿元"});
  CHECK(seg.blocks[1].b.text == "营收 | 41.3亿元");
  CHECK(seg.blocks[2].b.type == block_type::paragraph);
}

TEST_CASE("blocks: images, captions and bold accounting") {
  auto seg = blocks_of(
      "<body><p><strong>全粗体</strong></p><figure><img src=\"a.jpg\" alt=\"图\"><figcaption>说明文字"
      "</figcaption></figure><p>后文<a href=\"#\">链接</a></p><img data-src=\"lazy.jpg\" src=\"data:,\"></body>");
  REQUIRE(seg.images.size() == 2);
  CHECK(seg.images[0].img.src == "a.jpg");
  CHECK(seg.images[0].img.caption.value_or("") == "说明文字");
  CHECK(seg.images[1].img.src == "lazy.jpg");
  REQUIRE(seg.blocks.size() == 2);
  CHECK(seg.blocks[0].bold_chars == seg.blocks[0].chars);
  CHECK(seg.blocks[1].link_chars == 2);
}

TEST_CASE("plain text blocks") {
  segment::segments seg;
  segment::build_text_blocks("## 标题\n\n第一段。\n第二段。\n", seg);
  REQUIRE(seg.blocks.size() == 3);
  CHECK(seg.blocks[0].b.type == block_type::heading);
  CHECK(seg.blocks[0].b.text == "标题");
}

TEST_CASE("ICU sentences") {
  segment::sentence_splitter sp;
  std::vector<text_span> spans;
  const std::string t = "公司营收增长25%。“我们有信心。”他说。 Revenue rose. Margins too!";
  sp.split(t, spans);
  REQUIRE(spans.size() >= 4);
  CHECK(t.substr(spans[0].offset, spans[0].length) == "公司营收增长25%。");
  CHECK(t.substr(spans.back().offset, spans.back().length) == "Margins too!");
}

TEST_CASE("zero-width joiners stay inside Arabic-script and Indic words, and go elsewhere") {
  segment::text_builder tb;
  // a Persian verb written with its non-joiner (mi + shavad), then one at a word's end
  tb.append("\u0645\u06CC\u200C\u0634\u0648\u062F \u0645\u06CC\u200C \u0634\u0648\u062F");
  CHECK(tb.take() == "\u0645\u06CC\u200C\u0634\u0648\u062F \u0645\u06CC \u0634\u0648\u062F");
  tb.append("\u0915\u094D\u200D\u0937");  // a Devanagari conjunct shaped by a joiner
  CHECK(tb.take() == "\u0915\u094D\u200D\u0937");
  tb.append("data\u200Cbase \u4E0A\u200C\u6D77 zero\u200Bwidth");
  CHECK(tb.take() == "database \u4E0A\u6D77 zerowidth");
}

TEST_CASE("soft hyphens are not text") {
  segment::text_builder tb;
  tb.append("Donau\xC2\xAD""dampf\xC2\xAD""schiff fährt");
  CHECK(tb.take() == "Donaudampfschiff fährt");
}
