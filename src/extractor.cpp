// The pipeline: decode -> parse -> clean -> segment -> extract, per document,
// with every buffer and ICU object owned by the extractor and reused.
#include "newsx/extractor.hpp"
#include "newsx/version.hpp"

#include <algorithm>

#include "clean/cleaner.hpp"
#include "decode/charset.hpp"
#include "decode/gzip.hpp"
#include "decode/post.hpp"
#include "extract/body.hpp"
#include "extract/dates.hpp"
#include "extract/byline.hpp"
#include "extract/content.hpp"
#include "extract/headline.hpp"
#include "extract/meta.hpp"
#include "extract/stocks.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"
#include "util/text.hpp"

namespace newsx {

std::string_view error_name(error_code code) noexcept {
  switch (code) {
    case error_code::ok: return "ok";
    case error_code::empty_input: return "empty_input";
    case error_code::input_too_large: return "input_too_large";
    case error_code::binary_input: return "binary_input";
    case error_code::unsupported_charset: return "unsupported_charset";
    case error_code::too_deep: return "too_deep";
    case error_code::parse_failed: return "parse_failed";
    case error_code::output_too_large: return "output_too_large";
    case error_code::read_failed: return "read_failed";
    case error_code::internal: return "internal";
    case error_code::invalid_options: return "invalid_options";
  }
  return "internal";
}

namespace {

void normalize_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

std::optional<std::string> non_empty(std::string_view v) {
  v = util::trim(v);
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

/// Jekyll splits a scalar category or tag string on white space.
void fill_list(const decode::front_matter_field* f, std::vector<std::string>& out) {
  if (f == nullptr) return;
  for (const std::string& v : f->values) {
    if (f->is_list) {
      if (!util::trim(v).empty()) out.emplace_back(util::trim(v));
      continue;
    }
    std::size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && util::is_ascii_space(v[i])) ++i;
      std::size_t j = i;
      while (j < v.size() && !util::is_ascii_space(v[j])) ++j;
      if (j > i) out.emplace_back(v.substr(i, j - i));
      i = j;
    }
  }
}

// Longer labels first: "本文来源于X" must not read as "来源" + "于X".
constexpr std::string_view source_labels[] = {
    "本文来源于", "来源于", "稿件来源", "信息来源", "文章来源", "新闻来源", "来源", "來源", "稿源", "出处"};
constexpr std::string_view author_labels[] = {
    "作者", "记者", "記者", "文／", "文/", "撰文"};

/// A name has letters: "2909" (a CMS user id) is none.
bool names_someone(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = util::next_cp(s, i);
    if (util::is_cjk(c) || util::is_ascii_alpha(c)) return true;
  }
  return false;
}

std::string detect_lang(std::string_view text) {
  const util::char_counts c = util::count_chars(text.substr(0, std::min<std::size_t>(text.size(), 20000)));
  if (c.cjk == 0 && c.words == 0) return "zh";
  return c.cjk * 2 >= c.words ? "zh" : "en";
}

/// The first option out of its range, if any.
std::optional<error> check_options(const options& o) {
  const std::string& tz = o.default_timezone;
  std::size_t used = 0;
  if (!tz.empty() && (!extract::parse_offset(tz, &used) || used != tz.size())) {
    return error{error_code::invalid_options,
                 "default_timezone '" + tz + "' is not a UTC offset like +08:00, -0530 or Z"};
  }
  return std::nullopt;
}

}  // namespace

struct extractor::impl {
  newsx::options opts;
  std::optional<error> invalid;  // set when opts failed check_options
  decode::charset_decoder decoder;
  segment::sentence_splitter splitter;
  dom::document doc;
  segment::segments seg;
  segment::segments retry;  // a second look at the content, when the first finds little
  extract::stock_collector stocks;
  decode::post_parts post;
  extract::page_meta meta;
  extract::content_scratch content_tallies;
  std::string utf8;     // decoded input; gumbo's tree points into it
  std::string scratch;
  std::string zone;     // the page's byline text
  std::string inflated; // a gzip-compressed input, inflated

