"""Write src/adminduk/schedule/data/national_days.json from the installed ``holidays``.

Run after upgrading ``holidays``: python scripts/gen_national_days.py, then
python scripts/precompute_data.py (the table is served from its precomputed form).
tests/schedule/test_national_table.py fails until the table matches the installed package.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from adminduk.schedule._national import TABLE_FILE, from_holidays, table_rows
from adminduk.schedule._zone import FIRST_YEAR, LAST_YEAR

TARGET = Path(__file__).resolve().parent.parent / "src/adminduk/schedule/data" / TABLE_FILE


def main() -> None:
    table = {
        "about": "National holidays and cuti bersama of Indonesia, written from python-holidays "
        "by scripts/gen_national_days.py; rows: date, category, name_id, name_en, estimated",
        "holidays": version("holidays"),
        "years": {
            str(year): table_rows(from_holidays(year)) for year in range(FIRST_YEAR, LAST_YEAR + 1)
        },
    }
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    TARGET.write_text(text.replace('],["', '],\n["') + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({len(text):,} characters)")


if __name__ == "__main__":
    main()
