import json
import subprocess
import sys
from datetime import date

from adminduk.identity import Nik, _numbers


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
    assert _numbers._today() == date.today()
    expires, today = _numbers._today_cache
    assert today == date.today()
    assert expires > 0
