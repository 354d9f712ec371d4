"""An office's services as CPSV-AP 3.2, the EU profile national service catalogues harvest.

:func:`office_cpsv` describes what an office offers at an instant, in RDF (Turtle or JSON-LD)
that the profile's official SHACL shapes accept:

* the office as a ``cv:PublicOrganisation`` (``skos:prefLabel``; ``dct:spatial`` a typed
  ``dct:Location`` carrying the Kemendagri region code, part of its province);
* the policy in force as a ``cpsv:Rule`` (title, summary, dates, sources);
* one ``cpsv:PublicService`` per service offered then, with its names and description in
  Indonesian and English; ``cpsv:hasInput`` an ``cv:Evidence`` per checklist item, each
  supporting a ``cv:Requirement`` (a group of alternatives is one requirement that any of its
  evidences meets); ``cv:hasChannel`` the channels that take it, each typed with a channel-kind
  concept, the counter with ``cv:openingHours`` and its closures, overrides and extra days as
  ``cv:specialOpeningHoursSpecification``; ``cv:processingTime`` where a source states one;
  ``cv:hasLegalResource`` the articles its checklist, steps and deadline rest on, with UU
  24/2013 Pasal 79A; ``cv:hasCost`` none (Pasal 79A); ``cpsv:follows`` the rule.

Every code-list value (a ``skos:Concept``, a ``dct:Location``, the language) is typed in the
document itself, as the shapes require. What the sources do not give stays out.

IRIs are stable: they are built from codes in the data, never from positions or dates of
export, under :data:`CPSV_BASE`::

    office/{code}                                  the office            office/35.14
    region/{code}                                  its region, province  region/35.14, region/35
    office/{code}/policy/{policy id}               the rule in force     .../policy/ordinary
    office/{code}/policy/{policy id}/channel/{kind}-{address or label}
    office/{code}/service/{document}/{action}      a public service      .../service/kk/baru
    .../service/{document}/{action}/requirement/{item code | salah-satu-{group}}
    .../service/{document}/{action}/evidence/{item code}
    office/{code}/hours/{first day | always}/{weekday}-{HHMM}-{HHMM}   (also override/,
        opening/, closure/ with their dates)
    office/{code}/source/{source key}
    law/{act}[/pasal-{n}]                           e.g. law/uu-24-2013/pasal-79a
    cost/gratis-uu-24-2013-pasal-79a
    scheme/{channel-kind | document | requirement-kind}[/{code}]

Examples:
    >>> from adminduk.export import office_cpsv
    >>> turtle = office_cpsv("35.14", at=dt.date(2020, 3, 23))
    >>> "cv:PublicOrganisation" in turtle and "cpsv:PublicService" in turtle
    True
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Final, Literal

from adminduk._core.redact import is_text, plain
from adminduk.errors import MissingExtra, OutOfRange
from adminduk.export._offer import offer, resolve
from adminduk.offices import OfficeConfig

__all__ = ["CPSV_BASE", "CPSV_FORMATS", "office_cpsv"]

CPSV_BASE: Final = "https://adminduk.github.io/id/"
"""The namespace under which :func:`office_cpsv` mints its IRIs (see the module's scheme)."""

CPSV_FORMATS: Final = ("turtle", "json-ld")
"""The serialisations :func:`office_cpsv` writes."""


def office_cpsv(
    office: OfficeConfig | str,
    *,
    at: dt.datetime | dt.date | None = None,
    format: Literal["turtle", "json-ld"] = "turtle",
) -> str:
    """The services ``office`` offers at ``at`` as CPSV-AP 3.2, in Turtle or JSON-LD.

    Needs the optional extra ``adminduk[rdf]`` (rdflib).

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered office's code or slug.
        at: the instant described (a naive datetime is office-local wall time; a date is that
            day); now when ``None``. Every built-in policy ended by 20 June 2023, so today a
            built-in office shows its ordinary rules.
        format: ``"turtle"`` or ``"json-ld"`` (expanded IRIs compacted with the profile's
            prefixes).

    Raises:
        MissingExtra: rdflib is not installed.
        OfficeNotFound: no registered office has that code or slug.
        OutOfRange: ``format`` is not one of :data:`CPSV_FORMATS`, or ``at`` is not a date or
            a datetime.

    Examples:
        >>> import datetime as dt
        >>> turtle = office_cpsv("35.04", at=dt.date(2020, 3, 20))
        >>> "<https://adminduk.github.io/id/office/35.04/policy/se-470-318-105-2020>" in turtle
        True
        >>> import json
        >>> doc = json.loads(office_cpsv("35.04", format="json-ld"))
        >>> sorted(doc["@context"])[:3]
        ['adminduk', 'cpsv', 'cv']
    """
    format = plain(format)
    if not is_text(format) or format not in CPSV_FORMATS:
        raise OutOfRange("format", format, " or ".join(repr(f) for f in CPSV_FORMATS))
    try:
        # Through sys.modules, so an rdflib removed after a first call is still noticed.
        graph_module = importlib.import_module("adminduk.export._cpsv_graph")
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "rdflib":
            raise
        raise MissingExtra("office_cpsv", extra="rdf", package="rdflib") from None
    snapshot = offer(resolve(office), at)
    built = graph_module.build(snapshot, CPSV_BASE)
    return str(graph_module.serialize(built, format))
