// Golden tests: every input under fixtures/ with an expected X.json beside it
// must extract to exactly that JSON. Refresh with tests/update-golden.sh and
// review the diff by eye.
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("golden fixtures") {
  std::vector<fs::path> inputs;
  for (const auto& e : fs::recursive_directory_iterator(NEWSX_FIXTURES)) {
    if (!e.is_regular_file() || e.path().extension() == ".json") continue;
    fs::path expected = e.path();
    expected.replace_extension(".json");
    if (fs::exists(expected)) inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 5);
  newsx::extractor ex;
  for (const fs::path& in : inputs) {
    CAPTURE(in.string());
    fs::path expected = in;
    expected.replace_extension(".json");
    auto r = ex.extract(slurp(in));
    REQUIRE(r);
    CHECK(newsx::to_json(*r) + "\n" == slurp(expected));
  }
}
