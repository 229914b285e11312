#include "parse/dom.hpp"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstdlib>
#include <cstring>

#if defined(__unix__)
#include <sys/mman.h>
#endif

#include "util/memory.hpp"
#include "util/text.hpp"

namespace newsx::dom {

namespace {

constexpr std::size_t first_chunk_bytes = std::size_t{1} << 20;

/// What gumbo's allocator callbacks reach: the arena, and where to go when
/// it runs dry. gumbo does not check for null, so a failed allocation leaves
/// gumbo by longjmp; everything gumbo holds is the arena's, so nothing leaks,
/// and no C++ object lives in the frames it skips.
struct parse_guard {
  arena* memory;
  std::jmp_buf escape;
};

void* arena_allocate(void* userdata, std::size_t size) {
  auto* guard = static_cast<parse_guard*>(userdata);
  void* p = guard->memory->allocate(size);
  if (p == nullptr) std::longjmp(guard->escape, 1);
  return p;
}
void arena_deallocate(void* userdata, void* ptr) { static_cast<parse_guard*>(userdata)->memory->deallocate(ptr); }

/// gumbo's parse, or null when memory ran out on the way.
GumboOutput* guarded_parse(GumboOptions* opts, parse_guard* guard, const char* html, std::size_t size) {
  if (setjmp(guard->escape) != 0) return nullptr;
  return gumbo_parse_with_options(opts, html, size);
}

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

namespace {

/// Block sizes, header included: 16-byte steps to 256, then half steps
/// (384, 512, 768, ...) to 1 MiB. Larger blocks come from the system one by one.
struct size_classes {
  std::array<std::uint32_t, 39> size{};
  constexpr size_classes() {
    std::size_t k = 0;
    for (std::uint32_t s = 32; s <= 256; s += 16) size[k++] = s;
    for (std::uint32_t p = 256; k < size.size(); p *= 2) {
      size[k++] = p + p / 2;
      size[k++] = p * 2;
    }
  }
};
constexpr size_classes k_classes;
constexpr std::size_t small_header = 16;
constexpr std::size_t largest_class = k_classes.size.back();

std::uint32_t class_of(std::size_t n) noexcept {
  if (n <= 256) return static_cast<std::uint32_t>((n + 15) / 16 - 2);
  std::uint32_t k = 15;
  while (k_classes.size[k] < n) ++k;
  return k;
}


std::uint32_t& class_slot(void* p) noexcept {
  return *reinterpret_cast<std::uint32_t*>(static_cast<unsigned char*>(p) - 4);
}

}  // namespace

/// Large blocks are linked so that reset() frees the ones gumbo keeps.
struct arena::large_header {
  large_header* prev;
  large_header* next;
  std::size_t size;  // the whole mapping
  std::uint32_t unused;
  std::uint32_t cls;  // at p - 4, as in a small block's header
};

void* arena::take_system(std::size_t size) noexcept {
  if (size > budget_ || reserved_ > budget_ - size) return nullptr;
#if defined(__unix__)
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
#else
  void* p = std::malloc(size);
  if (p == nullptr) return nullptr;
#endif
  reserved_ += size;
  return p;
}

void arena::give_system(void* p, std::size_t size) noexcept {
#if defined(__unix__)
  munmap(p, size);
#else
  std::free(p);
#endif
  reserved_ -= size;
}

void* arena::allocate(std::size_t size) noexcept {
  if (size > (std::size_t{1} << 40)) return nullptr;
  const std::size_t need = ((size + 15) & ~std::size_t{15}) + small_header;
  if (need > largest_class) {
    const std::size_t total = need - small_header + sizeof(large_header);
    static_assert(sizeof(large_header) % 16 == 0, "blocks stay 16-byte aligned");
    auto* h = static_cast<large_header*>(take_system(total));
    if (h == nullptr) return nullptr;
    h->size = total;
    h->cls = classes;
    h->prev = nullptr;
    h->next = large_;
    if (large_ != nullptr) large_->prev = h;
    large_ = h;
    return h + 1;
  }
  const std::uint32_t cls = class_of(need);
  if (free_block* f = free_[cls]) {
    free_[cls] = f->next;
    return f;
  }
  const std::size_t block = k_classes.size[cls];
  while (current_ < chunks_.size()) {
    chunk& c = chunks_[current_];
    if (used_ + block <= c.size) {
      unsigned char* p = c.data + used_ + small_header;
      used_ += block;
      class_slot(p) = cls;
      return p;
    }
    ++current_;
    used_ = 0;
  }
  const std::size_t last = chunks_.empty() ? first_chunk_bytes / 2 : chunks_.back().size;
  const std::size_t want = std::max(block, std::min(last * 2, std::size_t{64} << 20));
  chunk c;
  c.data = static_cast<unsigned char*>(take_system(want));
  if (c.data == nullptr) return nullptr;
  c.size = want;
  chunks_.push_back(c);
  current_ = chunks_.size() - 1;
  used_ = block;
  unsigned char* p = c.data + small_header;
  class_slot(p) = cls;
  return p;
}

void arena::deallocate(void* p) noexcept {
  if (p == nullptr) return;
  const std::uint32_t cls = class_slot(p);
  if (cls == classes) {
    auto* h = static_cast<large_header*>(p) - 1;
    if (h->prev != nullptr) h->prev->next = h->next;
    else large_ = h->next;
    if (h->next != nullptr) h->next->prev = h->prev;
    give_system(h, h->size);
    return;
  }
  auto* f = static_cast<free_block*>(p);
  f->next = free_[cls];
  free_[cls] = f;
}

void arena::reset() noexcept {
  while (large_ != nullptr) {
    large_header* next = large_->next;
    give_system(large_, large_->size);
    large_ = next;
  }
  std::fill(std::begin(free_), std::end(free_), nullptr);
  // Keep the first chunks for the next document, give the rest back so one
  // huge page does not pin its memory for the life of the extractor.
  std::size_t kept = 0;
  std::size_t keep = 0;
  while (keep < chunks_.size() && kept + chunks_[keep].size <= retained_bytes) {
    kept += chunks_[keep].size;
    ++keep;
  }
  for (std::size_t k = keep; k < chunks_.size(); ++k) give_system(chunks_[k].data, chunks_[k].size);
  chunks_.resize(keep);
  current_ = 0;
  used_ = 0;
}

arena::~arena() {
  reset();
  for (chunk& c : chunks_) give_system(c.data, c.size);
}

document::~document() { clear(); }

void document::clear() noexcept {
  output_ = nullptr;  // its memory is the arena's
  arena_.reset();
  nodes_.clear();
  attributes_.clear();
  body_ = head_ = 0;
}

bool document::release_memory() noexcept {
  clear();
  bool released = util::release_if_over(prepared_);
  released = util::release_if_over(nodes_) || released;
  released = util::release_if_over(attributes_) || released;
  released = util::release_if_over(stack_) || released;
  return released;
}

result<void> document::parse(std::string_view input, const prescan_limits& limits) {
  clear();
  report_ = prescan(input, limits, prepared_);
  if (report_.too_deep) return nests_too_deep(limits.max_depth);
  if (report_.too_many_nodes) {
    return error{error_code::too_many_nodes,
                 fmt::format("the page has more than {} elements and text runs", limits.max_nodes)};
  }
  const std::size_t max_depth = limits.max_depth;
  const std::string_view html = prepared_;

  GumboOptions opts = kGumboDefaultOptions;
  parse_guard guard{&arena_, {}};
  opts.allocator = &arena_allocate;
  opts.deallocator = &arena_deallocate;
  opts.userdata = &guard;
  opts.max_errors = 0;  // we never read parse errors; do not store them
  arena_.set_budget(limits.max_parse_bytes);
  output_ = guarded_parse(&opts, &guard, html.data(), html.size());
  if (output_ == nullptr) {
    const std::size_t taken = arena_.reserved();
    clear();
    return error{error_code::out_of_memory,
                 fmt::format("the parse tree needed more than {} MB (taken {} MB)", limits.max_parse_bytes >> 20,
                             taken >> 20)};
  }
  if (output_->document == nullptr) return error{error_code::parse_failed, "the HTML parser failed"};

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
        if ((child->parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG) != 0) n.markup |= unclosed;
        if ((child->parse_flags & (GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                   GUMBO_INSERTION_ADOPTION_AGENCY_CLONED)) != 0) {
          n.markup |= parser_clone;
        }
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

bool append_text(const document& doc, std::uint32_t i, std::string& out,
                 std::uint16_t skip_flags, std::size_t max_bytes) {
  const std::uint32_t end = doc[i].end;
  const std::size_t limit = out.size() > static_cast<std::size_t>(-1) - max_bytes ? static_cast<std::size_t>(-1)
                                                                                   : out.size() + max_bytes;
  std::size_t visits = 0;
  while (i < end) {
    if (out.size() >= limit || ++visits > max_bytes) return false;
    const node& n = doc[i];
    if ((n.flags & skip_flags) != 0) {
      i = n.end;
      continue;
    }
    if (n.type == kind::text) {
      if (n.text.size() > limit - out.size()) {
        out.append(n.text.substr(0, limit - out.size()));
        return false;
      }
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
  return true;
}

}  // namespace newsx::dom
