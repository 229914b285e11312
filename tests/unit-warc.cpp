// WARC input: archives built here, plain and gzip-compressed per record.
#include <doctest/doctest.h>
#include <zlib.h>
#include <zstd.h>

#include <newsx/newsx.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "transcode.hpp"

namespace fs = std::filesystem;

namespace {

std::string record(const std::string& type, const std::string& uri, const std::string& id,
                   const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: " + id +
                  "\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
       "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string to_gbk(const std::string& utf8) { return newsx::testing::encode(utf8, "GB18030"); }

const std::string k_page =
    "<html><head><title>央行开展逆回购操作_示例网</title></head><body><h1>央行开展逆回购操作</h1>"
    "<p>中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变。市场人士认为流动性将保持合理充裕。</p>"
    "<p>分析人士指出，短期资金面有望保持平稳，债券市场情绪稳定，利率波动有限。</p></body></html>";

std::vector<std::string> records() {
  const std::string gbk_page = to_gbk(k_page);
  std::string chunked_gzip;
  {
    const std::string z = gzip(k_page);
    char size[32];
    const std::string first = z.substr(0, z.size() / 2);
    std::snprintf(size, sizeof size, "%zx", first.size());
    chunked_gzip = std::string(size) + "\r\n" + first + "\r\n";
    const std::string rest = z.substr(first.size());
    std::snprintf(size, sizeof size, "%zx", rest.size());
    chunked_gzip += std::string(size) + "\r\n" + rest + "\r\n0\r\n\r\n";
  }
  return {
      record("warcinfo", "", "<urn:uuid:0>", "application/warc-fields", "software: test\r\n"),
      record("request", "http://example.com/a", "<urn:uuid:1>", "application/http; msgtype=request",
             "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"),
      record("response", "http://example.com/a", "<urn:uuid:2>", "application/http; msgtype=response",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\n\r\n" + gbk_page),
      record("response", "http://example.com/logo.png", "<urn:uuid:3>",
             "application/http; msgtype=response",
             "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG..."),
      record("response", "http://example.com/b", "<urn:uuid:4>", "application/http; msgtype=response",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
             "Content-Encoding: gzip\r\n\r\n" + chunked_gzip),
  };
}

fs::path write_archive(const std::string& name, bool compressed) {
  const fs::path p = fs::temp_directory_path() / name;
  std::ofstream out(p, std::ios::binary);
  for (const std::string& r : records()) out << (compressed ? gzip(r) : r);
  return p;
}

void check_archive(const fs::path& p) {
  newsx::warc_reader reader;
  REQUIRE(reader.open(p.string()));
  newsx::warc_record rec;
  std::vector<newsx::warc_record> got;
  while (reader.next(rec) == newsx::warc_reader::status::record) got.push_back(rec);
  CHECK(reader.error().empty());
  REQUIRE(got.size() == 5);
  CHECK(got[0].type == "warcinfo");
  CHECK_FALSE(got[1].is_html_response());
  CHECK(got[2].is_html_response());
  CHECK(got[2].http_status == 200);
  CHECK(got[2].charset == "gbk");
  CHECK(got[2].record_id == "<urn:uuid:2>");
  CHECK_FALSE(got[3].is_html_response());
  CHECK(got[4].is_html_response());
  CHECK(got[4].payload == k_page);  // de-chunked and gunzipped

  // The GBK page extracts with the HTTP charset and the record's URL.
  newsx::extractor ex;
  newsx::document_hints hints;
  hints.url = got[2].target_uri;
  hints.charset = got[2].charset;
  auto r = ex.extract(got[2].payload, hints);
  REQUIRE(r);
  CHECK(r->charset == "GB18030");
  CHECK(r->title.value_or("") == "央行开展逆回购操作");
  CHECK(r->url.value_or("") == "http://example.com/a");
  CHECK(r->text.find("中国人民银行今日开展") != std::string::npos);
}

}  // namespace

TEST_CASE("WARC: plain archive") { check_archive(write_archive("newsx-test.warc", false)); }

TEST_CASE("WARC: one gzip member per record") {
  check_archive(write_archive("newsx-test.warc.gz", true));
}

TEST_CASE("WARC: damaged and foreign files are errors, not crashes") {
  const fs::path cut = fs::temp_directory_path() / "newsx-cut.warc";
  {
    std::string all;
    for (const std::string& r : records()) all += r;
    std::ofstream(cut, std::ios::binary) << all.substr(0, all.size() - 200);
  }
  newsx::warc_reader reader;
  REQUIRE(reader.open(cut.string()));
  newsx::warc_record rec;
  newsx::warc_reader::status st;
  int n = 0;
  while ((st = reader.next(rec)) == newsx::warc_reader::status::record) ++n;
  CHECK(n == 4);
  CHECK(st == newsx::warc_reader::status::error);
  CHECK(reader.error().find("ends early") != std::string::npos);

  const fs::path html = fs::temp_directory_path() / "newsx-not-warc.html";
  std::ofstream(html) << "<html></html>";
  newsx::warc_reader r2;
  REQUIRE(r2.open(html.string()));
  CHECK(r2.next(rec) == newsx::warc_reader::status::error);
  CHECK(r2.error().find("not a WARC record") != std::string::npos);

  newsx::warc_reader r3;
  CHECK_FALSE(r3.open("/nonexistent/x.warc"));
  CHECK_FALSE(r3.error().empty());
}

TEST_CASE("WARC: records over the limit are skipped, not loaded") {
  newsx::warc_reader reader(100);  // bytes
  REQUIRE(reader.open(write_archive("newsx-small.warc", false).string()));
  newsx::warc_record rec;
  std::vector<std::string> truncated;
  int records = 0;
  while (reader.next(rec) == newsx::warc_reader::status::record) {
    ++records;
    if (rec.truncated) truncated.push_back(rec.record_id);
  }
  CHECK(records == 5);  // reading goes on past the skipped ones
  // the two HTML responses are over 100 bytes; warcinfo, request and the
  // short image response are not
  CHECK(truncated == std::vector<std::string>{"<urn:uuid:2>", "<urn:uuid:4>"});
}

// ---------------------------------------------------------------------------
// Resynchronisation: five HTML responses, one of them broken in one way, in
// every position and every container. The other four must come out, and one
// error for the broken one, at its offset.

namespace {

std::string zstd_frame(const std::string& data) {
  ZSTD_CCtx* cx = ZSTD_createCCtx();
  REQUIRE(cx != nullptr);
  ZSTD_CCtx_setParameter(cx, ZSTD_c_checksumFlag, 1);  // so that a flipped byte is caught
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress2(cx, out.data(), out.size(), data.data(), data.size());
  ZSTD_freeCCtx(cx);
  REQUIRE(ZSTD_isError(n) == 0);
  out.resize(n);
  return out;
}

std::string story_page(int n) {
  return "<html><head><title>Harbour report " + std::to_string(n) +
         "</title></head><body><h1>Harbour report " + std::to_string(n) +
         "</h1><p>The port authority said container traffic rose for the " + std::to_string(n + 2) +
         "th month in a row, as shipping lines added calls and warehouses near the quay filled up "
         "ahead of the holiday season.</p><p>Officials expect the new berth to open next spring, "
         "which should shorten waiting times for the larger vessels that now anchor offshore.</p>"
         "</body></html>\n";
}

std::string story_record(int n, const std::string& length_override = {}) {
  const std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + story_page(n);
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/harbour/" +
         std::to_string(n) + "\r\nWARC-Record-ID: <urn:uuid:rec-" + std::to_string(n) +
         ">\r\nWARC-Date: 2024-06-0" + std::to_string(n + 1) +
         "T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         (length_override.empty() ? std::to_string(block.size()) : length_override) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string lf_only(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out.push_back(s[i]);
  }
  return out;
}

enum class container { plain, gzip_per_record, gzip_whole, zstd_per_record, zstd_whole };
constexpr container all_containers[] = {container::plain, container::gzip_per_record, container::gzip_whole,
                                        container::zstd_per_record, container::zstd_whole};

const char* name_of(container c) {
  switch (c) {
    case container::plain: return "plain";
    case container::gzip_per_record: return "gzip per record";
    case container::gzip_whole: return "gzip whole file";
    case container::zstd_per_record: return "zstd per record";
    case container::zstd_whole: return "zstd whole file";
  }
  return "?";
}

/// The archive's bytes and where each record starts in them.
struct archive {
  std::string bytes;
  std::vector<std::uint64_t> offsets;
};

archive pack(const std::vector<std::string>& recs, container c) {
  archive a;
  std::string all;
  for (const std::string& r : recs) {
    a.offsets.push_back(c == container::plain ? all.size() : a.bytes.size());
    all += r;
    if (c == container::gzip_per_record) a.bytes += gzip(r);
    if (c == container::zstd_per_record) a.bytes += zstd_frame(r);
  }
  if (c == container::plain) a.bytes = all;
  if (c == container::gzip_whole) a.bytes = gzip(all);
  if (c == container::zstd_whole) a.bytes = zstd_frame(all);
  if (c == container::gzip_whole || c == container::zstd_whole) a.offsets.assign(recs.size(), 0);
  return a;
}

struct reading {
  std::vector<std::string> titles;
  std::vector<std::string> errors;
  std::vector<std::uint64_t> error_offsets;
  std::string compression;
};

reading read_all(const std::string& bytes, const std::string& name, std::size_t max = std::size_t{64} << 20) {
  const fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  newsx::warc_reader reader(max);
  REQUIRE(reader.open(p.string()));
  newsx::extractor ex;
  reading out;
  out.compression = std::string(reader.compression());
  newsx::warc_record rec;
  for (int guard = 0; guard < 100; ++guard) {
    const newsx::warc_reader::status st = reader.next(rec);
    if (st == newsx::warc_reader::status::end) break;
    if (st == newsx::warc_reader::status::error) {
      out.errors.push_back(reader.error());
      out.error_offsets.push_back(reader.error_offset());
      CHECK(reader.error_kind() != newsx::error_code::ok);
      continue;
    }
    if (!rec.is_html_response()) continue;
    newsx::document_hints hints;
    hints.url = rec.target_uri;
    hints.charset = rec.charset;
    auto r = ex.extract(rec.payload, hints);
    REQUIRE(r);
    out.titles.push_back(r->title.value_or(""));
  }
  return out;
}

std::vector<std::string> titles_but(int broken) {
  std::vector<std::string> t;
  for (int n = 0; n < 5; ++n) {
    if (n != broken) t.push_back("Harbour report " + std::to_string(n));
  }
  return t;
}

using breaker = std::string (*)(int n);

/// Each of the five positions broken in turn, in every container.
void check_breakage(const char* how, breaker brk, const char* message_part,
                    const std::vector<container>& containers = {std::begin(all_containers),
                                                                std::end(all_containers)}) {
  for (container c : containers) {
    for (int broken = 0; broken < 5; ++broken) {
      CAPTURE(how);
      CAPTURE(name_of(c));
      CAPTURE(broken);
      std::vector<std::string> recs;
      for (int n = 0; n < 5; ++n) recs.push_back(n == broken ? brk(n) : story_record(n));
      const archive a = pack(recs, c);
      const reading got = read_all(a.bytes, "newsx-resync.warc");
      CHECK(got.titles == titles_but(broken));
      REQUIRE(got.errors.size() == 1);
      CHECK(got.errors[0].find(message_part) != std::string::npos);
      CHECK(got.error_offsets[0] == a.offsets[static_cast<std::size_t>(broken)]);
    }
  }
}

std::size_t block_size(int n) {
  return ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + story_page(n)).size();
}

}  // namespace

