// The compiled half of the Python package: newsx._newsx, built with pybind11
// either by setup.py (pip install .) or by CMake (NEWSX_BUILD_PYTHON=ON);
// python/newsx/__init__.py re-exports it. Articles come back as dicts with
// exactly the keys of the JSON output (they are the JSON, parsed), and the
// GIL is released while a document is read and extracted, so threads scale.
#include <pybind11/pybind11.h>
#include <pybind11/eval.h>  // ExtractError is defined in Python
#include <pybind11/stl.h>   // std::optional arguments

#include <newsx/newsx.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace py = pybind11;

namespace {

/// A view of str (as UTF-8) or bytes-like input; the object stays alive in
/// the caller's frame while the GIL is released.
std::string_view input_view(const py::object& data, std::string& copy) {
  if (PyUnicode_Check(data.ptr())) {
    Py_ssize_t n = 0;
    const char* s = PyUnicode_AsUTF8AndSize(data.ptr(), &n);
    if (s == nullptr) throw py::error_already_set();
    return {s, static_cast<std::size_t>(n)};
  }
  if (PyBytes_Check(data.ptr())) {
    char* s = nullptr;
    Py_ssize_t n = 0;
    PyBytes_AsStringAndSize(data.ptr(), &s, &n);
    return {s, static_cast<std::size_t>(n)};
  }
  // bytearray, memoryview...: copy, since the buffer could change
  py::buffer_info info = py::buffer(data).request();
  copy.assign(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
  return copy;
}

/// A str, bytes or os.PathLike path as the bytes the OS sees.
std::string fs_path(const py::object& path) {
  py::object p = py::module_::import("os").attr("fsencode")(path);
  return p.cast<std::string>();
}

// Leaked on purpose, like every cached Python object here: a static
// py::object would be destroyed after the interpreter is gone.
const py::object& extract_error_type() {
  static const py::object* type = nullptr;
  if (type == nullptr) type = new py::object(py::module_::import("newsx._newsx").attr("ExtractError"));
  return *type;
}

[[noreturn]] void raise_extract_error(const newsx::error& err) {
  const py::tuple args = py::make_tuple(std::string(newsx::error_name(err.code)), err.message);
  PyErr_SetObject(extract_error_type().ptr(), args.ptr());
  throw py::error_already_set();
}

py::object json_to_dict(const std::string& json) {
  static const py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(json);
}

/// A compiled securities list, shared by every Extractor given it.
struct py_securities {
  std::shared_ptr<const newsx::securities> list;

  static py_securities checked(newsx::result<std::shared_ptr<const newsx::securities>> r) {
    if (!r) throw py::value_error(r.error().message);
    return py_securities{*r};
  }
  static py_securities load(const py::object& path) {
    return checked(newsx::securities::load(fs_path(path)));
  }
  static py_securities from_csv(const std::string& csv) {
    return checked(newsx::securities::from_csv(csv));
  }
  /// Rows of (symbol, name, alias...) are written as the CSV the list reads,
  /// every field quoted, so a name may hold a comma or a quote.
  static py_securities from_rows(const py::iterable& rows) {
    std::string csv;
    for (const py::handle row : rows) {
      if (py::isinstance<py::str>(row) || py::isinstance<py::bytes>(row)) {
        throw py::type_error("securities rows are sequences like (symbol, name, alias...), not strings");
      }
      bool first = true;
      for (const py::handle field : py::iter(row)) {
        const std::string f = py::str(field).cast<std::string>();
        if (f.find_first_of("\r\n") != std::string::npos) {
          throw py::value_error("a securities field holds a line break: " + f);
        }
        if (!first) csv.push_back(',');
        first = false;
        csv.push_back('"');
        for (const char c : f) {
          if (c == '"') csv.push_back('"');
          csv.push_back(c);
        }
        csv.push_back('"');
      }
      csv.push_back('\n');
    }
    return from_csv(csv);
  }
  /// What Extractor(securities=...) accepts: a Securities, a path, or rows.
  static std::shared_ptr<const newsx::securities> from_argument(const py::object& arg) {
    if (arg.is_none()) return nullptr;
    if (py::isinstance<py_securities>(arg)) return arg.cast<const py_securities&>().list;
    const py::object path_like = py::module_::import("os").attr("PathLike");
    if (py::isinstance<py::str>(arg) || py::isinstance<py::bytes>(arg) || py::isinstance(arg, path_like)) {
      return load(arg).list;
    }
    if (py::isinstance<py::iterable>(arg)) return from_rows(arg).list;
    throw py::type_error("securities: a newsx.Securities, a path to a CSV, or rows of (symbol, name, alias...)");
  }
};

class py_extractor : public std::enable_shared_from_this<py_extractor> {
 public:
  /// decode_as: the charset every document is decoded as (empty: detect).
  /// Options out of range raise ValueError here, not at the first call.
  py_extractor(newsx::options opts, std::string decode_as)
      : ex_(checked(std::move(opts))), decode_as_(std::move(decode_as)) {}

  py::object extract(const py::object& data, std::optional<std::string> url,
                     std::optional<std::string> charset) {
    std::string copy;
    const std::string_view input = input_view(data, copy);
    newsx::document_hints hints;
    if (url) hints.url = *url;
    if (charset) hints.charset = *charset;
    std::string json;
    newsx::error err;
    bool ok = false;
    {
      py::gil_scoped_release unlocked;
      ok = run(input, hints, {}, json, err);
    }
    if (!ok) raise_extract_error(err);
    return json_to_dict(json);
  }

  /// One document with the given JSON options; thread-safe (one call at a
  /// time per extractor). Call without the GIL.
  bool run(std::string_view input, newsx::document_hints hints, const newsx::json_options& extra,
           std::string& json, newsx::error& err) {
    hints.decode_as = decode_as_;
    std::lock_guard<std::mutex> lock(mu_);
    newsx::result<newsx::article> r = ex_.extract(input, hints);
    if (!r) {
      err = r.error();
      return false;
    }
    newsx::json_options jo = extra;
    jo.pretty = false;
    json = newsx::to_json(*r, jo);
    return true;
  }

  [[nodiscard]] std::size_t max_input_bytes() const noexcept { return ex_.options().max_input_bytes; }

 private:
  static newsx::extractor checked(newsx::options opts) {
    newsx::result<newsx::extractor> r = newsx::extractor::create(std::move(opts));
    if (!r) throw py::value_error(r.error().message);
    return std::move(*r);
  }

  newsx::extractor ex_;
  std::string decode_as_;
  std::mutex mu_;
};

/// read_warc's iterator: the HTML responses of one archive as article dicts,
/// the records `extract --warc` prints (same skips, same keys).
class py_warc_iterator {
 public:
  py_warc_iterator(std::shared_ptr<py_extractor> ex, std::string path, bool keep_errors)
      : ex_(std::move(ex)), reader_(ex_->max_input_bytes()), path_(std::move(path)),
        keep_errors_(keep_errors) {
    if (!reader_.open(path_)) {
      PyErr_SetString(PyExc_OSError, reader_.error().c_str());
      throw py::error_already_set();
    }
  }

  py::object next() {
    std::string json;
    bool done = false;
    {
      py::gil_scoped_release unlocked;
      std::lock_guard<std::mutex> lock(mu_);
      done = step(json);
    }
    if (done) throw py::stop_iteration();
    return json_to_dict(json);
  }

 private:
  /// The next record's JSON: an article, or an error record (a damaged
  /// record, an HTML response over the limit, a page that failed) after
  /// which reading goes on, as `extract --warc` does; true at the end.
  bool step(std::string& json) {
    while (!finished_) {
      const newsx::warc_reader::status st = reader_.next(rec_);
      if (st == newsx::warc_reader::status::end) break;
      if (st == newsx::warc_reader::status::error) {
        json = newsx::error_to_json(newsx::error{reader_.error_kind(), reader_.error()}, path_, rec_.record_id,
                                    reader_.error_offset());
        return false;
      }
      const bool ok_status = rec_.http_status >= 200 && rec_.http_status < 300;
      if (!rec_.is_html_response() || (!ok_status && !keep_errors_)) continue;
      if (rec_.truncated) {
        json = newsx::error_to_json(
            newsx::error{newsx::error_code::input_too_large,
                         "HTML response at offset " + std::to_string(rec_.offset) + " is over the limit of " +
                             std::to_string(ex_->max_input_bytes()) + " bytes (max_input_bytes)"},
            path_, rec_.record_id, rec_.offset);
        return false;
      }
      newsx::document_hints hints;
      hints.url = rec_.target_uri;
      hints.charset = rec_.charset;
      hints.reference_time = rec_.date;  // relative times are read against the fetch
      newsx::json_options jo;
      jo.file = path_;
      jo.warc_record_id = rec_.record_id;
      jo.http_status = rec_.http_status;
      jo.fetch_date = rec_.date;
      newsx::error err;
      if (!ex_->run(rec_.payload, hints, jo, json, err)) {
        json = newsx::error_to_json(err, path_, rec_.record_id, rec_.offset);
      }
      return false;
    }
    finished_ = true;
    return true;
  }

  std::shared_ptr<py_extractor> ex_;
  newsx::warc_reader reader_;
  std::string path_;
  bool keep_errors_;
  bool finished_ = false;
  newsx::warc_record rec_;
  std::mutex mu_;
};

newsx::options make_options(const std::string& default_tz, std::size_t max_input_bytes,
                            std::size_t max_depth, bool sentences, bool normalize_width,
                            bool explain, const py::object& securities, std::size_t max_nodes = newsx::options{}.max_nodes,
                            std::size_t max_parse_bytes = newsx::options{}.max_parse_bytes,
                            const std::string& reference_time = {}, bool paragraph_look = true,
                            bool default_tz_all_pages = false) {
  newsx::options o;
  o.default_timezone_all_pages = default_tz_all_pages;
  o.paragraph_look = paragraph_look;
  o.max_nodes = max_nodes;
  o.max_parse_bytes = max_parse_bytes;
  o.reference_time = reference_time;
  o.default_timezone = default_tz;
  o.securities = py_securities::from_argument(securities);
  o.max_input_bytes = max_input_bytes;
  o.max_depth = max_depth;
  o.sentences = sentences;
  o.normalize_width = normalize_width;
  o.explain = explain;
  return o;
}

/// The module-level functions' extractor: one per thread and time zone,
/// reused across calls.
std::shared_ptr<py_extractor> cached_extractor(const std::string& default_tz) {
  thread_local std::shared_ptr<py_extractor> cached;
  thread_local std::string cached_tz;
  if (!cached || cached_tz != default_tz) {
    newsx::options o;
    o.default_timezone = default_tz;
    cached = std::make_shared<py_extractor>(o, std::string());
    cached_tz = default_tz;
  }
  return cached;
}

constexpr const char* k_extract_error_source = R"(
class ExtractError(ValueError):
    """A document newsx cannot extract.

    ``code`` is the error's stable name (``"empty_input"``, ``"binary_input"``,
    ``"input_too_large"``, ``"too_deep"``, ``"unsupported_charset"``,
    ``"read_failed"``, ...) and ``message`` says what was wrong; ``args`` is
    ``(code, message)``. A subclass of ValueError.
    """

    def __init__(self, code, message):
        super().__init__(code, message)

    @property
    def code(self):
        """The error's name, e.g. "binary_input"."""
        return self.args[0]

    @property
    def message(self):
        """What was wrong, for people."""
        return self.args[1]

    def __str__(self):
        return f"{self.args[0]}: {self.args[1]}"
)";

constexpr const char* k_read_warc_doc =
    "Iterates over the HTML responses of a WARC archive (.warc, .warc.gz or .warc.zst, one member\n"
    "or frame per record or one for the whole file), one dict per record: the article's keys after\n"
    "\"file\" (the path), \"warc_record_id\", \"http_status\" and \"fetch_date\" (the record's\n"
    "WARC-Date) -- the records `extract --warc PATH` prints. A record that cannot be read or\n"
    "extracted (a damaged record, an HTML response over max_input_bytes, a page that fails) is a\n"
    "dict {\"file\", \"warc_record_id\", \"warc_offset\", \"error\", \"message\"}, and reading goes\n"
    "on with the next record. Responses that are not HTML or (unless keep_errors) not 2xx are\n"
    "skipped. Relative dates are read against each record's WARC-Date. Memory use is one\n"
    "record. Raises OSError when the file cannot be opened.";

}  // namespace

