"""The Python binding, tested with the standard library's unittest (run by CTest).

NEWSX_EXTRACT and NEWSX_FIXTURES point at the extract CLI and the fixtures, so the
binding is checked against the command line on the same inputs.
"""
import gzip
import json
import os
import pathlib
import pickle
import subprocess
import tempfile
import threading
import unittest

import newsx
import warc_fixture

FIXTURES = os.environ["NEWSX_FIXTURES"]
EXTRACT = os.environ["NEWSX_EXTRACT"]
SEED = os.path.join(FIXTURES, "post.txt")
SECURITIES = os.path.join(os.environ["NEWSX_TEST_DATA"], "securities.csv")


def read(path):
    with open(path, "rb") as fh:
        return fh.read()


class ExtractTest(unittest.TestCase):
    def test_limits_and_reference_time(self):
        dense = "<html><body>" + "<p>a</p>" * 300000
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.Extractor().extract(dense)
        self.assertEqual(cm.exception.code, "too_many_nodes")
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.Extractor(max_nodes=10_000_000, max_parse_bytes=16 << 20).extract(dense)
        self.assertEqual(cm.exception.code, "out_of_memory")
        page = ("<html><body><article><h1>央行今日开展逆回购操作</h1><p class=\"time\">3小时前</p>"
                "<p>中国人民银行今日开展两千亿元逆回购操作，中标利率维持不变，市场流动性保持合理充裕。</p>"
                "</article></body></html>")
        self.assertIsNone(newsx.Extractor().extract(page)["date"])
        dated = newsx.Extractor(reference_time="2024-03-05T12:00:00+08:00").extract(page)
        self.assertTrue((dated["date"] or "").startswith("2024-03-05T09:00"), dated["date"])
        with self.assertRaises(ValueError):
            newsx.Extractor(reference_time="not a time")

    def test_paragraph_look_can_be_turned_off(self):
        def paras(texts):
            return "".join(f"<p>{t}</p>" for t in texts)
        first = [f"Section one, paragraph {i}: the council voted to rebuild the harbour wall, which "
                 "storms have damaged every winter since the pier was extended." for i in range(5)]
        second = [f"Section two, paragraph {i}: fishermen asked for a timetable, and the mayor said "
                  "work on the wall would start when the spring tides had passed." for i in range(2)]
        page = ("<html><body><main><div class='page'><h1>Harbour wall to be rebuilt</h1>"
                "<div class='part'><div class='inner'>" + paras(first) + "</div></div>"
                "<div class='promo'><a href='/x'>Subscribe to our newsletter for the week's news</a></div>"
                "<div class='part'><div class='inner-last'>" + paras(second) + "</div></div>"
                "</div></main></body></html>")
        self.assertIn("Section two", newsx.Extractor().extract(page)["text"])
        alone = newsx.Extractor(paragraph_look=False).extract(page)["text"]
        self.assertIn("Section one", alone)
        self.assertNotIn("Section two", alone)

    def test_securities_list_names_a_company_without_its_code(self):
        post = "---\ntitle: 季度财报\ndate: 2024-08-14\n---\n\n腾讯控股公布业绩。\n".encode()
        self.assertEqual(newsx.Extractor().extract(post)["stock_codes"], [])
        codes = newsx.Extractor(securities=SECURITIES).extract(post)["stock_codes"]
        self.assertEqual([c["symbol"] for c in codes], ["00700.HK"])
        with self.assertRaises(ValueError):
            newsx.Extractor(securities="/no/such/list.csv")
        with self.assertRaises(ValueError):
            newsx.Extractor(default_tz="+99:00")

    def test_seed_matches_the_cli(self):
        cli = json.loads(subprocess.run([EXTRACT, SEED], check=True, capture_output=True).stdout)
        got = newsx.extract(read(SEED))
        self.assertEqual(got, cli)
        self.assertEqual(got["stock_codes"][0]["symbol"], "OCFT.US")
        self.assertEqual(got["date"], "2022-02-25T15:08:15+08:00")

    def test_every_fixture_matches_the_cli(self):
        paths = []
        for root, _, files in os.walk(FIXTURES):
            paths += [os.path.join(root, f) for f in files if not f.endswith(".json")]
        out = subprocess.run([EXTRACT, "--format", "jsonl"] + sorted(paths),
                             capture_output=True, check=False).stdout.decode()
        cli = {}
        for line in out.splitlines():
            rec = json.loads(line)
            cli[rec.pop("file")] = rec
        ex = newsx.Extractor()
        for path in sorted(paths):
            with self.subTest(path=path):
                self.assertEqual(ex.extract(read(path)), cli[path])

    def test_str_and_bytes(self):
        text = read(SEED)
        self.assertEqual(newsx.extract(text.decode("utf-8")), newsx.extract(text))
        self.assertEqual(newsx.extract(bytearray(text)), newsx.extract(text))

    def test_options_and_hints(self):
        post = "---\ntitle: t\ndate: 2022-01-02 03:04:05\n---\n\n<p>正文。</p>\n"
        self.assertEqual(newsx.extract(post)["date"], "2022-01-02T03:04:05+08:00")
        self.assertEqual(newsx.extract(post, default_tz="-05:00")["date"], "2022-01-02T03:04:05-05:00")
        ex = newsx.Extractor(default_tz="+09:00", sentences=False)
        self.assertEqual(ex.extract(post)["date"], "2022-01-02T03:04:05+09:00")
        # the default offset is for Chinese pages unless asked for every page
        english = "---\ntitle: t\ndate: 2022-01-02 03:04:05\n---\n\n<p>Markets were calm and liquidity ample.</p>\n"
        self.assertEqual(ex.extract(english)["date"], "2022-01-02T03:04:05")
        every = newsx.Extractor(default_tz="+09:00", default_tz_all_pages=True)
        self.assertEqual(every.extract(english)["date"], "2022-01-02T03:04:05+09:00")
        page = "<html><body><p>" + "市场平稳运行，流动性合理充裕。" * 20 + "</p></body></html>"
        gbk = page.encode("gb18030")
        got = ex.extract(gbk, url="http://example.com/x", charset="gbk")
        self.assertEqual(got["url"], "http://example.com/x")
        self.assertEqual(got["charset"], "GB18030")

    def test_errors_are_exceptions_with_a_code(self):
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.extract(b"")
        self.assertEqual(cm.exception.args[0], "empty_input")
        self.assertEqual(cm.exception.code, "empty_input")
        self.assertIn("empty", cm.exception.message)
        self.assertEqual(str(cm.exception), "empty_input: " + cm.exception.message)
        self.assertIsInstance(cm.exception, ValueError)
        # worker processes (dask) send exceptions back pickled
        again = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(again), newsx.ExtractError)
        self.assertEqual((again.code, again.message), (cm.exception.code, cm.exception.message))
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.extract(b"\x1f\x8b\x08\x00 gzip")
        self.assertEqual(cm.exception.args[0], "binary_input")
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.Extractor(max_input_bytes=10).extract(b"<p>longer than ten bytes</p>")
        self.assertEqual(cm.exception.args[0], "input_too_large")

    def test_threads_get_the_same_answers(self):
        data = read(SEED)
        expected = newsx.extract(data)
        results = []

        def work():
            ex = newsx.Extractor()
            results.extend(ex.extract(data) == expected for _ in range(20))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 80)

    def test_a_bad_time_zone_is_a_value_error_everywhere(self):
        for call in (lambda: newsx.extract("<p>x</p>", default_tz="+99:00"),
                     lambda: newsx.Extractor(default_tz="8 hours"),
                     lambda: newsx.read_warc(SEED, default_tz="+25:00")):
            with self.assertRaises(ValueError) as cm:
                call()
            self.assertNotIsInstance(cm.exception, newsx.ExtractError)
            self.assertIn("UTC offset", str(cm.exception))

    def test_securities_from_rows_csv_and_file_agree(self):
        post = "---\ntitle: 盘面\ndate: 2024-08-14\n---\n\n贵州茅台与腾讯控股午后走强，茅台成交放大。\n"
        rows = [("600519.SH", "贵州茅台", "茅台"), ("00700.HK", "腾讯控股")]
        listed = newsx.Securities(rows)
        self.assertEqual(len(listed), 2)
        self.assertEqual(len(newsx.Securities.load(pathlib.Path(SECURITIES))),
                         len(newsx.Securities.load(SECURITIES)))
        want = [("600519.SH", 2), ("00700.HK", 1)]
        for given in (listed, rows, newsx.Securities.from_csv("600519.SH,贵州茅台,茅台\n00700.HK,腾讯控股\n")):
            codes = newsx.Extractor(securities=given).extract(post)["stock_codes"]
            self.assertEqual(sorted((c["symbol"], c["mentions"]) for c in codes), sorted(want))
        # a name with a comma and a quote survives the rows' quoting
        odd = newsx.Securities([("AAPL.US", 'Apple, "Inc."')])
        self.assertEqual(len(odd), 1)
        with self.assertRaises(ValueError):
            newsx.Securities([("not-a-code", "名字")])
        with self.assertRaises(TypeError):
            newsx.Securities(["600519.SH,贵州茅台"])
        with self.assertRaises(TypeError):
            newsx.Extractor(securities=42)

    def test_read_warc_equals_the_cli(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name, compressed in (("crawl.warc", False), ("crawl.warc.gz", True)):
                with self.subTest(archive=name):
                    path = warc_fixture.write(os.path.join(tmp, name), compressed)
                    got = list(newsx.read_warc(path))
                    warc_fixture.assert_same(self, got, warc_fixture.cli_records(EXTRACT, path))
                    # two articles and the empty page's error record; the 404,
                    # the image, the request and the warcinfo are skipped
                    self.assertEqual([r.get("url") for r in got],
                                     ["http://news.example.com/a.html", "http://news.example.com/b.html", None])
                    first, second, empty = got
                    self.assertEqual(first["http_status"], 200)
                    self.assertEqual(first["fetch_date"], "2024-05-04T08:00:03Z")
                    self.assertEqual(first["title"], "央行开展逆回购操作")
                    self.assertEqual(first["file"], path)
                    self.assertEqual(second["charset"], "GB18030")
                    self.assertEqual([c["symbol"] for c in second["stock_codes"]], ["600519.SH"])
                    self.assertEqual((empty["warc_record_id"], empty["error"]), ("<urn:uuid:7>", "empty_input"))

    def test_read_warc_options(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = warc_fixture.write(os.path.join(tmp, "crawl.warc"))
            kept = list(newsx.read_warc(pathlib.Path(path), keep_errors=True))
            warc_fixture.assert_same(self, kept, warc_fixture.cli_records(EXTRACT, path, "--keep-errors"))
            self.assertEqual([r.get("http_status") for r in kept], [200, 200, 404, None])
            # an Extractor's options apply to its archive: UTC instead of +08:00
            ex = newsx.Extractor(default_tz="Z")
            _, dated, _ = ex.read_warc(path)
            self.assertEqual(dated["date"], "2024-05-02T14:05:00+00:00")
            self.assertEqual(next(iter(ex.read_warc(path, keep_errors=True)))["warc_record_id"], "<urn:uuid:3>")
            with self.assertRaises(OSError):
                newsx.read_warc(os.path.join(tmp, "missing.warc"))
            # an archive cut in the middle of a record: the records before it, then an
            # error record, as extract --warc gives
            with open(path, "rb") as fh:
                data = fh.read()
            cut = os.path.join(tmp, "cut.warc.gz")
            with open(cut, "wb") as fh:
                fh.write(gzip.compress(data)[: len(gzip.compress(data)) * 2 // 3])
            recs = list(newsx.read_warc(cut))
            self.assertTrue(recs and "error" in recs[-1], recs)
            self.assertTrue(any("error" not in r for r in recs))
            warc_fixture.assert_same(self, recs, warc_fixture.cli_records(EXTRACT, cut))

    def test_the_package_ships_its_type_stubs(self):
        here = os.path.dirname(newsx.__file__)
        self.assertTrue(os.path.isfile(os.path.join(here, "py.typed")))
        with open(os.path.join(here, "__init__.pyi"), encoding="utf-8") as fh:
            stubs = fh.read()
        for name in newsx.__all__:
            with self.subTest(name=name):
                self.assertRegex(stubs, rf"(?m)^(class|def) {name}\b|^{name}:")
                self.assertTrue(getattr(newsx, name).__doc__ or name == "__version__")
        for name in ("extract", "Extractor", "ExtractError", "read_warc", "Securities"):
            self.assertGreater(len(getattr(newsx, name).__doc__), 40)

    def test_version(self):
        self.assertRegex(newsx.__version__, r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
