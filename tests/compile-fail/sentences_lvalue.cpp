// Must compile: sentences() of text that outlives the call - an lvalue
// std::string (const or not), a literal, a string_view.
// (tests/compile-fail/sentences_rvalue.cpp is this plus one call that must not.)
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extractor.hpp"

std::size_t count_sentences(newsx::extractor& ex) {
  const std::string text = "a. b.";
  std::string owned = "c. d.";
  const std::string_view view = text;
  std::size_t n = 0;
  n += ex.sentences(text).size();
  n += ex.sentences(owned).size();
  n += ex.sentences("e. f.").size();
  n += ex.sentences(view).size();
  return n;
}
