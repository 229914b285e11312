// extract stage, content recall: which element holds the story on pages of
// kinds nobody tuned for (how-to steps, layout left open, repeated lines).
#include <doctest/doctest.h>

#include <string>

#include "newsx/extractor.hpp"

using namespace newsx;

namespace {

std::string p(std::string_view t) { return "<p>" + std::string(t) + "</p>"; }

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::size_t count(const std::string& s, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

/// JSON-LD of the story with its authors, e.g. {"@type":"Person","name":"Toni Marsh"}.
std::string story_ld(std::string_view authors) {
  return "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Harbour wall to be "
         "rebuilt\",\"author\":" + std::string(authors) + "}</script>";
}

article extract_page(const std::string& html) {
  extractor ex;
  result<article> a = ex.extract(html);
  REQUIRE(a);
  return *a;
}

const char* const story[] = {
    "The council voted on Tuesday to rebuild the old harbour wall, which storms broke twice last "
    "winter, and to pay for the work from the flood fund that the town set up after the great "
    "storm of the year before.",
    "Engineers told the meeting that the new wall would stand two metres higher than the old one, "
    "that it would be built of stone from the quarry above the town, and that work could begin "
    "in the spring.",
    "Residents who had waited three years for a decision cheered when the vote was read out, "
    "though some of them asked why it had taken so long and who would pay if the cost rose "
    "again.",
    "The mayor said the delay came from a dispute over who owned the land under the wall, which "
    "the courts settled only in August, after the harbour board and the town had both claimed "
    "it.",
};

}  // namespace

TEST_CASE("repeated lines: a picture's caption once, the story's own lines every time") {
  const std::string caption =
      "The harbour wall after the second storm of the winter, seen from the north quay at low tide";
  const std::string step_line = "Soak the beans overnight in plenty of cold water.";
  const std::string html =
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>"
      "<figure><img src='/a.jpg'><figcaption>" + caption + "</figcaption></figure>" +
      p(story[0]) + p(story[1]) + "<h2>Monday</h2>" + p(step_line) + p(story[2]) + "<h2>Tuesday</h2>" +
      p(step_line) + p(story[3]) +
      "<div class='gallery'><img src='/a.jpg'><p>" + caption + "</p></div></article></body></html>";
  const article a = extract_page(html);
  CHECK(count(a.text, caption) == 1);
  CHECK(count(a.text, step_line) == 2);
  // a long paragraph first met as prose, then again under a picture, is the page's own both times
  const std::string intro(story[0]);
  const article b = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(intro) +
                                 p(story[1]) + "<h2>The plan</h2><p><img src='/b.jpg'></p>" + p(intro) +
                                 p(story[2]) + "</article></body></html>");
  CHECK(count(b.text, intro) == 2);
}

TEST_CASE("chrome by tag or role that holds the story is not chrome") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  const std::string menu =
      "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>";
  // two banners never closed: the parser nests the article inside them
  const article open_banner = extract_page(
      "<html><body><header role='banner'><div class='logo'>The Coast Courier</div>" + menu +
      "<header role='banner'><p class='tag'>Local news since 1901</p>"
      "<article><h1>Harbour wall to be rebuilt</h1>" + paras + "</article></body></html>");
  CHECK(has(open_banner.text, "The council voted"));
  CHECK(has(open_banner.text, "claimed it."));
  CHECK_FALSE(has(open_banner.text, "Sport"));
  CHECK(open_banner.is_article);
  // a story opened in a modal, over a stream of teasers
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<li><a href='/s/" + std::to_string(i) + "'>Another story from the coast, number " +
               std::to_string(i) + "</a><p>A short summary of that other story.</p></li>";
  }
  const article modal = extract_page(
      "<html><body><div class='stream'><ul>" + teasers + "</ul></div>"
      "<div class='modal-open' role='dialog'><article><h1>Harbour wall to be rebuilt</h1>" + paras +
      "</article></div></body></html>");
  CHECK(has(modal.text, "The council voted"));
  CHECK_FALSE(has(modal.text, "summary of that other"));
  // a consent dialog stays chrome: it is no story, and not most of the page
  const article consent = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + paras +
      "</article><div class='cookie-banner' role='dialog'><p>We and our partners use cookies to "
      "store and read information on your device, to measure the audience of our pages and to "
      "show you offers that suit you, which you may refuse at any time in the settings.</p>"
      "</div></body></html>");
  CHECK(has(consent.text, "The council voted"));
  CHECK_FALSE(has(consent.text, "cookies"));
}

