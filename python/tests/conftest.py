"""Shared fixtures: the repository's fixture PDFs and the `boardpaper` binary the Python
package is compared with (BOARDPAPER_BIN, set by .ci/run; else the debug build)."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
BOARD_PAPER = FIXTURES / "mscb" / "mscb-board-paper-2015-06.pdf"
PLAN_V3 = FIXTURES / "mscb" / "mscb-plan-v3-2015-03.pdf"
BROKEN = FIXTURES / "broken"


def _binary():
    given = os.environ.get("BOARDPAPER_BIN")
    if given:
        return given
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    for profile in ("debug", "release"):
        candidate = pathlib.Path(target) / profile / "boardpaper"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("boardpaper")


@pytest.fixture(scope="session")
def cli():
    """Run the `boardpaper` binary: cli(*args) -> CompletedProcess (stdout as bytes)."""
    binary = _binary()
    if binary is None:
        pytest.fail("no boardpaper binary: build it (cargo build) or set BOARDPAPER_BIN")

    def run(*args, check=True):
        done = subprocess.run([binary, *map(str, args)], capture_output=True)
        if check and done.returncode not in (0, 1):
            raise AssertionError(f"boardpaper {args}: exit {done.returncode}: {done.stderr!r}")
        return done

    return run


def dumps(value) -> str:
    """JSON as `boardpaper extract` writes it: 2-space indent, UTF-8, trailing newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
