// Giving memory back after a large document: a reusable extractor keeps its
// buffers between documents (that is what makes it fast), but one buffer
// grown for a 50 MB page must not stay that size for the rest of a crawl.
#ifndef NEWSX_UTIL_MEMORY_HPP
#define NEWSX_UTIL_MEMORY_HPP

#include <cstddef>

namespace newsx::util {

/// Buffers above this many bytes are released after a document, not kept.
inline constexpr std::size_t retained_buffer_bytes = std::size_t{4} << 20;

/// Empties c and frees its storage when its capacity passed the mark.
/// Returns whether it did.
template <class Container>
bool release_if_over(Container& c, std::size_t bytes = retained_buffer_bytes) {
  if (c.capacity() * sizeof(typename Container::value_type) <= bytes) return false;
  Container().swap(c);
  return true;
}

}  // namespace newsx::util

#endif  // NEWSX_UTIL_MEMORY_HPP
