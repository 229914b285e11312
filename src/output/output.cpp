// The output stage: JSON, text and Markdown renderings of an article.
#include <fmt/format.h>

#include <iterator>

#include "newsx/output.hpp"
#include "util/text.hpp"

namespace newsx {

namespace {

/// The length of the well-formed UTF-8 sequence at s[i], or 0 (RFC 3629:
/// no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return n;
}

/// Every string newsx writes is valid UTF-8 JSON that every parser reads: a
/// byte that is not part of well-formed UTF-8 (a GBK file name, say) is
/// written as U+FFFD, the replacement character. (An escape such as \udcXX
/// would keep the byte, but strict parsers refuse lone surrogates.)
void json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[8];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      case '\b': esc = "\\b"; break;
      case '\f': esc = "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          *fmt::format_to(buf, "\\u{:04x}", c) = '\0';
          esc = buf;
        } else if (c >= 0x80 && !(c == 0xE2 && i + 2 < s.size() &&
                                  static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                                  (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                                   static_cast<unsigned char>(s[i + 2]) == 0xA9))) {
          const std::size_t n = utf8_sequence(s, i);
          if (n != 0) {
            run += n;
            i += n - 1;
            continue;
          }
          esc = "\xEF\xBF\xBD";  // U+FFFD
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          // U+2028/2029 are valid JSON but break JavaScript consumers
          esc = static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          out.append(s.substr(i - run, run));
          run = 0;
          out.append(esc);
          i += 2;
          continue;
        }
    }
    if (esc != nullptr) {
      out.append(s.substr(i - run, run));
      run = 0;
      out.append(esc);
    } else {
      ++run;
    }
  }
  out.append(s.substr(s.size() - run, run));
  out.push_back('"');
}

class writer {
 public:
  writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    comma();
    json_string(out_, k);
    out_.append(pretty_ ? ": " : ":");
    after_key_ = true;
  }
  void value(std::string_view v) {
    comma();
    json_string(out_, v);
  }
  void value(const std::optional<std::string>& v) {
    if (v) {
      value(std::string_view(*v));
    } else {
      null();
    }
  }
  void value(long long v) {
    comma();
    fmt::format_to(std::back_inserter(out_), "{}", v);
  }
  void value(bool v) {
    comma();
    out_.append(v ? "true" : "false");
  }
  void null() {
    comma();
    out_.append("null");
  }
  /// A short array of strings on one line even when pretty.
  void strings(const std::vector<std::string>& v) {
    comma();
    out_.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i != 0) out_.append(pretty_ ? ", " : ",");
      json_string(out_, v[i]);
    }
    out_.push_back(']');
  }

 private:
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_.push_back(',');
    first_ = false;
    if (depth_ > 0) newline();
  }
  void newline() {
    if (!pretty_) return;
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
  }
  void open(char c) {
    comma();
    out_.push_back(c);
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_) newline();
    out_.push_back(c);
    first_ = false;
  }

  std::string& out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

/// The article's JSON keys in output order, each with how its value is
/// written: to_json and json_field_names() both read this table.
struct article_field {
  std::string_view name;
  void (*write)(writer& w, const article& a);
  /// When set, the key is written only if this says the article has it.
  bool (*present)(const article& a) = nullptr;
};

