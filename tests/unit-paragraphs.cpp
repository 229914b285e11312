// extract stage, paragraph look: jusText's classes, the run after the
// headline, and the good text beside a too-narrow element.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clean/cleaner.hpp"
#include "extract/content.hpp"
#include "extract/headline.hpp"
#include "extract/paragraphs.hpp"
#include "extract/resolve.hpp"
#include "newsx/extractor.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"
#include "util/text.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {

std::string p(std::string_view t) { return "<p>" + std::string(t) + "</p>"; }

// A story of seven paragraphs; the first five and the last two can sit in
// separate sections.
const char* const story[] = {
    "The council voted on Tuesday to rebuild the old harbour wall, which storms broke twice last "
    "winter, and to pay for the work from the flood fund that the town set up after the great "
    "storm of the year before.",
    "Engineers told the meeting that the new wall would stand two metres higher than the old one, "
    "that it would be built of stone from the quarry above the town, and that work could begin "
    "in the spring.",
    "Residents who had waited three years for a decision cheered when the vote was read out, "
    "though some of them asked why it had taken so long and who would pay if the cost rose "
    "again.",
    "The mayor said the delay came from a dispute over who owned the land under the wall, which "
    "the courts settled only in August, after the harbour board and the town had both claimed "
    "it.",
    "Work on the first stretch will close the coast road for six weeks, and buses will run on the "
    "hill road while it is shut, which adds a quarter of an hour to the trip into town.",
    "Fishermen who moor their boats behind the wall said they would move to the next bay while "
    "the work goes on, and they asked the council to meet the cost of the move and of the "
    "moorings there.",
    "The council said it would publish a timetable for each stretch before the end of the month, "
    "and that it would hold a meeting for the harbour traders, who fear a summer without "
    "visitors.",
};

struct parsed {
  dom::document doc;
  std::uint32_t headline = 0;
};

void parse_page(parsed& pg, const std::string& html) {
  REQUIRE(pg.doc.parse(html, 500));
  clean::mark_non_content(pg.doc);
  clean::mark_boilerplate(pg.doc);
  clean::mark_links(pg.doc);
  pg.headline = find_headline(pg.doc, "", "").node;
  clean::mark_headline(pg.doc, pg.headline);
}

/// The content's first look, as the extractor takes it: the element and its blocks.
content_choice first_look(const parsed& pg, segment::segments& element) {
  content_scratch tallies;
  const content_choice first = select_content(pg.doc, tallies, pg.headline, dom::boilerplate);
  segment::build_blocks(pg.doc, first.root, dom::removed | dom::boilerplate | dom::title_dup, element,
                        false, first.left_out);
  return first;
}

/// The paragraph look over the whole page beside the first look's element,
/// and their overlap weighed as the extractor weighs it.
struct beside_look {
  segment::segments paras;
  paragraph_overlap overlap;
  content_looks looks;
};
beside_look look_beside(const parsed& pg, const content_choice& first, const segment::segments& element) {
  beside_look r;
  paragraph_scratch scratch;
  look_paragraphs(pg.doc, pg.headline, false, scratch, r.paras, paragraph_scope::whole_page);
  std::vector<std::uint32_t> nodes;
  r.overlap = measure_overlap(pg.doc, first.root, pg.headline, element, r.paras, nodes);
  r.looks = content_looks{r.overlap};
  for (const auto& b : element.blocks) r.looks.element_chars += b.chars;
  return r;
}


bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::string joined(const segment::segments& seg) {
  std::string out;
  for (const auto& b : seg.blocks) out += b.b.text + "\n";
  return out;
}

/// The first look at a page whose story opens with "The council voted" and
/// goes on to "The mayor": the element holds the second and misses the lead.
content_choice first_look_missing_lead(parsed& pg, const std::string& html, segment::segments& element) {
  parse_page(pg, html);
  const content_choice first = first_look(pg, element);
  REQUIRE(has(joined(element), "The mayor"));
  REQUIRE_FALSE(has(joined(element), "The council voted"));
  return first;
}

std::string body_of(const std::string& html) {
  extractor ex;
  auto a = ex.extract(html);
  REQUIRE(a);
  return a->text;
}

}  // namespace

