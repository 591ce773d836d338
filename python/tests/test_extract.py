"""extract(): the paper as `boardpaper extract` writes it, and the rows of its CSV export."""

import csv
import io
import json

import pytest

import boardpaper
from conftest import BOARD_PAPER, FIXTURES, PLAN_V3, dumps

# Papers of different shapes: a board paper (report + plan), a plan alone, another council's
# template, and a paper with tables but no plan.
PAPERS = [
    BOARD_PAPER,
    PLAN_V3,
    FIXTURES / "templates" / "northdown-plan-v2.pdf",
    FIXTURES / "notplans" / "finance-outturn.pdf",
]


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.name)
def test_to_dict_is_extracts_json_byte_for_byte(path, cli, tmp_path):
    out = tmp_path / "paper.json"
    cli("extract", path, "-o", out)
    written = out.read_text(encoding="utf-8")
    paper = boardpaper.extract(path)
    assert dumps(paper.to_dict()) == written
    assert paper.to_json() == written


def test_bytes_read_as_the_file_does():
    data = BOARD_PAPER.read_bytes()
    from_bytes = boardpaper.extract(data, name=BOARD_PAPER.name)
    assert from_bytes.to_dict() == boardpaper.extract(BOARD_PAPER).to_dict()
    assert boardpaper.extract(bytearray(data)).file == "<bytes>"


def test_plans_report_and_warnings_are_the_dicts_parts():
    paper = boardpaper.extract(BOARD_PAPER)
    d = paper.to_dict()
    assert paper.plans == d["plans"] and paper.report == d["report"]
    assert paper.warnings == d["warnings"]
    # Counted on the printed plan (README): 6 priorities, 19 improvement areas.
    (plan,) = paper.plans
    assert len(plan["priorities"]) == 6
    assert sum(len(p["improvement_areas"]) for p in plan["priorities"]) == 19
    assert paper.file == BOARD_PAPER.name
    # to_dict hands out a copy: changing it does not change the paper.
    d["plans"].clear()
    assert len(paper.plans) == 1


def _csv(cli, tmp_path, name):
    cli("extract", BOARD_PAPER, "--format", "csv", "-o", tmp_path)
    with open(tmp_path / name, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


@pytest.mark.parametrize(
    "method,file,count", [("actions", "actions.csv", 28), ("milestones", "milestones.csv", 79)]
)
def test_frames_have_the_csv_columns_and_rows(method, file, count, cli, tmp_path):
    pd = pytest.importorskip("pandas")
    header, rows = _csv(cli, tmp_path, file)
    frame = getattr(boardpaper.extract(BOARD_PAPER), method)()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == header
    # 28 actions and 79 milestones, counted on the printed plan (README).
    assert len(frame) == count == len(rows)
    # The same values as the CSV, whole numbers as int.
    assert [[str(v) for v in r] for r in frame.itertuples(index=False)] == rows
    if method == "actions":
        assert frame["first_page"].dtype.kind == "i"


def test_without_pandas_frames_are_lists_of_dicts(monkeypatch, cli, tmp_path):
    monkeypatch.setattr(boardpaper, "_pandas", lambda: None)
    header, rows = _csv(cli, tmp_path, "actions.csv")
    actions = boardpaper.extract(BOARD_PAPER).actions()
    assert isinstance(actions, list) and len(actions) == 28
    assert list(actions[0]) == header
    assert [str(v) for v in actions[0].values()] == rows[0]


def test_pages_select_what_is_read():
    whole = boardpaper.extract(BOARD_PAPER)
    (plan,) = whole.plans
    first, last = plan["pages"]
    # The covering report's pages alone hold no plan; the plan's pages alone hold it all.
    report_only = boardpaper.extract(BOARD_PAPER, pages=f"1-{first - 1}")
    assert report_only.plans == []
    assert report_only.report is not None
    plan_only = boardpaper.extract(BOARD_PAPER, pages=range(first, last + 1))
    assert len(plan_only.actions()) == 28
    with pytest.raises(ValueError, match="no page in 99"):
        boardpaper.extract(BOARD_PAPER, pages=99)
    with pytest.raises(ValueError, match="bad page selection"):
        boardpaper.extract(BOARD_PAPER, pages="3-1")


def test_a_profile_is_used(cli, tmp_path):
    profile = tmp_path / "bad.toml"
    profile.write_text('[columns]\n"Ref" = "no_such_role"\n')
    with pytest.raises(ValueError, match="no_such_role"):
        boardpaper.extract(BOARD_PAPER, profile=profile)
    eastvale = FIXTURES / "templates" / "eastvale-delivery-plan.pdf"
    toml = FIXTURES / "templates" / "eastvale.profile.toml"
    out = tmp_path / "eastvale.json"
    cli("extract", eastvale, "--profile", toml, "-o", out)
    assert boardpaper.extract(eastvale, profile=toml).to_json() == out.read_text(encoding="utf-8")
