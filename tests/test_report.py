"""mediakit report: one self-contained page, the article always escaped, failures that name the cell."""

from __future__ import annotations

import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from mediakit.cli import main
from mediakit.errors import InputError, LoadError, RenderError
from mediakit.report import (
    CORPUS_NOTEBOOKS,
    DEFAULT_NOTEBOOKS,
    execute_notebook,
    find_notebooks,
    network_references,
    parse_parameter,
    render_report,
    resolve_path,
)

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "data" / "hostile.txt"
HEADLINE = "Russia Responds to Donald Trump's Alleged Threat to Strike Moscow"


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _tags(page: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory: pytest.TempPathFactory, bundled_path: Path) -> str:
    out = tmp_path_factory.mktemp("report") / "nested" / "bundled.html"
    result = CliRunner().invoke(main, ["report", str(bundled_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out}"
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "hostile.html"
    render_report(HOSTILE, out)
    return out.read_text(encoding="utf-8")


# -- the bundled article --------------------------------------------------------------------------
@pytest.mark.slow
def test_page_has_title_contents_and_every_default_notebook(bundled_page: str) -> None:
    assert "<title>Framing analysis: Russia Responds to Donald Trump's Alleged Threat to Strike Moscow</title>" in bundled_page
    assert f"<h1>Framing analysis: {HEADLINE}</h1>" in bundled_page
    anchors = re.findall(r'<hr class="mk-section-rule" id="([^"]+)"/?>', bundled_page)
    assert len(anchors) == len(DEFAULT_NOTEBOOKS)
    assert all(f'href="#{a}"' in bundled_page for a in anchors)
    for title in ("1. Loading and cleaning", "2. Sentiment and tone", "3. Voices and attribution",
                  "4. Actors and labels", "5. Frames", "7. Validity"):
        assert title in bundled_page
    assert "6. A corpus" not in bundled_page  # the corpus notebook needs -p CORPUS
    # ...and the contents say why the numbering skips it
    assert re.search(r'<p class="mk-note">Not on this page: 06-corpus, .*-p CORPUS', bundled_page)


@pytest.mark.slow
def test_figures_are_embedded_png(bundled_page: str) -> None:
    imgs = [a.get("src", "") for tag, a in _tags(bundled_page) if tag == "img"]
    assert len(imgs) >= 10
    assert all(src.startswith("data:image/png;base64,") for src in imgs)


@pytest.mark.slow
def test_page_loads_nothing_and_runs_nothing(bundled_page: str) -> None:
    assert network_references(bundled_page) == []
    tags = _tags(bundled_page)
    assert not [t for t, _ in tags if t in ("script", "link", "iframe", "object", "embed", "base")]
    csp = [a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]


@pytest.mark.slow
def test_code_is_folded_and_machine_paths_left_out(bundled_page: str, bundled_path: Path) -> None:
    n_code = bundled_page.count('class="jp-Cell jp-CodeCell')
    assert n_code > 20 and bundled_page.count('<details class="mk-code"><summary>code</summary>') == n_code
    assert "injected-parameters" not in bundled_page
    assert str(bundled_path.parent) not in bundled_page  # the renderer's absolute paths stay private


# -- a hostile article ----------------------------------------------------------------------------
@pytest.mark.slow
def test_hostile_article_shows_its_markup_as_text(hostile_page: str) -> None:
    # nbconvert re-serialises the page (BeautifulSoup), so quotes in text may appear as " or &quot;
    page = hostile_page.replace("&quot;", '"')
    for escaped in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/textarea&gt;", "&lt;img src=x onerror=",
                    '&lt;a href="javascript:alert(1)"&gt;', '&lt;iframe src="https://example.com/track"&gt;',
                    '&lt;svg onload="document.title'):
        assert escaped in page
    for where in (r"<title>(.*?)</title>", r"<h1>(.*?)</h1>"):
        found = re.search(where, page, re.S)
        assert found and found.group(1).startswith("Framing analysis: &lt;script&gt;document.title=")


@pytest.mark.slow
def test_hostile_article_creates_no_element_or_handler(hostile_page: str) -> None:
    tags = _tags(hostile_page)
    names = {t for t, _ in tags}
    assert not names & {"script", "iframe", "svg", "textarea", "object", "embed", "base", "link"}
    assert not [(t, k) for t, a in tags for k in a if k.startswith("on")]
    assert not [v for _, a in tags for v in a.values() if v.strip().lower().startswith("javascript:")]
    assert all(a.get("src", "").startswith("data:") for t, a in tags if t == "img")
    assert not [a for t, a in tags if a.get("id", "").startswith("pwned")]
    assert network_references(hostile_page) == []


# -- network references ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<img src="https://cdn.example.org/a.png">', ["https://cdn.example.org/a.png"]),
        ('<script src="//cdnjs.example.org/require.js"></script>', ["//cdnjs.example.org/require.js"]),
        ('<link rel="stylesheet" href="http://fonts.example.org/css">', ["http://fonts.example.org/css"]),
        ('<img srcset="a.png 1x, https://x.org/b.png 2x">', ["a.png 1x, https://x.org/b.png 2x"]),
        ("<style>@font-face { src: url('https://fonts.example.org/f.woff2'); }</style>", ["https://fonts.example.org/f.woff2"]),
        ('<style>@import "https://x.org/theme.css";</style>', ["https://x.org/theme.css"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript:alert(1)"]),
        ('<IMG SRC = "HTTPS://X.ORG/A.PNG">', ["HTTPS://X.ORG/A.PNG"]),
        # must not match: embedded data, in-page links, plain links (followed only when clicked), local files,
        # namespaces, and addresses in escaped article text
        ('<img src="data:image/png;base64,iVBORw0KGgo=">', []),
        ('<a href="#section-1">Contents</a>', []),
        ('<a href="https://doi.org/10.1111/j.1460-2466.2000.tb02843.x">paper</a>', []),
        ('<img src="figure.png">', []),
        ('<div xmlns="http://www.w3.org/1999/xhtml">x</div>', []),
        ("<p>&lt;img src=&quot;https://x.org/a.png&quot;&gt;</p>", []),
        ("<style>.a { background: url(data:image/svg+xml;base64,AAAA); }</style>", []),
    ],
)
def test_network_references(page: str, expected: list[str]) -> None:
    assert network_references(page) == expected


# -- errors ---------------------------------------------------------------------------------------
def _failing_notebook(tmp_path: Path, *, with_parameters: bool = True, code: str = 'raise ValueError("boom")') -> Path:
    cells = [new_markdown_cell("# A notebook that fails"), new_code_cell("import math")]
    if with_parameters:
        cells.append(new_code_cell('ARTICLE = "x.txt"', metadata={"tags": ["parameters"]}))
    cells += [new_markdown_cell("Next, the failure."), new_code_cell(code), new_code_cell("print('never')")]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                            "display_name": "Python 3"}})
    path = tmp_path / "fails.ipynb"
    nbformat.write(nb, str(path))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("with_parameters", [True, False])
