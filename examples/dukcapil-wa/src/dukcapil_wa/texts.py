"""Every text the service shows: citizens' replies (Indonesian only), the officer page's labels.

One table per kind, keyed by the library's own codes, so a new status or event of the library
shows up as a missing key in the tests rather than as a blank reply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

from adminduk import RequestEvent, RequestStatus, Service, catalogue

__all__ = [
    "CHANNEL_LABELS",
    "DETAIL_LABELS",
    "EVENT_LABELS",
    "ROLE_LABELS",
    "STATUS_LABELS",
    "Reply",
    "day_name",
    "notification",
    "service_label",
    "size_text",
]


class Reply:
    """The bot's fixed replies to a citizen, in Indonesian."""

    NOT_UNDERSTOOD: Final = (
        "Maaf, kami belum memahami keperluan Anda. Tuliskan keperluan Anda dengan kalimat "
        'singkat, misalnya "KTP hilang", "bikin KK baru" atau "akta kelahiran anak".'
    )
    NOT_TEXT: Final = (
        "Maaf, kami hanya dapat membaca pesan teks, foto dan PDF. Silakan tuliskan keperluan Anda."
    )
    MENU: Final = (
        "Selamat datang di layanan WhatsApp {office}. Pilih layanan dari daftar, atau tuliskan "
        'keperluan Anda, misalnya "KTP hilang". Anda juga dapat menanyakan "jam buka" atau '
        '"status permohonan".'
    )
    MENU_BUTTON: Final = "Pilih layanan"
    ALSO_NAMED: Final = "\n\nAnda juga menyebut: {services}. Tuliskan layanan itu setelah ini."
    DETAIL_HINT: Final = '\n\nBalas "daftar" untuk mendaftarkan permohonan ini.'
    NO_DETAIL: Final = "Belum ada layanan yang dipilih. Tuliskan dulu keperluan Anda."
    THANKS: Final = "Sama-sama. Semoga urusan Anda lancar."
    ASK_NAME: Final = "Tuliskan nama lengkap pemohon, sesuai Kartu Keluarga (KK)."
    BAD_NAME: Final = (
        "Nama itu tidak dapat kami baca. Tuliskan nama lengkap pemohon dengan huruf, "
        "sesuai Kartu Keluarga (KK)."
    )
    ASK_NIK: Final = (
        "Terima kasih. Sekarang tuliskan NIK pemohon (16 angka, tertera di KTP-el atau KK)."
    )
    BAD_NIK: Final = (
        "NIK itu tidak sah ({problem}). Periksa kembali 16 angka NIK pemohon di KTP-el atau "
        "KK, lalu kirim ulang."
    )
    ASK_FILES: Final = (
        "Kirim foto yang jelas atau pindaian (PDF) berkas berikut, satu berkas per pesan:\n"
        "{items}\n"
        'Balas "selesai" bila semua berkas sudah terkirim.'
    )
    ASK_FILES_NONE: Final = (
        "Bila petugas memerlukan berkas, kami akan memintanya lewat WhatsApp ini."
    )
    BRING_FILES: Final = "Bawa berkas berikut ke loket Dinas Dukcapil saat dipanggil:\n{items}"
    FILES_NOT_TAKEN: Final = (
        "Maaf, layanan WhatsApp ini belum dapat menerima berkas. Bawa berkasnya ke loket "
        "Dinas Dukcapil."
    )
    FILE_RECEIVED: Final = (
        "Berkas diterima untuk permohonan nomor {number}: {kind}, {size}. "
        'Kirim berkas berikutnya, atau balas "selesai".'
    )
    FILE_TOO_LARGE: Final = (
        "Maaf, berkas itu terlalu besar (paling besar {limit}). Kirim foto yang lebih kecil "
        "atau PDF dengan resolusi lebih rendah."
    )
    FILE_TYPE: Final = "Maaf, kami hanya menerima foto (JPEG, PNG, WebP) dan PDF."
    FILE_FETCH: Final = (
        "Maaf, berkas itu belum dapat kami ambil dari WhatsApp. Silakan kirim ulang sebentar lagi."
    )
    FILE_NOT_EXPECTED: Final = (
        "Kami belum menunggu berkas dari nomor ini. Tuliskan dulu keperluan Anda, lalu balas "
        '"daftar"; setelah permohonan terdaftar, kirim berkasnya di sini.'
    )
    FILE_CLOSED: Final = (
        "Permohonan nomor {number} sudah selesai diproses, jadi berkas ini tidak kami simpan."
    )
    FILES_DONE: Final = (
        "Terima kasih, berkas permohonan nomor {number} sudah kami terima ({count} berkas). "
        "Petugas akan memeriksanya; kami kabari lewat WhatsApp ini."
    )
    FILES_NONE_YET: Final = (
        "Belum ada berkas yang kami terima untuk permohonan nomor {number}. Kirim foto atau "
        'PDF berkasnya dulu, lalu balas "selesai".'
    )
    NO_REQUESTS: Final = (
        "Belum ada permohonan yang terdaftar dari nomor WhatsApp ini. Tuliskan keperluan Anda "
        'untuk memulai, misalnya "KTP hilang".'
    )
    UNKNOWN_REQUEST: Final = (
        "Permohonan nomor {number} tidak kami temukan untuk nomor WhatsApp ini. Periksa "
        'nomornya, atau tulis "status" saja untuk melihat permohonan Anda.'
    )
    STATUS: Final = "Permohonan nomor {number} ({service}): {status}.\n{next}"
    DUE: Final = "\nTarget selesai: {due}."
    HOURS_OPEN_NOW: Final = "{office} sedang buka."
    HOURS_CLOSED_NOW: Final = "{office} sedang tutup."
    HOURS_TODAY: Final = " Jam layanan hari ini ({day}): {hours}."
    HOURS_TODAY_CLOSED: Final = " Hari ini ({day}) tidak ada layanan."
    HOURS_NEXT: Final = " Buka berikutnya: {when}."
    OFFICE_CHOSEN: Final = "Baik, kami layani Anda untuk {office}."
    OFFICE_FIXED: Final = (
        "Layanan WhatsApp ini khusus untuk {office}. Untuk Dinas Dukcapil lain, hubungi "
        "layanan WhatsApp Dinas tersebut."
    )
    STILL_NAME: Final = "\n\nKami masih menunggu nama lengkap pemohon."
    STILL_NIK: Final = "\n\nKami masih menunggu NIK pemohon (16 angka)."
    STILL_FILES: Final = (
        "\n\nKami masih menunggu berkas permohonan nomor {number}: kirim foto atau PDF, lalu "
        'balas "selesai".'
    )
    STILL_ADVISED: Final = (
        '\n\nBalas "daftar" untuk mendaftarkan {service}, atau "rincian" untuk keterangan lengkap.'
    )
    ASK_OFFICE: Final = (
        "Layanan ini diurus di Dinas Dukcapil kabupaten atau kota tempat Anda terdaftar. "
        "Di mana itu? Tuliskan kode wilayahnya (misalnya 35.14) atau namanya "
        "(misalnya kabupaten-pasuruan)."
    )
    OFFICE_NOT_FOUND: Final = "Maaf, kami tidak menemukan Dinas Dukcapil dengan nama itu."
    OFFICE_SUGGEST: Final = " Maksud Anda: {choices}?"
    OFFICE_HINT: Final = (
        " Tuliskan kode wilayahnya (misalnya 35.14) atau namanya (misalnya kota-mataram)."
    )
    REGISTER_HINT: Final = (
        '\n\nBalas "daftar" untuk mendaftarkan permohonan ini, atau tuliskan keperluan lain.'
    )
    NOTHING_TO_REGISTER: Final = (
        'Belum ada layanan yang dipilih. Tuliskan dulu keperluan Anda, misalnya "KTP hilang".'
    )
    NOT_REGISTRABLE: Final = (
        "Maaf, permohonan ini tidak dapat didaftarkan lewat WhatsApp saat ini. "
        "Silakan ikuti petunjuk yang kami kirimkan sebelumnya."
    )
    PHONE_REFUSED: Final = (
        "Maaf, pendaftaran lewat WhatsApp hanya untuk nomor seluler Indonesia. "
        "Silakan datang ke loket Dinas Dukcapil."
    )
    SLOW_DOWN: Final = (
        "Maaf, pesan dari nomor ini terlalu banyak dalam waktu singkat. Pesan berikutnya baru "
        "kami balas beberapa menit lagi."
    )
    REGISTERED: Final = (
        "Permohonan Anda sudah terdaftar dengan nomor {number}: {service}, atas nama "
        "{name} (NIK {nik}). Kami akan mengabarkan perkembangannya lewat WhatsApp ini.\n\n"
    )


