// The decode stage for web archives: WARC records and their HTTP envelopes.
#include "newsx/warc.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "decode/gzip.hpp"
#include "util/text.hpp"

namespace newsx {

namespace {

std::string_view header_value(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || !util::istarts_with(line, name) || line[name.size()] != ':') {
    return {};
  }
  return util::trim_ascii(line.substr(name.size() + 1));
}

/// The charset parameter of a Content-Type value.
std::string charset_of(std::string_view content_type) {
  const std::size_t p = util::ifind(content_type, "charset=");
  if (p == std::string_view::npos) return {};
  std::string_view v = content_type.substr(p + 8);
  const std::size_t end = v.find_first_of("; \t");
  if (end != std::string_view::npos) v = v.substr(0, end);
  std::string out;
  for (char c : v) {
    if (c != '"' && c != '\'') out.push_back(c);
  }
  return out;
}

/// Undoes Transfer-Encoding: chunked; false when the chunks are malformed.
bool dechunk(std::string_view in, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t eol = in.find("\r\n", i);
    if (eol == std::string_view::npos) return false;
    std::size_t size = 0;
    std::size_t k = i;
    for (; k < eol; ++k) {
      const char c = in[k];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;  // chunk extensions (";...") end the size
      if (size > (std::size_t{1} << 40)) return false;
      size = size * 16 + static_cast<std::size_t>(d);
    }
    if (k == i) return false;
    i = eol + 2;
    if (size == 0) return true;
    if (i + size > in.size()) {
      out.append(in.substr(i));  // truncated capture: keep what there is
      return true;
    }
    out.append(in.substr(i, size));
    i += size + 2;
  }
  return true;
}

}  // namespace

bool warc_record::is_html_response() const noexcept {
  return type == "response" && (util::icontains(http_content_type, "text/html") ||
                                util::icontains(http_content_type, "application/xhtml"));
}

struct NEWSX_HIDDEN warc_reader::impl {
  gzFile file = nullptr;
  std::size_t max_record;
  std::string error;
  std::string line;
  std::string block;
  std::string scratch;

  explicit impl(std::size_t max) : max_record(max) {}
  ~impl() {
    if (file != nullptr) gzclose(file);
  }

  /// Reads one line without its CR LF; false at the end of the file.
  bool read_line() {
    line.clear();
    char buf[8192];
    while (gzgets(file, buf, sizeof buf) != nullptr) {
      line.append(buf);
      if (!line.empty() && line.back() == '\n') break;
      if (line.size() > (1U << 20)) break;  // a header line this long is junk
    }
    if (line.empty()) return false;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return true;
  }

  void parse_http(warc_record& rec) {
    const std::string_view b = block;
    const std::size_t head_end = b.find("\r\n\r\n");
    if (!util::istarts_with(b, "HTTP/") || head_end == std::string_view::npos) {
      rec.payload.assign(b);
      return;
    }
    const std::string_view head = b.substr(0, head_end);
    std::string_view body = b.substr(head_end + 4);
    const std::size_t sp = head.find(' ');
    if (sp != std::string_view::npos) rec.http_status = std::atoi(std::string(head.substr(sp + 1, 3)).c_str());
    bool chunked = false;
    bool compressed = false;
    std::size_t pos = head.find("\r\n");
    while (pos != std::string_view::npos) {
      const std::size_t next = head.find("\r\n", pos + 2);
      const std::string_view l = head.substr(pos + 2, next == std::string_view::npos ? head.npos : next - pos - 2);
      std::string_view v;
      if (!(v = header_value(l, "Content-Type")).empty()) rec.http_content_type.assign(v);
      if (!(v = header_value(l, "Transfer-Encoding")).empty()) chunked = util::icontains(v, "chunked");
      if (!(v = header_value(l, "Content-Encoding")).empty()) {
        compressed = util::icontains(v, "gzip") || util::icontains(v, "deflate");
      }
      pos = next;
    }
    rec.charset = charset_of(rec.http_content_type);
    if (chunked && dechunk(body, scratch)) {
      rec.payload.swap(scratch);
    } else {
      rec.payload.assign(body);
    }
    if (compressed && decode::inflate_all(rec.payload, max_record, scratch)) {
      rec.payload.swap(scratch);
    }
  }
};

