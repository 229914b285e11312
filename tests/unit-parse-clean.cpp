// parse and clean stages: the flat tree, limits, flags.
#include <doctest/doctest.h>

#include <string>

#include "clean/cleaner.hpp"
#include "parse/dom.hpp"

using namespace newsx;
using newsx::dom::html_tag;

namespace {
std::string text_of(const dom::document& doc, std::uint32_t root, std::uint16_t skip) {
  std::string s;
  dom::append_text(doc, root, s, skip);
  return s;
}
}  // namespace

TEST_CASE("the tree is pre-ordered with subtree ranges") {
  dom::document doc;
  const std::string html = "<html><body><div id=a><p>one</p><p>two</p></div><p>three</p></body></html>";
  REQUIRE(doc.parse(html, 100));
  const std::uint32_t body = doc.body();
  REQUIRE(body != 0);
  CHECK(doc[body].tag == html_tag::body);
  CHECK(text_of(doc, body, 0) == "onetwothree");
  const std::uint32_t div = doc.find_first(html_tag::div);
  CHECK(dom::attr(doc[div], "id") == "a");
  CHECK(text_of(doc, div, 0) == "onetwo");
  CHECK(doc[div].end < doc[body].end);
}

TEST_CASE("a document is reusable") {
  dom::document doc;
  for (int round = 0; round < 3; ++round) {
    const std::string html = "<p>round " + std::to_string(round) + "</p>";
    REQUIRE(doc.parse(html, 100));
    CHECK(text_of(doc, doc.body(), 0) == "round " + std::to_string(round));
  }
}

TEST_CASE("deep nesting is refused, not recursed into") {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep";
  dom::document doc;
  CHECK(doc.parse(html, 2000).error().code == error_code::too_deep);
  // unclosed <p> tags close themselves: not deep
  std::string ps;
  for (int i = 0; i < 5000; ++i) ps += "<p>line";
  CHECK(doc.parse(ps, 2000));
}