constexpr article_field article_fields[] = {
    {"title", [](writer& w, const article& a) { w.value(a.title); }},
    {"date", [](writer& w, const article& a) { w.value(a.date); }},
    {"date_modified", [](writer& w, const article& a) { w.value(a.date_modified); }},
    {"source", [](writer& w, const article& a) { w.value(a.source); }},
    {"author", [](writer& w, const article& a) { w.value(a.author); }},
    {"url", [](writer& w, const article& a) { w.value(a.url); }},
    {"site_name", [](writer& w, const article& a) { w.value(a.site_name); }},
    {"lang", [](writer& w, const article& a) { w.value(std::string_view(a.lang)); }},
    {"summary", [](writer& w, const article& a) { w.value(a.summary); }},
    {"categories", [](writer& w, const article& a) { w.strings(a.categories); }},
    {"tags", [](writer& w, const article& a) { w.strings(a.tags); }},
    {"is_article", [](writer& w, const article& a) { w.value(a.is_article); }},
    {"body",
     [](writer& w, const article& a) {
       w.begin_array();
       for (const block& b : a.body) {
         w.begin_object();
         w.key("type"); w.value(block_type_name(b.type));
         if (b.type == block_type::heading) {
           w.key("level"); w.value(static_cast<long long>(b.level));
         }
         w.key("text"); w.value(std::string_view(b.text));
         if (b.type == block_type::table_row) {
           w.key("cells"); w.strings(b.cells);
         }
         w.end_object();
       }
       w.end_array();
     }},
    {"text", [](writer& w, const article& a) { w.value(std::string_view(a.text)); }},
    {"images",
     [](writer& w, const article& a) {
       w.begin_array();
       for (const image& im : a.images) {
         w.begin_object();
         w.key("src"); w.value(std::string_view(im.src));
         w.key("alt"); w.value(im.alt);
         w.key("caption"); w.value(im.caption);
         w.end_object();
       }
       w.end_array();
     }},
    {"stock_codes",
     [](writer& w, const article& a) {
       w.begin_array();
       for (const stock_code& s : a.stock_codes) {
         w.begin_object();
         w.key("symbol"); w.value(std::string_view(s.symbol));
         w.key("code"); w.value(std::string_view(s.code));
         w.key("market"); w.value(std::string_view(s.market));
         w.key("exchange"); w.value(s.exchange);
         w.key("kind"); w.value(std::string_view(s.kind));
         w.key("name"); w.value(s.name);
         w.key("mentions"); w.value(static_cast<long long>(s.mentions));
         w.end_object();
       }
       w.end_array();
     }},
    {"charset", [](writer& w, const article& a) { w.value(std::string_view(a.charset)); }},
    {"input_kind", [](writer& w, const article& a) { w.value(std::string_view(a.input_kind)); }},
    {"warnings", [](writer& w, const article& a) { w.strings(a.warnings); }},
    {"candidates",
     [](writer& w, const article& a) {
       w.begin_array();
       for (const candidate& c : a.candidates) {
         w.begin_object();
         w.key("field"); w.value(std::string_view(c.field));
         w.key("value"); w.value(std::string_view(c.value));
         w.key("origin"); w.value(std::string_view(c.origin));
         w.key("chosen"); w.value(c.chosen);
         w.end_object();
       }
       w.end_array();
     },
     [](const article& a) { return !a.candidates.empty(); }},
};

}  // namespace

const std::vector<std::string_view>& json_field_names() noexcept {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const article_field& f : article_fields) v.push_back(f.name);
    return v;
  }();
  return names;
}

std::string_view block_type_name(block_type type) noexcept {
  switch (type) {
    case block_type::heading: return "heading";
    case block_type::paragraph: return "paragraph";
    case block_type::list_item: return "list_item";
    case block_type::quote: return "quote";
    case block_type::table_row: return "table_row";
    case block_type::code: return "code";
  }
  return "paragraph";
}

std::string to_json(const article& a) { return to_json(a, json_options{}); }

std::string to_json(const article& a, const json_options& opts) {
  std::string out;
  out.reserve(a.text.size() * 2 + 1024);
  writer w(out, opts.pretty);
  w.begin_object();
  if (!opts.file.empty()) {
    w.key("file");
    w.value(opts.file);
  }
  if (!opts.warc_record_id.empty()) {
    w.key("warc_record_id");
    w.value(opts.warc_record_id);
  }
  if (opts.http_status != 0) {
    w.key("http_status");
    w.value(static_cast<long long>(opts.http_status));
  }
  if (!opts.fetch_date.empty()) {
    w.key("fetch_date");
    w.value(opts.fetch_date);
  }
  // --fields: only the keys asked for ("file" and "warc_record_id" always)
  auto field = [&](std::string_view key) {
    if (!opts.fields.empty()) {
      bool listed = false;
      std::size_t i = 0;
      while (i <= opts.fields.size() && !listed) {
        std::size_t j = opts.fields.find(',', i);
        if (j == std::string_view::npos) j = opts.fields.size();
        listed = util::trim_ascii(opts.fields.substr(i, j - i)) == key;
        i = j + 1;
      }
      if (!listed) return false;
    }
    w.key(key);
    return true;
  };
  for (const article_field& f : article_fields) {
    if ((f.present == nullptr || f.present(a)) && field(f.name)) f.write(w, a);
  }
  w.end_object();
  return out;
}