TEST_CASE("hidden text: a hidden paragraph goes, a story hidden until scripts run stays") {
  const std::string hidden_para =
      "This paragraph was hidden by the editors and is not part of what the page shows to its "
      "readers, though it is long enough and has the punctuation of prose, which made it look like "
      "article text to a rule that counted characters alone; it stays out, as the page asked, "
      "however much prose it has and whatever it says about the harbour wall.";
  const article a = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
                                 p(story[1]) + "<p style='display:none'>" + hidden_para + "</p>" +
                                 p(story[2]) + "</article></body></html>");
  CHECK(has(a.text, "The council voted"));
  CHECK_FALSE(has(a.text, "hidden by the editors"));
  std::string paras;
  for (const char* s : story) paras += p(s);
  const article b = extract_page(
      "<html><body><div class='top'><a href='/'>Home</a></div><div id='js_content' "
      "style='visibility: hidden'><h1>Harbour wall to be rebuilt</h1>" + paras + "</div></body></html>");
  CHECK(has(b.text, "The council voted"));
  CHECK(has(b.text, "claimed it."));
  // a hidden block that holds most of the prose, beside a visible story of its own, still goes
  const article c = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>"
                                 "<div style='visibility: hidden'>" + p(hidden_para) + p(hidden_para) +
                                 "</div><h2>The vote</h2><div>" + p(story[0]) + p(story[1]) +
                                 "</div></article></body></html>");
  CHECK(has(c.text, "The council voted"));
  CHECK_FALSE(has(c.text, "hidden by the editors"));
}

TEST_CASE("a how-to keeps its steps, not only the intro under the headline") {
  const char* steps[] = {
      "Choose a day when the tide is low in the morning, so that the sand below the wall is dry "
      "and firm enough to carry a ladder and a bucket of mortar.",
      "Rake out the loose mortar between the stones to the depth of a thumb, and brush the dust "
      "away with a stiff brush before you wet the joints with a sponge.",
      "Press the new mortar into the joints with a pointing trowel, working from the top of the "
      "wall down, and scrape off what spills over before it sets.",
      "Cover the finished stretch with damp sacking for two days, so that the mortar cures slowly "
      "and does not crack in the wind that comes off the sea.",
  };
  std::string html =
      "<html><body><h1>How to repoint a sea wall</h1><article><div class='step'><div class='text'>"
      "<div class='body intro'>" +
      p(story[0]) + "</div></div></div>";
  for (const char* s : steps) {
    html += "<span><span><div class='step'><div class='text'><div class='body'><span>" + p(s) +
            "</span></div></div></div></span></span>";
  }
  html += "</article><div class='rail'><a href='/a'>More how-tos</a></div></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "The council voted"));
  CHECK(has(a.text, "Rake out the loose mortar"));
  CHECK(has(a.text, "damp sacking"));
  // the intro's section carries a modifier class ("content lead"), the
  // steps' the bare one: they are chunks of one story
  std::string chunks = "<html><body><h1>How to repoint a sea wall</h1><div class='main-col'>"
                       "<div class='step'><div class='step-box'><div class='content lead'>" +
                       p(story[0]) + p(story[1]) + "</div></div></div>";
  for (const char* s : steps) {
    chunks += "<div class='step'><div class='step-box'><div class='content'>" + p(s) + "</div></div></div>";
  }
  chunks += "</div><div class='rail'><a href='/a'>More how-tos</a></div></body></html>";
  const article b = extract_page(chunks);
  CHECK(has(b.text, "Engineers told"));
  CHECK(has(b.text, "Rake out the loose mortar"));
  CHECK(has(b.text, "damp sacking"));
}

