// newsx/extractor.hpp - the reusable extraction engine.
#ifndef NEWSX_EXTRACTOR_HPP
#define NEWSX_EXTRACTOR_HPP

#include <memory>
#include <string>
#include <type_traits>
#include <string_view>
#include <vector>

#include "newsx/article.hpp"
#include "newsx/options.hpp"
#include "newsx/result.hpp"

namespace newsx {

/// What the caller knows about one document from outside it, e.g. from the
/// HTTP response or the crawl record.
struct document_hints {
  std::string_view url;        ///< the address it was fetched from; beats what the page says
  std::string_view charset;    ///< the HTTP Content-Type charset; checked against the bytes
  std::string_view decode_as;  ///< the caller's decision ("GBK"): used unless a BOM says otherwise
  /// When this document was fetched (a WARC-Date, an HTTP Date), in the form
  /// of options::reference_time, which it overrides; one that is no such time
  /// is ignored with a warning.
  std::string_view reference_time;
};

/// Turns one document at a time into an article.
///
/// An extractor owns its parse arena, ICU converters and break iterators and
/// reuses them from call to call, so keep one per thread and feed it many
/// documents. It is movable, not copyable, and not safe to share between
/// threads; separate extractors share nothing mutable.
class NEWSX_API extractor {
 public:
  /// An extractor for these options, or error_code::invalid_options naming
  /// the first bad one (e.g. a default_timezone that is no UTC offset).
  [[nodiscard]] static result<extractor> create(newsx::options opts);

  extractor();
  /// Prefer create(): with invalid options every extract() returns the
  /// invalid_options error.
  explicit extractor(newsx::options opts);
  ~extractor();
  extractor(extractor&&) noexcept;
  extractor& operator=(extractor&&) noexcept;
  extractor(const extractor&) = delete;
  extractor& operator=(const extractor&) = delete;

  /// Extracts an article from a Jekyll-style post (front matter + HTML or
  /// text body), a whole HTML page in any charset, or plain text.
  /// The input is only read during the call.
  [[nodiscard]] result<article> extract(std::string_view input);
  [[nodiscard]] result<article> extract(std::string_view input, const document_hints& hints);

  /// ICU sentence boundaries of a UTF-8 text, as views into it.
  [[nodiscard]] std::vector<std::string_view> sentences(std::string_view utf8_text);
  /// A temporary std::string does not compile: the views would point into
  /// it after it died at the end of the statement.
  template <class String,
            std::enable_if_t<std::is_same_v<std::remove_cv_t<String>, std::string>, int> = 0>
  std::vector<std::string_view> sentences(String&& utf8_text) = delete;

  [[nodiscard]] const newsx::options& options() const noexcept;

 private:
  struct NEWSX_HIDDEN impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace newsx

#endif  // NEWSX_EXTRACTOR_HPP
