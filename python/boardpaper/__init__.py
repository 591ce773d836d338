"""boardpaper: UK council board papers (PDF committee reports and action plans) as data.

The same reader as the ``boardpaper`` command line, from Python::

    >>> import boardpaper
    >>> paper = boardpaper.extract("mscb-board-paper-2015-06.pdf")
    >>> paper.actions()          # a pandas DataFrame, the columns of actions.csv
    >>> changes = boardpaper.diff("plan-v3.pdf", paper)
    >>> changes.to_frame()       # one row per change

Every call that reads a PDF releases the GIL, so a thread pool of extracts runs in parallel.
Errors are exceptions that mirror the command line's exit codes (:class:`PasswordRequired`,
:class:`NotAPdf`, :class:`Damaged`, :class:`NoTextLayer`, :class:`LimitExceeded`), each with
``file``, ``page`` (or ``None``) and ``exit_code`` attributes.

pandas is optional (``pip install boardpaper[pandas]``): without it the methods that return
DataFrames return lists of dicts.
"""

from __future__ import annotations

import csv
import io
import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _boardpaper as _core
from ._boardpaper import (
    BoardpaperError,
    Damaged,
    LimitExceeded,
    NoPlan,
    NotAPaper,
    NotAPdf,
    NoTextLayer,
    PasswordRequired,
    StoreError,
    WrongPassword,
)

__version__ = _core.__version__

__all__ = [
    "extract",
    "diff",
    "tables",
    "Paper",
    "Changes",
    "Table",
    "Tables",
    "Store",
    "BoardpaperError",
    "PasswordRequired",
    "WrongPassword",
    "NotAPdf",
    "Damaged",
    "NoTextLayer",
    "LimitExceeded",
    "NotAPaper",
    "NoPlan",
    "StoreError",
]

PathOrBytes = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]


def _pandas():
    """pandas, or None when it is not installed."""
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _frame(columns: Sequence[str], rows: Sequence[Sequence[Any]]):
    """A DataFrame with these columns, or a list of dicts without pandas."""
    pd = _pandas()
    if pd is None:
        return [dict(zip(columns, row)) for row in rows]
    return pd.DataFrame([list(r) for r in rows], columns=list(columns))


