"""Write each package's public names from the one place they are stated: its imports.

A package states a public name once, by importing it: at the top (loaded with the package) or
under ``if TYPE_CHECKING:`` (loaded on first use). Every name a package imports from adminduk
without a leading underscore is public; the machinery it needs is imported under a private
name (``from adminduk._core import lazy as _lazy``). A name declared under ``TYPE_CHECKING``
without a value (``__version__: str``) is public and answered by the package itself.

From that, this script writes, between two marker lines in each package, ``__all__`` and
``_LAZY`` (each lazily loaded name and its module), and it writes
``tests/typing/public_names.py``, which touches every public name so that mypy, with
``disallow_any_expr``, fails on any that users would see as ``Any``.

    python scripts/public_names.py          # rewrite what is out of date
    python scripts/public_names.py --check  # exit 1 if anything is out of date (the tests do)
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
TYPING_FILE = ROOT / "tests" / "typing" / "public_names.py"
BEGIN = "# -- public names: written by scripts/public_names.py from the imports; do not edit --\n"
END = "# -- end of the public names --\n"


@dataclass
class Names:
    """The public names of one module, in the order they are written out."""

    module: str
    path: Path
    public: list[str] = field(default_factory=list)
    lazy: dict[str, str] = field(default_factory=dict)


def modules() -> list[Path]:
    """Every module that publishes names: each package of adminduk (but _core), and errors."""
    packages = sorted(SRC.glob("adminduk/**/__init__.py"))
    return [p for p in packages if "_core" not in p.parts] + [SRC / "adminduk" / "errors.py"]


def _is_type_checking(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If):
        return False
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imported(node: ast.ImportFrom, package: str) -> list[tuple[str, str]]:
    """(name, module) for each public name ``node`` imports from adminduk."""
    if node.level:
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    if module != "adminduk" and not module.startswith("adminduk."):
        return []
    found = []
    for alias in node.names:
        name = alias.asname or alias.name
        if not name.startswith("_"):
            found.append((name, module))
    return found


def _bound_at_run_time(tree: ast.Module) -> set[str]:
    """Names a module binds itself when it runs (outside ``if TYPE_CHECKING:`` bodies)."""
    bound: set[str] = set()
    for node in tree.body:
        body = node.orelse if _is_type_checking(node) else [node]  # type: ignore[attr-defined]
        for stmt in body:
            if isinstance(stmt, ast.Assign):
                bound |= {t.id for t in stmt.targets if isinstance(t, ast.Name)}
    return bound


def sort_key(name: str) -> tuple[int, str]:
    """The order ruff keeps ``__all__`` in: CONSTANTS, then Classes, then the rest."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def read(path: Path) -> Names:
    """The public names ``path`` states, and the module of each one loaded on first use."""
    module = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = Names(module, path)
    run_time = _bound_at_run_time(tree)
    public: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            public |= {name for name, _ in _imported(node, package)}
        elif _is_type_checking(node):
            for stmt in node.body:  # type: ignore[attr-defined]
                if isinstance(stmt, ast.ImportFrom):
                    for name, source in _imported(stmt, package):
                        public.add(name)
                        if name not in run_time:
                            names.lazy[name] = source
                elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                    public.add(stmt.target.id)
    names.public = sorted(public, key=sort_key)
    names.lazy = {name: names.lazy[name] for name in sorted(names.lazy, key=sort_key)}
    return names


def block(names: Names) -> str:
    """The generated lines of one module: ``__all__``, and ``_LAZY`` if any name is lazy."""
    lines = [BEGIN, "__all__ = [\n"]
    lines += [f'    "{name}",\n' for name in names.public]
    lines.append("]\n")
    if names.lazy:
        lines.append("_LAZY = {\n")
        lines += [f'    "{name}": "{source}",\n' for name, source in names.lazy.items()]
        lines.append("}\n")
    lines.append(END)
    return "".join(lines)


def rewritten(names: Names) -> str:
    """The module's text with its generated lines current."""
    text = names.path.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{names.path}: no lines between {BEGIN.strip()!r} and {END.strip()!r}")
    return text[:start] + block(names) + text[end + len(END) :]


def typing_file(all_names: list[Names]) -> str:
    """tests/typing/public_names.py: every public name, each asserted not ``Any`` to mypy."""
    ordered = sorted(all_names, key=lambda n: n.module)
    out = [
        '"""Every public name of every package, as mypy sees it: none may be ``Any``.\n',
        "\n",
        "Written by scripts/public_names.py (tests/test_public_names.py holds it current) and\n",
        "type-checked by the gate. ``typed`` has two overloads that an argument of type ``Any``\n",
        "matches both of, so mypy types the call ``Any`` and ``assert_type`` fails, naming the\n",
        "line; for any other argument the call is a ``bool``.\n",
        '"""\n',
        "\n",
        "from typing import assert_type, overload\n",
        "\n",
    ]
    out += [f"import {n.module} as {_alias(n.module)}\n" for n in ordered]
    out += [
        "\n\n",
        "class _Unmatched:\n",
        '    """A type no public name has: only ``Any`` matches the first overload too."""\n',
        "\n\n",
        "@overload\n",
        "def typed(value: _Unmatched) -> str: ...  # type: ignore[overload-overlap]\n",
        "@overload\n",
        "def typed(value: object) -> bool: ...\n",
        "def typed(value: object) -> bool | str:\n",
        '    """``bool`` to mypy for any typed value; ``Any`` for a value typed ``Any``."""\n',
        "    return True\n",
        "\n",
    ]
    for names in ordered:
        out.append("\n")
        alias = _alias(names.module)
        out += [f"assert_type(typed({alias}.{name}), bool)\n" for name in names.public]
    return "".join(out)


def _alias(module: str) -> str:
    # ``import adminduk.offices`` would let mypy read adminduk.offices as the function of that
    # name, which the package also exports; an alias always names the module.
    return module.replace(".", "_")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    all_names = [read(path) for path in modules()]
    stale = []
    wanted = {names.path: rewritten(names) for names in all_names}
    wanted[TYPING_FILE] = typing_file(all_names)
    for path, text in wanted.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
