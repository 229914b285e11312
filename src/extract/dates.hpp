// Dates as news pages write them, to ISO 8601 with an offset.
#ifndef NEWSX_EXTRACT_DATES_HPP
#define NEWSX_EXTRACT_DATES_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace newsx::extract {

struct parsed_date {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset_minutes = 0;
  /// The date wrote an offset out of range ("+15:00"): it is not used, and
  /// the default offset is not put in its place either — the time is given
  /// without offset and the extractor warns.
  bool bad_offset = false;
  std::size_t consumed = 0;  ///< bytes of input the date spans
};

/// What relative times and epoch numbers need beyond their text: the page's
/// local offset (options::default_timezone) and the time the page was seen
/// (options::reference_time, document_hints::reference_time). Nothing here
/// reads the machine's clock: without a reference, "3小时前" is no date.
struct date_context {
  std::optional<int> local_offset;     ///< minutes east of UTC; none: times stay local
  std::optional<std::int64_t> reference;  ///< seconds since 1970 UTC
  /// The offset in which the reference's day is read and relative results
  /// are written: local_offset if set, else the reference's own.
  int reference_offset = 0;
};

/// A context for this default offset ("+08:00" or empty) and reference time
/// (ISO 8601 with a time, e.g. a WARC-Date "2024-03-05T02:00:00Z"; empty for
/// none). Nullopt when the reference is given but is no date with a time; a
/// reference without offset is read in the default offset (UTC without one).
[[nodiscard]] std::optional<date_context> make_date_context(std::string_view default_offset,
                                                            std::string_view reference) noexcept;

/// Parses a date at the start of s:
///   "2022-02-25 15:08:15 +0800", "2022-02-25T15:08:15Z", "2021/12/08 10:46",
///   "2021年12月08日 10:46", "２０２４年３月５日　０９：３０", "2021.12.8";
///   RFC 2822 "Tue, 05 Mar 2024 09:30:00 +0800" (and zone names: GMT, EST, …);
///   month names in English, French, German, Spanish, Italian, Portuguese in
///   the usual orders: "March 5, 2024", "5 March 2024", "Mar. 5, 2024 9:30
///   a.m. ET", "5. März 2024 um 9:30 Uhr", "5 de marzo de 2024", "21.dez.2018
///   às 12h55";
///   with a reference in ctx, relative times: "3小时前", "8 小時前", "昨天 14:20",
///   "前天", "刚刚", "2 days ago", "an hour ago".
/// Rejects impossible days and times.
[[nodiscard]] std::optional<parsed_date> parse_date(std::string_view s,
                                                    const date_context* ctx = nullptr) noexcept;

/// Epoch seconds (9-10 digits) or milliseconds (12-13 digits), the whole of
/// s: "1570780800", "1570780800000". Plausible only from 1995-01-01 to one
/// day after the reference (2100 without one). Written in ctx's local
/// offset (UTC without one).
[[nodiscard]] std::optional<parsed_date> parse_epoch(std::string_view s, const date_context& ctx) noexcept;

/// A date string or an epoch number (an attribute, a JSON value).
[[nodiscard]] std::optional<parsed_date> parse_date_value(std::string_view s,
                                                          const date_context& ctx) noexcept;

/// Parses "+08:00", "+0800", "-5", "Z", "UTC", "GMT+8" into minutes east of UTC.
/// out_of_range, when given, is set for an offset-shaped text beyond ±14:00
/// or with minutes past 59 ("+15:00").
[[nodiscard]] std::optional<int> parse_offset(std::string_view s, std::size_t* consumed = nullptr,
                                              bool* out_of_range = nullptr) noexcept;

/// "2022-02-25T15:08:15+08:00"; the default offset applies when the date has
/// none (empty default: no offset; nor for a bad_offset). A date without a
/// time is "2022-02-25".
[[nodiscard]] std::string format_date(const parsed_date& d, std::string_view default_offset);

/// Finds the first plausible date in running text (a byline): the earliest
/// position where parse_date succeeds with a full year (or, with a reference
/// in ctx, a relative time).
[[nodiscard]] std::optional<parsed_date> find_date(std::string_view text, std::size_t* at = nullptr,
                                                   const date_context* ctx = nullptr) noexcept;

/// The first date in text that one of labels introduces, with at most a
/// colon, white space or "on" between ("发布日期：2019-09-23", "Posted on March 6").
[[nodiscard]] std::optional<parsed_date> find_labelled_date(std::string_view text,
                                                            std::span<const std::string_view> labels,
                                                            const date_context* ctx = nullptr) noexcept;

/// The dates of a byline, publication and modification apart: a date right
/// after a modification label ("更新时间：", "Updated") is the modification
/// date; the first other date is the publication date.
struct byline_dates {
  std::optional<parsed_date> published, modified;
  /// The text holds byline_list_min_dates distinct times or more: a list of
  /// teasers, each with its date, rather than one story's byline.
  bool many = false;
};
inline constexpr int byline_list_min_dates = 3;
[[nodiscard]] byline_dates find_byline_dates(std::string_view text,
                                             const date_context* ctx = nullptr) noexcept;

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_DATES_HPP
