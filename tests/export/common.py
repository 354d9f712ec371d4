"""Offline JSON-LD processing for the export tests and the every-office contract.

PyLD processes each document with a document loader that serves a bundled, abridged copy of the
schema.org context (``schemaorg-context.jsonld``: its ``@vocab`` and keyword aliases) and refuses
every other URL, so no test touches the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyld import jsonld

HERE = Path(__file__).parent
CONTEXT = json.loads((HERE / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
SCHEMA = "http://schema.org/"


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the test tried to load {url!r}")


OPTIONS = {"documentLoader": offline_loader}


def flat_nodes(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of the document, nested ones included, with full IRIs."""
    flattened = jsonld.flatten(json.loads(json.dumps(doc)), None, OPTIONS)
    return flattened["@graph"] if isinstance(flattened, dict) else flattened


def types_of(nodes: list[dict[str, Any]]) -> set[str]:
    return {t for node in nodes for t in node.get("@type", [])}


def by_type(nodes: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [node for node in nodes if SCHEMA + name in node.get("@type", [])]


def values(node: dict[str, Any], prop: str) -> list[Any]:
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + prop, [])]


def typed_references_resolve(nodes: list[dict[str, Any]]) -> None:
    """Every property is schema.org's, and every reference names a typed node of the graph."""
    typed = {node["@id"] for node in nodes if node.get("@type")}
    for node in nodes:
        for prop, objects in node.items():
            if prop.startswith("@"):
                continue
            assert prop.startswith(SCHEMA), prop
            for obj in objects:
                if "@id" in obj:
                    assert obj["@id"] in typed, (node["@id"], prop, obj)
