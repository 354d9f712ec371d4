"""The national default on cuti bersama: the ``[calendar]`` section of the national law file.

What an office file that says nothing of cuti bersama rests on. Apart from the office models
(:mod:`adminduk.schedule._models`, which a first ``get_office`` imports): a precomputed office
already holds its value, so loading one builds none of the models that validate this section.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations), as in
# the office models: pydantic evaluating strings costs a cold start.
import functools

from adminduk._core.validation import ConfigErrorModel, Text, frozen_config
from adminduk._law import reader

__all__ = ["national_default"]


class _CalendarSection(ConfigErrorModel):
    """The national law file's ``[calendar]``: the default on cuti bersama and its source."""

    model_config = frozen_config()

    cuti_bersama_default_source: Text
    source: Text


class _Calendar(ConfigErrorModel):
    """The sections of the national law file this module reads."""

    model_config = frozen_config()

    calendar: _CalendarSection


_read_calendar = reader(_Calendar, "calendar")


@functools.cache  # one object, however often asked (DEFAULT_CUTI_BERSAMA_SOURCE is it)
def national_default() -> str:
    """Why an office closes on cuti bersama where its file says nothing, as the law file says.

    Examples:
        >>> national_default().startswith("Default: closed on cuti bersama.")
        True
    """
    return _read_calendar().calendar.cuti_bersama_default_source
