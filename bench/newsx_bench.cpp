// newsx_bench: throughput of gumbo alone (the floor) against the full newsx
// extraction, in one process, on one core, over the same documents in memory.
//
//   newsx_bench [--rounds N] [--repeat K] PATH...
//
// PATH is a file or a directory (.html .htm .md .txt files inside, recursively).
// --repeat K feeds every document K times per round (for small inputs such as
// a single post). Each mode runs N rounds (default 5); the median round is
// reported as pages/s and MB/s, with the ratio to gumbo alone and the peak RSS.
#include <gumbo.h>
#include <newsx/newsx.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> load(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        const auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".html" || ext == ".htm" || ext == ".md" || ext == ".txt"))
          files.push_back(e.path());
      }
    } else {
      files.emplace_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    docs.push_back(s.str());
  }
  return docs;
}

/// The floor: gumbo's parse plus one iterative walk over every node.
std::size_t gumbo_parse_and_walk(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::size_t nodes = 0;
  std::vector<const GumboNode*> stack{out->document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    ++nodes;
    const GumboVector* kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                              : (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
                                  ? &n->v.element.children
                                  : nullptr;
    if (kids == nullptr) continue;
    for (unsigned i = 0; i < kids->length; ++i) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return nodes;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  int repeat = 1;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: newsx_bench [--rounds N] [--repeat K] PATH...\n");
    return 2;
  }
  const std::vector<std::string> docs = load(paths);
  if (docs.empty()) {
    std::fprintf(stderr, "newsx_bench: no documents\n");
    return 1;
  }
  std::size_t bytes = 0;
  std::size_t largest = 0;
  for (const auto& d : docs) {
    bytes += d.size();
    largest = std::max(largest, d.size());
  }
  const double pages = static_cast<double>(docs.size()) * repeat;
  const double mb = static_cast<double>(bytes) * repeat / 1e6;
  std::printf("%zu documents x %d, %.2f MB per round, largest %.2f MB, %d rounds, median reported\n",
              docs.size(), repeat, mb, static_cast<double>(largest) / 1e6, rounds);

  std::size_t sink = 0;
  auto time_mode = [&](const std::function<void(const std::string&)>& f) {
    std::vector<double> secs;
    for (int r = 0; r < rounds; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      for (int k = 0; k < repeat; ++k) {
        for (const auto& d : docs) f(d);
      }
      secs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return median(secs);
  };

  const double gumbo_s = time_mode([&](const std::string& d) { sink += gumbo_parse_and_walk(d); });
  const double gumbo_rss = peak_rss_mb();
  std::printf("%-28s %9.1f pages/s %8.1f MB/s   1.00x   peak RSS %.1f MB\n", "gumbo parse + walk",
              pages / gumbo_s, mb / gumbo_s, gumbo_rss);

  struct variant {
    const char* name;
    bool prescan;
    bool sentences;
  };
  for (const variant v : {variant{"newsx extract", true, true},
                          variant{"newsx, no sentences", true, false},
                          variant{"newsx, no pre-scan", false, true}}) {
    newsx::options o;
    o.prescan = v.prescan;
    o.sentences = v.sentences;
    newsx::extractor ex(o);
    std::size_t failed = 0;
    const double s = time_mode([&](const std::string& d) {
      auto r = ex.extract(d);
      if (r) sink += r->text.size();
      else ++failed;
    });
    std::printf("%-28s %9.1f pages/s %8.1f MB/s   %.2fx   peak RSS %.1f MB%s\n", v.name, pages / s,
                mb / s, gumbo_s / s, peak_rss_mb(),
                failed != 0 ? "  (some inputs refused)" : "");
  }
  return sink == 0 ? 1 : 0;
}
