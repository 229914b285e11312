// newsx/export.hpp - symbol visibility for the shared library.
#ifndef NEWSX_EXPORT_HPP
#define NEWSX_EXPORT_HPP

// The library is built with hidden visibility; the public API is marked.
#if defined(_WIN32)
#define NEWSX_API
#else
#define NEWSX_API __attribute__((visibility("default")))
#endif

#endif  // NEWSX_EXPORT_HPP
