#include "extract/body.hpp"

#include <algorithm>
#include <unordered_set>

#include "extract/dates.hpp"
#include "util/text.hpp"

namespace newsx::extract {

namespace {

bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

/// Strips one opening bracket: （ ( 【 [ 〔
std::string_view strip_open(std::string_view s) noexcept {
  for (std::string_view o : {"（", "(", "【", "[", "〔"}) {
    if (starts_with(s, o)) return util::trim(s.substr(o.size()));
  }
  return s;
}
std::string_view strip_close(std::string_view s) noexcept {
  for (std::string_view c : {"）", ")", "】", "]", "〕"}) {
    if (ends_with(s, c)) return util::trim(s.substr(0, s.size() - c.size()));
  }
  return s;
}

std::string_view after_colon(std::string_view s) noexcept {
  for (std::string_view c : {"：", ":"}) {
    if (starts_with(s, c)) return util::trim(s.substr(c.size()));
  }
  return {};
}

bool sentence_final(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '.' ||
         c == 0x201D || c == 0x300D || c == 0x2026 || c == 0xFF1B || c == ';';
}

bool clause_final(char32_t c) noexcept {
  return sentence_final(c) || c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1A || c == ':';
}

char32_t last_cp(std::string_view s) noexcept {
  if (s.empty()) return 0;
  std::size_t st = 0;
  return util::prev_cp(s, s.size(), st);
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

}  // namespace

std::string_view credit_line(std::string_view text) noexcept {
  std::string_view t = util::trim(text);
  if (util::cp_count(t) > 60) return {};
  t = strip_close(strip_open(t));
  for (std::string_view key : {"文章来源", "稿件来源", "新闻来源", "本文来源于", "本文来源",
                               "内容来源", "来源于", "来源", "出处"}) {
    if (!starts_with(t, key)) continue;
    std::string_view rest = util::trim(t.substr(key.size()));
    std::string_view v = after_colon(rest);
    if (v.empty() && key == "来源于") v = rest;
    v = strip_close(v);
    // "来源：新华社 作者：张三": the credit ends at the next label
    for (std::string_view stop : {" ", "　", "作者", "记者", "编辑", "责任编辑"}) {
      const std::size_t p = v.find(stop);
      if (p != std::string_view::npos && p > 0) v = util::trim(v.substr(0, p));
    }
    if (!v.empty() && util::cp_count(v) <= 30) return v;
    return {};
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
  if (b.chars > 100) return false;
  for (std::string_view p : {"图片来源", "图源", "图片：", "图：", "图为", "（图", "(图", "▲",
                             "图片由", "资料图", "配图"}) {
    if (starts_with(t, p)) return true;
  }
  if (ends_with(t, "摄") || ends_with(t, "供图") || ends_with(t, "摄）") || ends_with(t, "摄)"))
    return true;
  return b.centered && b.chars <= 60 && !sentence_final(last_cp(t));
}

bool is_image_credit(std::string_view text) noexcept {
  const std::string_view t = strip_open(util::trim(text));
  for (std::string_view p : {"图片来源", "图源", "图片由", "资料图", "配图", "来源", "图片：", "图："}) {
    if (starts_with(t, p)) return true;
  }
  return ends_with(t, "供图") || ends_with(t, "供图）") || util::cp_count(t) <= 12;
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
  if (util::cp_count(t) > 16) return false;
  for (std::string_view w : {"相关阅读", "相关新闻", "相关文章", "相关报道", "推荐阅读", "延伸阅读",
                             "为你推荐", "为您推荐", "热门推荐", "热点推荐", "猜你喜欢", "更多精彩",
                             "更多阅读", "热门文章", "热门新闻", "相關新聞", "相關閱讀", "延伸閱讀",
                             "推薦閱讀", "更多新聞"}) {
    if (t == w) return true;
  }
  for (std::string_view w : {"Related", "Related Articles", "Related Stories", "Related News",
                             "Read More", "More Stories", "Recommended", "You May Also Like",
                             "More from", "Trending", "More on this story",
                             "Related internet links", "Related Topics", "Top Stories", "Featured",
                             "Most Popular", "Most Read", "Popular", "Editors' Picks"}) {
    if (util::iequals(t, w)) return true;
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

bool is_page_furniture(std::string_view text) noexcept {
  std::string_view t = strip_open(util::trim(text));
  // newsletter sign-up calls
  if (util::cp_count(t) <= 200 && util::icontains(t, "newsletter") &&
      (util::icontains(t, "sign up") || util::icontains(t, "subscribe"))) {
    return true;
  }
  for (std::string_view p : {"责任编辑", "责编", "编辑：", "编辑:", "原标题", "校对", "审核：",
                             "值班编辑", "本文编辑", "特别声明", "免责声明", "声明：",
                             "版权声明", "扫码", "扫描二维码", "点击进入", "打开APP",
                             "下载APP", "关注我们", "分享到", "返回搜狐", "查看更多",
                             "延伸阅读", "相关阅读", "相关新闻", "推荐阅读", "热点推荐", "关键字：",
                             "关键词：", "关键字:", "关键词:", "标签：", "文章关键词", "Tags:",
                             "Keywords:"}) {
    if (starts_with(t, p)) return util::cp_count(t) <= 200;
  }
  return false;
}

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
  if (util::icontains(t, " ago")) return true;
  for (std::string_view w : {"分钟前", "分鐘前", "小时前", "小時前", "天前", "秒前"}) {
    if (t.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool is_byline(std::string_view text) noexcept {
  if (util::cp_count(text) > 100) return false;
  if (is_relative_time(text)) return true;
  // a sentence that mentions a time is prose
  if (text.find("。") != std::string_view::npos || sentence_final(last_cp(text))) return false;
  if (find_date(text) || has_year_and_time(text)) return true;
  for (std::string_view label : {"来源：", "来源:", "作者：", "作者:", "编辑：", "发布时间"}) {
    if (text.find(label) != std::string_view::npos) return true;
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

void refine_body(segment::segments& seg, const body_rules& rules, article& a) {
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

  // Pages that carry the story twice (desktop and mobile copies, a teaser
  // repeating the lead) would double it: a substantial block seen before goes.
  if (rules.page) {
    std::unordered_set<std::string_view> seen;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k] || blocks[k].chars < 20) continue;
      if (!seen.insert(blocks[k].b.text).second) drop[k] = true;
    }
  }

  // "相关阅读", "为你推荐", "Related": such a label and the short teaser
  // lines under it are other stories, up to the next paragraph of prose.
  if (rules.page) {
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (drop[k] || !is_tail_marker(blocks[k].b.text)) continue;
      drop[k] = true;
      for (std::size_t j = k + 1; j < blocks.size() && blocks[j].chars < 60; ++j) drop[j] = true;
    }
  }

  // Credit lines name the source; furniture goes.
  std::size_t bold_paragraphs = 0;
  std::size_t paragraphs = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (drop[k]) continue;
    auto& b = blocks[k];
    if (b.b.type == block_type::paragraph) {
      ++paragraphs;
      if (b.bold_chars >= b.chars && b.chars > 0) ++bold_paragraphs;
    }
    const std::string_view credit = credit_line(b.b.text);
    if (!credit.empty()) {
      if (!a.source) a.source.emplace(credit);
      drop[k] = true;
      continue;
    }
    if (rules.page && (is_page_furniture(b.b.text) || is_counter(b.b.text))) {
      drop[k] = true;
      continue;
    }
    if (rules.page && k < 3 && b.b.type == block_type::paragraph && is_byline(b.b.text)) {
      drop[k] = true;
      continue;
    }
    if (rules.page && !rules.title.empty() && k < 8 && b.b.text == rules.title) {
      drop[k] = true;
      continue;
    }
  }

  // The last paragraph may end with the outlet in brackets: "…。（央视新闻）".
  for (std::size_t k = blocks.size(); k-- > 0;) {
    if (drop[k]) continue;
    auto& b = blocks[k];
    std::size_t cut = 0;
    const std::string_view who = trailing_credit(b.b.text, cut);
    if (!who.empty()) {
      if (!a.source) a.source.emplace(who);
      b.b.text.resize(cut);
      if (util::trim(b.b.text).empty()) drop[k] = true;
    }
    break;
  }

  // A paragraph that is one short bold line is a section heading, unless the
  // page sets every paragraph in bold.
  const bool bold_is_emphasis = paragraphs > 0 && bold_paragraphs * 2 < paragraphs;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    auto& b = blocks[k];
    if (drop[k] || b.b.type != block_type::paragraph || !bold_is_emphasis) continue;
    if (b.chars >= 2 && b.chars <= 40 && b.bold_chars >= b.chars &&
        !clause_final(last_cp(b.b.text))) {
      b.b.type = block_type::heading;
      b.b.level = 2;
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

}  // namespace newsx::extract
