// English bylines: "By" lines, byline markup, <meta name=author>, several authors.
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>

#include <string>

#include "extract/body.hpp"
#include "extract/byline.hpp"
#include "extract/byline_markup.hpp"
#include "extract/meta.hpp"

using namespace newsx;
using namespace newsx::extract;

namespace {

/// A small English story page: head, then the header (headline and byline
/// markup), the story, and what follows it.
std::string story(std::string_view head, std::string_view header, std::string_view after = {}) {
  std::string s = "<html><head><title>Harbour council approves new ferry line</title>";
  s += head;
  s += "</head><body><div class=\"site-nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></div>"
       "<article><header><h1>Harbour council approves new ferry line</h1>";
  s += header;
  s += "</header><div class=\"story-body\">";
  const char* paras[] = {
      "The harbour council voted on Tuesday to approve a new ferry line between the old port and the "
      "island towns, ending a debate that had run for more than three years.",
      "Supporters said the service would cut commuting times in half for hundreds of workers who now "
      "drive around the bay every morning, and bring visitors to the island markets.",
      "Opponents raised concerns about the cost of the new piers and the noise of the boats, but the "
      "council said both would be studied before construction starts next spring.",
      "The first boats are expected to run by the end of next year, the council said in a statement."};
  for (const char* p : paras) s += std::string("<p>") + p + "</p>";
  s += "</div></article>";
  s += after;
  s += "</body></html>";
  return s;
}

std::string author_of(const std::string& html) {
  extractor ex;
  const auto a = ex.extract(html);
  REQUIRE(a);
  return a->author.value_or("(none)");
}

}  // namespace

TEST_CASE("By lines end before the month and the date glued to the name") {
  CHECK(english_byline("By JANE Q. DOE JAN. 10, 2017") == "JANE Q. DOE");
  CHECK(english_byline("By Mark Tully March 25, 2015") == "Mark Tully");
  CHECK(english_byline("By Ada Lovelace May 3") == "Ada Lovelace");
  CHECK(english_byline("By Ada Lovelace Sept. 3") == "Ada Lovelace");
  // the name again (a second rendering of the byline) ends it
  CHECK(english_byline("By Grace B. Hopper Grace B. Hopper") == "Grace B. Hopper");
  // a month as a first name is still a name
  CHECK(english_byline("By May Brennan") == "May Brennan");
  // several writers, kept as "A, B"
  CHECK(english_byline("By Ada Lovelace and Grace Hopper, Reuters") == "Ada Lovelace, Grace Hopper");
  CHECK(english_byline("By Ada Lovelace, Grace Hopper and Alan Turing") ==
        "Ada Lovelace, Grace Hopper, Alan Turing");
  CHECK(english_byline("By Mary O'Neil and friends") == "Mary O'Neil");
  CHECK(english_byline("By Ludwig van Beethoven") == "Ludwig van Beethoven");
  CHECK(english_byline("By Our Foreign Staff") == "");
  CHECK(english_byline("By Metro Desk Editors | May 2") == "");
  // a job title ends the name; a "second name" that runs into one is a title
  CHECK(english_byline("By Ada Lovelace Staff Writer") == "Ada Lovelace");
  CHECK(english_byline("By Ada Lovelace, Ap Science Writer") == "Ada Lovelace");
  CHECK(english_byline("By Ada Lovelace Senior Contributor") == "Ada Lovelace");
  CHECK(english_byline("By Monday Night Football") == "");
  CHECK(english_byline("By the numbers") == "");
}

TEST_CASE("byline element text cleaned into names") {
  CHECK(byline_element_name("  by  Jane Doe  ") == "Jane Doe");
  CHECK(byline_element_name("Par Jean Dupont et Marie Curie — 24 novembre 2017") ==
        "Jean Dupont, Marie Curie");
  CHECK(byline_element_name("Von Hans Meier | 5. März") == "Hans Meier");
  CHECK(byline_element_name("Written by: René Lévesque") == "René Lévesque");
  CHECK(byline_element_name("Jane Doe Updated 3 hours ago") == "Jane Doe");
  // not a writer
  CHECK(byline_element_name("Follow Author") == "");
  CHECK(byline_element_name("Dear Harbour Reader") == "");
  CHECK(byline_element_name("Jane Doe is a reporter based in the harbour towns.") == "");
  CHECK(byline_element_name("admin") == "");
  CHECK(byline_element_name("jdoe") == "");
  CHECK(is_cms_account("Administrator"));
  CHECK(is_cms_account("user1234"));
  CHECK(is_cms_account("jane@example.com"));
  CHECK_FALSE(is_cms_account("Jane Doe"));
}

