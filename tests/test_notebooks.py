"""The curated notebooks: stored clean, parameterised, and runnable top to bottom on a fresh kernel."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from mediakit.report import execute_notebook, notebook_parameters

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
BUNDLED = ROOT / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt"
BBC = ROOT.parent / "shared" / "eval" / "bbc-news" / "bbc"
DEFAULT_ARTICLE = "../data/articles/newsweek-2024-10-28-russia-responds-trump-moscow.txt"

# Figures each notebook must draw on the bundled article (a blank notebook would pass a weaker test).
MIN_FIGURES = {
    "01-loading-and-cleaning": 0,
    "02-sentiment-and-tone": 2,
    "03-voices-and-attribution": 2,
    "04-actors-and-labels": 2,
    "05-frames": 1,
    "06-corpus": 2,
    "07-validity": 4,
}


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _outputs(nb: Any, kind: str) -> list[Any]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == kind]


def _images(nb: Any) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def _stdout(nb: Any) -> str:
    return "".join(o.text for o in _outputs(nb, "stream") if o.name == "stdout")


def test_the_numbered_series_is_there() -> None:
    assert _ids(NOTEBOOKS) == list(MIN_FIGURES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_stored_without_outputs_and_with_parameters(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), "strip outputs before committing"
    assert not {"papermill", "widgets"} & set(nb.metadata), "strip execution metadata before committing"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in nb.cells)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), "a title first"
    imports, params = code[0], code[1]
    assert "import mediakit as mk" in imports.source
    assert params.metadata.get("tags") == ["parameters"]
    assert nb.cells.index(params) == nb.cells.index(imports) + 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_parameters_point_at_the_bundled_article_or_a_corpus(path: Path) -> None:
    params = notebook_parameters(path)
    if path.stem.startswith("06"):
        assert set(params) == {"CORPUS", "SAMPLE_SIZE"}
    else:
        assert params["ARTICLE"].strip("\"'") == DEFAULT_ARTICLE


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebooks_define_no_functions_or_classes(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class|async def)\s", cell.source, re.M), "move reusable code into mediakit"


def _check_ran(nb: Any, stem: str) -> None:
    assert not _outputs(nb, "error")
    stderr = [o.text for o in _outputs(nb, "stream") if o.name == "stderr"]
    assert not stderr, f"warnings would show in the rendered page: {stderr}"
    assert _images(nb) >= MIN_FIGURES[stem]


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.stem.startswith("06")],
                         ids=_ids([p for p in NOTEBOOKS if not p.stem.startswith("06")]))
def test_notebook_runs_on_the_bundled_article(path: Path) -> None:
    nb = execute_notebook(path, parameters={"ARTICLE": str(BUNDLED)}, timeout=300)
    _check_ran(nb, path.stem)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(BUNDLED) in injected[0].source


@pytest.mark.slow
def test_notebook_runs_with_its_defaults_from_another_directory(tmp_path: Path) -> None:
    # papermill run from elsewhere: the default '../data/...' path resolves against the notebooks folder
    nb = execute_notebook(ROOT / "notebooks" / "01-loading-and-cleaning.ipynb", cwd=tmp_path, timeout=300)
    assert not _outputs(nb, "error")
    assert "17 sentences" in _stdout(nb)


@pytest.mark.slow
def test_corpus_notebook_on_the_bundled_article_folder() -> None:
    nb = execute_notebook(ROOT / "notebooks" / "06-corpus.ipynb", timeout=300)
    _check_ran(nb, "06-corpus")
    assert "1 articles analysed, 0 could not be read" in _stdout(nb)


@pytest.mark.slow
@pytest.mark.skipif(not BBC.is_dir(), reason="BBC News evaluation corpus not present (../shared/eval/bbc-news)")
def test_corpus_notebook_on_bbc_news() -> None:
    # two articles from each of the five topic folders; the glob leaves out README.TXT
    nb = execute_notebook(ROOT / "notebooks" / "06-corpus.ipynb",
                          parameters={"CORPUS": str(BBC / "*" / "00[12].txt"), "SAMPLE_SIZE": 10}, timeout=300)
    _check_ran(nb, "06-corpus")
    assert "10 articles analysed, 0 could not be read" in _stdout(nb)
    groups = [o for c in nb.cells for o in c.get("outputs", []) if "articles" in o.get("data", {}).get("text/plain", "")
              and "business" in o.get("data", {}).get("text/plain", "")]
    assert groups and all(t in groups[0]["data"]["text/plain"] for t in ("entertainment", "politics", "sport", "tech"))
