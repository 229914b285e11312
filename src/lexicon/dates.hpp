// The lexicon of dates: the words and keys that date parsing and the date
// readers match, as data (src/extract/dates.cpp reads the words,
// src/extract/meta.cpp and page_json.cpp the keys).
#ifndef NEWSX_LEXICON_DATES_HPP
#define NEWSX_LEXICON_DATES_HPP

#include <string_view>

#include "lexicon/lexicon.hpp"

namespace newsx::lexicon {

// ---------------------------------------------------------------------------
// Chinese date and time markers: 2021年12月8日 10时46分30秒

inline constexpr word cjk_year = "年";
inline constexpr word cjk_month = "月";
inline constexpr word cjk_days[] = {"日", "号"};
inline constexpr word cjk_hours[] = {"时", "点", "時", "點"};
inline constexpr word cjk_minute = "分";
inline constexpr word cjk_second = "秒";

// ---------------------------------------------------------------------------
// Month names

/// A month's name or abbreviation, compared without ASCII case and without
/// a trailing dot ("Mar.", "Sept", "März", "févr."). English, French,
/// German, Spanish, Italian and Portuguese; a name two languages share is
/// listed once. Longer names first where one is a prefix of another is not
/// needed: a name must end at a non-letter.
struct month_name {
  word name;
  int month;
};
inline constexpr month_name month_names[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
    {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"okt", 10}, {"dez", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"set", 9}, {"ott", 10},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    {"fev", 2}, {"out", 10},
};

/// Words between a day and its month or its month and year: "5 de marzo de
/// 2024", "5 de março de 2024". Compared without case.
inline constexpr word date_joiners[] = {"de", "del"};

/// Words between a date and its time: "March 5, 2024 at 9:30", "5 mars 2024
/// à 9h30", "5. März 2024 um 9:30 Uhr", "21.dez.2018 às 12h55". Compared
/// without case.
inline constexpr word date_time_joiners[] = {"at", "à", "a", "um", "às", "as", "alle", "ore", "a las", "las", "-", "|", "·", "•"};

/// Ordinal endings after an English or French day: "March 5th", "1er mars".
inline constexpr word day_ordinals[] = {"st", "nd", "rd", "th", "er", "º", "°"};

/// "9:30 a.m.", "9:30pm": the half of the day, compared without case; the
/// dotted forms first.
inline constexpr word am_words[] = {"a.m.", "am"};
inline constexpr word pm_words[] = {"p.m.", "pm"};

/// "9h30", "12h55" (French, Portuguese): h between hours and minutes.
inline constexpr word hour_letter = "h";
/// "9:30 Uhr": the German word after a time.
inline constexpr word hour_words_after[] = {"uhr"};

// ---------------------------------------------------------------------------
// Zones

/// Zone names after a time, compared with case ("EST", not "est"). Fixed
/// offsets only; the US zones' generic names ("ET", "PT") take daylight time
/// by the US rule (dates.cpp). "CST" is left out: China Standard Time and US
/// Central Standard Time both write it, and a wrong guess is worse than the
/// default offset. "IST" likewise (India, Ireland, Israel).
struct zone_name {
  word name;
  int offset_minutes;
};
inline constexpr zone_name zone_names[] = {
    {"UTC", 0},    {"GMT", 0},    {"UT", 0},     {"Z", 0},      {"EST", -300}, {"EDT", -240},
    {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"AKST", -540},
    {"AKDT", -480}, {"HST", -600}, {"BST", 60},  {"WET", 0},    {"WEST", 60},  {"CET", 60},
    {"CEST", 120}, {"MEZ", 60},   {"MESZ", 120}, {"EET", 120},  {"EEST", 180}, {"MSK", 180},
    {"JST", 540},  {"KST", 540},  {"HKT", 480},  {"SGT", 480},  {"AEST", 600}, {"AEDT", 660},
    {"NZST", 720}, {"NZDT", 780},
};
/// US zones by their generic names: standard offset, daylight time by the
/// US rule (second Sunday of March to first Sunday of November).
inline constexpr zone_name us_generic_zones[] = {
    {"ET", -300}, {"CT", -360}, {"MT", -420}, {"PT", -480}};

// ---------------------------------------------------------------------------
// Relative times: "3小时前", "8 小時前", "昨天 14:20", "2 days ago", "刚刚"

/// Units of "N unit前" and "N units ago", in seconds. Longer first.
struct time_unit {
  word name;
  int seconds;
};
inline constexpr time_unit relative_units_cjk[] = {
    {"分钟", 60}, {"分鐘", 60}, {"小时", 3600}, {"小時", 3600}, {"个小时", 3600},
    {"個小時", 3600}, {"秒钟", 1}, {"秒鐘", 1}, {"秒", 1}, {"天", 86400}, {"日", 86400}, {"分", 60}};
/// "前": before the reference time.
inline constexpr word relative_before_cjk = "前";
/// English units, compared without case; a plural s is allowed.
inline constexpr time_unit relative_units_en[] = {
    {"seconds", 1}, {"second", 1}, {"secs", 1}, {"sec", 1}, {"minutes", 60}, {"minute", 60},
    {"mins", 60}, {"min", 60}, {"hours", 3600}, {"hour", 3600}, {"hrs", 3600}, {"hr", 3600},
    {"days", 86400}, {"day", 86400}};
inline constexpr word relative_ago_en = "ago";
/// "an hour ago", "a day ago": the count one.
inline constexpr word relative_one_en[] = {"an", "a", "one"};

/// Days named relative to the reference day: 今天 0, 昨天 -1, 前天 -2.
/// A day word alone (no time after it) is a date only when day_alone is set:
/// "今天" and "今日" also open headlines and column names ("今日关注").
struct relative_day {
  word name;
  int days;
  bool day_alone;
};
inline constexpr relative_day relative_days[] = {
    {"今天", 0, false}, {"今日", 0, false}, {"昨天", -1, true}, {"昨日", -1, true},
    {"前天", -2, true}, {"today", 0, false}, {"yesterday", -1, true}};
/// "刚刚", "just now": the reference time itself.
inline constexpr word relative_now[] = {"刚刚", "剛剛", "just now"};

// ---------------------------------------------------------------------------
// Modification dates

/// Labels before a modification date in a byline ("更新时间：…", "Updated
/// March 6, 2024"): that date is date_modified, never the publication date.
/// Compared without ASCII case; the date must follow within
/// label_reach bytes (dates.cpp).
inline constexpr word modified_labels[] = {
    "更新时间", "更新於", "更新于", "最后更新", "最後更新", "修改时间", "更新日期", "更新",
    "updated", "last modified", "modified", "mis à jour", "actualizado", "aktualisiert",
    "atualizado", "aggiornato"};

/// Labels before a publication date set apart from the byline, in the
/// lines just after the story (a footer's "发布日期：2019-09-23 14:34:05",
/// "Posted on March 6, 2024"). Compared without ASCII case; the date must
/// follow within label_reach bytes (dates.cpp).
inline constexpr word published_labels[] = {
    "发布日期", "发布时间", "发表日期", "发表时间", "發佈日期", "發佈時間", "發表日期", "發表時間",
    "published", "posted", "veröffentlicht am", "veröffentlicht",
    "publié le", "publicado el", "publicado em", "pubblicato il"};

/// Front matter keys of a post's modification date.
inline constexpr word post_modified_keys[] = {"updated", "last_modified", "modified", "lastmod",
                                              "date_modified"};

/// Class words of an element that shows a modification time
/// (<time class="updated">, "date-modified"); compared without case.
inline constexpr word modified_class_words[] = {"updated", "modified", "update-time", "updatetime"};

// ---------------------------------------------------------------------------
// Keys that carry dates in markup and page JSON

/// <meta> keys (property, name or itemprop) of the publication date,
/// compared without case.
inline constexpr word meta_published_keys[] = {
    "article:published_time", "datePublished", "pubdate", "publishdate", "publish_date",
    "og:release_date", "article:create_at", "dc.date.issued", "dcterms.issued", "dc.date",
    "sailthru.date", "publishtime", "article:published", "parsely-pub-date", "published_at",
    "article.published", "cXenseParse:recs:publishtime", "citation_publication_date"};
/// <meta> keys of the modification date.
inline constexpr word meta_modified_keys[] = {
    "article:modified_time", "dateModified", "og:updated_time", "dc.date.modified",
    "dcterms.modified", "last-modified", "article:modified", "lastmod", "updated_at"};

/// Attributes that hold a publication time on the element that shows it,
/// often in epoch seconds or milliseconds ("data-time=1570780800"). Read on
/// the elements between the headline and the content (a listing dates every
/// teaser); compared without case.
inline constexpr word date_attributes[] = {
    "data-publish-time", "data-publishtime", "data-pubtime", "data-published", "data-timestamp",
    "data-time", "data-date", "data-ctime", "data-pubdate", "data-publish-date"};

/// Keys of page JSON (inline scripts, __NEXT_DATA__) holding the publication
/// time as a date string or epoch number ("publishTime":1570780800000).
/// Compared with case, as JSON does.
inline constexpr word script_published_keys[] = {
    "datePublished", "publishTime", "publish_time", "publishedAt", "published_at", "pubDate",
    "pubTime", "pub_time", "publishDate", "publish_date", "firstPublishedAt",
    "first_published_at", "publishedTime", "releaseTime", "ptime"};
/// Keys of page JSON holding the modification time.
inline constexpr word script_modified_keys[] = {"dateModified", "updateTime", "update_time",
                                                "updatedAt", "updated_at", "modifiedTime",
                                                "lastModified", "modifyTime"};

}  // namespace newsx::lexicon

#endif  // NEWSX_LEXICON_DATES_HPP
