"""Shared assertions for the offices built in from their published service standards."""

from __future__ import annotations

import datetime as dt

import adminduk


def assert_standard(
    code: str,
    service: str,
    on: dt.date,
    quoted: str,
    at_most: dt.timedelta,
    unit: str,
    *,
    channel: str | None = None,
    source: str,
) -> adminduk.ServiceStandard:
    """The office's standard for ``service`` on ``on`` quotes ``quoted`` and types it right.

    ``unit`` is the unit as an office file writes it (``"hari-kerja"``).
    """
    found = adminduk.service_standard(code, service, at=on, channel=channel)
    assert found is not None and not found.source.national, (code, service, on)
    assert found.completion is not None
    assert found.completion.text_id == quoted
    assert (found.completion.at_most, found.completion.unit) == (at_most, unit)
    office = adminduk.get_office(code)
    info = office.source_info(source)
    assert info is not None and info.note is not None and quoted.strip(" .*") in info.note, (
        f"{source} does not quote {quoted!r}"
    )
    assert any(text.startswith(f"{source}:") for text in found.source.cited)
    return found
