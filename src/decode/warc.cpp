// The decode stage for web archives: WARC records and their HTTP envelopes.
//
// The reader is a window over the archive's decompressed bytes (plain, gzip
// members or zstd frames). A record is trusted when its Content-Length ends
// it at a record separator; otherwise it is an error and the reader looks for
// the next "WARC/1." line from the end of the bad record's header, so a wrong
// length costs one record, not the rest of the archive. Memory is one record
// (at most max_record bytes) plus a read chunk; every scan moves forward.
#include "newsx/warc.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <vector>

#include "decode/gzip.hpp"
#include "util/text.hpp"

namespace newsx {

namespace {

constexpr std::size_t read_chunk = std::size_t{1} << 17;
/// A WARC header this long is not one: stop looking for its end.
constexpr std::size_t max_header_bytes = std::size_t{1} << 20;
/// Of a record over the limit, the bytes kept to read its HTTP status and type.
constexpr std::size_t oversize_head_bytes = std::size_t{1} << 16;
constexpr std::string_view version_line = "WARC/1.";

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
    const std::size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) return false;
    std::size_t size = 0;
    std::size_t k = i;
    for (; k < eol; ++k) {
      const char c = in[k];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;  // chunk extensions (";...") and the CR end the size
      if (size > (std::size_t{1} << 40)) return false;
      size = size * 16 + static_cast<std::size_t>(d);
    }
    if (k == i) return false;
    i = eol + 1;
    if (size == 0) return true;
    if (size > in.size() - i) {
      out.append(in.substr(i));  // truncated capture: keep what there is
      return true;
    }
    out.append(in.substr(i, size));
    i += size;
    if (i < in.size() && in[i] == '\r') ++i;
    if (i < in.size() && in[i] == '\n') ++i;
  }
  return true;
}

/// A Content-Length value: decimal digits only ("-1", "0x10", "12 " with
/// junk are not lengths).
bool parse_length(std::string_view v, std::uint64_t& out) {
  if (v.empty() || v.size() > 18) return false;
  std::uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = n;
  return true;
}

enum class codec { plain, gzip, zstd };

/// Where the compressed stream was damaged: what decoded before `at` is
/// what there is; decoding resumed at the next gzip member or zstd frame.
struct damage {
  std::uint64_t at = 0;           // decompressed offset
  std::uint64_t unit_at = 0;      // where the damaged member or frame began, decompressed
  std::uint64_t file_offset = 0;  // the damaged member or frame, in the file
  std::string what;
};

/// The archive's bytes, decompressed: plain, gzip members or zstd frames,
/// told apart by the first bytes. A damaged member or frame is noted in
/// `damages` and decoding goes on at the next gzip (1f 8b 08) or zstd
/// (28 b5 2f fd) magic number, searched forward from the damaged one.
class byte_source {
 public:
  byte_source() = default;
  byte_source(const byte_source&) = delete;
  byte_source& operator=(const byte_source&) = delete;
  ~byte_source() { close(); }

