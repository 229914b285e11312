#include "parse/dom.hpp"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "util/text.hpp"

namespace newsx::dom {

namespace {

constexpr std::size_t first_chunk_bytes = std::size_t{1} << 20;
constexpr std::size_t max_retained_bytes = std::size_t{64} << 20;

void* arena_allocate(void* userdata, std::size_t size) {
  return static_cast<arena*>(userdata)->allocate(size);
}
void arena_deallocate(void* /*userdata*/, void* /*ptr*/) {}  // freed by arena::reset

/// gumbo's tag numbers to ours, by name: a gumbo release that renumbers its
/// enum cannot shift what the rest of newsx sees.
class gumbo_tag_map {
 public:
  gumbo_tag_map() {
    for (int g = 0; g < GUMBO_TAG_LAST; ++g) {
      map_[static_cast<std::size_t>(g)] =
          html_tag_from_name(gumbo_normalized_tagname(static_cast<GumboTag>(g)));
    }
  }
  [[nodiscard]] html_tag operator()(GumboTag g) const noexcept {
    const auto i = static_cast<std::size_t>(g);
    return i < map_.size() ? map_[i] : html_tag::unknown;
  }

 private:
  std::array<html_tag, GUMBO_TAG_LAST + 1> map_{};
};

const gumbo_tag_map& tag_map() {
  static const gumbo_tag_map map;  // immutable once built
  return map;
}

constexpr std::string_view tag_names[] = {
    "",
#define NEWSX_TAG_NAME(ident, name) name,
    NEWSX_HTML_TAGS(NEWSX_TAG_NAME)
#undef NEWSX_TAG_NAME
};

/// The name as written, for tags gumbo has no number for.
std::string_view original_tag_name(const GumboElement& e) noexcept {
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

error nests_too_deep(std::size_t max_depth) {
  return error{error_code::too_deep, fmt::format("elements nest deeper than {}", max_depth)};
}

}  // namespace

std::string_view html_tag_name(html_tag t) noexcept {
  const auto i = static_cast<std::size_t>(t);
  return i < std::size(tag_names) ? tag_names[i] : std::string_view();
}

html_tag html_tag_from_name(std::string_view lower_name) noexcept {
  // tag_names[1..] is sorted: a binary search
  const auto* first = std::begin(tag_names) + 1;
  const auto* last = std::end(tag_names);
  const auto* it = std::lower_bound(first, last, lower_name);
  if (it == last || *it != lower_name) return html_tag::unknown;
  return static_cast<html_tag>(it - std::begin(tag_names));
}

void* arena::allocate(std::size_t size) {
  size = (size + 15) & ~std::size_t{15};
  while (current_ < chunks_.size()) {
    chunk& c = chunks_[current_];
    if (used_ + size <= c.size) {
      void* p = c.data.get() + used_;
      used_ += size;
      return p;
    }
    ++current_;
    used_ = 0;
  }
  const std::size_t last = chunks_.empty() ? first_chunk_bytes / 2 : chunks_.back().size;
  const std::size_t want = std::max(size, std::min(last * 2, std::size_t{64} << 20));
  chunk c;
  c.data.reset(new (std::nothrow) unsigned char[want]);
  if (!c.data) return nullptr;  // gumbo treats this as out of memory
  c.size = want;
  chunks_.push_back(std::move(c));
  current_ = chunks_.size() - 1;
  used_ = size;
  return chunks_.back().data.get();
}

void arena::reset() noexcept {
  // Keep the first chunks for the next document, release the rest so one huge
  // page does not pin its memory for the life of the extractor.
  std::size_t kept = 0;
  std::size_t keep = 0;
  while (keep < chunks_.size() && kept + chunks_[keep].size <= max_retained_bytes) {
    kept += chunks_[keep].size;
    ++keep;
  }
  chunks_.resize(keep);
  current_ = 0;
  used_ = 0;
}

document::~document() { clear(); }

void document::clear() noexcept {
  output_ = nullptr;  // its memory is the arena's
  arena_.reset();
  if (prepared_.capacity() > (std::size_t{64} << 20)) std::string().swap(prepared_);
  nodes_.clear();
  attributes_.clear();
  body_ = head_ = 0;
}

result<void> document::parse(std::string_view input, const prescan_limits& limits) {
  clear();
  report_ = prescan(input, limits, prepared_);
  if (report_.too_deep) return nests_too_deep(limits.max_depth);
  const std::size_t max_depth = limits.max_depth;
  const std::string_view html = prepared_;

  GumboOptions opts = kGumboDefaultOptions;
  opts.allocator = &arena_allocate;
  opts.deallocator = &arena_deallocate;
  opts.userdata = &arena_;
  opts.max_errors = 0;  // we never read parse errors; do not store them
  output_ = gumbo_parse_with_options(&opts, html.data(), html.size());
  if (output_ == nullptr || output_->document == nullptr) {
    return error{error_code::parse_failed, "the HTML parser failed"};
  }

  // Iterative pre-order translation; stack_ holds (gumbo node, our index).
  nodes_.reserve(html.size() / 48 + 64);
  const gumbo_tag_map& tags = tag_map();
  stack_.clear();
  {
    node d;
    d.type = kind::document;
    nodes_.push_back(d);
  }
  stack_.push_back({output_->document, 0, 0});
  while (!stack_.empty()) {
    const auto* g = static_cast<const GumboNode*>(stack_.back().source);
    const std::uint32_t gi = stack_.back().index;
    const GumboVector* children = nullptr;
    if (g->type == GUMBO_NODE_DOCUMENT) {
      children = &g->v.document.children;
    } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      children = &g->v.element.children;
    }
    unsigned& c = stack_.back().next_child;
    if (children == nullptr || c >= children->length) {
      nodes_[gi].end = static_cast<std::uint32_t>(nodes_.size());
      stack_.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[c++]);
    node n;
    n.parent = gi;
    n.depth = nodes_[gi].depth + 1;
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = child->v.element;
        n.type = kind::element;
        n.tag = tags(e.tag);
        if (n.tag == html_tag::unknown) n.text = original_tag_name(e);
        // attrs is pointed into attributes_ once the vector stops growing
        n.attrs = nullptr;
        n.attr_count = e.attributes.length;
        for (unsigned k = 0; k < e.attributes.length; ++k) {
          const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
          attributes_.push_back({a->name != nullptr ? std::string_view(a->name) : std::string_view(),
                                 a->value != nullptr ? std::string_view(a->value) : std::string_view()});
        }
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        n.type = kind::text;
        n.text = child->v.text.text != nullptr ? std::string_view(child->v.text.text)
                                               : std::string_view();
        break;
      case GUMBO_NODE_WHITESPACE:
        n.type = kind::whitespace;
        n.text = child->v.text.text != nullptr ? std::string_view(child->v.text.text)
                                               : std::string_view();
        break;
      case GUMBO_NODE_COMMENT:
        n.type = kind::comment;
        n.text = child->v.text.text != nullptr ? std::string_view(child->v.text.text)
                                               : std::string_view();
        break;
      default:
        continue;
    }
    if (n.depth > max_depth) {
      clear();
      return nests_too_deep(max_depth);
    }
    const auto idx = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(n);
    if (n.type == kind::element) {
      if (n.tag == html_tag::body && body_ == 0) body_ = idx;
      if (n.tag == html_tag::head && head_ == 0) head_ = idx;
      stack_.push_back({child, idx, 0});
    } else {
      nodes_.back().end = idx + 1;
    }
  }
  // Attributes were appended in node order: hand each element its run.
  std::size_t next_attr = 0;
  for (node& nd : nodes_) {
    if (nd.attr_count == 0) continue;
    nd.attrs = attributes_.data() + next_attr;
    next_attr += nd.attr_count;
  }
  return {};
}

