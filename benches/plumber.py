#!/usr/bin/env python3
"""The Python side of benches/compare.sh: the same jobs done with pdfplumber and Camelot.

    plumber.py text PDF      # pdfplumber: every page's text (layout=True), to stdout
    plumber.py tables PDF    # pdfplumber: every page's tables (lines strategy) as JSON
    plumber.py camelot PDF   # Camelot lattice: every page's tables as JSON

The table glue is the least that gives comparable output: one list of rows per table, cells
as text, no joining across pages.
"""

import json
import sys


def text(path: str) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            sys.stdout.write(page.extract_text(layout=True) or "")
            sys.stdout.write("\f")
            page.flush_cache()


def tables(path: str) -> None:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for t in page.extract_tables({"vertical_strategy": "lines",
                                          "horizontal_strategy": "lines"}):
                out.append({"page": page.page_number, "rows": t})
            page.flush_cache()
    json.dump(out, sys.stdout)


def camelot(path: str) -> None:
    import camelot as cam

    found = cam.read_pdf(path, pages="all", flavor="lattice")
    out = [{"page": int(t.page), "rows": t.df.values.tolist()} for t in found]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    job, pdf = sys.argv[1], sys.argv[2]
    {"text": text, "tables": tables, "camelot": camelot}[job](pdf)
