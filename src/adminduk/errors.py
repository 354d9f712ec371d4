"""Every error adminduk raises on bad input.

The whole tree, in one place::

    AdmindukError                       base of everything below
    ├── ConfigError (ValueError)        an office file or model is invalid; lists every problem
    ├── OfficeNotFound (LookupError)    no registered office answers to that code or slug
    ├── RegionNotFound (LookupError)    no region has that code (on that date)
    ├── UnknownService (ValueError)     not a service of the catalogue (``document/action``)
    ├── UnknownReason (ValueError)      not an urgency reason the office accepts
    ├── OutOfRange (ValueError)         an instant or date outside what the data can answer for
    ├── NeedsDatetime (TypeError)       a date given where the moment (a datetime) matters
    ├── TransitionError                 a request event the current status does not allow
    ├── MissingExtra (ImportError)      a feature needs an optional extra that is not installed
    ├── NotOffered (ValueError)         a service or channel the office does not offer then
    └── IdentityError (ValueError)      a personal identifier that does not check out
        ├── NikError                    a NIK (Nomor Induk Kependudukan)
        ├── KkNumberError               a KK (Kartu Keluarga) number
        └── PhoneNumberError            a phone number, e.g. a WhatsApp number

Each error carries structured fields besides its message, so an application can react without
parsing text: ``UnknownService.value`` and ``.suggestions``, ``ConfigError.problems``,
``TransitionError.status`` / ``.event`` / ``.allowed``, ``NikError.part``. Messages name the
field, the value and what would be valid; personal identifiers are never echoed.

Examples:
    >>> from adminduk._core.errors import AdmindukError, UnknownService
    >>> err = UnknownService("ktp-el/terbang", suggestions=("ktp-el/baru",))
    >>> isinstance(err, AdmindukError), isinstance(err, ValueError)
    (True, True)
    >>> print(err)
    unknown service 'ktp-el/terbang'; did you mean 'ktp-el/baru'?
"""

from __future__ import annotations

# The types are written in adminduk._core.errors, below every layer; this module is where users
# (and the rest of the library) import them. ``_rebuild`` is here because pickles name it here.
from adminduk._core.errors import AdmindukError as AdmindukError
from adminduk._core.errors import ConfigError as ConfigError
from adminduk._core.errors import ConfigProblem as ConfigProblem
from adminduk._core.errors import IdentityError as IdentityError
from adminduk._core.errors import KkNumberError as KkNumberError
from adminduk._core.errors import MissingExtra as MissingExtra
from adminduk._core.errors import NeedsDatetime as NeedsDatetime
from adminduk._core.errors import NikError as NikError
from adminduk._core.errors import NotOffered as NotOffered
from adminduk._core.errors import OfficeNotFound as OfficeNotFound
from adminduk._core.errors import OutOfRange as OutOfRange
from adminduk._core.errors import PhoneNumberError as PhoneNumberError
from adminduk._core.errors import RegionNotFound as RegionNotFound
from adminduk._core.errors import UnknownReason as UnknownReason
from adminduk._core.errors import UnknownService as UnknownService
from adminduk._core.errors import _rebuild as _rebuild
from adminduk._core.transition_error import TransitionError as TransitionError

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "AdmindukError",
    "ConfigError",
    "ConfigProblem",
    "IdentityError",
    "KkNumberError",
    "MissingExtra",
    "NeedsDatetime",
    "NikError",
    "NotOffered",
    "OfficeNotFound",
    "OutOfRange",
    "PhoneNumberError",
    "RegionNotFound",
    "TransitionError",
    "UnknownReason",
    "UnknownService",
]
# -- end of the public names --
