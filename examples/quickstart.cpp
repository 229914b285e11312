// The README's example: extract one post and print what a crawler keeps.
#include <newsx/newsx.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();

  newsx::extractor ex;  // reusable; keep one per thread
  newsx::result<newsx::article> r = ex.extract(buf.str());
  if (!r) {
    std::cerr << newsx::error_name(r.error().code) << ": " << r.error().message << '\n';
    return 1;
  }
  std::cout << r->title.value_or("(no title)") << '\n' << r->date.value_or("") << '\n';
  for (const newsx::stock_code& s : r->stock_codes)
    std::cout << s.symbol << ' ' << s.exchange.value_or("?") << ' ' << s.name.value_or("") << '\n';
  std::cout << r->body.size() << " blocks\n";
}
