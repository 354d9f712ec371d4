"""Write the precomputed forms of the built-in offices, the catalogue, the national law and days.

The catalogue has two: the validated catalogue, and its table of services (``_services``).

See adminduk._core.precomputed. Run after changing an office file, the catalogue,
the national law file (src/adminduk/_law/national.toml), the table of national days (written by
scripts/gen_national_days.py), or a model they are read into:
    python scripts/precompute_data.py
tests/test_precomputed.py fails until every precomputed form is that of its validated source.

The national law is written twice: the file as parsed, and the value of every declared reader
of its sections (adminduk._law.reader), each validated now, once the file's checks find no
error; the script fails, writing no values, if they find one.
"""

from __future__ import annotations

import importlib
import os
import pickle
import pkgutil
import sys
from pathlib import Path

import adminduk
from adminduk import _law
from adminduk._core import precomputed
from adminduk.documents import _catalogue, _services
from adminduk.offices import BUILTIN_OFFICES, load_office
from adminduk.offices._registry import precomputed_depends, precomputed_name
from adminduk.schedule import _national as _national_days

PACKAGE = Path(__file__).resolve().parent.parent / "src/adminduk"


def _write(source: Path, target: Path, value: object, depends: tuple[Path, ...] = ()) -> None:
    target.parent.mkdir(exist_ok=True)
    others = [path.read_bytes() for path in depends]
    target.write_bytes(precomputed.dumps(source.read_bytes(), value, others))
    print(f"wrote {target.relative_to(PACKAGE.parent)}")


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Sets of strings pickle in hash order: a fixed seed writes the same bytes for the same
        # data, so an unchanged file leaves its form unchanged in git.
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    # Nothing precomputed of the national law is served while its forms are written: every
    # check and validation below reads the files as they are now.
    (PACKAGE / "_law" / _law.PRECOMPUTED_SECTIONS).unlink(missing_ok=True)
    offices = PACKAGE / "offices/data"
    for code, name in BUILTIN_OFFICES.items():
        # load_office validates the file itself: nothing precomputed is read on the way. The
        # office's calendar is built now and kept with it (a cached property, pickled with the
        # office): a first answer then validates no calendar.
        office = load_office(offices / name)
        _ = office.calendar_spec
        target = offices / precomputed_name(code)
        _write(offices / name, target, office, precomputed_depends())
    documents = PACKAGE / "documents/data"
    source = documents / _catalogue.CATALOGUE_FILE
    value = _catalogue._load(source.read_text("utf-8"), str(source))
    _write(source, documents / _catalogue.PRECOMPUTED_CATALOGUE, value)
    services = _services.read(source.read_text("utf-8"), str(source))
    _write(source, documents / _services.PRECOMPUTED_SERVICES, services)
    schedule = PACKAGE / "schedule/data"
    source = schedule / _national_days.TABLE_FILE
    table = _national_days.read_table(source.read_text("utf-8"))
    _write(source, schedule / _national_days.PRECOMPUTED_TABLE, table)
    law = PACKAGE / "_law" / _law.LAW_FILE
    parsed = _law.parse_law(law.read_text("utf-8"))
    _write(law, PACKAGE / "_law" / _law.PRECOMPUTED_LAW, parsed)
    _write(law, PACKAGE / "_law" / _law.PRECOMPUTED_SECTIONS, (True, _sections(parsed)))


def _sections(law: _law.NationalLaw) -> dict[str, bytes]:
    """Every declared reader's value, validated from ``law`` now, once the checks pass."""
    from adminduk.offices._national_checks import national_problems

    for module in pkgutil.walk_packages(adminduk.__path__, "adminduk."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)  # each declares its readers on import
    problems = national_problems()
    if problems:
        sys.exit("national.toml does not pass its checks:\n" + "\n".join(map(str, problems)))
    values = {
        key: pickle.dumps(_law.validate(model, names, law), precomputed.PROTOCOL)
        for key, (model, names) in sorted(_law.READERS.items())
    }
    values[_law.SOURCES_KEY] = pickle.dumps(_law.validate_sources(law), precomputed.PROTOCOL)
    return values


if __name__ == "__main__":
    main()