  bool open(const std::string& path, std::string& err) {
    close();
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) {
      err = fmt::format("cannot open {}: {}", path, std::strerror(errno));
      return false;
    }
    struct stat st {};
    seekable_ = fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode);
    // a small file gets small buffers: many archives are read one after another
    chunk_ = seekable_ ? std::clamp<std::size_t>(static_cast<std::size_t>(st.st_size) + 1, 4096, read_chunk)
                       : read_chunk;
    in_.resize(chunk_);
    fill_input();
    const std::string_view head(in_.data(), in_len_);
    if (decode::is_gzip(head)) {
      kind_ = codec::gzip;
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) {
        err = "zlib cannot start";
        return false;
      }
      zs_live_ = true;
    } else if (head.size() >= 4 && (head.substr(0, 4) == zstd_magic || is_skippable(head))) {
      kind_ = codec::zstd;
      zd_ = ZSTD_createDStream();
      if (zd_ == nullptr) {
        err = "zstd cannot start";
        return false;
      }
    } else {
      kind_ = codec::plain;
    }
    return true;
  }

  void close() {
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    if (zs_live_) inflateEnd(&zs_);
    zs_ = z_stream{};
    zs_live_ = false;
    if (zd_ != nullptr) ZSTD_freeDStream(zd_);
    zd_ = nullptr;
    in_pos_ = in_len_ = 0;
    in_offset_ = out_total_ = 0;
    in_unit_ = resyncing_ = input_done_ = false;
    kind_ = codec::plain;
    chunk_ = read_chunk;
    damages.clear();
    units_.clear();
    read_error.clear();
  }

  [[nodiscard]] codec kind() const noexcept { return kind_; }

  /// Appends the next decompressed bytes to out; 0 at the end of the data.
  std::size_t read(std::string& out) {
    if (file_ == nullptr) return 0;
    const std::size_t before = out.size();
    out.resize(before + chunk_);
    std::size_t got = 0;
    switch (kind_) {
      case codec::plain: got = read_plain(out.data() + before); break;
      case codec::gzip: got = read_gzip(out.data() + before); break;
      case codec::zstd: got = read_zstd(out.data() + before); break;
    }
    out.resize(before + got);
    out_total_ += got;
    return got;
  }

  /// The file offset of the member or frame that decompressed offset `at`
  /// lies in (plain archives: `at` itself). Forgets the ones before it.
  std::uint64_t file_offset_of(std::uint64_t at) {
    if (kind_ == codec::plain) return at;
    while (units_.size() > 1 && units_[1].first <= at) units_.pop_front();
    return units_.empty() ? 0 : units_.front().second;
  }

  std::deque<damage> damages;
  std::string read_error;  // the file could not be read: why

 private:
  static constexpr std::string_view zstd_magic{"\x28\xb5\x2f\xfd", 4};
  static constexpr std::size_t max_damages = 1024;  // kept until reported
  static bool is_skippable(std::string_view b) {
    return b.size() >= 4 && (static_cast<unsigned char>(b[0]) & 0xF0U) == 0x50 && b[1] == '\x2a' &&
           b[2] == '\x4d' && b[3] == '\x18';
  }

  /// Reads more compressed input after what is unread; false at the end.
  bool fill_input() {
    if (input_done_) return false;
    if (in_pos_ > 0) {
      std::memmove(in_.data(), in_.data() + in_pos_, in_len_ - in_pos_);
      in_offset_ += in_pos_;
      in_len_ -= in_pos_;
      in_pos_ = 0;
    }
    const std::size_t n = std::fread(in_.data() + in_len_, 1, in_.size() - in_len_, file_);
    in_len_ += n;
    if (n == 0) {
      input_done_ = true;
      if (std::ferror(file_) != 0) read_error = fmt::format("cannot read the archive: {}", std::strerror(errno));
    }
    return n > 0;
  }

  /// Moves the input to file offset `to`, behind the damaged member or frame
  /// (decoders do not always say how far they read before failing), to search
  /// for the next one from there. A pipe cannot go back: it searches on.
  void rewind_to(std::uint64_t to) {
    if (to >= in_offset_ && to <= in_offset_ + in_len_) {
      in_pos_ = static_cast<std::size_t>(to - in_offset_);
    } else if (to < in_offset_ && seekable_ && fseeko(file_, static_cast<off_t>(to), SEEK_SET) == 0) {
      in_offset_ = to;
      in_pos_ = in_len_ = 0;
      input_done_ = false;
    }
  }

  /// Moves to the next occurrence of magic; false at the end. Bytes skipped
  /// that are not NUL or white space (padding) set junk.
  bool find_magic(std::string_view magic, bool& junk) {
    while (true) {
      if (in_len_ - in_pos_ < magic.size() && !fill_input() && in_len_ - in_pos_ < magic.size()) {
        note_junk(in_pos_, in_len_, junk);
        in_pos_ = in_len_;
        return false;
      }
      const std::string_view hay(in_.data() + in_pos_, in_len_ - in_pos_);
      const std::size_t k = hay.find(magic);
      if (k != std::string_view::npos) {
        note_junk(in_pos_, in_pos_ + k, junk);
        in_pos_ += k;
        return true;
      }
      const std::size_t skip = hay.size() - (magic.size() - 1);
      note_junk(in_pos_, in_pos_ + skip, junk);
      in_pos_ += skip;
      if (!fill_input()) {
        note_junk(in_pos_, in_len_, junk);
        in_pos_ = in_len_;
        return false;
      }
    }
  }

  void note_junk(std::size_t from, std::size_t to, bool& junk) const {
    for (std::size_t i = from; i < to && !junk; ++i) {
      const char c = in_[i];
      junk = c != '\0' && !util::is_ascii_space(c);
    }
  }

  void push_damage(std::uint64_t file_offset, std::string what) {
    if (resyncing_ || damages.size() >= max_damages) return;  // one per run of damage
    damages.push_back({out_total_ + produced_, unit_at_, file_offset, std::move(what)});
  }

  void note_damage(std::string what) {
    push_damage(unit_offset_, std::move(what));
    resyncing_ = true;
    in_unit_ = false;
    rewind_to(unit_offset_ + 1);
  }

  /// At a member or frame boundary: the next one starts here, or is searched for.
  bool start_unit(std::string_view magic) {
    if (in_len_ - in_pos_ < magic.size()) fill_input();
    const std::string_view here(in_.data() + in_pos_, in_len_ - in_pos_);
    const bool at_magic = here.substr(0, magic.size()) == magic ||
                          (kind_ == codec::zstd && is_skippable(here));
    if (!at_magic) {
      bool junk = false;
      const std::uint64_t at = in_offset_ + in_pos_;
      const bool found = find_magic(magic, junk);
      if (junk) {
        unit_at_ = out_total_ + produced_;
        push_damage(at, fmt::format("bytes at offset {} are not {}", at,
                                    kind_ == codec::gzip ? "a gzip member" : "a zstd frame"));
        resyncing_ = true;
      }
      if (!found) return false;
    }
    unit_offset_ = in_offset_ + in_pos_;
    unit_at_ = out_total_ + produced_;
    units_.emplace_back(unit_at_, unit_offset_);
    if (units_.size() > 4096) units_.pop_front();  // only the recent ones are asked for
    in_unit_ = true;
    return true;
  }

  std::size_t read_plain(char* out) {
    std::size_t got = 0;
    if (in_pos_ < in_len_) {  // what open() read to sniff
      got = std::min(chunk_, in_len_ - in_pos_);
      std::memcpy(out, in_.data() + in_pos_, got);
      in_pos_ += got;
      return got;
    }
    if (input_done_) return 0;
    got = std::fread(out, 1, chunk_, file_);
    if (got == 0) {
      input_done_ = true;
      if (std::ferror(file_) != 0) read_error = fmt::format("cannot read the archive: {}", std::strerror(errno));
    }
    return got;
  }

  std::size_t read_gzip(char* out) {
    produced_ = 0;
    while (produced_ == 0) {
      if (!in_unit_) {
        if (in_pos_ == in_len_ && !fill_input()) break;
        if (!start_unit(std::string_view("\x1f\x8b\x08", 3))) break;
        inflateReset(&zs_);
      }
      if (in_pos_ == in_len_) fill_input();  // at the end: inflate flushes what it holds
      const std::size_t had = produced_;
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(out + produced_);
      zs_.avail_out = static_cast<uInt>(chunk_ - produced_);
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ = in_len_ - zs_.avail_in;
      produced_ = chunk_ - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_unit_ = false;
        resyncing_ = false;
      } else if (rc == Z_BUF_ERROR && produced_ == had && in_pos_ == in_len_ && input_done_) {
        note_damage(fmt::format("gzip member at offset {} ends early (the file is cut short)", unit_offset_));
        break;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        note_damage(fmt::format("gzip member at offset {} is damaged: {}", unit_offset_,
                                zs_.msg != nullptr ? zs_.msg : "zlib error"));
      }
    }
    return produced_;
  }

  std::size_t read_zstd(char* out) {
    produced_ = 0;
    while (produced_ == 0) {
      if (!in_unit_) {
        if (in_pos_ == in_len_ && !fill_input()) break;
        if (!start_unit(zstd_magic)) break;
        ZSTD_DCtx_reset(zd_, ZSTD_reset_session_only);
      }
      if (in_pos_ == in_len_) fill_input();  // at the end: zstd flushes what it holds
      ZSTD_inBuffer in{in_.data() + in_pos_, in_len_ - in_pos_, 0};
      ZSTD_outBuffer o{out + produced_, chunk_ - produced_, 0};
      const std::size_t rc = ZSTD_decompressStream(zd_, &o, &in);
      in_pos_ += in.pos;
      produced_ += o.pos;
      if (ZSTD_isError(rc) != 0) {
        note_damage(fmt::format("zstd frame at offset {} is damaged: {}", unit_offset_, ZSTD_getErrorName(rc)));
      } else if (rc == 0) {
        in_unit_ = false;
        resyncing_ = false;
      } else if (in.pos == 0 && o.pos == 0 && in_pos_ == in_len_ && input_done_) {
        note_damage(fmt::format("zstd frame at offset {} ends early (the file is cut short)", unit_offset_));
        break;
      }
    }
    return produced_;
  }

  std::FILE* file_ = nullptr;
  bool seekable_ = false;
  std::size_t chunk_ = read_chunk;  // what one read takes in and hands out
  codec kind_ = codec::plain;
  std::vector<char> in_;
  std::size_t in_pos_ = 0, in_len_ = 0;
  std::uint64_t in_offset_ = 0;   // file offset of in_[0]
  std::uint64_t out_total_ = 0;   // decompressed bytes handed out
  std::size_t produced_ = 0;      // in the read under way
  bool input_done_ = false;
  bool in_unit_ = false;          // inside a gzip member or zstd frame
  bool resyncing_ = false;        // after damage, until a member or frame decodes whole
  std::uint64_t unit_offset_ = 0; // file offset of the current member or frame
  std::uint64_t unit_at_ = 0;     // its decompressed start
  std::deque<std::pair<std::uint64_t, std::uint64_t>> units_;  // (decompressed, file) starts
  z_stream zs_{};
  bool zs_live_ = false;
  ZSTD_DStream* zd_ = nullptr;
};

}  // namespace

