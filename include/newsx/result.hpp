// newsx/result.hpp - errors as values: newsx::error and newsx::result<T>.
#ifndef NEWSX_RESULT_HPP
#define NEWSX_RESULT_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "newsx/export.hpp"

namespace newsx {

/// Why an extraction failed. Stable names, see error_name().
enum class error_code : std::uint8_t {
  ok = 0,
  empty_input,        ///< nothing but whitespace
  input_too_large,    ///< more bytes than options::max_input_bytes
  binary_input,       ///< NUL bytes or control characters: not text
  unsupported_charset,///< a charset ICU cannot decode
  too_deep,           ///< element nesting beyond options::max_depth
  parse_failed,       ///< the HTML parser gave up
  output_too_large,   ///< reserved: over-long bodies are truncated with a warning
  read_failed,        ///< the input could not be read (reported by tools, not the library)
  internal,           ///< a bug in newsx; please report it
  invalid_options,    ///< an options value out of its range (see extractor::create)
};

/// The snake_case name of a code, e.g. "binary_input".
[[nodiscard]] NEWSX_API std::string_view error_name(error_code code) noexcept;

/// An error code plus a human-readable message that names the cause.
struct error {
  error_code code = error_code::internal;
  std::string message;
};

/// Either a T or an error. Never throws; check with `if (r)` before `*r`.
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  result(newsx::error err) : state_(std::in_place_index<1>, std::move(err)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] explicit operator bool() const noexcept { return state_.index() == 0; }
  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }

  [[nodiscard]] T& operator*() & noexcept { return *std::get_if<0>(&state_); }
  [[nodiscard]] const T& operator*() const& noexcept { return *std::get_if<0>(&state_); }
  [[nodiscard]] T&& operator*() && noexcept { return std::move(*std::get_if<0>(&state_)); }
  [[nodiscard]] T* operator->() noexcept { return std::get_if<0>(&state_); }
  [[nodiscard]] const T* operator->() const noexcept { return std::get_if<0>(&state_); }
  [[nodiscard]] T& value() & noexcept { return **this; }
  [[nodiscard]] const T& value() const& noexcept { return **this; }

  /// The error; only meaningful when the result holds no value.
  [[nodiscard]] const newsx::error& error() const noexcept {
    static const newsx::error none{error_code::ok, {}};
    const auto* e = std::get_if<1>(&state_);
    return e != nullptr ? *e : none;
  }

 private:
  std::variant<T, newsx::error> state_;
};

}  // namespace newsx

#endif  // NEWSX_RESULT_HPP
