#include "parse/nesting.hpp"

#include <array>

#include "util/text.hpp"

namespace newsx::dom {

namespace {

/// What the tree builder does with a tag, as far as nesting goes.
enum tag_property : std::uint8_t {
  void_element = 1U << 0,   ///< never has children: not pushed
  formatting = 1U << 1,     ///< on the list of active formatting elements
  special = 1U << 2,        ///< the HTML standard's "special" category
  scope_boundary = 1U << 3, ///< ends the search for an element "in scope"
  closes_p = 1U << 4,       ///< its start tag closes an open <p>
  merged = 1U << 5,         ///< <html>, <head>, <body>: merged into the one there is
};

constexpr html_tag void_tags[] = {
    html_tag::area,  html_tag::base,  html_tag::basefont, html_tag::bgsound, html_tag::br,
    html_tag::col,   html_tag::embed, html_tag::frame,    html_tag::hr,      html_tag::image,
    html_tag::img,   html_tag::input, html_tag::keygen,   html_tag::link,    html_tag::meta,
    html_tag::param, html_tag::source, html_tag::track,   html_tag::wbr};
constexpr html_tag formatting_tags[] = {
    html_tag::a,    html_tag::b,    html_tag::big,    html_tag::code,   html_tag::em,
    html_tag::font, html_tag::i,    html_tag::nobr,   html_tag::s,      html_tag::small,
    html_tag::strike, html_tag::strong, html_tag::tt, html_tag::u};
constexpr html_tag special_tags[] = {
    html_tag::address, html_tag::applet, html_tag::area, html_tag::article, html_tag::aside,
    html_tag::base, html_tag::basefont, html_tag::bgsound, html_tag::blockquote, html_tag::body,
    html_tag::br, html_tag::button, html_tag::caption, html_tag::center, html_tag::col,
    html_tag::colgroup, html_tag::dd, html_tag::details, html_tag::dir, html_tag::div,
    html_tag::dl, html_tag::dt, html_tag::embed, html_tag::fieldset, html_tag::figcaption,
    html_tag::figure, html_tag::footer, html_tag::form, html_tag::frame, html_tag::frameset,
    html_tag::h1, html_tag::h2, html_tag::h3, html_tag::h4, html_tag::h5, html_tag::h6,
    html_tag::head, html_tag::header, html_tag::hgroup, html_tag::hr, html_tag::html,
    html_tag::iframe, html_tag::img, html_tag::input, html_tag::keygen, html_tag::li,
    html_tag::link, html_tag::listing, html_tag::main, html_tag::marquee, html_tag::menu,
    html_tag::meta, html_tag::nav, html_tag::noembed, html_tag::noframes, html_tag::noscript,
    html_tag::object, html_tag::ol, html_tag::p, html_tag::param, html_tag::plaintext,
    html_tag::pre, html_tag::script, html_tag::section, html_tag::select, html_tag::source,
    html_tag::style, html_tag::summary, html_tag::table, html_tag::tbody, html_tag::td,
    html_tag::template_, html_tag::textarea, html_tag::tfoot, html_tag::th, html_tag::thead,
    html_tag::title, html_tag::tr, html_tag::track, html_tag::ul, html_tag::wbr, html_tag::xmp};
constexpr html_tag scope_tags[] = {html_tag::applet, html_tag::caption, html_tag::html,
                                   html_tag::table,  html_tag::td,      html_tag::th,
                                   html_tag::marquee, html_tag::object, html_tag::template_};
constexpr html_tag p_closing_tags[] = {
    html_tag::address, html_tag::article, html_tag::aside, html_tag::blockquote, html_tag::center,
    html_tag::details, html_tag::dir, html_tag::div, html_tag::dl,
    html_tag::fieldset, html_tag::figcaption, html_tag::figure, html_tag::footer, html_tag::header,
    html_tag::hgroup, html_tag::main, html_tag::menu, html_tag::nav, html_tag::ol, html_tag::p,
    html_tag::section, html_tag::summary, html_tag::ul, html_tag::h1, html_tag::h2, html_tag::h3,
    html_tag::h4, html_tag::h5, html_tag::h6, html_tag::pre, html_tag::listing, html_tag::form,
    html_tag::plaintext, html_tag::table, html_tag::hr, html_tag::xmp, html_tag::li, html_tag::dd,
    html_tag::dt};
constexpr html_tag merged_tags[] = {html_tag::html, html_tag::head, html_tag::body};

struct property_table {
  std::array<std::uint8_t, 256> of{};
  constexpr property_table() {
    for (html_tag t : void_tags) of[static_cast<std::size_t>(t)] |= void_element;
    for (html_tag t : formatting_tags) of[static_cast<std::size_t>(t)] |= formatting;
    for (html_tag t : special_tags) of[static_cast<std::size_t>(t)] |= special;
    for (html_tag t : scope_tags) of[static_cast<std::size_t>(t)] |= scope_boundary;
    for (html_tag t : p_closing_tags) of[static_cast<std::size_t>(t)] |= closes_p;
    for (html_tag t : merged_tags) of[static_cast<std::size_t>(t)] |= merged;
  }
};
constexpr property_table k_properties;

bool has(html_tag t, tag_property p) noexcept { return (k_properties.of[static_cast<std::size_t>(t)] & p) != 0; }

bool is_heading(html_tag t) noexcept {
  return t == html_tag::h1 || t == html_tag::h2 || t == html_tag::h3 || t == html_tag::h4 ||
         t == html_tag::h5 || t == html_tag::h6;
}
bool is_cell(html_tag t) noexcept { return t == html_tag::td || t == html_tag::th; }
bool is_section(html_tag t) noexcept {
  return t == html_tag::tbody || t == html_tag::thead || t == html_tag::tfoot;
}
/// Elements that put a marker on the list of active formatting elements.
bool is_marker_owner(html_tag t) noexcept {
  return is_cell(t) || t == html_tag::caption || t == html_tag::applet || t == html_tag::marquee ||
         t == html_tag::object || t == html_tag::template_;
}

constexpr std::uint32_t unknown_bit = 0x80000000U;
constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct named {
  html_tag tag;
  std::uint32_t key;
};


/// FNV-1a; lower-cases first when asked (tag names are case-insensitive).
std::uint32_t hash_of(std::string_view s, bool lower = false) noexcept {
  std::uint32_t h = 2166136261U;
  for (char c : s) h = (h ^ static_cast<unsigned char>(lower ? util::ascii_lower(c) : c)) * 16777619U;
  return h;
}

/// Tag names by their hash: the pre-scan asks for every tag, and one hash
/// and one comparison cost less than a binary search of strings.
class tag_index {
 public:
  tag_index() {
    for (std::size_t t = 1; t < 256; ++t) {
      const std::string_view name = html_tag_name(static_cast<html_tag>(t));
      if (name.empty()) break;
      std::size_t k = hash_of(name, true) & (slots_.size() - 1);
      while (slots_[k].tag != html_tag::unknown) k = (k + 1) & (slots_.size() - 1);
      slots_[k] = {hash_of(name, true), static_cast<html_tag>(t)};
    }
  }
  [[nodiscard]] html_tag find(std::string_view name, std::uint32_t hash) const noexcept {
    for (std::size_t k = hash & (slots_.size() - 1);; k = (k + 1) & (slots_.size() - 1)) {
      const slot& s = slots_[k];
      if (s.tag == html_tag::unknown) return html_tag::unknown;
      if (s.hash == hash && util::iequals(html_tag_name(s.tag), name)) return s.tag;
    }
  }

