// The decode stage, part 2: a Jekyll-style post split into its parts.
//
//   ---                      front matter (a YAML subset: scalars, quoted
//   title: "..."             strings, flow and block lists)
//   ---
//   > digest lead            optional: the summary
//   <p>body</p> or text      the content, HTML or plain text
//   <http://source/link>     trailing links: the first autolink is the url,
//   [返回…](…)｜[返回首页](…)  navigation links are dropped
#ifndef NEWSX_DECODE_POST_HPP
#define NEWSX_DECODE_POST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace newsx::decode {

struct front_matter_field {
  std::string key;
  std::vector<std::string> values;  ///< one for scalars; any number for lists
  bool is_list = false;
};

struct post_parts {
  bool has_front_matter = false;
  std::vector<front_matter_field> fields;
  std::string summary;        ///< the "> " digest lead, without the markers
  std::string_view content;   ///< the body proper (a view into the input)
  std::string url;            ///< first autolink of the trailing links
  bool content_is_html = false;
  std::vector<std::string> warnings;

  /// The first value of a field, or nullptr when it is absent.
  [[nodiscard]] const front_matter_field* field(std::string_view key) const noexcept;
};

/// True when text (after a BOM and blank lines) opens with a "---" line.
[[nodiscard]] bool starts_with_front_matter(std::string_view text) noexcept;

/// Splits a post whose line ends are "\n". Views in the result point into text.
void split_post(std::string_view text, post_parts& out);

/// Parses one YAML scalar as the generator writes it: "double", 'single' or
/// plain. An unescaped quote inside a double-quoted value is kept as text.
[[nodiscard]] std::string parse_scalar(std::string_view raw, bool& balanced);

/// True when a body contains HTML block or inline markup, not just text.
[[nodiscard]] bool looks_like_html(std::string_view body) noexcept;

}  // namespace newsx::decode

#endif  // NEWSX_DECODE_POST_HPP
