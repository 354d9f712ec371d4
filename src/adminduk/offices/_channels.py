"""A channel: a way to apply for services (an app, a WhatsApp number, a portal, the counter)."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any, ClassVar, Final

from pydantic import ValidationInfo, field_validator, model_validator

from adminduk._core import arguments
from adminduk._core.arguments import english
from adminduk._core.validation import trusted
from adminduk._core.wording import TEXT
from adminduk.documents import Service
from adminduk.offices._base import OfficeModel, service_code
from adminduk.offices._types import (
    ChannelKind,
    IntakeFormat,
    Scope,
    ServicePatterns,
    SourceRef,
    Text,
    expand_pattern,
)

__all__ = ["ORDINARY_SOURCE", "Channel", "counter_channel", "keep_published_spelling"]

# What the ordinary rules rest on when no source describes them; a reply shows it in its own
# language (the text catalogue holds both).
ORDINARY_SOURCE: Final = TEXT["source.ordinary"]["en"]
_NO_ADDRESS: Final = (
    "the sources give no street address",
    "alamat jalan tidak disebut dalam sumber",
)


def keep_published_spelling(data: Any, whatsapp: str) -> Any:
    """``data`` with ``published_as``: the spelling a source printed for a WhatsApp number.

    The source's own spelling (e.g. Mataram's "85337287689", which lost its leading 0) is
    provenance: it is kept beside the normalised number, where the two differ. A number that
    does not read as one is left alone, for the model's own check to report.

    Examples:
        >>> keep_published_spelling({"kind": "whatsapp", "address": "0812-3456-7890"}, "whatsapp")
        {'kind': 'whatsapp', 'address': '0812-3456-7890', 'published_as': '0812-3456-7890'}
    """
    if (
        isinstance(data, Mapping)
        and data.get("kind") == whatsapp
        and isinstance(data.get("address"), str)
        and "published_as" not in data
    ):
        from adminduk.identity import normalize_whatsapp

        raw = data["address"].strip()
        try:
            normal = normalize_whatsapp(raw)
        except ValueError:
            return data  # reported by the model's address check
        if normal != raw:
            return {**data, "published_as": raw}
    return data


class Channel(OfficeModel):
    """A way to apply for services: an app, a WhatsApp number, a portal or the counter.

    ``address`` is a URL (``app``, ``portal``; a bare host name is kept as the source wrote
    it), an E.164 number (``whatsapp``; any common spelling is normalised, and the spelling the
    source printed is kept in ``published_as``) or a place (``counter``). When the sources do
    not give it, ``address`` is ``None`` and ``address_unknown_reason`` says why: never an
    invented number. ``how_to_find_id`` and ``how_to_find_en`` tell a citizen where the sources
    say the address can be found (a banner in front of the office); without an address or them,
    the channel cannot be followed and no answer sends anyone to it (:attr:`followable`).
    ``valid_from`` and ``valid_until`` (both inclusive) limit the channel to the days its
    source speaks for, where those are narrower than its policy's: an online service a 2021
    standard describes is no route in 2020 (:meth:`holds_on`).

    Examples:
        >>> ch = Channel(kind="whatsapp", address="0813-5954-7692", label="WhatsApp KK",
        ...              services=["kk/*"], intake=["photo"], source="A1")
        >>> ch.address, ch.published_as
        ('+6281359547692', '0813-5954-7692')
        >>> ch.takes("kk/perubahan"), ch.takes("ktp-el/baru")
        (True, False)
        >>> ch.link()
        'https://wa.me/6281359547692'
    """

    kind: ChannelKind
    address: Text | None = None
    address_unknown_reason: Text | None = None
    address_unknown_reason_id: Text | None = None
    how_to_find_id: Text | None = None
    how_to_find_en: Text | None = None
    published_as: Text | None = None
    label: Text
    label_en: Text | None = None
    services: ServicePatterns
    intake: tuple[IntakeFormat, ...] = ()
    source: SourceRef
    note: Text | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.CHANNEL,)

    @model_validator(mode="before")
    @classmethod
    def _keep_published_spelling(cls, data: Any) -> Any:
        return keep_published_spelling(data, ChannelKind.WHATSAPP.value)

    @field_validator("address")
    @classmethod
    def _normalised(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A WhatsApp number is kept in E.164; one that does not read as a number is left as
        # written, and the check whatsapp-number (_checks.py) says what is wrong with it.
        if value is not None and info.data.get("kind") is ChannelKind.WHATSAPP:
            from adminduk.identity import normalize_whatsapp

            try:
                return normalize_whatsapp(value)
            except ValueError:
                return value
        return value

    def holds_on(self, day: dt.date) -> bool:
        """Whether the channel takes applications on ``day`` (its policy's days, unless dated).

        Raises:
            OutOfRange: ``day`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> ch = Channel(kind="app", address="https://x.example", label="Situs",
            ...              services=["skpwni/baru"], source="s", valid_from=dt.date(2021, 1, 1))
            >>> ch.holds_on(dt.date(2020, 12, 31)), ch.holds_on(dt.date(2021, 1, 1))
            (False, True)
        """
        return self._holds(arguments.day("day", day))

    def _holds(self, day: dt.date) -> bool:
        # For a day already checked (Rules.channels_on, on every decision).
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    @property
    def dated(self) -> bool:
        """Whether the channel holds on fewer days than its policy (it has a date)."""
        return self.valid_from is not None or self.valid_until is not None

    def unknown_address_reason(self, lang: str = "id") -> str | None:
        """Why the address is unknown, in Indonesian (``id``) or English (``en``).

        ``None`` when the address is known, or when the file explains it only in the other
        language (a reply never mixes languages; the conformance kit reports the gap).

        Examples:
            >>> ch = Channel(kind="whatsapp", label="WA", services=["kk/*"], source="s",
            ...              address_unknown_reason="only on a banner",
            ...              address_unknown_reason_id="hanya di spanduk")
            >>> ch.unknown_address_reason("id"), ch.unknown_address_reason("en")
            ('hanya di spanduk', 'only on a banner')
        """
        if self.address is not None:
            return None
        return self.address_unknown_reason if english(lang) else self.address_unknown_reason_id

    @property
    def followable(self) -> bool:
        """Whether a citizen can use the channel: its address is known, or how to find it.

        The counter is always followable: a resident can find the office they belong to.

        Examples:
            >>> Channel(kind="whatsapp", label="WA", services=["kk/*"], source="s",
            ...         address_unknown_reason="only in a graphic").followable
            False
            >>> Channel(kind="whatsapp", label="WA", services=["kk/*"], source="s",
            ...         address_unknown_reason="only on a banner",
            ...         how_to_find_id="di spanduk depan kantor",
            ...         how_to_find_en="on the banner in front of the office").followable
            True
        """
        return (
            self.kind is ChannelKind.COUNTER
            or self.address is not None
            or (self.how_to_find_id is not None and self.how_to_find_en is not None)
        )

    def how_to_find(self, lang: str = "id") -> str | None:
        """Where the unknown address can be found, in Indonesian (``id``) or English (``en``)."""
        if self.address is not None:
            return None
        return self.how_to_find_en if english(lang) else self.how_to_find_id

    @cached_property
    def service_codes(self) -> frozenset[str]:
        """Every service code the channel takes, with wildcards expanded.

        Examples:
            >>> Channel(kind="portal", address="https://x.example", label="Portal",
            ...         services=["akta-kematian/*"], source="s").service_codes
            frozenset({'akta-kematian/baru'})
        """
        return frozenset().union(*(expand_pattern(p) for p in self.services))

    def takes(self, service: str | Service) -> bool:
        """Whether the channel takes ``service``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return service_code(service) in self.service_codes

    def link(self, text: str | None = None) -> str | None:
        """A ``https://wa.me/`` link for a WhatsApp channel with a known number, else ``None``.

        Examples:
            >>> Channel(kind="whatsapp", address_unknown_reason="only on a banner",
            ...         label="WA", services=["kk/*"], source="s").link() is None
            True
        """
        if self.kind is not ChannelKind.WHATSAPP or self.address is None:
            return None
        from adminduk._core.links import link_to  # not the identity package: its tables cost

        return link_to(self.address, text)  # normalised to E.164 when the channel was made


def counter_channel(
    region: str,
    address: str | None,
    address_source: str | None,
    reason: tuple[str | None, str | None] = (None, None),
    *,
    office: str = "Dinas Dukcapil",
) -> Channel:
    """The counter of an office whose file lists none: every service, at the office's address.

    Where the address is unknown, ``reason`` (English, Indonesian) says why: the office's own
    ``address_unknown_reason``, else that the sources give none. ``office`` is the kind of
    office as the label names it (Jakarta's cities have a ``Suku Dinas Dukcapil``).
    """
    if address is not None:
        english, indonesian = None, None
    else:
        english = reason[0] or _NO_ADDRESS[0]
        indonesian = reason[1] or (_NO_ADDRESS[1] if reason[0] is None else None)
    return trusted(
        Channel,
        {
            "kind": ChannelKind.COUNTER,
            "address": address,
            "address_unknown_reason": english,
            "address_unknown_reason_id": indonesian,
            "how_to_find_id": None,
            "how_to_find_en": None,
            "published_as": None,
            "label": f"Loket {office} {region} (tatap muka)",
            "label_en": f"Counter of the Dukcapil office of {region} (in person)",
            "services": ("*",),
            "intake": (),
            "source": address_source or ORDINARY_SOURCE,
            "note": None,
            "valid_from": None,
            "valid_until": None,
        },
    )
