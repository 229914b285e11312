# Type stubs for newsx (the compiled newsx._newsx and the TypedDicts of __init__.py).
import os
from typing import Iterable, Iterator, List, Optional, Sequence, TypedDict, Union

__version__: str

_Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
_Input = Union[str, bytes, bytearray, memoryview]

class Block(TypedDict, total=False):
    type: str
    level: int
    text: str
    cells: List[str]

class Image(TypedDict):
    src: str
    alt: Optional[str]
    caption: Optional[str]

class StockCode(TypedDict):
    symbol: str
    code: str
    market: str
    exchange: Optional[str]
    kind: str
    name: Optional[str]
    mentions: int

class Article(TypedDict, total=False):
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

class ExtractError(ValueError):
    """A document newsx cannot extract; args are (code, message)."""

    def __init__(self, code: str, message: str) -> None: ...
    @property
    def code(self) -> str:
        """The error's stable name, e.g. "binary_input", "empty_input", "input_too_large"."""
    @property
    def message(self) -> str:
        """What was wrong, for people."""

class Securities:
    """A securities list compiled once, shared by every Extractor given it."""

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        """From rows of (symbol, name, alias...); ValueError on a symbol that is no code."""
    @staticmethod
    def load(path: _Path) -> "Securities":
        """A CSV file of symbol,name[,alias...] lines, as `extract --securities` reads."""
    @staticmethod
    def from_csv(text: str) -> "Securities":
        """The same CSV as load(), given as a string."""
    def __len__(self) -> int: ...

class WarcReader(Iterator[Article]):
    """The iterator read_warc() returns."""

    def __iter__(self) -> "WarcReader": ...
    def __next__(self) -> Article: ...

class Extractor:
    """A reusable extractor; keep one per thread (calls on one Extractor are serialised)."""

    def __init__(
        self,
        default_tz: str = "+08:00",
        charset: str = "",
        max_input_bytes: int = 67108864,
        max_depth: int = 2000,
        sentences: bool = True,
        securities: Union[Securities, _Path, Iterable[Sequence[str]], None] = None,
        normalize_width: bool = False,
        explain: bool = False,
        max_nodes: int = 500000,
        max_parse_bytes: int = 1073741824,
        reference_time: str = "",
        paragraph_look: bool = True,
    ) -> None:
        """A bad default_tz, reference_time or securities list raises ValueError.
        paragraph_look=False chooses the content by its element alone (faster, less recall)."""
    def extract(self, data: _Input, url: Optional[str] = None, charset: Optional[str] = None) -> Article:
        """One document (a post, an HTML page in any charset, or text); raises ExtractError."""
    def read_warc(self, path: _Path, keep_errors: bool = False) -> WarcReader:
        """The HTML responses of a WARC archive, as `extract --warc` prints them."""

def extract(
    data: _Input, url: Optional[str] = None, default_tz: str = "+08:00", charset: Optional[str] = None
) -> Article:
    """One document with a per-thread default Extractor; raises ExtractError, or ValueError on a bad default_tz."""

def read_warc(path: _Path, default_tz: str = "+08:00", keep_errors: bool = False) -> WarcReader:
    """The HTML responses of a WARC archive (.warc, .warc.gz), one dict per record with
    file, warc_record_id, http_status and fetch_date before the article's keys."""