  explicit impl(newsx::options o) : opts(std::move(o)), invalid(check_options(opts)) {}

  result<article> run(std::string_view input, const document_hints& hints);
  error_code run_post(article& a, error& err);
  error_code run_page(article& a, error& err);
  void finish(article& a);
  std::optional<std::string> date_from(std::string_view raw, article& a, bool warn);

  /// Parses html into doc; false with err set when the input is refused.
  bool parse_html(std::string_view html, article& a, error& err) {
    dom::prescan_limits limits;
    limits.max_depth = opts.max_depth;
    limits.max_attributes = opts.max_attributes;
    limits.skip_raw_text = opts.prescan;
    const dom::parse_status st = doc.parse(html, limits);
    if (doc.report().attributes_dropped != 0) {
      a.warnings.push_back("dropped " + std::to_string(doc.report().attributes_dropped) +
                           " attributes past the limit of " + std::to_string(opts.max_attributes) +
                           " on one tag");
    }
    if (st == dom::parse_status::too_deep) {
      err = {error_code::too_deep, "elements nest deeper than " + std::to_string(opts.max_depth)};
      return false;
    }
    if (st != dom::parse_status::ok) {
      err = {error_code::parse_failed, "the HTML parser failed"};
      return false;
    }
    return true;
  }

  /// The content's blocks without link lists; returns their characters.
  std::size_t content_blocks(std::uint32_t root, segment::segments& out) {
    out.clear();
    segment::build_blocks(doc, root, dom::removed | dom::boilerplate | dom::title_dup, out,
                          opts.normalize_width);
    // Link lists inside the content (related stories) are not prose; a
    // heading goes only when it is all link (a teaser's headline).
    out.blocks.erase(std::remove_if(out.blocks.begin(), out.blocks.end(),
                                    [](const segment::seg_block& b) {
                                      if (b.chars == 0) return false;
                                      return b.b.type == block_type::heading
                                                 ? b.link_chars * 10 >= b.chars * 9
                                                 : b.link_chars * 2 > b.chars;
                                    }),
                     out.blocks.end());
    std::size_t chars = 0;
    for (const auto& b : out.blocks) chars += b.chars;
    return chars;
  }

  /// Codes in the title and body text join those read from markup; mentions
  /// are counted over the title and the text.
  void finish_stocks(article& a) {
    if (a.title) stocks.scan_text(*a.title);
    stocks.scan_text(a.text);
    scratch.clear();
    if (a.title) scratch = *a.title + "\n";
    scratch += a.text;
    stocks.finish(scratch, a.stock_codes);
  }
};

std::optional<std::string> extractor::impl::date_from(std::string_view raw, article& a, bool warn) {
  raw = util::trim(raw);
  if (raw.empty()) return std::nullopt;
  std::optional<extract::parsed_date> d = extract::parse_date(raw);
  if (!d) {
    if (warn) a.warnings.push_back("date '" + std::string(raw) + "' is not a date");
    return std::nullopt;
  }
  return extract::format_date(*d, opts.default_timezone);
}

