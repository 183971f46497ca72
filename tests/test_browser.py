"""The rendered page in a real browser: headless Chromium draws it, and a hostile article runs nothing.

Needs Debian's ``chromium`` on PATH (``.ci/run`` installs it); skipped otherwise.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mediakit.report import render_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (apt-get install chromium)"),
]

HOSTILE = Path(__file__).parent / "data" / "hostile.txt"


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=180, check=False)


def _dom(tmp_path: Path, page: Path) -> str:
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, bundled_path: Path) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    return {
        # 02 draws figures; 01 and 03 show the article's own text in every form (preview, tables, marked-up view)
        "bundled": render_report(bundled_path, out / "bundled.html", notebooks=["01", "02"]),
        "hostile": render_report(HOSTILE, out / "hostile.html", notebooks=["01", "03"]),
    }


def test_page_really_renders(pages: dict[str, Path], tmp_path: Path) -> None:
    import numpy as np
    from PIL import Image

    shot = tmp_path / "page.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2400", pages["bundled"].as_uri())
    assert result.returncode == 0 and shot.is_file(), result.stderr.decode(errors="replace")[-2000:]
    assert shot.stat().st_size > 20_000
    grey = np.asarray(Image.open(shot).convert("L"), dtype=float)
    spread, inked = grey.std(), (grey < 200).mean()
    assert spread > 15 and inked > 0.01, (spread, inked)  # not a blank or single-colour page


def test_dom_has_the_title_and_every_figure(pages: dict[str, Path], tmp_path: Path) -> None:
    dom = _dom(tmp_path, pages["bundled"])
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1) == "Framing analysis: Russia Responds to Donald Trump's Alleged Threat to Strike Moscow"
    stored = pages["bundled"].read_text(encoding="utf-8")
    imgs = re.findall(r"<img\b[^>]*>", dom)
    assert len(imgs) >= 2 and len(imgs) == len(re.findall(r"<img\b", stored))
    assert all('src="data:image/png;base64,' in img for img in imgs)
    assert re.search(r'<nav\b[^>]*class="mk-toc"', dom)


def test_hostile_article_runs_nothing_and_shows_as_text(pages: dict[str, Path], tmp_path: Path) -> None:
    dom = _dom(tmp_path, pages["hostile"])
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1).startswith("Framing analysis: &lt;script&gt;document.title=")  # not 'pwned'
    # in text '<' is always escaped, so a literal '<' starts a real element
    assert not re.search(r'<\w+[^<>]*\bid="pwned', dom), "a script or handler from the article ran"
    assert not re.search(r"<(script|iframe|svg|textarea)\b", dom)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=" in dom
    assert "&lt;/textarea&gt;" in dom
