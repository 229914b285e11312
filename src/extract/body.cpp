#include "extract/body.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "extract/byline.hpp"
#include "extract/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

namespace {

/// Subheads: a bold one is at most 40 characters, a numbered one 30.
constexpr std::size_t max_subhead_chars = 40;
constexpr std::size_t max_numbered_subhead_chars = 30;
/// Sections numbered on lines of their own: at least this many, 1, 2… in order.
constexpr std::size_t min_numbered_sections = 2;
/// A source credit line is this short; in brackets it may be longer.
constexpr std::size_t max_credit_chars = 60;
/// The headline repeated above the story, among its first eight blocks and
/// before its first line of 30 characters or more: whole, with a tag of up to
/// four letters ("【独家】"), or broken across lines that spell nine tenths of
/// it (one line that is a part of it may be a subhead the title quotes).
constexpr std::size_t title_repeat_window = 8;
constexpr std::uint32_t title_part_prose_chars = 30;
constexpr std::size_t max_title_tag_chars = 4;
constexpr std::size_t title_cover_num = 9, title_cover_den = 10;
/// A line in brackets longer than a date ("（2024年5月20日）") is a note, not a byline.
constexpr std::size_t max_bracketed_date_chars = 20;
/// A picture's credit line: a label and a name or two, an agency.
constexpr std::size_t max_picture_credit_line_chars = 60;
/// A byline opened with "By" may carry the writer's bio in a sentence or two.
constexpr std::size_t max_byline_bio_chars = 200;
/// A line of prose: what a label, a teaser's title or a button never reaches.
constexpr std::uint32_t min_prose_chars = 60;
/// What follows a byline's name without "By": a role or an outlet of a few
/// words ("Patch Staff", "AP National Security Writer"), not a clause.
constexpr std::size_t max_byline_role_words = 4;
/// A byline or a dateline stands among the first three lines the body keeps.
constexpr std::size_t opening_lines = 3;
constexpr std::size_t max_bracketed_credit_chars = 120;
/// How many blocks at either end of a story may hold its writer's credit.
constexpr std::size_t credit_blocks = 3;
/// Page furniture glued to the end of the last paragraph is this short.
constexpr std::size_t trailing_furniture_chars = 20;
/// A label opening other stories, with where they come from: at most this long.
constexpr std::size_t max_tail_marker_chars = 40;
/// A picture's caption and its credit line: the blocks right after it.
constexpr std::size_t caption_lines = 2;
/// A caption is at most this long (non-space characters); a longer line by
/// a picture is prose.
constexpr std::size_t max_caption_chars = 100;
/// A line by a picture this short (code points) is its credit.
constexpr std::size_t max_picture_credit_chars = 12;

bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

/// Strips one opening bracket (lexicon::opening_brackets).
std::string_view strip_open(std::string_view s) noexcept {
  const std::string_view o = lexicon::prefix_in(s, lexicon::opening_brackets);
  return o.empty() ? s : util::trim(s.substr(o.size()));
}
std::string_view strip_close(std::string_view s) noexcept {
  const std::string_view c = lexicon::suffix_in(s, lexicon::closing_brackets);
  return c.empty() ? s : util::trim(s.substr(0, s.size() - c.size()));
}

std::string_view after_colon(std::string_view s) noexcept {
  const std::string_view c = lexicon::prefix_in(s, lexicon::colons);
  return c.empty() ? std::string_view() : util::trim(s.substr(c.size()));
}

bool sentence_final(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '.' ||
         c == 0x201D || c == 0x300D || c == 0x2026 || c == 0xFF1B || c == ';';
}

/// What a heading never ends with: a full stop, a question (a bold question
/// is an interview's), a comma, a list mark or a semicolon. A heading may end
/// with a closing quote or a colon ("结语：", "中行“白银宝”").
bool ends_a_sentence_part(char32_t c) noexcept {
  return c == 0x3002 || c == '.' || c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B ||
         c == ';' || c == 0x2026 || c == '!' || c == 0xFF01 || c == '?' || c == 0xFF1F;
}

/// A comma, an enumeration comma or a semicolon: the sentence goes on.
bool ends_a_clause(char32_t c) noexcept {
  return c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B || c == ';';
}

/// A section number opening a line: its bracket, up to two digits or three
/// Chinese numerals, and what follows ("（一）…", "1、…", "01").
struct section_number {
  std::string_view open;  ///< its opening bracket ("（"), or empty
  std::size_t digits = 0, numerals = 0;
  std::size_t value = 0;  ///< of its digits ("01" is 1)
  std::string_view rest;  ///< the text after the number
};

std::optional<section_number> read_section_number(std::string_view t) noexcept {
  section_number n;
  n.open = lexicon::prefix_in(t, lexicon::opening_brackets);
  std::size_t i = n.open.size();
  while (i < t.size()) {
    std::size_t f = i;
    const char32_t c = util::next_cp(t, f);
    if (util::is_digit(c)) {
      ++n.digits;
      n.value = n.value * 10 + static_cast<std::size_t>(c - U'0');
    } else if (lexicon::chinese_numerals.find(c) != std::u32string_view::npos) {
      ++n.numerals;
    } else {
      break;
    }
    i = f;
  }
  if ((n.digits == 0 && n.numerals == 0) || n.digits > 2 || n.numerals > 3) return std::nullopt;
  n.rest = t.substr(i);
  return n;
}

/// "一、", "（一）", "1.", "1、", "第一章": a numbered section opener.
bool opens_with_section_number(std::string_view t) noexcept {
  const std::optional<section_number> n = read_section_number(t);
  if (!n) return false;
  if (!n->open.empty()) return !lexicon::prefix_in(n->rest, lexicon::closing_brackets).empty();
  return !lexicon::prefix_in(n->rest, lexicon::section_number_marks).empty();
}

/// "01", "2": a section's number on a line of its own, its title on the next
/// (a layout of official accounts and self-media): its value.
std::optional<std::size_t> lone_section_number(std::string_view t) noexcept {
  const std::optional<section_number> n = read_section_number(util::trim(t));
  if (!n || !n->open.empty() || n->numerals != 0 || !n->rest.empty()) return std::nullopt;
  return n->value;
}

char32_t last_cp(std::string_view s) noexcept {
  if (s.empty()) return 0;
  std::size_t st = 0;
  return util::prev_cp(s, s.size(), st);
}

/// A summary cut off mid-sentence ("... the survey found that devs…",
/// "...more than 26,000..."): a teaser of another story, not the page's prose.
bool is_cut_summary(std::string_view text) noexcept {
  const std::string_view t = util::trim(text);
  return last_cp(t) == 0x2026 || t.ends_with("...");
}

/// A short name: letters, CJK, spaces and middle dots; no digits or clauses.
bool is_name_like(std::string_view s, std::size_t max_cp) noexcept {
  if (s.empty()) return false;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = util::next_cp(s, i);
    ++n;
    if (util::is_cjk(c) || util::is_ascii_alpha(c) || c == ' ' || c == 0xB7 || c == '-' ||
        c == '&' || c == '.')
      continue;
    return false;
  }
  return n >= 2 && n <= max_cp;
}

