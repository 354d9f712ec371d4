import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from adminduk.identity import Nik, _numbers

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_parsing_a_nik_imports_neither_pydantic_nor_phonenumbers():
    code = (
        "import sys, json, adminduk;"
        "nik = adminduk.Nik.parse('3513014501900001'); str(nik);"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pydantic_core', 'phonenumbers', 'holidays', 'babel'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_phonenumbers_is_imported_on_first_use():
    code = (
        "import sys, adminduk;"
        "before = 'phonenumbers' in sys.modules;"
        "adminduk.normalize_whatsapp('0813-5954-7691');"
        "print(before, 'phonenumbers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_today_is_cached_until_it_runs_out(monkeypatch):
    monkeypatch.setattr(_numbers, "_today_cache", (float("inf"), date(2000, 1, 1)))
    # With "today" pinned to 1 Jan 2000, a birth on 1 March '00 must be 1900.
    assert Nik.parse("3513010103000001").birth_date == date(1900, 3, 1)
    monkeypatch.setattr(_numbers, "_today_cache", (float("-inf"), date(2000, 1, 1)))
    before = datetime.now(JAKARTA).date()
    today = _numbers._today()
    assert before <= today <= datetime.now(JAKARTA).date()
    expires, cached = _numbers._today_cache
    assert cached == today
    # It runs out at the next midnight in Jakarta, whatever the host's zone.
    assert datetime.fromtimestamp(expires, JAKARTA) == datetime.combine(
        today + timedelta(days=1), datetime.min.time(), JAKARTA
    )


# 2026-12-01 02:00 UTC: 1 December 09:00 in Jakarta, still 30 November in New York.
_PARSE_AT = """
import time
time.time = lambda: 1796090400.0
from adminduk import Nik
print(Nik.parse("3513010112260001").birth_date)
"""


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati"])
def test_the_default_reference_is_jakartas_date_whatever_the_host_zone(zone):
    env = {**os.environ, "TZ": zone}
    out = subprocess.run(
        [sys.executable, "-c", _PARSE_AT], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "2026-12-01"
