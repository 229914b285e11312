"""A small WARC archive written by the tests themselves, and the comparison of
newsx.read_warc with `extract --warc` on it (used by test_newsx.py and by the
check of the pip-installed package)."""
import gzip
import json
import subprocess

PAGE_A = (
    "<html><head><meta charset='utf-8'><title>央行开展逆回购操作_示例财经</title>"
    "<meta property='article:published_time' content='2024-05-01T09:30:00+08:00'></head><body>"
    "<nav><a href='/'>首页</a> <a href='/market'>市场</a></nav>"
    "<h1>央行开展逆回购操作</h1><p>来源：示例财经 作者：王小明</p>"
    "<p>中国人民银行今日开展两千亿元七天期逆回购操作，中标利率维持不变。市场人士认为，"
    "月初资金面总体平稳，流动性将保持合理充裕。</p>"
    "<p>分析人士指出，短期资金利率有望保持平稳，债券市场情绪稳定，利率波动有限。</p>"
    "</body></html>"
)
PAGE_B = (
    "<html><head><title>白酒板块午后走强</title></head><body><h1>白酒板块午后走强</h1>"
    "<p>2024年5月2日 14:05 记者 李华</p>"
    "<p>白酒板块午后持续走强，贵州茅台(600519)涨超百分之二，成交额明显放大。"
    "机构认为，节前备货需求带动板块情绪回暖，龙头公司业绩确定性较高。</p>"
    "<p>多家券商发布研报，维持行业推荐评级，建议关注高端白酒的配置价值。</p>"
    "</body></html>"
)
NOT_FOUND = "<html><head><title>页面不存在</title></head><body><p>您访问的页面不存在。</p></body></html>"


def _record(warc_type, uri, rid, content_type, block):
    head = [
        "WARC/1.1",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:{rid}>",
        f"WARC-Date: 2024-05-0{rid % 9 + 1}T08:00:0{rid % 10}Z",
    ]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _response(uri, rid, status, content_type, body, extra_headers=""):
    reason = {200: "OK", 404: "Not Found"}[status]
    http = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{extra_headers}\r\n"
    return _record("response", uri, rid, "application/http; msgtype=response", http.encode() + body)


def _chunked(body):
    half = len(body) // 2
    out = b""
    for part in (body[:half], body[half:]):
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def records():
    """The archive's records: a warcinfo and a request, two articles (UTF-8 and GBK,
    the second chunked), a 404, an image and an empty 200 page (an error record)."""
    return [
        _record("warcinfo", "", 1, "application/warc-fields", b"software: newsx tests\r\n"),
        _record("request", "http://news.example.com/a.html", 2, "application/http; msgtype=request",
                b"GET /a.html HTTP/1.1\r\nHost: news.example.com\r\n\r\n"),
        _response("http://news.example.com/a.html", 3, 200, "text/html; charset=utf-8",
                  PAGE_A.encode("utf-8")),
        _response("http://news.example.com/b.html", 4, 200, "text/html; charset=gbk",
                  _chunked(PAGE_B.encode("gbk")), "Transfer-Encoding: chunked\r\n"),
        _response("http://news.example.com/gone.html", 5, 404, "text/html", NOT_FOUND.encode()),
        _response("http://news.example.com/logo.png", 6, 200, "image/png", b"\x89PNG\r\n\x1a\n"),
        _response("http://news.example.com/empty.html", 7, 200, "text/html", b"   \n"),
    ]


def write(path, compressed=False):
    """Writes the archive: plain, or one gzip member per record (as crawlers write)."""
    with open(path, "wb") as fh:
        for r in records():
            fh.write(gzip.compress(r) if compressed else r)
    return path


# Keys read_warc and the CLI must agree on whenever both have them; the CLI's
# record may gain keys of its own, so the rest are compared where shared.
ESSENTIAL = {"file", "warc_record_id", "url", "fetch_date", "http_status", "title", "date", "text"}


def cli_records(extract, path, *args):
    out = subprocess.run([extract, "--warc", path, *args], capture_output=True, check=False)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


def assert_same(test, got, want):
    """read_warc's dicts against the CLI's JSON lines, record by record."""
    test.assertEqual(len(got), len(want))
    for g, w in zip(got, want):
        if "error" in w:
            test.assertEqual(g, {k: w[k] for k in g})
            continue
        test.assertLessEqual(ESSENTIAL, g.keys() & w.keys())
        shared = g.keys() & w.keys()
        test.assertEqual({k: g[k] for k in shared}, {k: w[k] for k in shared})
