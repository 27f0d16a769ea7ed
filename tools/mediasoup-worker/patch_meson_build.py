#!/usr/bin/env python3
"""Rewrites a copy of mediasoup's worker build files to use the system's libraries.

mediasoup's meson.build pulls every dependency as a meson subproject downloaded from the internet.
Here each `subproject()` becomes a `dependency()` found by pkg-config (Debian's packages, and a
static OpenSSL of our own through PKG_CONFIG_PATH), libsrtp 3 becomes Debian's libsrtp 2.5 behind
the compat header srtp.h, and the worker's own tests and fuzzer (Catch2 v3, ASan variants) are cut.
Usage: patch_meson_build.py WORKER_COPY_DIR SHIM_DIR. Fails loudly when mediasoup's build file no
longer has the shape this expects, rather than building something else.
"""
import re
import shutil
import sys
from pathlib import Path

worker = Path(sys.argv[1])
shim = Path(sys.argv[2])

# What each subproject variable becomes. None: a library to link whole, which a system
# dependency already links.
VARIABLES = {
    ("openssl", "openssl_dep"): "ms_openssl_dep",
    ("openssl", "libcrypto_lib"): None,
    ("openssl", "libssl_lib"): None,
    ("libuv", "libuv_dep"): "ms_libuv_dep",
    ("libuv", "libuv"): None,
    ("libsrtp3", "libsrtp3_dep"): "ms_srtp_dep",
    ("libsrtp3", "libsrtp3"): None,
    ("usrsctp", "usrsctp_dep"): "ms_usrsctp_dep",
    ("usrsctp", "usrsctp"): None,
    ("abseil_cpp", "absl_container_dep"): "ms_absl_dep",
    ("abseil_cpp", "absl_container_lib"): None,
    ("abseil_cpp", "absl_strings_dep"): "ms_absl_dep",
    ("abseil_cpp", "absl_types_dep"): "ms_absl_dep",
    ("flatbuffers", "flatbuffers_dep"): "ms_flatbuffers_dep",
    ("flatbuffers", "flatbuffers_lib"): None,
}

DEPENDENCIES = """
# Arogyam: system libraries instead of downloaded subprojects (tools/mediasoup-worker).
ms_openssl_dep = dependency('openssl', version: '>= 3.0', static: true)
ms_libuv_dep = dependency('libuv')
ms_srtp_dep = declare_dependency(
  include_directories: include_directories('arogyam-shim'),
  dependencies: dependency('libsrtp2', version: '>= 2.5'),
)
ms_usrsctp_dep = dependency('usrsctp')
ms_absl_dep = [
  dependency('absl_flat_hash_map'),
  dependency('absl_flat_hash_set'),
  dependency('absl_btree'),
  dependency('absl_inlined_vector'),
  dependency('absl_memory'),
  dependency('absl_strings'),
  dependency('absl_optional'),
]
ms_flatbuffers_dep = dependency('flatbuffers')

"""

SUBPROJECT_BLOCK = re.compile(r"^\s*(\w+)_proj = subproject\(\s*'[^']+',.*?^\s*\)\n", re.M | re.S)
GET_VARIABLE = re.compile(r"(\w+)_proj\.get_variable\('(\w+)'\)")


def fail(message: str) -> None:
    sys.exit(f"patch_meson_build.py: {message}")


def rewrite_variables(text: str, where: str) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        match = GET_VARIABLE.search(line)
        if match is None or match.group(1) in ("liburing", "wingetopt", "catch2"):
            out.append(line)
            continue
        key = (match.group(1), match.group(2))
        if key not in VARIABLES:
            fail(f"{where}: unknown subproject variable {key}")
        target = VARIABLES[key]
        if target is None:
            if line.strip() != match.group(0) + ",":
                fail(f"{where}: expected a list item, got {line.strip()!r}")
            continue
        out.append(line.replace(match.group(0), target))
    return "".join(out)


top = worker / "meson.build"
text = top.read_text()
anchor = "# flatbuffers schemas subdirectory."
tests = "test_sources = ["
if anchor not in text or tests not in text or "openssl_proj = subproject(" not in text:
    fail("mediasoup's meson.build changed shape; update tools/mediasoup-worker")

# Remove the top-level subproject blocks (column 0); guarded ones (liburing, wingetopt) stay,
# their branches are off with -Dms_disable_liburing=true on Linux.
text = re.sub(r"^(\w+)_proj = subproject\(\n.*?^\)\n", "", text, flags=re.M | re.S)
text = text.replace(anchor, DEPENDENCIES + anchor, 1)
# Tests and fuzzer: Catch2 v3 and sanitizer builds the install does not need.
text = text[: text.index(tests)]
text = rewrite_variables(text, "meson.build")
if "subproject(" in text.replace("liburing_proj = subproject(", "").replace("wingetopt_proj = subproject(", ""):
    fail("meson.build still calls subproject()")
top.write_text(text)

webrtc = worker / "deps" / "libwebrtc" / "meson.build"
text = webrtc.read_text()
text, count = SUBPROJECT_BLOCK.subn("", text)
if count != 1:
    fail(f"deps/libwebrtc/meson.build: expected one subproject() block, found {count}")
webrtc.write_text(rewrite_variables(text, "deps/libwebrtc/meson.build"))

(worker / "arogyam-shim").mkdir(exist_ok=True)
shutil.copy(shim / "srtp.h", worker / "arogyam-shim" / "srtp.h")
# No subproject may be fetched, even by accident.
shutil.rmtree(worker / "subprojects", ignore_errors=True)