result<article> extractor::impl::run(std::string_view input, const document_hints& hints) {
  if (input.size() > opts.max_input_bytes) {
    return error{error_code::input_too_large,
                 "input is " + std::to_string(input.size()) + " bytes; the limit is " +
                     std::to_string(opts.max_input_bytes)};
  }
  if (util::trim_ascii(input).empty()) {
    return error{error_code::empty_input, "input is empty or only white space"};
  }
  // Saved pages often come gzip-compressed (.html.gz): inflate them, within
  // the input limit, so a compression bomb is refused like any big input.
  if (decode::is_gzip(input)) {
    const result<std::size_t> inflated_size =
        decode::inflate_all(input, opts.max_input_bytes, inflated);
    if (!inflated_size) return inflated_size.error();
    input = inflated;
  }
  const decode::sniff_result sniff = decode::sniff_binary(input);
  if (sniff.binary) {
    return error{error_code::binary_input, "input is not text: " + std::string(sniff.what)};
  }

  article a;
  const bool post_like = decode::starts_with_front_matter(
      input.substr(0, 3) == "\xEF\xBB\xBF" ? input.substr(3) : input);
  const result<std::string> dec =
      decoder.decode(input, hints.decode_as, !post_like, utf8, a.warnings, post_like, hints.charset);
  if (!dec) return dec.error();
  a.charset = *dec;
  normalize_newlines(utf8);
  if (util::trim(utf8).empty()) {
    return error{error_code::empty_input, "input has no text after decoding"};
  }

  error err;
  error_code code = error_code::ok;
  if (decode::starts_with_front_matter(utf8)) {
    code = run_post(a, err);
  } else if (decode::looks_like_html(utf8)) {  // stops at the first tag it knows
    code = run_page(a, err);
  } else {
    a.input_kind = "text";
    seg.clear();
    segment::build_text_blocks(utf8, seg, opts.normalize_width);
    extract::refine_body(seg, extract::body_rules{}, a);
    stocks.clear();
    finish_stocks(a);
  }
  doc.clear();
  if (code != error_code::ok) return err;
  // where the page was fetched from beats what it says about itself
  if (!hints.url.empty() && a.input_kind != "post") a.url = std::string(hints.url);
  if (extract::limit_body(a, opts.max_output_bytes)) {
    a.warnings.push_back("body truncated to the output limit of " +
                         std::to_string(opts.max_output_bytes) + " bytes");
  }
  finish(a);
  return a;
}

error_code extractor::impl::run_post(article& a, error& err) {
  a.input_kind = "post";
  decode::split_post(utf8, post);
  for (auto& w : post.warnings) a.warnings.push_back(std::move(w));
  auto first = [&](std::string_view key) -> std::string_view {
    const decode::front_matter_field* f = post.field(key);
    return f != nullptr && !f->values.empty() ? std::string_view(f->values.front()) : std::string_view();
  };
  a.title = non_empty(first("title"));
  a.date = date_from(first("date"), a, true);
  a.author = non_empty(first("author"));
  a.source = non_empty(first("source"));
  fill_list(post.field("categories"), a.categories);
  if (a.categories.empty()) fill_list(post.field("category"), a.categories);
  fill_list(post.field("tags"), a.tags);
  if (!post.url.empty()) {
    a.url = post.url;
  } else {
    for (const char* k : {"url", "link", "source_url", "permalink"}) {
      if (!first(k).empty()) {
        a.url = non_empty(first(k));
        break;
      }
    }
  }
  if (!post.summary.empty()) a.summary = post.summary;
  const std::string_view desc = first("description");
  if (!a.summary && !desc.empty()) a.summary = non_empty(desc);

  seg.clear();
  stocks.clear();
  if (post.content_is_html) {
    if (!parse_html(post.content, a, err)) return err.code;
    clean::mark_non_content(doc);
    const std::uint32_t root = doc.body() != 0 ? doc.body() : 0;
    segment::build_blocks(doc, root, dom::removed, seg, opts.normalize_width);
    stocks.scan_markup(doc, root);
  } else {
    segment::build_text_blocks(post.content, seg, opts.normalize_width);
  }
  extract::refine_body(seg, extract::body_rules{}, a);
  if (!a.source && a.summary) {
    std::size_t cut = 0;
    const std::string_view who = extract::trailing_credit(*a.summary, cut);
    if (!who.empty()) a.source.emplace(who);
  }
  finish_stocks(a);
  return error_code::ok;
}

