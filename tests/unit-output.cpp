// output stage: JSON escaping and shape, text and Markdown.
#include <doctest/doctest.h>

#include <newsx/newsx.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace newsx;

namespace {
article sample() {
  article a;
  a.title = "标题 \"引号\"";
  a.date = "2022-02-25T15:08:15+08:00";
  a.categories = {"news"};
  block h;
  h.type = block_type::heading;
  h.level = 2;
  h.text = "小节";
  block p;
  p.text = std::string("控制\x01字符\n与\\反斜杠\xE2\x80\xA8");
  block r;
  r.type = block_type::table_row;
  r.cells = {"指标", "数值"};
  r.text = "指标 | 数值";
  a.body = {h, p, r};
  a.text = "小节\n" + p.text;
  a.images.push_back({"a.jpg", std::nullopt, std::string("说明")});
  return a;
}
}  // namespace

TEST_CASE("JSON escapes what JSON and JavaScript need escaped") {
  json_options compact;
  compact.pretty = false;
  compact.file = "in.txt";
  const std::string j = to_json(sample(), compact);
  CHECK(j.rfind("{\"file\":\"in.txt\",\"title\":\"标题 \\\"引号\\\"\"", 0) == 0);
  CHECK(j.find("\\u0001") != std::string::npos);
  CHECK(j.find("\\n与\\\\反斜杠\\u2028") != std::string::npos);
  CHECK(j.find('\n') == std::string::npos);  // compact is one line
  CHECK(j.find("\"author\":null") != std::string::npos);
  CHECK(j.find("{\"type\":\"heading\",\"level\":2,\"text\":\"小节\"}") != std::string::npos);
  CHECK(j.find("\"cells\":[\"指标\",\"数值\"]") != std::string::npos);
  CHECK(j.back() == '}');
}

TEST_CASE("pretty JSON is indented and ends with a brace on its own line") {
  const std::string j = to_json(sample());
  CHECK(j.rfind("{\n  \"title\": ", 0) == 0);
  CHECK(j.substr(j.size() - 2) == "\n}");
}

TEST_CASE("error records") {
  const std::string j = error_to_json({error_code::binary_input, "not text"}, "x.bin");
  CHECK(j == "{\"file\":\"x.bin\",\"error\":\"binary_input\",\"message\":\"not text\"}");
}

TEST_CASE("text and markdown renderings") {
  const std::string t = to_text(sample());
  CHECK(t.rfind("标题 \"引号\"\n2022-02-25T15:08:15+08:00\n\n小节\n\n", 0) == 0);
  const std::string md = to_markdown(sample());
  CHECK(md.find("# 标题") == 0);
  CHECK(md.find("## 小节\n") != std::string::npos);
  CHECK(md.find("| 指标 | 数值 |\n| --- | --- |") != std::string::npos);
  CHECK(md.find("![](a.jpg)\n*说明*") != std::string::npos);
}

TEST_CASE("json_field_names lists every article key, and each alone selects itself") {
  const std::vector<std::string_view>& names = json_field_names();
  CHECK(std::find(names.begin(), names.end(), "title") != names.end());
  CHECK(std::find(names.begin(), names.end(), "stock_codes") != names.end());
  article a = sample();
  a.candidates.push_back({"title", "t", "title_tag", true});  // present only with options::explain
  for (const std::string_view name : names) {
    CAPTURE(name);
    json_options jo;
    jo.pretty = false;
    jo.fields = name;
    const std::string j = to_json(a, jo);
    std::string key = "{\"";
    key.append(name).append("\":");
    CHECK(j.rfind(key, 0) == 0);
  }
  json_options only;
  only.pretty = false;
  only.fields = "title";
  CHECK(to_json(a, only) == "{\"title\":\"标题 \\\"引号\\\"\"}");
  only.fields = "stock_codes";
  CHECK(to_json(a, only) == "{\"stock_codes\":[]}");
  // every key of the full object is listed, in the same order
  json_options all;
  all.pretty = false;
  const std::string full = to_json(a, all);
  std::size_t at = 0;
  for (const std::string_view name : names) {
    std::string key = "\"";
    key.append(name).append("\":");
    const std::size_t k = full.find(key, at);
    CHECK(k != std::string::npos);
    at = k;
  }
}

