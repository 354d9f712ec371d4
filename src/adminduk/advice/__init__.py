"""``advise()``: the library's main job, composing catalogue, office rules, calendar and triage.

A citizen (or the bot speaking for one) says which office, which service, when, and why it is
urgent; :func:`advise` answers what to do — apply online through which channel, come to the
counter, wait, or that the service is not offered now — with the checklist, the opening hours
and the reasons, each reason citing the rule that gave it and the source of the fact it rests on.

The package's modules, each with one job, each importing only those above it in this list:

- ``_wording``: the reply's wording, in Indonesian and English;
- ``_values``: a citation, a reason, the fields of an answer;
- ``_render``: the WhatsApp reply, full and short; ``_model``: :class:`Advice` itself;
- ``_reasons``: the reasons of an answer, worded and cited;
- ``_plan``: decision use — the triage decision worded, once per situation;
- ``_standard``: what an answer takes from the office's published standard;
- ``_advise``: :func:`advise`, checking its arguments once; ``_menu``: :func:`menu`.

Examples:
    >>> from datetime import datetime
    >>> from adminduk import advise
    >>> print(advise("52.71", "kk/baru", at=datetime(2020, 3, 24, 10)).to_message("en"))
    ... # doctest: +ELLIPSIS
    Please apply for family card (KK): first issuance online.
    ...
"""

from adminduk._core import public as _public
from adminduk.advice._advise import advise
from adminduk.advice._menu import MenuItem, menu
from adminduk.advice._model import Advice
from adminduk.advice._values import AdviceReason, Citation

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "Advice",
    "AdviceReason",
    "Citation",
    "MenuItem",
    "advise",
    "menu",
]
# -- end of the public names --

# Reprs, pickles and the docs name adminduk.advice, never the private module behind it.
_public.publish(__name__, __all__, globals())
