// Must NOT compile: sentences() of a temporary std::string is deleted, since
// the views it returns would point into the string after it died at the end
// of the statement. tests/compile-fail/expect_build.cmake requires the build
// to fail with "deleted ... sentences" as its only error.
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extractor.hpp"

std::size_t count_sentences(newsx::extractor& ex) {
  const std::string text = "a. b.";
  std::size_t n = ex.sentences(text).size();  // fine: text outlives the views
  n += ex.sentences(std::string("c. d.")).size();  // the error
  n += ex.sentences(static_cast<const std::string&&>(std::string("e."))).size();  // and a const one
  return n;
}
