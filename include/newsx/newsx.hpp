/**
 * @file newsx.hpp
 * @brief newsx: news HTML and Jekyll-style posts in, typed articles out.
 *
 * One header for the whole public API. Neither gumbo nor ICU appears here.
 *
 * @code
 *   #include <newsx/newsx.hpp>
 *
 *   newsx::extractor ex;                        // reuse it: one per thread
 *   newsx::result<newsx::article> r = ex.extract(html_or_post);
 *   if (!r) { std::cerr << r.error().message << '\n'; return 1; }
 *   std::cout << r->title.value_or("") << '\n' << newsx::to_json(*r) << '\n';
 * @endcode
 */
#ifndef NEWSX_NEWSX_HPP
#define NEWSX_NEWSX_HPP

#include "newsx/article.hpp"
#include "newsx/export.hpp"
#include "newsx/extractor.hpp"
#include "newsx/options.hpp"
#include "newsx/output.hpp"
#include "newsx/result.hpp"
#include "newsx/securities.hpp"
#include "newsx/version.hpp"
#include "newsx/warc.hpp"

#endif  // NEWSX_NEWSX_HPP
