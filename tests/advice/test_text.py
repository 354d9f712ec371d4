import string

from adminduk._advice_text import LANGS, TEXT


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_fields():
    for key, versions in TEXT.items():
        assert set(versions) == set(LANGS), key
        assert _fields(versions["id"]) == _fields(versions["en"]), key


def test_every_triage_rule_has_its_text():
    from adminduk.triage import RULES

    for rule in RULES:
        assert f"rule.{rule.id}" in TEXT
