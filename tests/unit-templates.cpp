// extract stage, recall on the templates of common platforms and European news
// sites: markup written for these tests in the shapes those platforms produce
// (blog posts whose paragraphs are mostly links, a page wrapper hidden from
// screen readers while a consent dialog is open, "read also" boxes inside the
// story in the page's own language).
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "newsx/extractor.hpp"

using namespace newsx;

namespace {

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

article extract_page(const std::string& html) {
  extractor ex;
  result<article> a = ex.extract(html);
  REQUIRE(a);
  return *a;
}

}  // namespace

TEST_CASE("a post of linked sentences is prose, not a link list; a menu still is one") {
  // A weekly-links post: most of each paragraph is link text, inside sentences.
  const std::string html =
      "<html><head><title>Weekly links: open data edition</title></head><body>"
      "<header><a href='/'>Data Notebook</a> <a href='/archive'>Archive</a> <a href='/about'>About</a></header>"
      "<article class='post'><h1 class='post-title'>Weekly links: open data edition</h1>"
      "<div class='post-content'>"
      "<p>This week the <a href='https://a.example/trees'>city of Vienna opened its complete tree "
      "register</a> with almost two hundred thousand trees, and <a href='https://b.example/linden'>someone "
      "has already mapped every linden tree in the city</a>.</p>"
      "<p>The <a href='https://c.example/api'>Dutch statistics office published a new API for regional "
      "income data</a>, which <a href='https://d.example/portal'>replaces the old download portal</a> that "
      "many of us used for years.</p>"
      "<p>Finally, a good read: <a href='https://e.example/fail'>why most open data portals fail within "
      "five years</a>, and <a href='https://f.example/reply'>a response from a portal maintainer in "
      "Finland</a>.</p>"
      "<p><a href='/tag/open-data'>open data</a> <a href='/tag/cities'>cities</a> "
      "<a href='/tag/statistics'>statistics</a> <a href='/tag/apis'>apis</a> <a href='/tag/links'>links</a></p>"
      "</div></article></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "city of Vienna opened its complete tree register with almost two hundred thousand"));
  CHECK(has(a.text, "replaces the old download portal that many of us used"));
  CHECK(has(a.text, "a response from a portal maintainer in Finland."));
  CHECK_FALSE(has(a.text, "statistics apis"));  // the tag list ends with no full stop
  CHECK_FALSE(has(a.text, "Archive"));
}

TEST_CASE("a page saved with its consent dialog open: the wrapper marked aria-hidden is still the page") {
  // Dialog scripts set aria-hidden on everything beside the dialog; the text
  // stays on screen, and the dialog is longer than a story's worth.
  const std::string consent =
      "<div class='privacy-notice' role='dialog' aria-modal='true'><h2>We value your privacy</h2>"
      "<p>We and our 842 partners store and access information on your device, such as cookies, and "
      "process personal data such as unique identifiers and standard information sent by a device for "
      "personalised advertising and content, advertising and content measurement, audience research and "
      "services development.</p><p>With your permission we and our partners may use precise geolocation "
      "data and identification through device scanning. You may click to consent to our and our "
      "partners' processing as described above, or access more detailed information and change your "
      "preferences before consenting.</p><button>Accept</button><button>More options</button></div>";
  const std::string page =
      "<div id='page' aria-hidden='true'><header><a href='/'>Harbour Times</a></header><main><article>"
      "<h1>Ferry fares to rise by fifteen percent</h1>"
      "<p>Passengers on the harbour ferry will pay fifteen percent more from March, the transport "
      "authority confirmed on Monday, the largest increase since the service was taken into public "
      "ownership.</p><p>A single adult fare will go from four pounds to four pounds sixty, while season "
      "tickets, used by most of the six thousand daily commuters, will rise by about nine percent.</p>"
      "<p>The authority blamed fuel costs and the repair of the north pier, which the storms of last "
      "October damaged.</p></article></main></div>";
  const article a = extract_page("<html><body>" + consent + page + "</body></html>");
  CHECK(has(a.text, "Passengers on the harbour ferry will pay fifteen percent more from March"));
  CHECK(has(a.text, "the repair of the north pier"));
  CHECK_FALSE(has(a.text, "842 partners"));

  // A carousel's slides beside the story are aria-hidden too, and hold no story: they stay out.
  const std::string slides =
      "<div class='slides'><figure aria-hidden='true'><img src='/2.jpg'><figcaption>The north pier "
      "after the October storms, seen from the lifeboat station at low tide, with the broken railings "
      "and the missing planks that closed it to foot passengers; repairs are due to be finished before "
      "the summer season, when the ferry carries twice as many passengers as in winter, most of them "
      "visitors to the old town and the castle on the headland above the harbour.</figcaption></figure></div>";
  const article b = extract_page("<html><body>" + slides + page + "</body></html>");
  CHECK(has(b.text, "Passengers on the harbour ferry"));
  CHECK_FALSE(has(b.text, "lifeboat station at low tide"));
}

