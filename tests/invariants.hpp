// What every successful extraction must satisfy, whatever the input. Shared
// by the fuzz target and the regression tests, so a fuzz finding replays as a
// test with exactly the same checks.
#ifndef NEWSX_TESTS_INVARIANTS_HPP
#define NEWSX_TESTS_INVARIANTS_HPP

#include <newsx/newsx.hpp>

#include <string>

#include "decode/charset.hpp"

namespace newsx::testing {

/// Empty when the result is sound, else what is wrong with it.
inline std::string invariant_violation(const result<article>& r) {
  if (!r) {
    if (r.error().code == error_code::internal) return "internal error: " + r.error().message;
    if (r.error().message.empty()) return "error without a message";
    return {};
  }
  std::string joined;
  for (const block& b : r->body) {
    if (!joined.empty()) joined.push_back('\n');
    joined += b.text;
    for (const text_span& s : b.sentences) {
      if (s.offset + s.length > b.text.size()) return "sentence span outside its block";
    }
  }
  if (joined != r->text) return "text is not the blocks joined";
  const std::string json = to_json(*r);
  if (decode::check_utf8(json).invalid != 0) return "JSON output is not valid UTF-8";
  if (decode::check_utf8(to_markdown(*r)).invalid != 0) return "Markdown is not valid UTF-8";
  return {};
}

}  // namespace newsx::testing

#endif  // NEWSX_TESTS_INVARIANTS_HPP