TEST_CASE("a post shown only inside <noscript> or <template> is the story") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  const std::string shell =
      "<html><head><title>Harbour wall to be rebuilt</title></head><body><nav><a href='/'>Home</a> "
      "<a href='/about'>About</a></nav><div id='app'></div><script>render()</script>";
  const article in_noscript = extract_page(shell + "<noscript><article><h1>Harbour wall to be rebuilt</h1>" +
                                           paras + "</article></noscript></body></html>");
  CHECK(has(in_noscript.text, "The council voted"));
  CHECK(has(in_noscript.text, "claimed it."));
  CHECK(in_noscript.is_article);
  const article in_template = extract_page(shell + "<template id='post'><div class='post'>" + paras +
                                           "</div></template></body></html>");
  CHECK(has(in_template.text, "The council voted"));
  // a visible story keeps its place: a <noscript> beside it stays out
  const article visible = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + paras +
      "</article><noscript><p>" + std::string(story[0]) + " Please turn on scripts to read the comments "
      "of our readers on this story and to join the discussion.</p></noscript></body></html>");
  CHECK(has(visible.text, "claimed it."));
  CHECK_FALSE(has(visible.text, "turn on scripts"));
}

TEST_CASE("a feed of other posts after the story stays out") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  const char* others[] = {
      "The ferry company says it will add two sailings a day from June, as the summer crowds grow "
      "and the car park on the quay fills before nine in the morning on most weekends. The "
      "company will also run a late boat on Fridays and Saturdays until the end of September.",
      "A survey of the old lighthouse found the tower sound, though the lamp room needs a new roof "
      "and the keeper's cottage a new chimney before the winter storms come back. The trust that "
      "owns it hopes to open the tower to visitors again by the summer after next.",
      "The school on the hill will open a sailing club for pupils, paid for by a local trust that "
      "also bought four dinghies and a safety boat for the harbour's beginners. Lessons will be "
      "given on Wednesday afternoons by two instructors from the yacht club across the bay.",
      "Traders on the quay want longer opening hours on Sundays through the summer season, and the "
      "council will hear them at its next meeting before the end of the month. Most of the shops "
      "now close at four, an hour before the last ferry brings the day visitors back.",
  };
  std::string feed;
  for (int i = 0; i < 4; ++i) {
    feed += "<article class='post entry'><div><a href='/p/" + std::to_string(i) + "'>Read</a></div>" +
            p(others[i]) + "</article>";
  }
  const article a = extract_page(
      "<html><body><div id='primary'><article class='post entry'><h1>Harbour wall to be rebuilt</h1>" +
      paras + "</article><article class='post entry list'><h3>You may also like</h3>" + feed +
      "</article></div></body></html>");
  CHECK(has(a.text, "The council voted"));
  CHECK(has(a.text, "claimed it."));
  CHECK_FALSE(has(a.text, "ferry company"));
  CHECK_FALSE(has(a.text, "lighthouse"));
}

TEST_CASE("a story cut into sections of the same class, deep under their common ancestor") {
  const char* more[] = {
      "The harbour board said on Wednesday that it would not appeal, and that it would hand over "
      "its records of the wall's repairs since the war, which go back to the first survey of the "
      "quay.",
      "Divers will inspect the foundations in March, when the water is clearest, and the results "
      "will decide whether the new wall can stand on the old footings or needs piles of its own.",
  };
  auto section = [&](const std::string& paras) {
    return "<div class='part'><section class='outer'><div class='wrap'><div class='col'>"
           "<div class='text wysiwyg'>" + paras + "</div></div></div></section></div>";
  };
  const std::string html = "<html><body><h1>Harbour wall to be rebuilt</h1><div id='postBody'>" +
                           section(p(story[0]) + p(story[1]) + p(story[2])) +
                           "<div class='ad'>Advertisement</div>" + section(p(more[0]) + p(story[3])) +
                           section(p(more[1])) +
                           "</div><footer><a href='/'>Home</a></footer></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "The council voted"));
  CHECK(has(a.text, "would not appeal"));
  CHECK(has(a.text, "Divers will inspect"));
}

