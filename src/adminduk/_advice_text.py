"""The wording of advice, in Indonesian and English: one catalogue, no scattered strings.

Each entry is a ``str.format`` template with named fields. Keys are stable; a translator
changes the text, never the keys or the fields a template uses (a test checks both languages
use the same fields).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Final, Literal

from adminduk._days import DAYS_EN, DAYS_ID
from adminduk._redact import is_text

if TYPE_CHECKING:
    from adminduk.documents import Service

__all__ = ["LANGS", "TEXT", "Lang", "date_words", "language", "service_name", "text"]

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
    # -- why: one per triage rule ------------------------------------------------------------
    "rule.suspended": {
        "id": "Kantor menunda {service} untuk sementara: {why}.",
        "en": "The office has put {service} off for now: {why}.",
    },
    "rule.suspended-refuse": {
        "id": "Kantor tidak melayani {service} untuk saat ini: {why}.",
        "en": "The office is not handling {service} for now: {why}.",
    },
    "rule.counter-only": {
        "id": "{service} hanya dapat dilayani langsung di loket ({why}).",
        "en": "{service} can only be done in person at the counter ({why}).",
    },
    "rule.counter-only-wait": {
        "id": "{service} hanya dapat dilayani di loket ({why}), dan loket belum melayani "
        "keperluan Anda saat ini; mohon menunggu sampai layanan tatap muka dibuka kembali.",
        "en": "{service} can only be done at the counter ({why}), and the counter does not "
        "serve your case now; please wait until face-to-face service reopens.",
    },
    "rule.urgent-counter": {
        "id": "Keperluan mendesak Anda ({reasons}) termasuk yang dilayani langsung di loket.",
        "en": "Your urgent need ({reasons}) is one the counter still serves in person.",
    },
    "rule.non-urgent-wait": {
        "id": "Kantor meminta warga yang tidak sangat membutuhkan dokumen untuk menunda "
        "pengurusan {service}; layanan diutamakan untuk keperluan mendesak.",
        "en": "The office asks people who do not urgently need the document to postpone "
        "{service}; service goes first to urgent needs.",
    },
    "rule.online-with-visit": {
        "id": "Kantor menerima pengajuan {service} secara online, tetapi ada langkah yang harus "
        "Anda hadiri langsung (lihat di bawah).",
        "en": "The office takes applications for {service} online, but one step needs you in "
        "person (see below).",
    },
    "rule.online": {
        "id": "Kantor menerima pengajuan {service} secara online.",
        "en": "The office takes applications for {service} online.",
    },
    "rule.walk-in-no-whatsapp": {
        "id": "Layanan online memakai WhatsApp; karena Anda tidak memakai WhatsApp, Anda tetap "
        "dapat dilayani di loket.",
        "en": "The online service uses WhatsApp; since you do not use WhatsApp, you can still "
        "be served at the counter.",
    },
    "rule.counter-open": {
        "id": "Loket kantor melayani {service} seperti biasa.",
        "en": "The counter handles {service} as usual.",
    },
    "rule.counter-open-national": {
        "id": "Menurut aturan biasa, loket kantor melayani {service}; tetapi pada tanggal ini "
        "layanan tatap muka dibatasi oleh instruksi nasional (lihat di bawah).",
        "en": "Under the ordinary rules the counter handles {service}; on this date, though, a "
        "national instruction limited face-to-face service (see below).",
    },
    "rule.no-whatsapp-wait": {
        "id": "{service} saat ini hanya dilayani lewat WhatsApp dan loket tidak melayani "
        "keperluan Anda; minta bantuan keluarga yang memakai WhatsApp, atau tunggu sampai "
        "layanan tatap muka dibuka kembali.",
        "en": "{service} is only handled over WhatsApp now and the counter does not serve "
        "your case; ask a relative who uses WhatsApp, or wait until the counter reopens.",
    },
    "rule.not-introduced": {
        "id": "{service} belum ada pada tanggal itu: layanan ini diatur oleh {basis}, yang "
        "terbit tahun {year}.",
        "en": "{service} did not exist yet on that date: it rests on {basis}, issued in {year}.",
    },
    "rule.no-route": {
        "id": "Menurut sumber yang ada, kantor tidak menyediakan jalur untuk {service} saat ini.",
        "en": "According to the sources, the office offers no route to {service} at this time.",
    },
    # -- why: context ------------------------------------------------------------------------
    "why.biometric": {"id": "perlu perekaman biometrik", "en": "biometric recording"},
    "why.direct-verification": {
        "id": "perlu verifikasi langsung",
        "en": "staff must verify in person",
    },
    "policy.dated": {
        "id": "Berlaku kebijakan kantor: {title} ({period}).",
        "en": "Office policy in force: {title} ({period}).",
    },
    "policy.ended-pandemic": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir bersama {event}; kini berlaku '
        "layanan biasa kantor.",
        "en": 'The office policy "{title}" ({period}) ended with {event}; the office\'s ordinary '
        "service applies now.",
    },
    "policy.ended": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir; kini berlaku layanan biasa '
        "kantor.",
        "en": 'The office policy "{title}" ({period}) has ended; the office\'s ordinary service '
        "applies now.",
    },
    "policy.ended-national": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir, tetapi instruksi nasional '
        "masih berlaku (lihat di bawah).",
        "en": 'The office policy "{title}" ({period}) has ended, but the national instruction '
        "still applied (see below).",
    },
    "national.covid": {
        "id": "Pada tanggal ini berlaku instruksi nasional Ditjen Dukcapil (Surat Dirjen Dukcapil "
        "No. 443.1/2978/Dukcapil, 16 Maret 2020, diperpanjang sampai pandemi berakhir): Dinas "
        "Dukcapil diminta membatasi layanan tatap muka dan mengalihkannya ke layanan online, "
        "dan warga yang keperluannya tidak mendesak diminta menunda pengurusan dokumen. Sumber "
        "tidak menyebut bagaimana kantor ini menjalankannya pada tanggal itu; tanyakan ke kantor "
        "sebelum datang.",
        "en": "On this date the national instruction of the Directorate General of Dukcapil "
        "applied (letter No. 443.1/2978/Dukcapil of 16 March 2020, extended until the pandemic "
        "ended): Dukcapil offices were to limit face-to-face service and move it online, and "
        "residents without an urgent need were asked to postpone. No source says how this "
        "office applied it on that date; ask the office before you go.",
    },
    "reason.national-window": {
        "id": "{reasons} termasuk keperluan mendesak yang menurut instruksi nasional tetap "
        "dilayani pada masa ini.",
        "en": "{reasons} is among the urgent needs the national instruction kept served at this "
        "time.",
    },
    "presence.known": {
        "id": "Langkah yang harus Anda hadiri langsung: {step}; tempat: {place}; waktu: {when}.",
        "en": "A step you must attend in person: {step}; place: {place}; time: {when}.",
    },
    "presence.unknown": {
        "id": "Langkah yang harus Anda hadiri langsung: {step}; {why}.",
        "en": "A step you must attend in person: {step}; {why}.",
    },
    "presence.unstated": {
        "id": "Langkah yang harus Anda hadiri langsung: {step}; kantor tidak menyebut tempat dan "
        "waktunya, tanyakan kepada petugas saat mengajukan.",
        "en": "A step you must attend in person: {step}; the office has not said where or when, "
        "so ask the officer when you apply.",
    },
    "reason.not-needed": {
        "id": "Loket melayani semua warga saat ini, sehingga alasan mendesak tidak diperlukan.",
        "en": "The counter serves everyone at this time, so no urgent reason is needed.",
    },
    "reason.asked-to-wait": {
        "id": "Kantor meminta warga yang tidak sangat membutuhkan dokumen untuk menunda "
        "pengurusan; bila Anda memerlukannya sekarang, Anda tetap dapat mengajukan melalui "
        "saluran yang disebut.",
        "en": "The office asks people who do not really need the document now to postpone; if "
        "you need it now, you can still apply through the channels given.",
    },
    "urgent.route": {
        "id": "Bila keperluan Anda mendesak ({reasons}), Anda tetap dapat dilayani melalui: "
        "{channel}.",
        "en": "If your need is urgent ({reasons}), you can still be served through: {channel}.",
    },
    # Said only where the service has a deadline, whose own line says to contact the office.
    "urgent.none": {
        "id": "Sumber tidak menyebut jalur untuk keperluan mendesak.",
        "en": "The sources name no route for urgent cases.",
    },
    "office.baseline": {
        "id": "Aturan setempat kantor ini belum diketahui: adminduk belum memiliki sumber tentang "
        "kantor ini. Jawaban ini memakai aturan dasar nasional (layanan dan persyaratan "
        "nasional, jam kerja nasional, loket dianggap buka), bukan aturan yang diumumkan kantor "
        "ini sendiri; pastikan kembali ke kantor.",
        "en": "This office's local rules are not known: adminduk has no source about this "
        "office. This answer uses the national baseline (the national services and checklists, "
        "the national working hours, the counter taken to be open), not rules the office itself "
        "has published; check with the office.",
    },
    "policy.ordinary": {
        "id": "Tidak ada kebijakan khusus pada tanggal ini; berlaku layanan biasa kantor.",
        "en": "No special policy on this date; the office's ordinary service applies.",
    },
    "period.open-ended": {"id": "sejak {start}", "en": "from {start}"},
    "period.pandemic": {
        "id": "sejak {start}, paling lambat sampai {end} saat status pandemi berakhir",
        "en": "from {start}, until {end} at the latest, when the pandemic status ended",
    },
    "period.bounded": {"id": "{start} s.d. {end}", "en": "{start} to {end}"},
    "reason.not-accepted": {
        "id": "Alasan {reasons} tidak termasuk keperluan mendesak yang diterima kantor ini "
        "pada tanggal tersebut.",
        "en": "{reasons} is not among the urgent needs this office accepts on that date.",
    },
    "reason.urgent-not-exempt": {
        "id": "Keperluan mendesak Anda ({reasons}) tidak mengubah jawaban ini: sumber tidak "
        "menyebut pengecualian bagi keperluan mendesak untuk layanan ini.",
        "en": "Your urgent need ({reasons}) does not change this answer: the sources name no "
        "exception for urgent needs for this service.",
    },
    "reason.national": {
        "id": "Kantor hanya menyebut contoh keperluan mendesak; {reasons} termasuk keperluan "
        "mendesak menurut instruksi nasional Ditjen Dukcapil.",
        "en": "The office names only examples of urgent needs; {reasons} is urgent under the "
        "national instruction of the Directorate General of Dukcapil.",
    },
    "hours.default": {
        "id": "Jam layanan kantor ini tidak tercantum dalam sumber; yang dipakai adalah {basis}.",
        "en": "The sources give no hours for this office; used instead: {basis}.",
    },
    "hours.national": {
        "id": "jam kerja nasional instansi pemerintah ({source})",
        "en": "the national government working hours ({source})",
    },
    "fulfilment.pickup": {
        "id": "Dokumen yang sudah jadi: {pickup}.",
        "en": "Finished documents: {pickup}.",
    },
    "fulfilment.ready": {
        "id": "Perkiraan dokumen dapat diambil {place} mulai {when} ({days} hari kerja).",
        "en": "Expected ready for collection {place} from {when} ({days} working days).",
    },
    "fulfilment.ready-read": {
        "id": "Perkiraan dokumen dapat diambil {place} mulai {when} (sumber menyebut "
        '"{published}", dibaca sebagai {days} hari kerja).',
        "en": "Expected ready for collection {place} from {when} (the source says "
        '"{published}", read as {days} working days).',
    },
    "fulfilment.originals": {
        "id": "Anda harus datang langsung saat pengambilan {place} dengan membawa dokumen "
        "persyaratan asli; petugas akan mencocokkannya.",
        "en": "You must come in person to collect the document {place}, bringing the original "
        "documents; staff check them against your files.",
    },
    "place.dinas": {"id": "di kantor Dinas", "en": "at the Dinas office"},
    "place.kecamatan": {"id": "di kantor kecamatan", "en": "at the kecamatan (district) office"},
    "place.village-office": {
        "id": "di kantor desa/kelurahan",
        "en": "at the village (desa/kelurahan) office",
    },
    "place.self-print": {"id": "di rumah (dicetak sendiri)", "en": "at home (printed yourself)"},
    "place.unknown": {"id": "di tempat pengambilan", "en": "at the pick-up place"},
    "pickup.dinas": {"id": "diambil di kantor Dinas", "en": "collected at the Dinas office"},
    "pickup.kecamatan": {
        "id": "diambil di kantor kecamatan",
        "en": "collected at the kecamatan (district) office",
    },
    "pickup.village-office": {
        "id": "diantar melalui pemerintah desa/kelurahan",
        "en": "delivered through the village government",
    },
    "pickup.self-print": {
        "id": "dicetak sendiri di kertas HVS",
        "en": "printed by the applicant on plain HVS paper",
    },
    "deadline": {
        "id": "Batas waktu pelaporan: {days} hari {counted_from} ({basis}).",
        "en": "Reporting deadline: {days} days {counted_from} ({basis}).",
    },
    # The deadline of a matter the person is told to postpone, or that has no route now: the law
    # does not wait with them.
    "deadline.no-route": {
        "id": "Batas waktu pelaporan: {days} hari {counted_from} ({basis}). Batas ini tetap "
        "berlaku walaupun pengurusannya belum dapat dilakukan sekarang; bila batas itu akan "
        "terlewati, hubungi kantor sebelum batas waktunya habis.",
        "en": "Reporting deadline: {days} days {counted_from} ({basis}). It still runs while "
        "the matter cannot be handled now; if it is about to pass, contact the office before it "
        "runs out.",
    },
    "hours.no-opening": {
        "id": "Menurut data kalender, kantor tidak dijadwalkan buka lagi dalam rentang tahun yang "
        "dicakup; tanyakan langsung ke kantor.",
        "en": "According to the calendar data, the office is not due to open again within the "
        "years it covers; ask the office directly.",
    },
    "caveat": {"id": "Perhatian: {text}", "en": "Note: {text}"},
    "office.replaced": {
        "id": "Data kantor {code} ini berasal dari paket tambahan {package}, yang menggantikan "
        "data bawaan adminduk untuk kantor ini.",
        "en": "The data of office {code} comes from the add-on package {package}, which takes "
        "the place of adminduk's built-in data for this office.",
    },
    # -- the WhatsApp reply ------------------------------------------------------------------
    "msg.outcome.online": {
        "id": "Silakan ajukan {service} secara online.",
        "en": "Please apply for {service} online.",
    },
    "msg.outcome.in-person": {
        "id": "Silakan datang ke loket untuk {service}.",
        "en": "Please come to the counter for {service}.",
    },
    "msg.outcome.defer": {
        "id": "Mohon tunda dulu pengurusan {service}.",
        "en": "Please postpone {service} for now.",
    },
    "msg.outcome.unavailable": {
        "id": "{service} belum dapat dilayani saat ini.",
        "en": "{service} cannot be served at this time.",
    },
    "msg.channels": {"id": "Saluran:", "en": "Channels:"},
    "msg.unknown-address": {
        "id": "alamat/nomor belum diketahui: {why}",
        "en": "address/number not known: {why}",
    },
    "msg.unknown-address-bare": {
        "id": "alamat/nomor belum diketahui",
        "en": "address/number not known",
    },
    "msg.stale": {
        "id": "Perhatian: informasi ini terakhir dikonfirmasi {date} dan mungkin sudah berubah; "
        "pastikan kembali ke kantor.",
        "en": "Note: this information was last confirmed on {date} and may have changed; check "
        "with the office.",
    },
    "msg.stale-undated": {
        "id": "Perhatian: informasi ini tidak bersandar pada sumber bertanggal; pastikan kembali "
        "ke kantor.",
        "en": "Note: no dated source confirms this information; check with the office.",
    },
    "msg.no-opening": {
        "id": "Tidak ada jadwal buka kantor berikutnya dalam data kalender.",
        "en": "No further opening of the office is known in the calendar data.",
    },
    "msg.requirements": {"id": "Persyaratan:", "en": "Requirements:"},
    "msg.one-of": {
        "id": "Salah satu dari berikut, sesuai keadaan Anda:",
        "en": "One of the following, as fits your case:",
    },
    "msg.requirements-unknown": {
        "id": "Persyaratan: {note}",
        "en": "Requirements: {note}",
    },
    "msg.office-item": {"id": " (ketentuan kantor)", "en": " (office rule)"},
    "msg.open-now": {"id": "Kantor sedang buka.", "en": "The office is open now."},
    "msg.next-opening": {
        "id": "Kantor buka kembali {when}.",
        "en": "The office opens again {when}.",
    },
    # The hours line of an answer with no route now: the office's hours are no invitation.
    "msg.open-now.defer": {
        "id": "Kantor sedang buka, tetapi meminta Anda menunda keperluan ini.",
        "en": "The office is open now, but asks you to postpone this matter.",
    },
    "msg.next-opening.defer": {
        "id": "Kantor buka kembali {when}, tetapi meminta Anda menunda keperluan ini.",
        "en": "The office opens again {when}, but asks you to postpone this matter.",
    },
    "msg.open-now.unavailable": {
        "id": "Kantor sedang buka, tetapi keperluan ini tidak dilayani di sana saat ini.",
        "en": "The office is open now, but this matter is not served there now.",
    },
    "msg.next-opening.unavailable": {
        "id": "Kantor buka kembali {when}, tetapi keperluan ini tidak dilayani di sana saat ini.",
        "en": "The office opens again {when}, but this matter is not served there now.",
    },
    "msg.why": {"id": "Keterangan:", "en": "Why:"},
    "msg.sources": {"id": "Sumber:", "en": "Sources:"},
    # The "source" of ordinary rules no source describes (OrdinaryRules.source's default).
    "source.ordinary": {
        "id": "bawaan adminduk: tidak ada sumber yang menjelaskan aturan biasa kantor ini, "
        "sehingga di luar kebijakan bertanggalnya loket dianggap melayani semua layanan "
        "katalog nasional",
        "en": "adminduk default: no source describes this office's ordinary rules, so outside "
        "its dated policies the counter is taken to be open for every service of the national "
        "catalogue",
    },
    "msg.when": {"id": "{day} pukul {time} {zone}", "en": "{day} at {time} {zone}"},
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
        >>> text("msg.open-now", "en")
        'The office is open now.'
        >>> text("fulfilment.pickup", "id", pickup="diambil di kantor kecamatan")
        'Dokumen yang sudah jadi: diambil di kantor kecamatan.'
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


def service_name(service: Service, lang: Lang) -> str:
    """A service as a citizen reads it: the document's name, then the action's.

    Examples:
        >>> from adminduk import Service
        >>> service_name(Service.parse("kk/perubahan"), "en")
        'Family card (KK): change of data'
        >>> service_name(Service.parse("ikd/baru"), "id")
        'Identitas Kependudukan Digital (IKD): aktivasi'
    """
    from adminduk.documents import catalogue

    cat = catalogue()
    own = cat[service].action_names  # a service whose action the catalogue's name misreads
    action = cat.action_name(service.action, lang) if own is None else own.name(lang)
    return f"{cat.document_name(service.document, lang)}: {action}"


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
