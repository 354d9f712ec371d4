"""Each package states its public names once, by importing them; the rest follows (issue 26).

``__all__``, each package's table of names loaded on first use and
``tests/typing/public_names.py`` (which the gate type-checks, so no public name is ``Any``) are
written from those imports by ``scripts/public_names.py``. These tests hold all three current.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.scripts import import_script


@pytest.fixture(scope="module")
def script() -> Iterator[ModuleType]:
    yield from import_script("public_names")


def test_every_generated_list_is_current(script: ModuleType, capsys: pytest.CaptureFixture[str]):
    stale = script.main(["--check"])
    assert stale == 0, f"run python scripts/public_names.py:\n{capsys.readouterr().out}"


def test_the_typing_file_touches_exactly_the_public_names(script: ModuleType) -> None:
    tree = ast.parse(script.TYPING_FILE.read_text(encoding="utf-8"))
    aliases = {
        alias.asname: alias.name
        for node in tree.body
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    touched: dict[str, list[str]] = {module: [] for module in aliases.values()}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "typed":
            (argument,) = node.args
            assert isinstance(argument, ast.Attribute) and isinstance(argument.value, ast.Name)
            touched[aliases[argument.value.id]].append(argument.attr)
    published = {
        path_module: importlib.import_module(path_module).__all__
        for path_module in (names.module for names in map(script.read, script.modules()))
    }
    assert touched == {module: list(names) for module, names in published.items()}


def test_every_lazy_name_is_the_object_its_module_defines(script: ModuleType) -> None:
    for names in map(script.read, script.modules()):
        package = importlib.import_module(names.module)
        for name, source in names.lazy.items():
            found, defined = getattr(package, name), getattr(importlib.import_module(source), name)
            # A constant read from data (PANDEMIC_END) is read anew once a test clears the
            # data's cache: the same value, not always the same object.
            assert found is defined or (not callable(found) and found == defined), name
            assert name in dir(package)


def test_a_name_imported_without_an_underscore_is_public(script: ModuleType, tmp_path) -> None:
    # The rule the generator reads; the machinery is imported under a private name.
    module = tmp_path / "adminduk" / "sample" / "__init__.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from adminduk._core import lazy as _lazy\n"
        "from adminduk.sample._a import Shown, helper as _helper\n"
        "from ._b import VALUE\n"
        "if TYPE_CHECKING:\n"
        "    from adminduk.sample._c import later\n"
        "    from adminduk.sample._d import bound\n"
        "    version: str\n"
        "else:\n"
        "    bound = 1\n",
        encoding="utf-8",
    )
    script_src = script.SRC
    script.SRC = tmp_path
    try:
        names = script.read(module)
    finally:
        script.SRC = script_src
    assert names.module == "adminduk.sample"
    assert names.public == ["VALUE", "Shown", "bound", "later", "version"]
    assert names.lazy == {"later": "adminduk.sample._c"}