TEST_CASE("unknown tags keep their names") {
  dom::document doc;
  REQUIRE(doc.parse("<body><my-widget>x</my-widget></body>", 100));
  bool found = false;
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    if (doc[i].type == dom::kind::element && doc[i].tag == html_tag::unknown) {
      CHECK(dom::tag_name(doc[i]) == "my-widget");
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("clean: scripts, hidden markup and chart embeds are flagged") {
  dom::document doc;
  const std::string html =
      "<body><p style=\"display: none\">hidden</p><script>var x=1;</script>"
      "<!-- EM_StockImg_Start --><p><a class=\"EmImageRemark\"><img src=\"k.png\"></a></p>"
      "<!-- EM_StockImg_End --><p>visible</p><div hidden>also hidden</div>"
      "<img alt=\"K图 600000_0\" src=\"x\"><!-- note_Start --><p>kept</p><!-- note_End --></body>";
  REQUIRE(doc.parse(html, 100));
  clean::mark_non_content(doc);
  CHECK(text_of(doc, doc.body(), dom::removed) == "visiblekept");
  std::size_t embeds = 0;
  for (std::uint32_t i = 0; i < doc.size(); ++i) embeds += (doc[i].flags & dom::embed) != 0;
  CHECK(embeds >= 3);
}

TEST_CASE("clean: CSS frameworks' display:none classes hide, unless a responsive word shows the element again") {
  dom::document doc;
  const std::string html =
      "<body><p>visible</p><h4 class=\"hidden appeal-title\">variant</h4><div class=\"d-none\">off</div>"
      "<p class=\"hidden md:block\">wide</p><p class=\"d-none d-lg-block\">large</p>"
      "<p class=\"text-hidden-overflow\">kept</p></body>";
  REQUIRE(doc.parse(html, 100));
  clean::mark_non_content(doc);
  // "text-hidden-overflow" is no hiding word: only whole class words count
  CHECK(text_of(doc, doc.body(), dom::removed) == "visiblewidelargekept");
}

TEST_CASE("clean: page chrome by tag, role, class and id") {
  dom::document doc;
  const std::string html =
      "<body><nav>menu</nav><div class=\"share-bar\">share</div><div id=\"relatedNews\">rel</div>"
      "<div class=\"article-content\">story</div><div role=\"contentinfo\">foot</div>"
      "<div class=\"comment-content\">a thread</div><div class=\"has-comments story\">mixed</div>"
      "<div class=\"story-comment-count\">12</div></body>";
  REQUIRE(doc.parse(html, 100));
  clean::mark_boilerplate(doc);
  // a class word that starts with "comment" is a thread, whatever follows;
  // one that merely mentions comments is not; a chrome word after the
  // story's name (story-comment-count) is that story's chrome
  CHECK(text_of(doc, doc.body(), dom::boilerplate) == "storymixed");
}

TEST_CASE("clean: an author's bio box is chrome in both looks, however long the life story") {
  std::string life;
  for (int k = 0; k < 6; ++k) {
    life += "She studied journalism in Leeds, reported on local councils for a decade and has covered "
            "transport and city planning since she joined the paper. ";
  }
  dom::document doc;
  const std::string html =
      "<body><div class=\"story-text\"><p>The council approved the new tram line on Tuesday.</p></div>"
      "<div class=\"news-author-bio\"><h3>About the writer</h3><span>" + life + "</span></div>"
      "<div class=\"author-name\">Jane Doe</div>"
      "<div class=\"profile-about\">" + life + "</div></body>";
  REQUIRE(doc.parse(html, 100));
  clean::mark_boilerplate(doc);
  // a writer word right before a bio word names the box; "profile-about" or
  // an author's name alone does not, and long prose keeps an unnamed block
  const std::string first_look = text_of(doc, doc.body(), dom::boilerplate);
  CHECK(first_look.find("About the writer") == std::string::npos);
  CHECK(first_look.find("approved the new tram line") != std::string::npos);
  CHECK(first_look.find("She studied journalism") != std::string::npos);  // the profile-about copy
  const std::string second_look = text_of(doc, doc.body(), dom::structural_chrome);
  CHECK(second_look.find("About the writer") == std::string::npos);
  CHECK(second_look.find("Jane Doe") != std::string::npos);
}

TEST_CASE("class and id names") {
  CHECK(clean::is_boilerplate_name("footer"));
  CHECK(clean::is_boilerplate_name("hotNews ad-box"));
  CHECK_FALSE(clean::is_boilerplate_name("article-body"));
  // a chrome part of the story's block, after its content name
  CHECK(clean::is_boilerplate_name("article-share__item"));
  CHECK(clean::is_boilerplate_name("post-footer"));
  CHECK_FALSE(clean::is_boilerplate_name("article share-bar"));  // the story, with a modifier
  CHECK_FALSE(clean::is_boilerplate_name("comment_content"));   // prose chrome decides that
  CHECK_FALSE(clean::is_content_name("related-article"));
  CHECK_FALSE(clean::is_content_name("article-share"));
  CHECK(clean::is_content_name("post_content_main"));
  CHECK_FALSE(clean::is_content_name("header"));
  CHECK(clean::style_hides("DISPLAY : NONE"));
  CHECK(clean::style_hides("visibility:hidden;color:red"));
  CHECK_FALSE(clean::style_hides("display:block"));
}

TEST_CASE("tags are newsx's own, mapped from the parser by name") {
  CHECK(dom::html_tag_from_name("article") == html_tag::article);
  CHECK(dom::html_tag_from_name("template") == html_tag::template_);
  CHECK(dom::html_tag_from_name("my-widget") == html_tag::unknown);
  CHECK(dom::html_tag_name(html_tag::blockquote) == "blockquote");
  CHECK(dom::html_tag_name(html_tag::unknown).empty());
  dom::document doc;
  REQUIRE(doc.parse("<body><article><h2 CLASS=\"Title\" data-x>t</h2></article></body>", 100));
  const std::uint32_t h2 = doc.find_first(html_tag::h2);
  REQUIRE(h2 != 0);
  CHECK(doc[doc[h2].parent].tag == html_tag::article);
  CHECK(dom::tag_name(doc[h2]) == "h2");
  CHECK(dom::attr(doc[h2], "class") == "Title");
  CHECK(dom::has_attr(doc[h2], "data-x"));
  CHECK_FALSE(dom::has_attr(doc[h2], "id"));
}