TEST_CASE("candidates: written only when the extractor explains") {
  const article a = sample();
  CHECK(to_json(a).find("\"candidates\"") == std::string::npos);
  options o;
  o.explain = true;
  extractor ex(o);
  result<article> r = ex.extract(
      "<html><head><title>Headline here | Site</title><meta property=\"og:title\" content=\"Headline here\">"
      "</head><body><h1>Headline here</h1><p>By Jane Doe</p><p>Some body text that is long enough to be "
      "the story, with a few sentences of prose in it.</p></body></html>");
  REQUIRE(r);
  const std::string j = to_json(*r);
  CHECK(j.find("\"origin\": \"headline_element\"") != std::string::npos);
  int chosen_titles = 0;
  for (const candidate& c : r->candidates) chosen_titles += c.field == "title" && c.chosen;
  CHECK(chosen_titles == 1);
}

TEST_CASE("every JSON string is valid UTF-8: a byte that is not is U+FFFD") {
  article a;
  a.title = std::string("GBK \xB9\xC9\xC6\xB1 name, ") + "中文 ok, overlong \xC0\x80, cut \xE4\xB8";
  json_options jo;
  jo.pretty = false;
  jo.fields = "title";
  jo.file = "dir/\xD0\xC2\xCE\xC5.html";
  const std::string j = to_json(a, jo);
  CHECK(j == "{\"file\":\"dir/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.html\",\"title\":\"GBK "
             "\xEF\xBF\xBD\xEF\xBF\xBD\xC6\xB1 name, 中文 ok, overlong "  // C6 B1 is UTF-8 (U+01B1)
             "\xEF\xBF\xBD\xEF\xBF\xBD, cut \xEF\xBF\xBD\xEF\xBF\xBD\"}");
  CHECK(error_to_json(error{error_code::read_failed, "can't read \xFF"}, "\xFE") ==
        "{\"file\":\"\xEF\xBF\xBD\",\"error\":\"read_failed\",\"message\":\"can't read \xEF\xBF\xBD\"}");
}

TEST_CASE("CSV: one row per document, RFC 4180 quoting") {
  article a = sample();
  a.url.reset();
  a.source.reset();
  a.author.reset();
  a.stock_codes.clear();
  a.title.emplace("Title, with \"quotes\"");
  a.date.emplace("2024-01-02");
  a.text = "line one\nline two";
  a.stock_codes.push_back({"600519.SH", "600519", "SH", "XSHG", "stock", "贵州茅台", 1});
  a.stock_codes.push_back({"00700.HK", "00700", "HK", "XHKG", "stock", std::nullopt, 1});
  a.date_modified.emplace("2024-01-03T08:00:00+08:00");
  CHECK(csv_header() == "file,url,title,date,date_modified,source,author,is_article,stock_codes,text,error\r\n");
  CHECK(to_csv_row(a, "a/b.html") ==
        "a/b.html,,\"Title, with \"\"quotes\"\"\",2024-01-02,2024-01-03T08:00:00+08:00,,,true,"
        "600519.SH;00700.HK,\"line one\nline two\",\r\n");
  CHECK(error_to_csv_row(error{error_code::binary_input, "x"}, "bad\xFF.bin") ==
        "bad\xEF\xBF\xBD.bin,,,,,,,,,,binary_input\r\n");
}

TEST_CASE("no control character reaches any field, so no output can carry an escape sequence") {
  // &#27;[2J clears a terminal; &#7; rings it; U+0085 is a C1 control
  const std::string page =
      "<html><head><title>Rates &#27;[2Jhold steady</title><meta name=\"author\" content=\"Jane&#7; Doe\">"
      "</head><body><article><h1>Rates &#27;[2Jhold steady</h1><p>The central bank &#27;[31mheld its "
      "rate at 3.45 percent on Monday,\xC2\x85 as markets had expected.</p><p>Analysts said the decision "
      "leaves room for a cut later in the year if inflation keeps easing.</p></article></body></html>";
  extractor ex;
  auto r = ex.extract(page);
  REQUIRE(r);
  const auto has_control = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
  };
  CHECK(r->title.value_or("") == "Rates [2Jhold steady");
  CHECK_FALSE(has_control(r->author.value_or("")));
  CHECK(r->text.find("[31mheld its rate") != std::string::npos);
  for (const std::string& out : {to_text(*r), to_markdown(*r), to_json(*r)}) CHECK_FALSE(has_control(out));
}
