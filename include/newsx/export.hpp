// newsx/export.hpp - symbol visibility for the shared library.
#ifndef NEWSX_EXPORT_HPP
#define NEWSX_EXPORT_HPP

// The library is built with hidden visibility; the public API is marked.
// NEWSX_HIDDEN keeps the implementation classes nested in exported ones
// (their `impl`) out of the shared library's symbol table.
#if defined(_WIN32)
#define NEWSX_API
#define NEWSX_HIDDEN
#else
#define NEWSX_API __attribute__((visibility("default")))
#define NEWSX_HIDDEN __attribute__((visibility("hidden")))
#endif

#endif  // NEWSX_EXPORT_HPP
