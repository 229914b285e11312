// value() on a result that holds an error must print the error and abort.
// tests/expect_abort.cmake runs this once per overload (lvalue, const, rvalue)
// and checks both the abnormal end and the message on stderr.
#include <newsx/result.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

int main(int argc, char** argv) {
  const std::string_view how = argc > 1 ? argv[1] : "lvalue";
  newsx::result<std::string> ok = std::string("text");
  if (ok.value() != "text") return 3;  // a value is returned, not an abort
  newsx::result<std::string> bad =
      newsx::error{newsx::error_code::binary_input, "input is not text: a PNG image"};
  std::string got;
  if (how == "lvalue") {
    got = bad.value();
  } else if (how == "const") {
    got = std::as_const(bad).value();
  } else if (how == "rvalue") {
    got = std::move(bad).value();
  } else {
    std::fprintf(stderr, "usage: result_abort lvalue|const|rvalue\n");
    return 2;
  }
  // only reached when value() returned on an error
  std::printf("value() returned '%s'\n", got.c_str());
  return 0;
}
