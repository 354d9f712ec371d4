"""The generated office pages (docs/offices/) are up to date with the office data."""

from __future__ import annotations

import pytest

import adminduk

from ..scripts import import_script
from .conftest import ROOT


@pytest.fixture(scope="module")
def generator():
    yield from import_script("gen_office_pages")


def test_the_committed_pages_are_what_the_data_gives(generator):
    assert generator.stale() == [], "run: python scripts/gen_office_pages.py"
    assert generator.main(["--check"]) == 0


def test_a_missing_or_edited_page_is_stale(generator, tmp_path, capsys):
    assert sorted(generator.stale(tmp_path)) == sorted(generator.pages())
    (tmp_path / "offices").mkdir()
    for name, text in generator.pages().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "offices" / "kota-mataram.md").write_text("edited\n", encoding="utf-8")
    assert generator.stale(tmp_path) == ["offices/kota-mataram.md"]
    generator.DOCS, saved = tmp_path, generator.DOCS
    try:
        assert generator.main(["--check"]) == 1
        assert "stale: docs/offices/kota-mataram.md" in capsys.readouterr().out
        assert generator.main([]) == 0
        assert generator.stale(tmp_path) == []
    finally:
        generator.DOCS = saved


@pytest.mark.parametrize("code", ["35.04", "35.13", "35.14", "52.06", "52.71"])
def test_each_page_cites_every_source_and_names_every_number(generator, code):
    office = adminduk.get_office(code)
    page = generator.pages()[f"offices/{office.slug}.md"]
    assert page.startswith(f"# {office.region} ({code})")
    for key in office.sources:
        assert f"| `{key}` |" in page
    for policy in office.policies:
        assert f"`{policy.id}`" in page
        for channel in policy.channels:
            if channel.kind.value == "whatsapp":
                assert (f"`{channel.address}`" if channel.address else "*unknown*") in page


def test_default_hours_are_never_shown_as_the_office_own(generator):
    pages = generator.pages()
    mataram = pages["offices/kota-mataram.md"]
    assert "The sources give no ordinary hours for this office." in mataram
    assert "never presented as the office's own" in mataram


def test_markdown_specials_in_data_are_escaped(generator):
    assert generator.md("a | b [I] *x* <y> `z` \\ _w_") == (
        "a \\| b \\[I\\] \\*x\\* \\<y\\> \\`z\\` \\\\ \\_w\\_"
    )


def test_every_generated_page_is_in_the_site_navigation(generator):
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    for name in generator.pages():
        assert f": {name}\n" in nav, name