TEST_CASE("the largest table or list is not the story: members, signatories, references") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  std::string members;
  for (int i = 0; i < 60; ++i) {
    members += "<tr><td>Member " + std::to_string(i) + " for the northern coast</td><td>Coastal Party, "
               "elected in " + std::to_string(1990 + i % 30) + ", chair of a committee.</td><td>North "
               "Quay and the bay, " + std::to_string(1000 + i) + " voters.</td></tr>";
  }
  const article table = extract_page("<html><body><h1>Harbour wall to be rebuilt</h1><div class='story'>" +
                                     paras + "</div><div><table>" + members + "</table></div></body></html>");
  CHECK(has(table.text, "The council voted"));
  CHECK(has(table.text, "claimed it."));
  CHECK_FALSE(has(table.text, "Coastal Party"));
  std::string refs;
  for (int i = 0; i < 40; ++i) {
    refs += "<li>Smith, J.; Jones, K. (" + std::to_string(1990 + i) + "). \"Storm surge and sea walls, part " +
            std::to_string(i) + "\". <i>Journal of Coastal Engineering</i>. <b>" + std::to_string(12 + i) +
            "</b> (3): 100–120.</li>";
  }
  const article references = extract_page(
      "<html><body><h1>Harbour wall to be rebuilt</h1><div class='page-body'>" + paras +
      "<h2>Notes</h2><ol>" + refs + "</ol></div></body></html>");
  // the story's paragraphs all stay; the list beside them may too, but
  // never in their place
  CHECK(has(references.text, "The council voted"));
  CHECK(has(references.text, "Engineers told"));
  CHECK(has(references.text, "claimed it."));
  // a story laid out in a table cell still scores as prose
  const article layout = extract_page("<html><body><table><tr><td><a href='/'>Home</a></td></tr><tr><td>"
                                      "<h1>Harbour wall to be rebuilt</h1>" + paras +
                                      "</td></tr></table></body></html>");
  CHECK(has(layout.text, "The council voted"));
  CHECK(has(layout.text, "claimed it."));
}

TEST_CASE("a recipe keeps its description and steps over a service box and a review form") {
  const char* steps[] = {
      "Mix the flour, salt and yeast in a large bowl, pour in the water and stir until no dry flour is left.",
      "Cover the bowl and leave it on the counter for twelve to eighteen hours, until the dough is bubbly.",
      "Heat the oven with the pot inside to 240 degrees, tip the dough onto a floured board and fold it twice.",
      "Bake with the lid on for thirty minutes, then without it for fifteen more, until the crust is brown.",
  };
  std::string method;
  for (const char* s : steps) method += "<li>" + std::string(s) + "</li>";
  const std::string html =
      "<html><body><h1>No-knead bread in a pot</h1><div class='recipe'>" +
      p("This bread is baked in a cast iron pot, which traps the steam of the dough and gives it a "
        "thick, crackling crust and a soft crumb, like the loaves of a village bakery.") +
      p("It needs no kneading at all: the dough rests overnight and the long rise does the work, so "
        "it suits a busy week and a small kitchen without a mixer.") +
      "<h2>Ingredients</h2><ul><li>500 g strong white flour</li><li>10 g salt</li><li>2 g dried "
      "yeast</li><li>400 ml cool water</li></ul><h2>Method</h2><ol>" + method + "</ol></div>"
      "<div class='service-box'>" +
      p("Free delivery on all orders over fifty pounds to addresses on the mainland, with next day "
        "delivery for orders placed before two in the afternoon.") +
      p("If you are not happy with your order, you can return it within thirty days for a full "
        "refund, and our team will collect it from your door.") +
      p("Our team answers questions by phone and email from eight in the morning to eight at night, "
        "seven days a week, and most emails get a reply within the hour.") +
      "</div><form class='review-form'><h3>Rate this recipe</h3>" +
      p("Tell other cooks what you thought of this recipe: did it work for you, what would you "
        "change, and would you bake it again? Your review helps everyone.") +
      "<label>Your name</label><input><textarea></textarea><button>Send</button></form></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "cast iron pot"));
  CHECK(has(a.text, "strong white flour"));
  CHECK(has(a.text, "Bake with the lid on"));
  CHECK_FALSE(has(a.text, "Free delivery"));
  CHECK_FALSE(has(a.text, "other cooks"));
}

