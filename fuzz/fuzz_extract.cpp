// libFuzzer target: the whole extraction entry point, checked against the
// invariants every caller relies on (tests/invariants.hpp).
#include <newsx/newsx.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "invariants.hpp"

namespace {
newsx::options fuzz_options() {
  newsx::options o;
  o.max_input_bytes = 1 << 20;
  o.max_depth = 400;
  return o;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One extractor for the whole run, as a crawler keeps one: reuse is tested too.
  static newsx::extractor ex(fuzz_options());
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string why = newsx::testing::invariant_violation(ex.extract(input));
  if (!why.empty()) {
    std::fprintf(stderr, "invariant violated: %s\n", why.c_str());
    std::abort();
  }
  return 0;
}