TEST_CASE("classes alone: length on the CJK scale, links, sentence punctuation") {
  auto cls = [](std::string text, std::uint32_t link_share_pct = 0) {
    segment::seg_block b;
    b.b.text = text;
    b.b.type = block_type::paragraph;
    b.chars = static_cast<std::uint32_t>(util::cp_count(text));
    for (char c : text) b.chars -= c == ' ';
    b.link_chars = b.chars * link_share_pct / 100;
    return classify_alone(b, weigh_paragraph(b));
  };
  CHECK(cls(story[0]) == paragraph_class::good);
  CHECK(cls("The vote was close, the mayor said, and the work will take two years.") ==
        paragraph_class::near_good);
  CHECK(cls("The vote was close, the mayor said.") == paragraph_class::short_block);
  CHECK(cls("Share this") == paragraph_class::short_block);
  CHECK(cls("Read more") == paragraph_class::short_block);
  CHECK(cls(story[0], 60) == paragraph_class::bad);  // a teaser: mostly link
  // a menu: no sentence in it; alone it waits for its neighbours, with links it is bad
  const std::string menu =
      "Home News Sport Business Weather Culture Travel Opinion Video Podcasts Newsletters Puzzles";
  CHECK(cls(menu) == paragraph_class::short_block);
  CHECK(cls(menu, 100) == paragraph_class::bad);
  CHECK(cls(menu + " Obituaries Jobs Property Motors Dating Subscribe Events Books Music Film "
                   "Theatre Gardening Recipes Crosswords Letters Archive Contact Help Careers Advertise Privacy Terms Cookies Accessibility") == paragraph_class::bad);
  CHECK(cls("\u00a9 2024 The Harbour Gazette. All rights reserved.") == paragraph_class::bad);
  // CJK: a character weighs half a Latin word, so 80 characters of prose are good
  CHECK(cls("市议会周二投票决定重建去年冬天两次被风暴冲毁的旧港口防波堤，所需资金将从防洪基金中支出，工程师表示新堤将比旧堤高出两米，"
            "工程最早可在明年春天开工。") == paragraph_class::good);
  CHECK(cls("市长表示，延误源于堤下土地的归属争议，法院直到八月才作出裁决。") == paragraph_class::near_good);
  CHECK(cls("首页") == paragraph_class::short_block);
  // "3.5" and "example.com" are no sentences
  CHECK(weigh_paragraph([] {
          segment::seg_block b;
          b.b.text = "Rates rose 3.5 points at example.com today";
          return b;
        }()).sentence_marks == 0);
}

TEST_CASE("context: short lines between good paragraphs are the story's, between bad ones not") {
  std::vector<segment::seg_block> blocks(5);
  const char* texts[] = {story[0], "A short line.", story[1], "Share this", "Home News Sport"};
  for (int i = 0; i < 5; ++i) {
    blocks[i].b.text = texts[i];
    blocks[i].b.type = block_type::paragraph;
    blocks[i].chars = static_cast<std::uint32_t>(util::cp_count(texts[i]));
  }
  blocks[4].link_chars = blocks[4].chars;
  std::vector<paragraph_class> cls;
  classify_paragraphs(blocks, cls);
  CHECK(cls[0] == paragraph_class::good);
  CHECK(cls[1] == paragraph_class::good);  // short, between two good
  CHECK(cls[2] == paragraph_class::good);
  CHECK(cls[3] == paragraph_class::bad);   // short, between good and bad, no near-good beside
  CHECK(cls[4] == paragraph_class::bad);
}

