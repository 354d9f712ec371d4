"""The import contracts (``lint-imports``) see every import, however it is written.

The layers and no-circle contracts in ``pyproject.toml`` read the import graph grimp builds. A
circle is often closed by an import under ``if TYPE_CHECKING:`` or inside a function; these
tests hold that such imports are in the graph the contracts check, so none can hide one.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("adminduk", include_external_packages=False, cache_dir=None)


def test_the_graph_holds_imports_under_type_checking() -> None:
    # lifecycle._clock names Service only in annotations, imported under TYPE_CHECKING.
    assert _graph().direct_import_exists(
        importer="adminduk.lifecycle._clock", imported="adminduk.documents"
    )


def test_the_graph_holds_imports_inside_functions() -> None:
    # The command imports advise only when a command needs it.
    assert _graph().direct_import_exists(importer="adminduk.cli", imported="adminduk.advice")


def test_the_contracts_read_every_kind_of_import() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = settings["tool"]["importlinter"]
    assert linter.get("exclude_type_checking_imports", False) is False
    kinds = {contract["type"] for contract in linter["contracts"]}
    assert {"layers", "acyclic_siblings"} <= kinds
    for contract in linter["contracts"]:
        # No contract exempts an import: a circle or an upward import cannot be named away.
        assert not contract.get("ignore_imports"), contract["name"]
        if contract["type"] == "layers":
            assert contract["exhaustive"] is True
            assert not contract.get("exhaustive_ignores")


def test_a_service_stands_below_what_is_built_of_services() -> None:
    # Service checks, suggests and names its code from the table of services and the reader
    # of free text; the catalogue and the matcher, built of Services, stand above it.
    graph = _graph()
    for built in ("_catalogue", "_matching", "_chat"):
        assert (
            graph.find_shortest_chain(
                importer="adminduk.documents._vocabulary", imported=f"adminduk.documents.{built}"
            )
            is None
        ), built
    # The reader is imported inside the function that suggests: the graph holds it all the same.
    assert graph.direct_import_exists(
        importer="adminduk.documents._vocabulary", imported="adminduk.documents._reading"
    )