namespace {

/// One CSV field, quoted when it must be; invalid UTF-8 bytes as U+FFFD.
void csv_field(std::string& out, std::string_view v) {
  std::string clean;
  for (std::size_t i = 0; i < v.size();) {
    const std::size_t n = static_cast<unsigned char>(v[i]) < 0x80 ? 1 : utf8_sequence(v, i);
    if (n == 0) {
      clean += "\xEF\xBF\xBD";
      ++i;
    } else {
      clean.append(v.substr(i, n));
      i += n;
    }
  }
  const bool quote = clean.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    out += clean;
    return;
  }
  out.push_back('"');
  for (char c : clean) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

std::string csv_header() { return "file,url,title,date,date_modified,source,author,is_article,stock_codes,text,error\r\n"; }

std::string to_csv_row(const article& a, std::string_view file) {
  std::string out;
  out.reserve(a.text.size() + 256);
  std::string symbols;
  for (const stock_code& s : a.stock_codes) {
    if (!symbols.empty()) symbols.push_back(';');
    symbols += s.symbol;
  }
  auto view = [](const std::optional<std::string>& v) { return v ? std::string_view(*v) : std::string_view(); };
  const std::string_view fields[] = {file,         view(a.url),    view(a.title),
                                     view(a.date), view(a.date_modified), view(a.source), view(a.author),
                                     a.is_article ? "true" : "false", symbols, a.text, {}};
  for (std::size_t k = 0; k < std::size(fields); ++k) {
    if (k > 0) out.push_back(',');
    csv_field(out, fields[k]);
  }
  out += "\r\n";
  return out;
}

std::string error_to_csv_row(const error& e, std::string_view file) {
  std::string out;
  csv_field(out, file);
  out += ",,,,,,,,,,";
  csv_field(out, error_name(e.code));
  out += "\r\n";
  return out;
}

namespace {

std::string error_json(const error& e, std::string_view file, std::string_view warc_record_id,
                       const std::uint64_t* warc_offset) {
  std::string out;
  writer w(out, false);
  w.begin_object();
  w.key("file"); w.value(file);
  if (!warc_record_id.empty()) {
    w.key("warc_record_id"); w.value(warc_record_id);
  }
  if (warc_offset != nullptr) {
    w.key("warc_offset"); w.value(static_cast<long long>(*warc_offset));
  }
  w.key("error"); w.value(error_name(e.code));
  w.key("message"); w.value(std::string_view(e.message));
  w.end_object();
  return out;
}

}  // namespace

std::string error_to_json(const error& e, std::string_view file, std::string_view warc_record_id) {
  return error_json(e, file, warc_record_id, nullptr);
}

std::string error_to_json(const error& e, std::string_view file, std::string_view warc_record_id,
                          std::uint64_t warc_offset) {
  return error_json(e, file, warc_record_id, &warc_offset);
}

std::string to_text(const article& a) {
  std::string out;
  if (a.title) out += *a.title + "\n";
  std::string byline;
  for (const auto* f : {&a.date, &a.source, &a.author}) {
    if (!*f) continue;
    if (!byline.empty()) byline += "  ";
    byline += **f;
  }
  if (!byline.empty()) out += byline + "\n";
  if (!out.empty()) out += "\n";
  for (const block& b : a.body) {
    if (b.type == block_type::list_item) out += "- ";
    out += b.text;
    out += b.type == block_type::heading ? "\n\n" : "\n";
  }
  return out;
}

std::string to_markdown(const article& a) {
  std::string out;
  if (a.title) out += "# " + *a.title + "\n\n";
  auto meta = [&](std::string_view label, const std::optional<std::string>& v) {
    if (v) out += std::string(label) + ": " + *v + "  \n";
  };
  meta("Date", a.date);
  meta("Modified", a.date_modified);
  meta("Source", a.source);
  meta("Author", a.author);
  meta("URL", a.url);
  if (a.date || a.source || a.author || a.url) out += "\n";
  if (a.summary) out += "> " + *a.summary + "\n\n";
  bool in_table = false;
  bool in_list = false;
  for (const block& b : a.body) {
    if (in_table && b.type != block_type::table_row) {
      out += "\n";
      in_table = false;
    }
    if (in_list && b.type != block_type::list_item) {
      out += "\n";
      in_list = false;
    }
    switch (b.type) {
      case block_type::heading:
        out += std::string(static_cast<std::size_t>(std::max(2, std::min(b.level, 6))), '#') + " " + b.text + "\n\n";
        break;
      case block_type::list_item:
        out += "- " + b.text + "\n";
        in_list = true;
        break;
      case block_type::quote:
        out += "> " + b.text + "\n\n";
        break;
      case block_type::code:
        out += "```\n" + b.text + "\n```\n\n";
        break;
      case block_type::table_row: {
        out += "|";
        for (const auto& c : b.cells) out += " " + c + " |";
        out += "\n";
        if (!in_table) {
          out += "|";
          for (std::size_t k = 0; k < b.cells.size(); ++k) out += " --- |";
          out += "\n";
        }
        in_table = true;
        break;
      }
      case block_type::paragraph:
        out += b.text + "\n\n";
        break;
    }
  }
  if (in_table || in_list) out += "\n";
  for (const image& im : a.images) {
    out += "![" + im.alt.value_or("") + "](" + im.src + ")\n";
    if (im.caption) out += "*" + *im.caption + "*\n";
    out += "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace newsx
