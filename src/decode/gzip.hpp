// The decode stage: gzip and zlib streams (HTTP bodies, .gz inputs).
#ifndef NEWSX_DECODE_GZIP_HPP
#define NEWSX_DECODE_GZIP_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "newsx/result.hpp"

namespace newsx::decode {

/// Inflates gzip or zlib data (auto-detected, concatenated gzip members
/// included) into out, refusing to produce more than max bytes; the value is
/// out.size(). A truncated or damaged stream keeps what decompressed, and
/// *warning (when given) says so; empty when the stream was whole. The errors are the
/// extractor's for a gzip input: error_code::input_too_large ("gzip input
/// inflates past the limit of <max> bytes") and error_code::binary_input
/// ("input is not text: damaged gzip data", also when nothing inflates).
result<std::size_t> inflate_all(std::string_view in, std::size_t max, std::string& out,
                                std::string* warning = nullptr);

/// True when bytes start with the gzip magic number.
[[nodiscard]] inline bool is_gzip(std::string_view bytes) noexcept {
  return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b';
}

}  // namespace newsx::decode

#endif  // NEWSX_DECODE_GZIP_HPP
