// The pipeline: decode -> parse -> clean -> segment -> extract, per document,
// with every buffer and ICU object owned by the extractor and reused.
#include "newsx/extractor.hpp"
#include "newsx/version.hpp"

#include <fmt/format.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>

#include "clean/cleaner.hpp"
#include "decode/charset.hpp"
#include "decode/gzip.hpp"
#include "decode/post.hpp"
#include "extract/body.hpp"
#include "extract/byline.hpp"
#include "extract/byline_markup.hpp"
#include "extract/content.hpp"
#include "extract/dates.hpp"
#include "extract/facts.hpp"
#include "extract/front_matter.hpp"
#include "extract/headline.hpp"
#include "extract/meta.hpp"
#include "extract/page_json.hpp"
#include "extract/paragraphs.hpp"
#include "extract/resolve.hpp"
#include "extract/stocks.hpp"
#include "lexicon/dates.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"
#include "util/memory.hpp"
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
    case error_code::too_many_nodes: return "too_many_nodes";
    case error_code::out_of_memory: return "out_of_memory";
    case error_code::damaged_record: return "damaged_record";
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

/// Japanese writes a kana for every few kanji, Korean mostly hangul; Chinese
/// neither.
constexpr std::size_t kana_share_percent = 10;
constexpr std::size_t hangul_share_percent = 50;

/// "zh", "ja" or "ko" for text mostly in CJK scripts (or none), else "en".
std::string detect_lang(std::string_view text) {
  const util::char_counts c = util::count_chars(text.substr(0, std::min<std::size_t>(text.size(), 20000)));
  if (c.cjk == 0 && c.words == 0) return "zh";
  if (c.cjk * 2 < c.words) return "en";
  if (c.hangul * 100 >= c.cjk * hangul_share_percent) return "ko";
  if (c.kana * 100 >= c.cjk * kana_share_percent) return "ja";
  return "zh";
}

/// The first option out of its range, if any.
std::optional<error> check_options(const options& o) {
  const std::string& tz = o.default_timezone;
  std::size_t used = 0;
  if (!tz.empty() && (!extract::parse_offset(tz, &used) || used != tz.size())) {
    return error{error_code::invalid_options,
                 fmt::format("default_timezone '{}' is not a UTC offset like +08:00, -0530 or Z", tz)};
  }
  if (!extract::make_date_context(tz, o.reference_time)) {
    return error{error_code::invalid_options,
                 fmt::format("reference_time '{}' is not a date with a time like "
                             "2024-03-05T10:00:00+08:00, nor epoch seconds",
                             o.reference_time)};
  }
  return std::nullopt;
}

}  // namespace

struct NEWSX_HIDDEN extractor::impl {
  newsx::options opts;
  std::optional<error> invalid;  // set when opts failed check_options
  decode::charset_decoder decoder;
  segment::sentence_splitter splitter;
  dom::document doc;
  segment::segments seg;
  segment::segments retry;  // the content's second look
  segment::segments paras;  // the paragraph look
  extract::paragraph_scratch para_scratch;
  std::vector<std::uint32_t> block_nodes;
  extract::stock_collector stocks;
  decode::post_parts post;
  extract::page_meta meta;
  extract::content_scratch content_tallies;
  extract::facts found;     // every candidate of the document being read
  extract::date_context dates;  // the document's offset and reference time
  std::optional<extract::article_signals> page_signals;  // pages only: for is_article
  std::string scratch;
  std::string zone;         // the page's byline text
  std::string utf8;         // decoded input; the tree points into it
  std::string inflated;     // a gzip-compressed input, inflated

  explicit impl(newsx::options o) : opts(std::move(o)), invalid(check_options(opts)) {}

