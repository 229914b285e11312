// newsx/result.hpp - errors as values: newsx::error and newsx::result<T>.
#ifndef NEWSX_RESULT_HPP
#define NEWSX_RESULT_HPP

#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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
  too_many_nodes,     ///< more elements and text runs than options::max_nodes
  out_of_memory,      ///< the parse needed more than options::max_parse_bytes, or the system refused memory
  damaged_record,     ///< a WARC record (or its gzip member, zstd frame) that cannot be read
};

/// The snake_case name of a code, e.g. "binary_input".
[[nodiscard]] NEWSX_API std::string_view error_name(error_code code) noexcept;

/// An error code plus a human-readable message that names the cause.
struct error {
  error_code code = error_code::internal;
  std::string message;
};

namespace detail {
/// value() on an error: prints the error to stderr and aborts. newsx throws
/// nothing across its API, so a checked access cannot throw either.
[[noreturn]] inline void bad_result_access(const error& e) noexcept {
  const std::string_view name = error_name(e.code);
  std::fputs("newsx::result::value() called on an error: ", stderr);
  std::fwrite(name.data(), 1, name.size(), stderr);
  std::fputs(": ", stderr);
  std::fwrite(e.message.data(), 1, e.message.size(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
  std::abort();
}
}  // namespace detail

/// Either a T or an error. Never throws; check with `if (r)` before `*r`.
///
/// - `*r` and `r->` are unchecked: check first (debug builds assert).
/// - `r.value()` is checked: on an error it prints
///   "newsx::result::value() called on an error: <error_name>: <message>"
///   to stderr and calls std::abort() - a bug in the caller, never thrown.
/// - `r.value_or(fallback)` is the value, or the fallback on an error.
/// - `r.error()` is the error, or {error_code::ok, ""} when there is a value.
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  result(newsx::error err) : state_(std::in_place_index<1>, std::move(err)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] explicit operator bool() const noexcept { return state_.index() == 0; }
  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }

  // Unchecked access: undefined behaviour on an error.
  [[nodiscard]] T& operator*() & noexcept {
    assert(has_value() && "newsx::result: operator* on an error");
    return *std::get_if<0>(&state_);
  }
  [[nodiscard]] const T& operator*() const& noexcept {
    assert(has_value() && "newsx::result: operator* on an error");
    return *std::get_if<0>(&state_);
  }
  [[nodiscard]] T&& operator*() && noexcept {
    assert(has_value() && "newsx::result: operator* on an error");
    return std::move(*std::get_if<0>(&state_));
  }
  [[nodiscard]] T* operator->() noexcept {
    assert(has_value() && "newsx::result: operator-> on an error");
    return std::get_if<0>(&state_);
  }
  [[nodiscard]] const T* operator->() const noexcept {
    assert(has_value() && "newsx::result: operator-> on an error");
    return std::get_if<0>(&state_);
  }

  // Checked access: aborts with the error on stderr (see above).
  [[nodiscard]] T& value() & noexcept {
    if (!has_value()) detail::bad_result_access(*std::get_if<1>(&state_));
    return *std::get_if<0>(&state_);
  }
  [[nodiscard]] const T& value() const& noexcept {
    if (!has_value()) detail::bad_result_access(*std::get_if<1>(&state_));
    return *std::get_if<0>(&state_);
  }
  [[nodiscard]] T&& value() && noexcept {
    if (!has_value()) detail::bad_result_access(*std::get_if<1>(&state_));
    return std::move(*std::get_if<0>(&state_));
  }

  /// The value, or fallback converted to T when the result holds an error
  /// (`r.value_or({})` is the value or a default T).
  template <class U = T>
  [[nodiscard]] T value_or(U&& fallback) const& {
    if (has_value()) return *std::get_if<0>(&state_);
    return static_cast<T>(std::forward<U>(fallback));
  }
  template <class U = T>
  [[nodiscard]] T value_or(U&& fallback) && {
    if (has_value()) return std::move(*std::get_if<0>(&state_));
    return static_cast<T>(std::forward<U>(fallback));
  }

  /// The error; only meaningful when the result holds no value.
  [[nodiscard]] const newsx::error& error() const noexcept {
    static const newsx::error none{error_code::ok, {}};
    const auto* e = std::get_if<1>(&state_);
    return e != nullptr ? *e : none;
  }

 private:
  std::variant<T, newsx::error> state_;
};

/// Success or an error, for operations that produce nothing else:
/// `return {};` on success, `return error{...};` on failure.
template <>
class [[nodiscard]] result<void> {
 public:
  result() = default;
  result(newsx::error err) : error_(std::move(err)), failed_(true) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] explicit operator bool() const noexcept { return !failed_; }
  [[nodiscard]] bool has_value() const noexcept { return !failed_; }
  /// Checked like result<T>::value(): aborts with the error on stderr.
  void value() const noexcept {
    if (failed_) detail::bad_result_access(error_);
  }
  [[nodiscard]] const newsx::error& error() const noexcept { return error_; }

 private:
  newsx::error error_{error_code::ok, {}};
  bool failed_ = false;
};

}  // namespace newsx

#endif  // NEWSX_RESULT_HPP