TEST_CASE("a teaser list after the story under a label with its section goes") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  const article a = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + paras +
      "<h3>Most read in world news</h3><div><p>FERRY FARES</p><p><a href='/1'>Ferry fares to rise "
      "again in June</a></p><p>LIGHTHOUSE</p><p><a href='/2'>Old lighthouse to open to "
      "visitors</a></p></div></article></body></html>");
  CHECK(has(a.text, "claimed it."));
  CHECK_FALSE(has(a.text, "Most read"));
  CHECK_FALSE(has(a.text, "FERRY FARES"));
  // a sentence that opens with such words is the story's
  const article b = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + paras +
                                 p("Popular in the town for a century, the wall drew walkers every "
                                   "evening until the storms closed it.") +
                                 "</article></body></html>");
  CHECK(has(b.text, "drew walkers"));
}

TEST_CASE("a button's label left in the story's markup is not the story") {
  const std::string zh[] = {
      "市水务局周二表示，老港区防波堤将于明年春季开工重建，工程资金来自去年设立的防洪基金，预计工期两年。",
      "工程师在会上介绍，新堤将比旧堤高出两米，使用本地采石场的石料，并在堤顶修建供市民散步的步道。",
      "举报人此前反映旧堤多处开裂，水务局随后组织专家现场勘察，确认旧堤已不具备加固价值，决定整体重建。",
  };
  const std::string html =
      "<html><body><div class='detail'><h1>老港区防波堤明年春季开工重建</h1>"
      "<div class='text'><h2>工程概况</h2><div class='tools'><span>播报</span></div><div><span>编辑</span></div>" +
      p(zh[0]) + p(zh[1]) + p(zh[2]) +
      "<div class='bottom'><div><span>分享至：</span></div><div>不喜欢</div>"
      "<div><span>举报</span></div></div></div></div></body></html>";
  const article a = extract_page(html);
  for (const std::string& para : zh) CHECK(has(a.text, para));
  CHECK_FALSE(has(a.text, "分享至"));
  CHECK_FALSE(has(a.text, "不喜欢"));
  CHECK_FALSE(has(a.text, "播报"));
  // a paragraph that only opens with a label's word stays (checked above); a
  // lone label is dropped wherever it stands
  CHECK(count(a.text, "举报") == 1);
  CHECK(count(a.text, "编辑") == 0);
}

TEST_CASE("chrome named inside the story's block (article-share, post__footer) is chrome") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  const article a = extract_page(
      "<html><body><div class='article'><h1>Harbour wall to be rebuilt</h1>" + paras +
      "<div class='article-share__item'>Tell your friends about this story by mail or message</div>"
      "<div class='post__footer'>Printed from the Coast Courier archive for personal reading only</div>"
      "</div></body></html>");
  CHECK(has(a.text, "claimed it."));
  CHECK_FALSE(has(a.text, "Tell your friends"));
  CHECK_FALSE(has(a.text, "Printed from"));
}

TEST_CASE("a button inside the headline (read aloud: 播报文章) is no part of the title") {
  const std::string body =
      "<p>中国人民银行周五宣布，自下月起下调金融机构存款准备金率0.5个百分点，释放长期资金约一万亿元，"
      "以支持实体经济发展。</p><p>分析人士认为，此次降准有助于降低银行资金成本，稳定市场预期，"
      "并为后续的信贷投放创造条件。</p>";
  const article a = extract_page(
      "<html><head><title>央行宣布下调存款准备金率</title></head><body>"
      "<h1 class='article__title'><span>央行宣布下调存款准备金率</span>"
      "<div class='article-audio'><div class='audio-btn'>播报文章</div></div></h1>" + body + "</body></html>");
  CHECK(a.title.value_or("") == "央行宣布下调存款准备金率");
  CHECK_FALSE(has(a.text, "播报"));
  // words a title ends with are the title's, whatever buttons say
  const article own = extract_page(
      "<html><head><title>年轻人为什么爱分享</title></head><body><h1>年轻人为什么爱分享</h1>" + body +
      "</body></html>");
  CHECK(own.title.value_or("") == "年轻人为什么爱分享");
}