std::uint32_t document::find_first(html_tag tag) const noexcept {
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].type == kind::element && nodes_[i].tag == tag) return i;
  }
  return 0;
}

namespace {

const attribute* find_attr(const node& n, std::string_view name) noexcept {
  if (n.type != kind::element) return nullptr;
  for (std::uint32_t k = 0; k < n.attr_count; ++k) {
    if (util::iequals(n.attrs[k].name, name)) return &n.attrs[k];
  }
  return nullptr;
}

}  // namespace

std::string_view attr(const node& n, const char* name) noexcept {
  const attribute* a = find_attr(n, name);
  return a != nullptr ? a->value : std::string_view();
}

bool has_attr(const node& n, const char* name) noexcept { return find_attr(n, name) != nullptr; }

std::string_view tag_name(const node& n) noexcept {
  if (n.type != kind::element) return {};
  return n.tag != html_tag::unknown ? html_tag_name(n.tag) : n.text;
}

void append_text(const document& doc, std::uint32_t i, std::string& out,
                 std::uint16_t skip_flags) {
  const std::uint32_t end = doc[i].end;
  while (i < end) {
    const node& n = doc[i];
    if ((n.flags & skip_flags) != 0) {
      i = n.end;
      continue;
    }
    if (n.type == kind::text) {
      out.append(n.text);
    } else if (n.type == kind::whitespace) {
      out.push_back(' ');
    } else if (n.type == kind::element &&
               (n.tag == html_tag::script || n.tag == html_tag::style)) {
      i = n.end;
      continue;
    } else if (n.type == kind::element && n.tag == html_tag::br) {
      out.push_back('\n');
    }
    ++i;
  }
}

}  // namespace newsx::dom
