#include "extract/front_matter.hpp"

#include <fmt/format.h>

#include "extract/body.hpp"
#include "extract/dates.hpp"
#include "lexicon/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

namespace {

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

}  // namespace

void read_front_matter(const decode::post_parts& post, const date_context& dates, article& a,
                       facts& found) {
  auto first = [&](std::string_view key) -> std::string_view {
    const decode::front_matter_field* f = post.field(key);
    return f != nullptr && !f->values.empty() ? util::trim(f->values.front()) : std::string_view();
  };
  found.add(found.title, first("title"), origin::front_matter);
  found.add(found.author, first("author"), origin::front_matter);
  found.add(found.source, first("source"), origin::front_matter);
  if (const std::string_view raw = first("date"); !raw.empty()) {
    if (const std::optional<parsed_date> d = parse_date_value(raw, dates)) {
      found.date.push_back({*d, origin::front_matter});
    } else {
      a.warnings.push_back(fmt::format("date '{}' is not a date", raw));
    }
  }
  for (std::string_view key : lexicon::post_modified_keys) {
    const std::string_view raw = first(key);
    if (raw.empty()) continue;
    if (const std::optional<parsed_date> d = parse_date_value(raw, dates)) {
      found.date_modified.push_back({*d, origin::front_matter});
      break;
    }
  }
  found.add(found.url, post.url, origin::post_link);
  for (std::string_view key : lexicon::post_url_keys) {
    if (!first(key).empty()) {
      found.add(found.url, first(key), origin::front_matter);
      break;
    }
  }
  fill_list(post.field("categories"), a.categories);
  if (a.categories.empty()) fill_list(post.field("category"), a.categories);
  fill_list(post.field("tags"), a.tags);
  if (!post.summary.empty()) {
    a.summary = post.summary;
  } else if (const std::string_view desc = first("description"); !desc.empty()) {
    a.summary = std::string(desc);
  }
  // A digest lead may end with its outlet: "…。（中证网）".
  if (a.summary) {
    std::size_t cut = 0;
    found.add(found.source, trailing_credit(*a.summary, cut), origin::summary_credit);
  }
}

}  // namespace newsx::extract
