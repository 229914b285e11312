// The extract stage for posts: what a post's front matter, digest lead and
// trailing links say, as candidates (title, date, author, source, url) and
// the fields only posts have (categories, tags, summary).
#ifndef NEWSX_EXTRACT_FRONT_MATTER_HPP
#define NEWSX_EXTRACT_FRONT_MATTER_HPP

#include "decode/post.hpp"
#include "extract/facts.hpp"
#include "newsx/article.hpp"

namespace newsx::extract {

/// Adds the post's candidates to found and fills a.categories, a.tags and
/// a.summary; a date that is not one becomes a warning.
void read_front_matter(const decode::post_parts& post, const date_context& dates, article& a,
                       facts& found);

}  // namespace newsx::extract

#endif  // NEWSX_EXTRACT_FRONT_MATTER_HPP
