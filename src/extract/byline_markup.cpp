// The byline as the markup marks it, and the shape of a writer's name.
#include "extract/byline_markup.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "clean/cleaner.hpp"
#include "extract/byline.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

namespace {

/// A writer's name has two to four words: one word is a handle or a brand,
/// five run into a job title ("Ben Silverman Games Editor Yahoo").
constexpr int name_min_words = 2;
constexpr int name_max_words = 4;
/// A byline element's names together: longer is a list of contributors or
/// a paragraph, not a byline.
constexpr std::size_t markup_names_max_bytes = 120;
/// Lower-case words after the names, before the next separator, that make
/// the element an author's bio ("Jane Doe is a reporter based in Seoul").
constexpr int bio_min_prose_words = 3;
/// Text read from one byline element.
constexpr std::size_t element_text_max_bytes = 400;

/// Characters that end a name and the names after it: separators, brackets,
/// quotes. White space (also a line break, which page source puts anywhere)
/// does not.
bool is_break(char32_t c) noexcept {
  switch (c) {
    case '|': case '(': case ')': case '[': case ']': case '/': case '\\': case ';': case ':':
    case '<': case '>': case '"': case '*': case '+': case '=':
    case 0x2022: case 0xB7: case 0x2014: case 0x2013: case 0xFF5C: case 0x201C: case 0x201D:
    case 0xFF1A: case 0xFF08: case 0xFF09: case 0x3001: case 0xFF0C:
      return true;
    default:
      return util::is_digit(c) || util::is_cjk(c);
  }
}

bool is_space_cp(char32_t c) noexcept { return util::is_space(c) || c == 0xA0 || c == '\n'; }

bool is_upper(char32_t c) noexcept { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool is_letter(char32_t c) noexcept { return u_isalpha(static_cast<UChar32>(c)) != 0; }

/// A word of a name: a capital, then letters and the marks names carry
/// ("O'Neil", "Roberts-Grey", "Q.").
bool is_name_word(std::string_view w) noexcept {
  if (w.empty()) return false;
  std::size_t i = 0;
  if (!is_upper(util::next_cp(w, i))) return false;
  bool letters = true;
  while (i < w.size()) {
    const char32_t c = util::next_cp(w, i);
    if (!(is_letter(c) || c == '.' || c == '\'' || c == '-' || c == 0x2019)) letters = false;
  }
  return letters;
}

/// The word without case and without one trailing dot, for table look-ups.
std::string folded(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  std::string out(w);
  for (char& c : out) c = util::ascii_lower(c);
  return out;
}

template <std::size_t N>
bool folded_in(std::string_view w, const lexicon::word (&table)[N]) {
  return lexicon::is_one_of(std::string_view(folded(w)), table);
}

struct token {
  std::string_view text;    // without a trailing comma
  std::size_t end = 0;      // one past the token in the text
  bool comma = false;       // a comma followed it
};

/// The next token from pos: skips white space; empty at a break or the end.
token next_token(std::string_view s, std::size_t& pos) {
  while (pos < s.size()) {
    std::size_t f = pos;
    if (!is_space_cp(util::next_cp(s, f))) break;
    pos = f;
  }
  token t;
  const std::size_t start = pos;
  std::size_t e = pos;
  while (e < s.size()) {
    std::size_t f = e;
    const char32_t c = util::next_cp(s, f);
    if (is_space_cp(c) || is_break(c) || c == ',') break;
    e = f;
  }
  t.text = s.substr(start, e - start);
  t.end = e;
  if (e < s.size() && s[e] == ',') {
    t.comma = true;
    ++e;
  }
  pos = e;
  return t;
}

}  // namespace

std::string leading_names(std::string_view text, std::size_t* consumed) {
  std::vector<std::string_view> names;  // whole names, as the page writes them
  std::size_t names_end = 0;
  std::size_t name_begin = std::string_view::npos;
  std::size_t name_end = 0;
  std::string_view first_word;
  int words = 0;
  bool joined = false;  // a comma or a joiner ended a name: another may follow
  auto commit = [&] {
    if (words >= name_min_words) {
      names.push_back(text.substr(name_begin, name_end - name_begin));
      names_end = name_end;
    }
    words = 0;
    name_begin = std::string_view::npos;
  };
  auto peek = [&](std::size_t from) { return next_token(text, from).text; };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const token t = next_token(text, pos);
    if (t.text.empty()) break;
    const std::string_view w = t.text;
    const bool joiner = w == "&" || lexicon::is_one_of(w, lexicon::byline_name_joiners);
    if (joiner && (words >= name_min_words || (joined && words == 0))) {
      commit();
      joined = true;
      continue;
    }
    if (words >= name_min_words && (folded_in(w, lexicon::month_words) || w == first_word)) break;
    if (folded_in(w, lexicon::weekday_words)) break;
    if (folded_in(w, lexicon::byline_title_words) ||
        (folded_in(w, lexicon::byline_desk_words) && !t.comma &&
         folded_in(peek(pos), lexicon::byline_title_words))) {
      if (!names.empty()) words = 0;  // "A, Ap Auto Writer": a title, not a second name
      break;
    }
    if (folded_in(w, lexicon::byline_desk_words)) {  // "Reuters Staff": a desk, not a writer
      words = 0;
      break;
    }
    if (folded_in(w, lexicon::byline_furniture_en)) break;
    bool take = is_name_word(w);
    if (!take && words >= 1 && lexicon::is_one_of(w, lexicon::name_particles)) {
      std::size_t look = pos;
      take = !t.comma && is_name_word(next_token(text, look).text);
    }
    if (!take) break;
    if (words == name_max_words) {  // five capitalised words: a name and a title, not a name
      words = 0;
      break;
    }
    if (words == 0) {
      name_begin = t.end - w.size();
      first_word = w;
    }
    ++words;
    name_end = t.end;
    if (t.comma) {
      if (words < name_min_words) break;
      commit();
      joined = true;
    }
  }
  commit();
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    // one space between words however the page spaces them
    bool space = false;
    for (std::size_t i = 0; i < n.size();) {
      const std::size_t s = i;
      const char32_t c = util::next_cp(n, i);
      if (is_space_cp(c)) {
        space = true;
        continue;
      }
      if (space) out.push_back(' ');
      space = false;
      out.append(n.substr(s, i - s));
    }
  }
  if (consumed) *consumed = out.empty() ? 0 : names_end;
  return out;
}

