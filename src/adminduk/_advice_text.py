"""Words the layers above the core share, in Indonesian and English: dates, days, commands.

Dates and day names (read by the renderer, the command and the scripts) and the command's own
texts. The words of the lowest layers (a request's statuses and events, a refused transition,
the ordinary rules' name) and the language of a tag are in :mod:`adminduk._core.wording`, which
this table starts from; the reply a citizen reads has its own table in
``adminduk.advice._wording``. Each entry is a ``str.format`` template with named fields; keys
are stable, and a translator changes the text, never the keys or the fields (a test checks both
languages use the same fields).
"""

from __future__ import annotations

import datetime
from typing import Final

from adminduk._core import wording
from adminduk._core.days import DAYS_EN, DAYS_ID
from adminduk._core.wording import LANGS, Lang, language

__all__ = ["LANGS", "TEXT", "Lang", "date_words", "day_name", "language", "text"]

TEXT: Final[dict[str, dict[Lang, str]]] = {
    **wording.TEXT,  # a request's life and the ordinary rules: the lowest layers say them too
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
        "({article}).",
        "en": "Not checked: that the name is easy to read, has no negative meaning and cannot be "
        "read two ways ({article}).",
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
        >>> day = datetime.date(2020, 3, 24)
        >>> date_words(day, "id"), date_words(day, "en")
        ('24 Maret 2020', '24 March 2020')
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
