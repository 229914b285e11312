#include "parse/prescan.hpp"

#include <algorithm>
#include <cstring>

#include "parse/nesting.hpp"
#include "util/text.hpp"

namespace newsx::dom {

namespace {

bool is_alpha(char c) noexcept { return util::is_ascii_alpha(static_cast<unsigned char>(c)); }
bool is_tag_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool white_space_only(std::string_view t) noexcept {
  for (char c : t) {
    if (!is_tag_space(c)) return false;
  }
  return true;
}

enum class body_kind { markup, script, rawtext, plaintext };

body_kind kind_of(std::string_view name) noexcept {
  if (util::iequals(name, "script")) return body_kind::script;
  if (util::iequals(name, "style") || util::iequals(name, "title") ||
      util::iequals(name, "textarea") || util::iequals(name, "xmp") ||
      util::iequals(name, "iframe") || util::iequals(name, "noembed") ||
      util::iequals(name, "noframes")) {
    return body_kind::rawtext;
  }
  if (util::iequals(name, "plaintext")) return body_kind::plaintext;
  return body_kind::markup;
}

/// Position of "</name" followed by white space, '/' or '>' at or after from;
/// npos when the element never closes.
std::size_t find_end_tag(std::string_view s, std::string_view name, std::size_t from) noexcept {
  while (from < s.size()) {
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    if (p == nullptr) return std::string_view::npos;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(p) - s.data());
    if (at + 2 + name.size() <= s.size() && s[at + 1] == '/' &&
        util::iequals(s.substr(at + 2, name.size()), name)) {
      const std::size_t after = at + 2 + name.size();
      if (after == s.size() || is_tag_space(s[after]) || s[after] == '/' || s[after] == '>') return at;
    }
    from = at + 1;
  }
  return std::string_view::npos;
}

}  // namespace

bool is_region_marker_comment(std::string_view text) noexcept {
  text = util::trim_ascii(text);
  return (text.size() > 5 && util::iequals(text.substr(text.size() - 5), "start")) ||
         (text.size() > 3 && util::iequals(text.substr(text.size() - 3), "end"));
}

