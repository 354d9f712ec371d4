"""The deliberately broken office files under tests/testing/offices/: each problem is named."""

from __future__ import annotations

from adminduk.testing import Severity, check_office

from .common import BROKEN, MALFORMED

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# (check, severity, path, words the message must contain): one row per PROBLEM in broken.toml.
BROKEN_PROBLEMS = [
    ("routes", E, "policies[0]", "nobody can apply for ktp-el/cetak-ulang, ktp-el/perubahan"),
    ("routes", W, "policies[0]", "without WhatsApp have no route to akta-kelahiran/*"),
    ("whatsapp", W, "policies[0].channels[2].address", "'WhatsApp Rusak' is unknown"),
    ("timezone", INFO, "code", "99.03 is a fictional code"),
    ("hours", W, "hours.senin[0]", "05:00-18:00 opens before 06:00"),
    ("hours", W, "hours.senin", "open 13h00 on senin"),
    ("hours", E, "policies[1].hours", "open on no day of the week"),
    ("hours", W, "hours_overrides[0].hours", "closes the office on every day"),
    ("hours", W, "closures[1]", "overlaps closures[0]"),
    ("policies", INFO, "ordinary", "no [ordinary] table"),
    ("policies", W, "policies[0]", "outside the years the calendar answers for"),
    ("policies", W, "policies[0].urgency_reasons", "counter is closed to everyone"),
    ("policies", W, "policies[0].suspended[0].urgent_exempt", "urgent cases are exempt"),
    ("policies", W, "policies[0].counter_only[0]", "biodata/pembetulan can only be done"),
    ("policies", W, "urgency_reasons[0]", "'bencana' is defined but no policy accepts it"),
    ("sources", W, "sources.LAMA", "never cited"),
    ("sources", INFO, "sources.LAMA", "gives only a title"),
    ("fulfilment", E, "policies[0].fulfilment[0].originals_checked", "(self-print)"),
    ("fulfilment", E, "policies[0].fulfilment[1].originals_checked", "Dinas counter"),
    ("fulfilment", W, "policies[0].fulfilment[2].originals_checked", "place is unknown"),
    ("fulfilment", W, "policies[0].fulfilment[3].services", "does not offer (sktt/baru)"),
    ("addresses", W, "address", "street address is unknown"),
    ("addresses", W, "policies[0].channels[0].address", "bare host name"),
    ("addresses", W, "policies[0].channels[1].address", "not served over https"),
    ("presence", W, "policies[0].channels[2].address_unknown_reason_id", "only in English"),
]


def test_every_problem_of_the_broken_office_is_named() -> None:
    findings = check_office(BROKEN)
    missing = [
        row
        for row in BROKEN_PROBLEMS
        if not any(
            (f.check, f.severity, f.path) == row[:3] and row[3] in f.message for f in findings
        )
    ]
    assert missing == []
    # Nothing else: every finding is one of the problems the file was written with.
    assert len(findings) == len(BROKEN_PROBLEMS)


# (path, words of the message): one row per PROBLEM in malformed.toml.
MALFORMED_PROBLEMS = [
    ("slug", "starts with 'kota-'"),
    ("province", "lies in Nusa Tenggara Barat"),
    ("timezone", "Asia/Makassar"),
    ("source", "'A9' looks like a source key"),
    ("closures[0].source", "'XYZ' looks like a source key"),
    ("hours.senin", "intervals overlap"),
    ("policies[0].channels[0].address", "a landline cannot receive WhatsApp"),
    ("policies[1].valid_from", "overlaps policies[0]"),
]


def test_every_problem_of_the_malformed_office_is_named_at_once() -> None:
    findings = check_office(MALFORMED)
    assert {f.check for f in findings} == {"loads"}
    assert all(f.is_error for f in findings)
    got = [(f.path, f.message) for f in findings]
    for path, words in MALFORMED_PROBLEMS:
        assert any(p == path and words in m for p, m in got), (path, words, got)
    assert len(findings) == len(MALFORMED_PROBLEMS)