bool warc_record::is_html_response() const noexcept {
  return type == "response" && (util::icontains(http_content_type, "text/html") ||
                                util::icontains(http_content_type, "application/xhtml"));
}

struct NEWSX_HIDDEN warc_reader::impl {
  byte_source src;
  std::size_t max_record;
  std::string error;
  error_code error_kind = error_code::ok;
  std::uint64_t error_offset = 0;
  bool opened = false;
  bool finished = false;
  bool source_done = false;
  std::string win;            // decompressed bytes from win_base
  std::uint64_t win_base = 0;
  std::size_t pos = 0;        // the reader's place in win
  std::string block;
  std::string scratch;

  explicit impl(std::size_t max) : max_record(max) {}

  [[nodiscard]] std::uint64_t abs(std::size_t i) const { return win_base + i; }

  /// At least n bytes in win from pos; false when the archive has fewer.
  bool ensure(std::size_t n) {
    while (win.size() - pos < n) {
      if (source_done) return false;
      if (src.read(win) == 0) source_done = true;
    }
    return true;
  }

  /// Drops what is behind pos once it is most of the window (amortised linear).
  void compact() {
    if (pos < read_chunk || pos < win.size() / 2) return;
    win.erase(0, pos);
    win_base += pos;
    pos = 0;
  }

