// The clean stage: flag what is never content (scripts, hidden markup, stock
// chart embeds) and what is page chrome (navigation, share bars, comments...).
// It is the only stage that writes dom::flag bits; later stages read them.
// Flags live on the nodes; nothing is deleted, so metadata readers can still
// look at an embed (its stock code) after the body walk has skipped it.
#ifndef NEWSX_CLEAN_CLEANER_HPP
#define NEWSX_CLEAN_CLEANER_HPP

#include <cstdint>
#include <string_view>

#include "parse/dom.hpp"
#include "util/text.hpp"

namespace newsx::clean {

/// Splits a class/id value into lower-case tokens at anything not a letter or
/// digit, and at lower-to-upper case changes ("shareBar" -> share, bar).
template <class F>
void for_each_name_token(std::string_view value, F&& f) {
  char buf[64];
  std::size_t len = 0;
  auto emit = [&]() {
    if (len > 0) f(std::string_view(buf, len));
    len = 0;
  };
  char prev = 0;
  for (char c : value) {
    const bool alnum = util::is_ascii_alpha(static_cast<unsigned char>(c)) ||
                       util::is_digit(static_cast<unsigned char>(c));
    if (!alnum) {
      emit();
      prev = 0;
      continue;
    }
    if (c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z') emit();
    if (len < sizeof buf) buf[len++] = util::ascii_lower(c);
    prev = c;
  }
  emit();
}

/// Flags dom::removed (and hidden / embed) on non-content subtrees.
void mark_non_content(dom::document& doc);

/// Flags page chrome: dom::boilerplate judged by tag, role, overlay names
/// and class and id names; dom::structural_chrome judged by tag, role and
/// overlay names only (the second look at the content uses it).
void mark_boilerplate(dom::document& doc);

/// Flags dom::in_link on text inside <a href>.
void mark_links(dom::document& doc);

/// Flags dom::title_dup on the element that shows the headline (0: none), so
/// the body does not repeat it.
void mark_headline(dom::document& doc, std::uint32_t headline);

/// True when a class or id value names page chrome ("nav", "share-bar",
/// "related-news", "comment", "footer", "ad-box"...). Exposed for tests.
[[nodiscard]] bool is_boilerplate_name(std::string_view class_or_id) noexcept;

/// True when a class or id value names article content ("article", "content",
/// "post-body", "main-text", "zhengwen"...).
[[nodiscard]] bool is_content_name(std::string_view class_or_id) noexcept;

/// True when an inline style hides the element (display:none, visibility:hidden).
[[nodiscard]] bool style_hides(std::string_view style) noexcept;

}  // namespace newsx::clean

#endif  // NEWSX_CLEAN_CLEANER_HPP
