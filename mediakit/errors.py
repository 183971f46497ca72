"""Every exception mediakit raises on purpose.

Each class also inherits from the builtin a caller would naturally catch
(``except ValueError`` keeps working), carries the file and position where
that makes sense, and says how to fix the problem in its message.
All of them survive a pickle round trip, so worker processes can report them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "MediakitError",
    "LoadError",
    "InputError",
    "UnknownBackendError",
    "MissingDependencyError",
    "RenderError",
    "LanguageWarning",
    "value_invalid_msg",
]


class MediakitError(Exception):
    """Base class of every error mediakit raises on purpose."""


class LoadError(MediakitError, ValueError):
    """A file or record could not be read as an article.

    Attributes:
        path: the file (or ``"<string>"``) that failed.
        line: 1-based line (or record) number inside it, if known.
        reason: the problem, in a few words.
    """

    def __init__(self, reason: str, *, path: Any = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(reason, path, line)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_load_error, (self.reason, self.path, self.line))


def _rebuild_load_error(reason: str, path: str | None, line: int | None) -> LoadError:
    return LoadError(reason, path=path, line=line)


class InputError(MediakitError, TypeError, ValueError):
    """An argument is of the wrong type or has an invalid value."""


class UnknownBackendError(MediakitError, ValueError):
    """A sentiment (or other) backend name that is not registered."""


class MissingDependencyError(MediakitError, ImportError):
    """An optional package is not installed; the message says which extra to install."""


class RenderError(MediakitError):
    """A notebook failed while rendering a report.

    Attributes:
        notebook: path of the notebook that failed.
        cell_index: index of the failing cell, if known.
        ename: the exception name raised inside the notebook, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        notebook: str | None = None,
        cell_index: int | None = None,
        ename: str | None = None,
    ) -> None:
        self.message = message
        self.notebook = notebook
        self.cell_index = cell_index
        self.ename = ename
        super().__init__(message, notebook, cell_index, ename)

    def __str__(self) -> str:
        where = self.notebook or "<notebook>"
        if self.cell_index is not None:
            where += f", cell {self.cell_index}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_render_error, (self.message, self.notebook, self.cell_index, self.ename))


def _rebuild_render_error(
    message: str, notebook: str | None, cell_index: int | None, ename: str | None
) -> RenderError:
    return RenderError(message, notebook=notebook, cell_index=cell_index, ename=ename)


class LanguageWarning(UserWarning):
    """The text does not look English, and mediakit's lexicons are English."""


def value_invalid_msg(name: str, value: Any, valid: Iterable[Any]) -> str:
    """Build the one "must be one of" message used everywhere.

    >>> value_invalid_msg("backend", "vadr", ["textblob", "vader"])
    "backend='vadr' is invalid; it must be one of: 'textblob', 'vader'"
    """
    options = ", ".join(repr(v) for v in valid)
    return f"{name}={value!r} is invalid; it must be one of: {options}"
