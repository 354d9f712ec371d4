"""The wording of advice, in Indonesian and English: one catalogue, no scattered strings.

Each entry is a ``str.format`` template with named fields. Keys are stable; a translator
changes the text, never the keys or the fields a template uses (a test checks both languages
use the same fields).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from adminduk.documents import Service

__all__ = ["LANGS", "TEXT", "Lang", "service_name", "text"]

Lang = Literal["id", "en"]
LANGS: Final[tuple[Lang, ...]] = ("id", "en")

TEXT: Final[dict[str, dict[Lang, str]]] = {
    # -- why: one per triage rule ------------------------------------------------------------
    "rule.suspended": {
        "id": "Layanan {service} sedang ditunda oleh kantor: {why}.",
        "en": "The office has suspended {service} for now: {why}.",
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
    "rule.online": {
        "id": "Kantor melayani {service} secara online; tidak perlu datang ke kantor.",
        "en": "The office handles {service} online; there is no need to come in.",
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
    "rule.no-whatsapp-wait": {
        "id": "{service} saat ini hanya dilayani lewat WhatsApp dan loket tidak melayani "
        "keperluan Anda; minta bantuan keluarga yang memakai WhatsApp, atau tunggu sampai "
        "layanan tatap muka dibuka kembali.",
        "en": "{service} is only handled over WhatsApp now and the counter does not serve "
        "your case; ask a relative who uses WhatsApp, or wait until the counter reopens.",
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
    "reason.national": {
        "id": "Kantor hanya menyebut contoh keperluan mendesak; {reasons} termasuk keperluan "
        "mendesak menurut instruksi nasional Ditjen Dukcapil.",
        "en": "The office names only examples of urgent needs; {reasons} is urgent under the "
        "national instruction of the Directorate General of Dukcapil.",
    },
    "hours.default": {
        "id": "Jam layanan kantor ini tidak tercantum dalam sumber; yang dipakai adalah jam "
        "kerja nasional instansi pemerintah ({basis}).",
        "en": "The sources give no hours for this office; the national government working "
        "hours are used instead ({basis}).",
    },
    "fulfilment.pickup": {
        "id": "Dokumen yang sudah jadi: {pickup}.",
        "en": "Finished documents: {pickup}.",
    },
    "fulfilment.ready": {
        "id": "Perkiraan dokumen dapat diambil: {when} ({days} hari kerja).",
        "en": "Expected ready for pick-up: {when} ({days} working days).",
    },
    "fulfilment.originals": {
        "id": "Bawa dokumen persyaratan asli saat pengambilan; petugas akan mencocokkannya.",
        "en": "Bring the original documents at pick-up; staff check them against your files.",
    },
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
    "caveat": {"id": "Perhatian: {text}", "en": "Note: {text}"},
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
    "msg.requirements": {"id": "Persyaratan:", "en": "Requirements:"},
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
    "msg.when": {"id": "{day} pukul {time} {zone}", "en": "{day} at {time} {zone}"},
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


def service_name(service: Service, lang: Lang) -> str:
    """A service as a citizen reads it: the document's name, then the action's.

    Examples:
        >>> from adminduk import Service
        >>> service_name(Service.parse("kk/perubahan"), "en")
        'Family card (KK): change of data'
    """
    from adminduk.documents import catalogue

    cat = catalogue()
    return f"{cat.document_name(service.document, lang)}: {cat.action_name(service.action, lang)}"
