"""Lazy imports of optional packages with a fix in the error message."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError


def require(module: str, *, extra: str | None = None, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependencyError` saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        hint = f"pip install 'mediakit[{extra}]'" if extra else f"pip install {package or module}"
        raise MissingDependencyError(f"{module} is required for this feature: {hint}") from None
