#include "segment/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "clean/cleaner.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::segment {

using dom::html_tag;

namespace {

using dom::kind;

using dom::is_block_tag;

int heading_level(html_tag t) noexcept {
  switch (t) {
    case html_tag::h1: return 1;
    case html_tag::h2: return 2;
    case html_tag::h3: return 3;
    case html_tag::h4: return 4;
    case html_tag::h5: return 5;
    case html_tag::h6: return 6;
    default: return 0;
  }
}

bool is_centered(const dom::node& n) noexcept {
  if (n.tag == html_tag::center) return true;
  if (util::iequals(dom::attr(n, "align"), "center")) return true;
  const std::string_view style = dom::attr(n, "style");
  if (style.empty()) return false;
  std::size_t p = util::ifind(style, "text-align");
  if (p == std::string_view::npos) return false;
  return util::ifind(style.substr(p, 24), "center") != std::string_view::npos;
}

/// Bold by style or class: font-weight bold or 600 and up in the style, or a
/// bold word (lexicon::bold_class_words) among the class tokens or those of
/// an attribute named "*-style" (a CMS's presentation classes).
bool is_bold(const dom::node& n) noexcept {
  if (n.tag == html_tag::strong || n.tag == html_tag::b) return true;
  bool bold = false;
  for (std::uint32_t k = 0; k < n.attr_count && !bold; ++k) {
    const dom::attribute& a = n.attrs[k];
    if (a.name == "style") {
      const std::size_t p = util::ifind(a.value, "font-weight");
      if (p == std::string_view::npos) continue;
      std::string_view v = a.value.substr(p + 11);
      while (!v.empty() && (v.front() == ':' || util::is_ascii_space(v.front()))) v.remove_prefix(1);
      bold = util::istarts_with(v, "bold") ||
             (v.size() >= 3 && v[0] >= '6' && v[0] <= '9' && v[1] == '0' && v[2] == '0');
    } else if (a.name == "class" || (a.name.size() > 6 && a.name.substr(a.name.size() - 6) == "-style")) {
      clean::for_each_name_token(a.value, [&](std::string_view t) {
        bold = bold || lexicon::is_one_of(t, lexicon::bold_class_words);
      });
    }
  }
  return bold;
}

/// A row of a data table: two or more cells and no block content inside them.
bool is_data_row(const dom::document& doc, std::uint32_t tr) {
  int cells = 0;
  const std::uint32_t end = doc[tr].end;
  for (std::uint32_t k = tr + 1; k < end; ++k) {
    const dom::node& n = doc[k];
    if (n.type != kind::element) continue;
    if (n.tag == html_tag::td || n.tag == html_tag::th) {
      if (n.parent == tr) ++cells;
      continue;
    }
    if (n.tag == html_tag::table || n.tag == html_tag::p || n.tag == html_tag::div ||
        n.tag == html_tag::ul || n.tag == html_tag::ol || heading_level(n.tag) != 0 ||
        n.tag == html_tag::blockquote || n.tag == html_tag::img) {
      return false;
    }
  }
  return cells >= 2;
}

struct open_element {
  std::uint32_t index;
  std::uint32_t end;
  html_tag tag;
  bool block;
  bool centered;
  bool bold;
};

class walker {
 public:
  walker(const dom::document& doc, std::uint16_t skip, segments& out, bool fold_width)
      : doc_(doc), skip_(skip), out_(out), builder_(fold_width) {}

  /// left_out: roots of subtrees to skip, in document order.
  void run(std::uint32_t root, std::span<const std::uint32_t> left_out) {
    const std::uint32_t end = doc_[root].end;
    std::uint32_t i = root;
    std::size_t next_out = 0;
    while (i < end) {
      close_until(i);
      const dom::node& n = doc_[i];
      while (next_out < left_out.size() && left_out[next_out] < i) ++next_out;
      if ((n.flags & skip_) != 0 || (next_out < left_out.size() && left_out[next_out] == i)) {
        i = n.end;
        continue;
      }
      switch (n.type) {
        case kind::text:
          append(n.text, (n.flags & dom::in_link) != 0);
          ++i;
          break;
        case kind::whitespace:
          if (pre_ > 0) {
            builder_.append_verbatim(n.text);
          } else {
            builder_.space(n.text.find('\n') != std::string_view::npos);
          }
          ++i;
          break;
        case kind::element:
          i = open(i);
          break;
        default:
          ++i;
      }
    }
    close_until(end + 1);
    flush(root);
  }

