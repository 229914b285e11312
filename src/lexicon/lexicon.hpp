// The lexicon: every word list newsx matches text, labels or class names
// against, one named table per meaning, used by every stage that needs it.
// Rules live in the stages; the words they look for live here, so that a
// label added once is known everywhere ("where is 文章来源 handled?" — here,
// in source_labels, and by the functions that read that table).
//
// Tables are plain arrays of UTF-8 views. Where order matters (a longer label
// must be tried before its prefix) the table says so.
#ifndef NEWSX_LEXICON_LEXICON_HPP
#define NEWSX_LEXICON_LEXICON_HPP

#include <string_view>

namespace newsx::lexicon {

using word = std::string_view;

template <std::size_t N>
[[nodiscard]] constexpr bool is_one_of(std::string_view s, const word (&table)[N]) noexcept {
  for (word w : table) {
    if (s == w) return true;
  }
  return false;
}

/// The first entry that s starts with, or an empty view.
template <std::size_t N>
[[nodiscard]] constexpr std::string_view prefix_in(std::string_view s, const word (&table)[N]) noexcept {
  for (word w : table) {
    if (s.substr(0, w.size()) == w) return w;
  }
  return {};
}

/// The first entry that s ends with, or an empty view.
template <std::size_t N>
[[nodiscard]] constexpr std::string_view suffix_in(std::string_view s, const word (&table)[N]) noexcept {
  for (word w : table) {
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return w;
  }
  return {};
}

/// Whether an entry occurs anywhere in s.
template <std::size_t N>
[[nodiscard]] constexpr bool found_in(std::string_view s, const word (&table)[N]) noexcept {
  for (word w : table) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Byline and credit labels

/// Labels before the outlet that first published a story: "来源：新华社",
/// "（文章来源：智通财经网）". Longer labels first: "本文来源于X" must not
/// read as "来源" + "于X".
inline constexpr word source_labels[] = {
    "本文来源于", "稿件来源", "信息来源", "文章来源", "新闻来源", "内容来源", "本文来源",
    "来源于",     "来源",     "來源",     "稿源",     "出处"};

/// Source labels that need no colon before the name ("来源于新华社").
inline constexpr word source_labels_without_colon[] = {"来源于"};

/// Labels before the writer's name in a byline: "作者：张三", "记者 李四", "文/王五".
inline constexpr word author_labels[] = {"作者", "记者", "記者", "文／", "文/", "撰文"};

/// Labels of a reporter credit inside the story's lead: "（记者 张三）".
inline constexpr word reporter_labels[] = {"记者", "記者"};

/// Words that hold a byline label and are no label: "在记者会上表示" (a press
/// conference), "答记者问", "图片来源：视觉中国" (a picture's credit, not the
/// story's source). A label found inside one of these introduces no name.
inline constexpr word label_compounds[] = {
    "记者会", "記者會", "记者招待会", "記者招待會", "答记者问", "答記者問", "记者们", "記者們",
    "记者节", "記者節", "记者证", "記者證", "图片来源", "圖片來源", "题图来源", "題圖來源",
    "数据来源", "數據來源", "资料来源", "資料來源", "视频来源", "視頻來源", "作者简介", "作者簡介"};

/// Words of a reporter's role before a name in a credit: "新京报记者 侯小溪",
/// "采写：南都见习记者 封聪颖", "作者： 记者王敬照". Longer first.
inline constexpr word credit_role_words[] = {
    "见习记者", "实习记者", "特约记者", "本报记者", "首席记者", "通讯员", "实习生", "记者", "記者",
    "采写", "撰文", "作者", "编译", "文／", "文/"};

/// Labels of people who edited a story, not wrote it: a name after them is
/// no author ("编辑：李雨谦", "责任编辑: 杨丹宇").
inline constexpr word editor_labels[] = {"责任编辑", "值班编辑", "编辑", "责编", "校对", "审核", "主编"};

/// Job titles in a writer's credit: the name follows the last of them
/// ("作者：某研究中心部长、研究员徐占忱") or the credit ends with one after the
/// name and the affiliation ("作者：方敏北京大学经济学院教授"). Longer first.
inline constexpr word credit_job_titles[] = {
    "首席经济学家", "经济学家", "副研究员", "研究员", "副教授", "教授", "博士后", "博士", "副院长", "院长",
    "副所长", "所长", "副主任", "主任", "副部长", "部长", "秘书长", "理事长", "分析师", "董事长",
    "总经理", "总裁", "合伙人", "学者", "讲师", "律师"};
/// What an affiliation written right after a name starts with: a country, a
/// province or a great city, the state ("方敏北京大学…": 方敏, not 方敏北).
inline constexpr word affiliation_openers[] = {
    "中国", "中央", "国家", "国务院", "全国", "北京", "上海", "天津", "重庆", "广东", "广州", "深圳",
    "浙江", "杭州", "江苏", "南京", "山东", "四川", "成都", "湖北", "武汉", "湖南", "河南", "河北",
    "福建", "厦门", "安徽", "陕西", "西安", "辽宁", "吉林", "黑龙江", "山西", "江西", "云南", "贵州",
    "广西", "海南", "甘肃", "青海", "宁夏", "新疆", "西藏", "内蒙古", "香港", "澳门", "台湾", "清华",
    "复旦", "南开", "中山", "同济", "人民大学", "美国", "英国", "日本"};

/// "（韩松上海报道）": what ends a credit that names a writer and where from.
inline constexpr word filed_report_endings[] = {"报道", "报导"};

/// "乐居财经 李奕和 发自广州": the word after a reporter's name that says where from.
inline constexpr word reporting_from = "发自";

/// Separators between several names in one credit: "侯小溪 陈鹏", "张三、李四".
inline constexpr word name_separators[] = {" ", "　", "、", "，", ",", "/", "／", "|", "｜"};

/// Common Chinese surnames (single characters cover nine in ten people):
/// a two- to four-character token that starts with one reads as a name.
inline constexpr std::u32string_view common_surnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    U"任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    U"莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    U"梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    U"车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    U"丛仲虞敖巩明佘池查麻苑迟邝封阎郁钮贝储邰厉戎束燕尉弓蓟闻莘贡逄扶堵宰郦璩濮寿扈冀郏浦茹宦庾暨弘匡"
    U"禄阙殳沃蔚夔厍晁訾阚毋乜鞠巢蒯荆竺逯桓侍晋楚綦冼蔺"
    // the same surnames as Hong Kong and Taiwan write them
    U"張劉陳楊黃趙吳孫馬許鄭謝韓馮鄧蕭葉蘇呂盧譚陸鍾鐘鄒賀顧龔錢嚴莊聶魯龍羅湯溫齊喬龐顏閻賈韋鄺鄔邊衛"
    U"藍駱饒範蔣劉傅歐戴";
/// Two-character surnames: 欧阳, 司马...
inline constexpr word compound_surnames[] = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
                                             "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
                                             "歐陽", "司馬", "諸葛", "東方", "尉遲", "公孫", "長孫"};

/// Labels that start the next field of a byline, ending the one before
/// ("来源：新华社 作者：张三").
inline constexpr word next_field_labels[] = {" ", "　", "作者", "记者", "编辑", "责任编辑"};

/// Colons between a label and its value.
inline constexpr word colons[] = {"：", ":"};

/// Labelled byline fields that make a short line a byline, not prose.
inline constexpr word byline_line_labels[] = {"来源：", "来源:", "作者：", "作者:", "编辑：", "发布时间"};

/// Words of page furniture that sit beside bylines and are never a name.
inline constexpr word byline_furniture[] = {
    "分享", "评论", "收藏", "字号", "打印", "举报", "关注", "我有话说", "发布时间", "发布",
    "时间", "日期", "浏览", "阅读", "点击", "来源", "作者", "记者", "编辑", "责任编辑",
    "原创", "转载", "纠错", "字体", "正文", "首页", "返回", "大",   "中",   "小",
    "登录", "注册", "登錄", "註冊", "订阅", "訂閱", "发布于", "發佈於", "发表于", "發表於"};

/// "By Jane Q. Doe": the word that opens an English byline.
inline constexpr word english_byline_opener = "By ";

/// Words that open a byline element's text before the name, compared without
/// case: "By Jane Doe", "Par Jean Dupont", "Von Hans Meier", "Written by …".
/// Longer openers first.
inline constexpr word byline_openers[] = {"written by", "posted by", "words by", "story by",
                                          "reported by", "by", "par", "von"};

/// What stands between a byline's name and the role or outlet after it:
/// "Jane Doe, Staff Writer", "Jane Doe | Reuters", "Jane Doe - AP".
inline constexpr word name_role_separators[] = {",", "|", " |", " -", " \u2013", " \u2014", " /"};

/// Words that join two names of one byline ("Jane Doe and John Roe",
/// "Jean Dupont et Marie Curie"); the byline keeps them as "A, B".
inline constexpr word byline_name_joiners[] = {"and", "&", "et", "und"};

/// Month names and their abbreviations, compared without case and without a
/// trailing dot: a byline that runs into its date ("JANE DOE JAN. 10, 2017",
/// "Jane Doe March 5") ends its name before them.
inline constexpr word month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec"};

/// Lower-case particles inside a name ("Ludwig van Beethoven", "Jong, Michiel de").
inline constexpr word name_particles[] = {"de", "van", "von", "der", "den", "da", "del", "di",
                                          "du", "la", "le", "bin", "al", "ter", "dos", "das"};

/// Words of byline furniture, compared without case: a byline element's name
/// ends before them ("Jane Doe Updated 3 hours ago"), and a "name" that
/// starts with one is a button or a label ("Follow Author"), not a writer.
inline constexpr word byline_furniture_en[] = {
    "follow", "author", "authors", "updated", "published", "posted", "share", "email", "e-mail",
    "twitter", "facebook", "view", "more", "profile", "about", "comments", "comment", "reply",
    "read", "subscribe", "contact", "bio", "editor's", "filed", "on", "in", "at", "the", "for",
    "from", "with", "see", "all", "posts", "articles", "stories", "our", "dear", "hi", "hello",
    "thanks", "thank"};

/// Job titles after a name ("Meg James, Staff Writer", "Bruce Y. Lee Senior
/// Contributor"): the name ends before them, and a later name that runs into
/// one ("Tom Krisher, Ap Auto Writer") is the first one's title, not a name.
/// Compared without case.
inline constexpr word byline_title_words[] = {
    "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "contributing",
    "senior", "chief", "producer", "analyst", "opinion", "associate", "deputy", "managing",
    "executive", "photographer", "special", "political", "business", "sports", "science"};

/// Day names, compared without case and without a trailing dot: never part of a name.
inline constexpr word weekday_words[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday", "mon", "tue", "tues", "wed",
                                         "thu", "thur", "thurs", "fri", "sat", "sun"};

/// Words that make a byline a desk, not a writer, when they end it ("Reuters
/// Staff", "Metro Desk"; "Staff Writer" is a title); compared without case.
inline constexpr word byline_desk_words[] = {"staff", "desk", "team", "reporters", "correspondents",
                                             "bureau", "newsroom", "editors", "writers"};

/// <meta> keys (name, property or itemprop) that name the author, most
/// trusted first: Dublin Core's creator is the author by definition, while
/// name=author is often a CMS account or the site. Compared without case.
inline constexpr word meta_author_keys[] = {
    "dc:creator", "dc.creator", "dcterms.creator", "dcterm:creator", "author", "article:author",
    "article:author_name", "parsely-author", "sailthru.author"};

/// What a <meta property> declares, RDFa-style ("og:title", "dc:creator"):
/// a prefix and a field from these; of several space-separated pairs
/// ("x:title dc:title") the first known one counts.
inline constexpr word meta_property_prefixes[] = {"article", "dc", "dcterm", "og", "twitter"};
inline constexpr word meta_property_fields[] = {"author", "creator", "description",
                                                "published_time", "title", "site_name"};
/// The vocabularies a page declares its title in, most trusted first
/// (Readability.js's order; JSON-LD's article comes before all): as
/// property "dc:title" or name "DC.title", "parsely-title", a bare "title".
inline constexpr word declared_title_prefixes[] = {"dc", "dcterm", "og", "weibo:article",
                                                   "weibo:webpage", "", "twitter", "parsely"};
/// Between a prefix and "title" in a <meta name>: "DC.title", "parsely-title".
inline constexpr char meta_name_joiners[] = {'.', ':', '-'};

/// CMS account names that <meta name=author> and bylines carry instead of a
/// writer's name; compared without case.
inline constexpr word cms_account_names[] = {
    "admin", "administrator", "editor", "editors", "staff", "webmaster", "user", "guest", "root",
    "anonymous", "unknown", "author", "system", "sysadmin", "moderator", "superuser", "test",
    "site admin", "web editor", "newsroom", "redaktion"};

/// What a credit may say where a writer's name stands but names no writer:
/// compiled from the web (网络整理), anonymous (佚名), or the verb after
/// "对记者" that a reporter pattern took for a name (表示). Never an author.
inline constexpr word no_writer_words[] = {"网络整理", "綜合整理", "综合整理", "整理", "综合", "綜合", "佚名",
                                           "网络", "網絡", "本站", "本网", "本網", "编辑部", "編輯部",
                                           "表示", "说", "說", "称", "稱", "介绍", "介紹", "透露", "指出"};

// ---------------------------------------------------------------------------
// Outlets

/// Words of a page's tools and calls that a source label may sit beside
/// ("来源：下载客户端", "举报", "字体放大", "欢迎您访问…"): a candidate holding one
/// names no outlet. (Not 客户端 alone: 央视新闻客户端 is an outlet's app.)
inline constexpr word no_outlet_words[] = {"下载", "下載", "举报", "舉報", "播报", "播報",
                                           "字体", "字體", "放大", "欢迎", "歡迎", "访问", "訪問", "声明", "聲明",
                                           "承建", "分享", "点击", "點擊", "抢先看", "反馈", "反饋", "推荐", "推薦"};

/// An edition of an outlet is the outlet: "上海证券报网络版" is 上海证券报.
inline constexpr word outlet_edition_suffixes[] = {"网络版", "電子版", "电子版", "数字版", "數位版"};

/// Endings of an outlet's name: 证券时报网, 新华社, 聯合報, 新浪科技, 央视新闻客户端.
inline constexpr word media_name_suffixes[] = {
    "网", "網", "社", "报", "報", "台", "站", "刊", "志", "科技", "财经", "財經", "新闻", "新聞",
    "频道", "頻道", "客户端", "传媒", "傳媒", "电视", "電視", "之声", "在线", "资讯", "日報"};

/// "本报", "本刊", "本网": "this paper" — a self-reference, not a name.
inline constexpr word self_reference_prefix = "本";

/// What follows the outlet of a dateline: "新浪科技讯", "新华社北京5月9日电",
/// "中新网9月9日报道".
inline constexpr word dateline_news_flash = "讯";
inline constexpr word dateline_month = "月";
inline constexpr word dateline_day = "日";
inline constexpr word dateline_endings[] = {"电", "报道", "消息", "讯"};

// ---------------------------------------------------------------------------
// Body furniture

/// Opening and closing brackets around credits and captions.
inline constexpr word opening_brackets[] = {"（", "(", "【", "[", "〔"};
inline constexpr word closing_brackets[] = {"）", ")", "】", "]", "〕"};

/// Lines that open with these describe or credit a picture.
inline constexpr word caption_openers[] = {"图片来源", "图源", "图片：", "图：", "图为", "（图",
                                           "(图",     "▲",   "图片由", "资料图", "配图"};
/// ... or end with these ("记者 张三 摄", "新华社供图").
inline constexpr word caption_endings[] = {"摄", "供图", "摄）", "摄)"};

/// Captions that only credit the picture, as opposed to describing it.
inline constexpr word image_credit_openers[] = {"图片来源", "图源", "图片由", "资料图",
                                                "配图",     "来源", "图片：", "图："};
inline constexpr word image_credit_endings[] = {"供图", "供图）"};

/// Labels that open a picture's credit line in Latin-script pages ("Photo: Meg
/// Kinnard, AP", "Bild: dpa"), compared without ASCII case and followed by a colon.
/// Such a line credits a picture wherever it stands (a gallery's credits
/// come after its captions, not under each picture).
inline constexpr word picture_credit_labels[] = {
    "Photo", "Photos", "Photograph", "Photographs", "Photo credit", "Image credit", "Foto", "Fotos",
    "Fotografía", "Fotografia", "Bild", "Bilder", "Crédit photo", "Crédits photo", "Zdjęcie", "Kuva",
    "Afbeelding"};
/// The same for words that title other lines too ("Credit: spreads widen"):
/// a credit only right under a picture.
inline constexpr word picture_caption_labels[] = {"Image", "Images", "Picture", "Pictures", "Screenshot",
                                                  "Illustration", "Credit", "Credits"};

/// Labels that open a list of other stories; what follows them is not the story.
inline constexpr word tail_markers[] = {
    "相关阅读", "相关新闻", "相关文章", "相关报道", "推荐阅读", "延伸阅读", "为你推荐",
    "为您推荐", "热门推荐", "热点推荐", "猜你喜欢", "更多精彩", "更多阅读", "热门文章",
    "热门新闻", "相關新聞", "相關閱讀", "延伸閱讀", "推薦閱讀", "更多新聞", "相关推荐",
    "精彩推荐", "视频推荐", "精彩视频推荐", "相關推薦", "相关电报", "相关快讯", "相关资讯",
    "相关专题", "相关链接", "相關報導", "相關文章", "相關資訊",
    // Japanese and Korean pages' own
    "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "アクセスランキング", "人気ランキング",
    "記事ランキング", "あわせて読みたい", "外部サイト",
    "관련기사", "관련 기사", "많이 본 뉴스", "추천 기사"};
/// The same in English; compared without case.
inline constexpr word tail_markers_en[] = {
    "Related", "Related Articles", "Related Stories", "Related News", "Read More", "More Stories",
    "Recommended", "You May Also Like", "More from", "Trending", "More on this story",
    "Related internet links", "Related Topics", "Top Stories", "Featured", "Most Popular",
    "Most Read", "Popular", "Editors' Picks", "Don't Miss", "Don\u2019t Miss", "You Might Also Like",
    "People Also Read", "Recommended for You", "Read Next", "What to Read Next", "Around the Web",
    "From the Web", "Promoted Stories", "Sponsored Stories", "More like this"};
/// The same in the other languages of European news pages: "read also", "more
/// on the subject", "most read", "next article" boxes set inside or under the
/// story. Compared without case (ASCII); the whole block is the label.
inline constexpr word tail_markers_european[] = {
    // German
    "Lesen Sie auch", "Lesen Sie mehr", "Lesen Sie hier", "Mehr zum Thema", "Weitere Artikel",
    "Das könnte Sie auch interessieren", "Auch interessant", "Meistgelesen", "Meistgelesene Artikel",
    "Nächster Artikel",
    // French
    "À lire aussi", "A lire aussi", "Lire aussi", "À lire également", "Lire également",
    "Sur le même sujet", "Les plus lus", "Article suivant", "Dernières actualités",
    // Spanish
    "Lee también", "Lea también", "Te puede interesar", "Le puede interesar", "Lo más leído",
    "Noticias relacionadas", "Siguiente artículo",
    // Portuguese
    "Leia também", "Leia mais", "Veja também", "Mais lidas", "Próximo artigo",
    // Italian
    "Leggi anche", "Potrebbe interessarti", "Ti potrebbe interessare", "I più letti",
    "Articoli correlati", "Articolo successivo",
    // Polish
    "Czytaj także", "Czytaj też", "Czytaj również", "Zobacz też", "Zobacz także",
    "Najczęściej czytane", "Następny artykuł",
    // Dutch
    "Lees ook", "Lees meer", "Meest gelezen", "Gerelateerd", "Ook interessant", "Volgend artikel",
    // English ones the table above lacks
    "Read also", "Also read", "See also", "Next article", "Next story"};

/// Labels of a story's reading time ("Lesezeit: 4 Min.", "Temps de lecture :
/// 3 min.", "5 min read" is the byline's): a short line with a figure that
/// opens with one is furniture. Compared without case (ASCII).
inline constexpr word reading_time_labels[] = {
    "Lesezeit", "Lesedauer", "Temps de lecture", "Tiempo de lectura", "Tempo di lettura",
    "Tempo de leitura", "Czas czytania", "Leestijd", "Reading time", "Read time"};

/// Words between such a label and where its stories come from ("Most read
/// in world news", "Trending on the site", "Popular from our partners").
inline constexpr word tail_marker_connectors_en[] = {"in", "on", "from", "at", "across"};

/// Openings of editor, disclaimer, share and keyword lines that pages append
/// to stories.
inline constexpr word furniture_openers[] = {
    "责任编辑", "责编",     "编辑：",   "编辑:",    "原标题",   "校对",       "审核：",
    "值班编辑", "本文编辑", "特别声明", "免责声明", "声明：",   "版权声明",   "扫码",
    "扫描二维码", "点击进入", "打开APP", "下载APP", "关注我们", "分享到",     "返回搜狐",
    "查看更多", "延伸阅读", "相关阅读", "相关新闻", "推荐阅读", "热点推荐",   "关键字：",
    "关键词：", "关键字:",  "关键词:",  "标签：",   "文章关键词", "Tags:",    "Keywords:",
    // a role and a bar or slash ("编辑|魏一鸣", "出品｜某栏目"); Hong Kong and Taiwan spellings
    "编辑|",    "编辑｜",   "编辑/",    "编辑／",   "出品|",    "出品｜",     "责任编辑",
    "責任編輯", "責編",     "編輯：",   "編輯:",    "編輯|",    "編輯｜",     "免責聲明",
    // a breadcrumb ("您所在的位置：首页 > 快讯"), a keyword row, a follow call, a bio note
    "您所在的位置", "您的位置", "当前位置", "所在位置", "當前位置", "关键词 >>", "关键词>>",
    "关注公众号", "關注公眾號", "本文作者介绍", "作者简介：", "作者簡介："};

/// Disclaimer labels, which an outlet's name may precede ("新浪财经免责声明：…",
/// "风险提示及免责条款"): a short line with one near its start is furniture.
inline constexpr word disclaimer_labels[] = {"免责声明", "免責聲明", "特别声明", "特別聲明", "郑重声明",
                                             "鄭重聲明", "风险提示", "風險提示", "版权声明", "版權聲明"};

/// A platform's disclaimer of a contributor's views ("本内容为作者独立观点，不代表
/// 虎嗅立场"): a short line among the story's last ones with one of these is furniture.
inline constexpr word stance_disclaimers[] = {"观点，不代表", "觀點，不代表", "仅代表作者", "僅代表作者",
                                              "不代表本网", "不代表本站", "不代表本網", "不代表本平台",
                                              // an investment disclaimer
                                              "不构成投资建议", "不構成投資建議", "风险自担", "風險自負",
                                              "not necessarily those of", "do not necessarily reflect",
                                              "does not necessarily reflect"};

/// A site's reprint notice ("某某网专稿，未经书面授权请勿转载", "著作权归作者所有，
/// 商业转载请联系作者"): a short line among the story's last ones with one of
/// these is the site's word, not the story's.
inline constexpr word reprint_notices[] = {"请勿转载", "禁止转载", "不得转载", "谢绝转载", "请勿轉載",
                                           "禁止轉載", "不得轉載", "著作权归作者所有", "著作權歸作者所有",
                                           "转载请注明", "轉載請註明"};

/// A recommendation feed's feedback menu ("减少或屏蔽此类内容推荐", "已标记为不喜欢
/// 内容"): a short line with one of these is its label, wherever it stands.
inline constexpr word feed_feedback_phrases[] = {"此类内容推荐", "减少此类推荐", "此類內容推薦", "減少此類推薦",
                                                 "不喜欢内容", "不喜歡內容", "不感兴趣", "不感興趣"};

/// An app or channel promotion ("打开腾讯新闻APP，查看更多精彩内容", "現在用APP看新聞",
/// "点我订阅…Youtube频道"): a short line with no full stop naming one of
/// promo_channels, one of promo_verbs and one of promo_calls (it speaks to the
/// reader: a subhead "下载量暴涨的理财APP" does not). Channels compared without case (ASCII).
inline constexpr word promo_channels[] = {"app", "客户端", "客戶端", "youtube", "小程序"};
inline constexpr word promo_verbs[] = {"打开", "打開", "下载", "下載", "用APP看", "订阅", "訂閱",
                                       "安装", "安裝", "关注", "關注", "扫码", "掃碼"};
inline constexpr word promo_calls[] = {"查看", "看新闻", "看新聞", "阅读", "閱讀", "精彩", "更多", "中奖",
                                       "中獎", "频道", "頻道", "点我", "點我", "请", "請", "欢迎", "歡迎"};

/// Marks of a byline that closes a story rather than opening it ("发布于
/// 2024-06-28・IP 属地上海"): a short dated line with one of these is the byline.
/// (A print edition's line, "《人民日报》（2024年07月13日 01 版）", is the
/// story's, as the benchmarks' references keep it.)
inline constexpr word closing_byline_marks[] = {"发布于", "發佈於", "发表于", "發表於", "编辑于",
                                                "IP 属地", "IP属地"};

/// Marks of a platform account's byline: a follow button beside the name,
/// or "发布于" before the time (雪球, 百家号, 知乎 posts): the name by the
/// date is then the writer's account, not an outlet. A byline token opening
/// with one of these.
inline constexpr word account_byline_marks[] = {"关注", "關注", "+关注", "+關注", "发布于", "發佈於",
                                                "发表于", "發表於"};

/// Marks that open a line in print layouts ("●本报记者 某某"), not part of it.
inline constexpr word line_bullets[] = {"●", "■", "◆", "▲", "◎", "★"};

/// Labels of a page's buttons (share, report, read aloud, edit): a block that
/// is one of these alone, a colon after it or not, is a control, never the story.
inline constexpr word button_labels[] = {"分享", "分享至", "分享到", "举报", "不喜欢", "播报",
                                         "编辑", "收藏", "点赞", "打印", "返回顶部", "播报文章",
                                         "举报/反馈", "反馈", "关注", "在看", "留言", "讚好", "收藏文章",
                                         "关闭", "關閉", "纠错", "糾錯", "字号", "字號", "推荐", "推薦",
                                         "目录", "目錄"};
/// The colons such a label may end with.
inline constexpr word label_colons[] = {"：", ":"};
/// The marks a label may trail off with while a script works ("Loading…").
inline constexpr word ellipses[] = {"\u2026", "...", "\u22EF"};
/// What an ad slot says of itself, alone on its line: furniture. Compared
/// without case.
inline constexpr word ad_labels[] = {"Advertisement", "Advertising", "Advert", "Sponsored", "Anzeige",
                                     "Werbung", "Publicité", "Publicidad", "Pubblicità", "Publicidade",
                                     "Reklama", "Reklam", "Advertentie", "Mainos", "Annonse", "Annons",
                                     "Iklan", "Quảng cáo", "Реклама", "إعلان", "광고", "広告", "广告",
                                     "廣告",
                                     // the line an ad slot sets in the story's flow
                                     "Story continues below", "Article continues below",
                                     "Continue reading below", "Scroll to continue with content",
                                     "Scroll to continue", "Advertisement - Scroll to continue",
                                     "İçeriğin Devamı Aşağıda", "Weiter nach der Anzeige"};
/// What a media player or a gallery's controls say, alone on a line (their
/// text left in the page when the script did not run). Compared without case.
inline constexpr word player_control_labels[] = {
    "Play", "Pause", "Play Video", "Replay", "Mute", "Unmute", "Fullscreen", "Full Screen",
    "Exit fullscreen", "Exit Full Screen", "Autoplay", "Caption", "Captions", "Close", "Next",
    "Previous", "Skip Ad", "Copy video url", "Share this video", "Loading", "加载中", "載入中",
    "読み込み中"};
/// What a share bar says, alone on a line. Compared without case.
inline constexpr word share_labels[] = {
    "Share", "Share this", "Share this story", "Share this article", "Share article",
    "Share on Facebook", "Share on Twitter", "Share on X", "Tweet", "Email", "Print", "Copy link",
    "Teilen", "Artikel teilen", "Link kopieren", "Partager", "Partager cet article", "Copier le lien",
    "Compartir", "Copiar enlace", "Condividi", "Copia link", "Udostępnij", "Delen", "Dela", "Del",
    "Paylaş", "Bagikan", "Bagikan artikel", "Salin tautan", "シェア", "共有", "공유", "공유하기"};

/// A newsletter sign-up call: mentions "newsletter" and one of these.
inline constexpr word newsletter_word = "newsletter";
inline constexpr word sign_up_words[] = {"sign up", "subscribe", "get our"};
/// The consent line under a sign-up form ("By signing up you agree to our
/// Terms of Use"): opens with one of these and mentions agreeing. Compared
/// without case.
inline constexpr word sign_up_consent_openers[] = {"By signing up", "By subscribing", "By clicking",
                                                   "By registering", "By submitting", "By entering your email"};
inline constexpr word consent_word = "agree";
inline constexpr word consent_objects[] = {"terms", "privacy"};

/// "3分钟前", "8 小時前", "2 days ago": a relative timestamp.
inline constexpr word relative_time_words[] = {"分钟前", "分鐘前", "小时前", "小時前", "天前", "秒前"};
inline constexpr word relative_time_word_en = " ago";

// ---------------------------------------------------------------------------
// Titles

/// Separators between a headline and the site's name in <title>:
/// "标题_新浪财经_新浪网", "Headline | Site".
inline constexpr word title_site_separators[] = {"_", " | ", "|", " - ", " – ", " — ", "——", "－", "｜"};

/// A <title> naming the paper's e-paper edition ("证券时报电子报…", "中国证券报
/// 数字报"): every page of the edition shares it, so it is no story's title.
inline constexpr word epaper_title_words[] = {"电子报", "数字报", "電子報", "數位報", "数字版"};

/// The separators Readability.js cuts a <title> at when set off by white
/// space (the declared-title convention): hierarchical ones ("Docs / Guide",
/// "Home » News") say the parts nest; flat ones separate headline and site.
inline constexpr char32_t hierarchical_title_separators[] = {U'\\', U'/', U'>', U'\u00BB'};
inline constexpr char32_t flat_title_separators[] = {U'|', U'-', U'\u2013', U'\u2014'};

/// Badges a page sets beside a headline ("原创 标题", "【独家】标题"): not part of it.
inline constexpr word title_badges[] = {"原创", "独家", "置顶", "首发", "热门", "推荐", "重磅", "快讯"};
/// Brackets around a badge.
inline constexpr word badge_open_brackets[] = {"【", "[", "〔"};
inline constexpr word badge_close_brackets[] = {"】", "]", "〕"};

/// The enumeration comma after a section's numeral ("一、").
inline constexpr word enumeration_comma = "、";
/// Chinese numerals of section numbers ("一、", "（十二）", "第三章").
inline constexpr std::u32string_view chinese_numerals = U"一二三四五六七八九十百零〇";
/// What follows a section number: "一、", "1.", "1、", "第一章".
inline constexpr word section_number_marks[] = {"、", ".", "．", "，", " ", "章", "节", "部分"};

/// What a comment thread's heading calls it, after a count ("38 Responses",
/// "3 条评论") or before one ("Kommentare (312)", "Diskussion (312
/// Beiträge)"); alone, the word may name a section of the story ("Response"
/// in an API's documentation). Compared without case.
/// Of those, the words that alone, with no prose after them, head a comment
/// thread ("Comments", "Kommentare"; not "Reactions" or "Discussion", which
/// title a story's own sections too). Compared without case.
inline constexpr word comment_thread_names[] = {
    "comments", "comment", "Kommentare", "Leserkommentare", "commentaires", "comentarios",
    "comentários", "commenti", "komentarze", "reacties", "评论区", "網友評論", "留言"};
inline constexpr word comment_thread_words[] = {
    "comments", "comment", "responses", "response", "replies", "reactions", "discussion",
    "Kommentare", "Kommentar", "Leserkommentare", "Diskussion", "commentaires", "commentaire",
    "réactions", "comentarios", "comentários", "commenti", "komentarze", "komentarzy", "reacties",
    "评论", "条评论", "留言", "评论区", "網友評論", "則留言", "條評論"};
/// The labels of a comment form, which opens the thread too.
inline constexpr word comment_form_labels[] = {
    "Leave a Reply", "Leave a comment", "Add a comment", "Post a comment", "Join the discussion",
    "Join the conversation", "Write a comment", "Schreiben Sie einen Kommentar", "Kommentar schreiben",
    "Diskutieren Sie mit", "Laisser un commentaire", "Deja un comentario", "Deixe um comentário",
    "Lascia un commento", "Dodaj komentarz", "Laat een reactie achter", "发表评论", "我要评论",
    "写评论", "發表評論"};

/// A comment section's heading quotes the headline: "2 comments on “Title”",
/// "12 responses to Title". Compared without case.
inline constexpr word comment_heading_words[] = {"comments on", "comment on", "responses to",
                                                 "replies to", "thoughts on", "条评论"};

/// Class or id words of an element that shows the headline.
inline constexpr word title_class_words[] = {"title", "headline", "tit", "biaoti"};

// ---------------------------------------------------------------------------
// Class and id words (lower case, one token of a name split at case changes
// and punctuation: "shareBar" -> share, bar)

/// Page chrome: navigation, share bars, comments, ads, author boxes...
inline constexpr word chrome_class_words[] = {
    "nav", "navbar", "navigation", "menu", "menus", "footer", "foot", "sidebar", "side", "aside",
    "share", "sharing", "social", "related", "relate", "recommend", "recommended", "recom",
    "comment", "comments", "reply", "ad", "ads", "advert", "advertisement", "adv", "banner",
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "copyright", "login", "subscribe",
    "newsletter", "toolbar", "pager", "pagination", "popup", "modal", "cookie", "widget", "rank",
    "ranking", "hotnews", "gotop", "backtop", "qrcode", "erweima", "sitemap", "promo", "sponsor",
    "disclaimer", "statement", "tool", "tools", "bshare", "jiathis", "author", "bio", "profile",
    "donate", "donation", "contribute", "contribution", "util", "utils", "utility", "layer",
    "membership", "subscription"};

/// Chrome that carries prose of its own: consent dialogs and pop-ups. A class
/// word that starts with one decides even over a lot of text.
inline constexpr word overlay_class_words[] = {"cookie", "cookies", "consent", "onetrust", "gdpr",
                                               "popup", "modal"};

/// Prose-rich chrome named by the first token of a class word: comment
/// threads and the wiki furniture around an entry.
inline constexpr word prose_chrome_class_words[] = {
    "comment", "comments", "reply", "replies", "disqus", "infobox", "navbox", "ambox", "mbox",
    "toc", "catlinks", "reflist", "references", "noprint"};

/// The article's own container: "article", "post-body", "main-text", "zhengwen"...
inline constexpr word content_class_words[] = {
    "article", "content", "post", "entry", "main", "body", "text", "story", "detail", "zhengwen",
    "artibody", "cont", "txt", "con", "articlebody", "newstext", "newscontent", "maintext",
    "contentmain", "neirong"};

/// Class or id words of a byline element ("byline", "article-author",
/// "authorName", "writer", "contributor"); "author" then "name" counts too.
/// Class tokens (and tokens of a CMS's own "*-style" attribute) that set an
/// element in bold: a subhead the page marks by class, not with <strong>.
inline constexpr word bold_class_words[] = {"bold", "strong"};
inline constexpr word byline_class_words[] = {"byline", "bylines", "author", "authors",
                                              "authorname", "writer", "contributor",
                                              "contributors"};

/// Class or id words of an element beside a byline that is not the name:
/// "author-bio", "author-photo", "author-title", "byline__source".
inline constexpr word byline_part_class_words[] = {
    "bio", "photo", "avatar", "image", "img", "pic", "thumb", "title", "job", "follow", "social",
    "twitter", "email", "source", "desc", "description", "about", "comment"};

/// Class or id words of a container whose bylines are other people's: comment
/// threads, author-bio boxes, lists of other stories, sidebars.
inline constexpr word foreign_byline_class_words[] = {
    "comment", "comments", "reply", "replies", "disqus", "related", "recommend", "recommended",
    "bio", "profile", "sidebar", "widget", "popular", "trending", "more", "promo", "newsletter",
    "footer", "nav", "menu", "teaser", "teasers", "card", "cards"};

/// An author's bio box is a class word with a writer token right before a bio
/// token: "author-bio", "writer_profile", "authorBiography".
inline constexpr word writer_class_words[] = {"author", "authors", "writer", "editor"};
inline constexpr word bio_box_class_words[] = {"bio", "biography", "profile", "about"};

/// Class words of CSS frameworks' display:none utilities (Bootstrap's
/// .hidden and .d-none, Tailwind's .hidden), compared whole and with case.
/// A responsive word beside one shows the element again on wider screens
/// ("hidden md:block", "d-none d-lg-block"): responsive_display_marks.
inline constexpr word hiding_class_words[] = {"hidden", "d-none", "is-hidden"};
inline constexpr word responsive_display_marks[] = {":", "d-sm-", "d-md-", "d-lg-", "d-xl-", "d-xxl-"};

/// ARIA roles of page chrome.
inline constexpr word chrome_roles[] = {"navigation", "banner", "contentinfo", "complementary"};

/// The itemprop of the article's body.
inline constexpr word article_body_itemprop = "articleBody";

// ---------------------------------------------------------------------------
// Embeds

/// Words in "<!-- X_Start --> ... <!-- X_End -->" comment pairs around a
/// stock chart or picture embed (Eastmoney's EM_StockImg_Start).
inline constexpr word embed_marker_words[] = {"stockimg", "stock", "img", "chart", "kline", "quote"};
inline constexpr word embed_marker_start = "Start";
inline constexpr word embed_marker_end = "End";

/// Class of the remark under an Eastmoney chart embed.
inline constexpr word chart_remark_class = "EmImageRemark";

/// A chart picture: its src mentions kline, or its alt opens with K图 / 分时图.
inline constexpr word chart_image_src_word = "kline";
inline constexpr word chart_image_alt_openers[] = {"K图", "分时图"};

// ---------------------------------------------------------------------------
// Stock codes

/// Function words that end a clause before a company name ("记者从|中国石化"):
/// the name a code follows starts after the last of them.
inline constexpr std::u32string_view clause_function_chars =
    U"从在对为与和及向据是了的将由被把等获称于至自让给跟同以因当即若如并或且就也都又还";

// ---------------------------------------------------------------------------
// Posts

/// Front matter keys that may hold the story's address, in order of trust.
inline constexpr word post_url_keys[] = {"url", "link", "source_url", "permalink"};

/// The thousand most frequent characters of Chinese text, then their traditional forms: of
/// a news page decoded with the right charset about four in five letters are among them, of
/// GBK bytes read as Big5 (or the reverse) under one in ten (decode/charset.cpp).
inline constexpr std::u32string_view common_hanzi =
    U"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    U"用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    U"日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    U"美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    U"解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    U"计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    U"完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    U"收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    U"深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    U"八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    U"武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    U"效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    U"仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    U"若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    U"洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    U"刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    U"户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    U"舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    U"虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅"
    U"泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    // the traditional forms of the same characters
    U"這個們來為國說時會對於過發後種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給"
    U"門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術"
    U"領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉遠單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須"
    U"寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維敵陳態護興驗責營夠嚴續講終緊黃絕項圍織"
    U"鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝"
    U"範異漢簡擔靜積檢靈協佔徵揮勝階審沈堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞"
    U"討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺謝魯慮銷鐘詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅"
    U"筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂裡裏臺";

}  // namespace newsx::lexicon

#endif  // NEWSX_LEXICON_LEXICON_HPP
