"""Builds the newsx Python package: newsx/ (python/newsx) and its extension
newsx._newsx, compiled from python/newsx_python.cpp and the library's own
sources (the NEWSX_SOURCES list in CMakeLists.txt, read from there so the two
builds never differ). gumbo, ICU, zlib and zstd are linked from the system
(pkg-config); fmt and nlohmann-json are header-only, as in the CMake build.

Offline on Debian 12 (apt-get install python3-pip python3-setuptools
python3-pybind11 python3-dev pkg-config g++ libgumbo-dev libicu-dev
zlib1g-dev libzstd-dev libfmt-dev nlohmann-json3-dev):

    /usr/bin/python3 -m pip install --no-build-isolation --no-index .

NEWSX_BUILD_JOBS=N compiles N sources at a time (default: every core).
"""
import os
import re
import shlex
import subprocess
import sys

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def cmake_project():
    """The version in project(newsx VERSION x.y.z) and the NEWSX_SOURCES list."""
    with open(os.path.join(HERE, "CMakeLists.txt"), encoding="utf-8") as fh:
        text = fh.read()
    version = re.search(r"project\(newsx\s+VERSION\s+([0-9.]+)", text).group(1)
    block = re.search(r"set\(NEWSX_SOURCES\s+(.*?)\)", text, re.S).group(1)
    return version, block.split()


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or str(e)
        sys.exit(f"newsx: pkg-config {' '.join(args)} failed ({detail.strip()}); "
                 "install pkg-config libgumbo-dev libicu-dev zlib1g-dev libzstd-dev")
    return shlex.split(out)


version, sources = cmake_project()
libraries = ["gumbo", "icu-uc", "icu-i18n", "zlib", "libzstd"]
cflags = pkg_config("--cflags", *libraries, "fmt")
libs = pkg_config("--libs", *libraries)

extension = Extension(
    "newsx._newsx",
    sources=["python/newsx_python.cpp"] + sources,
    include_dirs=["include", "src"],
    define_macros=[("NEWSX_VERSION_STRING", f'"{version}"'), ("FMT_HEADER_ONLY", "1")],
    extra_compile_args=["-std=c++20", "-fvisibility=hidden", "-g0", "-O2"] + cflags,
    extra_link_args=["-s"] + libs,
    language="c++",
)
try:
    import pybind11
    from pybind11.setup_helpers import ParallelCompile
except ImportError:
    sys.exit("newsx: pybind11 is missing (Debian: apt-get install python3-pybind11; "
             "then pip install --no-build-isolation .)")
extension.include_dirs.append(pybind11.get_include())
# setuptools compiles one extension's sources one at a time; these are ~25
# C++20 files, so compile them in parallel (NEWSX_BUILD_JOBS, default all cores)
ParallelCompile("NEWSX_BUILD_JOBS").install()

setup(
    version=version,
    packages=["newsx"],
    package_dir={"": "python"},
    package_data={"newsx": ["__init__.pyi", "py.typed"]},
    ext_modules=[extension],
    zip_safe=False,
    # apart from CMake's build/ directory
    options={"build": {"build_base": "build-python"}},
)
