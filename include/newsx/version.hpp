// newsx/version.hpp
#ifndef NEWSX_VERSION_HPP
#define NEWSX_VERSION_HPP

#include <string_view>

#include "newsx/export.hpp"

namespace newsx {

inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
inline constexpr int version_patch = 0;

/// "0.1.0": the version of the library linked in (may differ from the header's).
[[nodiscard]] NEWSX_API std::string_view version() noexcept;

}  // namespace newsx

#endif  // NEWSX_VERSION_HPP