warc_reader::warc_reader(std::size_t max_record_bytes)
    : impl_(std::make_unique<impl>(max_record_bytes)) {}
warc_reader::~warc_reader() = default;
warc_reader::warc_reader(warc_reader&&) noexcept = default;
warc_reader& warc_reader::operator=(warc_reader&&) noexcept = default;

const std::string& warc_reader::error() const noexcept { return impl_->error; }

bool warc_reader::open(const std::string& path) {
  if (impl_->file != nullptr) gzclose(impl_->file);
  impl_->file = gzopen(path.c_str(), "rb");  // reads plain files as they are
  if (impl_->file == nullptr) {
    impl_->error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  gzbuffer(impl_->file, 1 << 17);
  return true;
}

warc_reader::status warc_reader::next(warc_record& rec) {
  impl& m = *impl_;
  rec = warc_record{};
  if (m.file == nullptr) {
    m.error = "no archive is open";
    return status::error;
  }
  // Skip the blank lines between records, then expect the version line.
  do {
    if (!m.read_line()) {
      int err = Z_OK;
      const char* msg = gzerror(m.file, &err);
      if (err != Z_OK && err != Z_STREAM_END) {
        m.error = std::string("archive is damaged: ") + (msg != nullptr ? msg : "zlib error");
        return status::error;
      }
      return status::end;
    }
  } while (util::trim_ascii(m.line).empty());
  if (!util::istarts_with(m.line, "WARC/")) {
    m.error = "not a WARC record: expected 'WARC/1.x', found '" + m.line.substr(0, 40) + "'";
    return status::error;
  }
  std::size_t length = 0;
  bool have_length = false;
  while (m.read_line() && !m.line.empty()) {
    std::string_view v;
    if (!(v = header_value(m.line, "WARC-Type")).empty()) rec.type.assign(v);
    else if (!(v = header_value(m.line, "WARC-Target-URI")).empty()) rec.target_uri.assign(v);
    else if (!(v = header_value(m.line, "WARC-Record-ID")).empty()) rec.record_id.assign(v);
    else if (!(v = header_value(m.line, "WARC-Date")).empty()) rec.date.assign(v);
    else if (!(v = header_value(m.line, "Content-Length")).empty()) {
      char* end = nullptr;
      const std::string s(v);
      const unsigned long long n = std::strtoull(s.c_str(), &end, 10);
      have_length = end != s.c_str() && *end == '\0';
      length = static_cast<std::size_t>(n);
    }
  }
  if (!have_length) {
    m.error = "WARC record " + rec.record_id + " has no Content-Length";
    return status::error;
  }
  // The block, or past it when it is larger than we keep.
  m.block.clear();
  const bool keep = length <= m.max_record;
  if (keep) m.block.resize(length);
  std::size_t done = 0;
  char sink[1 << 15];
  while (done < length) {
    const std::size_t want = std::min<std::size_t>(length - done, 1U << 30);
    const int got = keep ? gzread(m.file, m.block.data() + done, static_cast<unsigned>(want))
                         : gzread(m.file, sink, static_cast<unsigned>(std::min(want, sizeof sink)));
    if (got <= 0) {
      m.error = "WARC record " + rec.record_id + " ends early";
      return status::error;
    }
    done += static_cast<std::size_t>(got);
  }
  if (!keep) {
    rec.truncated = true;
    return status::record;
  }
  // Target URIs are sometimes written <in angle brackets> (WARC 1.0 drafts).
  if (rec.target_uri.size() > 2 && rec.target_uri.front() == '<' && rec.target_uri.back() == '>') {
    rec.target_uri = rec.target_uri.substr(1, rec.target_uri.size() - 2);
  }
  if (rec.type == "response") {
    m.parse_http(rec);
  } else {
    rec.payload.swap(m.block);
  }
  return status::record;
}

}  // namespace newsx