/// A line wholly in round brackets is an aside ("（综合整理自…）", "(图文无关)"),
/// never a subhead.
bool is_aside(std::string_view t) noexcept {
  return (starts_with(t, "（") || starts_with(t, "(")) && (ends_with(t, "）") || ends_with(t, ")"));
}

/// A short question: a subhead only where the page's other bold lines are no
/// questions (an interview sets every question in bold).
constexpr std::size_t max_question_subhead_chars = 20;
bool is_short_question(const segment::seg_block& b) noexcept {
  const char32_t c = last_cp(b.b.text);
  return (c == 0xFF1F || c == '?') && b.chars <= max_question_subhead_chars;
}

/// A plain subhead is a phrase of 4 to 20 characters, mostly CJK, with no
/// figure and no colon (those are data lines and news items: "某股：净利预增
/// 21%"), not ending as a sentence or a quote does, after a paragraph of
/// prose (or a heading) and before a paragraph (prose, or the headline of a
/// news item), each at least twice as long and 30 characters. (Any short line between paragraphs was tried: on the
/// public pages it found as many false subheads as true ones; these limits
/// found no false one there.)
constexpr std::size_t min_plain_subhead_chars = 4;
constexpr std::size_t max_plain_subhead_chars = 20;
constexpr std::size_t min_prose_neighbour_chars = 30;
constexpr std::size_t min_plain_subheads = 2;

bool is_longer_beside(const segment::seg_block& b, std::size_t line_chars) noexcept {
  return b.b.type == block_type::paragraph &&
         b.chars >= std::max(2 * line_chars, min_prose_neighbour_chars);
}
bool is_prose_beside(const segment::seg_block& b, std::size_t line_chars) noexcept {
  return is_longer_beside(b, line_chars) && sentence_final(last_cp(b.b.text));
}

bool is_plain_subhead(const segment::seg_block& before, const segment::seg_block& b,
                      const segment::seg_block& after) noexcept {
  if (b.b.type != block_type::paragraph || b.chars < min_plain_subhead_chars ||
      b.chars > max_plain_subhead_chars || b.link_chars > 0) {
    return false;
  }
  const std::string_view t = b.b.text;
  const char32_t end = last_cp(t);
  if (ends_a_sentence_part(end) || end == 0xFF1A || end == ':' || end == 0x201D || end == 0xFF09 ||
      end == ')' || end == 0x300D) {
    return false;
  }
  std::size_t cjk = 0;
  for (std::size_t i = 0; i < t.size();) {
    const char32_t c = util::next_cp(t, i);
    if (util::is_digit(c) || (c >= 0xFF10 && c <= 0xFF19) || c == ':' || c == 0xFF1A) return false;
    if (util::is_cjk(c)) ++cjk;
  }
  if (cjk * 2 < b.chars) return false;
  if (is_byline(t) || looks_like_caption(b) || is_aside(t)) return false;
  return (before.b.type == block_type::heading || is_prose_beside(before, b.chars)) &&
         is_longer_beside(after, b.chars);
}

/// A letter or a digit of any script: not white space, punctuation or a mark.
bool is_letter_or_digit(char32_t c) noexcept {
  return util::is_digit(c) || util::is_ascii_alpha(c) || (c >= 0xC0 && !util::is_space(c) && !util::is_cjk_punct(c));
}

/// Words of t as white space parts them; an e-mail address counts only when
/// addresses does.
std::size_t count_words(std::string_view t, bool addresses = true) noexcept {
  std::size_t words = 0;
  for (std::size_t i = 0; i < t.size();) {
    while (i < t.size() && util::is_ascii_space(t[i])) ++i;
    if (i == t.size()) break;
    std::size_t e = i;
    while (e < t.size() && !util::is_ascii_space(t[e])) ++e;
    words += addresses || t.substr(i, e - i).find('@') == std::string_view::npos ? 1 : 0;
    i = e;
  }
  return words;
}

bool has_letters(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (is_letter_or_digit(util::next_cp(s, i))) return true;
  }
  return false;
}

}  // namespace