  warc_reader::status fail(error_code code, std::uint64_t offset, std::string message) {
    error_kind = code;
    error_offset = offset;
    error = std::move(message);
    return warc_reader::status::error;
  }

  /// Moves pos to the next "WARC/1." at a line start, from absolute offset
  /// `from` (itself a line start when from_line_start); pos at the end when
  /// there is none.
  void resync(std::uint64_t from, bool from_line_start) {
    std::size_t i = from > win_base ? static_cast<std::size_t>(from - win_base) : 0;
    i = std::min(i, win.size());
    while (true) {
      for (std::size_t k = win.find(version_line, i); k != std::string::npos; k = win.find(version_line, k + 1)) {
        if ((abs(k) == from && from_line_start) || (k > 0 && win[k - 1] == '\n')) {
          pos = k;
          return;
        }
      }
      // keep the bytes that may begin a match and the one before them
      const std::size_t tail = std::min(win.size(), version_line.size());
      i = std::max(i, win.size() - tail + (tail > 0 ? 1 : 0));
      i = std::min(i, win.size());
      pos = i > 0 ? i - 1 : 0;
      const std::uint64_t i_abs = abs(i);
      compact();
      i = static_cast<std::size_t>(i_abs - win_base);
      if (!ensure(win.size() - pos + 1)) {
        pos = win.size();
        return;
      }
    }
  }