TEST_CASE("the byline element in markup is read") {
  SUBCASE("itemprop=author and its itemprop=name") {
    CHECK(author_of(story("", "<p class=\"meta\"><span itemprop=\"author\" itemscope>"
                              "<span itemprop=\"name\">Ada Lovelace</span></span> — 2017-01-10</p>")) ==
          "Ada Lovelace");
  }
  SUBCASE("a rel=author link") {
    CHECK(author_of(story("", "<div class=\"meta\">by <a rel=\"author\" href=\"/people/gh\">Grace "
                              "Hopper</a> on March 5</div>")) == "Grace Hopper");
  }
  SUBCASE("class words: byline, author-name") {
    CHECK(author_of(story("", "<div class=\"article-byline\">By Alan Turing | Jan. 10, 2017</div>")) ==
          "Alan Turing");
    CHECK(author_of(story("", "<div class=\"meta\"><span class=\"author-name\">Hedy Lamarr</span>"
                              "<span class=\"author-title\">Science Editor</span></div>")) ==
          "Hedy Lamarr");
  }
  SUBCASE("several marked names in one byline") {
    CHECK(author_of(story("", "<p class=\"authors\">Par <span class=\"author\">Jean Dupont</span> et "
                              "<span class=\"author\">Marie Curie</span></p>")) ==
          "Jean Dupont, Marie Curie");
  }
  SUBCASE("the byline nearest the headline wins over other stories' bylines") {
    const std::string after =
        "<div class=\"teasers\"><p class=\"byline\">By Someone Else</p></div>";
    CHECK(author_of(story("", "<p class=\"byline\">By Alan Turing</p>", after)) == "Alan Turing");
  }
  SUBCASE("a header region named byline that holds the headline is not the byline") {
    std::string page = story("", "<p class=\"meta\">By Alan Turing</p>");
    const std::string h1 = "<header><h1>";
    page.replace(page.find(h1), h1.size(), "<header><div id=\"headline-byline\"><h1>");
    const std::string end = "</header>";
    page.replace(page.find(end), end.size(), "</div></header>");
    CHECK(author_of(page) == "Alan Turing");
  }
  SUBCASE("an Organization as author is the outlet, not a writer") {
    CHECK(author_of(story("", "<div itemprop=\"author\" itemscope "
                              "itemtype=\"https://schema.org/Organization\">Harbour Daily News</div>")) ==
          "(none)");
  }
}

TEST_CASE("bylines that are not the story's author") {
  SUBCASE("a comment thread's by-lines") {
    const std::string comments =
        "<div id=\"comments\"><ol class=\"comment-list\"><li class=\"comment\"><cite class=\"author "
        "fn\">Pat Reader</cite> says: great news</li><li><span class=\"byline\">by Sam Commenter</span>"
        "</li></ol></div>";
    CHECK(author_of(story("", "", comments)) == "(none)");
  }
  SUBCASE("an author-bio box of another writer") {
    const std::string bio =
        "<div class=\"author-bio\"><h4>Related posts by</h4><span class=\"author\">Chris "
        "Columnist</span></div>";
    CHECK(author_of(story("", "", bio)) == "(none)");
  }
  SUBCASE("a Follow Author button") {
    CHECK(author_of(story("", "<div class=\"author\"><button>Follow Author</button></div>")) == "(none)");
  }
  SUBCASE("a CMS account in <meta name=author>") {
    CHECK(author_of(story("<meta name=\"author\" content=\"admin\">", "")) == "(none)");
    CHECK(author_of(story("<meta name=\"author\" content=\"webmaster@harbour.example\">", "")) ==
          "(none)");
    CHECK(author_of(story("<meta name=\"author\" content=\"editor2\">", "")) == "(none)");
  }
}

TEST_CASE("names in capitals give way to the same name as the page writes it") {
  // CSS upper-cases the byline; the markup has the mixed-case name too
  CHECK(author_of(story("", "<p class=\"story-by\">By JANE Q. DOE JAN. 10, 2017</p>"
                            "<span class=\"author-name\">Jane Q. Doe</span>")) == "Jane Q. Doe");
  CHECK(author_of(story("", "<p class=\"story-by\">By JANE Q. DOE JAN. 10, 2017</p>")) == "JANE Q. DOE");
}

TEST_CASE("<meta name=author> longer than a Chinese name, and several JSON-LD authors") {
  CHECK(author_of(story("<meta name=\"author\" content=\"Eleanor Ainge Roy\">", "")) ==
        "Eleanor Ainge Roy");
  CHECK(author_of(story("<meta name=\"author\" content=\"By Eleanor Ainge Roy\">", "")) ==
        "Eleanor Ainge Roy");
  // Dublin Core's creator outranks name=author, also among space-separated keys
  CHECK(author_of(story("<meta name=\"author\" content=\"Site Account\">"
                        "<meta property=\"dc:creator og:site_name\" content=\"Ada Lovelace\">",
                        "")) == "Ada Lovelace");
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Ada Lovelace\"},{\"@type\":\"Person\",\"name\":\"Grace Hopper\"}]}</script>";
  CHECK(author_of(story(ld, "")) == "Ada Lovelace, Grace Hopper");
  // a description is not a name
  CHECK(author_of(story("<meta name=\"author\" content=\"The harbour news team and all of its "
                        "many contributors around the bay\">",
                        "")) == "(none)");
}

