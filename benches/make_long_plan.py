#!/usr/bin/env python3
"""Generate a long action plan that looks like the MSCB plan, for speed and memory tests.

Writes an HTML table with the MSCB plan's seven columns (Action | Specific action | Lead |
Success indicators | Actions and Timescales for work | Risk RAG rating | Impact and evidence)
under a "Planning" / "Monitoring" group row, with priority rows and improvement-area rows
spanning the table, and action rows whose milestones are bullets ending "– Complete – October
2014" and whose RAG cells are filled green or amber. Headless Chromium prints it as A4
landscape with the header repeated on every page. The text comes from a fixed seed, so the
same arguments give the same PDF (up to Chromium's version).

Also writes `<out>.expect.json` with the number of priorities, areas, actions and milestones,
and `--check JSON` compares an `extract` output with it.

Standard library only. Usage:

    python3 benches/make_long_plan.py                       # benches/out/long-plan.pdf
    python3 benches/make_long_plan.py --priorities 12 --areas 6 --actions 5 -o X.pdf
    boardpaper extract benches/out/long-plan.pdf -o /tmp/long.json
    python3 benches/make_long_plan.py --check /tmp/long.json
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out" / "long-plan.pdf"

COLUMNS = [
    "Action",
    "Specific action",
    "Lead",
    "Success indicators",
    "Actions and Timescales for work",
    "Risk RAG rating",
    "Impact and evidence",
]
# Column widths in per cent, as in the MSCB plan.
WIDTHS = [6, 14, 12, 20, 22, 9, 17]

WORDS = (
    "agencies partners children young people families safeguarding board subgroup audit "
    "training practitioners evidence assessment neglect services health education police "
    "social care multi agency report review quarterly annual learning development quality "
    "assurance performance dataset scrutiny outcomes voice engagement schools early help "
    "referrals thresholds escalation policy procedures awareness campaign website bulletin "
    "evaluation feedback survey workforce commissioning strategy domestic abuse exploitation "
    "missing carers disabilities mental substance misuse transition adult protection"
).split()
LEADS = [
    "MSCB Board",
    "MSCB Business Manager",
    "MSCB Performance Management and Quality Assurance Subgroup (PMQA)",
    "MSCB Learning & Development Subgroup",
    "All partners",
    "Children's Social Care",
    "Public Health",
    "Kent Police",
    "Medway Clinical Commissioning Group",
    "Education Safeguarding Lead",
]
MONTHS = (
    "January February March April May June July August September October November December"
).split()
STATUSES = ["Complete", "In progress", "Ongoing"]
RAG = {"Complete": ("#00B050", "green"), "In progress": ("#FFC000", "amber"),
       "Ongoing": ("#FFC000", "amber")}


def sentence(rng: random.Random, lo: int, hi: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return (" ".join(words)).capitalize() + "."


def phrase(rng: random.Random, lo: int, hi: int) -> str:
    return (" ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))).capitalize()


def milestone(rng: random.Random) -> tuple[str, str]:
    status = rng.choice(STATUSES)
    when = f"{rng.choice(MONTHS)} {rng.randint(2014, 2017)}"
    return f"{phrase(rng, 5, 14)} – {status} – {when}", status


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def paras(items: list[str]) -> str:
    return "".join(f"<p>{esc(t)}</p>" for t in items)


CSS = """
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 9pt; margin: 0; }
h1 { font-size: 11pt; font-weight: bold; margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { font-weight: bold; background: #D9D9D9; }
td.full { font-weight: normal; }
.prio { background: #DDEBF7; font-weight: bold; }
.area b { font-weight: bold; }
p { margin: 0 0 5pt 0; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 0 0 5pt 0; padding-left: 9pt; text-indent: -9pt; }
li::before { content: "\\2022"; display: inline-block; width: 9pt; text-indent: 0; }
"""
# Chromium draws no rule under a row cut by a page break (and none over its rest), so the
# table stage sees an open grid there; by default rows are kept whole (--split-rows shows it).
KEEP_ROWS = "tr { break-inside: avoid; }\n"


def build(
    priorities: int, areas: int, actions: int, seed: int, split_rows: bool
) -> tuple[str, dict]:
    rng = random.Random(seed)
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Long plan</title>",
        f"<style>{CSS}{'' if split_rows else KEEP_ROWS}</style></head><body>",
        "<h1>MSCB priority safeguarding objectives 2014 – 2017 Action and Improvement Plan "
        "VERSION 9 – MARCH 2016</h1>",
        "<table><colgroup>",
        *(f"<col style='width:{w}%'>" for w in WIDTHS),
        "</colgroup><thead>",
        "<tr><th colspan='4'>Planning</th><th colspan='3'>Monitoring</th></tr><tr>",
        *(f"<th>{esc(c)}</th>" for c in COLUMNS),
        "</tr></thead><tbody>",
    ]
    expect = {"priorities": 0, "areas": 0, "actions": 0, "milestones": 0, "rag": {}}
    for p in range(1, priorities + 1):
        expect["priorities"] += 1
        out.append(
            f"<tr><td colspan='7' class='prio'>Priority objective {p}: "
            f"{esc(sentence(rng, 10, 22))}</td></tr>"
        )
        for a in range(1, areas + 1):
            n = (p - 1) * areas + a
            expect["areas"] += 1
            out.append(
                f"<tr><td colspan='7' class='area'><b>{n}. Identified improvement area / "
                "desired outcome: What do we intend to achieve?</b><br>"
                f"{esc(sentence(rng, 12, 30))}</td></tr>"
            )
            for k in range(1, actions + 1):
                expect["actions"] += 1
                ms = [milestone(rng) for _ in range(rng.randint(2, 5))]
                expect["milestones"] += len(ms)
                status = ms[0][1]
                fill, colour = RAG[status]
                expect["rag"][colour] = expect["rag"].get(colour, 0) + 1
                leads = rng.sample(LEADS, rng.randint(1, 3))
                out.append(
                    "<tr>"
                    f"<td>{n}.{k}</td>"
                    f"<td>{esc(sentence(rng, 6, 16))}</td>"
                    f"<td>{paras(leads)}</td>"
                    f"<td>{paras([sentence(rng, 8, 20) for _ in range(rng.randint(1, 3))])}</td>"
                    f"<td><ul>{''.join(f'<li>{esc(t)}</li>' for t, _ in ms)}</ul></td>"
                    f"<td style='background:{fill}'>{esc(status)}</td>"
                    f"<td>{paras([sentence(rng, 8, 18) for _ in range(rng.randint(1, 3))])}</td>"
                    "</tr>"
                )
    out.append("</tbody></table></body></html>")
    return "\n".join(out), expect


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    exe = chromium()
    if exe is None:
        sys.exit("make_long_plan: no chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}",
            "--no-pdf-header-footer", html_path.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not pdf_path.exists():
        sys.exit(f"make_long_plan: chromium wrote no {pdf_path}")


def page_count(pdf: Path) -> int | None:
    exe = shutil.which("pdfinfo")
    if exe is None:
        return None
    info = subprocess.run([exe, str(pdf)], capture_output=True, text=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def count(paper: dict) -> dict:
    got = {"priorities": 0, "areas": 0, "actions": 0, "milestones": 0, "rag": {}}
    for plan in paper.get("plans", []):
        for p in plan["priorities"]:
            got["priorities"] += 1
            for a in p["improvement_areas"]:
                got["areas"] += 1
                for act in a["actions"]:
                    got["actions"] += 1
                    got["milestones"] += len(act["milestones"])
                    for r in act.get("rag", []):
                        c = r.get("colour") or "none"
                        got["rag"][c] = got["rag"].get(c, 0) + 1
    got["plans"] = len(paper.get("plans", []))
    return got


def check(json_path: Path, expect_path: Path) -> int:
    paper = json.loads(json_path.read_text())
    expect = json.loads(expect_path.read_text())
    got = count(paper)
    ok = got["plans"] == 1
    print(f"plans: {got['plans']} (expected 1)")
    for k in ("priorities", "areas", "actions", "milestones", "rag"):
        same = got[k] == expect[k]
        ok &= same
        print(f"{k}: {got[k]} (expected {expect[k]}){'' if same else '  MISMATCH'}")
    print(f"warnings: {len(paper.get('warnings', []))}")
    print("OK" if ok else "MISMATCH")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT, help="PDF to write")
    ap.add_argument("--priorities", type=int, default=12)
    ap.add_argument("--areas", type=int, default=6, help="improvement areas per priority")
    ap.add_argument("--actions", type=int, default=8, help="actions per area")
    ap.add_argument("--seed", type=int, default=2015)
    ap.add_argument("--split-rows", action="store_true",
                    help="let rows break across pages (Chromium then leaves the cut open)")
    ap.add_argument("--check", type=Path, metavar="JSON",
                    help="compare an extract output with <output>.expect.json and exit")
    args = ap.parse_args()
    expect_path = args.output.with_suffix(".expect.json")
    if args.check:
        return check(args.check, expect_path)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text, expect = build(args.priorities, args.areas, args.actions, args.seed,
                         args.split_rows)
    html_path = args.output.with_suffix(".html")
    html_path.write_text(text, encoding="utf-8")
    print_pdf(html_path, args.output)
    expect["pages"] = page_count(args.output)
    expect_path.write_text(json.dumps(expect, indent=1) + "\n")
    print(f"{args.output}: {expect['pages']} pages, {expect['priorities']} priorities, "
          f"{expect['areas']} areas, {expect['actions']} actions, "
          f"{expect['milestones']} milestones")
    return 0


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