  result<article> run(std::string_view input, const document_hints& hints);
  void give_back_memory();
  result<void> read_post(article& a);
  result<void> read_page(article& a);
  void read_text(article& a);
  void resolve(article& a);
  /// The offset for times that carry none on a page in lang: the
  /// default_timezone on Chinese pages (or every page, when asked), else none.
  [[nodiscard]] std::string_view default_offset_of(std::string_view lang) const noexcept;
  void warn_bad_offsets(article& a, std::string_view default_offset);
  void finish(article& a);

  /// Parses html into doc, or the error that refuses it.
  result<void> parse_html(std::string_view html, article& a) {
    dom::prescan_limits limits;
    limits.max_depth = opts.max_depth;
    limits.max_attributes = opts.max_attributes;
    limits.max_nodes = opts.max_nodes;
    limits.max_parse_bytes = opts.max_parse_bytes;
    limits.skip_raw_text = opts.prescan;
    result<void> parsed = doc.parse(html, limits);
    if (doc.report().attributes_dropped != 0) {
      a.warnings.push_back(fmt::format("dropped {} attributes past the limit of {} on one tag",
                                       doc.report().attributes_dropped, opts.max_attributes));
    }
    return parsed;
  }

  /// The chosen content's blocks, link lists dropped; returns their characters.
  std::size_t content_blocks(const extract::content_choice& content, segment::segments& out) {
    out.clear();
    segment::build_blocks(doc, content.root, dom::removed | content.chrome | dom::title_dup, out,
                          opts.normalize_width, content.left_out);
    return extract::drop_link_lists(out, doc, content.root);
  }

  /// The dates a page keeps for its scripts: markup around the byline, then
  /// inline JSON (read from the page's text: the tree has no script bodies).
  void add_page_data_dates(std::uint32_t headline, std::uint32_t content) {
    std::uint32_t from = content;
    if (headline != 0) from = headline > markup_dates_before ? headline - markup_dates_before : 0;
    const std::uint32_t to = (headline != 0 ? doc[headline].end : from) + markup_dates_after;
    extract::add_markup_date_facts(doc, from, to, dates, found);
    if (std::optional<extract::parsed_date> d =
            extract::find_json_date(utf8, lexicon::script_published_keys, dates)) {
      found.date.push_back({*d, extract::origin::page_data});
    }
    if (std::optional<extract::parsed_date> d =
            extract::find_json_date(utf8, lexicon::script_modified_keys, dates)) {
      found.date_modified.push_back({*d, extract::origin::page_data});
    }
  }
  /// The byline's markup is near the headline: this many nodes before it
  /// (a <time> above an <h1> in the same header) and after it.
  static constexpr std::uint32_t markup_dates_before = 50;
  static constexpr std::uint32_t markup_dates_after = 400;

  /// Codes in the title and body text join those read from markup; mentions
  /// are counted over the title and the text.
  void finish_stocks(article& a) {
    if (a.title) stocks.scan_text(*a.title);
    stocks.scan_text(a.text);
    scratch.clear();
    if (a.title) scratch = *a.title + "\n";
    scratch += a.text;
    if (opts.securities) stocks.scan_names(*opts.securities, scratch);
    stocks.finish(scratch, a.stock_codes);
  }
};

// The pipeline: decode -> parse -> clean -> segment -> extract -> resolve.
/// Buffers a large document grew are freed, and the allocator is asked to
/// hand the pages back: the next small document must not pay for the last
/// big one (a crawl worker's memory is what its largest page left behind).
void extractor::impl::give_back_memory() {
  bool released = doc.release_memory();
  for (segment::segments* s : {&seg, &retry, &paras}) {
    released = util::release_if_over(s->blocks) || released;
    released = util::release_if_over(s->images) || released;
  }
  released = util::release_if_over(para_scratch.cls) || released;
  released = util::release_if_over(para_scratch.weights) || released;
  released = util::release_if_over(block_nodes) || released;
  for (auto* v : {&content_tallies.chars, &content_tallies.links, &content_tallies.punct, &content_tallies.direct,
                  &content_tallies.keep, &content_tallies.list_items, &content_tallies.posts,
                  &content_tallies.post_chars, &content_tallies.cells,
                  &content_tallies.short_items}) {
    released = util::release_if_over(*v) || released;
  }
  released = util::release_if_over(content_tallies.score) || released;
  released = stocks.release_memory() || released;
  for (std::string* s : {&scratch, &zone, &utf8, &inflated}) released = util::release_if_over(*s) || released;
#if defined(__GLIBC__)
  if (released) malloc_trim(0);
#endif
}

