// Dates as news pages write them, to ISO 8601 with an offset.
#ifndef NEWSX_EXTRACT_DATES_HPP
#define NEWSX_EXTRACT_DATES_HPP

#include <optional>
#include <string>
#include <string_view>

namespace newsx::extract {

struct parsed_date {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset_minutes = 0;
  std::size_t consumed = 0;  ///< bytes of input the date spans
};

/// Parses a date at the start of s: "2022-02-25 15:08:15 +0800",
/// "2022-02-25T15:08:15Z", "2021/12/08 10:46", "2021年12月08日 10:46",
/// "2021.12.8". Rejects impossible days and times.
[[nodiscard]] std::optional<parsed_date> parse_date(std::string_view s) noexcept;

/// Parses "+08:00", "+0800", "-5", "Z", "UTC", "GMT+8" into minutes east of UTC.
[[nodiscard]] std::optional<int> parse_offset(std::string_view s, std::size_t* consumed = nullptr) noexcept;

/// "2022-02-25T15:08:15+08:00"; the default offset applies when the date has
/// none (empty default: no offset). A date without a time is "2022-02-25".
[[nodiscard]] std::string format_date(const parsed_date& d, std::string_view default_offset);

/// Finds the first plausible date in running text (a byline): the earliest
/// position where parse_date succeeds with a full year.
[[nodiscard]] std::optional<parsed_date> find_date(std::string_view text, std::size_t* at = nullptr) noexcept;

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_DATES_HPP
