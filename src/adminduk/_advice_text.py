"""The words every layer shares, in Indonesian and English: languages, dates, labels.

The language of a tag (:func:`language`), dates and day names, a request's status and event
labels and messages, the refusal of a transition, and the command's texts: read by the errors,
the catalogue, the lifecycle and the command, so it stands below every layer. The reply a
citizen reads has its own table in ``adminduk.advice._wording``.

Each entry is a ``str.format`` template with named fields. Keys are stable; a translator
changes the text, never the keys or the fields a template uses (a test checks both languages
use the same fields).
"""

from __future__ import annotations

import datetime
import re
from typing import Final, Literal

from adminduk._days import DAYS_EN, DAYS_ID
from adminduk._redact import is_text

__all__ = ["LANGS", "TEXT", "Lang", "date_words", "day_name", "language", "text"]

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
    from adminduk._redact import plain  # a str subclass may lie in its own methods

    tag = plain(tag)
    match = _TAG.match(tag.strip()) if is_text(tag) else None
    found = _PRIMARY.get(match.group(1).lower()) if match else None
    if found is None:
        from adminduk.errors import OutOfRange

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
    # The "source" of ordinary rules no source describes (OrdinaryRules.source's default).
    "source.ordinary": {
        "id": "bawaan adminduk: tidak ada sumber tentang aturan biasa kantor ini, sehingga loket "
        "dianggap melayani semua layanan",
        "en": "adminduk default: no source describes this office's ordinary rules, so the "
        "counter is taken to serve every service",
    },
    # -- dates, written out without Babel (reasons are built on the hot path) -------------------
    "date": {"id": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "month.1": {"id": "Januari", "en": "January"},
    "month.2": {"id": "Februari", "en": "February"},
    "month.3": {"id": "Maret", "en": "March"},
    "month.4": {"id": "April", "en": "April"},
    "month.5": {"id": "Mei", "en": "May"},
    "month.6": {"id": "Juni", "en": "June"},
    "month.7": {"id": "Juli", "en": "July"},
    "month.8": {"id": "Agustus", "en": "August"},
    "month.9": {"id": "September", "en": "September"},
    "month.10": {"id": "Oktober", "en": "October"},
    "month.11": {"id": "November", "en": "November"},
    "month.12": {"id": "Desember", "en": "December"},
    # == the adminduk command (cli.py) and day names: appended by the CLI; keep at the end =====
    # -- day names, Monday = 0 (``day_name``), from the one list in ``adminduk._days`` --------
    **{f"day.{n}": {"id": DAYS_ID[n], "en": DAYS_EN[n]} for n in range(7)},
    # -- table headers ------------------------------------------------------------------------
    "cli.date-only": {
        "id": "(--at hanya memuat tanggal: jawaban ini untuk jam buka kantor hari itu, {time}.)",
        "en": "(--at gives a date only: this answer is for the office's opening time that "
        "day, {time}.)",
    },
    "cli.date-only-closed": {
        "id": "(--at hanya memuat tanggal, dan kantor tidak buka hari itu: jawaban ini untuk "
        "pukul 00.00.)",
        "en": "(--at gives a date only, and the office does not open that day: this answer is "
        "for 00:00.)",
    },
    "cli.col.number": {"id": "#", "en": "#"},
    "cli.col.code": {"id": "kode", "en": "code"},
    "cli.col.name": {"id": "nama", "en": "name"},
    "cli.col.origin": {"id": "asal", "en": "origin"},
    "cli.col.legal-basis": {"id": "dasar hukum", "en": "legal basis"},
    "cli.col.biometric": {"id": "biometrik", "en": "biometric"},
    "cli.col.deadline": {"id": "batas waktu", "en": "deadline"},
    "cli.col.day": {"id": "hari", "en": "day"},
    "cli.col.date": {"id": "tanggal", "en": "date"},
    "cli.col.hours": {"id": "jam", "en": "hours"},
    "cli.col.notes": {"id": "keterangan", "en": "notes"},
    # -- name -------------------------------------------------------------------------------
    "cli.name.ok": {
        "id": "{document}: tidak ada temuan menurut aturan yang dapat diperiksa.",
        "en": "{document}: no findings under the rules that can be checked.",
    },
    "cli.name.summary": {
        "id": "{document}: {errors} kesalahan, {warnings} peringatan.",
        "en": "{document}: {errors} error(s), {warnings} warning(s).",
    },
    "cli.name.error": {"id": "kesalahan", "en": "error"},
    "cli.name.warning": {"id": "peringatan", "en": "warning"},
    "cli.name.reading": {"id": "menurut tafsiran adminduk", "en": "as adminduk reads it"},
    "cli.name.unchecked": {
        "id": "Tidak diperiksa: nama mudah dibaca, tidak bermakna negatif dan tidak multitafsir "
        "(Permendagri 73/2022 Pasal 4 ayat (2) huruf a).",
        "en": "Not checked: that the name is easy to read, has no negative meaning and cannot be "
        "read two ways (Permendagri 73/2022 Pasal 4 ayat (2) huruf a).",
    },
    # -- services -----------------------------------------------------------------------------
    "cli.yes": {"id": "ya", "en": "yes"},
    "cli.no": {"id": "tidak", "en": "no"},
    "cli.days": {"id": "{days} hari", "en": "{days} d"},
    # -- hours --------------------------------------------------------------------------------
    "cli.hours.title": {
        "id": "{region} ({code}), pekan mulai {monday}, {zone}",
        "en": "{region} ({code}), week of {monday}, {zone}",
    },
    "cli.hours.closed": {"id": "tutup", "en": "closed"},
    "cli.closure.libur-nasional": {"id": "libur nasional", "en": "national holiday"},
    "cli.closure.cuti-bersama": {
        "id": "cuti bersama",
        "en": "collective leave (cuti bersama)",
    },
    "cli.closure.penutupan": {"id": "penutupan kantor", "en": "office closure"},
    "cli.hours.default": {
        "id": "* jam kerja nasional instansi pemerintah, bukan jam yang diumumkan kantor ini",
        "en": "* national government working hours, not hours this office has published",
    },
    "cli.hours.provisional": {
        "id": "? jawaban sementara, karena:",
        "en": "? provisional, because:",
    },
    "cli.hours.from": {"id": "Jam dari: {period}", "en": "Hours from: {period}"},
    "cli.hours.office": {"id": "Jam layanan {region}", "en": "{region} office hours"},
    # -- requirements -------------------------------------------------------------------------
    "cli.requirements.title": {
        "id": "{region} ({code}) {service} pada {day} (kebijakan {policy})",
        "en": "{region} ({code}) {service} on {day} (policy {policy})",
    },
    "cli.requirements.none": {
        "id": "Sumber tidak memuat daftar persyaratan untuk layanan ini; tanyakan ke kantor.",
        "en": "The sources give no checklist for this service; ask the office.",
    },
    "cli.origin.national": {"id": "nasional", "en": "national"},
    "cli.origin.office": {"id": "kantor", "en": "office"},
    "cli.diff.title": {
        "id": "{code} {service} pada {day} (kebijakan {policy}):",
        "en": "{code} {service} on {day} (policy {policy}):",
    },
    "cli.diff.unchanged": {
        "id": "{code} {service} pada {day} (kebijakan {policy}): daftar persyaratan nasional, "
        "tanpa perubahan",
        "en": "{code} {service} on {day} (policy {policy}): the national checklist, unchanged",
    },
    "cli.diff.added": {"id": "Ditambahkan oleh kantor:", "en": "Added by the office:"},
    "cli.diff.removed": {"id": "Dihapus oleh kantor:", "en": "Removed by the office:"},
    "cli.diff.replaced": {"id": "Diganti oleh kantor:", "en": "Replaced by the office:"},
}