TEST_CASE("a story in two sections: the first look takes one, the paragraph look adds the other") {
  std::string part1, part2;
  for (int i = 0; i < 5; ++i) part1 += p(story[i]);
  for (int i = 5; i < 7; ++i) part2 += p(story[i]);
  // two sections of one shape, their inner wrappers named apart: content.cpp
  // takes the larger one
  const std::string html =
      "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
      "<main><div class='page'><h1>Harbour wall to be rebuilt</h1>"
      "<div class='part'><div class='inner'>" + part1 + "</div></div>"
      "<div class='promo'><a href='/x'>Subscribe to the Harbour Gazette newsletter for the week's news</a></div>"
      "<div class='part'><div class='inner-last'>" + part2 + "</div></div>"
      "</div><div class='comments'><p>I have lived here forty years and the wall was never this bad, "
      "the council should have acted long ago.</p></div></main><footer>Contact us</footer></body></html>";
  parsed pg;
  parse_page(pg, html);
  segment::segments element;
  const content_choice first = first_look(pg, element);
  REQUIRE(has(joined(element), "harbour wall"));
  REQUIRE_FALSE(has(joined(element), "Fishermen"));  // the first look cut the story short

  beside_look both = look_beside(pg, first, element);
  const paragraph_overlap& o = both.overlap;
  const content_looks& looks = both.looks;
  segment::segments& paras = both.paras;  // add_beside takes its blocks
  CHECK(o.shared_chars == looks.element_chars);
  CHECK(prefer_paragraph_look(looks));
  add_beside(pg.doc, first.root, pg.headline, element, paras);
  const std::string merged = joined(element);
  CHECK(has(merged, "Fishermen"));
  CHECK(has(merged, "timetable"));
  CHECK(merged.find("Fishermen") > merged.find("The mayor"));  // in document order
  CHECK_FALSE(has(merged, "forty years"));  // the comments are no section of the story
  CHECK_FALSE(has(merged, "Subscribe"));

  const std::string body = body_of(html);
  CHECK(has(body, "The council voted"));
  CHECK(has(body, "timetable"));
  CHECK_FALSE(has(body, "forty years"));

  // options::paragraph_look off: the element alone
  options element_only;
  element_only.paragraph_look = false;
  extractor ex(element_only);
  result<article> alone = ex.extract(html);
  REQUIRE(alone);
  CHECK(has(alone->text, "The council voted"));
  CHECK_FALSE(has(alone->text, "timetable"));
}

TEST_CASE("the lead above a fold joins the element; a standfirst beside the headline does not") {
  std::string rest;
  for (int i = 2; i < 7; ++i) rest += p(story[i]);
  // an intro box and a first paragraph, then the rest of the story behind a
  // "read more" fold: content.cpp takes the fold, the longest text
  const std::string html =
      "<html><body><div id='page'><div class='story-header'><h1>Harbour wall to be rebuilt</h1>"
      "<p class='standfirst'>A long wait for the fishing town ends, though the bill for the new wall "
      "is still open and the traders on the quay fear for their summer season.</p></div>"
      "<div class='story-body'><div class='story-intro'><p><strong>" + std::string(story[0]) +
      "</strong></p></div>" + p(story[1]) +
      "<div id='fold'><div class='fold-link'><a href='#'>Read more</a></div><div id='fold-text'>" + rest +
      "</div></div></div></div></body></html>";
  parsed pg;
  segment::segments element;
  const content_choice first = first_look_missing_lead(pg, html, element);

  const std::string body = body_of(html);
  CHECK(has(body, "The council voted"));  // the intro box
  CHECK(has(body, "Engineers told"));     // the paragraph above the fold
  CHECK(body.find("Engineers told") < body.find("The mayor"));
  CHECK(has(body, "timetable"));
  CHECK_FALSE(has(body, "A long wait"));  // the header's standfirst is no part of the lead
}