std::size_t opening_group_end(std::string_view t) noexcept {
  if (lexicon::prefix_in(t, lexicon::opening_brackets).empty()) return std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < t.size();) {
    if (const std::string_view o = lexicon::prefix_in(t.substr(i), lexicon::opening_brackets); !o.empty()) {
      ++depth;
      i += o.size();
    } else if (const std::string_view c = lexicon::prefix_in(t.substr(i), lexicon::closing_brackets); !c.empty()) {
      i += c.size();
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

std::string_view credit_line(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  // a credit is a short line; one in brackets may name a long byline too
  // ("（本文来源：经济日报 作者：…研究部部长、研究员某某）"), and ends where they close
  // ("（来源：某报）编者按：…" is a paragraph that opens with a credit)
  const bool bracketed = !lexicon::prefix_in(t, lexicon::opening_brackets).empty();
  if (util::cp_count(t) > (bracketed ? max_bracketed_credit_chars : max_credit_chars)) return {};
  if (bracketed) {
    const std::size_t end = opening_group_end(t);
    if (end != std::string_view::npos && end < t.size()) return {};
  }
  t = strip_close(strip_open(t));
  for (std::string_view key : lexicon::source_labels) {
    if (!starts_with(t, key)) continue;
    std::string_view rest = util::trim(t.substr(key.size()));
    std::string_view v = after_colon(rest);
    if (v.empty() && lexicon::is_one_of(key, lexicon::source_labels_without_colon)) v = rest;
    v = strip_close(v);
    // "来源：新华社 作者：张三": the credit ends at the next label
    for (std::string_view stop : lexicon::next_field_labels) {
      const std::size_t p = v.find(stop);
      if (p != std::string_view::npos && p > 0) v = util::trim(v.substr(0, p));
    }
    if (!v.empty() && util::cp_count(v) <= 30) return v;
    return {};
  }
  return {};
}

std::string_view outlet_before_role(std::string_view credit) noexcept {
  for (std::size_t i = 0; i < credit.size();) {
    if (!lexicon::prefix_in(credit.substr(i), lexicon::credit_role_words).empty()) {
      const std::string_view outlet = util::trim(credit.substr(0, i));
      return is_media_name(outlet) ? outlet : std::string_view{};
    }
    util::next_cp(credit, i);
  }
  return {};
}

std::string_view trailing_credit(std::string_view text, std::size_t& cut) noexcept {
  const std::string_view t = util::trim(text);
  std::string_view close;
  if (ends_with(t, "）")) {
    close = "）";
  } else if (ends_with(t, ")")) {
    close = ")";
  } else {
    return {};
  }
  const std::string_view body = t.substr(0, t.size() - close.size());
  // the opening bracket of the last group (either width closes either width)
  std::size_t o1 = body.rfind("（");
  std::size_t o2 = body.rfind('(');
  std::size_t o = std::string_view::npos;
  std::size_t olen = 0;
  if (o1 != std::string_view::npos && (o2 == std::string_view::npos || o1 > o2)) {
    o = o1;
    olen = 3;
  } else if (o2 != std::string_view::npos) {
    o = o2;
    olen = 1;
  }
  if (o == std::string_view::npos) return {};
  const std::string_view inner = util::trim(body.substr(o + olen));
  if (!is_name_like(inner, 16)) return {};
  const std::string_view before = util::trim(body.substr(0, o));
  if (!before.empty() && !sentence_final(last_cp(before))) return {};
  cut = static_cast<std::size_t>(before.data() + before.size() - text.data());
  return inner;
}

bool looks_like_caption(const segment::seg_block& b) noexcept {
  const std::string_view t = b.b.text;
  if (b.chars > max_caption_chars) return false;
  if (!lexicon::prefix_in(t, lexicon::caption_openers).empty()) return true;
  if (!lexicon::suffix_in(t, lexicon::caption_endings).empty()) return true;
  return b.centered && b.chars <= 60 && !sentence_final(last_cp(t));
}

bool has_hiragana(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = util::next_cp(s, i);
    if (cp >= 0x3041 && cp <= 0x309F) return true;
  }
  return false;
}

bool is_image_credit(std::string_view text) noexcept {
  const std::string_view t = strip_open(util::trim(text));
  if (!lexicon::prefix_in(t, lexicon::image_credit_openers).empty()) return true;
  if (!lexicon::suffix_in(t, lexicon::image_credit_endings).empty()) return true;
  // A short line is a credit (a photographer, an agency), unless it holds
  // hiragana: names and agencies are not written in it, a phrase of the text
  // is (a blog written in short centred lines between its pictures).
  return util::cp_count(t) <= max_picture_credit_chars && !has_hiragana(t);
}

bool is_picture_credit(std::string_view text, bool by_picture) noexcept {
  const std::string_view t = strip_open(util::trim(text));
  if (util::cp_count(t) > max_picture_credit_line_chars || sentence_final(last_cp(t))) return false;
  auto labelled = [&](std::span<const std::string_view> labels) {
    for (std::string_view w : labels) {
      if (!util::istarts_with(t, w)) continue;
      const std::string_view rest = util::trim(t.substr(w.size()));
      const std::string_view colon = lexicon::prefix_in(rest, lexicon::label_colons);
      if (!colon.empty() && !util::trim(rest.substr(colon.size())).empty()) return true;
    }
    return false;
  };
  // "Credit: spreads widen", "Image: the brand's new look" may be subheads
  // anywhere else: those labels credit only the line under a picture
  return labelled(lexicon::picture_credit_labels) || (by_picture && labelled(lexicon::picture_caption_labels));
}

bool shows_byline(std::string_view text, std::span<const text_candidate> authors) noexcept {
  std::string_view t = util::trim(text);
  bool opened = false;  // "By Jane Doe, who covers…": the word says it is a byline, bio and all
  for (std::string_view w : lexicon::byline_openers) {
    if (util::istarts_with(t, w) && t.size() > w.size() && t[w.size()] == ' ') {
      t = util::trim(t.substr(w.size()));
      opened = true;
      break;
    }
  }
  const std::size_t n = util::cp_count(t);
  if (opened ? n > max_byline_bio_chars : (n > max_credit_chars || sentence_final(last_cp(t)))) return false;
  for (const text_candidate& a : authors) {
    // the candidate's first name of several ("Toni Marsh, Jo Roe": "By Toni
    // Marsh and Jo Roe" shows it first); a full name: one word alone may open any line
    const std::string_view name = std::string_view(a.value).substr(0, a.value.find(", "));
    if (name.find(' ') == std::string_view::npos || !t.starts_with(name)) continue;
    // the name ends there, and what follows is a role or the outlet
    // (", Patch Staff", ",BBC News"), another name ("and Jo Roe"), not words
    // that carry on a sentence ("Toni Marsh, the harbour master, speaks out")
    std::string_view rest = t.substr(name.size());
    if (rest.empty()) return true;
    const std::string_view sep = lexicon::prefix_in(rest, lexicon::name_role_separators);
    const std::string_view word = util::trim(rest);  // rest opens with a space before a joiner
    const std::string_view joiner = lexicon::prefix_in(word, lexicon::byline_name_joiners);
    const bool joined = !joiner.empty() && rest.front() == ' ' && word.size() > joiner.size() &&
                        word[joiner.size()] == ' ';
    if (sep.empty() && !joined) continue;
    if (opened) return true;
    rest = util::trim(joined ? word.substr(joiner.size()) : rest.substr(sep.size()));
    if (count_words(rest) <= max_byline_role_words) return true;
  }
  return false;
}

void append_letters(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t from = i;
    if (is_letter_or_digit(util::next_cp(s, i))) out.append(s.substr(from, i - from));
  }
}

void drop_title_repeats(std::span<const segment::seg_block> blocks, std::string_view title,
                        std::vector<bool>& drop) {
  std::string whole, run, line;
  append_letters(title, whole);
  const std::size_t title_chars = util::cp_count(whole);
  if (title_chars == 0) return;
  // the lines above the story's first line of prose, among its first few
  std::vector<std::size_t> opening;
  for (std::size_t k = 0; k < blocks.size() && k < title_repeat_window; ++k) {
    if (drop[k]) continue;
    if (blocks[k].chars >= title_part_prose_chars) break;
    opening.push_back(k);
  }
  for (std::size_t i = 0; i < opening.size(); ++i) {
    line.clear();
    append_letters(blocks[opening[i]].b.text, line);
    // the whole title, with a tag of a few letters beside it ("【独家】")
    const std::size_t n = util::cp_count(line);
    if (n > 0 && line.find(whole) != std::string::npos && n <= title_chars + max_title_tag_chars) {
      drop[opening[i]] = true;
      continue;
    }
    // or the title broken across lines: a run of them that spells it out
    run.clear();
    for (std::size_t j = i; j < opening.size(); ++j) {
      if (j > i) {
        line.clear();
        append_letters(blocks[opening[j]].b.text, line);
      }
      run += line;
      if (run.empty() || whole.find(run) == std::string::npos) break;
      if (j > i && util::cp_count(run) * title_cover_den >= title_chars * title_cover_num) {
        for (std::size_t t = i; t <= j; ++t) drop[opening[t]] = true;
        i = j;
        break;
      }
    }
  }
}

bool opens_comments(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  if (util::cp_count(t) > max_tail_marker_chars) return false;
  while (!t.empty() && (t.back() == ':' || t.back() == '.')) t = util::trim(t.substr(0, t.size() - 1));
  if (const std::string_view c = lexicon::suffix_in(t, lexicon::colons); !c.empty()) {
    t = util::trim(t.substr(0, t.size() - c.size()));
  }
  for (std::string_view w : lexicon::comment_form_labels) {
    if (util::iequals(t, w)) return true;
  }
  auto skip_digits = [](std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (util::is_digit(static_cast<unsigned char>(s[i])) || s[i] == ',' || s[i] == '.')) ++i;
    return util::trim(s.substr(i));
  };
  // "38 Responses", "3 条评论"
  const std::string_view counted = skip_digits(t);
  const bool had_count = counted.size() < t.size();
  std::string_view word = counted;
  // "Kommentare (312)", "Diskussion (312 Beiträge)", "评论(12)"
  std::string_view bracket;
  std::size_t open = std::string_view::npos;
  for (std::string_view b : lexicon::opening_brackets) open = std::min(open, word.find(b));
  if (open != std::string_view::npos && open > 0) {
    bracket = word.substr(open);
    word = util::trim(word.substr(0, open));
  }
  if (!bracket.empty()) {
    const std::string_view o = lexicon::prefix_in(bracket, lexicon::opening_brackets);
    const std::string_view inner = o.empty() ? bracket.substr(1) : bracket.substr(o.size());
    if (inner.empty() || !util::is_digit(static_cast<unsigned char>(inner[0]))) return false;
  }
  for (std::string_view w : lexicon::comment_thread_words) {
    if (util::iequals(word, w)) return had_count || !bracket.empty();  // "Comments" alone may be a section's name
  }
  return false;
}

