// newsx/securities.hpp - a securities list the user supplies, so that an
// article that names a company without its code still yields the code.
#ifndef NEWSX_SECURITIES_HPP
#define NEWSX_SECURITIES_HPP

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/export.hpp"
#include "newsx/result.hpp"

namespace newsx {

/// An immutable list of securities with their names and aliases, compiled
/// once into a multi-pattern matcher. Share one list between any number of
/// extractors and threads (options::securities holds a shared_ptr to it).
class NEWSX_API securities {
 public:
  /// CSV, one security a line: `symbol,name[,alias...]`, e.g.
  /// `600519.SH,贵州茅台,茅台`. Symbols are written as newsx writes them
  /// (600519.SH, 00700.HK, AAPL.US; 600519.SS, 0700.HK and the other text
  /// forms are read too). Blank lines and lines starting with # are skipped;
  /// fields may be quoted ("…"). A line whose symbol is no code is an
  /// error_code::invalid_options naming the line.
  [[nodiscard]] static result<std::shared_ptr<const securities>> from_csv(std::string_view csv);
  /// Reads the CSV from a file (error_code::read_failed when it cannot).
  [[nodiscard]] static result<std::shared_ptr<const securities>> load(const std::string& path);

  ~securities();
  securities(const securities&) = delete;
  securities& operator=(const securities&) = delete;

  /// How many securities the list holds.
  [[nodiscard]] std::size_t size() const noexcept;

  struct NEWSX_HIDDEN impl;
  /// For newsx itself: the compiled matcher.
  [[nodiscard]] const impl& internals() const noexcept { return *impl_; }

 private:
  securities();
  std::unique_ptr<impl> impl_;
};

}  // namespace newsx

#endif  // NEWSX_SECURITIES_HPP