 private:
  struct slot {
    std::uint32_t hash = 0;
    html_tag tag = html_tag::unknown;
  };
  std::array<slot, 512> slots_{};
};

/// The tag and its key, by a case-insensitive name.
named name_key(std::string_view name) noexcept {
  static const tag_index index;  // immutable once built
  const std::uint32_t h = hash_of(name, true);
  const html_tag t = index.find(name, h);
  if (t != html_tag::unknown) return {t, static_cast<std::uint32_t>(t)};
  return {html_tag::unknown, h | unknown_bit};
}


}  // namespace

void nesting_model::push(std::uint32_t key, html_tag tag) {
  stack_.push_back({key, tag});
  ++nodes_;
  if (stack_.size() > max_depth_) max_depth_ = stack_.size();
}

void nesting_model::pop_to(std::size_t index) {
  while (stack_.size() > index) {
    const open_element e = stack_.back();
    stack_.pop_back();
    if (is_marker_owner(e.tag)) {
      clear_to_marker();
    } else if (has(e.tag, formatting)) {
      // still on the list: reopened at the next text
      for (std::size_t k = formatting_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
        formatting_entry& f = formatting_[k];
        if (f.marker) break;
        if (f.open && f.key == e.key) {
          f.open = false;
          break;
        }
      }
    }
  }
}

std::size_t nesting_model::find_in_scope(std::uint32_t key, bool stop_at_special) const noexcept {
  for (std::size_t k = stack_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
    const open_element& e = stack_[k];
    if (e.key == key) return k;
    if (has(e.tag, scope_boundary) || (stop_at_special && has(e.tag, special))) return npos;
  }
  return npos;
}

void nesting_model::clear_to_marker() {
  while (!formatting_.empty()) {
    const bool marker = formatting_.back().marker;
    formatting_.pop_back();
    if (marker) break;
  }
}

void nesting_model::close_cell() {
  for (std::size_t k = stack_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
    const html_tag t = stack_[k].tag;
    if (is_cell(t)) {
      pop_to(k);
      return;
    }
    if (t == html_tag::table || t == html_tag::html || t == html_tag::template_) return;
  }
}

void nesting_model::reopen_formatting() {
  // The trailing run of entries that are not on the stack is reopened, in
  // order, as clones: one new element each.
  std::size_t k = formatting_.size();
  while (k > 0 && !formatting_[k - 1].marker && !formatting_[k - 1].open) --k;
  for (; k < formatting_.size(); ++k) {
    formatting_[k].open = true;
    stack_.push_back({formatting_[k].key, static_cast<html_tag>(formatting_[k].key & 0xFF)});
    ++nodes_;
  }
  if (stack_.size() > max_depth_) max_depth_ = stack_.size();
}

void nesting_model::text(bool white_space_only) {
  if (!white_space_only) reopen_formatting();
  ++nodes_;
}

void nesting_model::start_tag(std::string_view name, std::string_view attributes, bool self_closing) {
  const named n = name_key(name);
  const html_tag t = n.tag;
  if (has(t, merged)) return;
  if (has(t, closes_p)) {
    const std::size_t p = find_in_scope(static_cast<std::uint32_t>(html_tag::p), false);
    if (p != npos) pop_to(p);
  }
  if (is_heading(t) && !stack_.empty() && is_heading(stack_.back().tag)) pop_to(stack_.size() - 1);
  if (t == html_tag::li || t == html_tag::dd || t == html_tag::dt) {
    // an open item of the same list closes, unless a block other than
    // address, div or p stands between
    for (std::size_t k = stack_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
      const html_tag o = stack_[k].tag;
      const bool same = t == html_tag::li ? o == html_tag::li : (o == html_tag::dd || o == html_tag::dt);
      if (same) {
        pop_to(k);
        break;
      }
      if (has(o, special) && o != html_tag::address && o != html_tag::div && o != html_tag::p) break;
    }
  }
  if (is_cell(t) || t == html_tag::tr || is_section(t)) {
    // a new cell closes the open one; a new row the open row; a new table
    // section the open section
    close_cell();
    if (t == html_tag::tr || is_section(t)) {
      for (std::size_t k = stack_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
        const html_tag o = stack_[k].tag;
        if (o == html_tag::tr || (is_section(t) && is_section(o))) {
          pop_to(k);
          if (!is_section(t) || is_section(o)) break;
          continue;
        }
        if (o == html_tag::table || o == html_tag::html || o == html_tag::template_) break;
      }
    }
  }
  if (t == html_tag::option && !stack_.empty() && stack_.back().tag == html_tag::option) pop_to(stack_.size() - 1);
  if (t == html_tag::a || t == html_tag::nobr || t == html_tag::button) {
    // a second <a> (or <nobr>, <button>) closes the first
    const std::size_t k = find_in_scope(n.key, false);
    if (k != npos) pop_to(k);
    for (std::size_t f = formatting_.size(), seen = 0; f-- > 0 && seen < max_scan; ++seen) {
      if (formatting_[f].marker) break;
      if (formatting_[f].key == n.key) {
        formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(f));
        break;
      }
    }
  }
  if (!has(t, special) || has(t, void_element) || t == html_tag::select || is_marker_owner(t)) {
    reopen_formatting();
  }
  if (has(t, void_element) || (self_closing && t == html_tag::unknown)) {
    ++nodes_;
    return;
  }
  push(n.key, t);
  if (is_marker_owner(t)) {
    formatting_.push_back({0, 0, true, false});
  } else if (has(t, formatting)) {
    // Noah's Ark: at most three alike since the last marker
    const std::uint32_t attrs = hash_of(attributes);
    std::size_t alike = 0;
    std::size_t earliest = npos;
    for (std::size_t f = formatting_.size(), seen = 0; f-- > 0 && seen < max_scan; ++seen) {
      if (formatting_[f].marker) break;
      if (formatting_[f].key == n.key && formatting_[f].attributes == attrs) {
        ++alike;
        earliest = f;
      }
    }
    if (alike >= 3) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
    formatting_.push_back({n.key, attrs, false, true});
  }
}