bool names_comment_thread(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  t.remove_suffix(lexicon::suffix_in(t, lexicon::colons).size());
  t = util::trim(t);
  for (std::string_view w : lexicon::comment_thread_names) {
    if (util::iequals(t, w)) return true;
  }
  return false;
}

bool is_tail_marker(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  while (!t.empty()) {  // "【相关阅读】", "相关新闻：", "Related Articles"
    std::size_t st = 0;
    const char32_t c = util::prev_cp(t, t.size(), st);
    if (!(util::is_cjk_punct(c) || c == ':' || c == ']' || c == ')')) break;
    t = t.substr(0, st);
  }
  t = strip_open(t);
  const std::size_t cps = util::cp_count(t);
  if (cps > max_tail_marker_chars) return false;
  if (cps <= 16 && lexicon::is_one_of(t, lexicon::tail_markers)) return true;
  for (std::string_view w : lexicon::tail_markers_european) {
    if (util::iequals(t, w)) return true;
  }
  for (std::string_view w : lexicon::tail_markers_en) {
    if (t.size() < w.size() || !util::iequals(t.substr(0, w.size()), w)) continue;
    if (t.size() == w.size()) return true;
    // "Most read in world news", "Trending on the site": the label and where
    // its stories come from, no sentence
    std::string_view rest = t.substr(w.size());
    if (rest.front() != ' ' || sentence_final(last_cp(t))) continue;
    rest.remove_prefix(1);
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos) continue;
    for (std::string_view c : lexicon::tail_marker_connectors_en) {
      if (util::iequals(rest.substr(0, space), c)) return true;
    }
  }
  return false;
}

bool is_counter(std::string_view text) noexcept {
  // "128", "3 / 11", "2/8": no letter at all, and short
  if (util::cp_count(text) > 12) return false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = util::next_cp(text, i);
    if (util::is_cjk(c) || util::is_ascii_alpha(c) || c >= 0x80) return false;
  }
  return true;
}

/// A reading-time line is this short: "Lesezeit: 4 Min.".
constexpr std::size_t max_reading_time_chars = 30;
/// A disclaimer's label sits among a line's first characters ("新浪财经免责声明：").
constexpr std::size_t disclaimer_label_within_chars = 8;
/// Disclaimers and promotions are lines this short at most; longer is prose.
constexpr std::size_t max_disclaimer_chars = 200;
/// A reprint notice is a line this short.
constexpr std::size_t max_reprint_notice_chars = 60;
/// A writer's or a desk's address, with a name or a role beside it.
constexpr std::size_t max_contact_line_chars = 80;
constexpr std::size_t max_contact_words = 3;
/// A feed's feedback label is a line this short.
constexpr std::size_t max_feedback_chars = 30;
constexpr std::size_t max_promo_chars = 40;

namespace {

/// "点赞收藏分享", "分享 | 收藏": a line that is nothing but buttons' labels.
bool is_button_row(std::string_view t) noexcept {
  std::size_t labels = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t next = i;
    const char32_t c = util::next_cp(t, next);
    // separators between labels, and the lenticular brackets around one ("【纠错】")
    if (util::is_space(c) || c == '|' || c == 0xFF5C || c == 0xB7 || c == 0x30FB || c == 0x3010 || c == 0x3011) {
      i = next;
      continue;
    }
    std::size_t longest = 0;
    for (std::string_view w : lexicon::button_labels) {
      if (w.size() > longest && t.substr(i, w.size()) == w) longest = w.size();
    }
    if (longest == 0) return false;
    i += longest;
    ++labels;
  }
  return labels > 0;
}

/// "打开腾讯新闻APP，查看更多精彩内容": a call to open an app or follow a channel.
bool is_promotion(std::string_view t) noexcept {
  if (util::cp_count(t) > max_promo_chars || t.find("。") != std::string_view::npos) return false;
  bool channel = false;
  for (std::string_view w : lexicon::promo_channels) channel = channel || util::icontains(t, w);
  if (!channel) return false;
  return lexicon::found_in(t, lexicon::promo_verbs) && lexicon::found_in(t, lexicon::promo_calls);
}

/// The platform's or the site's word after a story: a stance disclaimer, or
/// a reprint notice (a short line: a story about reprints is longer).
bool is_closing_notice(std::string_view t) noexcept {
  const std::size_t cps = util::cp_count(t);
  return (cps <= max_disclaimer_chars && lexicon::found_in(t, lexicon::stance_disclaimers)) ||
         (cps <= max_reprint_notice_chars && lexicon::found_in(t, lexicon::reprint_notices));
}

/// An e-mail address somewhere in t.
bool holds_address(std::string_view t) noexcept {
  const auto word = [](char c) {
    return util::is_digit(static_cast<unsigned char>(c)) || util::is_ascii_alpha(static_cast<unsigned char>(c)) ||
           c == '.' || c == '_' || c == '-' || c == '+';
  };
  // an address: a word character on each side of the @, and a dot inside the domain
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    if (at == 0 || at + 1 >= t.size()) continue;
    if (!word(t[at - 1]) || !word(t[at + 1])) continue;
    std::size_t end = at + 1;
    while (end < t.size() && word(t[end])) ++end;
    const std::string_view domain = t.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.find('.');
    if (dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size()) return true;
  }
  return false;
}

/// The writer's or the desk's contact: a short line with an address and
/// little else (a name, a role: "☞ 뉴시스 ksa3077@newsis.com"), or one that
/// names an author candidate ("Benjamin Romano: 206-652-6593 or bromano@…").
/// A sentence of the story with an address in it says more.
bool is_contact_line(std::string_view t, std::span<const text_candidate> authors) noexcept {
  if (util::cp_count(t) > max_contact_line_chars || !holds_address(t)) return false;
  for (const text_candidate& a : authors) {
    if (a.value.find(' ') != std::string::npos && t.find(a.value) != std::string_view::npos) return true;
  }
  return count_words(t, false) <= max_contact_words;
}

/// "新浪财经免责声明：…": a disclaimer's label among the line's first characters.
bool is_disclaimer(std::string_view t) noexcept {
  if (util::cp_count(t) > max_disclaimer_chars) return false;
  for (std::string_view w : lexicon::disclaimer_labels) {
    const std::size_t p = t.find(w);
    if (p != std::string_view::npos && util::cp_count(t.substr(0, p)) <= disclaimer_label_within_chars) return true;
  }
  return false;
}

}  // namespace

