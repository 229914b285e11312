"""The Python binding, tested with the standard library's unittest (run by CTest).

NEWSX_EXTRACT and NEWSX_FIXTURES point at the extract CLI and the fixtures, so the
binding is checked against the command line on the same inputs.
"""
import json
import os
import subprocess
import threading
import unittest

import newsx

FIXTURES = os.environ["NEWSX_FIXTURES"]
EXTRACT = os.environ["NEWSX_EXTRACT"]
SEED = os.path.join(FIXTURES, "post.txt")
SECURITIES = os.path.join(os.environ["NEWSX_TEST_DATA"], "securities.csv")


def read(path):
    with open(path, "rb") as fh:
        return fh.read()


class ExtractTest(unittest.TestCase):
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
        page = "<html><body><p>" + "市场平稳运行，流动性合理充裕。" * 20 + "</p></body></html>"
        gbk = page.encode("gb18030")
        got = ex.extract(gbk, url="http://example.com/x", charset="gbk")
        self.assertEqual(got["url"], "http://example.com/x")
        self.assertEqual(got["charset"], "GB18030")

    def test_errors_are_exceptions_with_a_code(self):
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.extract(b"")
        self.assertEqual(cm.exception.args[0], "empty_input")
        self.assertIsInstance(cm.exception, ValueError)
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

    def test_version(self):
        self.assertRegex(newsx.__version__, r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