TEST_CASE("an <a> left open does not turn the story into link text") {
  std::string paras;
  for (const char* s : story) paras += p(s);
  // the parser reopens an unclosed <a> in every later paragraph (as browsers
  // do); those copies are no links, and an open <a> links only up to its first block
  const std::string openers[] = {
      "<div class='top'><a href='/'>Home</div>",   // closed by its parent's end tag
      "<p><a href='/'>Home</p>",                   // closed by the paragraph's
      "<a href='/'>Home",                          // never closed: it holds the story
  };
  for (const std::string& opener : openers) {
    CAPTURE(opener);
    const article a = extract_page("<html><body>" + opener + "<h1>Harbour wall to be rebuilt</h1>" + paras +
                                   "</body></html>");
    CHECK(has(a.text, "The council voted"));
    CHECK(has(a.text, "claimed it."));
    CHECK_FALSE(has(a.text, "Home"));
  }
  // a javascript: handler wrapped around the story's paragraphs links nowhere: the text is the page's
  const article handler = extract_page("<html><body><h1>Harbour wall to be rebuilt</h1>"
                                       "<a href='javascript:void(0)' onclick='expand()'><div>" + paras +
                                       "</div></a></body></html>");
  CHECK(has(handler.text, "The council voted"));
  // a story that really is one link (a teaser card, closed by the page) is still link text
  const article card = extract_page("<html><body><h1>Harbour wall to be rebuilt</h1>" + paras +
                                    "<a href='/other'><div><p>Another story about the pier and its lights, "
                                    "read it here.</p></div></a></body></html>");
  CHECK_FALSE(has(card.text, "Another story about the pier"));
}

TEST_CASE("a picture's credit line, an ad slot's label and a player's controls are not the story") {
  const std::string html =
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>"
      "<figure><img src='/a.jpg'><figcaption>The north quay at low tide</figcaption></figure>"
      "<p>Photo: Jane Harper, Coast Courier</p><p>Caption</p><p>Close</p>" +
      p(story[0]) + "<div class='slot'>Iklan</div>" + p(story[1]) +
      "<div class='player'><div>Play Video</div><div>Full Screen</div></div>" + p(story[2]) +
      "<p>Bild: dpa</p>" + p(story[3]) +
      // a sentence that opens with the word stays
      p("Photo: the council has put its plans on show in the library until the end of the month.") +
      "</article></body></html>";
  const article a = extract_page(html);
  for (const char* s : story) CHECK(has(a.text, s));
  for (const char* furniture : {"Jane Harper", "Bild: dpa", "Iklan", "Play Video", "Full Screen", "Caption", "Close"}) {
    CHECK_FALSE(has(a.text, furniture));
  }
  CHECK(has(a.text, "plans on show in the library"));
}

TEST_CASE("the byline shown at the story's top is no paragraph of it") {
  const std::string ld = story_ld("{\"@type\":\"Person\",\"name\":\"Toni Marsh\"}");
  for (const std::string line : {"Toni Marsh, Courier Staff", "By Toni Marsh", "Toni Marsh | Reuters"}) {
    CAPTURE(line);
    const article a = extract_page("<html><head>" + ld + "</head><body><article><h1>Harbour wall to be rebuilt</h1>" +
                                   "<h2>" + line + "</h2>" + p(story[0]) + p(story[1]) + p(story[2]) +
                                   "</article></body></html>");
    REQUIRE(a.author);
    CHECK(*a.author == "Toni Marsh");
    CHECK(has(a.text, story[0]));
    CHECK_FALSE(has(a.text, line));
  }
  // the lines the body drops (a breadcrumb's separator, the headline again)
  // do not count among the first three; a "By" line may carry the writer's bio
  const article c = extract_page(
      "<html><head>" + ld + "</head><body><article><p>Harbour wall to be rebuilt</p><p>/</p>"
      "<h1>Harbour wall to be rebuilt</h1><h2>The vote came after two winters of storms</h2>"
      "<p>By Toni Marsh, a reporter who covers the coast and its towns. She has written about the "
      "harbour since 2015.</p><p>May 20, 2024, 3:05 AM GMT+8</p><h2>Share this story</h2>" +
      p(story[0]) + p(story[1]) + p(story[2]) + "</article></body></html>");
  CHECK(has(c.text, story[0]));
  // the date line the body drops is the byline's date
  CHECK(c.date.value_or("").starts_with("2024-05-20T03:05"));
  for (const char* furniture : {"a reporter who covers", "3:05 AM", "Share this story"}) {
    CHECK_FALSE(has(c.text, furniture));
  }
  // the name opening the story's first sentence stays
  const std::string lead = "Toni Marsh, who chairs the harbour board, told the council on Tuesday "
                           "that the wall could not wait another winter.";
  const article b = extract_page("<html><head>" + ld + "</head><body><article><h1>Harbour wall to be rebuilt</h1>" +
                                 p(lead) + p(story[1]) + p(story[2]) + "</article></body></html>");
  CHECK(has(b.text, lead));
}

