import datetime as dt
import string

from adminduk._advice_text import LANGS
from adminduk._advice_text import TEXT as SHARED
from adminduk.advice._wording import TEXT


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_fields():
    for key, versions in [*TEXT.items(), *SHARED.items()]:
        assert set(versions) == set(LANGS), key
        assert _fields(versions["id"]) == _fields(versions["en"]), key


def test_a_key_is_in_one_table():
    assert not set(TEXT) & set(SHARED)


def test_every_triage_rule_has_its_text():
    from adminduk.triage import RULES

    for rule in RULES:
        assert f"rule.{rule.id}" in TEXT


def test_adminduk_own_default_source_is_cited_in_the_reply_language():
    from adminduk import advise
    from adminduk.offices import ORDINARY_SOURCE

    advice = advise("52.06", "kk/perubahan", at=dt.datetime(2026, 12, 1, 10))
    assert ORDINARY_SOURCE in {cited for r in advice.reasons for cited in r.cited}
    indonesian, english = advice.to_message("id"), advice.to_message("en")
    assert "Sumber: bawaan adminduk: tidak ada sumber" in indonesian
    assert ORDINARY_SOURCE not in indonesian
    assert f"Sources: {ORDINARY_SOURCE}" in english
