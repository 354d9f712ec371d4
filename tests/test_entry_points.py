"""adminduk._core.entry_points reads a group as importlib.metadata.entry_points(group=...) does.

Compared on the installed packages, on folders laid out to reach each of importlib's rules
(first distribution of a name wins, names normalized, files that are not there), on any
``entry_points.txt`` text, and on every layout where the two could differ, where it must defer
to importlib (answer ``None``).
"""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk._core import entry_points as fast

GROUP = "adminduk.offices"


def _importlib(group: str) -> list[tuple[str, str, str, str]]:
    return [(ep.name, ep.value, ep.group, ep.dist.name) for ep in _eps(group)]  # type: ignore[union-attr]


def _eps(group: str) -> metadata.EntryPoints:
    return metadata.entry_points(group=group)


def _fast(group: str) -> list[tuple[str, str, str, str]] | None:
    found = fast.entry_points(group)
    if found is None:
        return None
    return [(ep.name, ep.value, ep.group, ep.dist.name) for ep in found]  # type: ignore[union-attr]


@pytest.fixture(autouse=True)
def standard_finders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the standard library's finder of distributions on ``sys.meta_path``.

    A test's dependency may add another (the ``importlib_metadata`` backport does, on import),
    and then the fast reading rightly defers to importlib (tested below); both readings here
    see the same finders.
    """
    from importlib.machinery import PathFinder

    if getattr(PathFinder, "find_distributions", None) is None:  # the backport disabled it
        monkeypatch.setattr(
            PathFinder,
            "find_distributions",
            metadata.MetadataPathFinder.find_distributions,
            raising=False,
        )
    standard = [
        finder
        for finder in sys.meta_path
        if getattr(finder, "find_distributions", None) is None or finder is PathFinder
    ]
    monkeypatch.setattr(sys, "meta_path", standard)


@pytest.mark.parametrize("group", [GROUP, "console_scripts", "pytest11", "no.such.group"])
def test_the_installed_packages_read_alike(group: str) -> None:
    assert _fast(group) == _importlib(group)


def _dist(folder: Path, dirname: str, text: str | bytes | None, name: str | None = None) -> None:
    """A metadata folder: METADATA naming the package, and ``entry_points.txt`` if given."""
    path = folder / dirname
    path.mkdir(parents=True)
    package = name or dirname.partition("-")[0]
    (path / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 1.0\n")
    if isinstance(text, bytes):
        (path / "entry_points.txt").write_bytes(text)
    elif text is not None:
        (path / "entry_points.txt").write_text(text, "utf-8")


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``sys.path`` made of the folders a test lays out (and one that does not exist)."""
    entries: list[str] = []
    monkeypatch.setattr(sys, "path", entries)
    monkeypatch.chdir(tmp_path)
    return entries


def test_laid_out_folders_read_alike(tmp_path: Path, path: list[str]) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(first, "plug_a-1.0.dist-info", f"[{GROUP}]\n35.78 = plug_a:OFFICE\n")
    # The same package again, later on the path and in another spelling: importlib keeps the
    # first one only.
    _dist(second, "Plug.A-2.0.dist-info", f"[{GROUP}]\n35.79 = plug_a2:OFFICE\n", "Plug.A")
    # Two versions in one folder: both are read, the first listed kept.
    _dist(second, "twice-1.0.dist-info", f"[{GROUP}]\nx = twice:one\n")
    _dist(second, "twice-2.0.dist-info", f"[{GROUP}]\ny = twice:two\n")
    # Comments, blank lines, lines before any section, spaces and other groups.
    _dist(
        second,
        "plug_b-0.1.egg-info",
        "loose line without a section\n# a comment\n\n[console_scripts]\nb = plug_b:main\n"
        f"  [{GROUP}]  \n  lain =  plug_b.sub : OFFICE [extra] \n; not a comment = here\n",
    )
    _dist(second, "no_entry_points-1.0.dist-info", None)
    # An entry_points.txt that is a folder: opened, then unreadable; importlib reads nothing.
    _dist(second, "folder_entry_points-1.0.dist-info", None)
    (second / "folder_entry_points-1.0.dist-info" / "entry_points.txt").mkdir()
    (second / "legacy-1.0.egg-info").write_text("Metadata-Version: 1.0\nName: legacy\n")
    (second / "not_metadata").mkdir()
    _dist(tmp_path, "in_cwd-1.0.dist-info", f"[{GROUP}]\ncwd = in_cwd:OFFICE\n")
    path.extend([str(first), str(tmp_path / "missing"), str(second), ""])
    for group in (GROUP, "console_scripts"):
        found = _fast(group)
        assert found == _importlib(group)
        assert found  # the layout reaches the group
    assert fast.entry_points(GROUP)[0].load  # type: ignore[index]