bool is_page_furniture(std::string_view text) noexcept {
  std::string_view t = strip_open(util::trim(text));
  if (util::cp_count(t) <= max_reading_time_chars) {
    for (std::string_view w : lexicon::reading_time_labels) {
      if (!util::istarts_with(t, w)) continue;
      for (char c : t.substr(w.size())) {
        if (util::is_digit(static_cast<unsigned char>(c))) return true;
      }
    }
  }
  // newsletter sign-up calls
  if (util::cp_count(t) <= 200 && util::icontains(t, lexicon::newsletter_word)) {
    for (std::string_view w : lexicon::sign_up_words) {
      if (util::icontains(t, w)) return true;
    }
  }
  if (util::cp_count(t) <= max_disclaimer_chars && util::icontains(t, lexicon::consent_word) &&
      std::any_of(std::begin(lexicon::consent_objects), std::end(lexicon::consent_objects),
                  [&](std::string_view w) { return util::icontains(t, w); })) {
    for (std::string_view w : lexicon::sign_up_consent_openers) {
      if (util::istarts_with(t, w)) return true;
    }
  }
  if (!lexicon::prefix_in(t, lexicon::furniture_openers).empty()) return util::cp_count(t) <= 200;
  if (is_disclaimer(t) || is_promotion(t)) return true;
  if (util::cp_count(t) <= max_feedback_chars && lexicon::found_in(t, lexicon::feed_feedback_phrases)) return true;
  // a button's label left in the text: "分享至：", "举报", "播报 编辑", "点赞收藏分享"
  t.remove_suffix(lexicon::suffix_in(t, lexicon::label_colons).size());
  t = util::trim(t);
  for (std::string_view w : lexicon::ad_labels) {
    if (util::iequals(t, w)) return true;  // "ADVERTISEMENT", "Anzeige"
  }
  return is_button_row(t);
}

bool is_control_label(const segment::seg_block& b) noexcept {
  std::string_view t = util::trim(b.b.text);
  t.remove_suffix(lexicon::suffix_in(t, lexicon::ellipses).size());  // "Loading…"
  t = util::trim(t);
  // one word ("Close", "Next", "Email") is a label only as a line of its own:
  // as a heading, an item or a cell it may be the story's ("Open, High, Low, Close")
  if (t.find(' ') == std::string_view::npos && b.b.type != block_type::paragraph) return false;
  for (const auto& labels : {std::span<const std::string_view>(lexicon::player_control_labels),
                             std::span<const std::string_view>(lexicon::share_labels)}) {
    for (std::string_view w : labels) {
      if (util::iequals(t, w)) return true;  // "Full Screen", "Close", "Share this story"
    }
  }
  return false;
}

namespace {

/// A four-digit year and an h:mm time: a timestamp in any language
/// ("12.05.2024 - 13:06", "Senin, 20 Mei 2024 18:04 WIB", "May 17, 2024 at 6:05 pm").
bool has_year_and_time(std::string_view t) noexcept {
  bool year = false;
  bool time = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!util::is_digit(static_cast<unsigned char>(t[i]))) continue;
    std::size_t j = i;
    while (j < t.size() && util::is_digit(static_cast<unsigned char>(t[j]))) ++j;
    const std::string_view run = t.substr(i, j - i);
    if (run.size() == 4 && (run.substr(0, 2) == "19" || run.substr(0, 2) == "20")) year = true;
    if (run.size() <= 2 && j + 2 < t.size() && t[j] == ':' &&
        util::is_digit(static_cast<unsigned char>(t[j + 1])) &&
        util::is_digit(static_cast<unsigned char>(t[j + 2]))) {
      time = true;
    }
    i = j;
  }
  return year && time;
}

/// "7 days ago", "2 hours ago", "8 小時前", "3分钟前": a relative timestamp.
bool is_relative_time(std::string_view t) noexcept {
  if (util::cp_count(t) > 30) return false;
  bool digit = false;
  for (char c : t) digit = digit || util::is_digit(static_cast<unsigned char>(c));
  if (!digit) return false;
  return util::icontains(t, lexicon::relative_time_word_en) || lexicon::found_in(t, lexicon::relative_time_words);
}

}  // namespace

bool is_byline(std::string_view text) noexcept {
  const std::size_t cps = util::cp_count(text);
  if (cps > 100) return false;
  if (is_relative_time(text)) return true;
  // a sentence that mentions a time is prose
  if (text.find("。") != std::string_view::npos || sentence_final(last_cp(text))) return false;
  // a note in brackets that dates something ("（2007年6月29日…会议通过）") is the text's
  const std::string_view line = util::trim(text);
  if (opening_group_end(line) == line.size() && cps > max_bracketed_date_chars) return false;
  if (find_date(text) || has_year_and_time(text)) return true;
  for (std::string_view label : lexicon::byline_line_labels) {
    if (text.find(label) != std::string_view::npos) return true;
  }
  return false;
}

bool is_closing_byline(const segment::seg_block& b) noexcept {
  if (b.b.type != block_type::paragraph || !is_byline(b.b.text)) return false;
  if (has_year_and_time(b.b.text)) return true;
  for (std::string_view w : lexicon::closing_byline_marks) {
    if (b.b.text.find(w) != std::string::npos) return true;
  }
  return false;
}

bool limit_body(article& a, std::size_t max_bytes) {
  if (a.text.size() <= max_bytes) return false;
  std::size_t used = 0;
  std::size_t keep = 0;
  for (; keep < a.body.size(); ++keep) {
    const std::size_t need = a.body[keep].text.size() + (keep == 0 ? 0 : 1);
    if (used + need > max_bytes) break;
    used += need;
  }
  if (keep < a.body.size()) {
    const std::size_t sep = keep == 0 ? 0 : 1;
    const std::size_t room = max_bytes - used > sep ? max_bytes - used - sep : 0;
    std::string& t = a.body[keep].text;
    std::size_t cut = std::min(room, t.size());
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t.resize(cut);
    a.body.resize(t.empty() ? keep : keep + 1);
  }
  a.text.clear();
  for (const block& b : a.body) {
    if (!a.text.empty()) a.text.push_back('\n');
    a.text += b.text;
  }
  return true;
}