TEST_CASE("a short paragraph beside the story's block joins it by its characters, as Readability counts") {
  // the story's first paragraphs stand outside the block that scores best
  // (a paywall's split); the first is 143 characters, 26 words
  const char* later[] = {
      "The harbour board said on Wednesday that it would not appeal, and that it would hand over its "
      "records of the wall's repairs since the war.",
      "Divers will inspect the foundations in March, when the water is clearest, and the results will "
      "decide whether the new wall can stand on the old footings.",
      "Fishing boats will moor at the east quay while the work goes on, and the ferry will call at the "
      "pier by the lifeboat station until the autumn.",
      "The council will hold a public meeting in the library next month to show the plans and to hear "
      "what residents think of the route of the new promenade.",
  };
  const std::string first =
      "A woman in the harbour town won over eleven thousand votes in the poll, which showed the "
      "wall's rebuilding as the first thing the town wanted.";
  const article a = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1><div class='wrap'>"
      "<div class='ad-wrapper'><div class='ad-label'>Advertisement</div></div>" + p(first) + p(story[0]) +
      "<div class='premium-content'>" + p(story[1]) + p(story[2]) + p(story[3]) + p(later[0]) + p(later[1]) +
      p(later[2]) + p(later[3]) +
      "</div></div></article></body></html>");
  CHECK(has(a.text, first));
  CHECK(has(a.text, story[3]));
}

TEST_CASE("\"Comments\" alone ends the story when no prose follows it, and names a section when some does") {
  const article a = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
                                 p(story[1]) + p(story[2]) +
                                 "<h3>Comments</h3><p>comments</p></article></body></html>");
  CHECK(has(a.text, story[2]));
  CHECK_FALSE(has(a.text, "omments"));
  const article b = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
                                 p(story[1]) + "<h3>Comments</h3>" + p(story[2]) + p(story[3]) +
                                 "</article></body></html>");
  CHECK(has(b.text, "Comments"));
  CHECK(has(b.text, story[3]));
}

TEST_CASE("a sign-up form's consent line, a 'Don't miss' box, a views disclaimer and the writer's address are not the story") {
  const article a = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
      "<div class='box'><h3>Coast Courier Weekly</h3><p>By signing up you agree to our Terms of Use and "
      "Privacy Policy.</p></div>" + p(story[1]) + p(story[2]) +
      "<h3>DON'T MISS</h3><p><a href='/a'>Ferry timetable changes for summer</a></p>"
      "<p><a href='/b'>Lifeboat crew rescues two walkers</a></p>" + p(story[3]) +
      "<p>Opinion articles reflect the views of their authors, not necessarily those of the Coast Courier.</p>"
      "</article></body></html>");
  for (const char* s : story) CHECK(has(a.text, s));
  for (const char* furniture : {"By signing up", "DON'T MISS", "not necessarily those of"}) {
    CHECK_FALSE(has(a.text, furniture));
  }
  // the writer's address under the story; an address inside a sentence of it stays
  const std::string ask = "Readers who saw the storm break the wall can write to the harbour board at "
                          "board@harbour.example.org before the end of the month, the mayor said.";
  const article b = extract_page("<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
                                 p(story[1]) + p(ask) + p(story[2]) + "<p>toni.marsh@courier.example.com</p>"
                                 "</article></body></html>");
  CHECK(has(b.text, ask));
  CHECK(has(b.text, story[2]));
  CHECK_FALSE(has(b.text, "toni.marsh@"));
}

