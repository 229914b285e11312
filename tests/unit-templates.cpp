// extract stage, recall on the templates of common platforms and European news
// sites: markup written for these tests in the shapes those platforms produce
// (blog posts whose paragraphs are mostly links, a page wrapper hidden from
// screen readers while a consent dialog is open, "read also" boxes inside the
// story in the page's own language).
#include <doctest/doctest.h>

#include <string>

#include "newsx/extractor.hpp"

using namespace newsx;

namespace {

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

article extract_page(const std::string& html) {
  extractor ex;
  result<article> a = ex.extract(html);
  REQUIRE(a);
  return *a;
}

}  // namespace

TEST_CASE("a post of linked sentences is prose, not a link list; a menu still is one") {
  // A weekly-links post: most of each paragraph is link text, inside sentences.
  const std::string html =
      "<html><head><title>Weekly links: open data edition</title></head><body>"
      "<header><a href='/'>Data Notebook</a> <a href='/archive'>Archive</a> <a href='/about'>About</a></header>"
      "<article class='post'><h1 class='post-title'>Weekly links: open data edition</h1>"
      "<div class='post-content'>"
      "<p>This week the <a href='https://a.example/trees'>city of Vienna opened its complete tree "
      "register</a> with almost two hundred thousand trees, and <a href='https://b.example/linden'>someone "
      "has already mapped every linden tree in the city</a>.</p>"
      "<p>The <a href='https://c.example/api'>Dutch statistics office published a new API for regional "
      "income data</a>, which <a href='https://d.example/portal'>replaces the old download portal</a> that "
      "many of us used for years.</p>"
      "<p>Finally, a good read: <a href='https://e.example/fail'>why most open data portals fail within "
      "five years</a>, and <a href='https://f.example/reply'>a response from a portal maintainer in "
      "Finland</a>.</p>"
      "<p><a href='/tag/open-data'>open data</a> <a href='/tag/cities'>cities</a> "
      "<a href='/tag/statistics'>statistics</a> <a href='/tag/apis'>apis</a> <a href='/tag/links'>links</a></p>"
      "</div></article></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "city of Vienna opened its complete tree register with almost two hundred thousand"));
  CHECK(has(a.text, "replaces the old download portal that many of us used"));
  CHECK(has(a.text, "a response from a portal maintainer in Finland."));
  CHECK_FALSE(has(a.text, "statistics apis"));  // the tag list ends with no full stop
  CHECK_FALSE(has(a.text, "Archive"));
}
