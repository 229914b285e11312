#include "parse/dom.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace newsx::dom {

namespace {

constexpr std::size_t first_chunk_bytes = std::size_t{1} << 20;
constexpr std::size_t max_retained_bytes = std::size_t{64} << 20;

void* arena_allocate(void* userdata, std::size_t size) {
  return static_cast<arena*>(userdata)->allocate(size);
}
void arena_deallocate(void* /*userdata*/, void* /*ptr*/) {}  // freed by arena::reset

}  // namespace

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
  body_ = head_ = 0;
}

parse_status document::parse(std::string_view input, const prescan_limits& limits) {
  clear();
  report_ = prescan(input, limits, prepared_);
  if (report_.too_deep) return parse_status::too_deep;
  const std::size_t max_depth = limits.max_depth;
  const std::string_view html = prepared_;

  GumboOptions opts = kGumboDefaultOptions;
  opts.allocator = &arena_allocate;
  opts.deallocator = &arena_deallocate;
  opts.userdata = &arena_;
  opts.max_errors = 0;  // we never read parse errors; do not store them
  output_ = gumbo_parse_with_options(&opts, html.data(), html.size());
  if (output_ == nullptr || output_->document == nullptr) return parse_status::failed;

  // Iterative pre-order translation; stack_ holds (gumbo node, our index).
  nodes_.reserve(html.size() / 48 + 64);
  stack_.clear();
  {
    node d;
    d.type = kind::document;
    d.tag = GUMBO_TAG_UNKNOWN;
    d.source = output_->document;
    nodes_.push_back(d);
  }
  stack_.push_back({output_->document, 0, 0});
  while (!stack_.empty()) {
    const GumboNode* g = stack_.back().source;
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
    n.source = child;
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        n.type = kind::element;
        n.tag = child->v.element.tag;
        break;
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
      return parse_status::too_deep;
    }
    const auto idx = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(n);
    if (n.type == kind::element) {
      if (n.tag == GUMBO_TAG_BODY && body_ == 0) body_ = idx;
      if (n.tag == GUMBO_TAG_HEAD && head_ == 0) head_ = idx;
      stack_.push_back({child, idx, 0});
    } else {
      nodes_.back().end = idx + 1;
    }
  }
  return parse_status::ok;
}

std::uint32_t document::find_first(GumboTag tag) const noexcept {
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].type == kind::element && nodes_[i].tag == tag) return i;
  }
  return 0;
}

std::string_view attr(const node& n, const char* name) noexcept {
  if (n.type != kind::element || n.source == nullptr) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n.source->v.element.attributes, name);
  if (a == nullptr || a->value == nullptr) return {};
  return a->value;
}

bool has_attr(const node& n, const char* name) noexcept {
  if (n.type != kind::element || n.source == nullptr) return false;
  return gumbo_get_attribute(&n.source->v.element.attributes, name) != nullptr;
}

std::string_view tag_name(const node& n) noexcept {
  if (n.type != kind::element) return {};
  if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
  if (n.source == nullptr) return {};
  GumboStringPiece piece = n.source->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
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
               (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE)) {
      i = n.end;
      continue;
    } else if (n.type == kind::element && n.tag == GUMBO_TAG_BR) {
      out.push_back('\n');
    }
    ++i;
  }
}

}  // namespace newsx::dom
