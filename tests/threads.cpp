// Eight threads extract every fixture at once, each with its own extractor,
// and must agree with a single-threaded run. Built with ThreadSanitizer
// (NEWSX_SANITIZE_THREAD=ON) this is the data-race check for embedding newsx
// in a multi-threaded crawler.
#include <newsx/newsx.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path root = argc > 1 ? argv[1] : NEWSX_FIXTURES;
  std::vector<std::string> inputs;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() == ".json") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    inputs.push_back(s.str());
  }
  if (inputs.size() < 5) {
    std::fprintf(stderr, "threads: too few fixtures under %s\n", root.c_str());
    return 1;
  }
  // Shared immutable state: the inputs and the expected answers.
  std::vector<std::string> expected;
  {
    newsx::extractor ex;
    for (const auto& in : inputs) {
      auto r = ex.extract(in);
      expected.push_back(r ? newsx::to_json(*r) : std::string(newsx::error_name(r.error().code)));
    }
  }
  constexpr int threads = 8;
  constexpr int rounds = 3;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      newsx::extractor ex;
      for (int round = 0; round < rounds; ++round) {
        for (std::size_t k = 0; k < inputs.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t)) % inputs.size();  // different orders
          auto r = ex.extract(inputs[i]);
          const std::string got = r ? newsx::to_json(*r) : std::string(newsx::error_name(r.error().code));
          if (got != expected[i]) ++mismatches;
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  std::printf("threads: %d threads x %d rounds x %zu documents, %d mismatches\n", threads, rounds,
              inputs.size(), mismatches.load());
  return mismatches == 0 ? 0 : 1;
}