result<article> extractor::impl::run(std::string_view input, const document_hints& hints) {
  if (input.size() > opts.max_input_bytes) {
    return error{error_code::input_too_large,
                 fmt::format("input is {} bytes; the limit is {}", input.size(), opts.max_input_bytes)};
  }
  if (util::trim_ascii(input).empty()) {
    return error{error_code::empty_input, "input is empty or only white space"};
  }
  // Saved pages often come gzip-compressed (.html.gz): inflate them, within
  // the input limit, so a compression bomb is refused like any big input.
  std::string gzip_warning;
  if (decode::is_gzip(input)) {
    const result<std::size_t> inflated_size =
        decode::inflate_all(input, opts.max_input_bytes, inflated, &gzip_warning);
    if (!inflated_size) return inflated_size.error();
    input = inflated;
  }
  // A UTF-16 label makes NUL bytes text.
  const decode::sniff_result sniff =
      decode::sniff_binary(input, hints.decode_as.empty() ? hints.charset : hints.decode_as);
  if (sniff.binary) {
    return error{error_code::binary_input, fmt::format("input is not text: {}", sniff.what)};
  }

  article a;
  if (!gzip_warning.empty()) a.warnings.push_back(std::move(gzip_warning));
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

  found.clear();
  page_signals.reset();
  dates = extract::make_date_context(opts.default_timezone, opts.reference_time).value_or(extract::date_context{});
  if (!hints.reference_time.empty()) {
    if (std::optional<extract::date_context> c =
            extract::make_date_context(opts.default_timezone, hints.reference_time)) {
      dates = *c;
    } else {
      a.warnings.push_back(fmt::format("reference time '{}' is not a date with a time; ignored",
                                       util::trim(hints.reference_time).substr(0, 64)));
    }
  }
  found.add(found.url, hints.url, extract::origin::hint);
  result<void> read;
  if (decode::starts_with_front_matter(utf8)) {
    read = read_post(a);
  } else if (decode::looks_like_html(utf8)) {  // stops at the first tag it knows
    read = read_page(a);
  } else {
    read_text(a);
  }
  doc.clear();
  if (!read) return read.error();
  resolve(a);
  if (extract::limit_body(a, opts.max_output_bytes)) {
    a.warnings.push_back(
        fmt::format("body truncated to the output limit of {} bytes", opts.max_output_bytes));
  }
  finish(a);
  return a;
}

result<void> extractor::impl::read_post(article& a) {
  a.input_kind = "post";
  decode::split_post(utf8, post);
  for (auto& w : post.warnings) a.warnings.push_back(std::move(w));
  extract::read_front_matter(post, dates, a, found);
  seg.clear();
  stocks.clear();
  if (post.content_is_html) {
    if (result<void> parsed = parse_html(post.content, a); !parsed) return parsed;
    clean::mark_non_content(doc);
    clean::mark_links(doc);
    const std::uint32_t root = doc.body();
    segment::build_blocks(doc, root, dom::removed, seg, opts.normalize_width);
    stocks.scan_markup(doc, root);
  } else {
    segment::build_text_blocks(post.content, seg, opts.normalize_width);
  }
  extract::refine_body(seg, extract::body_rules{}, a, found);
  a.title = extract::resolve_title(found, extract::page_convention::shown);  // stocks count its mentions
  finish_stocks(a);
  return {};
}

