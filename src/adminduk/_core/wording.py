"""The words the lowest layers say to people, in Indonesian and English, and the language chosen.

A request's statuses and events, the citizen's message per event, a refused transition and the
name of the ordinary rules are said by the lifecycle, the error types and the office model, so
they sit here, below every layer. ``adminduk._advice_text`` (dates, day names, the command's
texts) starts from this table and adds its own entries; the reply's own wording is in
``adminduk.advice._wording``. Each entry is a ``str.format`` template with named fields; keys
are stable, and a translator changes the text, never the keys or the fields.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from adminduk._core.errors import OutOfRange
from adminduk._core.redact import is_text, plain

__all__ = ["LANGS", "TEXT", "Lang", "language", "text"]

Lang = Literal["id", "en"]
LANGS: Final[tuple[Lang, ...]] = ("id", "en")

# A BCP 47 tag (or a POSIX locale name, with "_"): a primary subtag, then subtags.
_TAG: Final = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
# "in" is the withdrawn ISO 639 code for Indonesian that Java and old Android still send.
_PRIMARY: Final[dict[str, Lang]] = {"id": "id", "in": "id", "ind": "id", "en": "en", "eng": "en"}
_OFFERED: Final = "a language tag of Indonesian (id, id-ID) or English (en, en-US, en_GB)"


def language(tag: object) -> Lang:
    """The language of a BCP 47 tag, by its primary subtag, in any case: ``id`` or ``en``.

    Raises:
        OutOfRange: not a tag, or a language the texts are not written in; the message names
            the languages on offer.

    Examples:
        >>> language("id-ID"), language("EN"), language("en_GB"), language("in")
        ('id', 'en', 'en', 'id')
        >>> language("fr-FR")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: lang='fr-FR' is out of range; valid: a language tag of Indonesian (id, id-ID) or English (en, en-US, en_GB)
    """  # noqa: E501
    tag = plain(tag)  # a str subclass may lie in its own methods
    match = _TAG.match(tag.strip()) if is_text(tag) else None
    found = _PRIMARY.get(match.group(1).lower()) if match else None
    if found is None:
        raise OutOfRange("lang", tag, _OFFERED)
    return found


TEXT: Final[dict[str, dict[Lang, str]]] = {
    # -- a request's life: status and event labels, the citizen's message per event -----------
    # Labels are what an officer's screen and a citizen's reply call them; each event's message
    # says what happened and what the citizen does next (fields: service, missing, reason).
    "status.submitted": {"id": "Diajukan", "en": "Submitted"},
    "status.verifying": {"id": "Sedang diverifikasi", "en": "Being verified"},
    "status.incomplete": {"id": "Berkas kurang", "en": "Files incomplete"},
    "status.verified": {"id": "Terverifikasi", "en": "Verified"},
    "status.processing": {"id": "Sedang diproses", "en": "Being processed"},
    "status.ready": {"id": "Siap diambil", "en": "Ready for pick-up"},
    "status.delivered": {
        "id": "Dikirim ke kecamatan atau desa",
        "en": "Sent to the kecamatan or village office",
    },
    "status.completed": {"id": "Selesai", "en": "Completed"},
    "status.rejected": {"id": "Ditolak", "en": "Rejected"},
    "status.withdrawn": {"id": "Dibatalkan", "en": "Withdrawn"},
    "event.submit": {"id": "Ajukan permohonan", "en": "Submit the request"},
    "event.start_verification": {"id": "Mulai verifikasi", "en": "Start verification"},
    "event.mark_incomplete": {"id": "Tandai berkas kurang", "en": "Mark files incomplete"},
    "event.resubmit": {"id": "Berkas dikirim ulang", "en": "Files sent again"},
    "event.approve": {"id": "Setujui berkas", "en": "Approve the files"},
    "event.start_processing": {"id": "Mulai proses cetak", "en": "Start printing"},
    "event.mark_ready": {"id": "Tandai siap diambil", "en": "Mark ready for pick-up"},
    "event.deliver": {
        "id": "Kirim ke kecamatan atau desa",
        "en": "Send to the kecamatan or village office",
    },
    "event.hand_over": {"id": "Serahkan dokumen", "en": "Hand over the document"},
    "event.reject": {"id": "Tolak permohonan", "en": "Reject the request"},
    "event.withdraw": {"id": "Batalkan permohonan", "en": "Withdraw the request"},
    "citizen.submit": {
        "id": "Permohonan {service} Anda sudah kami terima. Petugas akan memeriksa berkasnya; "
        "tunggu kabar berikutnya dari kami.",
        "en": "We have received your request for {service}. An officer will check the files; "
        "wait for our next message.",
    },
    "citizen.start_verification": {
        "id": "Berkas permohonan {service} Anda sedang diperiksa petugas. Anda belum perlu "
        "melakukan apa pun; kami akan mengabari bila ada berkas yang kurang.",
        "en": "An officer is checking the files of your request for {service}. There is "
        "nothing to do yet; we will tell you if a file is missing.",
    },
    "citizen.mark_incomplete": {
        "id": "Berkas permohonan {service} Anda belum lengkap atau tidak terbaca: {missing}. "
        "Kirim ulang berkas tersebut (foto yang jelas atau PDF) agar dapat diperiksa kembali.",
        "en": "The files of your request for {service} are incomplete or unreadable: "
        "{missing}. Send them again (a clear photo or a PDF) so they can be checked again.",
    },
    "citizen.resubmit": {
        "id": "Berkas permohonan {service} Anda sudah kami terima kembali dan akan diperiksa "
        "ulang. Tunggu kabar berikutnya dari kami.",
        "en": "We have received the files of your request for {service} again and will check "
        "them. Wait for our next message.",
    },
    "citizen.approve": {
        "id": "Berkas permohonan {service} Anda lengkap dan disetujui. Dokumen akan segera "
        "diproses; tunggu kabar bahwa dokumen siap.",
        "en": "The files of your request for {service} are complete and approved. The "
        "document will be processed soon; wait for word that it is ready.",
    },
    "citizen.start_processing": {
        "id": "Dokumen {service} Anda sedang diproses (dicetak). Tunggu kabar bahwa dokumen siap.",
        "en": "Your {service} document is being processed (printed). Wait for word that it "
        "is ready.",
    },
    "citizen.mark_ready": {
        "id": "Dokumen {service} Anda sudah siap diambil. Bawa bukti permohonan, dan berkas "
        "asli bila kantor memintanya. Layanan ini gratis.",
        "en": "Your {service} document is ready for pick-up. Bring your request receipt, and "
        "the originals if the office asks for them. The service is free of charge.",
    },
    "citizen.deliver": {
        "id": "Dokumen {service} Anda sudah dikirim ke kantor kecamatan atau desa/kelurahan. "
        "Ambil di sana, atau tunggu petugas desa mengantarkannya.",
        "en": "Your {service} document has been sent to the kecamatan or village office. "
        "Collect it there, or wait for the village officer to bring it.",
    },
    "citizen.hand_over": {
        "id": "Dokumen {service} Anda sudah diserahkan; permohonan selesai. Periksa data pada "
        "dokumen; bila ada yang salah, ajukan pembetulan (gratis).",
        "en": "Your {service} document has been handed over; the request is complete. Check "
        "the data on it; if anything is wrong, ask for a correction (free of charge).",
    },
    "citizen.reject": {
        "id": "Mohon maaf, permohonan {service} Anda ditolak: {reason}. Anda dapat mengajukan "
        "permohonan baru setelah persyaratannya terpenuhi, atau bertanya ke kantor.",
        "en": "We are sorry: your request for {service} was rejected: {reason}. You may apply "
        "again once the requirements are met, or ask the office.",
    },
    "citizen.withdraw": {
        "id": "Permohonan {service} Anda sudah dibatalkan. Anda dapat mengajukan permohonan "
        "baru kapan saja.",
        "en": "Your request for {service} has been withdrawn. You may apply again at any time.",
    },
    "transition.not-allowed": {
        "id": "Permohonan berstatus «{status}»: «{event}» tidak dapat dilakukan sekarang. "
        "Yang dapat dilakukan: {allowed}.",
        "en": "The request is «{status}»: «{event}» cannot be done now. What can be done: "
        "{allowed}.",
    },
    "transition.refused": {
        "id": "Permohonan berstatus «{status}»: «{event}» ditolak: {reason}. Yang dapat "
        "dilakukan: {allowed}.",
        "en": "The request is «{status}»: «{event}» was refused: {reason}. What can be done: "
        "{allowed}.",
    },
    "transition.none": {"id": "tidak ada (status akhir)", "en": "nothing (a final status)"},
    # -- what the ordinary rules rest on when no source describes them (the office model) -----
    "source.ordinary": {
        "id": "bawaan adminduk: tidak ada sumber tentang aturan biasa kantor ini, sehingga loket "
        "dianggap melayani semua layanan",
        "en": "adminduk default: no source describes this office's ordinary rules, so the "
        "counter is taken to serve every service",
    },
    # A document read only in a copy on another site: said beside its citation.
    "source.third-party-copy": {"id": "salinan pihak ketiga", "en": "third-party copy"},
}


def text(key: str, lang: Lang, **fields: object) -> str:
    """The template ``key`` of this table in ``lang``, filled in.

    Examples:
        >>> text("status.ready", "en")
        'Ready for pick-up'
        >>> text("transition.none", "id")
        'tidak ada (status akhir)'
    """
    return TEXT[key][lang].format(**fields)