TEST_CASE("a 'read also' box and a reading time in the page's own language are no part of the story") {
  // A Spanish story with its "Lee también" box between two paragraphs; a
  // German one with its reading time under the first.
  const std::string es =
      "<html lang='es'><body><article><h1>Los embalses, al 16% de su capacidad</h1><div class='cuerpo'>"
      "<p>Las reservas de agua de las cuencas internas han caído esta semana al 16% de su capacidad, el "
      "nivel más bajo desde que hay registros.</p>"
      "<div class='caja'><p class='caja-titulo'>Lee también</p><h2><a href='/x'>Qué significa la "
      "emergencia por sequía</a></h2></div>"
      "<p>Desde este jueves, más de seis millones de personas están sujetas a la fase de emergencia del "
      "plan de sequía, que limita el consumo a 200 litros por habitante y día.</p>"
      "<p>Los meteorólogos no prevén lluvias importantes en las próximas semanas.</p></div></article></body></html>";
  const article a = extract_page(es);
  CHECK(has(a.text, "más de seis millones de personas"));
  CHECK(has(a.text, "no prevén lluvias importantes"));
  CHECK_FALSE(has(a.text, "Lee también"));

  const std::string de =
      "<html lang='de'><body><article><h1>Warum die Mietpreisbremse kaum wirkt</h1><div class='text'>"
      "<p>Von den Mietwohnungen, die im vergangenen Jahr angeboten wurden, lag bei 47 Prozent die "
      "verlangte Miete mehr als zehn Prozent über der ortsüblichen Vergleichsmiete.</p>"
      "<div class='info'><span>Lesezeit: 4 Min.</span></div>"
      "<p>Das Problem ist, dass die Regel kaum jemand durchsetzt. Mieter müssen selbst rügen, dass ihre "
      "Miete zu hoch ist.</p>"
      "<p>Lesezeit ist Lebenszeit, sagt die Mieterberaterin, und rät zu kurzen Briefen an den "
      "Vermieter.</p></div></article></body></html>";
  const article b = extract_page(de);
  CHECK(has(b.text, "Das Problem ist, dass die Regel kaum jemand durchsetzt."));
  CHECK_FALSE(has(b.text, "Lesezeit: 4 Min."));
  CHECK(has(b.text, "Lesezeit ist Lebenszeit"));  // a sentence that starts with the word stays
}

TEST_CASE("a plain page wrapper under <body>, aria-hidden beside a consent dialog, is the story") {
  // No <main>, no <article>: a plain wrapper, a child of <body>, marked
  // aria-hidden while a consent manager's dialog is open.
  const std::string dialog =
      "<div id='didomi-host'><div class='didomi-popup-container'><div class='didomi-popup-notice-text'>"
      "<h2>Vos choix concernant l'utilisation de cookies</h2><p>Avec votre accord, nous et nos 842 "
      "partenaires utilisons des cookies ou technologies similaires pour stocker, consulter et traiter des "
      "données personnelles telles que votre visite sur ce site internet, les adresses IP et les "
      "identifiants de cookie.</p><p>Vous pouvez retirer votre consentement ou vous opposer au traitement "
      "des données fondé sur l'intérêt légitime à tout moment en cliquant sur « En savoir plus » ou dans "
      "notre politique de confidentialité sur ce site internet.</p></div></div></div>";
  const std::string page =
      "<div class='wrapper' aria-hidden='true'><div class='site-header'><a href='/'>Le Dauphiné du Soir</a></div>"
      "<h1 class='headline'>Le festival de jazz annonce sa programmation</h1><div class='story'>"
      "<p>Le Théâtre antique accueillera du 28 juin au 13 juillet une trentaine de concerts, a annoncé "
      "mardi la direction du festival, qui fête cette année sa quarante-quatrième édition.</p>"
      "<p>Parmi les têtes d'affiche figurent plusieurs grands noms de la scène américaine, mais aussi une "
      "soirée entière consacrée aux musiques d'Afrique de l'Ouest, une première depuis dix ans.</p>"
      "<p>La billetterie ouvrira vendredi à dix heures sur le site du festival.</p></div></div>";
  const article a = extract_page("<html><body>" + dialog + page + "</body></html>");
  CHECK(has(a.text, "Le Théâtre antique accueillera du 28 juin au 13 juillet"));
  CHECK(has(a.text, "La billetterie ouvrira vendredi"));
  CHECK_FALSE(has(a.text, "842"));
}