def test_a_found_entry_point_loads_and_names_its_package(tmp_path: Path, path: list[str]) -> None:
    _dist(tmp_path / "site", "plug-1.0.dist-info", f"[{GROUP}]\nj = json:dumps\n")
    path.append(str(tmp_path / "site"))
    (found,) = fast.entry_points(GROUP) or []
    assert found.load() is __import__("json").dumps
    assert found.dist is not None
    assert (found.dist.name, found.dist.version) == ("plug", "1.0")


def _zip(target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        archive.writestr("zipped-1.0.dist-info/entry_points.txt", f"[{GROUP}]\nz = zipped:X\n")


@pytest.mark.parametrize(
    "layout",
    ["zip", "egg", "upper-case suffix", "nameless", "unparsable", "undecodable", "not a string"],
)
def test_where_the_readings_could_differ_importlib_answers(
    tmp_path: Path, path: list[str], layout: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    path.append(str(site))
    if layout == "zip":
        _zip(tmp_path / "plugins.zip")
        path.append(str(tmp_path / "plugins.zip"))
    elif layout == "egg":
        (tmp_path / "old.egg" / "EGG-INFO").mkdir(parents=True)
        path.append(str(tmp_path / "old.egg"))
    elif layout == "upper-case suffix":
        _dist(site, "Shout-1.0.DIST-INFO", f"[{GROUP}]\ns = shout:X\n", "shout")
    elif layout == "nameless":
        _dist(site, "-1.0.dist-info", f"[{GROUP}]\nn = nameless:X\n", "nameless")
    elif layout == "unparsable":
        _dist(site, "broken-1.0.dist-info", "[console_scripts]\nno equals sign\n")
    elif layout == "undecodable":
        _dist(site, "latin-1.0.dist-info", b"[console_scripts]\nnama = caf\xe9:main\n")
    else:
        path.append(site)  # type: ignore[arg-type]
    assert fast.entry_points(GROUP) is None


def test_another_finder_of_distributions_makes_importlib_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Finder:
        @staticmethod
        def find_distributions(*args: object, **kwargs: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert fast.entry_points(GROUP) is None


def test_a_disabled_standard_finder_makes_importlib_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib.machinery import PathFinder

    monkeypatch.delattr(PathFinder, "find_distributions")
    assert fast.entry_points(GROUP) is None


def test_another_python_makes_importlib_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "_VERSIONS", ())
    assert fast.entry_points(GROUP) is None


_LINE = st.text(alphabet=" \t[]=#;abc.:0", max_size=12)


@given(st.lists(_LINE, max_size=8))
def test_any_text_is_parsed_as_importlib_parses_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        expected: list[tuple[str, str, str]] | None = [
            (ep.name, ep.value, ep.group)
            for ep in metadata.EntryPoints._from_text(text)  # type: ignore[attr-defined]
        ]
    except (ValueError, TypeError):  # a line without "=" (TypeError on 3.11)
        expected = None  # importlib raises: the fast reading must defer to it
    try:
        found: list[tuple[str, str, str]] | None = [
            (ep.name, ep.value, ep.group)
            for group in {line.strip().strip("[]") for line in lines}
            for ep in fast._parse(text, "here", group)
        ]
    except fast._Differs:
        found = None
    if expected is None or found is None:
        assert expected is found
    else:
        assert sorted(found) == sorted(expected)
