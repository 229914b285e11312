// Fails when a string or character literal with a CJK ideograph appears in
// the given sources: vocabularies live in src/lexicon/, not in the rules.
// Comments may quote examples freely.
//   lexicon_check FILE...   (exit 1 and one line per literal found)
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

/// True when s holds a code point of a CJK ideograph block.
bool has_ideograph(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xE0 && b < 0xF0 && i + 2 < s.size()) {
      const char32_t cp = (char32_t{b & 0x0Fu} << 12) |
                          (char32_t{static_cast<unsigned char>(s[i + 1]) & 0x3Fu} << 6) |
                          char32_t{static_cast<unsigned char>(s[i + 2]) & 0x3Fu};
      if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
          (cp >= 0xF900 && cp <= 0xFAFF)) {
        return true;
      }
      i += 3;
    } else {
      ++i;
    }
  }
  return false;
}

/// Scans one file with a small lexer (comments, string and char literals,
/// raw strings not used in newsx); returns the number of offending literals.
int check(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", path);
    return 1;
  }
  const std::string src((std::istreambuf_iterator<char>(in)), {});
  int found = 0;
  int line = 1;
  for (std::size_t i = 0; i < src.size(); ++i) {
    const char c = src[i];
    if (c == '\n') {
      ++line;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
      while (i < src.size() && src[i] != '\n') ++i;
      ++line;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
      const std::size_t end = src.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? src.size() : end + 2;
      for (std::size_t k = i; k < stop; ++k) line += src[k] == '\n';
      i = stop - 1;
    } else if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < src.size() && src[j] != c && src[j] != '\n') j += src[j] == '\\' ? 2 : 1;
      const std::string_view literal(src.data() + i, std::min(j + 1, src.size()) - i);
      if (has_ideograph(literal)) {
        std::printf("%s:%d: vocabulary literal outside src/lexicon/: %.*s\n", path, line,
                    static_cast<int>(literal.size()), literal.data());
        ++found;
      }
      i = j;
    }
  }
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  int found = 0;
  for (int k = 1; k < argc; ++k) found += check(argv[k]);
  std::printf("%d vocabulary literal(s) outside src/lexicon/ in %d file(s)\n", found, argc - 1);
  return found == 0 ? 0 : 1;
}