TEST_CASE("a story's first section under another class joins the element, however short beside it") {
  // generated class names differ from section to section: the first look
  // takes the long second section; its two-paragraph first section, between
  // the headline and it, is the lead, far under a quarter of the element
  const char* const more[] = {
      "Traders on the quay said they had lost a third of their takings during the last closure, "
      "when the road was shut for a month, and that they would ask the council for help with "
      "their rents this time.",
      "The harbour board said it would keep the slipway open throughout the work, so that the "
      "lifeboat could still launch at any tide, and that the crew had been told which stretch "
      "would be closed each week.",
      "A survey of the old wall last year found that water had worked its way under the stones "
      "along most of its length, and the engineers said patching it again would only buy the "
      "town a few more winters.",
      "The quarry above the town has agreed to sell the stone at cost, the mayor said, because "
      "the owners grew up in the harbour and their fathers fished from it before the war.",
      "Councillors will meet again in March to hear how the first weeks of the work have gone "
      "and to decide whether the second stretch can start before the summer visitors arrive.",
      "The school on the harbour road will move its morning bus stop to the church square while "
      "the road is closed, and parents were asked to leave ten minutes earlier on those days.",
      "Insurers who paid for the repairs after both storms have written to the council to say "
      "that they will cover the harbour front again only once the new wall is finished.",
      "The old stones that the builders lift out will not go to waste: the museum has asked for "
      "a few of the carved ones, and the rest will line the new path along the cliff.",
      "A public meeting on the plans drew more people than the hall could hold, and the council "
      "has promised to hold a second one in the sports centre before the work begins.",
  };
  std::string rest;
  for (int i = 2; i < 7; ++i) rest += p(story[i]);
  for (const char* m : more) rest += p(m);
  const std::string html =
      "<html><body><header><a href='/'>Harbour Gazette</a><h1>Harbour wall to be rebuilt</h1></header>"
      "<div class='css-k2 e0'>"
      "<section class='e7 css-1a b0'>" + p(story[0]) + p(story[1]) +
      "<p><img src='wall.jpg'></p><p>The broken stretch of the harbour wall by the lifeboat station, seen "
      "from the end of the quay at low tide on the morning after the second storm of the winter, when "
      "the sea had carried off most of the stones of the old wall.</p></section>"
      "<section class='e6 css-2b b0'>" + rest + "</section>"
      "</div><footer><a href='/about'>About us</a></footer></body></html>";
  parsed pg;
  segment::segments element;
  const content_choice first = first_look_missing_lead(pg, html, element);

  const beside_look both = look_beside(pg, first, element);
  CHECK_FALSE(prefer_paragraph_look(both.looks));  // too little beside the element for the general rule
  CHECK(both.overlap.lead_blocks == 2);             // the two paragraphs, not the picture's caption
  CHECK(prefer_paragraph_lead(both.looks));

  const std::string body = body_of(html);
  CHECK(has(body, "The council voted"));
  CHECK(has(body, "Engineers told"));
  CHECK(body.find("Engineers told") < body.find("Residents who"));
  CHECK(has(body, "Councillors will meet"));
  CHECK_FALSE(has(body, "low tide"));  // a picture's caption above the story stays out
}

TEST_CASE("the lead alone joins only as prose in two paragraphs or more, nearly free of links") {
  content_looks looks;
  looks.element_chars = 2000;
  looks.shared_chars = 2000;
  looks.beside_chars = 300;
  looks.lead_chars = 300;
  looks.lead_blocks = 1;  // one line above the story: a dateline, a label, a teaser
  CHECK_FALSE(prefer_paragraph_lead(looks));
  looks.lead_blocks = 2;
  CHECK(prefer_paragraph_lead(looks));
  looks.lead_link_chars = 100;  // a promo above the story
  CHECK_FALSE(prefer_paragraph_lead(looks));
  looks.lead_link_chars = 0;
  looks.shared_chars = 1000;  // the looks found different stories
  CHECK_FALSE(prefer_paragraph_lead(looks));
  looks.shared_chars = 2000;
  looks.lead_chars = 60;
  CHECK_FALSE(prefer_paragraph_lead(looks));
}

TEST_CASE("the paragraph look does not join what the element disagrees with") {
  content_looks looks;
  looks.element_chars = 1000;
  looks.shared_chars = 500;  // the look found another story
  looks.beside_chars = 800;
  CHECK_FALSE(prefer_paragraph_look(looks));
  looks.shared_chars = 1000;
  looks.beside_chars = 150;  // too little to be a missed section
  CHECK_FALSE(prefer_paragraph_look(looks));
  looks.beside_chars = 400;
  looks.beside_link_chars = 200;  // mostly links
  CHECK_FALSE(prefer_paragraph_look(looks));
  looks.beside_link_chars = 0;
  CHECK(prefer_paragraph_look(looks));
}

TEST_CASE("a page whose largest table is not the story") {
  std::string rows;
  for (int i = 0; i < 40; ++i) {
    rows += "<tr><td>Harbour " + std::to_string(i) + "</td><td>North quay berth</td><td>" +
            std::to_string(1200 + i * 7) + " tonnes</td><td>open</td></tr>";
  }
  std::string paras;
  for (const char* s : story) paras += p(s);
  const std::string html =
      "<html><body><h1>Harbour wall to be rebuilt</h1><div class='c'>" + paras +
      "</div><div class='data'><table>" + rows + "</table></div></body></html>";
  parsed pg;
  parse_page(pg, html);
  paragraph_scratch scratch;
  segment::segments run;
  const paragraph_answer a = look_paragraphs(pg.doc, pg.headline, false, scratch, run);
  const std::string text = joined(run);
  CHECK(a.blocks == 7);
  CHECK(has(text, "The council voted"));
  CHECK_FALSE(has(text, "North quay"));
  CHECK_FALSE(has(body_of(html), "North quay"));
}