bool is_cms_account(std::string_view name) noexcept {
  name = util::trim(name);
  for (lexicon::word w : lexicon::cms_account_names) {
    if (util::iequals(name, w)) return true;
  }
  if (name.find('@') != std::string_view::npos || util::istarts_with(name, "http") ||
      util::istarts_with(name, "www.") || name.find("://") != std::string_view::npos) {
    return true;
  }
  // one token of letters and digits, or all lower case: a user id or handle
  bool space = false, digit = false, upper = false, letter = false;
  for (std::size_t i = 0; i < name.size();) {
    const char32_t c = util::next_cp(name, i);
    space = space || is_space_cp(c);
    digit = digit || util::is_digit(c);
    upper = upper || is_upper(c);
    letter = letter || is_letter(c);
  }
  if (!letter) return true;
  return !space && !util::has_cjk(name) && (digit || !upper);
}

std::string_view strip_byline_opener(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  for (lexicon::word op : lexicon::byline_openers) {
    if (!util::istarts_with(t, op)) continue;
    if (t.size() > op.size() && !(t[op.size()] == ' ' || t[op.size()] == ':' ||
                                  t[op.size()] == '\n' || t[op.size()] == '\t')) {
      continue;
    }
    t = util::trim(t.substr(op.size()));
    if (!t.empty() && t.front() == ':') t = util::trim(t.substr(1));
    break;
  }
  return t;
}

std::string byline_element_name(std::string_view text) {
  std::string_view t = util::trim(text);
  // a Chinese byline element: "王帆", "作者：李四", "记者 张三 李四" (never an
  // editor's line: credit_names refuses those)
  {
    std::size_t f = 0;
    if (!t.empty() && util::is_cjk(util::next_cp(t, f))) {
      std::string names = credit_names(t);
      if (!names.empty()) return names;
    }
  }
  // leading separators and marks: "— By Jane Doe", "| Jane Doe"
  while (!t.empty()) {
    std::size_t f = 0;
    const char32_t c = util::next_cp(t, f);
    if (is_letter(c)) break;
    t = util::trim(t.substr(f));
  }
  t = strip_byline_opener(t);
  std::size_t pos = 0;
  if (folded_in(next_token(t, pos).text, lexicon::byline_furniture_en)) return {};
  std::size_t used = 0;
  std::string names = leading_names(t, &used);
  if (names.empty() || names.size() > markup_names_max_bytes || is_cms_account(names)) return {};
  // prose right after the names: a bio, not a byline
  const std::string_view rest = t.substr(used);
  int prose = 0;
  for (std::size_t p = 0; p < rest.size();) {
    const token k = next_token(rest, p);
    if (k.text.empty()) break;
    const unsigned char c0 = static_cast<unsigned char>(k.text.front());
    if (c0 >= 'a' && c0 <= 'z' && !lexicon::is_one_of(k.text, lexicon::name_particles)) ++prose;
  }
  if (prose >= bio_min_prose_words) return {};
  return names;
}