void nesting_model::end_tag(std::string_view name) {
  const named n = name_key(name);
  const html_tag t = n.tag;
  if (has(t, merged) || has(t, void_element)) return;
  if (has(t, formatting)) {
    // the adoption agency, roughly: the element leaves the list; if it is
    // still open, what was opened inside it closes with it
    for (std::size_t f = formatting_.size(), seen = 0; f-- > 0 && seen < max_scan; ++seen) {
      if (formatting_[f].marker) break;
      if (formatting_[f].key != n.key) continue;
      const bool open = formatting_[f].open;
      formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(f));
      if (open) {
        const std::size_t k = find_in_scope(n.key, false);
        if (k != npos) {
          stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k));
          // formatting elements above it stay open; what is not formatting
          // stays too (the furthest block keeps its place)
        }
      }
      return;
    }
  }
  if (is_cell(t)) {
    close_cell();
    return;
  }
  if (t == html_tag::tr || is_section(t) || t == html_tag::table) {
    // inside a cell these close the cell first
    close_cell();
    for (std::size_t k = stack_.size(), seen = 0; k-- > 0 && seen < max_scan; ++seen) {
      const html_tag o = stack_[k].tag;
      if (stack_[k].key == n.key) {
        pop_to(k);
        return;
      }
      if (o == html_tag::table || o == html_tag::html || o == html_tag::template_) return;
    }
    return;
  }
  const std::size_t k = find_in_scope(n.key, !has(t, special));
  if (k != npos) pop_to(k);
}

}  // namespace newsx::dom