 private:
  /// linked: the text is a link's (dom::in_link, clean::mark_links decides).
  void append(std::string_view t, bool linked) {
    const std::uint32_t before = builder_.chars();
    if (pre_ > 0) {
      builder_.append_verbatim(t);
    } else {
      builder_.append(t);
    }
    const std::uint32_t added = builder_.chars() - before;
    if (bold_ > 0) bold_chars_ += added;
    if (linked) link_chars_ += added;
  }

  std::uint32_t open(std::uint32_t i) {
    const dom::node& n = doc_[i];
    switch (n.tag) {
      case html_tag::script: case html_tag::style: case html_tag::head:
      case html_tag::noscript: case html_tag::template_:
        return n.end;
      case html_tag::br:
        if (row_end_ != 0) {
          builder_.space(false);
        } else {
          flush(current_block());
        }
        return n.end;
      case html_tag::img:
        add_image(i);
        return n.end;
      default:
        break;
    }
    const bool block = is_block_tag(n.tag);
    if (block && row_end_ == 0) flush(current_block());
    if (n.tag == html_tag::tr && row_end_ == 0 && is_data_row(doc_, i)) {
      row_end_ = n.end;
      row_node_ = i;
      cells_.clear();
    }
    open_element e{i, n.end, n.tag, block, block && is_centered(n), is_bold(n)};
    stack_.push_back(e);
    adjust(e, +1);
    return i + 1;
  }

  void adjust(const open_element& e, int d) {
    switch (e.tag) {
      case html_tag::li: case html_tag::dt: case html_tag::dd: li_ += d; break;
      case html_tag::blockquote: quote_ += d; break;
      case html_tag::pre: pre_ += d; break;
      case html_tag::figcaption: figcaption_ += d; break;
      default: {
        const int lv = heading_level(e.tag);
        if (lv != 0) {
          heading_ += d;
          if (d > 0) heading_level_ = lv;
        }
      }
    }
    if (e.centered) centered_ += d;
    if (e.bold) bold_ += d;
  }

  void close_until(std::uint32_t i) {
    while (!stack_.empty() && stack_.back().end <= i) {
      const open_element e = stack_.back();
      if (row_end_ != 0 && (e.tag == html_tag::td || e.tag == html_tag::th)) {
        finish_cell();
      } else if (e.block && row_end_ == 0) {
        flush(e.index);
      }
      if (row_end_ != 0 && e.index == row_node_) finish_row();
      adjust(e, -1);
      stack_.pop_back();
    }
  }

