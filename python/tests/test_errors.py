"""Every exception class, raised on the broken fixtures, naming the file (and the page)."""

import pytest

import boardpaper
from conftest import BROKEN


@pytest.mark.parametrize(
    "name,error,code",
    [
        ("zero-bytes.pdf", boardpaper.NotAPdf, 4),
        ("png-renamed.pdf", boardpaper.NotAPdf, 4),
        ("garbage.pdf", boardpaper.Damaged, 5),
        ("user-password.pdf", boardpaper.PasswordRequired, 6),
        ("scan-only.pdf", boardpaper.NoTextLayer, 10),
    ],
)
def test_each_broken_file_raises_its_class(name, error, code, cli):
    path = BROKEN / name
    with pytest.raises(error) as e:
        boardpaper.extract(path)
    assert isinstance(e.value, boardpaper.BoardpaperError)
    assert e.value.file == str(path) and str(path) in str(e.value)
    assert e.value.page is None
    # The same exit code as the command line.
    assert e.value.exit_code == code == cli("extract", path, check=False).returncode


def test_a_limit_names_the_file_and_the_page(cli):
    path = BROKEN / "inflate-bomb-forms.pdf"
    with pytest.raises(boardpaper.LimitExceeded) as e:
        boardpaper.extract(path)
    assert e.value.file == str(path) and e.value.page == 2
    assert f"{path}: page 2: limit document-bytes" in str(e.value)
    assert e.value.limit == "document-bytes"
    assert e.value.exit_code == 11 == cli("extract", path, check=False).returncode


def test_a_password_opens_the_file_and_a_wrong_one_is_refused():
    path = BROKEN / "user-password.pdf"
    paper = boardpaper.extract(path, password="secret")
    assert paper.to_dict()["pages"] == 3
    with pytest.raises(boardpaper.WrongPassword) as e:
        boardpaper.extract(path, password="guess")
    assert isinstance(e.value, boardpaper.PasswordRequired)
    assert e.value.exit_code == 6


def test_bytes_are_named_in_errors():
    with pytest.raises(boardpaper.NotAPdf, match="^upload.pdf: not a PDF"):
        boardpaper.extract(b"hello", name="upload.pdf")
    with pytest.raises(boardpaper.NotAPdf) as e:
        boardpaper.extract(b"")
    assert e.value.file == "<bytes>"


def test_a_missing_file_is_an_os_error():
    with pytest.raises(FileNotFoundError) as e:
        boardpaper.extract(BROKEN / "no-such-file.pdf")
    assert e.value.filename.endswith("no-such-file.pdf")


def test_tables_raise_the_same_classes():
    with pytest.raises(boardpaper.Damaged):
        boardpaper.tables(BROKEN / "garbage.pdf")
    with pytest.raises(boardpaper.PasswordRequired):
        boardpaper.tables(BROKEN / "user-password.pdf")