TEST_CASE("WARC resync: Content-Length too short") {
  check_breakage("too short", [](int n) { return story_record(n, std::to_string(block_size(n) - 40)); },
                 "does not end the record");
}

TEST_CASE("WARC resync: Content-Length too long") {
  check_breakage("too long", [](int n) { return story_record(n, std::to_string(block_size(n) + 37)); },
                 "Content-Length");
}

TEST_CASE("WARC resync: Content-Length -1") {
  check_breakage("-1", [](int n) { return story_record(n, "-1"); }, "Content-Length '-1' is not a length");
}

TEST_CASE("WARC resync: Content-Length 0x10") {
  check_breakage("0x10", [](int n) { return story_record(n, "0x10"); }, "Content-Length '0x10' is not a length");
}

TEST_CASE("WARC resync: no Content-Length") {
  check_breakage("none", [](int n) {
    std::string r = story_record(n);
    const std::size_t at = r.find("Content-Length:");
    r.replace(at, 15, "Content-Lngth:");
    return r;
  }, "has no Content-Length");
}

TEST_CASE("WARC resync: line ends converted to LF shift every length") {
  check_breakage("converted", [](int n) { return lf_only(story_record(n)); }, "end in LF, not CRLF");
}

TEST_CASE("WARC: LF-only header lines are read when the length holds") {
  for (container c : all_containers) {
    CAPTURE(name_of(c));
    std::vector<std::string> recs;
    for (int n = 0; n < 5; ++n) recs.push_back(story_record(n));
    // record 2 written with LF line ends throughout, its length counted on them
    const std::string block = "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n" + story_page(2);
    recs[2] = "WARC/1.1\nWARC-Type: response\nWARC-Target-URI: http://example.com/harbour/2\n"
              "WARC-Record-ID: <urn:uuid:rec-2>\nContent-Length: " + std::to_string(block.size()) + "\n\n" +
              block + "\n\n";
    const reading got = read_all(pack(recs, c).bytes, "newsx-lf.warc");
    CHECK(got.errors.empty());
    CHECK(got.titles == titles_but(-1));
  }
}