def _source(source: PathOrBytes):
    """A path (str) or bytes, as the extension takes them."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    return os.fspath(source)


def _pages(pages) -> Optional[str]:
    """A page selection as the extension takes it: "1-3,7"; an int or ints become that."""
    if pages is None or isinstance(pages, str):
        return pages
    if isinstance(pages, int):
        return str(pages)
    return ",".join(str(int(p)) for p in pages)


class Paper:
    """A board paper: its covering report, its action plans and the warnings met reading it.

    ``to_dict()`` is exactly the JSON ``boardpaper extract`` writes (schema-valid);
    ``plans``, ``report`` and ``warnings`` are its parts; ``actions()`` and ``milestones()``
    are the rows of the CSV export.
    """

    __slots__ = ("_core", "_dict")

    def __init__(self, core: "_core.Paper"):
        self._core = core
        self._dict: Optional[Dict[str, Any]] = None

    @property
    def file(self) -> str:
        """The file the paper was read from (its last path component)."""
        return self._core.file

    def to_json(self) -> str:
        """Exactly the JSON ``boardpaper extract`` writes (2-space indent, trailing newline)."""
        return self._core.json()

    def to_dict(self) -> Dict[str, Any]:
        """The paper as the JSON ``boardpaper extract`` writes, as Python objects (a copy)."""
        if self._dict is None:
            self._dict = json.loads(self._core.json())
        return json.loads(json.dumps(self._dict))

    def _part(self, key: str):
        if self._dict is None:
            self._dict = json.loads(self._core.json())
        return self._dict[key]

    @property
    def plans(self) -> List[Dict[str, Any]]:
        """The action plans: priorities, improvement areas, actions, milestones, RAG."""
        return self._part("plans")

    @property
    def report(self) -> Optional[Dict[str, Any]]:
        """The covering report (meeting, title, authors, sections...), or None."""
        return self._part("report")

    @property
    def warnings(self) -> List[Dict[str, Any]]:
        """Everything that could not be placed, each with its page and kind."""
        return self._part("warnings")

    def actions(self):
        """One row per action, the columns of ``actions.csv`` (a DataFrame with pandas)."""
        return _frame(*self._core.sheet("actions"))

    def milestones(self):
        """One row per milestone, the columns of ``milestones.csv``."""
        return _frame(*self._core.sheet("milestones"))

    def __repr__(self) -> str:
        return f"<boardpaper.Paper {self.file!r}: {len(self.plans)} plan(s), {len(self.warnings)} warning(s)>"


def extract(
    source: PathOrBytes,
    *,
    password: Optional[str] = None,
    profile: Union[str, "os.PathLike[str]", None] = None,
    pages: Union[str, int, Iterable[int], None] = None,
    name: Optional[str] = None,
) -> Paper:
    """Read a board paper from a PDF file (a path) or its bytes.

    ``password`` opens an encrypted PDF; ``profile`` names a template profile (TOML or JSON,
    as ``--profile``); ``pages`` selects pages (``"1-3,7"``, ``5`` or ``[1, 2, 3]``); ``name``
    names bytes in messages and in the paper's ``file``. Raises :class:`PasswordRequired`,
    :class:`NotAPdf`, :class:`Damaged`, :class:`NoTextLayer`, :class:`LimitExceeded`, or
    ``OSError`` when the file cannot be read. The GIL is released while reading.
    """
    core = _core.read(
        _source(source),
        password=password,
        profile=None if profile is None else os.fspath(profile),
        pages=_pages(pages),
        name=name,
    )
    return Paper(core)


def _side(side, password, profile) -> Paper:
    """One side of a diff: a Paper, or a PDF or ``extract`` JSON as a path or bytes."""
    if isinstance(side, Paper):
        return side
    if isinstance(side, (bytes, bytearray, memoryview)):
        data, name = bytes(side), "<bytes>"
    else:
        name = os.fspath(side)
        with open(name, "rb") as f:
            data = f.read()
    # A JSON paper is an object; anything else is read as a PDF (which says if it is not one).
    if data.lstrip(b"\xef\xbb\xbf").lstrip()[:1] == b"{":
        return Paper(_core.load_json(data.lstrip(b"\xef\xbb\xbf"), name))
    return Paper(_core.read(data, password=password, profile=profile, name=name))


class Changes:
    """What changed between two versions of a plan (``boardpaper diff``)."""

    __slots__ = ("_core",)

    def __init__(self, core: "_core.Changes"):
        self._core = core

    def to_json(self) -> str:
        """Exactly the JSON ``boardpaper diff --format json`` writes."""
        return self._core.json()

    def to_dict(self) -> Dict[str, Any]:
        """``{"from", "to", "changes"}`` as ``boardpaper diff --format json`` writes it."""
        return json.loads(self._core.json())

    @property
    def changes(self) -> List[Dict[str, Any]]:
        """Every change, in plan order."""
        return self.to_dict()["changes"]

    def to_csv(self) -> str:
        """``boardpaper diff --format csv``: one row per change."""
        return self._core.csv()

    def to_frame(self):
        """One row per change, the columns of ``diff --format csv`` (a DataFrame with pandas)."""
        rows = list(csv.reader(io.StringIO(self._core.csv())))
        header, body = (rows[0], rows[1:]) if rows else ([], [])
        return _frame(header, body)

    def html(self) -> str:
        """One self-contained HTML page: old and new side by side, changed words marked."""
        return self._core.html()

    def text(self) -> str:
        """The summary ``boardpaper diff`` prints (no colour)."""
        return self._core.text()

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return f"<boardpaper.Changes: {len(self)} change(s)>"


def diff(
    old,
    new,
    *,
    password: Optional[str] = None,
    profile: Union[str, "os.PathLike[str]", None] = None,
) -> Changes:
    """The changes from ``old`` to ``new``: each a :class:`Paper`, or a PDF or a JSON written
    by ``boardpaper extract``, as a path or bytes. Raises :class:`NoPlan` when a side has no
    plan, :class:`NotAPaper` for a JSON that is not a paper."""
    profile = None if profile is None else os.fspath(profile)
    a = _side(old, password, profile)
    b = _side(new, password, profile)
    return Changes(_core.diff(a._core, b._core))


class Table:
    """A table, joined across the pages it runs over: cells with spans, fills and boxes."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]):
        self._data = data

    @property
    def pages(self) -> List[int]:
        """The pages it is printed on."""
        return self._data["pages"]

    @property
    def page(self) -> int:
        """Its first page."""
        return self._data["page"]

    @property
    def bbox(self) -> List[float]:
        """Its box on the first page, ``[x0, top, x1, bottom]`` in points, origin top-left."""
        return self._data["bbox"]

    @property
    def ruled(self) -> bool:
        """Whether it was found from drawn rules (else from the words' alignment)."""
        return self._data["ruled"]

    @property
    def header_rows(self) -> int:
        """How many rows form its header."""
        return self._data["header_rows"]

    @property
    def rows(self) -> List[List[str]]:
        """The plain grid: a spanning cell's text once, in its top-left slot, "" elsewhere."""
        return self._data["rows"]

    @property
    def cells(self) -> List[Dict[str, Any]]:
        """Every cell: row, col, row_span, col_span, text, paragraphs, fill, page, bbox."""
        return self._data["cells"]

    @property
    def shape(self):
        """(rows, columns) of the grid."""
        rows = self.rows
        return (len(rows), max((len(r) for r in rows), default=0))

    def to_dict(self) -> Dict[str, Any]:
        """The table as ``boardpaper tables`` writes it."""
        return json.loads(json.dumps(self._data))

    def to_frame(self):
        """The grid as a DataFrame with columns 0, 1, 2, ... (as Camelot's ``table.df``)."""
        pd = _pandas()
        if pd is None:
            return [dict(enumerate(r)) for r in self.rows]
        return pd.DataFrame(self.rows)

    def __repr__(self) -> str:
        r, c = self.shape
        return f"<boardpaper.Table pages {self.pages}: {r} x {c}>"


