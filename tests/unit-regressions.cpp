// Every input in tests/regressions/ once broke newsx (most were found by the
// fuzzers); each must now extract with the fuzz target's invariants intact.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "invariants.hpp"

namespace fs = std::filesystem;

TEST_CASE("regression inputs") {
  newsx::options o;  // the fuzz target's limits
  o.max_input_bytes = 1 << 20;
  o.max_depth = 400;
  newsx::extractor ex(o);
  int n = 0;
  for (const auto& e : fs::directory_iterator(NEWSX_REGRESSIONS)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    CAPTURE(e.path().filename().string());
    CHECK(newsx::testing::invariant_violation(ex.extract(s.str())) == "");
    ++n;
  }
  CHECK(n >= 1);
}