PYBIND11_MODULE(_newsx, m) {
  m.doc() = "The compiled part of newsx; use the newsx package.";
  m.attr("__version__") = std::string(newsx::version());

  py::dict ns;
  ns["__builtins__"] = py::module_::import("builtins");
  ns["__name__"] = "newsx";  // the class's __module__: pickled by dask workers as newsx.ExtractError
  py::exec(k_extract_error_source, ns);
  m.attr("ExtractError") = ns["ExtractError"];

  py::class_<py_securities>(m, "Securities",
                            "A securities list (your security master), compiled once into one "
                            "multi-pattern matcher and shared by every Extractor given it: an "
                            "article that names a listed company without its code still yields "
                            "the code.")
      .def(py::init(&py_securities::from_rows), py::arg("rows"),
           "From rows of (symbol, name, alias...), e.g. [(\"600519.SH\", \"贵州茅台\", \"茅台\")]. "
           "Symbols are written as newsx writes them (600519.SH, 00700.HK, AAPL.US; 600519.SS, "
           "0700.HK and the other text forms are read too). A symbol that is no code raises "
           "ValueError.")
      .def_static("load", &py_securities::load, py::arg("path"),
                  "Reads a CSV file of symbol,name[,alias...] lines (the file `extract "
                  "--securities` reads; blank lines and lines starting with # are skipped, fields "
                  "may be quoted). ValueError when it cannot be read or a line is wrong.")
      .def_static("from_csv", &py_securities::from_csv, py::arg("text"),
                  "The same CSV as load(), given as a string.")
      .def("__len__", [](const py_securities& s) { return s.list->size(); },
           "How many securities the list holds.")
      .def("__repr__", [](const py_securities& s) {
        return "<newsx.Securities of " + std::to_string(s.list->size()) + ">";
      });

  const newsx::options defaults;
  py::class_<py_extractor, std::shared_ptr<py_extractor>>(
      m, "Extractor",
      "A reusable extractor; it owns its buffers and converters. Keep one per thread for speed "
      "(calls on one Extractor are serialised).")
      .def(py::init([](const std::string& default_tz, const std::string& charset,
                       std::size_t max_input_bytes, std::size_t max_depth, bool sentences,
                       const py::object& securities, bool normalize_width, bool explain,
                       std::size_t max_nodes, std::size_t max_parse_bytes, const std::string& reference_time,
                       bool paragraph_look, bool default_tz_all_pages) {
             return std::make_shared<py_extractor>(
                 make_options(default_tz, max_input_bytes, max_depth, sentences, normalize_width,
                              explain, securities, max_nodes, max_parse_bytes, reference_time,
                              paragraph_look, default_tz_all_pages),
                 charset);
           }),
           py::arg("default_tz") = defaults.default_timezone, py::arg("charset") = "",
           py::arg("max_input_bytes") = defaults.max_input_bytes,
           py::arg("max_depth") = defaults.max_depth, py::arg("sentences") = true,
           py::arg("securities") = py::none(), py::arg("normalize_width") = false,
           py::arg("explain") = false, py::arg("max_nodes") = defaults.max_nodes,
           py::arg("max_parse_bytes") = defaults.max_parse_bytes, py::arg("reference_time") = "",
           py::arg("paragraph_look") = true, py::arg("default_tz_all_pages") = false,
           "default_tz: the offset of times that carry none on Chinese pages (\"+08:00\", "
           "\"-05:00\", \"Z\"; \"\" leaves them without one); default_tz_all_pages: on every "
           "page. charset: decode every document as this (\"\" detects). "
           "securities: a newsx.Securities, the path of a CSV of symbol,name[,alias...], or rows "
           "of (symbol, name, alias...). sentences: fill each body block's sentences. "
           "normalize_width: fold full-width letters and digits to ASCII in the text. explain: "
           "add \"candidates\", every value each field could have taken. max_nodes, "
           "max_parse_bytes: a page with more elements and text runs, or whose parse needs more "
           "memory, raises ExtractError (\"too_many_nodes\", \"out_of_memory\"); see docs/limits.md. "
           "reference_time: when the documents were fetched (ISO 8601), for relative dates "
           "(\"3小时前\"); without it they give no date. paragraph_look: False chooses the content by "
           "its element alone (faster, less recall). A bad default_tz, reference_time or "
           "securities list raises ValueError.")
      .def("extract", &py_extractor::extract, py::arg("data"), py::arg("url") = py::none(),
           py::arg("charset") = py::none(),
           "Extracts one document (str, or bytes in any charset: a post with front matter, a "
           "whole HTML page, or plain text); returns a dict with the keys of extract's JSON. "
           "url and charset are what is known from outside (the address it was fetched from, "
           "the HTTP charset). Raises ExtractError when the document cannot be extracted.")
      .def(
          "read_warc",
          [](py_extractor& self, const py::object& path, bool keep_errors) {
            return std::make_unique<py_warc_iterator>(self.shared_from_this(), fs_path(path),
                                                      keep_errors);
          },
          py::arg("path"), py::arg("keep_errors") = false, k_read_warc_doc);

  py::class_<py_warc_iterator>(m, "WarcReader", "The iterator read_warc() returns.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &py_warc_iterator::next);

  m.def(
      "extract",
      [](const py::object& data, std::optional<std::string> url, const std::string& default_tz,
         std::optional<std::string> charset) {
        return cached_extractor(default_tz)->extract(data, std::move(url), std::move(charset));
      },
      py::arg("data"), py::arg("url") = py::none(), py::arg("default_tz") = "+08:00",
      py::arg("charset") = py::none(),
      "Extracts one document (str or bytes) with a per-thread default Extractor and returns a "
      "dict with the keys of extract's JSON. A bad default_tz raises ValueError; a document "
      "that cannot be extracted raises ExtractError.");

  m.def(
      "read_warc",
      [](const py::object& path, const std::string& default_tz, bool keep_errors) {
        newsx::options o;
        o.default_timezone = default_tz;
        // its own extractor: a loop over an archive may call extract() meanwhile
        return std::make_unique<py_warc_iterator>(std::make_shared<py_extractor>(o, std::string()),
                                                  fs_path(path), keep_errors);
      },
      py::arg("path"), py::arg("default_tz") = "+08:00", py::arg("keep_errors") = false,
      k_read_warc_doc);
}
