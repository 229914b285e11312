// JSON inside pages, parsed with nlohmann/json without letting it throw:
// parse(..., allow_exceptions = false) and a type check before every access.
#include "extract/page_json.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "util/text.hpp"

namespace newsx::extract {

namespace {

using json = nlohmann::json;

/// schema.org @types that can describe the page's article, by how article-like
/// they are: 0 the news article kinds, 1 other articles and posts, 2 the web
/// page itself (used last: its name is the page title, often with the site
/// name, and its dates may be the page's rather than the story's). Any other
/// @type (BreadcrumbList, Organization, VideoObject...) is never a candidate;
/// a node with no @type at all comes after all of these (untyped_rank).
struct article_type {
  std::string_view name;
  int rank;
};
constexpr std::array<article_type, 22> article_types{{
    {"NewsArticle", 0},
    {"ReportageNewsArticle", 0},
    {"AnalysisNewsArticle", 0},
    {"OpinionNewsArticle", 0},
    {"BackgroundNewsArticle", 0},
    {"ReviewNewsArticle", 0},
    {"AskPublicNewsArticle", 0},
    {"Article", 1},
    {"BlogPosting", 1},
    {"LiveBlogPosting", 1},
    {"SocialMediaPosting", 1},
    {"DiscussionForumPosting", 1},
    {"Report", 1},
    {"TechArticle", 1},
    {"ScholarlyArticle", 1},
    {"SatiricalArticle", 1},
    {"AdvertiserContentArticle", 1},
    {"ClaimReview", 1},  // a fact-check article (its itemReviewed is the claim)
    {"WebPage", 2},
    {"ItemPage", 2},
    {"CollectionPage", 2},
    {"MedicalWebPage", 2},
}};
constexpr int page_rank = 2;
constexpr int untyped_rank = 3;
constexpr int no_rank = -1;

/// "http://schema.org/NewsArticle" and "schema:NewsArticle" are NewsArticle.
std::string_view bare_type(std::string_view t) {
  const std::size_t cut = t.find_last_of("/:");
  return cut == std::string_view::npos ? t : t.substr(cut + 1);
}

int rank_of_type(std::string_view t) {
  t = bare_type(util::trim(t));
  for (const article_type& a : article_types) {
    if (t == a.name) return a.rank;
  }
  return no_rank;
}

/// The best rank among a node's @type (a string or an array of strings);
/// name is set to the matching type.
int node_rank(const json& node, std::string_view& name) {
  const auto it = node.find("@type");
  if (it == node.end()) return untyped_rank;
  int best = no_rank;
  const auto consider = [&](const json& t) {
    if (!t.is_string()) return;
    const std::string& s = t.get_ref<const std::string&>();
    const int r = rank_of_type(s);
    if (r != no_rank && (best == no_rank || r < best)) {
      best = r;
      name = bare_type(util::trim(s));
    }
  };
  if (it->is_array()) {
    for (const json& t : *it) consider(t);
  } else {
    consider(*it);
  }
  return best;
}

/// The trimmed string value of node[key]; empty when absent or not a string.
std::string_view string_at(const json& node, std::string_view key) {
  const auto it = node.find(key);
  if (it == node.end() || !it->is_string()) return {};
  return util::trim(it->get_ref<const std::string&>());
}

using id_map = std::unordered_map<std::string, const json*>;

/// A person or organisation: "name", {"name": "..."}, or {"@id": "..."} that
/// names a node elsewhere in the @graph.
std::string_view name_of(const json& v, const id_map& ids) {
  if (v.is_string()) return util::trim(v.get_ref<const std::string&>());
  if (!v.is_object()) return {};
  std::string_view name = string_at(v, "name");
  if (name.empty()) {
    const std::string_view id = string_at(v, "@id");
    if (!id.empty()) {
      const auto it = ids.find(std::string(id));
      if (it != ids.end() && it->second != &v) name = string_at(*it->second, "name");
    }
  }
  return name;
}

void add_author(std::vector<std::string>& out, std::string_view name) {
  if (name.empty() || util::istarts_with(name, "http")) return;
  if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
}

/// Whether v, or the node its @id names, has "@type": "Person".
bool is_person(const json& v, const id_map& ids) {
  if (!v.is_object()) return false;
  if (string_at(v, "@type") == "Person") return true;
  const std::string_view id = string_at(v, "@id");
  if (id.empty()) return false;
  const auto it = ids.find(std::string(id));
  return it != ids.end() && it->second != &v && string_at(*it->second, "@type") == "Person";
}

std::vector<std::string> authors_of(const json& node, const id_map& ids, bool& people) {
  std::vector<std::string> out;
  people = false;
  const auto it = node.find("author");
  if (it == node.end()) return out;
  if (it->is_array()) {
    people = !it->empty();
    for (const json& a : *it) {
      add_author(out, name_of(a, ids));
      people = people && is_person(a, ids);
    }
  } else {
    add_author(out, name_of(*it, ids));
    people = is_person(*it, ids);
  }
  return out;
}

std::string_view publisher_of(const json& node, const id_map& ids) {
  const auto it = node.find("publisher");
  if (it == node.end()) return {};
  if (it->is_array()) {
    for (const json& p : *it) {
      const std::string_view n = name_of(p, ids);
      if (!n.empty()) return n;
    }
    return {};
  }
  return name_of(*it, ids);
}

/// The objects a JSON-LD text describes: the top-level object or the
/// objects of a top-level array, the members of their @graph, and the
/// mainEntity of each.
void collect_nodes(const json& v, std::vector<const json*>& out, int level = 0) {
  if (level > 3) return;
  if (v.is_array()) {
    for (const json& e : v) {
      if (e.is_object()) collect_nodes(e, out, level + 1);
    }
    return;
  }
  if (!v.is_object()) return;
  out.push_back(&v);
  const auto graph = v.find("@graph");
  if (graph != v.end()) collect_nodes(*graph, out, level + 1);
  const auto main = v.find("mainEntity");
  if (main != v.end() && main->is_object()) collect_nodes(*main, out, level + 1);
}

/// Walks text as the JSON lexer would (strings with their escapes; // and
/// /* */ comments outside strings) and returns the deepest nesting of [ and {,
/// stopping as soon as it passes limit. When repaired is given, it receives a
/// copy of text whose raw control characters inside strings are spaces, and
/// without trailing commas before ] and }.
int nesting_depth(std::string_view text, int limit, std::string* repaired = nullptr) {
  if (repaired) repaired->assign(text);
  int depth = 0;
  int deepest = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < n && text[i] != '"'; ++i) {
        if (text[i] == '\\') {
          ++i;
        } else if (repaired && static_cast<unsigned char>(text[i]) < 0x20) {
          (*repaired)[i] = ' ';
        }
      }
      ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      const std::size_t e = text.find_first_of("\r\n", i + 2);
      i = e == std::string_view::npos ? n : e;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const std::size_t e = text.find("*/", i + 2);
      i = e == std::string_view::npos ? n : e + 2;
    } else {
      if (c == '[' || c == '{') {
        if (++depth > deepest) deepest = depth;
        if (deepest > limit) return deepest;
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      } else if (c == ',' && repaired) {
        std::size_t j = i + 1;
        while (j < n && util::is_ascii_space(text[j])) ++j;
        if (j < n && (text[j] == ']' || text[j] == '}')) (*repaired)[i] = ' ';
      }
      ++i;
    }
  }
  return deepest;
}

