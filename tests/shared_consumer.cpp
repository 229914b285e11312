// Links against libnewsx.so alone and calls every public function once, so a
// function the shared library forgets to export fails the link.
#include <newsx/newsx.hpp>

#include <cstdio>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const std::string dir = argv[1];
  newsx::result<newsx::extractor> made = newsx::extractor::create(newsx::options{});
  if (!made) return 1;
  newsx::extractor ex = std::move(made).value();
  newsx::extractor other;
  other = newsx::extractor(newsx::options{});
  (void)ex.options();
  const std::string text = "第一句。第二句。";
  int failures = ex.sentences(text).size() == 2 ? 0 : 1;
  newsx::result<newsx::article> r = ex.extract("<html><body><h1>Hi there</h1><p>Text.</p></body></html>");
  newsx::document_hints hints;
  hints.url = "https://example.com/a";
  newsx::result<newsx::article> r2 = other.extract("plain text", hints);
  if (!r || !r2) return 1;
  failures += newsx::to_json(*r).empty() + newsx::to_json(*r, newsx::json_options{}).empty() +
              newsx::to_text(*r).empty() + newsx::to_markdown(*r).empty() +
              newsx::error_to_json(newsx::error{newsx::error_code::empty_input, "x"}, "f").empty() +
              newsx::json_field_names().empty() + newsx::block_type_name(newsx::block_type::code).empty() +
              newsx::error_name(newsx::error_code::internal).empty() + newsx::version().empty() +
              newsx::csv_header().empty() + newsx::to_csv_row(*r, "f").empty() +
              newsx::error_to_csv_row(newsx::error{newsx::error_code::empty_input, "x"}, "f").empty();
  {
    std::ofstream warc(dir + "/consumer.warc", std::ios::binary);
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
    warc << "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/\r\n"
         << "Content-Length: " << http.size() << "\r\n\r\n" << http << "\r\n\r\n";
  }
  newsx::warc_reader reader;
  newsx::warc_reader moved(std::move(reader));
  reader = std::move(moved);
  if (!reader.open(dir + "/consumer.warc")) return 1;
  newsx::warc_record rec;
  if (reader.next(rec) != newsx::warc_reader::status::record || !rec.is_html_response()) return 1;
  (void)reader.error();
  failures += reader.error_kind() != newsx::error_code::ok || reader.error_offset() != 0 ||
              reader.compression() != "plain" || rec.offset != 0 ||
              newsx::error_to_json(newsx::error{newsx::error_code::damaged_record, "x"}, "f", "id", 7)
                      .find("\"warc_offset\":7") == std::string::npos;
  newsx::result<std::shared_ptr<const newsx::securities>> list =
      newsx::securities::from_csv("600519.SH,贵州茅台\n");
  newsx::result<std::shared_ptr<const newsx::securities>> missing = newsx::securities::load(dir + "/none.csv");
  failures += !list || (*list)->size() != 1 || missing;
  std::printf("shared consumer: %d failures\n", failures);
  return failures == 0 ? 0 : 1;
}
