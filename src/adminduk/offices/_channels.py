"""A channel: a way to apply for services (an app, a WhatsApp number, a portal, the counter)."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
from collections.abc import Mapping
from functools import cached_property
from typing import Any, ClassVar, Final

from pydantic import ValidationInfo, field_validator, model_validator

from adminduk._advice_text import TEXT
from adminduk._arguments import english
from adminduk._validation import trusted
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

__all__ = ["ORDINARY_SOURCE", "Channel", "counter_channel"]

# What the ordinary rules rest on when no source describes them; a reply shows it in its own
# language (the text catalogue holds both).
ORDINARY_SOURCE: Final = TEXT["source.ordinary"]["en"]
_NO_ADDRESS: Final = (
    "the sources give no street address",
    "alamat jalan tidak disebut dalam sumber",
)


class Channel(OfficeModel):
    """A way to apply for services: an app, a WhatsApp number, a portal or the counter.

    ``address`` is a URL (``app``, ``portal``; a bare host name is kept as the source wrote
    it), an E.164 number (``whatsapp``; any common spelling is normalised, and the spelling the
    source printed is kept in ``published_as``) or a place (``counter``). When the sources do
    not give it, ``address`` is ``None`` and ``address_unknown_reason`` says why: never an
    invented number.

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
    published_as: Text | None = None
    label: Text
    label_en: Text | None = None
    services: ServicePatterns
    intake: tuple[IntakeFormat, ...] = ()
    source: SourceRef
    note: Text | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.CHANNEL,)

    @model_validator(mode="before")
    @classmethod
    def _keep_published_spelling(cls, data: Any) -> Any:
        # The article's own spelling (e.g. Mataram's "85337287689", which lost its leading 0)
        # is provenance: keep it beside the normalised number.
        if (
            isinstance(data, Mapping)
            and data.get("kind") == ChannelKind.WHATSAPP.value
            and isinstance(data.get("address"), str)
            and "published_as" not in data
        ):
            from adminduk.identity import normalize_whatsapp

            raw = data["address"].strip()
            try:
                normal = normalize_whatsapp(raw)
            except ValueError:
                return data  # reported by the address check below
            if normal != raw:
                return {**data, "published_as": raw}
        return data

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
        from adminduk.identity import whatsapp_link

        return whatsapp_link(self.address, text)


def counter_channel(
    region: str,
    address: str | None,
    address_source: str | None,
    reason: tuple[str | None, str | None] = (None, None),
) -> Channel:
    """The counter of an office whose file lists none: every service, at the office's address.

    Where the address is unknown, ``reason`` (English, Indonesian) says why: the office's own
    ``address_unknown_reason``, else that the sources give none.
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
            "published_as": None,
            "label": f"Loket Dinas Dukcapil {region} (tatap muka)",
            "label_en": f"Counter of the Dukcapil office of {region} (in person)",
            "services": ("*",),
            "intake": (),
            "source": address_source or ORDINARY_SOURCE,
            "note": None,
        },
    )