void refine_body(segment::segments& seg, const body_rules& rules, article& a, facts& found) {
  auto& blocks = seg.blocks;
  std::vector<bool> drop(blocks.size(), false);

  // Captions: the short line right after an image.
  for (auto& im : seg.images) {
    if (!im.img.caption && im.next_block < blocks.size() && !drop[im.next_block] &&
        blocks[im.next_block].b.type == block_type::paragraph &&
        looks_like_caption(blocks[im.next_block])) {
      im.img.caption = blocks[im.next_block].b.text;
      // A credit ("图片来源：…") is not the story; a caption that describes
      // the picture is part of what the page says, and stays in the text.
      drop[im.next_block] = !rules.page || is_image_credit(blocks[im.next_block].b.text);
    }
  }

  // Pages that carry a picture's caption twice (a gallery and the picture
  // in the story, desktop and mobile copies) would double it: a substantial
  // block seen before goes when its first copy sits by a picture (its
  // caption or credit line), or when only the later one does and it is a
  // caption's length. Other repeats stay: a plan's steps, an interview's
  // questions and a meal plan repeat lines that are the story's own.
  // the lines right under a picture: its caption or credit, if any
  std::vector<bool> by_picture(blocks.size(), false);
  for (const auto& im : seg.images) {
    for (std::size_t k = im.next_block; k < blocks.size() && k < im.next_block + caption_lines; ++k) {
      by_picture[k] = true;
    }
  }
  if (rules.page) {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k] || blocks[k].chars < 20) continue;
      const auto [first, fresh] = seen.emplace(blocks[k].b.text, k);
      // the first copy by a picture: a caption seen again. Only the later
      // copy by one: a caption when short, else the page's prose repeated
      // beside a picture (a test page's lorem ipsum under each figure)
      if (!fresh && (by_picture[first->second] || (by_picture[k] && blocks[k].chars <= max_caption_chars))) {
        drop[k] = true;
      }
    }
  }

  // "相关阅读", "为你推荐", "Related": such a label and the short teaser
  // lines under it (titles, dates, categories, and the summaries cut off
  // with an ellipsis) are other stories, up to the next paragraph of prose.
  if (rules.page) {
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k] || !is_tail_marker(blocks[k].b.text)) continue;
      drop[k] = true;
      for (std::size_t j = k + 1;
           j < blocks.size() && (blocks[j].chars < min_prose_chars || is_cut_summary(blocks[j].b.text)); ++j) {
        drop[j] = true;
      }
    }
  }

  // A comment thread's heading ends the story: it and what follows are readers'.
  // "Comments" alone may name a section of the story, unless no prose follows it.
  if (rules.page) {
    auto prose = [&](std::size_t k) {  // an item or a quote of prose is the story's too
      return !drop[k] && blocks[k].b.type != block_type::heading && blocks[k].chars >= min_prose_chars;
    };
    std::size_t prose_end = 0;  // one past the last paragraph of prose
    for (std::size_t k = 0; k < blocks.size(); ++k) prose_end = prose(k) ? k + 1 : prose_end;
    bool prose_before = false;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k]) continue;
      const bool line = blocks[k].b.type == block_type::heading || blocks[k].b.type == block_type::paragraph;
      if (prose_before && line &&
          (opens_comments(blocks[k].b.text) || (k >= prose_end && names_comment_thread(blocks[k].b.text)))) {
        for (std::size_t j = k; j < blocks.size(); ++j) drop[j] = true;
        break;
      }
      prose_before = prose_before || prose(k);
    }
  }

  if (rules.page && !rules.title.empty()) drop_title_repeats(blocks, rules.title, drop);

  // Credit lines name the source; furniture goes.
  std::vector<std::size_t> paragraphs_after(blocks.size(), 0);
  for (std::size_t k = blocks.size(), n = 0; k-- > 0;) {
    paragraphs_after[k] = n;
    if (!drop[k] && blocks[k].b.type == block_type::paragraph) ++n;
  }
  std::size_t bold_paragraphs = 0;
  std::size_t paragraphs = 0;
  std::size_t kept = 0;  // blocks this loop kept before k
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (drop[k]) continue;
    auto& b = blocks[k];
    // among the lines the body opens with (a breadcrumb's separator or the
    // headline repeated, which go, do not count)
    const bool opening = kept < opening_lines;
    if (b.b.type == block_type::paragraph) {
      ++paragraphs;
      if (b.bold_chars >= b.chars && b.chars > 0) ++bold_paragraphs;
    }
    // "（来源：搜狐财经）编者按：…": the credit in brackets goes, the paragraph stays
    const std::size_t end = b.b.type == block_type::paragraph ? opening_group_end(b.b.text) : std::string::npos;
    if (end != std::string::npos && end < b.b.text.size()) {
      const std::string_view group = std::string_view(b.b.text).substr(0, end);
      if (const std::string_view credit = credit_line(group); !credit.empty()) {
        found.add(found.source, credit, origin::credit_line);
        found.add(found.author, labelled_names(group), origin::credit_line);
        const std::string_view rest = util::trim(std::string_view(b.b.text).substr(end));
        if (!has_letters(rest)) {  // "（来源：新华社）。": the credit and a mark
          drop[k] = true;
          continue;
        }
        // the counts lose the credit's characters (taken as bold and linked
        // first: a bold credit must not make the rest a bold subhead)
        std::uint32_t cut = 0;
        for (std::size_t i = 0; i < end;) cut += util::is_space(util::next_cp(b.b.text, i)) ? 0 : 1;
        b.chars -= std::min(b.chars, cut);
        b.bold_chars -= std::min(b.bold_chars, cut);
        b.link_chars -= std::min(b.link_chars, cut);
        b.b.text.erase(0, b.b.text.size() - rest.size());
      }
    }
    const std::string_view credit = credit_line(b.b.text);
    if (!credit.empty()) {
      found.add(found.source, credit, origin::credit_line);
      // "（本文来源：某报 作者：…研究员某某）": the credit names the writer too
      found.add(found.author, labelled_names(b.b.text), origin::credit_line);
      drop[k] = true;
      continue;
    }
    if (rules.page && (is_page_furniture(b.b.text) || is_counter(b.b.text) || is_control_label(b) ||
                       is_picture_credit(b.b.text, by_picture[k]))) {
      drop[k] = true;
      continue;
    }
    // "本内容为作者独立观点，不代表虎嗅立场", "未经书面授权请勿转载": the platform's
    // or the site's word, after the story; "jane.doe@courier.com": the writer's address
    if (rules.page && paragraphs_after[k] < credit_blocks &&
        (is_closing_notice(b.b.text) || is_contact_line(b.b.text, found.author))) {
      drop[k] = true;
      continue;
    }
    // A writer's credit opens or closes a story ("作者：李长祥", "新京报记者 侯小溪
    // 陈鹏"); a photographer's ("记者 张三 摄") is a caption.
    // (counted in paragraphs: a summary list above the story is not its start)
    const bool at_an_end = paragraphs <= credit_blocks || paragraphs_after[k] < credit_blocks;
    if (at_an_end && b.b.type == block_type::paragraph &&
        lexicon::suffix_in(b.b.text, lexicon::caption_endings).empty()) {
      if (const std::string names = credit_names(b.b.text); !names.empty()) {
        found.add(found.author, names, origin::credit_line);
        // "（明報記者 劉志偉）": the reporter's outlet is the source
        found.add(found.source, outlet_before_role(strip_open(util::trim(b.b.text))), origin::credit_line);
        drop[k] = true;
        continue;
      }
    }
    if (rules.page && opening && shows_byline(b.b.text, found.author)) {
      drop[k] = true;
      continue;
    }
    if (rules.page && opening && b.b.type == block_type::paragraph && is_byline(b.b.text)) {
      drop[k] = true;
      continue;
    }
    if (rules.page && paragraphs_after[k] < closing_byline_blocks && is_closing_byline(b)) {
      drop[k] = true;
      continue;
    }
    if (rules.page && !rules.title.empty() && k < 8 && b.b.text == rules.title) {
      drop[k] = true;
      continue;
    }
    ++kept;
  }

  // The last paragraph may end with the outlet in brackets: "…。（央视新闻）",
  // or with the page's own link glued to it: "…（文/某某）返回搜狐，查看更多".
  for (std::size_t k = blocks.size(); k-- > 0;) {
    if (drop[k]) continue;
    auto& b = blocks[k];
    if (rules.page) {
      for (std::string_view w : lexicon::furniture_openers) {
        const std::size_t p = b.b.text.find(w);
        if (p == std::string::npos || p == 0) continue;
        if (util::cp_count(std::string_view(b.b.text).substr(p)) > trailing_furniture_chars) continue;
        b.b.text.resize(p);
        while (!b.b.text.empty() && b.b.text.back() == ' ') b.b.text.pop_back();
        break;
      }
    }
    std::size_t cut = 0;
    std::string_view who = trailing_credit(b.b.text, cut);
    std::string writers;
    if (who.empty() && !lexicon::suffix_in(b.b.text, lexicon::closing_brackets).empty()) {
      // "…。（文/袁庭岚）": a writer's credit in brackets
      std::size_t open = b.b.text.rfind("（");
      const std::size_t ascii = b.b.text.rfind('(');
      if (ascii != std::string::npos && (open == std::string::npos || ascii > open)) open = ascii;
      if (open != std::string::npos && open > 0) {
        writers = credit_names(std::string_view(b.b.text).substr(open));
        if (!writers.empty()) cut = open;
      }
    }
    // the credit a page's story ends on names its source or writer and stays
    // in its text, as the page prints it (a writer's "文/" credit goes); a
    // post's goes, as the posts' own site sets them apart
    const bool keep = rules.page && !who.empty();
    if (!who.empty() && looks_like_person(who)) {  // "…。（钟才文）": a writer, not an outlet
      writers.assign(who);
      who = {};
    } else if (const std::string_view filed = filed_report_writer(who); !filed.empty()) {
      writers.assign(filed);  // "…。（姚某上海报道）": a reporter is never the source
      who = {};
    } else if (std::string names = credit_names(who); !names.empty()) {
      // "…。（明報記者 劉志偉）": the outlet's reporter writes; the outlet is the source
      writers = std::move(names);
      who = outlet_before_role(who);
    }
    if (!who.empty()) found.add(found.source, who, origin::trailing_credit);
    if (!writers.empty()) found.add(found.author, writers, origin::trailing_credit);
    if (!keep && (!who.empty() || !writers.empty())) {
      b.b.text.resize(cut);
      while (!b.b.text.empty() && b.b.text.back() == ' ') b.b.text.pop_back();
      if (util::trim(b.b.text).empty()) drop[k] = true;
    }
    break;
  }

  // Subheads: a paragraph that is one short bold line (unless the page sets
  // every paragraph in bold), a short numbered line ("一、…", "（一）…", "1. …"),
  // or, on a page that has two or more of them, a short plain phrase standing
  // alone between paragraphs of prose (plain_subheads).
  const bool bold_is_emphasis = paragraphs > 0 && bold_paragraphs * 2 < paragraphs;
  std::vector<bool> after_image(blocks.size(), false);
  for (const auto& im : seg.images) {
    if (im.next_block < blocks.size()) after_image[im.next_block] = true;
  }
  // Sections numbered on a line of their own ("01", which leaves as a
  // counter), each title on the next: when the numbers run 1, 2, 3… down the
  // page (one repeated, a typo, is still in order), the lines after them are
  // subheads (a chart's axis labels after its ticks do not count up so).
  std::vector<bool> after_number(blocks.size(), false);
  {
    std::vector<std::size_t> titled;
    bool in_order = true;
    std::size_t last = 0;  // the number before; a page's typo may repeat one
    for (std::size_t k = 1; k < blocks.size() && in_order; ++k) {
      const auto& n = blocks[k - 1];
      if (drop[k] || n.b.type != block_type::paragraph) continue;
      const std::optional<std::size_t> number = lone_section_number(n.b.text);
      if (!number) continue;
      const std::size_t v = *number;
      in_order = v == last + 1 || (v == last && v != 0);
      last = v;
      titled.push_back(k);
    }
    if (in_order && titled.size() >= min_numbered_sections) {
      for (std::size_t k : titled) after_number[k] = true;
    }
  }
  std::vector<std::size_t> bold_lines;
  std::size_t bold_questions = 0;
  std::vector<std::size_t> questions_to_skip;  // bold questions no prose follows
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    auto& b = blocks[k];
    if (drop[k] || b.b.type != block_type::paragraph || b.chars < 2) continue;
    const std::string_view t = b.b.text;
    if (is_byline(t) || looks_like_caption(b) || is_aside(t)) continue;
    std::size_t next = k + 1;
    while (next < blocks.size() && drop[next]) ++next;
    std::size_t before = k;
    while (before > 0 && drop[before - 1]) --before;
    // a bold line that a bold clause follows ("简单说就是" / "…全封闭，") opens a
    // passage set in bold; one after a clause ("京沪高速北京方向，" / "无锡枢纽至
    // 广陵枢纽") goes on with the sentence
    const bool bold_passage = (next < blocks.size() && blocks[next].b.type == block_type::paragraph &&
                               blocks[next].bold_chars >= blocks[next].chars &&
                               ends_a_clause(last_cp(blocks[next].b.text))) ||
                              (before > 0 && blocks[before - 1].b.type == block_type::paragraph &&
                               ends_a_clause(last_cp(blocks[before - 1].b.text)));
    const bool bold = bold_is_emphasis && b.chars <= max_subhead_chars && b.bold_chars >= b.chars &&
                      !bold_passage;
    if (bold && is_short_question(b)) {
      // decided below, with the page's other bold lines; a question that no
      // prose follows asks the reader ("What do you think of this story?")
      ++bold_questions;
      bold_lines.push_back(k);
      if (next >= blocks.size() || !is_prose_beside(blocks[next], b.chars)) questions_to_skip.push_back(k);
      continue;
    }
    if (ends_a_sentence_part(last_cp(t))) continue;
    const bool numbered =
        b.chars <= max_numbered_subhead_chars && (opens_with_section_number(t) || after_number[k]);
    if (bold || numbered) {
      if (bold) bold_lines.push_back(k);
      b.b.type = block_type::heading;
      b.b.level = 2;
    }
  }
  // A short bold question is a subhead among statements ("…的“暗伤”曝露？"
  // between bold statements); where every bold line asks, they are an
  // interview's questions.
  if (bold_questions > 0 && bold_questions * 2 < bold_lines.size()) {
    for (std::size_t k : bold_lines) {
      if (blocks[k].b.type != block_type::paragraph ||
          std::find(questions_to_skip.begin(), questions_to_skip.end(), k) != questions_to_skip.end()) {
        continue;
      }
      blocks[k].b.type = block_type::heading;
      blocks[k].b.level = 2;
    }
  }
  if (rules.page) {
    std::vector<std::size_t> plain;
    std::size_t previous = blocks.size();  // the kept block before k
    // the story's start stands where a heading would: its first section's
    // title opens it
    segment::seg_block start;
    start.b.type = block_type::heading;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k]) continue;
      std::size_t next = k + 1;
      while (next < blocks.size() && drop[next]) ++next;
      const segment::seg_block& before = previous < blocks.size() ? blocks[previous] : start;
      if (next < blocks.size() && !after_image[k] && is_plain_subhead(before, blocks[k], blocks[next])) {
        plain.push_back(k);
      }
      previous = k;
    }
    if (plain.size() >= min_plain_subheads) {
      for (std::size_t k : plain) {
        blocks[k].b.type = block_type::heading;
        blocks[k].b.level = 2;
      }
    }
  }

  a.body.clear();
  a.text.clear();
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (drop[k]) continue;
    if (!a.text.empty()) a.text.push_back('\n');
    a.text += blocks[k].b.text;
    a.body.push_back(std::move(blocks[k].b));
  }
  a.images.clear();
  for (auto& im : seg.images) {
    a.images.push_back(std::move(im.img));
  }
}