void extractor::impl::read_text(article& a) {
  a.input_kind = "text";
  seg.clear();
  segment::build_text_blocks(utf8, seg, opts.normalize_width);
  extract::refine_body(seg, extract::body_rules{}, a, found);
  stocks.clear();
  finish_stocks(a);
}

result<void> extractor::impl::read_page(article& a) {
  a.input_kind = "html";
  if (result<void> parsed = parse_html(utf8, a); !parsed) return parsed;
  // clean: never-content, chrome (both looks), links
  clean::mark_non_content(doc);
  extract::read_meta(doc, meta);
  for (auto& w : meta.warnings) a.warnings.push_back(std::move(w));
  clean::mark_boilerplate(doc);
  clean::mark_links(doc);

  // The headline decides the title, and anchors the content and the byline.
  const extract::headline shown = extract::find_headline(doc, meta.title_tag, meta.og_title);
  clean::mark_headline(doc, shown.node);
  found.add(found.title, shown.text, extract::origin::headline_element);
  extract::add_meta_facts(meta, dates, found);
  // the body drops a line that repeats the headline, and stocks count its
  // mentions; resolve() decides the title the page reports
  a.title = extract::resolve_title(found, extract::page_convention::shown);
  a.site_name = non_empty(meta.site_name);
  a.summary = non_empty(meta.description);

  // Content: a first look with class names as evidence, and, when that finds
  // little (a story inside "left-side"), a second with tags and roles only.
  extract::content_choice content =
      extract::select_content(doc, content_tallies, shown.node, dom::boilerplate);
  seg.clear();
  const std::size_t first_chars = content_blocks(content, seg);
  std::size_t element_chars = first_chars;
  if (first_chars < extract::second_look_below_chars) {
    extract::content_choice second =
        extract::select_content(doc, content_tallies, shown.node, dom::structural_chrome);
    const std::size_t second_chars = content_blocks(second, retry);
    if (extract::prefer_second_look(first_chars, second_chars)) {
      content = std::move(second);
      std::swap(seg, retry);
      element_chars = second_chars;
    }
  }
  // An independent answer, paragraph by paragraph (jusText's way): its good
  // text beside the element joins the element when they agree on the story.
  if (opts.paragraph_look) {
    extract::look_paragraphs(doc, shown.node, opts.normalize_width, para_scratch, paras,
                             extract::paragraph_scope::whole_page);
    const extract::paragraph_overlap o =
        extract::measure_overlap(doc, content.root, shown.node, seg, paras, block_nodes);
    const extract::content_looks looks{o, element_chars};
    if (extract::prefer_paragraph_look(looks)) {
      extract::add_beside(doc, content.root, shown.node, seg, paras);
    } else if (extract::prefer_paragraph_lead(looks)) {
      extract::add_beside(doc, content.root, shown.node, seg, paras, extract::beside_part::lead);
    }
  }

  // Byline, body, and the credits around them.
  extract::byline_text(doc, shown.node, content.root, zone);
  extract::append_opening_bylines(seg, zone);
  extract::append_closing_byline(seg, zone);
  extract::add_byline_facts(zone, dates, found);
  extract::add_byline_markup_facts(doc, shown.node, content.root, found);
  add_page_data_dates(shown.node, content.root);
  extract::body_rules rules;
  rules.page = true;
  rules.title = a.title ? std::string_view(*a.title) : std::string_view();
  extract::refine_body(seg, rules, a, found);
  extract::add_body_facts(a, found);
  extract::add_after_content_facts(doc, content.root, dates, scratch, found);

  stocks.clear();
  stocks.scan_markup(doc, content.root, content.chrome, content.left_out);
  finish_stocks(a);
  extract::article_signals signals;
  signals.prose_chars = util::cp_count(a.text);
  signals.has_headline = shown.node != 0;
  signals.channel_title = meta.og_title.empty() && extract::is_channel_title(meta.title_tag);
  signals.link_density = content.link_density;
  std::size_t list_bytes = 0;
  for (const block& b : a.body) list_bytes += b.type == block_type::list_item ? b.text.size() : 0;
  signals.list_share =
      a.text.empty() ? 0.0 : static_cast<double>(list_bytes) / static_cast<double>(a.text.size());
  if (!signals.has_headline) {  // the date is not resolved yet: profile every headline-less page
    const extract::page_profile page = extract::profile_page(doc);
    signals.page_link_density =
        page.text_chars == 0 ? 0.0
                             : static_cast<double>(page.link_chars) / static_cast<double>(page.text_chars);
    signals.page_timestamps = page.timestamps;
  }
  page_signals = signals;
  return {};
}

