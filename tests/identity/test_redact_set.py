"""redact on the labelled chat messages written before it learnt e-mails and birth dates.

97 messages with personal data (52 NIKs, 13 KK numbers, 35 mobile numbers, 11 e-mail
addresses, 31 birth dates) and 31 without, written and labelled by a separate session that
never read this code (tests/data/pii/README.md). Every span is masked and nothing else changes.
"""

from __future__ import annotations

from adminduk import redact
from tests.identity.pii_messages import load, score


def test_every_labelled_span_is_masked_and_nothing_else() -> None:
    rows = load()
    assert len(rows) >= 100
    assert sum(1 for _, spans in rows if spans) >= 80
    assert sum(1 for _, spans in rows if not spans) >= 20
    total, hit, missed, wrong = score(redact, rows)
    assert set(total) == {"nik", "kk", "phone", "email", "birthdate"}
    assert missed == []
    assert wrong == []
    assert hit == total


def test_redacting_the_set_twice_changes_nothing() -> None:
    for text, _ in load():
        once = redact(text)
        assert redact(once) == once