namespace {

enum class mark : std::uint8_t { none, item, rel, named };

/// Class and id tokens of an element.
template <class F>
void for_each_class_token(const dom::node& n, F&& f) {
  clean::for_each_name_token(dom::attr(n, "class"), f);
  clean::for_each_name_token(dom::attr(n, "id"), f);
}

bool has_space_token(std::string_view value, std::string_view word) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && util::is_ascii_space(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && !util::is_ascii_space(value[j])) ++j;
    if (j > i && util::iequals(value.substr(i, j - i), word)) return true;
    i = j;
  }
  return false;
}

bool names_byline_part(const dom::node& n) {
  bool part = false;
  for_each_class_token(n, [&](std::string_view t) {
    part = part || lexicon::is_one_of(t, lexicon::byline_part_class_words);
  });
  return part;
}

mark byline_mark(const dom::node& n) {
  const std::string_view ip = dom::attr(n, "itemprop");
  // an Organization as author is the outlet; itemprop=creator credits pictures too
  if (has_space_token(ip, "author")) {
    return util::icontains(dom::attr(n, "itemtype"), "Organization") ? mark::none : mark::item;
  }
  if (n.tag == html_tag::a && has_space_token(dom::attr(n, "rel"), "author")) return mark::rel;
  bool named = false;
  for_each_class_token(n, [&](std::string_view t) {
    named = named || lexicon::is_one_of(t, lexicon::byline_class_words);
  });
  if (named && !names_byline_part(n)) return mark::named;
  return mark::none;
}

/// Inside a comment thread, an author-bio box, a list of other stories, a
/// sidebar: the bylines there are other people's.
bool in_foreign_box(const dom::document& doc, std::uint32_t i) {
  for (std::uint32_t a = doc[i].parent; a != 0; a = doc[a].parent) {
    const dom::node& n = doc[a];
    if (n.type != kind::element || n.tag == html_tag::body || n.tag == html_tag::html) continue;
    if (n.tag == html_tag::nav || n.tag == html_tag::figure || n.tag == html_tag::figcaption) return true;
    bool foreign = false;
    for_each_class_token(n, [&](std::string_view t) {
      foreign = foreign || lexicon::is_one_of(t, lexicon::foreign_byline_class_words);
    });
    if (foreign) return true;
    if (a == doc[a].parent) break;
  }
  return false;
}

bool is_block(html_tag t) noexcept {
  switch (t) {
    case html_tag::div: case html_tag::p: case html_tag::li: case html_tag::ul: case html_tag::ol:
    case html_tag::section: case html_tag::header: case html_tag::footer: case html_tag::article:
    case html_tag::figure: case html_tag::figcaption: case html_tag::dd: case html_tag::dt:
    case html_tag::dl: case html_tag::table: case html_tag::tr: case html_tag::td:
    case html_tag::h1: case html_tag::h2: case html_tag::h3: case html_tag::h4: case html_tag::h5:
    case html_tag::h6: case html_tag::address: case html_tag::blockquote: case html_tag::button:
      return true;
    default:
      return false;
  }
}

/// The element's text: its parts that are not the name (a bio, a photo, a
/// job title) left out, blocks and <br> kept apart by a separator.
void element_text(const dom::document& doc, std::uint32_t e, std::string& out) {
  out.clear();
  const std::uint32_t end = doc[e].end;
  std::vector<std::uint32_t> open;  // ends of the blocks inside
  std::size_t visits = 0;  // nested candidates must not each read the rest of the page
  for (std::uint32_t i = e + 1; i < end && out.size() < element_text_max_bytes && ++visits <= element_text_max_bytes;
       ++i) {
    while (!open.empty() && i >= open.back()) {
      out += " | ";
      open.pop_back();
    }
    const dom::node& n = doc[i];
    if ((n.flags & dom::removed) != 0) {
      i = n.end - 1;
      continue;
    }
    if (n.type == kind::text) {
      out.append(n.text);
    } else if (n.type == kind::whitespace) {
      out.push_back(' ');
    } else if (n.type == kind::element) {
      if (n.tag == html_tag::br) {
        out += " | ";
      } else if (names_byline_part(n)) {
        i = n.end - 1;
        out += " | ";
      } else if (is_block(n.tag)) {
        out += " | ";
        open.push_back(n.end);
      }
    }
  }
}

