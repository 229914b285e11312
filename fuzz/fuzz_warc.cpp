// libFuzzer target: the WARC reader, over the input as it is (plain, or
// gzip/zstd when it starts like them) and the same bytes wrapped in gzip
// members and zstd frames, so that damaged records inside good compression
// are reached too. Whatever the bytes: every call returns, the reader makes
// progress, a kept payload stays within the limit, and it ends.
#include <newsx/newsx.hpp>
#include <zlib.h>
#include <zstd.h>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::size_t max_record = 1 << 16;

std::string gzip_member(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string zstd_frame(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1);
  if (ZSTD_isError(n) != 0) std::abort();
  out.resize(n);
  return out;
}

/// The input cut before each "WARC/", one gzip member or zstd frame a piece,
/// as crawlers write them.
template <class Wrap>
std::string per_record(std::string_view in, Wrap wrap) {
  std::string out;
  std::size_t from = 0;
  while (from < in.size()) {
    std::size_t next = in.find("WARC/", from + 1);
    if (next == std::string_view::npos) next = in.size();
    out += wrap(in.substr(from, next - from));
    from = next;
  }
  return out;
}

void read_archive(const std::string& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) std::abort();
  std::fclose(f);
  newsx::warc_reader reader(max_record);
  if (!reader.open(path)) std::abort();
  newsx::warc_record rec;
  // Each record or error takes at least one byte of the archive (after
  // decompression, which is bounded by the formats' own ratios).
  const std::size_t bound = 64 + bytes.size() * 8 + (std::size_t{1} << 16);
  for (std::size_t calls = 0;; ++calls) {
    if (calls > bound) {
      std::fprintf(stderr, "warc_reader made no progress after %zu calls\n", calls);
      std::abort();
    }
    const newsx::warc_reader::status st = reader.next(rec);
    if (st == newsx::warc_reader::status::end) break;
    if (st == newsx::warc_reader::status::error) {
      if (reader.error().empty() || reader.error_kind() == newsx::error_code::ok) std::abort();
      continue;
    }
    if (rec.payload.size() > max_record) std::abort();
    if (rec.truncated && !rec.payload.empty()) std::abort();
  }
  if (reader.next(rec) != newsx::warc_reader::status::end) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // the reader takes a path: a file in memory when there is /dev/shm
  static const std::string path = std::string(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                                  "/newsx-fuzz-warc-" + std::to_string(getpid());
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  read_archive(path, in);
  const bool compressed = size >= 2 && (data[0] == 0x1f || data[0] == 0x28);
  if (!compressed) {
    read_archive(path, per_record(in, gzip_member));
    read_archive(path, per_record(in, zstd_frame));
  }
  return 0;
}