TEST_CASE("WARC resync: junk between records") {
  check_breakage("junk", [](int n) { return "<html>stray bytes\r\n" + story_record(n).substr(3); },
                 "not a WARC record", {container::plain, container::gzip_per_record});
}

TEST_CASE("WARC resync: a damaged gzip member") {
  for (int broken = 0; broken < 5; ++broken) {
    CAPTURE(broken);
    std::string bytes;
    std::vector<std::uint64_t> offsets;
    for (int n = 0; n < 5; ++n) {
      std::string z = gzip(story_record(n));
      if (n == broken) z[z.size() / 2] = static_cast<char>(z[z.size() / 2] ^ 0x55);
      offsets.push_back(bytes.size());
      bytes += z;
    }
    const reading got = read_all(bytes, "newsx-damaged.warc.gz");
    CHECK(got.compression == "gzip");
    CHECK(got.titles == titles_but(broken));
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].find("gzip member at offset " + std::to_string(offsets[broken])) != std::string::npos);
    CHECK(got.error_offsets[0] == offsets[static_cast<std::size_t>(broken)]);
  }
}

TEST_CASE("WARC resync: a gzip member with a bad CRC, and one cut short at the end") {
  for (int broken = 0; broken < 5; ++broken) {
    CAPTURE(broken);
    std::string bytes;
    for (int n = 0; n < 5; ++n) {
      std::string z = gzip(story_record(n));
      if (n == broken) z[z.size() - 8] = static_cast<char>(z[z.size() - 8] ^ 0x01);  // the CRC-32
      bytes += z;
    }
    const reading got = read_all(bytes, "newsx-crc.warc.gz");
    CHECK(got.titles == titles_but(broken));
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].find("incorrect data check") != std::string::npos);
  }
  std::string bytes;
  for (int n = 0; n < 5; ++n) bytes += gzip(story_record(n));
  const reading cut = read_all(bytes.substr(0, bytes.size() - 30), "newsx-cut.warc.gz");
  CHECK(cut.titles == titles_but(4));
  REQUIRE(cut.errors.size() == 1);
  CHECK(cut.errors[0].find("ends early") != std::string::npos);
}