/// An element named byline or author that holds an itemprop=author or
/// rel=author element: that one marks the name, the rest is its frame.
bool has_marked_part(const dom::document& doc, std::uint32_t e) {
  for (std::uint32_t i = e + 1; i < doc[e].end; ++i) {
    const dom::node& n = doc[i];
    if (n.type != kind::element) continue;
    const mark m = byline_mark(n);
    if (m == mark::item || m == mark::rel) return true;
  }
  return false;
}

/// A name the page marks as one (an itemprop="name" part of its author) may be
/// a platform handle rather than a personal name: "宏观观察员", "价值老猫". Two
/// to this many CJK characters (letters and digits among them), nothing else.
constexpr std::size_t marked_handle_max_chars = 12;
std::string marked_cjk_handle(std::string_view text) {
  const std::string_view t = util::trim(text);
  const std::size_t cps = util::cp_count(t);
  if (cps < 2 || cps > marked_handle_max_chars) return {};
  std::size_t cjk = 0;
  for (std::size_t i = 0; i < t.size();) {
    const char32_t c = util::next_cp(t, i);
    if (util::is_cjk(c)) {
      ++cjk;
    } else if (!util::is_ascii_alpha(c) && !util::is_digit(c)) {
      return {};
    }
  }
  if (cjk * 2 < cps || lexicon::is_one_of(t, lexicon::byline_furniture) || is_media_name(t) ||
      is_cms_account(t)) {
    return {};
  }
  return std::string(t);
}

/// The name an itemprop="name" part gives: read as a byline, else as a handle.
std::string item_part_name(std::string_view text) {
  std::string name = byline_element_name(text);
  return name.empty() ? marked_cjk_handle(text) : name;
}

/// An itemprop="author" element's own name: its itemprop="name" part.
std::uint32_t item_name(const dom::document& doc, std::uint32_t e) {
  for (std::uint32_t i = e + 1; i < doc[e].end; ++i) {
    const dom::node& n = doc[i];
    if (n.type == kind::element && has_space_token(dom::attr(n, "itemprop"), "name")) return i;
  }
  return 0;
}

struct found_name {
  std::uint32_t node;
  std::uint32_t parent;
  std::string name;
};

}  // namespace

void add_byline_markup_facts(const dom::document& doc, std::uint32_t headline, std::uint32_t content,
                             facts& found) {
  std::vector<found_name> names;
  std::string text;
  for (std::uint32_t i = 1; i < doc.size(); ++i) {
    const dom::node& n = doc[i];
    if ((n.flags & dom::removed) != 0 && n.tag != html_tag::meta) {
      i = n.end - 1;
      continue;
    }
    if (n.type != kind::element || n.tag == html_tag::link || n.tag == html_tag::script) continue;
    const mark m = byline_mark(n);
    if (m == mark::none) continue;
    if (m == mark::named && has_marked_part(doc, i)) continue;  // the itemprop or link inside says more
    if (headline != 0 && i < headline && headline < n.end) continue;  // a header region, not the byline
    if (in_foreign_box(doc, i)) {
      i = n.end - 1;
      continue;
    }
    std::string name;
    if (n.tag == html_tag::meta) {
      name = byline_element_name(dom::attr(n, "content"));
    } else {
      const std::uint32_t part = m == mark::item ? item_name(doc, i) : 0;
      if (part != 0 && doc[part].tag == html_tag::meta) {
        name = item_part_name(dom::attr(doc[part], "content"));
      } else {
        text.clear();
        if (part != 0) {
          dom::append_text(doc, part, text, dom::removed, element_text_max_bytes);  // the name element's own text
          name = item_part_name(text);
        } else {
          element_text(doc, i, text);
          name = byline_element_name(text);
        }
      }
    }
    if (name.empty()) continue;  // look inside: a part of it may be the name
    // one byline of several marked names: "<span itemprop=author>A</span> and
    // <span itemprop=author>B</span>" reads "A, B"
    if (!names.empty() && names.back().parent == n.parent && names.back().name != name) {
      names.back().name += ", ";
      names.back().name += name;
    } else {
      names.push_back({i, n.parent, std::move(name)});
    }
    i = n.end - 1;
  }
  if (names.empty()) return;
  // nearest the headline first (else the content's start)
  const std::uint32_t anchor = headline != 0 ? headline : content;
  auto distance = [&](std::uint32_t k) { return k > anchor ? k - anchor : anchor - k; };
  std::stable_sort(names.begin(), names.end(), [&](const found_name& a, const found_name& b) {
    return distance(a.node) < distance(b.node);
  });
  for (found_name& f : names) found.author.push_back({std::move(f.name), origin::byline_markup});
}

}  // namespace newsx::extract