namespace {

/// A paragraph whose links sit inside its sentences (a blog's weekly links, a
/// story that cites its sources) is prose, however much of it is linked: it is
/// this long, ends as a sentence does, and a fifth of it is text outside links.
/// Menus and teaser lists end with no full stop.
constexpr std::uint32_t linked_prose_min_chars = 80;
constexpr std::uint32_t linked_prose_unlinked_share = 5;  // 1 in 5
bool is_linked_prose(const segment::seg_block& b) noexcept {
  return b.b.type == block_type::paragraph && b.chars >= linked_prose_min_chars &&
         (b.chars - std::min(b.link_chars, b.chars)) * linked_prose_unlinked_share >= b.chars &&
         sentence_final(last_cp(b.b.text));
}

/// A link list: more than half its text is links (a heading: nine tenths),
/// unless it is linked prose.
/// "一、…", "三、…": a section opened with a Chinese numeral. Such a line is a
/// subhead even as a link (a digest's sections link to the stories they sum
/// up); a teaser list numbers its items in digits if at all.
bool opens_with_numeral_section(std::string_view t) noexcept {
  const std::optional<section_number> n = read_section_number(util::trim(t));
  return n && n->open.empty() && n->digits == 0 && n->rest.starts_with(lexicon::enumeration_comma);
}

bool is_link_list(const segment::seg_block& b) noexcept {
  if (b.chars == 0) return false;
  if (b.b.type == block_type::paragraph && b.chars <= max_subhead_chars && b.bold_chars >= b.chars &&
      opens_with_numeral_section(b.b.text)) {
    return false;
  }
  return b.b.type == block_type::heading ? b.link_chars * 10 >= b.chars * 9
                                         : b.link_chars * 2 > b.chars && !is_linked_prose(b);
}

/// A reporter credit sits in the story's first bytes; its name is short.
constexpr std::size_t lead_reporter_window_bytes = 300;
constexpr int lead_reporter_max_chars = 4;  // a personal name

/// A teaser card: a linked headline opening an element of its own, with a
/// little text under it (a summary, its section, its share buttons). Two
/// cards of one shape (the same tag and class) in the content are a teaser
/// list, and the text under each headline goes with it: what stays of a card
/// is no part of the story. One card alone may be the story's own (a video's
/// linked title over its description).
constexpr int card_levels = 4;                  ///< the card holds its headline this deep
constexpr std::size_t card_max_blocks = 6;      ///< headline, summary, section, buttons
constexpr std::uint32_t card_rest_max_chars = 160;  ///< a summary's length, not prose
constexpr std::size_t min_cards = 2;

bool is_table_part(dom::html_tag t) noexcept {
  using dom::html_tag;
  return t == html_tag::table || t == html_tag::tbody || t == html_tag::thead || t == html_tag::tfoot ||
         t == html_tag::tr || t == html_tag::td || t == html_tag::th;
}

/// Marks in drop the blocks of the teaser cards that hold link lists.
void mark_teaser_cards(const dom::document& doc, std::uint32_t root,
                       std::span<const segment::seg_block> blocks, std::vector<bool>& drop) {
  struct card {
    std::uint32_t element;
    std::size_t first, last;
  };
  std::vector<card> cards;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    // a card opens with its headline, a heading or a line; a list's linked
    // first item is a datum (a see-also list)
    const block_type t = blocks[k].b.type;
    const bool headline = drop[k] && (t == block_type::heading || t == block_type::paragraph);
    if (!headline || blocks[k].node == 0 || blocks[k].node >= doc.size()) continue;
    std::uint32_t a = doc[blocks[k].node].parent;
    for (int level = 0; level < card_levels && a != 0 && a != root && a != doc.body(); ++level) {
      auto inside = [&](std::size_t j) { return blocks[j].node >= a && blocks[j].node < doc[a].end; };
      if (k > 0 && inside(k - 1)) break;  // the headline opens its card
      std::size_t last = k;  // no further than a card's size: nested boxes stay linear
      while (last + 1 < blocks.size() && inside(last + 1) && last - k < card_max_blocks) ++last;
      if (last == k) {  // nothing else in here yet: the card is wider
        a = doc[a].parent;
        continue;
      }
      if (is_table_part(doc[a].tag)) break;  // a row's linked first cell: a datum
      std::uint32_t rest = 0;
      for (std::size_t j = k + 1; j <= last; ++j) rest += drop[j] ? 0 : blocks[j].chars;
      if (last - k + 1 <= card_max_blocks && rest <= card_rest_max_chars) cards.push_back({a, k, last});
      break;
    }
  }
  // cards of one shape: the same tag, and the same parent or class; counted
  // by key (tag and parent, tag and class, all three) rather than pair by pair
  std::unordered_map<std::uint64_t, std::size_t> by_parent;
  std::unordered_map<std::string, std::size_t> by_class, by_both;
  auto keys = [&](std::uint32_t e) {
    const std::uint64_t tag = static_cast<std::uint64_t>(doc[e].tag);
    const std::string cls = fmt::format("{}/{}", tag, dom::attr(doc[e], "class"));
    return std::tuple{(tag << 32) | doc[e].parent, cls, fmt::format("{}/{}", doc[e].parent, cls)};
  };
  for (const card& c : cards) {
    const auto [p, cl, both] = keys(c.element);
    ++by_parent[p];
    ++by_class[cl];
    ++by_both[both];
  }
  for (const card& c : cards) {
    const auto [p, cl, both] = keys(c.element);
    if (by_parent[p] + by_class[cl] - by_both[both] < min_cards) continue;
    for (std::size_t j = c.first; j <= c.last; ++j) drop[j] = true;
  }
}

}  // namespace

