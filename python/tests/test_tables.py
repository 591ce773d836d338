"""tables(): the tables of a PDF with cells, spans and fills, as `boardpaper tables` finds them."""

import json

import pytest

import boardpaper
from conftest import BOARD_PAPER, FIXTURES


def test_tables_are_the_clis(cli):
    done = cli("tables", BOARD_PAPER)
    want = json.loads(done.stdout)
    got = boardpaper.tables(BOARD_PAPER)
    assert got.file == want["file"] and got.warnings == want["warnings"]
    assert [t.to_dict() for t in got] == want["tables"]


def test_the_plan_table_runs_over_its_pages_with_spans_and_fills():
    paper = boardpaper.extract(BOARD_PAPER)
    first, last = paper.plans[0]["pages"]
    found = boardpaper.tables(BOARD_PAPER)
    # The plan's tables, joined across page breaks, cover its pages and nothing else.
    covered = sorted({p for t in found for p in t.pages})
    assert covered == list(range(first, last + 1))
    plan = found[0]
    assert len(plan.pages) > 1
    # Priority rows span the full width; RAG cells keep the colour they were printed on.
    assert any(c["col_span"] == plan.shape[1] for c in plan.cells)
    fills = {c["fill"] for c in plan.cells if c["fill"]}
    assert "#00B050" in fills  # the green of "Complete" (README)


def test_pages_select_tables_and_frames_are_the_grid():
    pd = pytest.importorskip("pandas")
    paper = boardpaper.extract(BOARD_PAPER)
    first = paper.plans[0]["pages"][0]
    (table,) = boardpaper.tables(BOARD_PAPER, pages=[first])
    assert table.pages == [first]
    frame = table.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == table.shape
    assert frame.values.tolist() == table.rows
    assert boardpaper.tables(BOARD_PAPER, pages="1") == []


def test_a_ruled_table_of_another_producer():
    doc = boardpaper.tables(FIXTURES / "templates" / "northdown-plan-v2.pdf")
    assert doc and all(t.rows for t in doc)
    assert repr(doc[0]).startswith("<boardpaper.Table pages")