namespace {

/// A small Chinese story page: a headline, the byline line, three paragraphs
/// (the second one given) and what closes the story.
std::string zh_page(std::string_view byline, std::string_view second, std::string_view last = {}) {
  std::string s =
      "<html><head><meta charset=\"utf-8\"><title>港口货运量连续三个月回升_示例财经</title></head><body>"
      "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/biz\">财经</a></div><article><h1>港口货运量连续三个月回升</h1>"
      "<div class=\"info\">";
  s += byline;
  s += "</div><div class=\"content\"><p>本市港口集团昨日公布，上月货物吞吐量同比增长百分之六，集装箱吞吐量增长百分之九，已连续三个月回升。</p>";
  s += "<p>";
  s += second;
  s += "</p><p>业内人士认为，外贸订单回暖与航线加密是货运量回升的主要原因，但运价波动仍给企业经营带来不确定性。</p>";
  s += last;
  s += "</div></article></body></html>";
  return s;
}

std::string author_source(const std::string& html) {
  extractor ex;
  const auto a = ex.extract(html);
  REQUIRE(a);
  return a->author.value_or("-") + "|" + a->source.value_or("-");
}

}  // namespace

TEST_CASE("a label inside a longer word names no one: 记者会, 答记者问, 图片来源") {
  CHECK(in_label_compound("副局长在记者会上表示", 12, "记者"));
  CHECK(in_label_compound("图片来源：视觉中国", 6, "来源"));
  CHECK_FALSE(in_label_compound("本报记者 张三", 6, "记者"));
  CHECK(byline_field("负责人答记者问时表示", {"记者"}, 4).empty());
  // the lead's press conference is no reporter credit
  CHECK(author_source(zh_page("2024-08-02 10:00", "集团副总裁在记者会上表示，今年下半年将新开两条远洋航线，并扩建自动化码头。")) ==
        "-|-");
  CHECK(author_source(zh_page("2024-08-02 10:00", "港務局副局長在記者會上表示，下半年將新增兩條遠洋航線，並擴建自動化碼頭。")) ==
        "-|-");
  // a picture's credit in the byline zone is not the story's source
  CHECK(author_source(zh_page("2024-08-02 10:00 <span>图片来源：视觉中国</span> <span>来源：示例日报</span>",
                              "集团负责人表示，今年下半年将新开两条远洋航线。")) == "-|示例日报");
}

TEST_CASE("a closing reporter credit names the writer, and the outlet before the role") {
  CHECK(outlet_before_role("明報記者 劉志偉") == "明報");
  CHECK(outlet_before_role("本报记者 张三").empty());  // "this paper" is no outlet's name
  // Hong Kong and Taiwan spell surnames in traditional characters
  CHECK(looks_like_person("劉志偉"));
  CHECK(looks_like_person("陳家明"));
  CHECK(author_source(zh_page("2024年8月2日", "集团负责人表示，今年下半年将新开两条远洋航线。",
                              "<p>他又指，集團會繼續密切留意航運市場的情況。（明報記者 劉志偉）</p>")) ==
        "劉志偉|明報");
  CHECK(author_source(zh_page("2024年8月2日", "集团负责人表示，今年下半年将新开两条远洋航线。",
                              "<p>（明報記者 劉志偉）</p>")) == "劉志偉|明報");
  CHECK(credit_names("●本报记者 周明远 赵白执南") == "周明远、赵白执南");
}

TEST_CASE("the writer's name beside the date is no source, and a marked handle is the author") {
  // "邱晓芬·2024年05月30日" with 作者｜邱晓芬 below: the weak name-by-the-date clue is the writer
  CHECK(author_source(zh_page("<a class=\"item-a\">邱晓芬</a><span>·2024年05月30日 09:00</span>",
                              "作者｜邱晓芬 集团负责人表示，今年下半年将新开两条远洋航线。")) == "邱晓芬|-");
  // an outlet beside the date is still the weak clue it was
  CHECK(author_source(zh_page("<span>棱镜</span> <span>2024-05-30 09:00</span>",
                              "集团负责人表示，今年下半年将新开两条远洋航线。")) == "-|棱镜");
  // a platform handle as the itemprop=name of the author
  CHECK(author_source(zh_page("<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
                              "<meta itemprop=\"name\" content=\"宏观观察员\"><a>宏观观察员</a>"
                              "<div>经济学硕士，关注宏观与汇率</div></div>",
                              "集团负责人表示，今年下半年将新开两条远洋航线。")) == "宏观观察员|-");
  CHECK(author_source(zh_page("<span itemprop=\"author\"><span itemprop=\"name\">价值老猫</span></span>",
                              "集团负责人表示，今年下半年将新开两条远洋航线。")) == "价值老猫|-");
  // furniture in the name part is none
  CHECK(author_source(zh_page("<span itemprop=\"author\"><span itemprop=\"name\">登录</span></span>",
                              "集团负责人表示，今年下半年将新开两条远洋航线。")) == "-|-");
}
