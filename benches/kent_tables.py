#!/usr/bin/env python3
"""Cells and fills of real council tables, against truths typed from the page.

Each `fixtures/kent/tables/*.json` names a PDF of `../shared/corpus/kent-cc-2025` and a page,
and gives rows of cells as printed there (some rows of a table, or all of it) with the fill
colour of some cells (the rendered page's pixel colour). A truth row is matched to the row of
a table on that page (`boardpaper tables`, tables joined across pages included) holding the
most of its cells; a truth cell with text is right when the cell in its column of that row has
the same text (whitespace runs collapsed), and a fill right when the cell's fill is within 16
units in every channel. Prints one line per truth and the totals.

    python3 benches/kent_tables.py [--bin PATH] [--corpus DIR] [--plumber]

The corpus is `$BOARDPAPER_CORPUS/kent-cc-2025` when that is set. --plumber also scores pdfplumber's `extract_tables()` on the same pages (cells only; it must
be importable, e.g. from benches/out/venv). Standard library only otherwise.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILL_TOLERANCE = 16


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def hex_rgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def near(a: str | None, b: str) -> bool:
    if not a:
        return False
    return all(abs(x - y) <= FILL_TOLERANCE for x, y in zip(hex_rgb(a), hex_rgb(b)))


def score(truth: dict, grids: list[tuple[list[list[str]], list[list[str | None]]]]):
    """(cells right, cells, fills right, fills) of one truth against candidate tables, each a
    grid of texts and a grid of fills."""
    right = cells = fills_right = fills = 0
    for row in truth["rows"]:
        want = [norm(c) for c in row["cells"]]
        fill_want = {int(k): v for k, v in row.get("fills", {}).items()}
        best = (-1, None, None)
        for texts, fill_grid in grids:
            for r, got in enumerate(texts):
                n = sum(1 for c, w in enumerate(want) if w and c < len(got) and norm(got[c]) == w)
                if n > best[0]:
                    best = (n, got, fill_grid[r] if fill_grid else None)
        n, got, got_fills = best
        cells += sum(1 for w in want if w)
        right += max(n, 0)
        for c, colour in fill_want.items():
            fills += 1
            if got_fills is not None and c < len(got_fills) and near(got_fills[c], colour):
                fills_right += 1
    return right, cells, fills_right, fills


def ours(binary: str, pdf: str, page: int):
    out = subprocess.run([binary, "tables", "--quiet", pdf], capture_output=True, text=True)
    doc = json.loads(out.stdout or "{}")
    grids = []
    for t in doc.get("tables", []):
        if page not in t["pages"]:
            continue
        n_rows, n_cols = len(t["rows"]), len(t["rows"][0]) if t["rows"] else 0
        fill = [[None] * n_cols for _ in range(n_rows)]
        for c in t.get("cells", []):
            for r in range(c["row"], c["row"] + c.get("row_span", 1)):
                for k in range(c["col"], c["col"] + c.get("col_span", 1)):
                    if r < n_rows and k < n_cols:
                        fill[r][k] = c.get("fill")
        grids.append((t["rows"], fill))
    return grids


def plumber(pdf: str, page: int):
    import pdfplumber  # type: ignore

    with pdfplumber.open(pdf) as doc:
        tables = doc.pages[page - 1].extract_tables()
    return [([[c or "" for c in r] for r in t], None) for t in tables]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/boardpaper"))
    base = os.environ.get("BOARDPAPER_CORPUS") or os.path.join(ROOT, "..", "shared", "corpus")
    ap.add_argument("--corpus", default=os.path.join(base, "kent-cc-2025"))
    ap.add_argument("--plumber", action="store_true")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.corpus, "MANIFEST.json")):
        print(f"kent_tables: no corpus at {a.corpus}; nothing to do")
        return 0
    tools = [("boardpaper", lambda pdf, p: ours(a.bin, pdf, p))]
    if a.plumber:
        tools.append(("pdfplumber", plumber))
    for name, read in tools:
        total = [0, 0, 0, 0]
        for path in sorted(glob.glob(os.path.join(ROOT, "fixtures/kent/tables/*.json"))):
            truth = json.load(open(path, encoding="utf-8"))
            pdf = os.path.join(a.corpus, truth["file"])
            s = score(truth, read(pdf, truth["page"]))
            total = [x + y for x, y in zip(total, s)]
            print(f"{name:10} {os.path.basename(path):36} cells {s[0]:3}/{s[1]:3}  fills {s[2]:2}/{s[3]:2}")
        c = total[0] / total[1] if total[1] else 0.0
        f = total[2] / total[3] if total[3] else 0.0
        print(f"{name:10} {'all':36} cells {total[0]:3}/{total[1]:3} = {c:.2f}  fills {total[2]:2}/{total[3]:2} = {f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
