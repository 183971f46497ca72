"""Shared fixtures: paths to real files and short inline news texts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
BUNDLED = ROOT / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt"
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_article():  # type: ignore[no-untyped-def]
    import mediakit as mk

    return mk.load_article(BUNDLED)


@pytest.fixture(scope="session")
def html_path() -> Path:
    return DATA / "harbour-closure.html"