TEST_CASE("WARC resync: a damaged zstd frame") {
  for (int broken = 0; broken < 5; ++broken) {
    CAPTURE(broken);
    std::string bytes;
    std::vector<std::uint64_t> offsets;
    for (int n = 0; n < 5; ++n) {
      std::string z = zstd_frame(story_record(n));
      if (n == broken) z[z.size() / 2] = static_cast<char>(z[z.size() / 2] ^ 0x55);
      offsets.push_back(bytes.size());
      bytes += z;
    }
    const reading got = read_all(bytes, "newsx-damaged.warc.zst");
    CHECK(got.compression == "zstd");
    CHECK(got.titles == titles_but(broken));
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].find("zstd frame at offset " + std::to_string(offsets[broken])) != std::string::npos);
    CHECK(got.error_offsets[0] == offsets[static_cast<std::size_t>(broken)]);
  }
}

TEST_CASE("WARC: zstd archives, a frame per record or one for all, found by their bytes") {
  for (container c : {container::zstd_per_record, container::zstd_whole}) {
    CAPTURE(name_of(c));
    std::vector<std::string> recs;
    for (int n = 0; n < 5; ++n) recs.push_back(story_record(n));
    const archive a = pack(recs, c);
    // the name says nothing: the magic number decides
    const reading got = read_all(a.bytes, "newsx-zstd-archive.bin");
    CHECK(got.compression == "zstd");
    CHECK(got.errors.empty());
    CHECK(got.titles == titles_but(-1));
  }
  // the existing fixture records (chunked, gzip-encoded bodies) read the same from zstd
  std::string bytes;
  for (const std::string& r : records()) bytes += zstd_frame(r);
  const fs::path p = fs::temp_directory_path() / "newsx-test.warc.zst";
  std::ofstream(p, std::ios::binary) << bytes;
  check_archive(p);
}

