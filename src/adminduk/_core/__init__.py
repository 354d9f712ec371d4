"""The bottom layer: what every other part of adminduk stands on, and nothing of theirs.

Its modules check arguments (:mod:`~adminduk._core.arguments`), translate validation errors
(:mod:`~adminduk._core.validation`), mask personal data (:mod:`~adminduk._core.redact`), define
the error types (:mod:`~adminduk._core.errors`, published as :mod:`adminduk.errors`), serve
precomputed package data, and load and publish each package's public names. They import only
each other and the standard library (pydantic for validation), never a package above them:
the import-layers contract in ``pyproject.toml`` holds that.
"""