bool strip_prefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  return true;
}
bool strip_suffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  return true;
}

/// Without the <![CDATA[ ]]> or <!-- --> that some pages wrap the JSON in,
/// and without a trailing semicolon.
std::string_view unwrap(std::string_view s) {
  s = util::trim_ascii(s);
  for (bool again = true; again;) {
    again = strip_prefix(s, "//<![CDATA[") || strip_prefix(s, "/*<![CDATA[*/") ||
            strip_prefix(s, "<![CDATA[") || strip_prefix(s, "<!--");
    again = (strip_suffix(s, "//]]>") || strip_suffix(s, "/*]]>*/") || strip_suffix(s, "]]>") ||
             strip_suffix(s, "//-->") || strip_suffix(s, "-->") || strip_suffix(s, ";")) ||
            again;
    s = util::trim_ascii(s);
  }
  return s;
}

json parse_lenient(std::string_view text) {
  // ignore_comments: some CMS templates leave // notes inside the JSON-LD
  json v = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false,
                       /*ignore_comments=*/true);
  if (!v.is_discarded()) return v;
  // Raw newlines, tabs and other control characters inside strings and
  // trailing commas are common and strict JSON rejects them: one retry
  // with them blanked.
  std::string repaired;
  nesting_depth(text, max_page_json_depth, &repaired);
  if (repaired == text) return v;
  return json::parse(repaired.begin(), repaired.end(), nullptr, false, true);
}