std::size_t drop_link_lists(segment::segments& content, const dom::document& doc, std::uint32_t root) {
  auto& blocks = content.blocks;
  std::vector<bool> drop(blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) drop[k] = is_link_list(blocks[k]);
  mark_teaser_cards(doc, root, blocks, drop);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (drop[k]) continue;
    if (kept != k) blocks[kept] = std::move(blocks[k]);
    ++kept;
  }
  blocks.resize(kept);
  std::size_t chars = 0;
  for (const auto& b : blocks) chars += b.chars;
  return chars;
}

void add_body_facts(const article& a, facts& found) {
  if (!a.body.empty()) found.add(found.source, dateline_source(a.body.front().text), origin::dateline);
  // Stories open with "（记者 张三）" as often as they carry a byline.
  std::size_t cut = std::min(a.text.size(), lead_reporter_window_bytes);
  while (cut < a.text.size() && (static_cast<unsigned char>(a.text[cut]) & 0xC0) == 0x80) --cut;
  const std::string_view lead = std::string_view(a.text).substr(0, cut);  // whole characters
  std::string names = reporter_names(lead);
  if (names.empty()) names = byline_field(lead, lexicon::reporter_labels, lead_reporter_max_chars);
  found.add(found.author, names, origin::lead_reporter);
}

}  // namespace newsx::extract