  std::uint32_t current_block() const noexcept {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->block) return it->index;
    }
    return 0;
  }

  void finish_cell() {
    cells_.push_back(builder_.take());
    bold_chars_ = link_chars_ = 0;
  }

  void finish_row() {
    std::string leftover = builder_.take();
    if (!leftover.empty()) cells_.push_back(std::move(leftover));
    while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
    bool any = false;
    for (const auto& c : cells_) any = any || !c.empty();
    if (any) {
      seg_block sb;
      sb.b.type = block_type::table_row;
      for (std::size_t k = 0; k < cells_.size(); ++k) {
        if (k != 0) sb.b.text += " | ";
        sb.b.text += cells_[k];
      }
      sb.b.cells = std::move(cells_);
      sb.node = row_node_;
      sb.chars = static_cast<std::uint32_t>(util::cp_count(sb.b.text));
      out_.blocks.push_back(std::move(sb));
    }
    cells_.clear();
    row_end_ = 0;
    row_node_ = 0;
  }

  void flush(std::uint32_t holder) {
    const std::uint32_t chars = builder_.chars();
    std::string text = builder_.take();
    const std::uint32_t bold = bold_chars_;
    const std::uint32_t link = link_chars_;
    bold_chars_ = link_chars_ = 0;
    if (text.empty()) return;
    seg_block sb;
    if (heading_ > 0) {
      sb.b.type = block_type::heading;
      sb.b.level = heading_level_;
    } else if (pre_ > 0) {
      sb.b.type = block_type::code;
    } else if (li_ > 0) {
      sb.b.type = block_type::list_item;
    } else if (quote_ > 0) {
      sb.b.type = block_type::quote;
    } else {
      sb.b.type = block_type::paragraph;
    }
    sb.b.text = std::move(text);
    sb.node = holder;
    sb.chars = chars;
    sb.bold_chars = bold;
    sb.link_chars = link;
    sb.centered = centered_ > 0 || figcaption_ > 0;
    out_.blocks.push_back(std::move(sb));
    if (figcaption_ > 0 && !out_.images.empty()) {
      // a <figcaption> belongs to the figure's image, not to the body
      auto& img = out_.images.back();
      if (!img.img.caption && img.next_block + 1 == out_.blocks.size()) {
        img.img.caption = out_.blocks.back().b.text;
        out_.blocks.pop_back();
      }
    }
  }

  void add_image(std::uint32_t i) {
    const dom::node& n = doc_[i];
    std::string_view src = dom::attr(n, "src");
    // lazy-loading pages keep the real address elsewhere
    for (const char* alt_attr : {"data-src", "data-original", "data-url", "data-lazy-src"}) {
      const std::string_view v = dom::attr(n, alt_attr);
      if (!v.empty() && (src.empty() || util::istarts_with(src, "data:"))) src = v;
    }
    src = util::trim(src);
    if (src.empty() || util::istarts_with(src, "data:")) return;
    if (row_end_ == 0) flush(current_block());
    seg_image im;
    im.img.src.assign(src);
    const std::string_view alt = util::trim(dom::attr(n, "alt"));
    if (!alt.empty()) im.img.alt.emplace(alt);
    im.node = i;
    im.next_block = out_.blocks.size();
    out_.images.push_back(std::move(im));
  }


  const dom::document& doc_;
  std::uint16_t skip_;
  segments& out_;
  text_builder builder_;
  std::vector<open_element> stack_;
  std::vector<std::string> cells_;
  std::uint32_t row_end_ = 0;
  std::uint32_t row_node_ = 0;
  int bold_ = 0, li_ = 0, quote_ = 0, pre_ = 0, heading_ = 0, heading_level_ = 0;
  int centered_ = 0, figcaption_ = 0;
  std::uint32_t bold_chars_ = 0, link_chars_ = 0;
};

bool joins_without_space(char32_t c) noexcept {
  return util::is_cjk(c) || util::is_cjk_punct(c);
}

/// Letters of the scripts whose words a zero-width (non-)joiner shapes:
/// Arabic and Persian (a ZWNJ keeps a compound name's two parts apart), Syriac, the Indic
/// scripts. Between two of them the joiner is the word's own spelling.
bool takes_joiners(char32_t c) noexcept {
  return (c >= 0x0600 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) || (c >= 0x0900 && c <= 0x0DFF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

}  // namespace

void text_builder::append(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const char32_t c = util::next_cp(raw, i);
    if (util::is_space(c)) {
      const bool newline = c == '\n' || c == '\r';
      if (c == 0x200C || c == 0x200D) {
        std::size_t after = i;
        if (pending_ == 0 && takes_joiners(last_) && i < raw.size() && takes_joiners(util::next_cp(raw, after))) {
          util::append_utf8(out_, c);  // inside a word: part of its spelling, not a space
        }
        continue;
      }
      if (c == 0x200B || c == 0xFEFF) continue;  // zero width
      pending_ = (pending_ == 2 || newline) ? 2 : 1;
      continue;
    }
    if (c == 0xAD) continue;  // a soft hyphen marks where a word may break: not text
    const char32_t f = fold_width_ ? util::fold_fullwidth(c) : c;
    if (pending_ != 0 && !out_.empty()) {
      const bool wrap = pending_ == 2 && joins_without_space(last_) && joins_without_space(f);
      if (!wrap) out_.push_back(' ');
    }
    pending_ = 0;
    util::append_utf8(out_, f);
    last_ = f;
    ++chars_;
  }
}

std::string text_builder::take() {
  std::string s;
  s.swap(out_);
  last_ = 0;
  pending_ = 0;
  chars_ = 0;
  const std::string_view t = util::trim(s);
  if (t.size() != s.size()) return std::string(t);
  return s;
}

void build_blocks(const dom::document& doc, std::uint32_t root, std::uint16_t skip_flags,
                  segments& out, bool fold_width, std::span<const std::uint32_t> left_out) {
  if (root >= doc.size()) return;
  walker w(doc, skip_flags, out, fold_width);
  w.run(root, left_out);
}