  /// The first damage of the compressed data inside (from, to], if any.
  /// (A member that fails as it starts, right after the record, is not the record's.)
  const damage* damage_in(std::uint64_t from, std::uint64_t to) const {
    for (const damage& d : src.damages) {
      if (d.at > from && d.at <= to && d.unit_at < to) return &d;
    }
    return nullptr;
  }

  warc_reader::status report_damage(const damage& d, const warc_record& rec) {
    const std::string id = rec.record_id.empty() ? std::string() : " (" + rec.record_id + ")";
    const std::uint64_t at = d.at;
    fail(error_code::damaged_record, d.file_offset,
         fmt::format("{}; the record there{} is lost", d.what, id));
    while (!src.damages.empty() && src.damages.front().at <= at) src.damages.pop_front();
    resync(std::max(at, win_base), true);
    return warc_reader::status::error;
  }

  /// The record separator at p: CR LF CR LF, or (from lenient writers) any
  /// run of CR and LF followed by the next record or the end. What follows a
  /// full separator is the next record's to answer for.
  bool ends_record(std::size_t p) {
    if (ensure(p - pos + 4) && win.compare(p, 4, "\r\n\r\n") == 0) return true;
    for (std::size_t run = 0; ensure(p - pos + 1) && (win[p] == '\r' || win[p] == '\n'); ++p) {
      if (++run > 4096) return true;  // that many line ends: the block did end here
    }
    if (!ensure(p - pos + 1)) return true;
    return ensure(p - pos + 5) && win.compare(p, 5, "WARC/") == 0;
  }

  void parse_http(warc_record& rec, bool head_only) {
    const std::string_view b = block;
    const std::size_t crlf = b.find("\r\n\r\n");
    const std::size_t lf = b.find("\n\n");
    const std::size_t head_end = std::min(crlf, lf);
    if (!util::istarts_with(b, "HTTP/") || head_end == std::string_view::npos) {
      if (!head_only) rec.payload.assign(b);
      return;
    }
    const std::string_view head = b.substr(0, head_end);
    std::string_view body = b.substr(head_end + (head_end == crlf ? 4 : 2));
    const std::size_t sp = head.find(' ');
    if (sp != std::string_view::npos) {
      int status = 0;
      for (std::size_t k = sp + 1; k < head.size() && k < sp + 4 && head[k] >= '0' && head[k] <= '9'; ++k) {
        status = status * 10 + (head[k] - '0');
      }
      rec.http_status = status;
    }
    bool chunked = false;
    bool compressed = false;
    std::size_t pos_line = head.find('\n');
    while (pos_line != std::string_view::npos) {
      const std::size_t next_line = head.find('\n', pos_line + 1);
      std::string_view l = head.substr(pos_line + 1, next_line == std::string_view::npos ? head.npos
                                                                                         : next_line - pos_line - 1);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      std::string_view v;
      if (!(v = header_value(l, "Content-Type")).empty()) rec.http_content_type.assign(v);
      if (!(v = header_value(l, "Transfer-Encoding")).empty()) chunked = util::icontains(v, "chunked");
      if (!(v = header_value(l, "Content-Encoding")).empty()) {
        compressed = util::icontains(v, "gzip") || util::icontains(v, "deflate");
      }
      pos_line = next_line;
    }
    rec.charset = charset_of(rec.http_content_type);
    if (head_only) return;
    if (chunked && dechunk(body, scratch)) {
      rec.payload.swap(scratch);
    } else {
      rec.payload.assign(body);
    }
    if (compressed && decode::inflate_all(rec.payload, max_record, scratch)) {
      rec.payload.swap(scratch);
    }
  }

