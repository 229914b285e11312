// Head metadata: <title>, <meta>, OpenGraph, <link rel=canonical>, JSON-LD.
#include "extract/meta.hpp"

#include <algorithm>
#include <array>

#include "extract/byline.hpp"
#include "extract/byline_markup.hpp"
#include "extract/dates.hpp"
#include "extract/headline.hpp"
#include "extract/page_json.hpp"
#include "lexicon/dates.hpp"
#include "lexicon/lexicon.hpp"
#include "util/text.hpp"

namespace newsx::extract {

using dom::html_tag;
using dom::kind;

namespace {

void set_once(std::string& field, std::string_view v) {
  v = util::trim(v);
  if (field.empty() && !v.empty()) field.assign(v);
}

/// Several JSON-LD authors as one byline: 张三、李四 or Jane Roe, John Doe.
std::string join_authors(const std::vector<std::string>& names) {
  const bool cjk = std::any_of(names.begin(), names.end(), [](const std::string& n) { return util::has_cjk(n); });
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += cjk ? "、" : ", ";
    out += n;
  }
  return out;
}

/// The rank of a <meta> key among lexicon::meta_author_keys (lower is more
/// trusted), or the table's size when it names no author. A property may
/// hold several space-separated keys ("dc:creator twitter:site_name").
std::size_t author_key_rank(std::string_view key) {
  std::size_t best = std::size(lexicon::meta_author_keys);
  std::size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && util::is_ascii_space(key[i])) ++i;
    std::size_t j = i;
    while (j < key.size() && !util::is_ascii_space(key[j])) ++j;
    for (std::size_t r = 0; r < best; ++r) {
      if (j > i && util::iequals(key.substr(i, j - i), lexicon::meta_author_keys[r])) best = r;
    }
    i = j;
  }
  return best;
}

template <std::size_t N>
bool is_key_in(std::string_view key, const lexicon::word (&table)[N]) {
  for (lexicon::word w : table) {
    if (util::iequals(key, w)) return true;
  }
  return false;
}

/// The rank in lexicon::declared_title_prefixes of the title a <meta>
/// declares, or the table's size. A property= that declares something else
/// ("og:description og:title": a description) is no title, whatever its name=.
constexpr std::size_t no_title_rank = std::size(lexicon::declared_title_prefixes);

std::size_t prefix_rank(std::string_view prefix) {
  for (std::size_t r = 0; r < no_title_rank; ++r) {
    if (util::iequals(prefix, lexicon::declared_title_prefixes[r])) return r;
  }
  return no_title_rank;
}

std::size_t declared_title_rank(const dom::node& n, bool& by_property) {
  by_property = false;
  const std::string_view property = dom::attr(n, "property");
  for (std::size_t i = 0; i < property.size();) {
    while (i < property.size() && util::is_ascii_space(property[i])) ++i;
    std::size_t j = i;
    while (j < property.size() && !util::is_ascii_space(property[j])) ++j;
    const std::string_view token = property.substr(i, j - i);
    i = j;
    const std::size_t colon = token.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view prefix = token.substr(0, colon);
    const std::string_view field = token.substr(colon + 1);
    bool known_prefix = false, known_field = false;
    for (lexicon::word w : lexicon::meta_property_prefixes) known_prefix = known_prefix || util::iequals(prefix, w);
    for (lexicon::word w : lexicon::meta_property_fields) known_field = known_field || util::iequals(field, w);
    if (!known_prefix || !known_field) continue;
    by_property = true;
    return util::iequals(field, "title") ? prefix_rank(prefix) : no_title_rank;
  }
  std::string_view name = util::trim(dom::attr(n, "name"));
  constexpr std::string_view field = "title";
  if (name.size() < field.size() || !util::iequals(name.substr(name.size() - field.size()), field)) {
    return no_title_rank;
  }
  name = util::trim(name.substr(0, name.size() - field.size()));
  if (name.empty()) return prefix_rank(name);
  bool joined = false;
  for (char c : lexicon::meta_name_joiners) joined = joined || name.back() == c;
  if (!joined) return no_title_rank;
  const std::size_t rank = prefix_rank(util::trim(name.substr(0, name.size() - 1)));
  return rank == prefix_rank("") ? no_title_rank : rank;  // "-title" declares nothing
}

