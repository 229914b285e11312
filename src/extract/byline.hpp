// The extract stage: date, source and author in the byline around the headline.
#ifndef NEWSX_EXTRACT_BYLINE_HPP
#define NEWSX_EXTRACT_BYLINE_HPP

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "parse/dom.hpp"
#include "segment/segment.hpp"

namespace newsx::extract {

/// A name that reads as an outlet: 2-14 letters or CJK characters ending in
/// 网/社/报/台/站/科技/财经/新闻/客户端... ("证券时报网", "新华社", "聯合報").
[[nodiscard]] bool is_media_name(std::string_view name) noexcept;

/// The first outlet name among a byline's tokens ("2019-09-26 10:56 证券时报网",
/// "石佳/中国青年报"), or empty.
[[nodiscard]] std::string_view byline_source(std::string_view zone) noexcept;

/// The short name right beside the byline's date ("棱镜 2019-09-23 07:48"),
/// not a furniture word; a weak clue, used when nothing says "来源".
[[nodiscard]] std::string_view byline_name_by_date(std::string_view zone) noexcept;

/// The name by the date (byline_name_by_date) in a platform account's byline
/// (lexicon::account_byline_marks: "价值老猫 发布于2024-05-20", a 关注 button),
/// unless it reads as an outlet: the writer's account. Else empty.
[[nodiscard]] std::string_view byline_account(std::string_view zone) noexcept;

/// "By Jane Q. Doe" in an English byline: the names after the first "By "
/// (leading_names: two to four capitalised words each, ending before a month,
/// a date or the name again), several joined "A, B".
[[nodiscard]] std::string english_byline(std::string_view zone);

/// The outlet of a dateline lead: "新华社北京5月9日电" -> 新华社,
/// "新浪科技讯" -> 新浪科技; empty when the lead has none.
[[nodiscard]] std::string_view dateline_source(std::string_view lead) noexcept;

/// Text of the byline zone (date, 来源, 作者) between the headline and the
/// content root, or around the headline when the content has none.
void byline_text(const dom::document& doc, std::uint32_t headline, std::uint32_t content,
                 std::string& out);

/// Bylines also open the content itself ("2020-04-01 10:29" above the first
/// paragraph; the body drops those blocks): appends them to zone.
void append_opening_bylines(const segment::segments& content, std::string& zone);

/// A byline may close the story instead ("发布于 2024-06-28 21:15・IP 属地上海";
/// is_closing_byline, which the body drops): appends the last one to zone.
void append_closing_byline(const segment::segments& content, std::string& zone);

/// A Chinese personal name: two to four CJK characters after a common
/// surname, not an outlet and not byline furniture ("钟才文", not "新华社").
[[nodiscard]] bool looks_like_person(std::string_view token) noexcept;

/// The writers a credit line names, joined with "、": "作者：李长祥",
/// "（文/袁庭岚）", "新京报记者 侯小溪 陈鹏", "采写：南都见习记者 封聪颖",
/// "数据宝 ， 作者 张娟娟", "乐居财经 李奕和 发自广州". Empty when the line is
/// no author credit (an editor's line, prose, a caption).
[[nodiscard]] std::string credit_names(std::string_view line);

/// The people after the first author label of a byline or credit:
/// "作者： 记者王敬照" -> 王敬照, "记者 张三 李四" -> 张三、李四,
/// "（本文来源：某报 作者：某中心研究员徐占忱）" -> 徐占忱.
[[nodiscard]] std::string labelled_names(std::string_view zone);

/// "韩松上海报道" -> 韩松: a writer, a place of at most four characters, 报道.
[[nodiscard]] std::string_view filed_report_writer(std::string_view credit) noexcept;

/// "[ 郑宇 ]" in a byline: the first person's name alone in brackets.
[[nodiscard]] std::string_view bracketed_name(std::string_view zone) noexcept;

/// The names right after a reporter label inside running text:
/// "北京商报讯（记者 孟凡霞 刘宇阳）在…" -> "孟凡霞、刘宇阳".
[[nodiscard]] std::string reporter_names(std::string_view text);

/// The byline's candidates: its date, source (a labelled one and an outlet
/// name), author (labelled or "By ...") and the weak name-beside-the-date.
/// Publication and modification dates apart (find_byline_dates; relative
/// times need a reference in dates).
void add_byline_facts(std::string_view zone, const date_context& dates, facts& found);

/// A labelled credit ("来源：…") or publication date ("发布日期：…") in the
/// text right after the content.
void add_after_content_facts(const dom::document& doc, std::uint32_t content, const date_context& dates,
                             std::string& scratch, facts& found);

/// Whether the label found at text[at] is part of a longer word that is no
/// label (lexicon::label_compounds: 记者会, 图片来源).
[[nodiscard]] bool in_label_compound(std::string_view text, std::size_t at, std::string_view label) noexcept;

/// The value after the first of labels in a byline: "来源：新华社" -> 新华社,
/// "记者 李四" -> 李四. Up to max_cp characters, no digits; empty when none.
[[nodiscard]] std::string_view byline_field(std::string_view text,
                                            std::span<const std::string_view> labels,
                                            int max_cp = 23);
[[nodiscard]] inline std::string_view byline_field(std::string_view text,
                                                   std::initializer_list<std::string_view> labels,
                                                   int max_cp = 23) {
  return byline_field(text, std::span<const std::string_view>(labels.begin(), labels.size()), max_cp);
}

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_BYLINE_HPP
