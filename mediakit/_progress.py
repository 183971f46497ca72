"""Progress bars: tqdm's auto bar (a widget in Jupyter, text in a terminal) only when one is shown."""

from __future__ import annotations

from typing import Any


def progress_bar(*, enabled: bool, **kwargs: Any) -> Any:
    """A ``tqdm`` bar; ``tqdm.auto`` only when ``enabled``.

    ``tqdm.auto`` warns ("IProgress not found") in a Jupyter without
    ipywidgets even for a disabled bar, so a hidden bar uses plain ``tqdm``.

    >>> with progress_bar(enabled=False, total=2) as bar:
    ...     bar.update(2)
    """
    if enabled:
        from tqdm.auto import tqdm as auto_bar

        return auto_bar(**kwargs)
    from tqdm import tqdm as plain_bar

    return plain_bar(disable=True, **kwargs)
