// newsx's own HTML tag identifiers. gumbo's GumboTag is an implementation
// detail of src/parse/: its numbering changes between gumbo releases (0.13
// inserts a tag in the middle of the enum), so the rest of newsx sees this
// enum, mapped from gumbo by tag *name* when the tree is translated.
#ifndef NEWSX_PARSE_TAG_HPP
#define NEWSX_PARSE_TAG_HPP

#include <cstdint>
#include <string_view>

namespace newsx::dom {

// Every tag of the HTML standard (and the legacy ones parsers know), in
// alphabetical order; the order carries no meaning.
#define NEWSX_HTML_TAGS(X) \
  X(a, "a") \
  X(abbr, "abbr") \
  X(acronym, "acronym") \
  X(address, "address") \
  X(annotation_xml, "annotation-xml") \
  X(applet, "applet") \
  X(area, "area") \
  X(article, "article") \
  X(aside, "aside") \
  X(audio, "audio") \
  X(b, "b") \
  X(base, "base") \
  X(basefont, "basefont") \
  X(bdi, "bdi") \
  X(bdo, "bdo") \
  X(bgsound, "bgsound") \
  X(big, "big") \
  X(blink, "blink") \
  X(blockquote, "blockquote") \
  X(body, "body") \
  X(br, "br") \
  X(button, "button") \
  X(canvas, "canvas") \
  X(caption, "caption") \
  X(center, "center") \
  X(cite, "cite") \
  X(code, "code") \
  X(col, "col") \
  X(colgroup, "colgroup") \
  X(data, "data") \
  X(datalist, "datalist") \
  X(dd, "dd") \
  X(del, "del") \
  X(desc, "desc") \
  X(details, "details") \
  X(dfn, "dfn") \
  X(dir, "dir") \
  X(div, "div") \
  X(dl, "dl") \
  X(dt, "dt") \
  X(em, "em") \
  X(embed, "embed") \
  X(fieldset, "fieldset") \
  X(figcaption, "figcaption") \
  X(figure, "figure") \
  X(font, "font") \
  X(footer, "footer") \
  X(foreignobject, "foreignobject") \
  X(form, "form") \
  X(frame, "frame") \
  X(frameset, "frameset") \
  X(h1, "h1") \
  X(h2, "h2") \
  X(h3, "h3") \
  X(h4, "h4") \
  X(h5, "h5") \
  X(h6, "h6") \
  X(head, "head") \
  X(header, "header") \
  X(hgroup, "hgroup") \
  X(hr, "hr") \
  X(html, "html") \
  X(i, "i") \
  X(iframe, "iframe") \
  X(image, "image") \
  X(img, "img") \
  X(input, "input") \
  X(ins, "ins") \
  X(isindex, "isindex") \
  X(kbd, "kbd") \
  X(keygen, "keygen") \
  X(label, "label") \
  X(legend, "legend") \
  X(li, "li") \
  X(link, "link") \
  X(listing, "listing") \
  X(main, "main") \
  X(malignmark, "malignmark") \
  X(map, "map") \
  X(mark, "mark") \
  X(marquee, "marquee") \
  X(math, "math") \
  X(menu, "menu") \
  X(menuitem, "menuitem") \
  X(meta, "meta") \
  X(meter, "meter") \
  X(mglyph, "mglyph") \
  X(mi, "mi") \
  X(mn, "mn") \
  X(mo, "mo") \
  X(ms, "ms") \
  X(mtext, "mtext") \
  X(multicol, "multicol") \
  X(nav, "nav") \
  X(nextid, "nextid") \
  X(nobr, "nobr") \
  X(noembed, "noembed") \
  X(noframes, "noframes") \
  X(noscript, "noscript") \
  X(object, "object") \
  X(ol, "ol") \
  X(optgroup, "optgroup") \
  X(option, "option") \
  X(output, "output") \
  X(p, "p") \
  X(param, "param") \
  X(plaintext, "plaintext") \
  X(pre, "pre") \
  X(progress, "progress") \
  X(q, "q") \
  X(rb, "rb") \
  X(rp, "rp") \
  X(rt, "rt") \
  X(rtc, "rtc") \
  X(ruby, "ruby") \
  X(s, "s") \
  X(samp, "samp") \
  X(script, "script") \
  X(section, "section") \
  X(select, "select") \
  X(small, "small") \
  X(source, "source") \
  X(spacer, "spacer") \
  X(span, "span") \
  X(strike, "strike") \
  X(strong, "strong") \
  X(style, "style") \
  X(sub, "sub") \
  X(summary, "summary") \
  X(sup, "sup") \
  X(svg, "svg") \
  X(table, "table") \
  X(tbody, "tbody") \
  X(td, "td") \
  X(template_, "template") \
  X(textarea, "textarea") \
  X(tfoot, "tfoot") \
  X(th, "th") \
  X(thead, "thead") \
  X(time, "time") \
  X(title, "title") \
  X(tr, "tr") \
  X(track, "track") \
  X(tt, "tt") \
  X(u, "u") \
  X(ul, "ul") \
  X(var, "var") \
  X(video, "video") \
  X(wbr, "wbr") \
  X(xmp, "xmp")


enum class html_tag : std::uint8_t {
  unknown,  ///< a tag outside the list (custom elements, newer tags): see dom::tag_name
#define NEWSX_TAG_ENUM(ident, name) ident,
  NEWSX_HTML_TAGS(NEWSX_TAG_ENUM)
#undef NEWSX_TAG_ENUM
};

/// The lower-case name of a known tag; empty for html_tag::unknown.
[[nodiscard]] std::string_view html_tag_name(html_tag t) noexcept;

/// The tag with this lower-case name, or html_tag::unknown.
[[nodiscard]] html_tag html_tag_from_name(std::string_view lower_name) noexcept;

/// An element that starts a block of its own (a paragraph, heading, list,
/// table, section…) rather than running inside a line of text.
[[nodiscard]] constexpr bool is_block_tag(html_tag t) noexcept {
  switch (t) {
    case html_tag::p: case html_tag::div: case html_tag::section: case html_tag::article:
    case html_tag::main: case html_tag::header: case html_tag::footer: case html_tag::aside:
    case html_tag::nav: case html_tag::h1: case html_tag::h2: case html_tag::h3:
    case html_tag::h4: case html_tag::h5: case html_tag::h6: case html_tag::li:
    case html_tag::ul: case html_tag::ol: case html_tag::dl: case html_tag::dt:
    case html_tag::dd: case html_tag::blockquote: case html_tag::pre: case html_tag::table:
    case html_tag::tbody: case html_tag::thead: case html_tag::tfoot: case html_tag::tr:
    case html_tag::td: case html_tag::th: case html_tag::caption: case html_tag::figure:
    case html_tag::figcaption: case html_tag::center: case html_tag::address:
    case html_tag::hr: case html_tag::form: case html_tag::fieldset: case html_tag::details:
    case html_tag::summary: case html_tag::body: case html_tag::html: case html_tag::legend:
      return true;
    default:
      return false;
  }
}

}  // namespace newsx::dom

#endif  // NEWSX_PARSE_TAG_HPP