void extractor::impl::resolve(article& a) {
  extract::trace* t = opts.explain ? &a.candidates : nullptr;
  // the page's language (of the headline when there is no text) decides what
  // it reports, and whether the default offset is its own
  a.lang = detect_lang(!a.text.empty() ? std::string_view(a.text)
                       : a.title        ? std::string_view(*a.title)
                                        : std::string_view());
  const extract::page_convention convention = extract::page_convention_of(a.lang);
  const std::string_view offset = default_offset_of(a.lang);
  a.title = extract::resolve_title(found, convention, t);
  a.date = extract::resolve_date(found, convention, offset, t);
  a.date_modified = extract::resolve_date_modified(found, convention, offset, t);
  warn_bad_offsets(a, offset);
  a.source = extract::resolve_source(found, t);
  a.author = extract::resolve_author(found, a.source, t);
  a.url = extract::resolve_url(found, t);
  if (page_signals) {
    // a date only the page's script data gives does not make a listing a story
    page_signals->has_date =
        std::any_of(found.date.begin(), found.date.end(),
                    [](const extract::date_candidate& c) { return c.from != extract::origin::page_data; });
    a.is_article = extract::resolve_is_article(*page_signals);
    if (!a.is_article) a.warnings.emplace_back("the page does not look like an article");
  }
}

std::string_view extractor::impl::default_offset_of(std::string_view lang) const noexcept {
  return lang == "zh" || opts.default_timezone_all_pages ? std::string_view(opts.default_timezone)
                                                         : std::string_view();
}

void extractor::impl::warn_bad_offsets(article& a, std::string_view default_offset) {
  for (const auto* list : {&found.date, &found.date_modified}) {
    for (const extract::date_candidate& c : *list) {
      if (!c.date.bad_offset) continue;
      const std::string v = extract::format_date(c.date, default_offset);
      if (v == a.date || v == a.date_modified) {
        a.warnings.push_back(fmt::format(
            "date {} was written with a UTC offset beyond +-14:00; it is given without offset", v));
        return;
      }
    }
  }
}

void extractor::impl::finish(article& a) {
  // no field carries control characters, whatever the page encoded
  auto strip = [](std::optional<std::string>& v) {
    if (v) util::strip_controls(*v);
  };
  for (std::optional<std::string>* v : {&a.title, &a.source, &a.author, &a.url, &a.site_name, &a.summary}) strip(*v);
  for (std::vector<std::string>* list : {&a.categories, &a.tags}) {
    for (std::string& v : *list) util::strip_controls(v);
  }
  util::strip_controls(a.text);
  for (block& b : a.body) {
    util::strip_controls(b.text);
    for (std::string& c : b.cells) util::strip_controls(c);
  }
  for (image& im : a.images) {
    strip(im.alt);
    strip(im.caption);
  }
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
    result<article> r = impl_->run(input, hints);
    impl_->give_back_memory();
    return r;
  } catch (const std::bad_alloc&) {
    impl_->give_back_memory();
    return error{error_code::out_of_memory, "out of memory while extracting"};
  } catch (...) {
    impl_->give_back_memory();
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