/// Readability.js's textSimilarity: the share of b's text (in lower-case
/// ASCII words) made of words that a has too.
double text_similarity(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
      if (util::is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '_') {
        w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      } else if (!w.empty()) {
        out.push_back(std::move(w));
        w.clear();
      }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
  };
  const std::vector<std::string> wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0.0;
  std::size_t all = 0, unique = 0, unique_words = 0;
  for (const std::string& w : wb) {
    all += w.size();
    if (std::find(wa.begin(), wa.end(), w) == wa.end()) {
      unique += w.size();
      ++unique_words;
    }
  }
  all += wb.size() - 1;  // joined by spaces
  if (unique_words > 0) unique += unique_words - 1;
  return 1.0 - static_cast<double>(unique) / static_cast<double>(all);
}

/// JSON-LD's article may give a name and a headline that differ: the
/// headline when it alone matches what <title> says, else the name.
constexpr double ld_title_match = 0.75;

std::string_view ld_title(const json_ld_facts& ld, std::string_view title_read) {
  if (ld.article_name.empty()) return ld.article_headline;
  if (ld.article_headline.empty() || ld.article_headline == ld.article_name) return ld.article_name;
  const bool name_matches = text_similarity(ld.article_name, title_read) > ld_title_match;
  const bool headline_matches = text_similarity(ld.article_headline, title_read) > ld_title_match;
  return headline_matches && !name_matches ? std::string_view(ld.article_headline)
                                           : std::string_view(ld.article_name);
}

/// JSON-LD's author ranks with <meta name=author>: the first of the two wins.
const std::size_t json_ld_author_rank = author_key_rank("author");

}  // namespace