error_code extractor::impl::run_page(article& a, error& err) {
  a.input_kind = "html";
  if (!parse_html(utf8, a, err)) return err.code;
  clean::mark_non_content(doc);
  extract::read_meta(doc, meta);
  clean::mark_boilerplate(doc);
  extract::mark_links(doc);
  // Title: the element that shows the headline (it carries no site name),
  // else og:title, else <title>, both without their site suffixes.
  const extract::headline shown_title = extract::find_headline(doc, meta.title_tag, meta.og_title);
  const std::uint32_t headline = shown_title.node;
  const std::string_view stripped = extract::strip_site_suffix(meta.title_tag);
  const std::string_view og = extract::strip_site_suffix(meta.og_title);
  if (!shown_title.text.empty()) {
    a.title = shown_title.text;
  } else if (!og.empty()) {
    a.title = std::string(og);
  } else if (!stripped.empty()) {
    a.title = std::string(stripped);
  }
  extract::content_choice content = extract::select_content(doc, content_tallies, headline);

  if (headline != 0) doc[headline].flags |= dom::title_dup;

  a.url = non_empty(meta.url);
  a.site_name = non_empty(meta.site_name);
  a.summary = non_empty(meta.description);

  seg.clear();
  stocks.clear();
  const std::size_t found = content_blocks(content.root, seg);
  if (found < 300) {
    // Class names misled us (a story inside "left-side"): judge chrome by
    // tags and roles only and look again, as readability does.
    for (dom::node& nd : doc.nodes()) nd.flags &= static_cast<std::uint16_t>(~dom::boilerplate);
    clean::mark_boilerplate(doc, false);
    const extract::content_choice second = extract::select_content(doc, content_tallies, headline);
    retry.clear();
    if (content_blocks(second.root, retry) > found + found / 2) {
      content = second;
      std::swap(seg, retry);
    }
  }
  // Byline: date, source and author between the headline and the text. The
  // visible byline is what readers (and editors) see: it wins over <meta>,
  // whose times are often the CMS's, in UTC, or rounded to the day.
  extract::byline_text(doc, headline, content.root, scratch);
  // Bylines also open the content itself ("2020-04-01 10:29" above the
  // first paragraph); refine_body drops those blocks, their facts count here.
  for (std::size_t k = 0; k < seg.blocks.size() && k < 3; ++k) {
    if (seg.blocks[k].b.type != block_type::paragraph || !extract::is_byline(seg.blocks[k].b.text)) continue;
    scratch.push_back(' ');
    scratch += seg.blocks[k].b.text;
  }
  std::optional<extract::parsed_date> shown = extract::find_date(scratch);
  std::optional<extract::parsed_date> meta_date;
  if (!meta.published.empty()) meta_date = extract::parse_date(meta.published);
  if (shown && shown->has_time) {
    a.date = extract::format_date(*shown, opts.default_timezone);
  } else if (meta_date && (meta_date->has_time || !shown)) {
    a.date = extract::format_date(*meta_date, opts.default_timezone);
  } else if (shown) {
    a.date = extract::format_date(*shown, opts.default_timezone);
  }
  zone = scratch;
  std::string_view src = extract::byline_field(scratch, source_labels);
  if (src.empty()) src = extract::byline_source(scratch);
  if (!src.empty()) a.source.emplace(src);
  std::string_view byline_author = extract::byline_field(scratch, author_labels, 12);
  if (byline_author.empty()) byline_author = extract::english_byline(scratch);
  if (!byline_author.empty()) a.author.emplace(byline_author);

  extract::body_rules rules;
  rules.page = true;
  rules.title = a.title ? std::string_view(*a.title) : std::string_view();
  extract::refine_body(seg, rules, a);
  // No byline credit: a dateline ("新华社北京5月9日电"), a credit line under
  // the story, then what the page's metadata says.
  if (!a.source && !a.body.empty()) {
    const std::string_view who = extract::dateline_source(a.body.front().text);
    if (!who.empty()) a.source.emplace(who);
  }
  if (!a.source) {
    const std::string_view who = extract::byline_name_by_date(zone);
    if (!who.empty()) a.source.emplace(who);
  }
  if (!a.source) {
    scratch.clear();
    const std::uint32_t after = content.root < doc.size() ? doc[content.root].end : doc.size();
    for (std::uint32_t i = after; i < doc.size() && scratch.size() < 600; ++i) {
      const dom::node& nd = doc[i];
      if (nd.type == dom::kind::text && (nd.flags & dom::removed) == 0) {
        scratch.append(nd.text);
        scratch.push_back(' ');
      }
    }
    const std::string_view who = extract::byline_field(scratch, source_labels);
    if (!who.empty()) a.source.emplace(who);
  }
  if (!a.source && !meta.publisher.empty() && meta.publisher != meta.site_name) {
    a.source = non_empty(meta.publisher);
  }
  // Stories open with "（记者 张三）" as often as they carry a byline.
  if (!a.author) {
    std::size_t cut = std::min<std::size_t>(a.text.size(), 300);
    while (cut < a.text.size() && (static_cast<unsigned char>(a.text[cut]) & 0xC0) == 0x80) --cut;
    const std::string_view lead = std::string_view(a.text).substr(0, cut);  // whole characters
    const std::string_view au = extract::byline_field(lead, {"记者", "記者"}, 4);  // a personal name
    if (!au.empty()) a.author.emplace(au);
  }
  // <meta name=author> is often the site itself; keep it only when it is not.
  if (!a.author && !meta.author.empty() && meta.author != meta.site_name &&
      meta.author != meta.publisher && util::cp_count(meta.author) <= 12 &&
      names_someone(meta.author) &&
      (!a.source || meta.author != *a.source)) {
    a.author = non_empty(meta.author);
  }

  stocks.scan_markup(doc, content.root);
  finish_stocks(a);

  // Not an article: little prose, or prose that is mostly links.
  const std::size_t prose = util::cp_count(a.text);
  // A short story still is one when it has what articles have: a headline
  // of its own and a dated byline.
  const bool story_marks = headline != 0 && a.date.has_value() && prose >= 50;
  a.is_article = (prose >= 150 || story_marks) && content.link_density < 0.5;
  if (!a.is_article) a.warnings.emplace_back("the page does not look like an article");
  return error_code::ok;
}