TEST_CASE("WARC: a record over the limit keeps its HTTP head and the others are read") {
  for (container c : all_containers) {
    CAPTURE(name_of(c));
    std::vector<std::string> recs;
    for (int n = 0; n < 5; ++n) recs.push_back(story_record(n));
    const std::string big_block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>" +
                                  std::string(300000, 'x') + "</body></html>";
    recs[2] = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:big>\r\nContent-Length: " +
              std::to_string(big_block.size()) + "\r\n\r\n" + big_block + "\r\n\r\n";
    const fs::path p = fs::temp_directory_path() / "newsx-big.warc";
    std::ofstream(p, std::ios::binary) << pack(recs, c).bytes;
    newsx::warc_reader reader(100000);
    REQUIRE(reader.open(p.string()));
    newsx::warc_record rec;
    std::vector<std::string> ids;
    while (reader.next(rec) == newsx::warc_reader::status::record) {
      ids.push_back(rec.record_id);
      if (rec.record_id == "<urn:uuid:big>") {
        CHECK(rec.truncated);
        CHECK(rec.payload.empty());
        CHECK(rec.is_html_response());
        CHECK(rec.http_status == 200);
      } else {
        CHECK_FALSE(rec.truncated);
      }
    }
    CHECK(reader.error().empty());
    CHECK(ids == std::vector<std::string>{"<urn:uuid:rec-0>", "<urn:uuid:rec-1>", "<urn:uuid:big>",
                                          "<urn:uuid:rec-3>", "<urn:uuid:rec-4>"});
  }
}

TEST_CASE("WARC resync: a huge wrong Content-Length stops at the next record") {
  // over the limit and a lie: skipping it must not swallow the records after it
  check_breakage("huge", [](int n) { return story_record(n, "900000000000"); }, "runs past the next record");
}

TEST_CASE("WARC: after the end, and when nothing is open") {
  newsx::warc_reader never;
  newsx::warc_record rec;
  CHECK(never.next(rec) == newsx::warc_reader::status::error);
  CHECK(never.next(rec) == newsx::warc_reader::status::end);
  const reading got = read_all("", "newsx-empty.warc");
  CHECK(got.titles.empty());
  CHECK(got.errors.empty());
}
