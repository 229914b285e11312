// WARC input: archives built here, plain and gzip-compressed per record.
#include <doctest/doctest.h>
#include <zlib.h>

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
