"""Every text the service shows: citizens' replies (Indonesian only), the officer page's labels.

One table per kind, keyed by the library's own codes, so a new status or event of the library
shows up as a missing key in the tests rather than as a blank reply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from adminduk import RequestEvent, RequestStatus, Service, catalogue

__all__ = [
    "DETAIL_LABELS",
    "EVENT_LABELS",
    "STATUS_LABELS",
    "Reply",
    "notification",
    "service_label",
]


class Reply:
    """The bot's fixed replies to a citizen, in Indonesian."""

    NOT_UNDERSTOOD: Final = (
        "Maaf, kami belum memahami keperluan Anda. Tuliskan keperluan Anda dengan kalimat "
        'singkat, misalnya "KTP hilang", "bikin KK baru" atau "akta kelahiran anak".'
    )
    NOT_TEXT: Final = (
        "Maaf, saat ini kami hanya dapat membaca pesan teks. Silakan tuliskan keperluan Anda."
    )
    CONFIRM: Final = 'Apakah maksud Anda: {service}?\nBalas "ya" atau "tidak".'
    DECLINED: Final = "Baik. Silakan tuliskan kembali keperluan Anda dengan kata-kata lain."
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
        "Permohonan Anda sudah terdaftar dengan nomor {number}: {service}, melalui {channel}. "
        "Kami akan mengabarkan perkembangannya lewat WhatsApp ini."
    )


YES: Final = frozenset({"ya", "y", "iya", "betul", "benar", "ok", "oke", "yes"})
NO: Final = frozenset({"tidak", "tdk", "gak", "nggak", "enggak", "bukan", "no", "n"})
REGISTER: Final = frozenset({"daftar", "daftarkan", "ajukan"})


STATUS_LABELS: Final[Mapping[RequestStatus, str]] = {
    RequestStatus.SUBMITTED: "Diajukan",
    RequestStatus.VERIFYING: "Sedang diverifikasi",
    RequestStatus.INCOMPLETE: "Berkas kurang",
    RequestStatus.VERIFIED: "Terverifikasi",
    RequestStatus.PROCESSING: "Sedang dicetak",
    RequestStatus.READY: "Siap diambil",
    RequestStatus.DELIVERED: "Dikirim ke kecamatan/desa",
    RequestStatus.COMPLETED: "Selesai",
    RequestStatus.REJECTED: "Ditolak",
    RequestStatus.WITHDRAWN: "Dibatalkan",
}

EVENT_LABELS: Final[Mapping[RequestEvent, str]] = {
    RequestEvent.START_VERIFICATION: "Mulai verifikasi",
    RequestEvent.MARK_INCOMPLETE: "Tandai berkas kurang",
    RequestEvent.RESUBMIT: "Berkas sudah dikirim ulang",
    RequestEvent.APPROVE: "Setujui",
    RequestEvent.START_PROCESSING: "Mulai cetak",
    RequestEvent.MARK_READY: "Siap diambil",
    RequestEvent.DELIVER: "Kirim ke kecamatan/desa",
    RequestEvent.HAND_OVER: "Serahkan ke pemohon",
    RequestEvent.REJECT: "Tolak",
    RequestEvent.WITHDRAW: "Batalkan",
}

DETAIL_LABELS: Final[Mapping[str, str]] = {
    "missing": "Berkas yang kurang (pisahkan dengan koma)",
    "reason": "Alasan",
    "pickup_place": "Tempat pengambilan",
    "originals_checked": "Berkas asli sudah diperiksa",
    "note": "Catatan",
}

_NOTIFICATIONS: Final[Mapping[RequestEvent, str]] = {
    RequestEvent.START_VERIFICATION: (
        "Permohonan nomor {number} ({service}) sedang diperiksa petugas."
    ),
    RequestEvent.MARK_INCOMPLETE: (
        "Berkas permohonan nomor {number} ({service}) belum lengkap atau tidak terbaca. "
        "Mohon kirim kembali: {missing}."
    ),
    RequestEvent.RESUBMIT: (
        "Berkas permohonan nomor {number} ({service}) sudah kami terima kembali dan sedang "
        "diperiksa."
    ),
    RequestEvent.APPROVE: (
        "Berkas permohonan nomor {number} ({service}) lengkap dan sudah disetujui."
    ),
    RequestEvent.START_PROCESSING: "Dokumen permohonan nomor {number} ({service}) sedang dicetak.",
    RequestEvent.MARK_READY: (
        "Dokumen permohonan nomor {number} ({service}) sudah siap diambil{place}."
    ),
    RequestEvent.DELIVER: (
        "Dokumen permohonan nomor {number} ({service}) sudah dikirim ke kantor kecamatan atau "
        "desa{place}."
    ),
    RequestEvent.HAND_OVER: (
        "Dokumen permohonan nomor {number} ({service}) sudah diserahkan. Terima kasih."
    ),
    RequestEvent.REJECT: "Mohon maaf, permohonan nomor {number} ({service}) ditolak.",
    RequestEvent.WITHDRAW: "Permohonan nomor {number} ({service}) sudah dibatalkan.",
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

    Examples:
        >>> from adminduk import Service
        >>> print(notification(RequestEvent.MARK_INCOMPLETE, 7, Service.parse("kk/perubahan"),
        ...                    missing=["foto KK lama"], reason="foto buram"))
        Berkas permohonan nomor 7 (Penerbitan Kartu Keluarga karena perubahan data) belum lengkap atau tidak terbaca. Mohon kirim kembali: foto KK lama.
        Keterangan petugas: foto buram.
    """  # noqa: E501
    text = _NOTIFICATIONS[event].format(
        number=number,
        service=service_label(service),
        missing=", ".join(missing),
        place=f" di {pickup_place}" if pickup_place else "",
    )
    if reason:
        text += f"\nKeterangan petugas: {reason.rstrip('.')}."
    return text
