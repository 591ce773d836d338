"""Store: the database of `boardpaper import`, its versions and an action's history."""

import json

import pytest

import boardpaper
from conftest import BOARD_PAPER, BROKEN, PLAN_V3


def test_import_versions_and_history_are_the_clis(cli, tmp_path):
    db = tmp_path / "plans.db"
    store = boardpaper.Store(db)
    done = store.import_([PLAN_V3, BOARD_PAPER, BROKEN / "garbage.pdf"])
    assert [d["status"] for d in done] == ["imported", "imported", "failed"]
    assert done[2]["reason"].startswith("damaged beyond recovery")
    # The same bytes again are not read again.
    assert store.import_(PLAN_V3)[0]["status"] == "already_present"

    versions = json.loads(cli("versions", "--db", db, "--format", "json").stdout)
    got = store.versions()
    rows = got.to_dict("records") if hasattr(got, "to_dict") else got
    assert [v["version"] for v in rows] == ["3", "4"] == [v["version"] for v in versions]
    assert [v["actions"] for v in rows] == [v["actions"] for v in versions]

    history = store.history("P1 1.1")
    assert history == json.loads(cli("history", "P1 1.1", "--db", db, "--format", "json").stdout)
    # Version 3 to 4: P1 1.1's first milestone went from In progress to Complete.
    v4 = history["versions"][1]
    assert "milestones" in v4["changed"]


def test_store_errors_are_store_errors(tmp_path):
    store = boardpaper.Store(tmp_path / "empty.db")
    with pytest.raises(boardpaper.StoreError, match="no plan is stored yet"):
        store.history("P1 1.1")
    with pytest.raises(ValueError, match="does not name an action"):
        store.history("1.1")
