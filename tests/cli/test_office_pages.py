"""The generated office pages (docs/offices/) are up to date with the office data."""

from __future__ import annotations

from .conftest import ROOT


def test_the_committed_pages_are_what_the_data_gives(office_pages):
    assert office_pages.stale() == [], "run: python scripts/gen_office_pages.py"
    assert office_pages.main(["--check"]) == 0


def test_a_missing_or_edited_page_is_stale(office_pages, tmp_path, capsys):
    assert sorted(office_pages.stale(tmp_path)) == sorted(office_pages.pages())
    (tmp_path / "offices").mkdir()
    for name, text in office_pages.pages().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "offices" / "kota-mataram.md").write_text("edited\n", encoding="utf-8")
    assert office_pages.stale(tmp_path) == ["offices/kota-mataram.md"]
    office_pages.DOCS, saved = tmp_path, office_pages.DOCS
    try:
        assert office_pages.main(["--check"]) == 1
        assert "stale: docs/offices/kota-mataram.md" in capsys.readouterr().out
        assert office_pages.main([]) == 0
        assert office_pages.stale(tmp_path) == []
    finally:
        office_pages.DOCS = saved


# That each office's page cites every source and names every number is part of the contract
# every office passes (tests/test_every_office.py).


def test_default_hours_are_never_shown_as_the_office_own(office_pages):
    pages = office_pages.pages()
    mataram = pages["offices/kota-mataram.md"]
    assert "The sources give no ordinary hours for this office." in mataram
    assert "never presented as the office's own" in mataram


def test_markdown_specials_in_data_are_escaped(office_pages):
    assert office_pages.md("a | b [I] *x* <y> `z` \\ _w_") == (
        "a \\| b \\[I\\] \\*x\\* \\<y\\> \\`z\\` \\\\ \\_w\\_"
    )


def test_every_generated_page_is_in_the_site_navigation(office_pages):
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    for name in office_pages.pages():
        assert f": {name}\n" in nav, name
