// The Python binding: newsx.extract() and newsx.Extractor, built with
// pybind11 (NEWSX_BUILD_PYTHON=ON). Articles come back as dicts with exactly
// the keys of the JSON output (they are the JSON, parsed), and the GIL is
// released while a document is extracted, so threads scale.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // std::optional arguments

#include <newsx/newsx.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

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

class py_extractor {
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
    hints.decode_as = decode_as_;
    std::string json;
    newsx::error err;
    bool ok = false;
    {
      py::gil_scoped_release unlocked;
      std::lock_guard<std::mutex> lock(mu_);  // one extractor serves one call at a time
      newsx::result<newsx::article> r = ex_.extract(input, hints);
      ok = static_cast<bool>(r);
      if (ok) {
        newsx::json_options jo;
        jo.pretty = false;
        json = newsx::to_json(*r, jo);
      } else {
        err = r.error();
      }
    }
    if (!ok) {
      const py::object error_type = py::module_::import("newsx").attr("ExtractError");
      const py::tuple args = py::make_tuple(std::string(newsx::error_name(err.code)), err.message);
      PyErr_SetObject(error_type.ptr(), args.ptr());
      throw py::error_already_set();
    }
    // Leaked on purpose: a static py::object would be destroyed after the
    // interpreter is gone.
    static const py::object* loads = new py::object(py::module_::import("json").attr("loads"));
    return (*loads)(json);
  }

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

newsx::options make_options(const std::string& default_tz, std::size_t max_input_bytes,
                            std::size_t max_depth, bool sentences,
                            const std::optional<std::string>& securities) {
  newsx::options o;
  o.default_timezone = default_tz;
  if (securities) {
    newsx::result<std::shared_ptr<const newsx::securities>> list = newsx::securities::load(*securities);
    if (!list) throw py::value_error(list.error().message);
    o.securities = *list;
  }
  o.max_input_bytes = max_input_bytes;
  o.max_depth = max_depth;
  o.sentences = sentences;
  return o;
}

}  // namespace

PYBIND11_MODULE(newsx, m) {
  m.doc() = "newsx: news HTML and Jekyll-style posts in, typed articles out";
  m.attr("__version__") = std::string(newsx::version());

  // ExtractError(code, message): code is the error name, e.g. "binary_input".
  py::object builtins = py::module_::import("builtins");
  py::object error_type = builtins.attr("type")(
      "ExtractError", py::make_tuple(builtins.attr("ValueError")),
      py::dict(py::arg("__module__") = "newsx",
               py::arg("__doc__") = "Raised when a document cannot be extracted; "
                                    "args are (error name, message)."));
  m.attr("ExtractError") = error_type;

  const newsx::options defaults;
  py::class_<py_extractor>(m, "Extractor",
                           "A reusable extractor; it owns its buffers and converters. Keep one "
                           "per thread for speed (calls on one Extractor are serialised).")
      .def(py::init([](const std::string& default_tz, const std::string& charset,
                       std::size_t max_input_bytes, std::size_t max_depth, bool sentences,
                       const std::optional<std::string>& securities) {
             return std::make_unique<py_extractor>(
                 make_options(default_tz, max_input_bytes, max_depth, sentences, securities), charset);
           }),
           py::arg("default_tz") = defaults.default_timezone, py::arg("charset") = "",
           py::arg("max_input_bytes") = defaults.max_input_bytes,
           py::arg("max_depth") = defaults.max_depth, py::arg("sentences") = true,
           py::arg("securities") = py::none(),
           "securities: the path of a CSV of symbol,name[,alias...]; articles that name a listed "
           "company without its code then yield the code. A bad default_tz or list raises ValueError.")
      .def("extract", &py_extractor::extract, py::arg("data"), py::arg("url") = py::none(),
           py::arg("charset") = py::none(),
           "Extracts one document (str or bytes); returns a dict with the JSON's keys.");

  m.def(
      "extract",
      [](const py::object& data, std::optional<std::string> url, const std::string& default_tz,
         std::optional<std::string> charset) {
        // one extractor per thread and time zone, reused across calls
        thread_local std::unique_ptr<py_extractor> cached;
        thread_local std::string cached_tz;
        if (!cached || cached_tz != default_tz) {
          newsx::options o;
          o.default_timezone = default_tz;
          cached = std::make_unique<py_extractor>(o, std::string());
          cached_tz = default_tz;
        }
        return cached->extract(data, std::move(url), std::move(charset));
      },
      py::arg("data"), py::arg("url") = py::none(), py::arg("default_tz") = "+08:00",
      py::arg("charset") = py::none(),
      "Extracts one document (str or bytes) and returns a dict with the JSON's keys.");
}
