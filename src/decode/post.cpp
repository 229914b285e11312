#include "decode/post.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace newsx::decode {

namespace {

/// Iterates over the lines of a "\n"-separated text, remembering offsets.
struct line_cursor {
  std::string_view text;
  std::size_t pos = 0;
  bool next(std::string_view& line, std::size_t& start) {
    if (pos >= text.size()) return false;
    start = pos;
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      line = text.substr(pos);
      pos = text.size();
    } else {
      line = text.substr(pos, nl - pos);
      pos = nl + 1;
    }
    return true;
  }
};

bool is_fence(std::string_view line) noexcept {
  line = util::trim_ascii(line);
  return line == "---";
}

/// A YAML directive (%YAML 1.2, %TAG ...): allowed before the opening fence.
bool is_directive(std::string_view line) noexcept { return !line.empty() && line.front() == '%'; }

bool is_key_char(char c) noexcept {
  return util::is_ascii_alpha(static_cast<unsigned char>(c)) ||
         util::is_digit(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

/// "key: value" at column 0; sets key and the raw value after the colon.
bool split_key(std::string_view line, std::string_view& key, std::string_view& value) noexcept {
  std::size_t i = 0;
  while (i < line.size() && is_key_char(line[i])) ++i;
  if (i == 0 || i >= line.size() || line[i] != ':') return false;
  if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return false;
  key = line.substr(0, i);
  value = util::trim_ascii(line.substr(i + 1));
  return true;
}

/// "key: value" indented with a tab: YAML never indents with tabs, so this
/// is a top-level key typed with one, not a continuation line.
bool split_tab_indented_key(std::string_view line, std::string_view& key,
                            std::string_view& value) noexcept {
  std::size_t i = 0;
  bool tab = false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) tab |= line[i++] == '\t';
  return tab && split_key(line.substr(i), key, value);
}

/// The header of a block scalar: "|" or ">", then in either order an
/// optional chomping indicator ("-" strip, "+" keep) and indentation digit,
/// then an optional comment.
struct block_header {
  bool folded = false;
  char chomp = 0;  // 0 clip, '-' strip, '+' keep
  std::size_t indent = 0;  // 0: from the first non-empty line
};
bool parse_block_header(std::string_view v, block_header& h) noexcept {
  if (v.empty() || (v.front() != '|' && v.front() != '>')) return false;
  h = block_header{};
  h.folded = v.front() == '>';
  std::size_t i = 1;
  for (int k = 0; k < 2 && i < v.size(); ++k) {
    if ((v[i] == '-' || v[i] == '+') && h.chomp == 0) {
      h.chomp = v[i++];
    } else if (v[i] >= '1' && v[i] <= '9' && h.indent == 0) {
      h.indent = static_cast<std::size_t>(v[i++] - '0');
    }
  }
  const std::string_view rest = util::trim_ascii(v.substr(i));
  return rest.empty() || rest.front() == '#';
}

std::size_t indent_of(std::string_view line) noexcept {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

/// Reads the lines of a block scalar from lines (the header already read)
/// and returns its value: literal lines keep their breaks, folded lines join
/// with a space (an empty line is a break; more-indented lines keep theirs);
/// then one final break (clip), none (strip) or every trailing one (keep).
std::string read_block_scalar(line_cursor& lines, const block_header& h) {
  std::vector<std::string_view> body;
  std::size_t indent = h.indent;
  std::string_view line;
  std::size_t start = 0;
  while (true) {
    const std::size_t before = lines.pos;
    if (!lines.next(line, start)) break;
    if (util::trim_ascii(line).empty()) {
      body.emplace_back();
      continue;
    }
    const std::size_t in = indent_of(line);
    if (indent == 0) indent = in;
    if (in == 0 || in < indent) {  // a key, a fence, or the end of the front matter
      lines.pos = before;
      break;
    }
    body.push_back(line.substr(indent));
  }
  std::size_t trailing = 0;
  while (!body.empty() && body.back().empty()) {
    body.pop_back();
    ++trailing;
  }
  std::string out;
  auto more_indented = [](std::string_view l) { return !l.empty() && (l[0] == ' ' || l[0] == '\t'); };
  std::string_view last;  // the last non-empty line
  for (std::size_t k = 0; k < body.size(); ++k) {
    const std::string_view cur = body[k];
    if (k == 0) {
      out.append(cur);
      last = cur;
      continue;
    }
    if (!h.folded) {
      out.push_back('\n');
      out.append(cur);
      continue;
    }
    if (cur.empty()) {
      out.push_back('\n');
      continue;
    }
    const bool keep_break = more_indented(cur) || more_indented(last);
    if (!body[k - 1].empty()) {
      out.push_back(keep_break ? '\n' : ' ');
    } else if (keep_break) {
      out.push_back('\n');
    }
    out.append(cur);
    last = cur;
  }
  if (h.chomp == '-') return out;
  if (!body.empty()) out.push_back('\n');
  if (h.chomp == '+') out.append(trailing, '\n');
  return out;
}

bool list_item(std::string_view line, std::string_view& item) noexcept {
  const std::string_view t = util::trim_ascii(line);
  if (t.size() >= 2 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
    item = util::trim_ascii(t.substr(2));
    return true;
  }
  if (t == "-") {
    item = {};
    return true;
  }
  return false;
}

void append_escape(std::string& out, std::string_view raw, std::size_t& i) {
  // raw[i] == '\\'
  if (i + 1 >= raw.size()) {
    out.push_back('\\');
    ++i;
    return;
  }
  const char e = raw[i + 1];
  i += 2;
  switch (e) {
    case 'n': out.push_back('\n'); return;
    case 't': out.push_back('\t'); return;
    case 'r': return;
    case '"': out.push_back('"'); return;
    case '\\': out.push_back('\\'); return;
    case '/': out.push_back('/'); return;
    case '0': return;
    case 'u':
    case 'U': {
      const std::size_t len = e == 'u' ? 4 : 8;
      if (i + len > raw.size()) break;
      char32_t cp = 0;
      for (std::size_t k = 0; k < len; ++k) {
        const char h = raw[i + k];
        cp <<= 4;
        if (h >= '0' && h <= '9') cp |= static_cast<char32_t>(h - '0');
        else if (h >= 'a' && h <= 'f') cp |= static_cast<char32_t>(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F') cp |= static_cast<char32_t>(h - 'A' + 10);
        else return;  // not an escape after all; drop it
      }
      i += len;
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = util::replacement_char;
      util::append_utf8(out, cp);
      return;
    }
    default: break;
  }
  out.push_back('\\');
  out.push_back(e);
}

void split_flow_list(std::string_view inner, std::vector<std::string>& out) {
  std::size_t i = 0;
  while (i <= inner.size()) {
    std::size_t j = i;
    char quote = 0;
    while (j < inner.size()) {
      const char c = inner[j];
      if (quote != 0) {
        if (c == '\\' && quote == '"' && j + 1 < inner.size()) ++j;
        else if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ',') {
        break;
      }
      ++j;
    }
    bool balanced = true;
    std::string v = parse_scalar(inner.substr(i, j - i), balanced);
    if (!v.empty()) out.push_back(std::move(v));
    i = j + 1;
  }
}

}  // namespace

const front_matter_field* post_parts::field(std::string_view key) const noexcept {
  for (const auto& f : fields) {
    if (util::iequals(f.key, key)) return &f;
  }
  return nullptr;
}

bool starts_with_front_matter(std::string_view text) noexcept {
  line_cursor lines{text};
  std::string_view line;
  std::size_t start = 0;
  while (lines.next(line, start)) {
    if (util::trim(line).empty() || is_directive(line)) continue;
    return is_fence(line);
  }
  return false;
}

std::string parse_scalar(std::string_view raw, bool& balanced) {
  balanced = true;
  raw = util::trim_ascii(raw);
  std::string out;
  if (raw.empty()) return out;
  if (raw.front() == '"') {
    // The generator does not escape quotes inside titles: a value that ends
    // with a quote runs from the first quote to the last, inner quotes are
    // text; one that does not end with a quote lost its closing quote.
    std::string_view inner;
    if (raw.size() >= 2 && raw.back() == '"') {
      inner = raw.substr(1, raw.size() - 2);
    } else {
      balanced = false;
      inner = raw.substr(1);
    }
    for (std::size_t i = 0; i < inner.size();) {
      if (inner[i] == '\\') {
        append_escape(out, inner, i);
      } else {
        out.push_back(inner[i++]);
      }
    }
    return out;
  }
  if (raw.front() == '\'') {
    std::string_view inner;
    if (raw.size() >= 2 && raw.back() == '\'') {
      inner = raw.substr(1, raw.size() - 2);
    } else {
      balanced = false;
      inner = raw.substr(1);
    }
    for (std::size_t i = 0; i < inner.size(); ++i) {
      out.push_back(inner[i]);
      if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
    }
    return out;
  }
  out.assign(raw);
  return out;
}

void split_post(std::string_view text, post_parts& out) {
  out = post_parts{};
  line_cursor lines{text};
  std::string_view line;
  std::size_t start = 0;
  std::size_t body_start = 0;

  // Front matter.
  bool opened = false;
  while (lines.next(line, start)) {
    if (util::trim(line).empty() || is_directive(line)) continue;
    opened = is_fence(line);
    if (!opened) lines.pos = start;  // no front matter: the body starts here
    break;
  }
  if (!opened) lines.pos = 0;  // directives without a fence are body text
  if (opened) {
    out.has_front_matter = true;
    bool closed = false;
    front_matter_field* current = nullptr;
    std::size_t after_fields = lines.pos;
    while (lines.next(line, start)) {
      if (is_fence(line) || util::trim_ascii(line) == "...") {
        closed = true;
        after_fields = lines.pos;
        break;
      }
      std::string_view key;
      std::string_view value;
      std::string_view item;
      block_header block;
      if (split_key(line, key, value) || split_tab_indented_key(line, key, value)) {
        out.fields.push_back({std::string(key), {}, false});
        current = &out.fields.back();
        if (parse_block_header(value, block)) {
          current->values.push_back(read_block_scalar(lines, block));
        } else if (value.empty()) {
          current->is_list = true;  // a block list may follow
        } else if (value.front() == '[' && value.back() == ']') {
          current->is_list = true;
          split_flow_list(value.substr(1, value.size() - 2), current->values);
        } else {
          bool balanced = true;
          current->values.push_back(parse_scalar(value, balanced));
          if (!balanced) {
            out.warnings.push_back(
                fmt::format("front matter '{}' has an unbalanced quote", current->key));
          }
        }
      } else if (current != nullptr && current->is_list && list_item(line, item)) {
        bool balanced = true;
        std::string v = parse_scalar(item, balanced);
        if (!v.empty()) current->values.push_back(std::move(v));
      } else if (util::trim_ascii(line).empty() || line.front() == '#') {
        // blank or comment line
      } else if (current != nullptr && !current->is_list && (line.front() == ' ' || line.front() == '\t')) {
        // a folded continuation of the previous scalar
        if (current->values.empty()) current->values.emplace_back();
        if (!current->values.back().empty()) current->values.back().push_back(' ');
        current->values.back().append(util::trim_ascii(line));
      } else if (!closed) {
        // Not YAML: the front matter never closed and this is the body.
        after_fields = start;
        lines.pos = start;
        break;
      }
      after_fields = lines.pos;
    }
    if (!closed) out.warnings.push_back("front matter is not closed by a '---' line");
    lines.pos = after_fields;
  }
  body_start = lines.pos;

  // Digest lead: "> " lines before the content.
  while (lines.next(line, start)) {
    const std::string_view t = util::trim_ascii(line);
    if (t.empty()) {
      if (!out.summary.empty()) break;
      body_start = lines.pos;
      continue;
    }
    if (t.front() != '>') {
      lines.pos = start;
      break;
    }
    std::string_view q = t.substr(1);
    if (!q.empty() && q.front() == ' ') q.remove_prefix(1);
    if (!out.summary.empty()) out.summary.push_back('\n');
    out.summary.append(util::trim(q));
    body_start = lines.pos;
  }
  if (!out.summary.empty()) body_start = lines.pos;

  // Trailing links, scanned from the end.
  std::string_view rest = text.substr(std::min(body_start, text.size()));
  std::size_t end = rest.size();
  while (end > 0) {
    std::size_t ls = rest.rfind('\n', end - 1);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    const std::string_view t = util::trim(rest.substr(ls, end - ls));
    bool trailing = false;
    if (t.empty()) {
      trailing = true;
    } else if (t.front() == '<' && t.back() == '>' &&
               t.substr(1, t.size() - 2).find_first_of("<>\" '") == std::string_view::npos &&
               (t.size() == 2 || t.find("//") != std::string_view::npos)) {
      // <http://...> or the empty <> the generator writes when it has no link
      const std::string_view inner = t.substr(1, t.size() - 2);
      if (!inner.empty()) out.url.assign(inner);
      trailing = true;
    } else if (t.front() == '[') {
      // [返回…](…)｜[返回首页](…): only links and separators
      std::size_t i = 0;
      trailing = true;
      while (i < t.size()) {
        if (t[i] != '[') {
          trailing = false;
          break;
        }
        const std::size_t close = t.find("](", i);
        if (close == std::string_view::npos) {
          trailing = false;
          break;
        }
        const std::size_t paren = t.find(')', close + 2);
        if (paren == std::string_view::npos) {
          trailing = false;
          break;
        }
        i = paren + 1;
        while (i < t.size()) {
          std::size_t j = i;
          const char32_t c = util::next_cp(t, j);
          if (c == '|' || c == 0xFF5C || c == 0x00A6 || util::is_space(c) || c == 0x3001) {
            i = j;
          } else {
            break;
          }
        }
      }
    }
    if (!trailing) break;
    end = ls == 0 ? 0 : ls - 1;
    if (ls == 0) end = 0;
  }
  out.content = util::trim(rest.substr(0, end));
  out.content_is_html = looks_like_html(out.content);
}

bool looks_like_html(std::string_view body) noexcept {
  static constexpr std::string_view tags[] = {
      "p",  "div",   "br",  "span", "img",    "a",  "table", "h1", "h2",  "h3",
      "h4", "h5",    "h6",  "strong", "b",    "center", "ul", "ol", "li", "section",
      "article", "blockquote", "em", "font", "iframe", "script", "style", "html",
      "body", "head", "meta", "figure", "pre", "tr", "td", "i", "u", "hr", "title"};
  std::size_t i = 0;
  while ((i = body.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i < body.size() && body[i] == '!') return true;  // <!-- comment --> or <!DOCTYPE
    if (i < body.size() && body[i] == '/') ++i;
    std::size_t j = i;
    while (j < body.size() && (util::is_ascii_alpha(static_cast<unsigned char>(body[j])) ||
                               util::is_digit(static_cast<unsigned char>(body[j])))) {
      ++j;
    }
    if (j == i || j >= body.size()) continue;
    if (body[j] != '>' && body[j] != ' ' && body[j] != '/' && body[j] != '\t' && body[j] != '\n')
      continue;
    const std::string_view name = body.substr(i, j - i);
    for (std::string_view t : tags) {
      if (util::iequals(t, name)) return true;
    }
  }
  return false;
}

}  // namespace newsx::decode