TEST_CASE("teaser lists after the story stay out of the run") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  std::string teasers;
  const char* summaries[] = {
      "The ferry company says it will add two sailings a day from June, as the summer crowds grow.",
      "A survey of the old lighthouse found the tower sound, though the lamp room needs a new roof.",
      "The school on the hill will open a sailing club for pupils, paid for by a local trust.",
      "Traders on the quay want longer opening hours on Sundays through the summer season."};
  for (int i = 0; i < 4; ++i) {
    teasers += "<li><a href='/story/" + std::to_string(i) + "'>Another harbour story headline number " +
               std::to_string(i) + "</a>" + p(summaries[i]) + "</li>";
  }
  const std::string html = "<html><body><h1>Harbour wall to be rebuilt</h1><div class='story'>" + paras +
                           "</div><div class='more'><h2>More from the coast</h2><ul>" + teasers +
                           "</ul></div></body></html>";
  parsed pg;
  parse_page(pg, html);
  paragraph_scratch scratch;
  segment::segments run;
  look_paragraphs(pg.doc, pg.headline, false, scratch, run);
  const std::string text = joined(run);
  CHECK(has(text, "The council voted"));
  CHECK(has(text, "timetable"));
  CHECK_FALSE(has(text, "ferry"));
  CHECK_FALSE(has(text, "lighthouse"));
  const std::string body = body_of(html);
  CHECK(has(body, "timetable"));
  CHECK_FALSE(has(body, "ferry"));
}

TEST_CASE("a CJK story in sections") {
  const char* cjk[] = {
      "市议会周二投票决定重建去年冬天两次被风暴冲毁的旧港口防波堤，所需资金将从防洪基金中支出。",
      "工程师在会上表示，新堤将比旧堤高出两米，工程最早可在明年春天开工，预计历时两年完成。",
      "等待了三年的居民在投票结果宣布时鼓掌欢迎，但也有人质疑为何拖延了这么久才作出决定。",
      "市长说，延误源于堤下土地的归属争议，法院直到八月才作出裁决，此后各方很快达成一致。",
      "第一段工程将封闭沿海公路六周，其间公交车改走山路，市政府将提前一周公布具体的封路时间。",
      "在防波堤后停泊渔船的渔民表示，施工期间他们将把船只移到邻近的海湾，希望市议会承担搬迁费用。",
      "市议会表示，将在月底前公布每一段工程的时间表，并为港口商户举行一次说明会，听取各方意见。"};
  std::string part1, part2;
  for (int i = 0; i < 5; ++i) part1 += p(cjk[i]);
  for (int i = 5; i < 7; ++i) part2 += p(cjk[i]);
  const std::string html =
      "<html><body><div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a> <a href='/s'>体育</a></div>"
      "<div class='page'><h1>港口防波堤将重建</h1>"
      "<div class='story-part'><div class='inner'>" + part1 + "</div></div>"
      "<div class='promo'><a href='/x'>订阅本报微信公众号，获取更多本地新闻</a></div>"
      "<div class='story-part'><div class='inner'>" + part2 + "</div></div>"
      "</div><div class='list'><ul><li><a href='/a'>渡轮公司宣布夏季每天增开两班航线</a></li>"
      "<li><a href='/b'>灯塔检测结果出炉塔身结构安全</a></li><li><a href='/c'>山上学校开办帆船俱乐部</a></li></ul></div>"
      "</body></html>";
  parsed pg;
  parse_page(pg, html);
  paragraph_scratch scratch;
  segment::segments run;
  look_paragraphs(pg.doc, pg.headline, false, scratch, run);
  const std::string text = joined(run);
  CHECK(has(text, "市议会周二"));
  CHECK(has(text, "说明会"));
  CHECK_FALSE(has(text, "渡轮"));
  const std::string body = body_of(html);
  CHECK(has(body, "市议会周二"));
  CHECK(has(body, "说明会"));
  CHECK_FALSE(has(body, "订阅"));
  CHECK_FALSE(has(body, "渡轮"));
}