REGISTER: Final = frozenset({"daftar", "daftarkan", "ajukan", "mau daftar", "daftar sekarang"})
DETAIL: Final = frozenset({"rincian", "rinci", "detail", "selengkapnya", "lengkapnya"})
DONE: Final = frozenset({"selesai", "sudah semua", "sudah", "cukup", "beres"})
CHANGE_OFFICE: Final = (
    "ganti kantor",
    "ganti dinas",
    "ubah kantor",
    "pindah kantor",
    "kantor lain",
)

MENU_ROWS: Final = (
    ("ktp-el/baru", "KTP-el baru"),
    ("ktp-el/cetak-ulang", "KTP-el hilang/rusak"),
    ("ktp-el/perubahan", "Ubah data KTP-el"),
    ("kk/baru", "KK baru"),
    ("kk/perubahan", "Ubah data/anggota KK"),
    ("kk/cetak-ulang", "KK hilang/rusak"),
    ("akta-kelahiran/baru", "Akta kelahiran"),
    ("akta-kematian/baru", "Akta kematian"),
    ("kia/baru", "KIA (kartu anak)"),
    ("skpwni/baru", "Pindah keluar (SKPWNI)"),
)
"""The menu's rows: the services asked for most, each a short title (24 characters at most)."""

MENU_PREFIX: Final = "layanan:"