void extractor::impl::finish(article& a) {
  a.lang = detect_lang(a.text.empty() ? (a.title ? std::string_view(*a.title) : std::string_view()) : a.text);
  if (opts.sentences) {
    for (block& b : a.body) splitter.split(b.text, b.sentences);
  }
}

result<extractor> extractor::create(newsx::options opts) {
  if (std::optional<error> bad = check_options(opts)) return std::move(*bad);
  return extractor(std::move(opts));
}

extractor::extractor() : extractor(newsx::options{}) {}
extractor::extractor(newsx::options opts) : impl_(std::make_unique<impl>(std::move(opts))) {}
extractor::~extractor() = default;
extractor::extractor(extractor&&) noexcept = default;
extractor& extractor::operator=(extractor&&) noexcept = default;

const newsx::options& extractor::options() const noexcept { return impl_->opts; }

result<article> extractor::extract(std::string_view input) {
  return extract(input, document_hints{});
}

result<article> extractor::extract(std::string_view input, const document_hints& hints) {
  // Nothing below throws by design; a bad_alloc is the one exception the
  // standard library can raise, and it must not cross the API.
  if (impl_->invalid) return *impl_->invalid;
  try {
    return impl_->run(input, hints);
  } catch (const std::bad_alloc&) {
    impl_->doc.clear();
    return error{error_code::input_too_large, "out of memory while extracting"};
  } catch (...) {
    impl_->doc.clear();
    return error{error_code::internal, "unexpected internal error"};
  }
}

std::vector<std::string_view> extractor::sentences(std::string_view utf8_text) {
  std::vector<text_span> spans;
  std::vector<std::string_view> out;
  try {
    impl_->splitter.split(utf8_text, spans);
    out.reserve(spans.size());
    for (const text_span& s : spans) out.push_back(utf8_text.substr(s.offset, s.length));
  } catch (...) {
    out.clear();
  }
  return out;
}

std::string_view version() noexcept { return NEWSX_VERSION_STRING; }  // from project(VERSION)

}  // namespace newsx
