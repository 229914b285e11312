// extract stage, content recall: which element holds the story on pages of
// kinds nobody tuned for (how-to steps, layout left open, repeated lines).
#include <doctest/doctest.h>

#include <string>

#include "newsx/extractor.hpp"

using namespace newsx;

namespace {

std::string p(std::string_view t) { return "<p>" + std::string(t) + "</p>"; }

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::size_t count(const std::string& s, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

article extract_page(const std::string& html) {
  extractor ex;
  result<article> a = ex.extract(html);
  REQUIRE(a);
  return *a;
}

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
};

}  // namespace

TEST_CASE("repeated lines: a picture's caption once, the story's own lines every time") {
  const std::string caption =
      "The harbour wall after the second storm of the winter, seen from the north quay at low tide";
  const std::string step_line = "Soak the beans overnight in plenty of cold water.";
  const std::string html =
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>"
      "<figure><img src='/a.jpg'><figcaption>" + caption + "</figcaption></figure>" +
      p(story[0]) + p(story[1]) + "<h2>Monday</h2>" + p(step_line) + p(story[2]) + "<h2>Tuesday</h2>" +
      p(step_line) + p(story[3]) +
      "<div class='gallery'><img src='/a.jpg'><p>" + caption + "</p></div></article></body></html>";
  const article a = extract_page(html);
  CHECK(count(a.text, caption) == 1);
  CHECK(count(a.text, step_line) == 2);
}