void read_meta(const dom::document& doc, page_meta& m) {
  m = page_meta{};
  std::string tmp;
  std::string canonical;
  std::string og_url;
  std::size_t author_rank = std::size(lexicon::meta_author_keys);  // none yet
  // declared titles by rank; a property= declaration over a name= one
  std::array<std::string, no_title_rank> declared;
  std::array<bool, no_title_rank> declared_by_property{};
  json_ld_facts article_ld;  // the first script that describes an article
  for (std::uint32_t i = 0; i < doc.size(); ++i) {
    const dom::node& n = doc[i];
    if (n.type != kind::element) continue;
    switch (n.tag) {
      case html_tag::title:
        if (m.title_tag.empty()) {
          tmp.clear();
          dom::append_text(doc, i, tmp);
          set_once(m.title_tag, tmp);
        }
        break;
      case html_tag::h1:
        if ((n.flags & dom::removed) == 0) m.h1s.push_back(i);
        break;
      case html_tag::link:
        if (util::iequals(dom::attr(n, "rel"), "canonical")) set_once(canonical, dom::attr(n, "href"));
        break;
      case html_tag::meta: {
        std::string_view key = dom::attr(n, "property");
        if (key.empty()) key = dom::attr(n, "name");
        if (key.empty()) key = dom::attr(n, "itemprop");
        const std::string_view v = dom::attr(n, "content");
        if (key.empty() || v.empty()) break;
        bool by_property = false;
        if (const std::size_t r = declared_title_rank(n, by_property);
            r < no_title_rank && !util::trim(v).empty() &&
            (declared[r].empty() || (by_property && !declared_by_property[r]))) {
          declared[r].assign(util::trim(v));
          declared_by_property[r] = by_property;
        }
        if (const std::size_t rank = author_key_rank(key); rank < author_rank) {
          if (!util::istarts_with(util::trim(v), "http")) {  // article:author is often a profile URL
            m.author.assign(util::trim(v));
            m.author_is_person = false;
            author_rank = rank;
          }
          break;
        }
        if (util::iequals(key, "og:title") || util::iequals(key, "twitter:title")) {
          set_once(m.og_title, v);
        } else if (util::iequals(key, "og:description") || util::iequals(key, "description")) {
          set_once(m.description, v);
        } else if (util::iequals(key, "og:site_name")) {
          set_once(m.site_name, v);
        } else if (util::iequals(key, "og:url")) {
          set_once(og_url, v);
        } else if (is_key_in(key, lexicon::meta_published_keys)) {
          set_once(m.published, v);
        } else if (is_key_in(key, lexicon::meta_modified_keys)) {
          set_once(m.modified, v);
        } else if (util::iequals(key, "source") || util::iequals(key, "mediaid")) {
          set_once(m.publisher, v);
        } else if (util::iequals(key, "keywords")) {
          set_once(m.keywords, v);
        }
        break;
      }
      case html_tag::script: {
        if (!util::icontains(dom::attr(n, "type"), "ld+json")) break;
        tmp.clear();
        for (std::uint32_t k = i + 1; k < n.end; ++k) {
          if (doc[k].type == kind::text) tmp.append(doc[k].text);
        }
        if (util::trim(tmp).empty()) break;
        json_ld_facts ld;
        if (!read_json_ld(tmp, ld)) {  // what could be salvaged still counts
          constexpr std::string_view warning = "JSON-LD script is not valid JSON";
          if (m.warnings.empty() || m.warnings.back() != warning) m.warnings.emplace_back(warning);
        }
        set_once(m.ld_published, ld.date_published);
        set_once(m.ld_modified, ld.date_modified);
        set_once(m.publisher, ld.publisher);
        if (!ld.authors.empty() && json_ld_author_rank < author_rank) {
          m.author = join_authors(ld.authors);
          author_rank = json_ld_author_rank;
          m.author_is_person = ld.authors_are_people;
        } else if (ld.authors_are_people && m.author == join_authors(ld.authors)) {
          m.author_is_person = true;  // <meta name=author> named the same people first
        }
        set_once(m.og_title, ld.headline);
        if (article_ld.article_name.empty() && article_ld.article_headline.empty()) {
          article_ld.article_name = std::move(ld.article_name);
          article_ld.article_headline = std::move(ld.article_headline);
        }
        break;
      }
      default: {
        const std::string_view ip = dom::attr(n, "itemprop");
        if (ip == "datePublished" || ip == "dateModified") {
          std::string_view v = dom::attr(n, "datetime");
          if (v.empty()) v = dom::attr(n, "content");
          set_once(ip == "datePublished" ? m.published : m.modified, v);
        }
      }
    }
  }
  m.url = !canonical.empty() ? canonical : og_url;
  m.title_tag_read = read_title_tag(doc, m.title_tag);
  m.declared_title.assign(ld_title(article_ld, m.title_tag_read));
  for (std::size_t r = 0; r < no_title_rank && m.declared_title.empty(); ++r) m.declared_title = declared[r];
  // declared values are sometimes escaped twice
  m.declared_title = util::unescape_entities(m.declared_title);
  m.og_title = util::unescape_entities(m.og_title);
}

namespace {

/// <meta name=author> longer than this is a description or a list, not a
/// name — counted per script: a Chinese name is a few characters, a Latin
/// one a few words ("Eleanor Ainge Roy"; "Stella Kim, Jennifer Jett" is two).
constexpr std::size_t meta_author_max_cjk_chars = 12;
constexpr std::size_t meta_author_max_latin_bytes = 60;
constexpr std::size_t meta_author_max_words_per_name = 5;

/// A name has letters: "2909" (a CMS user id) is none.
bool names_someone(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = util::next_cp(s, i);
    if (util::is_cjk(c) || util::is_ascii_alpha(c)) return true;
  }
  return false;
}

bool short_enough(std::string_view s) {
  if (util::has_cjk(s)) return util::cp_count(s) <= meta_author_max_cjk_chars;
  if (s.size() > meta_author_max_latin_bytes) return false;
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ',' || c == ';') {
      words = 0;  // the next name
      in_word = false;
    } else if (util::is_ascii_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++words > meta_author_max_words_per_name) return false;
    }
  }
  return true;
}

