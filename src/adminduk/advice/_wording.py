"""The wording of the reply a citizen reads, in Indonesian and English: one table.

Each entry is a ``str.format`` template with named fields. Keys are stable; a translator
changes the text, never the keys or the fields a template uses (a test checks both languages
use the same fields). The words every layer shares (language tags, dates, day and month names,
a request's status and event labels, the command's texts) are in ``adminduk._advice_text``,
below every layer; this table is the reply's own, read only by this package.
"""

from __future__ import annotations

from typing import Final, Protocol

from adminduk._advice_text import Lang

__all__ = ["TEXT", "service_name", "text"]

TEXT: Final[dict[str, dict[Lang, str]]] = {
    # -- why: one per triage rule ------------------------------------------------------------
    "rule.suspended": {
        "id": "Kantor menunda {service} untuk sementara: {why}.",
        "en": "The office has put {service} off for now: {why}.",
    },
    # The office's own words on what its postponement leaves in place (a note in its file).
    "rule.suspension-note": {"id": "{note}", "en": "{note}"},
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
        "keperluan Anda; minta bantuan keluarga yang memakai WhatsApp ({channel}), atau tunggu "
        "sampai layanan tatap muka dibuka kembali.",
        "en": "{service} is only handled over WhatsApp now and the counter does not serve "
        "your case; ask a relative who uses WhatsApp ({channel}), or wait until the counter "
        "reopens.",
    },
    "rule.not-introduced": {
        "id": "{service} belum ada pada tanggal itu: layanan ini diatur oleh {basis}, yang "
        "terbit tahun {year}.",
        "en": "{service} did not exist yet on that date: it rests on {basis}, issued in {year}.",
    },
    "rule.urgent-counter-national": {
        "id": "Keperluan mendesak Anda ({reasons}) termasuk yang menurut instruksi nasional tetap "
        "dilayani langsung di loket.",
        "en": "Your urgent need ({reasons}) is one the counter still serves in person under the "
        "national instruction.",
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
        # Present tense: the answer is for a day the instruction holds (or is taken to).
        "en": "The national instruction of the Directorate General of Dukcapil asks people "
        "without an urgent need to wait; the counter serves urgent needs only.",
    },
    # No "please wait" here: the headline says what to do, and with a legal deadline that is
    # not simply to wait.
    "rule.urgent-only-wait": {
        "id": "Loket kantor saat ini hanya melayani keperluan mendesak, dan tidak ada saluran "
        "lain dengan nomor atau alamat yang diketahui untuk keperluan ini.",
        "en": "The office's counter serves urgent needs only for now, and no other channel with "
        "a known number or address takes this.",
    },
    "rule.urgent-only-wait-national": {
        "id": "Menurut instruksi nasional Ditjen Dukcapil, loket hanya melayani keperluan "
        "mendesak, dan tidak ada saluran lain dengan nomor atau alamat yang diketahui untuk "
        "keperluan ini.",
        "en": "Under the national instruction of the Directorate General of Dukcapil the counter "
        "serves urgent needs only, and no other channel with a known number or address takes "
        "this.",
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
        "applies.",
    },
    "channel.unreachable": {
        "id": "{channel} juga menerima keperluan ini, tetapi nomor/alamatnya tidak tercantum "
        "dalam sumber.",
        "en": "This matter is also taken through {channel}, but the sources do not give the "
        "number or address.",
    },
    "national.known": {
        "id": "Instruksi nasional Ditjen Dukcapil berlaku sejak {start}: layanan tatap muka "
        "dibatasi untuk keperluan mendesak, dan warga lain diminta menunda.",
        "en": "The national instruction of the Directorate General of Dukcapil has applied since "
        "{start}: face-to-face service is limited to urgent needs, and everyone else is asked "
        "to postpone.",
    },
    "national.known-brief": {
        "id": "Instruksi nasional Ditjen Dukcapil itu berlaku sejak {start}.",
        "en": "That national instruction of the Directorate General of Dukcapil has applied "
        "since {start}.",
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
        # Not "at this time": the reply may say the office is shut now, or that the rules of
        # the day are not known and these are the office's ordinary ones.
        "id": "Menurut aturan ini, loket melayani semua warga; alasan mendesak tidak diperlukan.",
        "en": "Under these rules the counter serves everyone: no urgent reason is needed.",
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
    "urgent.route-where": {
        "id": "Alamatnya: {where}.",
        "en": "Where: {where}.",
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
        "en": "The reason {reasons} is not among the urgent needs this office accepts on that "
        "date.",
    },
    "reason.urgent-not-exempt": {
        "id": "Keperluan mendesak Anda ({reasons}) tidak mengubah jawaban ini: sumber tidak "
        "menyebut pengecualian bagi keperluan mendesak untuk layanan ini.",
        "en": "Your urgent need ({reasons}) does not change this answer: the sources name no "
        "exception for urgent needs for this service.",
    },
    "reason.urgent-not-yet-a-service": {
        "id": "Keperluan mendesak Anda ({reasons}) tidak mengubah jawaban ini: layanan ini belum "
        "ada pada tanggal itu.",
        "en": "Your urgent need ({reasons}) does not change this answer: the service did not "
        "exist yet on that date.",
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
    # The short reply's deadline where its article is known only second-hand.
    "deadline.bare": {
        "id": "Batas waktu pelaporan: {days} hari {counted_from}.",
        "en": "Reporting deadline: {days} days {counted_from}.",
    },
    # The deadline of a matter the person is told to postpone, or that has no route now: the law
    # does not wait with them.
    "deadline.no-route": {
        "id": "Batas waktu pelaporan: {days} hari {counted_from} ({basis}). Batas ini tetap "
        "berjalan selama Anda menunggu; bila akan terlewati, hubungi kantor sebelum habis.",
        "en": "Reporting deadline: {days} days {counted_from} ({basis}). It keeps running while "
        "you wait; if it is about to pass, contact the office before it runs out.",
    },
    # Not a line of the reply: it cites the sources of the checklist's "(ketentuan kantor)" items.
    "requirements.office": {
        "id": "Persyaratan bertanda (ketentuan kantor) adalah ketentuan kantor ini sendiri.",
        "en": "Items marked (office rule) are this office's own.",
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
    "hours.closed-day": {
        "id": "Hari ini kantor tutup: {names}.",
        "en": "The office is closed today: {names}.",
    },
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
    # The office's own rules are not known, but a national measure still taken to hold narrows
    # them: the answer is not the office's ordinary rules alone.
    "msg.ask-first-measure": {
        "id": "Tanyakan dulu ke kantor: aturan kantor yang berlaku pada tanggal ini belum "
        "diketahui pasti. Menurut aturan biasa kantor dan instruksi nasional: {answer}",
        "en": "Check with the office first: the office's rules in force on this date are not "
        "known for sure. Under its ordinary rules and the national instruction: {answer}",
    },
    "msg.ask-first-measure-short": {
        "id": "Tanyakan dulu ke kantor; aturan kantor saat ini belum pasti. Menurut aturan biasa "
        "dan instruksi nasional: {answer}",
        "en": "Check with the office first; its rules today are not certain. Under its ordinary "
        "rules and the national instruction: {answer}",
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
    "deadline.no-contact": {
        # "At the office", not "at its counter": the counter may serve urgent needs only.
        "id": "Sumber tidak memuat nomor kontak kantor; tanyakan langsung ke kantor sebelum "
        "batas waktu habis.",
        "en": "The sources give no contact number for the office; ask at the office before the "
        "deadline.",
    },
    "deadline.office-number": {
        "id": "Untuk bertanya ke kantor: {line}.",
        "en": "To ask the office: {line}.",
    },
    "deadline.office-number-relative": {
        "id": "Untuk bertanya ke kantor (lewat keluarga yang memakai WhatsApp): {line}.",
        "en": "To ask the office (through a relative who uses WhatsApp): {line}.",
    },
    "msg.outcome.unavailable": {
        "id": "{service} belum dapat dilayani saat ini.",
        "en": "{service} cannot be served at this time.",
    },
    "msg.channels": {"id": "Saluran:", "en": "Channels:"},
    # -- the short reply ----------------------------------------------------------------------
    # "Persyaratan", not "Bawa/siapkan": a checklist holds conditions and steps too ("Berusia 17
    # tahun atau lebih", "Hadir langsung untuk perekaman"), which nobody brings.
    "msg.bring": {"id": "Persyaratan: {items}.", "en": "Requirements: {items}."},
    "msg.bring-more": {
        "id": "Persyaratan: {items}; dan {more} lainnya.",
        "en": "Requirements: {items}; and {more} more.",
    },
    "msg.bring-count": {
        "id": "Ada {count} persyaratan; lihat rincian.",
        "en": "There are {count} requirements; see the details.",
    },
    "msg.bring-count-one": {
        "id": "Ada 1 persyaratan; lihat rincian.",
        "en": "There is 1 requirement; see the details.",
    },
    "msg.one-of-short": {
        "id": "{name} (1 dari {count} pilihan)",
        "en": "{name} (1 of {count} options)",
    },
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
        "id": "Aturan kantor tanpa sumber bertanggal; pastikan ke kantor.",
        "en": "No dated source for the office's rules; check with the office.",
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
    # The office's own rules: a national measure the reply names is dated on its own line.
    "msg.stale-undated": {
        "id": "Perhatian: aturan kantor ini tidak bersandar pada sumber bertanggal; pastikan ke "
        "kantor.",
        "en": "Note: no dated source confirms this office's rules; check with the office.",
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
    "msg.open-until": {
        "id": "Kantor sedang buka sampai {until}.",
        "en": "The office is open now until {until}.",
    },
    "msg.open-until-online": {
        "id": "Saat ini jam kerja: permohonan daring diproses sampai {until}.",
        "en": "It is working time: online applications are handled until {until}.",
    },
    "msg.open-until-break": {
        "id": "Kantor sedang buka sampai {until}, lalu buka lagi {again}.",
        "en": "The office is open now until {until}, and again from {again}.",
    },
    "msg.open-until-break-online": {
        "id": "Saat ini jam kerja: permohonan daring diproses sampai {until}, lalu dilanjutkan "
        "{again}.",
        "en": "It is working time: online applications are handled until {until}, and again "
        "from {again}.",
    },
    "msg.open-now-online": {
        "id": "Saat ini jam kerja: permohonan daring sedang diproses.",
        "en": "It is working time: online applications are being handled now.",
    },
    "msg.next-opening-online": {
        "id": "Permohonan daring diproses lagi mulai {when}.",
        "en": "Online applications are handled again from {when}.",
    },
    "msg.why": {"id": "Keterangan:", "en": "Notes:"},
    "msg.sources": {"id": "Sumber:", "en": "Sources:"},
    "msg.more-sources": {"id": "; dan {count} sumber lain", "en": "; and {count} more"},
    # -- the office's published service standard (offices/_standards.py) -------------------
    "standard.completion": {
        "id": 'Selesai paling lama {amount} sejak {start} (standar pelayanan: "{published}"); '
        "bila {start_short} sekarang, paling lambat {when}.",
        "en": 'Done at most {amount} after {start} (service standard: "{published}"); '
        "if {start_short} now, by {when} at the latest.",
    },
    # The standard gives no start: say only what it says; the day still assumes complete files.
    "standard.completion-start-unstated": {
        "id": 'Selesai paling lama {amount} (standar pelayanan: "{published}"); '
        "bila berkas lengkap sekarang, paling lambat {when}.",
        "en": 'Done at most {amount} (service standard: "{published}"); '
        "if the files are complete now, by {when} at the latest.",
    },
    # The standard starts its time at an event a request does not record (the registration of
    # a marriage): say so, in its words, and give no day the time would run out.
    "standard.completion-start-other": {
        "id": 'Selesai paling lama {amount} {stated} (standar pelayanan: "{published}").',
        "en": 'Done at most {amount} {stated} (service standard: "{published}").',
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
    "msg.time": {"id": "pukul {time} {zone}", "en": "{time} {zone}"},
}


def text(key: str, lang: Lang, **fields: object) -> str:
    """The template ``key`` in ``lang``, filled in.

    Examples:
        >>> text("msg.open-now", "en")
        'The office is open now.'
        >>> text("fulfilment.pickup", "id", pickup="diambil di kantor kecamatan")
        'Dokumen yang sudah jadi: diambil di kantor kecamatan.'
        >>> text("msg.outcome.defer", "en", service="Family card (KK): change of data")
        'Please postpone family card (KK): change of data for now.'
    """
    template = TEXT[key][lang]
    service = fields.get("service")
    # English writes a common noun in lower case within a sentence ("please postpone family
    # card (KK)"); at the head of one it keeps its capital. Indonesian names stay as written.
    if lang == "en" and isinstance(service, str) and not template.startswith("{service}"):
        fields = {**fields, "service": in_a_sentence(service)}
    return template.format(**fields)


def in_a_sentence(name: str) -> str:
    """A name inside a sentence: "Pasien di rumah sakit" is lowered; "BPJS …" and a name in
    title case ("Kartu Keluarga", "Identitas Kependudukan Digital") are not.

    Examples:
        >>> [in_a_sentence(n) for n in ("A patient in hospital", "BPJS health", "TNI/Polri")]
        ['a patient in hospital', 'BPJS health', 'TNI/Polri']
        >>> [in_a_sentence(n) for n in ("Urusan BPJS Kesehatan", "Kartu Keluarga (KK)")]
        ['urusan BPJS Kesehatan', 'Kartu Keluarga (KK)']
    """  # noqa: D205
    words = name.split(" ", 2)
    if not _capitalized(words[0]) or (len(words) > 1 and _capitalized(words[1])):
        return name
    return name[0].lower() + name[1:]


def _capitalized(word: str) -> bool:
    """A word written with a capital first letter only ("Kartu", not "BPJS" or "TNI/Polri")."""
    return word[:1].isupper() and not any(c.isupper() for c in word[1:])


class _Named(Protocol):
    def name(self, lang: str = "id") -> str: ...


def service_name(service: _Named, lang: Lang) -> str:
    """A service as a citizen reads it: :meth:`adminduk.Service.name`, the one rule.

    Examples:
        >>> from adminduk import Service
        >>> service_name(Service.parse("kk/perubahan"), "en")
        'Family card (KK): change of data'
        >>> service_name(Service.parse("ikd/baru"), "id")
        'Identitas Kependudukan Digital (IKD): aktivasi'
    """
    return service.name(lang)
