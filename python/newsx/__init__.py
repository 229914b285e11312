"""newsx: news HTML and Jekyll-style posts in, typed articles out.

    import newsx
    article = newsx.extract(open("page.html", "rb").read())
    article["title"], article["date"], article["stock_codes"]

    for record in newsx.read_warc("crawl.warc.gz"):
        record["url"], record["http_status"], record["fetch_date"], record["text"]

Articles are dicts with the keys of the ``extract`` command's JSON (see
``Article``); ``Extractor`` holds options and is reused across documents; a
document that cannot be extracted raises ``ExtractError``.
"""
from typing import List, Optional, TypedDict

from ._newsx import (
    ExtractError,
    Extractor,
    Securities,
    WarcReader,
    __version__,
    extract,
    read_warc,
)

__all__ = [
    "Article",
    "Block",
    "Image",
    "StockCode",
    "ExtractError",
    "Extractor",
    "Securities",
    "WarcReader",
    "extract",
    "read_warc",
    "__version__",
]


class Block(TypedDict, total=False):
    """One body block: "type" is heading, paragraph, list_item, quote, table_row or code;
    "level" only on headings, "cells" only on table rows."""

    type: str
    level: int
    text: str
    cells: List[str]


class Image(TypedDict):
    """An image of the body: its src, alt text and caption."""

    src: str
    alt: Optional[str]
    caption: Optional[str]


class StockCode(TypedDict):
    """A security the article names: symbol "600519.SH", code "600519", market "SH",
    exchange MIC "XSHG", kind "stock", "fund" or "bond", the name it uses, and how often."""

    symbol: str
    code: str
    market: str
    exchange: Optional[str]
    kind: str
    name: Optional[str]
    mentions: int


class Article(TypedDict, total=False):
    """What extract() returns and read_warc() yields (the JSON's keys, in its order).

    read_warc adds "file", "warc_record_id", "http_status" and "fetch_date";
    Extractor(explain=True) adds "candidates"."""

    file: str
    warc_record_id: str
    http_status: int
    fetch_date: str
    title: Optional[str]
    date: Optional[str]
    source: Optional[str]
    author: Optional[str]
    url: Optional[str]
    site_name: Optional[str]
    lang: str
    summary: Optional[str]
    categories: List[str]
    tags: List[str]
    is_article: bool
    body: List[Block]
    text: str
    images: List[Image]
    stock_codes: List[StockCode]
    charset: str
    input_kind: str
    warnings: List[str]
    candidates: List[dict]
