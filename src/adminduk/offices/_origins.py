"""What the registry tells about a plugin that failed, and where a registered office comes from.

Kept apart from the registry so that a lookup that needs neither does not build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adminduk._core.public import publish

__all__ = ["OfficeOrigin", "PluginFailure"]


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """An office plugin that could not be loaded or registered, and why.

    Attributes:
        plugin: the entry point's name.
        value: what the entry point points at (``module:attribute``).
        distribution: the installed distribution and version that declares it, if known.
        message: what went wrong and what would be valid.
        error: the exception itself (for a ``ConfigError``, its ``problems``).

    Examples:
        >>> failure = PluginFailure("kabupaten-x", "x_office:OFFICE", "x-office 1.0",
        ...                         "ModuleNotFoundError: No module named 'x_office'")
        >>> print(failure)
        office plugin 'kabupaten-x' (x_office:OFFICE, from x-office 1.0): ModuleNotFoundError: No module named 'x_office'
    """  # noqa: E501

    plugin: str
    value: str
    distribution: str | None
    message: str
    error: BaseException | None = field(default=None, compare=False)

    def __str__(self) -> str:
        origin = f", from {self.distribution}" if self.distribution else ""
        return f"office plugin {self.plugin!r} ({self.value}{origin}): {self.message}"


@dataclass(frozen=True, slots=True)
class OfficeOrigin:
    """Where a registered office comes from: built in, ``register()``, or a plugin.

    Attributes:
        kind: ``"built-in"``, ``"register()"`` or ``"plugin"``.
        plugin: the entry point's name (plugins only).
        value: what the entry point points at (plugins only).
        distribution: the installed package and version that declares it, if known.
        replaces_builtin: a plugin that takes the place of a built-in office.

    Examples:
        >>> origin = OfficeOrigin("plugin", "35.13", "p:OFFICE", "adminduk-p 2.0", True)
        >>> print(origin)
        plugin '35.13' (p:OFFICE, from adminduk-p 2.0), replacing the built-in office
        >>> origin.package
        'adminduk-p 2.0'
        >>> str(OfficeOrigin("built-in"))
        'built-in'
    """

    kind: str
    plugin: str | None = None
    value: str | None = None
    distribution: str | None = None
    replaces_builtin: bool = False

    @property
    def package(self) -> str | None:
        """The package and version a plugin comes from, else its entry point's target."""
        return self.distribution or self.value

    def __str__(self) -> str:
        if self.kind != "plugin":
            return self.kind
        origin = f", from {self.distribution}" if self.distribution else ""
        text = f"plugin {self.plugin!r} ({self.value}{origin})"
        return text + (", replacing the built-in office" if self.replaces_builtin else "")


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.offices", __all__, globals())
