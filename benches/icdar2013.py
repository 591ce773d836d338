#!/usr/bin/env python3
"""ICDAR 2013 table-structure benchmark for `boardpaper tables`.

Runs `boardpaper tables --quiet PDF` on the 67 PDFs of the ICDAR 2013 table competition
(competition set, EU + US) and scores the output with the structure measure of
`BASELINES.md` in the corpus folder:

* every table (ground truth or ours) becomes a per-page grid: a spanning cell's text once,
  in its top-left slot, "" in the slots it covers;
* relations: every non-empty cell relates to its nearest non-empty cell to the right in its
  row and below in its column (empty slots skipped): (text_a, text_b, "right"|"down");
  text normalised (whitespace runs collapsed and trimmed, case kept, hyphen/dash/minus
  variants unified);
* matching per page: ground-truth and detected tables paired one to one, best pair first,
  by box overlap (intersection >= 50 % of the smaller box, ranked by IoU), then the rest by
  shared cell texts;
* counting: correct = multiset intersection of a pair's relations; unmatched ground-truth
  tables count all their relations as missed, unmatched detected tables count theirs as
  false positives; micro P/R/F1 over the summed counts, macro = mean of per-document values.

Ground truth comes from `MANIFEST.json` (main ground truth only: the alternative "b" files
are skipped). Region boxes (`*-reg.xml`, PDF user space, origin bottom-left) are turned into
our top-left frame with the displayed page height from the manifest's `page_sizes`. Quirks:
eu-015's `-str.xml` cell boxes are off by the page height, so only region boxes are used for
matching; us-019 table 1 has rows starting at -1 with `row-increment` 1, so every region's
row/col increments are applied to its cells (which also merges us-035's side-by-side regions)
and the table is then shifted to start at row 0, column 0.

Standard library only (Python 3.11). Usage:

    python3 benches/icdar2013.py [CORPUS] [--bin PATH] [--verbose] [--self-check]
                                 [--arg=--ruled-only] [--json OUT] [--repeat N] [--only RE]

Seconds are the wall time of the 67 runs, one process per PDF, one after another (with
--repeat N, the fastest of N runs of each file).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, "..", "shared", "corpus", "icdar2013")
DEFAULT_BIN = os.path.join(REPO, "target", "release", "boardpaper")

# Peers, from the corpus' BASELINES.md: (tool, micro F1, macro F1, found, matched, seconds).
PEERS = [
    ("Camelot 2.0 stream", 0.763, 0.591, 358, 144, 18.0),
    ("Camelot 2.0 lattice, default", 0.391, 0.542, 112, 105, 96.0),
    ("Camelot 2.0 lattice, vector only", 0.382, 0.529, 111, 103, 17.0),
    ("pdfplumber 0.11 find_tables()", 0.382, 0.553, 159, 105, 36.0),
    ("tablers 0.9", 0.368, 0.524, 130, 108, 1.9),
    ("PyMuPDF 2.0 find_tables()", 0.235, 0.245, 151, 151, 139.0),
]

# Hyphen, dash and minus variants, unified to "-".
DASHES = re.compile("[\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace runs collapsed and trimmed, case kept, dashes unified."""
    return DASHES.sub("-", SPACES.sub(" ", text).strip())


Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top-left origin, y down)


@dataclass
class PageTable:
    """One table as printed on one page: its box and its grid of normalised texts."""

    page: int
    bbox: Box
    slots: dict[tuple[int, int], str] = field(default_factory=dict)
    label: str = ""

    def relations(self) -> Counter:
        return relations(self.slots)

    def texts(self) -> set[str]:
        return {t for t in self.slots.values() if t}


def relations(slots: dict[tuple[int, int], str]) -> Counter:
    """(a, b, dir) for every non-empty slot and its nearest non-empty neighbour right/down."""
    rows: dict[int, list[tuple[int, str]]] = defaultdict(list)
    cols: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (r, c), t in slots.items():
        if t:
            rows[r].append((c, t))
            cols[c].append((r, t))
    out: Counter = Counter()
    for line, kind in ((rows, "right"), (cols, "down")):
        for items in line.values():
            items.sort()
            for (_, a), (_, b) in zip(items, items[1:]):
                out[(a, b, kind)] += 1
    return out


