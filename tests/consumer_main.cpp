// Built against an installed newsx by tests/consumer*: the public API works
// from outside the source tree.
#include <newsx/newsx.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  const std::string input(std::istreambuf_iterator<char>(in), {});
  newsx::extractor ex;
  const newsx::result<newsx::article> r = ex.extract(input);
  if (!r || r->stock_codes.empty()) return 1;
  // the WARC reader too, so that a static newsx proves its zlib and zstd link
  newsx::warc_reader warc;
  newsx::warc_record rec;
  if (!warc.open(argv[1]) || warc.compression() != "plain" ||
      warc.next(rec) != newsx::warc_reader::status::error) {
    return 1;
  }
  std::printf("newsx %.*s: %s %s\n", static_cast<int>(newsx::version().size()),
              newsx::version().data(), r->stock_codes[0].symbol.c_str(),
              r->stock_codes[0].exchange.value_or("?").c_str());
  return 0;
}