def text(key: str, lang: Lang, **fields: object) -> str:
    """The template ``key`` in ``lang``, filled in.

    Examples:
        >>> text("status.ready", "en")
        'Ready for pick-up'
        >>> text("cli.days", "id", days=14)
        '14 hari'
    """
    return TEXT[key][lang].format(**fields)


def date_words(day: datetime.date, lang: Lang) -> str:
    """A date as people write it: ``24 Maret 2020`` / ``24 March 2020``.

    Examples:
        >>> import datetime
        >>> day = datetime.date(2023, 6, 21)
        >>> date_words(day, "id"), date_words(day, "en")
        ('21 Juni 2023', '21 June 2023')
    """
    month = TEXT[f"month.{day.month}"][lang]
    return text("date", lang, day=day.day, month=month, year=day.year)


def day_name(weekday: int, lang: Lang) -> str:
    """The name of a day of the week (Monday is 0, as ``date.weekday()`` counts) in ``lang``.

    Raises:
        OutOfRange: ``weekday`` is not 0 to 6.

    Examples:
        >>> day_name(0, "id"), day_name(6, "en")
        ('Senin', 'Sunday')
        >>> day_name(7, "id")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: weekday=7 is out of range; valid: 0 (Monday) to 6 (Sunday)
    """
    if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
        from adminduk.errors import OutOfRange

        raise OutOfRange("weekday", weekday, "0 (Monday) to 6 (Sunday)")
    return TEXT[f"day.{weekday}"][lang]