prescan_report prescan(std::string_view s, const prescan_limits& limits, std::string& out) {
  prescan_report r;
  out.clear();
  out.reserve(s.size() + 16);
  const std::size_t n = s.size();
  nesting_model model;
  auto over_limits = [&] {
    r.depth = model.depth();
    r.nodes = model.nodes();
    r.too_deep = r.depth > limits.max_depth;
    r.too_many_nodes = r.nodes > limits.max_nodes;
    return r.too_deep || r.too_many_nodes;
  };
  std::size_t i = 0;
  while (i < n) {
    const void* lt = std::memchr(s.data() + i, '<', n - i);
    if (lt == nullptr) {
      out.append(s.substr(i));
      model.text(white_space_only(s.substr(i)));
      break;
    }
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(lt) - s.data());
    if (at > i) {
      out.append(s.substr(i, at - i));
      model.text(white_space_only(s.substr(i, at - i)));
    }
    i = at;
    if (i + 1 >= n) {
      out.push_back('<');
      ++i;
      break;
    }
    const char c1 = s[i + 1];

    // Comments: keep region markers, drop the rest.
    if (c1 == '!' && s.compare(i, 4, "<!--") == 0) {
      std::size_t body = i + 4;
      std::size_t end = std::string_view::npos;
      std::size_t close_len = 3;
      if (body < n && s[body] == '>') {  // <!-->
        end = body;
        close_len = 1;
      } else if (s.compare(body, 2, "->") == 0) {  // <!--->
        end = body;
        close_len = 2;
      } else {
        for (std::size_t k = body; k + 2 < n; ++k) {
          if (s[k] == '-' && s[k + 1] == '-') {
            if (s[k + 2] == '>') {
              end = k;
              close_len = 3;
              break;
            }
            if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>') {
              end = k;
              close_len = 4;
              break;
            }
          }
        }
      }
      if (end == std::string_view::npos) {  // runs to the end: all comment
        if (!limits.skip_raw_text) out.append(s.substr(i));
        else r.bytes_skipped += n - i;
        i = n;
        break;
      }
      const std::size_t stop = end + close_len;
      if (!limits.skip_raw_text || is_region_marker_comment(s.substr(body, end - body))) {
        out.append(s.substr(i, stop - i));
        model.comment();
      } else {
        r.bytes_skipped += stop - i;
      }
      i = stop;
      continue;
    }
    // Doctype, bogus comments, processing instructions: copy through '>'.
    if (c1 == '!' || c1 == '?') {
      const std::size_t gt = s.find('>', i + 2);
      const std::size_t stop = gt == std::string_view::npos ? n : gt + 1;
      out.append(s.substr(i, stop - i));
      i = stop;
      continue;
    }
    // End tags.
    if (c1 == '/') {
      std::size_t k = i + 2;
      while (k < n && is_alpha(s[k])) ++k;
      const std::string_view name = s.substr(i + 2, k - i - 2);
      if (!name.empty()) model.end_tag(name);
      const std::size_t gt = s.find('>', k);
      const std::size_t stop = gt == std::string_view::npos ? n : gt + 1;
      out.append(s.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (!is_alpha(c1)) {  // "a < b": text
      out.push_back('<');
      ++i;
      continue;
    }

    // A start tag: copy the name, then the attributes up to the limit.
    std::size_t k = i + 1;
    while (k < n && !is_tag_space(s[k]) && s[k] != '/' && s[k] != '>') ++k;
    const std::string_view name = s.substr(i + 1, k - i - 1);
    out.append(s.substr(i, k - i));
    std::size_t attributes = 0;
    bool json_ld = false;
    bool closed = false;
    bool self_closing = false;  // "<path d=... />": ends itself in SVG and MathML
    while (k < n) {
      const std::size_t ws = k;
      while (k < n && (is_tag_space(s[k]) || s[k] == '/')) ++k;
      if (k >= n) {
        out.append(s.substr(ws));
        break;
      }
      if (s[k] == '>') {
        out.append(s.substr(ws, k + 1 - ws));
        self_closing = k > ws && s[k - 1] == '/';
        ++k;
        closed = true;
        break;
      }
      // attribute name: the first character may be '=' per the tokenizer
      const std::size_t name_start = k;
      ++k;
      while (k < n && !is_tag_space(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=') ++k;
      const std::string_view attr_name = s.substr(name_start, k - name_start);
      std::size_t j = k;
      while (j < n && is_tag_space(s[j])) ++j;
      std::size_t value_start = 0;
      std::size_t value_end = 0;
      if (j < n && s[j] == '=') {
        ++j;
        while (j < n && is_tag_space(s[j])) ++j;
        if (j < n && (s[j] == '"' || s[j] == '\'')) {
          const char q = s[j];
          const std::size_t close = s.find(q, j + 1);
          value_start = j + 1;
          value_end = close == std::string_view::npos ? n : close;
          j = close == std::string_view::npos ? n : close + 1;
        } else {
          value_start = j;
          while (j < n && !is_tag_space(s[j]) && s[j] != '>') ++j;
          value_end = j;
        }
        k = j;
      }
      if (util::iequals(attr_name, "type") &&
          util::icontains(s.substr(value_start, value_end - value_start), "ld+json")) {
        json_ld = true;
      }
      if (++attributes > limits.max_attributes) {
        ++r.attributes_dropped;
        continue;
      }
      out.append(s.substr(ws, k - ws));
    }
    model.start_tag(name, s.substr(i + 1 + name.size(), k - i - 1 - name.size()), self_closing);
    i = k;
    if (over_limits()) return r;
    if (!closed) break;

    // Elements whose body is not markup.
    const body_kind kind = kind_of(name);
    if (kind == body_kind::markup) continue;
    if (kind == body_kind::plaintext) {
      out.append(s.substr(i));
      i = n;
      break;
    }
    const std::size_t end = find_end_tag(s, name, i);
    const std::size_t stop = end == std::string_view::npos ? n : end;
    const bool drop = limits.skip_raw_text &&
                      ((kind == body_kind::script && !json_ld) || util::iequals(name, "style"));
    if (drop) {
      r.bytes_skipped += stop - i;
    } else {
      out.append(s.substr(i, stop - i));
      if (stop > i) model.text(false);
    }
    i = stop;
  }
  over_limits();
  return r;
}

}  // namespace newsx::dom
