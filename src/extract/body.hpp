// The extract stage, body part: captions, credit lines, bold headings and
// other rules that turn segmented blocks into the article body. It decides
// what is body text; what the credits it removes say goes to the resolver.
#ifndef NEWSX_EXTRACT_BODY_HPP
#define NEWSX_EXTRACT_BODY_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "newsx/article.hpp"
#include "segment/segment.hpp"

namespace newsx::extract {

/// A byline closing the story: a byline line (is_byline) with a time or a
/// lexicon::closing_byline_marks mark ("发布于 2024-06-28 21:15・IP 属地上海").
/// The body drops one with fewer than closing_byline_blocks paragraphs after it
/// (once comments and teasers are gone); the byline zone reads one among the
/// content's last closing_byline_blocks blocks (append_closing_byline).
inline constexpr std::size_t closing_byline_blocks = 3;
[[nodiscard]] bool is_closing_byline(const segment::seg_block& b) noexcept;

/// "（文章来源：智通财经网）", "来源：新华社" -> the credited name, else empty.
/// A line in brackets is a credit only where they close at its end.
[[nodiscard]] std::string_view credit_line(std::string_view text) noexcept;

/// "（来源：某报）编者按：…" -> the bytes up to the bracket that closes the one
/// the text opens with (nested pairs counted); npos when it opens with none or
/// never closes it.
[[nodiscard]] std::size_t opening_group_end(std::string_view text) noexcept;

/// "明報記者 劉志偉" -> "明報": the outlet before a credit's role word, when it
/// reads as one; else empty.
[[nodiscard]] std::string_view outlet_before_role(std::string_view credit) noexcept;

/// "…目标。(中证网)" -> "中证网" and the text before the parenthesis.
[[nodiscard]] std::string_view trailing_credit(std::string_view text, std::size_t& cut) noexcept;

/// "图片来源：…", "（图为…）", "…摄": a caption, not body text.
[[nodiscard]] bool looks_like_caption(const segment::seg_block& b) noexcept;

/// A caption that only credits the picture ("图片来源：新华社", "某某供图"),
/// as opposed to one that describes it.
[[nodiscard]] bool is_image_credit(std::string_view text) noexcept;

/// A label that opens a list of other stories: 相关阅读, 为你推荐, Related...
[[nodiscard]] bool is_tail_marker(std::string_view text) noexcept;

/// A line that opens the comment thread: "38 Responses", "Kommentare (312)",
/// "Leave a Reply" (lexicon::comment_thread_words, comment_form_labels).
[[nodiscard]] bool opens_comments(std::string_view text) noexcept;
/// "Comments", "Kommentare", "评论区": a comment thread's name alone
/// (lexicon::comment_thread_names; the caller asks that no prose follows it).
[[nodiscard]] bool names_comment_thread(std::string_view text) noexcept;

/// "Photo: Meg Kinnard, AP", "Bild: dpa": a short line that credits a picture
/// under a label (lexicon::picture_credit_labels) and a colon; by_picture: the
/// line stands right under a picture, where "Credit:", "Image:" credit it too
/// (lexicon::picture_caption_labels).
[[nodiscard]] bool is_picture_credit(std::string_view text, bool by_picture) noexcept;

/// A media player's, a gallery's or a share bar's label alone on its line
/// (lexicon::player_control_labels, share_labels); a one-word label only as a
/// paragraph, never as a heading, an item or a cell.
[[nodiscard]] bool is_control_label(const segment::seg_block& b) noexcept;

/// "By Jane Doe", "Jane Doe, Patch Staff", "By Jane Doe, who covers…": a line
/// that shows one of the page's author candidates by full name, alone, after
/// "By" (a bio may follow), or before a role or outlet of a few words.
[[nodiscard]] bool shows_byline(std::string_view text, std::span<const text_candidate> authors) noexcept;

/// Appends s without its white space and punctuation: the letters two
/// spellings of one headline share.
void append_letters(std::string_view s, std::string& out);

/// Marks in drop the lines above the story that repeat its headline: whole
/// (a tag beside it) or broken across lines ("全国人民代表大会常务委员会" /
/// "关于批准…的决议"), compared by their letters (append_letters).
void drop_title_repeats(std::span<const segment::seg_block> blocks, std::string_view title,
                        std::vector<bool>& drop);

/// A short line without a letter: a vote count, "3 / 11".
[[nodiscard]] bool is_counter(std::string_view text) noexcept;

/// Editor, "原标题", share and promo lines that pages append to stories.
[[nodiscard]] bool is_page_furniture(std::string_view text) noexcept;

/// "2023年07月18日 09:30 来源：某报 作者：某某": a byline, not prose.
[[nodiscard]] bool is_byline(std::string_view text) noexcept;

struct body_rules {
  bool page = false;            ///< a whole page (prune furniture, title repeats)
  std::string_view title;       ///< to drop a heading that repeats it
};

/// Drops link lists inside the content (related stories are not prose; a
/// heading only when it is all link: a teaser's headline), and, where the
/// content holds two or more teaser cards (a linked headline opening an
/// element under root with little text besides), the rest of each card.
/// Returns the characters of the blocks that stay.
std::size_t drop_link_lists(segment::segments& content, const dom::document& doc, std::uint32_t root);

/// Candidates the finished body carries: the outlet of a dateline lead
/// ("新华社北京5月9日电") and a reporter credit in its first lines.
void add_body_facts(const article& a, facts& found);

/// Keeps the body within max_bytes of text: whole blocks while they fit, then
/// the start of the next one cut at a character boundary. True if it cut.
bool limit_body(article& a, std::size_t max_bytes);

/// Applies the rules to seg and fills a.body, a.images and a.text; the
/// credits it takes out of the body become source candidates in found.
void refine_body(segment::segments& seg, const body_rules& rules, article& a, facts& found);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_BODY_HPP