def test_failing_cell_is_named_by_its_stored_index(tmp_path: Path, with_parameters: bool) -> None:
    path = _failing_notebook(tmp_path, with_parameters=with_parameters)
    with pytest.raises(RenderError) as info:
        execute_notebook(path, parameters={"ARTICLE": "y.txt"} if with_parameters else None)
    err = info.value
    expected = 4 if with_parameters else 3  # the injected-parameters cell is not counted
    assert (err.notebook, err.cell_index, err.ename) == (str(path), expected, "ValueError")
    assert f"cell {expected}" in str(err) and "boom" in str(err)
    again = pickle.loads(pickle.dumps(err))
    assert (again.notebook, again.cell_index, again.ename) == (err.notebook, err.cell_index, err.ename)


@pytest.mark.slow
def test_a_cell_that_runs_too_long_is_named(tmp_path: Path) -> None:
    path = _failing_notebook(tmp_path, code="import time\ntime.sleep(30)")
    with pytest.raises(RenderError) as info:
        execute_notebook(path, timeout=2)
    assert info.value.cell_index == 4
    assert info.value.ename is not None and "Timeout" in info.value.ename


def test_unknown_parameter_is_refused_before_anything_runs(tmp_path: Path, bundled_path: Path) -> None:
    with pytest.raises(InputError, match="SAMPEL_SIZE"):
        render_report(bundled_path, tmp_path / "x.html", parameters={"SAMPEL_SIZE": 3})
    with pytest.raises(InputError, match="ARTICLE"):
        render_report(bundled_path, tmp_path / "x.html", parameters={"ARTICLE": "other.txt"})
    assert not (tmp_path / "x.html").exists()