DAYS: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS: Final = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


STATUS_LABELS: Final[Mapping[RequestStatus, str]] = {
    status: status.label("id") for status in RequestStatus
}
"""The statuses' Indonesian names, from the library's text catalogue."""

EVENT_LABELS: Final[Mapping[RequestEvent, str]] = {
    event: event.label("id") for event in RequestEvent
}
"""The events' Indonesian button names, from the library's text catalogue."""

CHANNEL_LABELS: Final[Mapping[str, str]] = {
    "whatsapp": "WhatsApp",
    "counter": "Loket",
    "portal": "Portal daring",
    "app": "Aplikasi",
}

ROLE_LABELS: Final[Mapping[str, str]] = {"officer": "petugas", "supervisor": "supervisor"}

DETAIL_LABELS: Final[Mapping[str, str]] = {
    "missing": "Berkas lain yang kurang (pisahkan dengan koma)",
    "reason": "Alasan",
    "pickup_place": "Tempat pengambilan",
    "originals_checked": "Berkas asli sudah diperiksa",
    "note": "Catatan",
}


def service_label(service: Service | str) -> str:
    """The service's Indonesian name from the national catalogue.

    Examples:
        >>> service_label("kk/perubahan")
        'Penerbitan Kartu Keluarga karena perubahan data'
    """
    return catalogue()[Service.parse(service)].name_id


def notification(
    event: RequestEvent,
    number: int,
    service: Service,
    *,
    missing: Sequence[str] = (),
    reason: str | None = None,
    pickup_place: str | None = None,
) -> str:
    """What the citizen is told when an officer applies ``event`` to their request.

    The library's message for the event (what happened, what to do next:
    :meth:`adminduk.RequestEvent.citizen_message`), after the request's number, with the
    pick-up place and the officer's remark where there are.

    Examples:
        >>> from adminduk import Service
        >>> print(notification(RequestEvent.MARK_INCOMPLETE, 7, Service.parse("kk/perubahan"),
        ...                    missing=["foto KK lama"], reason="foto buram"))
        Permohonan nomor 7: Berkas permohonan Kartu Keluarga (KK): perubahan data Anda belum lengkap atau tidak terbaca: foto KK lama. Kirim ulang berkas tersebut (foto yang jelas atau PDF) agar dapat diperiksa kembali.
        Keterangan petugas: foto buram.
    """  # noqa: E501
    text = f"Permohonan nomor {number}: " + event.citizen_message(
        service, "id", missing=missing, reason=(reason or "").rstrip(".")
    )
    if pickup_place:
        text += f"\nTempat pengambilan: {pickup_place}."
    if reason and event is not RequestEvent.REJECT:  # a refusal's message names it already
        text += f"\nKeterangan petugas: {reason.rstrip('.')}."
    return text


def day_name(day: date) -> str:
    """A day written the Indonesian way.

    Examples:
        >>> day_name(date(2020, 3, 26))
        'Kamis, 26 Maret 2020'
    """
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def size_text(size: int) -> str:
    """A file size for a citizen: KB below a megabyte, MB above.

    Examples:
        >>> size_text(2048), size_text(5 * 1024 * 1024)
        ('2 KB', '5,0 MB')
    """
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