def area(b: Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def inter(a: Box, b: Box) -> float:
    return area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def union_box(boxes) -> Box | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# ---------------------------------------------------------------------------- ground truth


@dataclass
class Doc:
    id: str
    pdf: str
    heights: dict[int, float]
    gt: list[PageTable]


def load_ground_truth(corpus: str) -> list[Doc]:
    with open(os.path.join(corpus, "MANIFEST.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    docs = []
    for d in manifest["documents"]:
        if d.get("alternative_ground_truth"):
            continue
        heights = {p["page"]: float(p["height"]) for p in d["page_sizes"]}
        regions = {t["id"]: t["regions"] for t in d["region_tables"]}
        tables = []
        for t in d["structure_tables"]:
            # Cells of all regions, with their increments applied, grouped by page.
            by_page: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
            for reg in t["regions"]:
                ri, ci = int(reg.get("row_increment", 0)), int(reg.get("col_increment", 0))
                for c in reg["cells"]:
                    by_page[reg["page"]].append(
                        (c["start_row"] + ri, c["start_col"] + ci, c["content"])
                    )
            boxes: dict[int, list[Box]] = defaultdict(list)
            for reg in regions.get(t["id"], []):
                h = heights.get(reg["page"])
                if h is None:
                    continue
                x1, y1, x2, y2 = reg["bbox"]
                boxes[reg["page"]].append((x1, h - y2, x2, h - y1))
            for page, cells in sorted(by_page.items()):
                r0 = min(r for r, _, _ in cells)
                c0 = min(c for _, c, _ in cells)
                slots: dict[tuple[int, int], str] = {}
                for r, c, text in cells:
                    key = (r - r0, c - c0)
                    t_norm = norm(text)
                    slots[key] = norm(slots[key] + " " + t_norm) if key in slots else t_norm
                bbox = union_box(boxes.get(page, [])) or (0.0, 0.0, 0.0, 0.0)
                tables.append(PageTable(page, bbox, slots, f"gt {t['id']}"))
        docs.append(Doc(d["id"], os.path.join(corpus, d["pdf"]), heights, tables))
    return docs


# ---------------------------------------------------------------------------- predictions


def page_tables_of(output: dict) -> list[PageTable]:
    """Our JSON → per-page tables (a table spanning pages is split by its cells' pages)."""
    out = []
    for k, t in enumerate(output.get("tables", [])):
        by_page: dict[int, list[dict]] = defaultdict(list)
        for c in t.get("cells", []):
            by_page[int(c.get("page", t.get("page", 0)))].append(c)
        for page, cells in sorted(by_page.items()):
            slots = {}
            for c in cells:
                slots[(int(c["row"]), int(c["col"]))] = norm(c.get("text", ""))
            if len(by_page) == 1 and t.get("bbox"):
                bbox = tuple(t["bbox"])
            else:
                bbox = union_box(tuple(c["bbox"]) for c in cells if c.get("bbox"))
            kind = "ruled" if t.get("ruled") else "unruled"
            out.append(
                PageTable(page, bbox or (0.0, 0.0, 0.0, 0.0), slots, f"ours {k + 1} ({kind})")
            )
    return out


def as_output(tables: list[PageTable]) -> dict:
    """Ground-truth tables in the shape of `boardpaper tables` JSON (for --self-check)."""
    out = []
    for t in tables:
        cells = [
            {"row": r, "col": c, "text": text, "page": t.page, "bbox": list(t.bbox)}
            for (r, c), text in sorted(t.slots.items())
        ]
        out.append({"pages": [t.page], "page": t.page, "bbox": list(t.bbox), "ruled": True,
                    "cells": cells})
    return {"tables": out}


def run_tool(binary: str, pdf: str, extra: list[str], repeat: int = 1) -> tuple[dict, str, float]:
    """Run the tool `repeat` times; the output and the fastest wall time."""
    best = float("inf")
    proc = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [binary, "tables", "--quiet", *extra, pdf],
            capture_output=True,
            check=False,
        )
        best = min(best, time.perf_counter() - t0)
    assert proc is not None
    if proc.returncode != 0:
        return {"tables": []}, proc.stderr.decode("utf-8", "replace").strip(), best
    try:
        return json.loads(proc.stdout), "", best
    except json.JSONDecodeError as e:
        return {"tables": []}, f"bad JSON: {e}", best


# ---------------------------------------------------------------------------- scoring


@dataclass
class Score:
    correct: int = 0
    detected: int = 0
    truth: int = 0
    found: int = 0
    matched: int = 0
    n_gt: int = 0

    def add(self, o: "Score") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.detected if self.detected else 0.0
        r = self.correct / self.truth if self.truth else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(gt: list[PageTable], ours: list[PageTable]) -> list[tuple[int, int]]:
    """One-to-one pairs (gt index, ours index) on the same page: box overlap first, then
    shared cell texts."""
    pairs = []
    used_g, used_o = set(), set()
    cands = []
    for i, g in enumerate(gt):
        for j, o in enumerate(ours):
            if g.page != o.page:
                continue
            ov = inter(g.bbox, o.bbox)
            small = min(area(g.bbox), area(o.bbox))
            if small > 0 and ov >= 0.5 * small:
                iou = ov / (area(g.bbox) + area(o.bbox) - ov)
                cands.append((iou, i, j))
    for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_g and j not in used_o:
            pairs.append((i, j))
            used_g.add(i)
            used_o.add(j)
    cands = []
    for i, g in enumerate(gt):
        if i in used_g:
            continue
        gt_texts = g.texts()
        for j, o in enumerate(ours):
            if j in used_o or g.page != o.page:
                continue
            shared = len(gt_texts & o.texts())
            if shared:
                cands.append((shared, i, j))
    for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_g and j not in used_o:
            pairs.append((i, j))
            used_g.add(i)
            used_o.add(j)
    return pairs


def score_doc(gt: list[PageTable], ours: list[PageTable]) -> tuple[Score, list[str]]:
    s = Score(found=len(ours), n_gt=len(gt))
    notes = []
    g_rel = [g.relations() for g in gt]
    o_rel = [o.relations() for o in ours]
    s.truth = sum(sum(r.values()) for r in g_rel)
    s.detected = sum(sum(r.values()) for r in o_rel)
    pairs = match(gt, ours)
    paired_g = {i for i, _ in pairs}
    paired_o = {j for _, j in pairs}
    for i, j in pairs:
        c = sum((g_rel[i] & o_rel[j]).values())
        s.correct += c
        s.matched += 1
        gt_n, o_n = sum(g_rel[i].values()), sum(o_rel[j].values())
        notes.append(
            f"    p{gt[i].page} {gt[i].label} ~ {ours[j].label}: {c}/{gt_n} gt, {c}/{o_n} ours"
        )
    for i, g in enumerate(gt):
        if i not in paired_g:
            notes.append(f"    p{g.page} {g.label} MISSED ({sum(g_rel[i].values())} relations)")
    for j, o in enumerate(ours):
        if j not in paired_o:
            bb = ", ".join(f"{v:.0f}" for v in o.bbox)
            notes.append(
                f"    p{o.page} {o.label} SPURIOUS [{bb}] ({sum(o_rel[j].values())} relations)"
            )
    return s, notes


# ---------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, help="the icdar2013 folder")
    ap.add_argument("--bin", default=DEFAULT_BIN, help="the boardpaper binary")
    ap.add_argument("--arg", action="append", default=[], help="extra argument for `tables`")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-document figures")
    ap.add_argument("--self-check", action="store_true", help="score the ground truth itself")
    ap.add_argument("--only", help="regular expression: only documents whose id matches")
    ap.add_argument("--json", help="write per-document figures to this file")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each file this many times and count the fastest (less noise)")
    a = ap.parse_args()

    corpus = os.path.abspath(a.corpus)
    if not os.path.isfile(os.path.join(corpus, "MANIFEST.json")):
        print(f"icdar2013: no corpus at {corpus} (MANIFEST.json missing); nothing to do",
              file=sys.stderr)
        return 2
    docs = load_ground_truth(corpus)
    if a.only:
        docs = [d for d in docs if re.search(a.only, d.id)]
    if not a.self_check and not os.access(a.bin, os.X_OK):
        print(f"icdar2013: no binary at {a.bin}; run `cargo build --release` first",
              file=sys.stderr)
        return 2

    total = Score()
    per_doc = []
    seconds = 0.0
    for d in docs:
        if a.self_check:
            # The ground truth written as our JSON, read back through the same path.
            ours = page_tables_of(as_output(d.gt))
            err = ""
        else:
            out, err, took = run_tool(a.bin, d.pdf, a.arg, a.repeat)
            seconds += took
            ours = page_tables_of(out)
        s, notes = score_doc(d.gt, ours)
        total.add(s)
        p, r, f = s.prf()
        per_doc.append({"id": d.id, "p": p, "r": r, "f1": f, **vars(s)})
        if a.verbose:
            print(f"{d.id:8} P {p:.3f} R {r:.3f} F1 {f:.3f}  correct {s.correct:4} "
                  f"ours {s.detected:4} gt {s.truth:4}  tables {s.found} found, "
                  f"{s.matched}/{s.n_gt} matched" + (f"  ERROR {err}" if err else ""))
            for n in notes:
                print(n)
        elif err:
            print(f"{d.id}: {err}", file=sys.stderr)

    p, r, f = total.prf()
    n = max(1, len(per_doc))
    macro_p = sum(x["p"] for x in per_doc) / n
    macro_r = sum(x["r"] for x in per_doc) / n
    macro_f = sum(x["f1"] for x in per_doc) / n
    name = "ground truth (self-check)" if a.self_check else "boardpaper " + " ".join(
        ["tables", *a.arg])
    print()
    print(f"{len(docs)} documents, {total.n_gt} ground-truth tables, {total.truth} relations")
    print(f"micro P {p:.3f}  R {r:.3f}  F1 {f:.3f}   macro P {macro_p:.3f}  R {macro_r:.3f}"
          f"  F1 {macro_f:.3f}")
    print()
    print("| tool | micro F1 | macro F1 | tables found (GT matched of 156) | seconds for 67 PDFs |")
    print("|---|---|---|---|---|")
    secs = "-" if a.self_check else f"{seconds:.2f}"
    print(f"| **{name}** | **{f:.3f}** | **{macro_f:.3f}** | {total.found} ({total.matched}) "
          f"| {secs} |")
    for tool, mf, maf, found, matched, sec in PEERS:
        print(f"| {tool} | {mf:.3f} | {maf:.3f} | {found} ({matched}) | {sec:g} |")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump({"micro": {"p": p, "r": r, "f1": f}, "macro_f1": macro_f,
                       "seconds": seconds, "documents": per_doc}, fh, indent=1)
    if a.self_check:
        if abs(f - 1.0) > 1e-9:
            print("self-check FAILED: F1 of the ground truth against itself is not 1",
                  file=sys.stderr)
            return 1
        # The scorer must also be able to fail: swap the first two columns of every table.
        broken = Score()
        for d in docs:
            swapped = []
            for g in d.gt:
                slots = {(r, {0: 1, 1: 0}.get(c, c)): t for (r, c), t in g.slots.items()}
                swapped.append(PageTable(g.page, g.bbox, slots, g.label))
            broken.add(score_doc(d.gt, page_tables_of(as_output(swapped)))[0])
        bf = broken.prf()[2]
        print(f"self-check: ground truth F1 1.000; with columns 0 and 1 swapped F1 {bf:.3f}")
        if bf >= 1.0:
            print("self-check FAILED: a wrong table still scores 1", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
