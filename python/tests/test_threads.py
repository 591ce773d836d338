"""The GIL is released while reading: a thread pool of extracts gives the sequential results,
and other Python threads run while a paper is read."""

import threading
from concurrent.futures import ThreadPoolExecutor

import boardpaper
from conftest import BOARD_PAPER, FIXTURES, PLAN_V3

FILES = [
    BOARD_PAPER,
    PLAN_V3,
    FIXTURES / "templates" / "northdown-plan-v2.pdf",
    FIXTURES / "templates" / "eastvale-delivery-plan.pdf",
    FIXTURES / "templates" / "lowther-highways-plan.pdf",
    FIXTURES / "notplans" / "finance-outturn.pdf",
    BOARD_PAPER,
    PLAN_V3,
]


def test_a_pool_of_8_extracts_equals_sequential_ones():
    sequential = [boardpaper.extract(f).to_json() for f in FILES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda f: boardpaper.extract(f).to_json(), FILES))
    assert parallel == sequential
    with ThreadPoolExecutor(max_workers=8) as pool:
        frames = list(pool.map(lambda f: len(boardpaper.extract(f).milestones()), FILES[:2]))
    assert frames == [79, len(boardpaper.extract(PLAN_V3).milestones())]


def test_other_threads_run_while_a_paper_is_read():
    count = 0
    stop = threading.Event()

    def spin():
        nonlocal count
        while not stop.is_set():
            count += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        # Held GIL: the spinner could not run at all between these two reads of the counter.
        before = count
        boardpaper.extract(BOARD_PAPER)
        during = count - before
    finally:
        stop.set()
        spinner.join()
    assert during > 1000, during