TEST_CASE("a story cut into differently named blocks inside its <article> is read whole") {
  // A news template: the text comes in blocks named apart (the last one a
  // paywall's), with a related-stories box between them, and comments in
  // the article's footer.
  const std::string html =
      "<html><head><title>Rail strike: what commuters face on Thursday - The Courier</title></head><body>"
      "<header><nav><a href='/'>The Courier</a> <a href='/politics'>Politics</a> <a href='/business'>Business</a></nav></header>"
      "<main><article><header><h2>Rail strike: what commuters face on Thursday</h2>"
      "<div class='byline'>By Sabine Kruger</div></header>"
      "<section class='article-body'><div class='clearfix centered'>"
      "<div class='text-block'><div class='rich-text rich-text--icons wide centered serif'>"
      "<p>Anyone who wants to take the train to work on Thursday will need patience, because the drivers' "
      "union has called a strike across the whole long-distance network for twenty-four hours.</p>"
      "<p>The railway said it would run about a fifth of its long-distance trains on an emergency timetable, "
      "and asked passengers to postpone journeys that were not urgent.</p></div></div>"
      "<section class='related'><strong>More on this</strong><ul><li><a href='/a'>Rail pay dispute: the main "
      "questions answered</a></li><li><a href='/b'>Comment: this strike hits the wrong people</a></li></ul></section>"
      "<div class='text-block'><div class='rich-text rich-text--icons narrow serif'><p>On regional lines much "
      "depends on who runs the route: private operators such as the Northwest Line are not part of the "
      "dispute and expect to run normally.</p></div></div>"
      "<div class='paywall'><div class='fade'></div><div class='paywall-text'><div class='rich-text serif'>"
      "<p>Talks broke off in December after the fourth round, when the union "
      "rejected an offer that would have raised pay in two steps over three years.</p>"
      "<p>An end to the conflict is not in sight: the union's leader said further strikes were possible before "
      "Easter if no new offer was made.</p></div></div></div></div></section>"
      "<footer><section><h3>Discussion (312 posts)</h3><div class='comment'><p>I have taken the train every "
      "day for twenty years and have never seen the timetable so thin as during the last strike.</p></div>"
      "</section></footer></article></main><footer><p>All rights reserved.</p></footer></body></html>";
  const article a = extract_page(html);
  CHECK(has(a.text, "will need patience"));
  CHECK(has(a.text, "Northwest Line"));
  CHECK(has(a.text, "fourth round"));
  CHECK(has(a.text, "not in sight"));
  CHECK_FALSE(has(a.text, "main questions answered"));
  CHECK_FALSE(has(a.text, "twenty years"));
  CHECK_FALSE(has(a.text, "All rights reserved"));
}

