#include "decode/gzip.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <utility>

namespace newsx::decode {

namespace {

enum class inflate_status { ok, too_large, corrupt };

inflate_status inflate_into(std::string_view in, std::size_t max, std::string& out, std::string& warning) {
  out.clear();
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return inflate_status::corrupt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  inflate_status status = inflate_status::ok;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const std::size_t got = sizeof buf - zs.avail_out;
    if (out.size() + got > max) {
      status = inflate_status::too_large;
      break;
    }
    out.append(buf, got);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {  // truncated: keep what there is
      warning = fmt::format("gzip input is cut short: kept the {} bytes that decompressed", out.size());
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      // a bad checksum comes after all the data: the text is whole but unverified
      warning = fmt::format("gzip input is damaged ({}): kept the {} bytes that decompressed",
                            zs.msg != nullptr ? zs.msg : "zlib error", out.size());
      status = out.empty() ? inflate_status::corrupt : inflate_status::ok;
      break;
    }
  }
  inflateEnd(&zs);
  if (status == inflate_status::ok && out.empty()) status = inflate_status::corrupt;
  return status;
}

}  // namespace

result<std::size_t> inflate_all(std::string_view in, std::size_t max, std::string& out,
                                std::string* warning) {
  std::string w;
  const inflate_status st = inflate_into(in, max, out, w);
  if (warning != nullptr) *warning = std::move(w);
  switch (st) {
    case inflate_status::ok:
      return out.size();
    case inflate_status::too_large:
      return error{error_code::input_too_large,
                   fmt::format("gzip input inflates past the limit of {} bytes", max)};
    case inflate_status::corrupt:
      break;
  }
  return error{error_code::binary_input, "input is not text: damaged gzip data"};
}

}  // namespace newsx::decode