void fill(const std::vector<const json*>& all, json_ld_facts& out) {
  id_map ids;
  for (const json* node : all) {
    const std::string_view id = string_at(*node, "@id");
    if (!id.empty()) ids.emplace(std::string(id), node);
  }
  struct candidate {
    const json* node;
    int rank;
    std::string_view type;
  };
  std::vector<candidate> cands;
  for (const json* node : all) {
    std::string_view type;
    const int r = node_rank(*node, type);
    if (r != no_rank) cands.push_back({node, r, type});
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [](const candidate& a, const candidate& b) { return a.rank < b.rank; });
  if (cands.empty()) return;
  out.type = cands.front().type;

  const auto first = [&](std::string& field, auto&& get) {
    for (const candidate& c : cands) {
      const std::string_view v = get(c);
      if (!v.empty()) {
        field.assign(v);
        return;
      }
    }
  };
  first(out.headline, [](const candidate& c) {
    std::string_view h = string_at(*c.node, "headline");
    if (h.empty() && c.rank < page_rank) h = string_at(*c.node, "name");
    return h;
  });
  for (const candidate& c : cands) {
    if (c.rank >= page_rank) break;
    out.article_name.assign(util::trim(string_at(*c.node, "name")));
    out.article_headline.assign(util::trim(string_at(*c.node, "headline")));
    break;
  }
  first(out.date_published, [](const candidate& c) { return string_at(*c.node, "datePublished"); });
  first(out.date_modified, [](const candidate& c) { return string_at(*c.node, "dateModified"); });
  first(out.description, [](const candidate& c) { return string_at(*c.node, "description"); });
  first(out.url, [](const candidate& c) { return string_at(*c.node, "url"); });
  first(out.publisher, [&](const candidate& c) { return publisher_of(*c.node, ids); });
  for (const candidate& c : cands) {
    out.authors = authors_of(*c.node, ids, out.authors_are_people);
    if (!out.authors.empty()) break;
  }
}

/// A JSON string literal ("..." with its quotes) decoded by the parser;
/// empty when it is not one.
std::string decode_literal(std::string_view literal) {
  json v = json::parse(literal.begin(), literal.end(), nullptr, false);
  if (v.is_discarded()) {
    std::string blanked(literal);
    for (char& ch : blanked) {
      if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
    }
    v = json::parse(blanked.begin(), blanked.end(), nullptr, false);
  }
  if (!v.is_string()) return {};
  return std::string(util::trim(v.get_ref<const std::string&>()));
}