TEST_CASE("a comment thread under a count heading leaves the story, whatever its class names") {
  std::string thread;
  const char* replies[] = {
      "Always paper. Phones are brilliant until they are not, and on a cold ridge they are usually not, so I "
      "carry both and trust the one that does not need a battery.",
      "Phone with offline maps, plus a power bank, plus a paper map in a freezer bag as the last resort, "
      "which has saved me twice in fog above the tree line.",
      "Both, but I think the real problem is that many people never practise with the map on an easy day, "
      "so when they need it on a hard one they cannot use it.",
      "Cold kills batteries. I learned that the hard way on a January walk when the phone went from half "
      "charge to nothing in twenty minutes at the summit cairn.",
      "Our mountain rescue team gets called out every winter by walkers whose phones died at the worst "
      "moment; please learn to read a map before you need to.",
  };
  for (const char* r : replies) thread += std::string("<div class='talk'><div class='talk-who'>Walker</div><div class='talk-text'><p>") + r + "</p></div></div>";
  const std::string story =
      "<p>Last weekend on the ridge above the loch my phone died in the cold within an hour, and I had to "
      "finish the route with the paper map I almost left at home.</p>"
      "<p>So this week's question is simple: what do you rely on when the weather turns, and what have you "
      "learned from the days it went wrong?</p>";
  for (const char* heading : {"38 Responses", "Kommentare (312)", "Leave a Reply"}) {
    CAPTURE(heading);
    const article a = extract_page(
        "<html><body><div id='wrap'><div id='header'><a href='/'>Trail Notes</a> <a href='/routes'>Routes</a></div>"
        "<div id='main'><div class='postarea'><div class='single-post'><h1>The Saturday question: paper maps "
        "or phone?</h1><div class='date'>Posted on 2 March 2024 by Dave</div><div class='entry'>" + story +
        "</div></div></div><div class='talkback'><h3>" + heading + "</h3>" + thread + "</div></div>"
        "<div id='sidebar'><h4>Recent routes</h4><ul><li><a href='/r1'>The pass in a day</a></li></ul></div>"
        "</div></body></html>");
    CHECK(has(a.text, "paper map I almost left"));
    CHECK_FALSE(has(a.text, "freezer bag"));
    CHECK_FALSE(has(a.text, heading));
  }
  // a heading that only names a section ("Response") is the story's
  const article api = extract_page(
      "<html><body><article><h1>The fetch API in ten minutes</h1>" + story + "<h2>Response</h2>"
      "<p>Response instances are returned by calls to fetch(), and can also be created by scripts that "
      "want to answer a request themselves, for example in a service worker.</p></article></body></html>");
  CHECK(has(api.text, "Response instances are returned"));
}

TEST_CASE("the next story that infinite scrolling appended, in an <article> of the same shape, stays out") {
  auto story = [](const char* tag, const char* h, const char* p1, const char* p2, const char* p3) {
    return fmt::format("<article class='article'><header class='article__header'><{0} class='article__title'>{1}"
                       "</{0}></header><div class='article__body'><p>{2}</p><p>{3}</p>{4}</div></article>",
                       tag, h, p1, p2, p3);
  };
  const std::string first = story(
      "h1", "Car-free city centre planned from 2026",
      "The council presented a plan on Tuesday to make the historic centre largely car-free from January "
      "2026; only residents, emergency services and deliveries in the early morning may still drive in.",
      "The space freed up is to be used for trees, terraces and bicycle racks, and about eight hundred "
      "parking spaces on the street will go, partly replaced by two new garages at the edge of the centre.",
      "<p>Shopkeepers are divided: their association fears that customers from the villages will stay away, "
      "while cafe owners welcome the room for terraces. The council votes on the plan in March.</p>");
  const std::string next = story(
      "h2", "Swimming pool reopens after renovation",
      "The pool has a new roof, solar panels and an extra learning pool; the renovation cost more than "
      "eleven million, two million more than planned because the old concrete was in worse shape.",
      "Entry is free on the opening day, and the waiting list for swimming lessons, which grew to more than "
      "four hundred children during the closure, should be cleared within a year.", "");
  const article a = extract_page(
      "<html><body><header><a href='/'>The Eastern Daily</a> <a href='/region'>Region</a></header>"
      "<div id='articles' class='infinite-container'>" + first +
      "<div class='infinite-divider'><span>Next</span></div>" + next + "</div></body></html>");
  CHECK(has(a.text, "car-free from January"));
  CHECK(has(a.text, "bicycle racks"));
  CHECK_FALSE(has(a.text, "solar panels"));
  CHECK_FALSE(has(a.text, "waiting list"));
}
