"""A pydantic base whose validation errors leave as ``ConfigError``, never ``ValidationError``.

Shared by the models read from outside (office files, service requests), so the three public
ways of validating one — the constructor, ``model_validate`` and ``model_validate_json`` — all
refuse bad input the same way.
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ValidationError

from adminduk.errors import ConfigError

__all__ = ["ConfigErrorModel"]


def _unreadable(cls_name: str, err: RuntimeError) -> ConfigError:
    # A caller's own object whose repr or str fails, or a structure nested past Python's
    # recursion limit: pydantic cannot even describe it, so name the kind of failure only.
    from adminduk.errors import ConfigProblem

    what = "nested too deeply" if isinstance(err, RecursionError) else "an object that fails"
    problem = ConfigProblem("", f"the input cannot be read: {what} ({type(err).__name__})")
    return ConfigError([problem], source=cls_name)


class ConfigErrorModel(BaseModel):
    """Validation problems are raised as one :class:`~adminduk.errors.ConfigError`.

    Subclasses say how pydantic's errors become problems in :meth:`_config_error` (e.g. whether
    the input may be shown: never for personal data).

    Examples:
        >>> class Point(ConfigErrorModel):
        ...     x: int
        >>> Point(x="one")
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: Point: 1 problem
          - x: Input should be a valid integer, unable to parse string as an integer
    """

    @classmethod
    def _config_error(cls, err: ValidationError) -> ConfigError:
        from adminduk.errors import ConfigProblem

        problems = [
            ConfigProblem(".".join(str(part) for part in item["loc"]), item["msg"])
            for item in err.errors(include_input=False, include_url=False)
        ]
        return ConfigError(problems, source=cls.__name__)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise type(self)._config_error(err) from None
        except RuntimeError as err:  # incl. RecursionError: input that cannot be read
            raise _unreadable(cls_name=type(self).__name__, err=err) from None

    # Tell pydantic this __init__ only wraps its own: a model nested in another is then
    # validated in place, so its problems keep their full path in the outer model's error.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate a mapping (or an instance); every problem at once, as a ``ConfigError``.

        Raises:
            ConfigError: every problem, each with its path.
        """
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as err:
            raise cls._config_error(err) from None
        except RuntimeError as err:  # incl. RecursionError: input that cannot be read
            raise _unreadable(cls_name=cls.__name__, err=err) from None

    @classmethod
    def model_validate_json(cls, json_data: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate JSON text; every problem at once, as a ``ConfigError``.

        Raises:
            ConfigError: every problem, each with its path.
        """
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except ValidationError as err:
            raise cls._config_error(err) from None