TEST_CASE("an ad slot's 'continues below', a script's 'Loading', a newsletter call and tail labels in more languages go") {
  const article a = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) +
      "<div class='slot'><p>Story continues below</p></div>" + p(story[1]) + "<p>Loading...</p>" + p(story[2]) +
      "<h3>Get our free weekly newsletter</h3>" + p(story[3]) +
      "<h3>More like this</h3><p><a href='/a'>Ferry timetable changes for summer</a></p>"
      "</article></body></html>");
  for (const char* s : story) CHECK(has(a.text, s));
  for (const char* furniture : {"continues below", "Loading", "newsletter", "More like this", "Ferry timetable"}) {
    CHECK_FALSE(has(a.text, furniture));
  }
  const std::string ja[] = {
      "市は二十日、老朽化した港の防波堤を来年春から建て替えると発表した。工事費は昨年設けた防災基金から充てる。",
      "新しい防波堤は旧堤より二メートル高く、地元の石切り場の石を使う。堤の上には市民が歩ける遊歩道も整備する。",
      "住民からは早期の着工を求める声が相次いでいた。市は来月、図書館で計画の説明会を開く予定だ。",
  };
  const article b = extract_page("<html><body><article><h1>港の防波堤、来春から建て替え</h1>" + p(ja[0]) + p(ja[1]) +
                                 p(ja[2]) + "<h3>アクセスランキング</h3><p><a href='/a'>駅前の再開発、着工へ</a></p>"
                                 "</article></body></html>");
  for (const std::string& s : ja) CHECK(has(b.text, s));
  CHECK_FALSE(has(b.text, "ランキング"));  // the ranking box's label
  CHECK_FALSE(has(b.text, "駅前の再開発"));
}

TEST_CASE("furniture rules keep the story's own lines of the same words") {
  const std::string reaction = "Fishermen said the new wall would keep the harbour calm enough for the small boats to "
                               "stay in the water all winter.";
  const std::string consent = "By clicking 'I agree', residents consented to the survey, the council found.";
  const std::string ask = "Residents can send comments to plans@harbour.example.org.";
  const article a = extract_page(
      "<html><body><article><h1>Harbour wall to be rebuilt</h1>" + p(story[0]) + "<h3>Email</h3>" + p(story[1]) +
      "<h3>Credit: the flood fund pays</h3>" + p(story[2]) + p(consent) + p(ask) +
      "<ul><li>Open</li><li>High</li><li>Close</li></ul>" + p(story[3]) + "<h3>Reactions</h3><ul><li>" + reaction +
      "</li></ul><p>Loading\u2026</p></article></body></html>");
  for (const std::string& kept : {std::string("Email"), std::string("Credit: the flood fund pays"), consent, ask,
                                  std::string("Close"), std::string("Reactions"), reaction, std::string(story[3])}) {
    CAPTURE(kept);
    CHECK(has(a.text, kept));
  }
  CHECK_FALSE(has(a.text, "Loading"));
}

TEST_CASE("a byline of two names goes; a deck that opens with the writer's name stays") {
  const std::string ld = story_ld("[{\"@type\":\"Person\",\"name\":\"Toni Marsh\"},"
                                  "{\"@type\":\"Person\",\"name\":\"Jo Roe\"}]");
  auto page = [&](std::string_view line) {
    return extract_page("<html><head>" + ld + "</head><body><article><h1>Harbour wall to be rebuilt</h1><p>" +
                        std::string(line) + "</p>" + p(story[0]) + p(story[1]) + p(story[2]) + "</article></body></html>");
  };
  CHECK_FALSE(has(page("By Toni Marsh and Jo Roe").text, "Jo Roe"));
  const std::string deck = "Toni Marsh, the harbour master, speaks out";
  CHECK(has(page(deck).text, deck));
}
