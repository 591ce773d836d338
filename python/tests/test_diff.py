"""diff(): the changes between two versions of a plan, as `boardpaper diff` finds them."""

import csv
import io
import json

import pytest

import boardpaper
from conftest import BOARD_PAPER, FIXTURES, PLAN_V3

# The 28 changes from version 3 (March 2015) to version 4 (the June 2015 board paper),
# typed from the two printed plans.
TRUTH = json.loads((FIXTURES / "mscb" / "v3-to-v4.changes.json").read_text(encoding="utf-8"))


def canonical(changes):
    """The changes as the truth file types them: no layout (pages, fills), no derived periods,
    whitespace runs as one space (as tests/diff.rs compares them)."""

    def walk(v):
        if isinstance(v, str):
            return " ".join(v.split()).replace(" - ", " -")
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items() if k not in ("pages", "fill", "period")}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return sorted(json.dumps(walk(c), sort_keys=True) for c in changes)


def test_v3_to_v4_has_the_28_changes():
    changes = boardpaper.diff(PLAN_V3, BOARD_PAPER)
    assert len(changes) == 28 == len(TRUTH)
    d = changes.to_dict()
    assert (d["from"], d["to"]) == (PLAN_V3.name, BOARD_PAPER.name)
    assert canonical(d["changes"]) == canonical(TRUTH)


def test_sides_may_be_papers_json_or_bytes(cli, tmp_path):
    v3 = boardpaper.extract(PLAN_V3)
    v4_json = tmp_path / "v4.json"
    cli("extract", BOARD_PAPER, "-o", v4_json)
    from_papers = boardpaper.diff(v3, boardpaper.extract(BOARD_PAPER)).to_dict()
    assert boardpaper.diff(v3, v4_json).to_dict() == from_papers
    assert boardpaper.diff(v3, v4_json.read_bytes()).to_dict()["changes"] == from_papers["changes"]


def test_json_csv_html_and_text_are_the_clis(cli, tmp_path):
    changes = boardpaper.diff(PLAN_V3, BOARD_PAPER)
    for fmt, got in [
        ("json", changes.to_json()),
        ("csv", changes.to_csv()),
        ("html", changes.html()),
        ("text", changes.text()),
    ]:
        out = tmp_path / f"diff.{fmt}"
        done = cli("diff", PLAN_V3, BOARD_PAPER, "--format", fmt, "-o", out)
        assert done.returncode == 1  # as diff(1): the plans differ
        assert got == out.read_text(encoding="utf-8"), fmt


def test_to_frame_is_the_csv_as_a_frame():
    pd = pytest.importorskip("pandas")
    changes = boardpaper.diff(PLAN_V3, BOARD_PAPER)
    rows = list(csv.reader(io.StringIO(changes.to_csv())))
    frame = changes.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == rows[0]
    assert len(frame) == 28
    assert sorted(frame["kind"]) == sorted(c["kind"] for c in TRUTH)


def test_a_plan_against_itself_has_no_change():
    v4 = boardpaper.extract(BOARD_PAPER)
    assert len(boardpaper.diff(v4, v4)) == 0


def test_a_side_with_no_plan_or_not_a_paper_is_an_error(tmp_path):
    notplan = FIXTURES / "notplans" / "finance-outturn.pdf"
    with pytest.raises(boardpaper.NoPlan) as e:
        boardpaper.diff(PLAN_V3, notplan)
    assert e.value.file == notplan.name and notplan.name in str(e.value)
    assert e.value.exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"plans": 3}')
    with pytest.raises(boardpaper.NotAPaper) as e:
        boardpaper.diff(bad, BOARD_PAPER)
    assert e.value.file == str(bad) and e.value.exit_code == 7
    text = tmp_path / "notes.txt"
    text.write_text("minutes of the meeting")
    with pytest.raises(boardpaper.NotAPdf):
        boardpaper.diff(text, BOARD_PAPER)