  /// Skips a block too large to keep: to its length, or to the first
  /// "WARC/1." after a blank line when that comes first (the length was
  /// wrong). False, with pos at the next record, when the length did not hold.
  bool skip_block(std::size_t p, std::uint64_t length, std::uint64_t& stopped_at) {
    std::uint64_t left = length;
    std::uint64_t first = abs(p) + 1;  // a header at the very start is the block's own
    while (left > 0) {
      const std::size_t avail = win.size() - p;
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(avail, left));
      // a record header after a blank line inside the block ends it early
      // (from a little before p: a match may have been cut at the last chunk's end)
      const std::size_t from = static_cast<std::size_t>(std::max<std::uint64_t>(first, abs(p > 7 ? p - 7 : 0)) - win_base);
      for (std::size_t k = win.find(version_line, from); k != std::string::npos && k < p + take;
           k = win.find(version_line, k + 1)) {
        if (k >= 3 && win[k - 1] == '\n' && (win[k - 2] == '\n' || (win[k - 2] == '\r' && win[k - 3] == '\n'))) {
          pos = k;
          stopped_at = abs(k);
          return false;
        }
      }
      p += take;
      left -= take;
      if (left == 0) break;
      pos = p > 8 ? p - 8 : 0;  // keep a few bytes for the blank-line check
      const std::size_t back = p - pos;
      compact();
      p = pos + back;
      if (!ensure(p - pos + 1)) {
        pos = win.size();
        stopped_at = abs(pos);
        return false;
      }
    }
    pos = p;
    return true;
  }

  warc_reader::status next(warc_record& rec) {
    if (finished) return warc_reader::status::end;
    if (!opened) {
      finished = true;
      return fail(error_code::read_failed, 0, "no archive is open");
    }
    compact();
    // the blank lines between records
    while (ensure(1) && (win[pos] == '\r' || win[pos] == '\n' || win[pos] == ' ' || win[pos] == '\t')) {
      if (++pos == win.size()) compact();  // a long run of blank lines is not kept
    }
    const std::uint64_t start = abs(pos);
    if (!src.damages.empty() && src.damages.front().at <= start) {
      return report_damage(src.damages.front(), rec);
    }
    if (pos == win.size()) {
      if (!src.damages.empty()) return report_damage(src.damages.front(), rec);
      finished = true;
      if (!src.read_error.empty()) return fail(error_code::read_failed, start, src.read_error);
      return warc_reader::status::end;
    }
    rec.offset = src.file_offset_of(start);
    ensure(version_line.size());
    if (win.compare(pos, 5, "WARC/") != 0) {
      const std::string found = win.substr(pos, std::min<std::size_t>(40, win.find_first_of("\r\n", pos) - pos));
      const std::uint64_t at = rec.offset;
      resync(start + 1, false);
      return fail(error_code::damaged_record, at,
                  fmt::format("not a WARC record at offset {}: expected 'WARC/1.x', found '{}'", at, found));
    }
    // The header: lines up to an empty one. LF-only line ends are read too.
    std::size_t p = pos;
    bool lf_only = false;
    bool have_length = false;
    bool saw_length = false;
    std::string length_text;
    std::uint64_t length = 0;
    while (true) {
      if (p - pos > max_header_bytes) {
        resync(start + 1, false);
        return fail(error_code::input_too_large, rec.offset,
                    fmt::format("WARC record at offset {}: its header runs past {} bytes", rec.offset,
                                max_header_bytes));
      }
      std::size_t nl = win.find('\n', p);
      while (nl == std::string::npos) {
        if (win.size() - pos > max_header_bytes) {
          resync(start + 1, false);
          return fail(error_code::input_too_large, rec.offset,
                      fmt::format("WARC record at offset {}: its header runs past {} bytes", rec.offset,
                                  max_header_bytes));
        }
        const std::size_t seen = win.size();
        if (!ensure(win.size() - pos + 1)) {
          pos = win.size();
          return fail(error_code::damaged_record, rec.offset,
                      fmt::format("WARC record at offset {} ends early: its header is cut short", rec.offset));
        }
        nl = win.find('\n', seen);
      }
      std::string_view line(win.data() + p, nl - p);
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
      } else {
        lf_only = true;
      }
      p = nl + 1;
      if (line.empty()) break;
      std::string_view v;
      if (!(v = header_value(line, "WARC-Type")).empty()) rec.type.assign(v);
      else if (!(v = header_value(line, "WARC-Target-URI")).empty()) rec.target_uri.assign(v);
      else if (!(v = header_value(line, "WARC-Record-ID")).empty()) rec.record_id.assign(v);
      else if (!(v = header_value(line, "WARC-Date")).empty()) rec.date.assign(v);
      else if (util::istarts_with(line, "Content-Length:")) {
        saw_length = true;
        length_text.assign(util::trim_ascii(line.substr(15)));
        have_length = parse_length(length_text, length);
      }
    }
    // Target URIs are sometimes written <in angle brackets> (WARC 1.0 drafts).
    if (rec.target_uri.size() > 2 && rec.target_uri.front() == '<' && rec.target_uri.back() == '>') {
      rec.target_uri = rec.target_uri.substr(1, rec.target_uri.size() - 2);
    }
    const std::uint64_t header_end = abs(p);
    const std::string what =
        fmt::format("WARC record at offset {}{}", rec.offset, rec.record_id.empty() ? "" : " (" + rec.record_id + ")");
    const std::string_view lf_note =
        lf_only ? "; its header lines end in LF, not CRLF (were the line ends converted?)" : "";
    if (const damage* d = damage_in(start, header_end)) return report_damage(*d, rec);
    if (!have_length) {
      resync(header_end, true);
      return fail(error_code::damaged_record, rec.offset,
                  !saw_length ? fmt::format("{} has no Content-Length", what)
                      : fmt::format("{}: Content-Length '{}' is not a length", what, length_text));
    }
    if (length > max_record) {
      // Too large to keep: read its HTTP head, skip the rest.
      ensure(p - pos + static_cast<std::size_t>(std::min<std::uint64_t>(length, oversize_head_bytes)));
      block.assign(win, p, static_cast<std::size_t>(std::min<std::uint64_t>(length, oversize_head_bytes)));
      if (rec.type == "response") parse_http(rec, true);
      rec.truncated = true;
      std::uint64_t stopped_at = 0;
      if (!skip_block(p, length, stopped_at)) {
        if (const damage* d = damage_in(start, stopped_at)) return report_damage(*d, rec);
        return fail(error_code::damaged_record, rec.offset,
                    fmt::format("{}: Content-Length {} runs past the next record or the end of the archive{}",
                                what, length, lf_note));
      }
      if (const damage* d = damage_in(start, abs(pos))) return report_damage(*d, rec);
      if (!ends_record(pos)) {
        resync(abs(pos), false);
        return fail(error_code::damaged_record, rec.offset,
                    fmt::format("{}: Content-Length {} does not end the record{}", what, length, lf_note));
      }
      return warc_reader::status::record;
    }
    const std::size_t len = static_cast<std::size_t>(length);
    const bool whole = ensure(p - pos + len);
    const bool ends = whole && ends_record(p + len);
    if (const damage* d = damage_in(start, abs(std::min(win.size(), p + len + 4)))) return report_damage(*d, rec);
    if (!whole) {
      const std::size_t have = win.size() - p;
      resync(header_end, true);
      return fail(error_code::damaged_record, rec.offset,
                  fmt::format("{} ends early: Content-Length {}, but only {} bytes follow its header{}", what,
                              length, have, lf_note));
    }
    if (!ends) {
      resync(header_end, true);
      return fail(error_code::damaged_record, rec.offset,
                  fmt::format("{}: Content-Length {} does not end the record (no record separator follows){}",
                              what, length, lf_note));
    }
    block.assign(win, p, len);
    pos = p + len;
    if (rec.type == "response") {
      parse_http(rec, false);
    } else {
      rec.payload.swap(block);
    }
    return warc_reader::status::record;
  }
};

warc_reader::warc_reader(std::size_t max_record_bytes)
    : impl_(std::make_unique<impl>(max_record_bytes)) {}
warc_reader::~warc_reader() = default;
warc_reader::warc_reader(warc_reader&&) noexcept = default;
warc_reader& warc_reader::operator=(warc_reader&&) noexcept = default;

const std::string& warc_reader::error() const noexcept { return impl_->error; }
error_code warc_reader::error_kind() const noexcept { return impl_->error_kind; }
std::uint64_t warc_reader::error_offset() const noexcept { return impl_->error_offset; }

std::string_view warc_reader::compression() const noexcept {
  switch (impl_->src.kind()) {
    case codec::gzip: return "gzip";
    case codec::zstd: return "zstd";
    case codec::plain: break;
  }
  return "plain";
}

bool warc_reader::open(const std::string& path) {
  const std::size_t max = impl_->max_record;
  impl_ = std::make_unique<impl>(max);
  if (!impl_->src.open(path, impl_->error)) {
    impl_->error_kind = error_code::read_failed;
    return false;
  }
  impl_->opened = true;
  return true;
}

warc_reader::status warc_reader::next(warc_record& rec) {
  rec = warc_record{};
  return impl_->next(rec);
}

}  // namespace newsx