/// For a text the parser rejects even after repair (single-quoted values,
/// unescaped quotes, a stray brace): a tolerant scan that reads only the
/// string members of the top-level object and the names of its author and
/// publisher, each string decoded by the parser. Nothing when that object's
/// @type is not article-like.
void salvage(std::string_view text, json_ld_facts& out) {
  struct frame {
    char open;
    std::string key;  // the member whose value this container is
  };
  std::vector<frame> stack;
  std::string key;  // the key awaiting its value at the current level
  std::string type, name;
  std::vector<std::string> authors;
  json_ld_facts f;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      if (stack.size() >= static_cast<std::size_t>(max_page_json_depth)) return;
      stack.push_back({c, std::move(key)});
      key.clear();
      ++i;
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return;  // the top-level value ended
      stack.pop_back();
      key.clear();
      if (stack.empty()) break;
      ++i;
    } else if (c == ',') {
      key.clear();
      ++i;
    } else if (c == '"') {
      std::size_t e = i + 1;
      while (e < n && text[e] != '"') e += text[e] == '\\' ? 2 : 1;
      if (e >= n) break;
      const std::string value = decode_literal(text.substr(i, e + 1 - i));
      i = e + 1;
      std::size_t j = i;
      while (j < n && util::is_ascii_space(text[j])) ++j;
      if (j < n && text[j] == ':') {
        key = value;
        i = j + 1;
        continue;
      }
      // a string value: where is it?
      const std::size_t top = !stack.empty() && stack[0].open == '[' ? 1 : 0;  // [{...}]
      if (stack.size() == top + 1 && stack[top].open == '{') {
        if (key == "@type") type = value;
        else if (key == "headline") f.headline = value;
        else if (key == "name" && name.empty()) name = value;
        else if (key == "datePublished") f.date_published = value;
        else if (key == "dateModified") f.date_modified = value;
        else if (key == "description") f.description = value;
        else if (key == "url") f.url = value;
        else if (key == "publisher") f.publisher = value;
        else if (key == "author") add_author(authors, value);
      } else if (stack.size() == top + 2 && stack[top + 1].key == "author") {
        if (stack[top + 1].open == '[' || key == "name") add_author(authors, value);
      } else if (stack.size() == top + 2 && stack[top + 1].key == "publisher" && key == "name") {
        if (f.publisher.empty()) f.publisher = value;
      } else if (stack.size() == top + 3 && stack[top + 1].key == "author" &&
                 stack[top + 1].open == '[' && stack[top + 2].open == '{' && key == "name") {
        add_author(authors, value);
      }
      key.clear();
    } else {
      ++i;
    }
  }
  const int rank = type.empty() ? untyped_rank : rank_of_type(type);
  if (rank == no_rank) return;
  if (rank < page_rank) {
    f.article_name = name;
    f.article_headline = f.headline;
  }
  if (f.headline.empty() && rank < page_rank) f.headline = name;
  f.authors = std::move(authors);
  if (!type.empty()) f.type = bare_type(util::trim(type));
  out = std::move(f);
}

}  // namespace

bool read_json_ld(std::string_view text, json_ld_facts& out) {
  out = json_ld_facts{};
  if (text.size() > max_page_json_bytes) return false;
  text = unwrap(text);
  if (text.empty() || nesting_depth(text, max_page_json_depth) > max_page_json_depth) return false;
  try {
    const json v = parse_lenient(text);
    if (v.is_discarded()) {
      salvage(text, out);
      return false;
    }
    std::vector<const json*> nodes;
    collect_nodes(v, nodes);
    fill(nodes, out);
    return true;
  } catch (...) {
    // the checks above should leave nothing to throw; a last safety net
    // (bad_alloc included) so that a page never aborts the extraction
    out = json_ld_facts{};
    return false;
  }
}

namespace {

/// A JSON string or number value is no longer than this: a date or an epoch.
constexpr std::size_t max_date_value_bytes = 64;

}  // namespace

std::optional<parsed_date> find_json_date(std::string_view text, std::span<const std::string_view> keys,
                                          const date_context& dates) noexcept {
  const std::size_t n = text.size();
  for (std::size_t q = text.find('"'); q != std::string_view::npos; q = text.find('"', q + 1)) {
    const std::size_t k = q + 1;
    if (k >= n || !util::is_ascii_alpha(static_cast<unsigned char>(text[k]))) continue;
    for (std::string_view key : keys) {
      if (key.empty() || text[k] != key[0] || text.substr(k, key.size()) != key || k + key.size() >= n || text[k + key.size()] != '"') continue;
      std::size_t j = k + key.size() + 1;
      while (j < n && util::is_ascii_space(text[j])) ++j;
      if (j >= n || text[j] != ':') break;
      ++j;
      while (j < n && util::is_ascii_space(text[j])) ++j;
      std::string_view value;
      if (j < n && text[j] == '"') {
        const std::size_t e = text.find('"', j + 1);
        if (e == std::string_view::npos || e - j - 1 > max_date_value_bytes) break;
        value = text.substr(j + 1, e - j - 1);
      } else {
        std::size_t e = j;
        while (e < n && e - j <= max_date_value_bytes && util::is_digit(static_cast<unsigned char>(text[e]))) ++e;
        value = text.substr(j, e - j);
      }
      if (std::optional<parsed_date> d = parse_date_value(value, dates)) return d;
      break;
    }
  }
  return std::nullopt;
}

}  // namespace newsx::extract
