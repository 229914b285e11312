"""CTest python.pip_install: `pip wheel .` and `pip install .` as a user runs them
offline on Debian 12 (python3-venv, python3-pip, python3-setuptools,
python3-pybind11), in a scratch venv with --system-site-packages, no package
index and no build isolation; then this script runs again inside the venv
(--installed) and checks the installed package against the extract CLI.

    pip_install.py SOURCE_DIR WORK_DIR          # NEWSX_EXTRACT: the CLI

Exits 77 (skipped) when this interpreter lacks venv, setuptools or pybind11.
"""
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def build(source, work):
    try:
        import ensurepip  # noqa: F401  (python3-venv)
        import pybind11.setup_helpers  # noqa: F401  (python3-pybind11)
        import setuptools  # noqa: F401
        import venv  # noqa: F401
    except ImportError as e:
        print(f"{sys.executable} cannot build the package ({e}): skipped; Debian: apt-get install "
              "python3-venv python3-pip python3-setuptools python3-pybind11")
        return 77
    # the files a checkout holds for the package, copied so that the build
    # writes nothing into the source tree
    src = os.path.join(work, "src")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(src, "python"))
    for f in ("pyproject.toml", "setup.py", "MANIFEST.in", "CMakeLists.txt", "README.md"):
        shutil.copy2(os.path.join(source, f), src)
    for d in ("include", "src", "python/newsx"):
        shutil.copytree(os.path.join(source, d), os.path.join(src, d))
    shutil.copy2(os.path.join(source, "python", "newsx_python.cpp"), os.path.join(src, "python"))

    venv_dir = os.path.join(work, "venv")
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv_dir], check=True)
    python = os.path.join(venv_dir, "bin", "python")
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_CONFIG_FILE=os.devnull)
    launcher = os.environ.get("NEWSX_COMPILER_LAUNCHER")
    if launcher:  # ccache: the second build (install) is served from the first (wheel)
        env["CC"] = f"{launcher} {sysconfig.get_config_var('CC')}"
    dist = os.path.join(work, "dist")
    subprocess.run([python, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w", dist, "."],
                   cwd=src, env=env, check=True)
    wheels = [f for f in os.listdir(dist) if f.startswith("newsx-") and f.endswith(".whl")]
    if len(wheels) != 1:
        print(f"pip wheel made {wheels} in {dist}")
        return 1
    subprocess.run([python, "-m", "pip", "install", "--no-build-isolation", "."], cwd=src, env=env,
                   check=True)
    # from outside the source copy, so that `import newsx` finds the installed package
    return subprocess.run([python, os.path.abspath(__file__), "--installed", venv_dir,
                           os.path.join(dist, wheels[0])], cwd=work, env=env).returncode


class InstalledTest(unittest.TestCase):
    venv = ""
    wheel = ""

    def test_imported_from_the_venv(self):
        import newsx
        self.assertTrue(os.path.realpath(newsx.__file__).startswith(os.path.realpath(self.venv)))

    def test_a_real_extraction(self):
        import newsx
        page = ("<html><head><title>沪指震荡收涨_示例网</title></head><body><h1>沪指震荡收涨</h1>"
                "<p>2024-06-03 15:10 来源：示例财经</p><p>" + "两市成交额小幅回升，券商板块走强，"
                "中信证券(600030)涨超三个百分点。" * 4 + "</p></body></html>").encode("gb18030")
        a = newsx.extract(page, url="https://news.example.com/1.html")
        self.assertEqual(a["title"], "沪指震荡收涨")
        self.assertEqual(a["date"], "2024-06-03T15:10:00+08:00")
        self.assertEqual(a["source"], "示例财经")
        self.assertEqual(a["charset"], "GB18030")
        self.assertEqual([s["symbol"] for s in a["stock_codes"]], ["600030.SH"])
        self.assertTrue(a["is_article"])
        with self.assertRaises(newsx.ExtractError) as cm:
            newsx.extract(b"\x1f\x8b\x08\x00 gzip")
        self.assertEqual(cm.exception.code, "binary_input")
        with self.assertRaises(ValueError):
            newsx.Extractor(default_tz="+99:00")

    def test_read_warc_equals_the_cli(self):
        import newsx
        import warc_fixture
        with tempfile.TemporaryDirectory() as tmp:
            path = warc_fixture.write(os.path.join(tmp, "crawl.warc.gz"), compressed=True)
            got = list(newsx.read_warc(path))
            self.assertEqual(len(got), 3)
            warc_fixture.assert_same(self, got, warc_fixture.cli_records(os.environ["NEWSX_EXTRACT"], path))

    def test_the_wheel_and_the_install_hold_the_stubs(self):
        import newsx
        names = zipfile.ZipFile(self.wheel).namelist()
        for f in ("newsx/__init__.py", "newsx/__init__.pyi", "newsx/py.typed"):
            self.assertIn(f, names)
            self.assertTrue(os.path.isfile(os.path.join(os.path.dirname(newsx.__file__), os.path.basename(f))))
        self.assertEqual(len([n for n in names if n.startswith("newsx/_newsx") and n.endswith(".so")]), 1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--installed"]:
        InstalledTest.venv, InstalledTest.wheel = sys.argv[2], sys.argv[3]
        sys.path.insert(0, HERE)  # warc_fixture
        unittest.main(argv=[sys.argv[0], "-v"])
    sys.exit(build(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