void build_text_blocks(std::string_view text, segments& out, bool fold_width) {
  std::size_t pos = 0;
  text_builder tb(fold_width);
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = util::trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    seg_block sb;
    int level = 0;
    while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#') ++level;
    if (level > 0 && level <= 6 && static_cast<std::size_t>(level) < line.size() &&
        line[static_cast<std::size_t>(level)] == ' ') {
      sb.b.type = block_type::heading;
      sb.b.level = level;
      line = util::trim(line.substr(static_cast<std::size_t>(level)));
    }
    tb.append(line);
    sb.chars = tb.chars();
    sb.b.text = tb.take();
    if (!sb.b.text.empty()) out.blocks.push_back(std::move(sb));
  }
}

namespace {

/// An ICU break iterator and the UText it reads: what both splitters own.
struct break_iterator {
  std::unique_ptr<icu::BreakIterator> it;
  UText text = UTEXT_INITIALIZER;
  explicit break_iterator(icu::BreakIterator* (*make)(const icu::Locale&, UErrorCode&)) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(make(icu::Locale("zh"), status));
    if (U_FAILURE(status)) it.reset();
  }
  break_iterator(const break_iterator&) = delete;
  break_iterator& operator=(const break_iterator&) = delete;
  ~break_iterator() { utext_close(&text); }
};

}  // namespace

struct sentence_splitter::impl : break_iterator {
  impl() : break_iterator(&icu::BreakIterator::createSentenceInstance) {}
};

sentence_splitter::sentence_splitter() : impl_(std::make_unique<impl>()) {}

sentence_splitter::~sentence_splitter() = default;

void sentence_splitter::split(std::string_view text, std::vector<newsx::text_span>& out) {
  out.clear();
  if (text.empty()) return;
  if (!impl_->it) {
    out.push_back({0, static_cast<std::uint32_t>(text.size())});
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    out.push_back({0, static_cast<std::uint32_t>(text.size())});
    return;
  }
  impl_->it->setText(&impl_->text, status);
  // UAX 29 treats “ as closing punctuation and leaves it at the end of the
  // sentence before; in Chinese it opens the next one. Move such boundaries.
  auto opens = [](char32_t c) {
    return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == 0x300A ||
           c == 0xFF08 || c == 0x3010 || c == '(';
  };
  auto adjust = [&](std::int32_t end) {
    std::size_t e = static_cast<std::size_t>(end);
    while (e > 0 && e < text.size()) {
      std::size_t st = 0;
      const char32_t c = util::prev_cp(text, e, st);
      if (!opens(c)) break;
      e = st;
    }
    return static_cast<std::int32_t>(e);
  };
  std::int32_t start = impl_->it->first();
  for (std::int32_t next = impl_->it->next(); next != icu::BreakIterator::DONE;
       next = impl_->it->next()) {
    const std::int32_t end = adjust(next);
    if (end <= start) continue;
    const std::string_view s =
        util::trim(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    start = end;
    if (s.empty()) continue;
    out.push_back({static_cast<std::uint32_t>(s.data() - text.data()),
                   static_cast<std::uint32_t>(s.size())});
  }
  // The iterator keeps a pointer to the text: detach it before text goes away.
  utext_openUTF8(&impl_->text, "", 0, &status);
  impl_->it->setText(&impl_->text, status);
}

struct word_breaker::impl : break_iterator {
  impl() : break_iterator(&icu::BreakIterator::createWordInstance) {}
};

word_breaker::word_breaker() : impl_(std::make_unique<impl>()) {}

word_breaker::~word_breaker() = default;

void word_breaker::boundaries(std::string_view text, std::vector<std::uint32_t>& out) {
  out.clear();
  out.push_back(0);
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  if (impl_->it) {
    utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  if (!impl_->it || U_FAILURE(status)) {
    out.push_back(static_cast<std::uint32_t>(text.size()));
    return;
  }
  impl_->it->setText(&impl_->text, status);
  for (std::int32_t b = impl_->it->next(); b != icu::BreakIterator::DONE; b = impl_->it->next()) {
    out.push_back(static_cast<std::uint32_t>(b));
  }
  if (out.back() != text.size()) out.push_back(static_cast<std::uint32_t>(text.size()));
}

void word_breaker::set_text(std::string_view text) {
  if (!impl_->it) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) impl_->it->setText(&impl_->text, status);
}

bool word_breaker::is_boundary(std::size_t offset) {
  if (!impl_->it) return true;
  return impl_->it->isBoundary(static_cast<std::int32_t>(offset)) != 0;
}

}  // namespace newsx::segment
