"""The wording of advice, in Indonesian and English: one catalogue, no scattered strings.

Each entry is a ``str.format`` template with named fields. Keys are stable; a translator
changes the text, never the keys or the fields a template uses (a test checks both languages
use the same fields).
"""

from __future__ import annotations

import datetime
from typing import Final, Protocol

from adminduk._core import wording
from adminduk._core.days import DAYS_EN, DAYS_ID
from adminduk._core.wording import LANGS, Lang, language

__all__ = ["LANGS", "TEXT", "Lang", "date_words", "language", "service_name", "text"]

TEXT: Final[dict[str, dict[Lang, str]]] = {
    **wording.TEXT,  # a request's life and the ordinary rules: the lowest layers say them too
    # -- why: one per triage rule ------------------------------------------------------------
    "rule.suspended": {
        "id": "Kantor menunda {service} untuk sementara: {why}.",
        "en": "The office has put {service} off for now: {why}.",
    },
    "rule.suspended-national": {
        "id": "Instruksi nasional menunda {service} untuk sementara: {why}.",
        "en": "A national instruction put {service} off for now: {why}.",
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
    "rule.online-with-visit": {
        "id": "Kantor menerima pengajuan {service} secara daring, tetapi ada langkah yang harus "
        "Anda hadiri langsung (lihat di bawah).",
        "en": "The office takes applications for {service} online, but one step needs you in "
        "person (see below).",
    },
    "rule.online": {
        "id": "Kantor menerima pengajuan {service} secara daring.",
        "en": "The office takes applications for {service} online.",
    },
    "rule.walk-in-no-whatsapp": {
        "id": "Layanan daring memakai WhatsApp; karena Anda tidak memakai WhatsApp, Anda tetap "
        "dapat dilayani di loket.",
        "en": "The online service uses WhatsApp; since you do not use WhatsApp, you can still "
        "be served at the counter.",
    },
    "rule.counter-open": {
        "id": "Loket kantor melayani {service} seperti biasa.",
        "en": "The counter handles {service} as usual.",
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
    "rule.urgent-counter-national": {
        "id": "Keperluan mendesak Anda ({reasons}) termasuk yang menurut instruksi nasional tetap "
        "dilayani langsung di loket.",
        "en": "Your urgent need ({reasons}) is one the national instruction kept served in "
        "person at the counter.",
    },
    "rule.asked-to-wait": {
        "id": "Kantor meminta warga yang keperluannya tidak mendesak untuk menunda pengurusan "
        "{service}; layanan diutamakan untuk keperluan mendesak.",
        "en": "The office asks people without an urgent need to postpone {service}; service "
        "goes first to urgent needs.",
    },
    "rule.asked-to-wait-national": {
        "id": "Instruksi nasional Ditjen Dukcapil meminta warga yang keperluannya tidak mendesak "
        "untuk menunda; loket hanya melayani keperluan mendesak.",
        "en": "The national instruction of the Directorate General of Dukcapil asked people "
        "without an urgent need to wait; the counter served urgent needs only.",
    },
    "rule.urgent-only-wait": {
        "id": "Loket kantor saat ini hanya melayani keperluan mendesak, dan tidak ada saluran "
        "lain yang dapat Anda pakai; mohon menunggu.",
        "en": "The office's counter serves urgent needs only for now, and no other channel you "
        "can use takes this; please wait.",
    },
    "rule.urgent-only-wait-national": {
        "id": "Menurut instruksi nasional Ditjen Dukcapil, loket hanya melayani keperluan "
        "mendesak, dan tidak ada saluran lain yang dapat Anda pakai; mohon menunggu.",
        "en": "Under the national instruction of the Directorate General of Dukcapil the counter "
        "served urgent needs only, and no other channel you can use takes this; please wait.",
    },
    "rule.route-unknown": {
        "id": "Kantor menerima {service} lewat saluran yang alamat atau nomornya tidak tercantum "
        "dalam sumber, dan loket tidak melayani keperluan Anda; tanyakan alamat atau nomornya "
        "ke kantor.",
        "en": "The office takes {service} through a channel whose address or number the sources "
        "do not give, and the counter does not serve your case; ask the office for it.",
    },
    "rule.no-route": {
        "id": "Menurut sumber yang ada, kantor tidak menyediakan jalur untuk {service} saat ini.",
        "en": "According to the sources, the office offers no route to {service} at this time.",
    },
    # -- why: context ------------------------------------------------------------------------
    "why.biometric": {"id": "perlu perekaman biometrik", "en": "biometric recording"},
    "why.photo": {"id": "ada tahapan pemotretan pemohon", "en": "the applicant is photographed"},
    "why.direct-verification": {
        "id": "perlu verifikasi langsung",
        "en": "staff must verify in person",
    },
    "policy.dated": {
        "id": "Berlaku kebijakan kantor: {title} ({period}).",
        "en": "Office policy in force: {title} ({period}).",
    },
    "policy.ended-pandemic": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir, paling lambat {end} '
        "({event}); kini berlaku layanan biasa kantor.",
        "en": 'The office policy "{title}" ({period}) has ended, by {end} at the latest '
        "({event}); the office's ordinary service applies now.",
    },
    "policy.ended": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir; kini berlaku layanan biasa '
        "kantor.",
        "en": 'The office policy "{title}" ({period}) has ended; the office\'s ordinary service '
        "applies now.",
    },
    "policy.ended-national": {
        "id": 'Kebijakan kantor "{title}" ({period}) sudah berakhir; instruksi nasional masih '
        "berlaku.",
        "en": 'The office policy "{title}" ({period}) has ended; the national instruction still '
        "applied.",
    },
    "channel.unreachable": {
        "id": "{channel} juga menerima keperluan ini, tetapi nomor/alamatnya tidak tercantum "
        "dalam sumber.",
        "en": "{channel} takes this matter too, but the sources do not give its number or "
        "address.",
    },
    "national.known": {
        "id": "Instruksi nasional Ditjen Dukcapil berlaku sejak {start}: layanan tatap muka "
        "dibatasi untuk keperluan mendesak, dan warga lain diminta menunda.",
        "en": "The national instruction of the Directorate General of Dukcapil applied from "
        "{start}: face-to-face service was limited to urgent needs, and everyone else was asked "
        "to postpone.",
    },
    "national.assumed": {
        "id": "Instruksi nasional Ditjen Dukcapil (sejak {start}) terakhir dikonfirmasi {date} "
        "dan dianggap masih berlaku.",
        "en": "The national instruction of the Directorate General of Dukcapil (from {start}) "
        "was last confirmed on {date} and is taken to still apply.",
    },
    "national.lapsed": {
        "id": "Instruksi nasional Ditjen Dukcapil yang membatasi layanan tatap muka (sejak "
        "{start}) terakhir dikonfirmasi {date}; belum diketahui apakah masih berlaku pada "
        "tanggal ini, sehingga jawaban ini tidak memakainya.",
        "en": "The national instruction of the Directorate General of Dukcapil limiting "
        "face-to-face service (from {start}) was last confirmed on {date}; whether it still "
        "held on this date is not known, so this answer does not use it.",
    },
    "policy.lapsed": {
        "id": 'Kebijakan kantor "{title}" terakhir dikonfirmasi {date}; tidak ada sumber yang '
        "lebih baru, sehingga jawaban ini memakai aturan biasa kantor. Tanyakan ke kantor "
        "sebelum datang.",
        "en": 'The office policy "{title}" was last confirmed on {date}; no newer source says '
        "whether it still holds, so this answer uses the office's ordinary rules. Ask the "
        "office before you go.",
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
        "id": "Aturan setempat kantor ini belum diketahui (adminduk belum punya sumbernya): "
        "jawaban ini memakai aturan dasar nasional, bukan aturan yang diumumkan kantor ini "
        "sendiri; pastikan ke kantor.",
        "en": "This office's local rules are not known (adminduk has no source on them): this "
        "answer uses the national baseline, not rules the office itself has published; check "
        "with the office.",
    },
    "policy.ordinary": {
        "id": "Tidak ada kebijakan khusus pada tanggal ini; berlaku layanan biasa kantor.",
        "en": "No special policy on this date; the office's ordinary service applies.",
    },
    "period.open-ended": {"id": "sejak {start}", "en": "from {start}"},
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
        "id": "Jam buka yang dipakai: {basis}; sumber tidak menyebut jam kantor ini.",
        "en": "Hours used: {basis}; the sources give none for this office.",
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
        "berjalan selama Anda menunggu; bila akan terlewati, hubungi kantor sebelum habis.",
        "en": "Reporting deadline: {days} days {counted_from} ({basis}). It keeps running while "
        "you wait; if it is about to pass, contact the office before it runs out.",
    },
    "fee.free": {
        "id": "Gratis: tidak dipungut biaya ({basis}).",
        "en": "Free of charge: no fee may be asked ({basis}).",
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
        "id": "Silakan ajukan {service} secara daring.",
        "en": "Please apply for {service} online.",
    },
    # A headline of its own where the outcome's would mislead.
    "msg.headline.route-unknown": {
        "id": "{service}: kantor menerima pengajuan lewat saluran yang nomor/alamatnya belum "
        "diketahui; tanyakan ke kantor.",
        "en": "{service}: the office takes applications through a channel whose number or "
        "address is not known; ask the office.",
    },
    "msg.ask-first": {
        "id": "Tanyakan dulu ke kantor: aturan yang berlaku pada tanggal ini belum diketahui "
        "pasti. Menurut aturan biasa kantor: {answer}",
        "en": "Check with the office first: the rules in force on this date are not known for "
        "sure. Under the office's ordinary rules: {answer}",
    },
    "msg.ask-first-short": {
        "id": "Tanyakan dulu ke kantor; aturan saat ini belum pasti. Menurut aturan biasa: "
        "{answer}",
        "en": "Check with the office first; today's rules are not certain. Ordinarily: {answer}",
    },
    "msg.assumed": {
        "id": "Perhatian: menurut sumber {date}; belum pasti masih berlaku. Pastikan ke kantor.",
        "en": "Note: as a source of {date} has it; it may no longer hold. Check with the office.",
    },
    "msg.default-hours": {
        "id": "(menurut jam kerja nasional)",
        "en": "(by the national working hours)",
    },
    "msg.outcome.in-person": {
        "id": "Silakan datang ke loket untuk {service}.",
        "en": "Please come to the counter for {service}.",
    },
    "msg.outcome.defer": {
        "id": "Mohon tunda dulu pengurusan {service}.",
        "en": "Please postpone {service} for now.",
    },
    # A matter with a legal deadline is never simply "wait": the deadline runs meanwhile.
    "msg.outcome.defer-deadline": {
        "id": "Bila belum mendesak, tunda dulu {service}; batas waktu pelaporannya ({days} hari "
        "{counted_from}) tetap berjalan, jadi hubungi kantor sebelum habis.",
        "en": "If it is not urgent, postpone {service}; its reporting deadline ({days} days "
        "{counted_from}) keeps running, so contact the office before it runs out.",
    },
    "msg.outcome.unavailable": {
        "id": "{service} belum dapat dilayani saat ini.",
        "en": "{service} cannot be served at this time.",
    },
    "msg.channels": {"id": "Saluran:", "en": "Channels:"},
    # -- the short reply ----------------------------------------------------------------------
    "msg.bring": {"id": "Bawa/siapkan: {items}.", "en": "Bring or prepare: {items}."},
    "msg.bring-more": {
        "id": "Bawa/siapkan: {items}; dan {more} lainnya.",
        "en": "Bring or prepare: {items}; and {more} more.",
    },
    "msg.bring-count": {
        "id": "Ada {count} persyaratan; lihat rincian.",
        "en": "There are {count} requirements; see the details.",
    },
    "msg.one-of-short": {"id": "salah satu dokumen pendukung", "en": "one supporting document"},
    "msg.free-short": {"id": "Gratis, tanpa biaya.", "en": "Free of charge."},
    "msg.details": {
        "id": "Balas RINCIAN untuk keterangan lengkap.",
        "en": "Reply DETAILS for the full answer.",
    },
    "msg.confirmed-short": {
        "id": "Info per {date}; pastikan ke kantor.",
        "en": "Information as of {date}; check with the office.",
    },
    "msg.stale-undated-short": {
        "id": "Info tanpa sumber bertanggal; pastikan ke kantor.",
        "en": "No dated source; check with the office.",
    },
    "msg.unknown-address": {
        "id": "alamat/nomor belum diketahui: {why}",
        "en": "address/number not known: {why}",
    },
    "msg.unknown-address-bare": {
        "id": "alamat/nomor belum diketahui",
        "en": "address/number not known",
    },
    "msg.stale": {
        "id": "Perhatian: info ini terakhir dikonfirmasi {date} dan mungkin sudah berubah; "
        "pastikan ke kantor.",
        "en": "Note: this was last confirmed on {date} and may have changed; check with the "
        "office.",
    },
    "msg.stale-undated": {
        "id": "Perhatian: info ini tidak bersandar pada sumber bertanggal; pastikan ke kantor.",
        "en": "Note: no dated source confirms this information; check with the office.",
    },
    "msg.no-opening": {
        "id": "Tidak ada jadwal buka kantor berikutnya dalam data kalender.",
        "en": "No further opening of the office is known in the calendar data.",
    },
    "msg.requirements": {"id": "Persyaratan:", "en": "Requirements:"},
    "msg.one-of": {"id": "Salah satu, sesuai keadaan Anda:", "en": "One of, as fits your case:"},
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
    "msg.why": {"id": "Keterangan:", "en": "Why:"},
    "msg.sources": {"id": "Sumber:", "en": "Sources:"},
    "msg.more-sources": {"id": "; dan {count} sumber lain", "en": "; and {count} more"},
    # The "source" of ordinary rules no source describes (OrdinaryRules.source's default).
    # -- the office's published service standard (offices/_standards.py) -------------------
    "standard.completion": {
        "id": 'Selesai paling lama {amount} sejak {start} (standar pelayanan: "{published}"); '
        "bila {start_short} sekarang, paling lambat {when}.",
        "en": 'Done at most {amount} after {start} (service standard: "{published}"); '
        "if {start_short} now, by {when} at the latest.",
    },
    "standard.start.berkas-lengkap": {
        "id": "berkas lengkap",
        "en": "the files are found complete",
    },
    "standard.start-short.berkas-lengkap": {"id": "berkas lengkap", "en": "complete"},
    "standard.start.permohonan-diterima": {
        "id": "permohonan diterima",
        "en": "the application is received",
    },
    "standard.start-short.permohonan-diterima": {
        "id": "permohonan diterima",
        "en": "received",
    },
    "standard.complaints": {"id": "Pengaduan: {channels}.", "en": "Complaints: {channels}."},
    "standard.fee": {"id": "Biaya: {fee}.", "en": "Fee: {fee}."},
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
    # -- day names, Monday = 0 (``day_name``), from the one list in ``adminduk._core.days`` -------
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


class _Named(Protocol):
    def name(self, lang: str = "id") -> str: ...


def service_name(service: _Named, lang: Lang) -> str:
    """A service as a citizen reads it: :meth:`adminduk.Service.name`, the one rule.

    Kept for the renderers; it takes any object with that method, so this module imports
    nothing of the catalogue.

    Examples:
        >>> from adminduk import Service
        >>> service_name(Service.parse("kk/perubahan"), "en")
        'Family card (KK): change of data'
        >>> service_name(Service.parse("ikd/baru"), "id")
        'Identitas Kependudukan Digital (IKD): aktivasi'
    """
    return service.name(lang)


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