def test_cli_reports_bad_input_in_one_line(tmp_path: Path, bundled_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["report", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.html")])
    assert missing.exit_code == 2
    assert missing.output.startswith("mediakit: error: ") and "nope.txt" in missing.output
    assert "Traceback" not in missing.output
    unknown = runner.invoke(main, ["report", str(bundled_path), "-o", str(tmp_path / "x.html"), "-p", "COLOUR", "red"])
    assert unknown.exit_code == 2 and "COLOUR" in unknown.output
    bad_nb = runner.invoke(main, ["report", str(bundled_path), "-o", str(tmp_path / "x.html"), "-n", "99"])
    assert bad_nb.exit_code == 2 and "99" in bad_nb.output


def test_missing_article_raises_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError):
        render_report(tmp_path / "missing.txt", tmp_path / "x.html")


# -- helpers --------------------------------------------------------------------------------------
def test_default_notebooks_and_the_corpus_notebook() -> None:
    assert [p.stem for p in find_notebooks()] == list(DEFAULT_NOTEBOOKS)
    with_corpus = [p.stem for p in find_notebooks(corpus=True)]
    assert with_corpus == sorted(DEFAULT_NOTEBOOKS + CORPUS_NOTEBOOKS)
    assert with_corpus.index("06-corpus") == 5
    with pytest.raises(RenderError, match="no single notebook"):
        find_notebooks(["08"])
    with pytest.raises(RenderError, match="no such notebook"):
        find_notebooks(["missing.ipynb"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [("50", 50), ("-3", -3), ("0.25", 0.25), ("True", True), ("false", False), ("none", None),
     ("data/articles", "data/articles"), ("1e3x", "1e3x"), ("", "")],
)
def test_parse_parameter(value: str, expected: object) -> None:
    assert parse_parameter(value) == expected


def test_resolve_path_falls_back_to_the_notebooks_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = resolve_path("../data/articles/newsweek-2024-10-28-russia-responds-trump-moscow.txt")
    assert found == (ROOT / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt").resolve()
    (tmp_path / "mine.txt").write_text("Headline\n\nBody.", encoding="utf-8")
    assert resolve_path("mine.txt") == (tmp_path / "mine.txt").resolve()  # the working directory comes first
    with pytest.raises(LoadError, match="no such file"):
        resolve_path("nowhere/else.txt")
    assert resolve_path("nowhere/else.txt", must_exist=False) == (tmp_path / "nowhere" / "else.txt").resolve()


def test_an_installed_package_carries_its_notebooks_and_renders(tmp_path: Path) -> None:
    """A non-editable install: setup.py's build step (what a wheel holds) ships the notebooks and the
    bundled article inside the package, and `mediakit report` runs from there, away from the checkout."""
    import os
    import subprocess
    import sys

    build = tmp_path / "site"
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    shipped = build / "mediakit"
    assert sorted(p.name for p in (shipped / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    article = shipped / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt"
    assert article.read_bytes() == (ROOT / "data" / "articles" / article.name).read_bytes()
    script = (
        "import sys, mediakit, mediakit.report as r\n"
        "assert mediakit.__file__.startswith(sys.argv[1]), mediakit.__file__\n"
        "print(r.notebooks_dir())\n"
        "r.render_report(sys.argv[2], 'page.html', notebooks=['01'])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(build)}
    run = subprocess.run([sys.executable, "-c", script, str(build), str(article)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == str(shipped / "notebooks")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert HEADLINE in page and "01-loading-and-cleaning" in page