/// Given and family name in Latin letters ("Haki Benita"): a site typing its
/// one-word brand as a Person ("UrduPoint") is not a personal site.
bool reads_as_full_name(std::string_view s) {
  if (util::has_cjk(s)) return false;
  const std::string_view t = util::trim(s);
  const std::size_t space = t.find(' ');
  return space != std::string_view::npos && space > 0 && util::is_ascii_alpha(static_cast<unsigned char>(t[space + 1]));
}

}  // namespace

void add_meta_facts(const page_meta& m, const date_context& dates, facts& found) {
  found.add(found.title, strip_site_suffix(m.og_title), origin::og_title);
  found.add(found.title, strip_site_suffix(m.title_tag), origin::title_tag);
  found.add(found.title, m.declared_title, origin::declared_title);
  found.add(found.title, m.title_tag_read, origin::title_tag_read);
  found.add(found.url, util::trim(m.url), origin::page_meta);
  // JSON-LD first: it describes the article node, where a <meta> tag may
  // carry the page's (a re-publication, a CMS's import time).
  for (const std::string* raw : {&m.ld_published, &m.published}) {
    if (const std::optional<parsed_date> d = parse_date_value(*raw, dates)) {
      found.date.push_back({*d, origin::page_meta});
    }
  }
  for (const std::string* raw : {&m.ld_modified, &m.modified}) {
    if (const std::optional<parsed_date> d = parse_date_value(*raw, dates)) {
      found.date_modified.push_back({*d, origin::page_meta});
    }
  }
  if (!m.publisher.empty() && m.publisher != m.site_name) {
    found.add(found.source, util::trim(m.publisher), origin::page_meta);
  }
  // <meta name=author> is often the site itself; keep it only when it is not,
  // or when JSON-LD says the name is a person's (a personal site)
  const bool the_site = m.author == m.site_name || m.author == m.publisher;
  const bool person = m.author_is_person && (!the_site || reads_as_full_name(m.author));
  // an outlet named as the author ("自由時報") is the source
  if (!m.author.empty() && !person && is_media_name(util::trim(m.author))) {
    found.add(found.source, util::trim(m.author), origin::page_meta);
  }
  if (!m.author.empty() && (person || !the_site) && short_enough(m.author) &&
      names_someone(m.author) && !is_cms_account(m.author)) {
    found.add(found.author, strip_byline_opener(m.author),
              person ? origin::declared_person : origin::page_meta);  // "By Jane Doe"
  }
}

}  // namespace newsx::extract

namespace newsx::extract {

namespace {

/// Class words of an element that shows a modification time ("updated",
/// "date-modified"); compared without case.
bool marks_modified(const dom::node& n) {
  if (dom::attr(n, "itemprop") == "dateModified") return true;
  const std::string_view cls = dom::attr(n, "class");
  for (lexicon::word w : lexicon::modified_class_words) {
    if (util::icontains(cls, w)) return true;
  }
  return false;
}

}  // namespace

void add_markup_date_facts(const dom::document& doc, std::uint32_t from, std::uint32_t to,
                           const date_context& dates, facts& found) {
  bool have_published = false;
  bool have_modified = false;
  for (std::uint32_t i = from; i < to && i < doc.size() && !(have_published && have_modified); ++i) {
    const dom::node& n = doc[i];
    if ((n.flags & (dom::removed | dom::boilerplate)) != 0) {
      i = n.end - 1;
      continue;
    }
    if (n.type != kind::element) continue;
    std::string_view raw;
    if (n.tag == html_tag::time) raw = dom::attr(n, "datetime");
    for (std::uint32_t a = 0; a < n.attr_count && raw.empty(); ++a) {
      for (lexicon::word w : lexicon::date_attributes) {
        if (n.attrs[a].name == w) {
          raw = n.attrs[a].value;
          break;
        }
      }
    }
    if (raw.empty()) continue;
    const std::optional<parsed_date> d = parse_date_value(raw, dates);
    if (!d) continue;
    const bool modified = marks_modified(n);
    bool& have = modified ? have_modified : have_published;
    if (have) continue;
    have = true;
    (modified ? found.date_modified : found.date).push_back({*d, origin::page_data});
  }
}

}  // namespace newsx::extract