class Tables(list):
    """The tables of a PDF (a list of :class:`Table`), with ``file`` and ``warnings``."""

    def __init__(self, doc: Dict[str, Any]):
        super().__init__(Table(t) for t in doc["tables"])
        self.file: str = doc["file"]
        self.warnings: List[Dict[str, Any]] = doc["warnings"]


def tables(
    source: PathOrBytes,
    pages: Union[str, int, Iterable[int], None] = None,
    *,
    password: Optional[str] = None,
    name: Optional[str] = None,
) -> Tables:
    """The tables of a PDF (a path or its bytes), ruled and unruled, joined across pages, as
    ``boardpaper tables`` finds them; ``pages`` selects pages (``"1-3,7"``)."""
    doc = json.loads(
        _core.tables(_source(source), password=password, pages=_pages(pages), name=name)
    )
    return Tables(doc)


class Store:
    """The database of ``boardpaper import``: plan versions and their history.

    ``Store(path)`` opens it, creating it when missing.
    """

    __slots__ = ("_core",)

    def __init__(self, path: Union[str, "os.PathLike[str]"]):
        self._core = _core.Store(os.fspath(path))

    @property
    def path(self) -> str:
        """The database file."""
        return os.fspath(self._core.path)

    def import_(
        self,
        paths: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]],
        *,
        password: Optional[str] = None,
        profile: Union[str, "os.PathLike[str]", None] = None,
    ) -> List[Dict[str, Any]]:
        """Read PDFs and store every plan version, as ``boardpaper import``: a document
        already stored (same bytes) is not read again; one that fails is recorded in the
        failures table. Returns, per file, ``{"file", "status", "reason"}`` with status
        ``imported``, ``already_present`` or ``failed``."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        done = self._core.import_paths(
            [os.fspath(p) for p in paths],
            password=password,
            profile=None if profile is None else os.fspath(profile),
        )
        return [{"file": f, "status": s, "reason": r} for f, s, r in done]

    def versions(self):
        """Every stored plan version in order, as ``boardpaper versions --format json``
        (a DataFrame with pandas, else a list of dicts)."""
        rows = json.loads(self._core.versions())
        pd = _pandas()
        return rows if pd is None else pd.DataFrame(rows)

    def history(self, action: str, plan: Optional[str] = None) -> Dict[str, Any]:
        """One action across the stored versions of its plan, as ``boardpaper history
        ACTION --format json``: ``action`` is e.g. ``"P1 1.1"`` or ``"P1 A2 3"``."""
        return json.loads(self._core.history(action, plan))

    def __repr__(self) -> str:
        return f"<boardpaper.Store {self.path!r}>"
