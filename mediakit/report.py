"""Shareable analyses: run the curated notebooks on any article and render one self-contained page.

:func:`render_report` executes the numbered notebooks in ``notebooks/`` with
papermill (the article path injected into each notebook's ``parameters``
cell), then renders them, in order, into ONE HTML file with a table of
contents:

* figures are embedded as ``data:image/png`` URIs;
* nothing is loaded from the network when the page is opened: no require.js,
  MathJax, widget or CDN scripts, and a Content-Security-Policy that allows
  only inline styles and ``data:`` images, so even a stray script cannot run;
* code cells are folded into ``<details>`` (hidden until clicked);
* the article's own text only ever reaches the page escaped (tables, the
  article view and printed text are escaped where they are produced;
  JavaScript and widget outputs are dropped).

Kernel: notebooks run on the interpreter that calls :func:`render_report`
(``sys.executable``), through a kernelspec written to a temporary directory,
so the report works in a fresh virtualenv with no Jupyter kernels installed
and never picks up a user's ``python3`` kernel from another environment.

Which notebooks: :data:`DEFAULT_NOTEBOOKS` (01-05 and 07, the single-article
analyses and the validity check). The corpus notebook (06) needs a corpus, so
it runs only when a ``CORPUS`` parameter is given or when asked for by name.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import glob as _glob
import html
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, LoadError, RenderError

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = [
    "DEFAULT_NOTEBOOKS",
    "CORPUS_NOTEBOOKS",
    "notebooks_dir",
    "find_notebooks",
    "resolve_path",
    "notebook_parameters",
    "execute_notebook",
    "render_html",
    "render_report",
    "parse_parameter",
]

DEFAULT_NOTEBOOKS: tuple[str, ...] = (
    "01-loading-and-cleaning",
    "02-sentiment-and-tone",
    "03-voices-and-attribution",
    "04-actors-and-labels",
    "05-frames",
    "07-validity",
)
"""Notebooks :func:`render_report` runs by default, in this order."""

CORPUS_NOTEBOOKS: tuple[str, ...] = ("06-corpus",)
"""Notebooks that need a ``CORPUS`` parameter; added to the default run when one is given."""

TEMPLATE = Path(__file__).resolve().parent / "templates" / "mediakit_report.html.j2"
KERNEL_NAME = "mediakit-report"
_PACKAGE_ROOT = Path(__file__).resolve().parent
_NETWORK = re.compile(r"^\s*(?:https?:|ftp:|wss?:)?//", re.IGNORECASE)


def notebooks_dir() -> Path:
    """The folder holding the curated notebooks.

    In a source checkout (``pip install -e .``) that is ``notebooks/`` beside the
    package; an installed package may carry them as ``mediakit/notebooks``.

    Raises:
        RenderError: neither folder exists.

    >>> notebooks_dir().name
    'notebooks'
    """
    for candidate in (_PACKAGE_ROOT.parent / "notebooks", _PACKAGE_ROOT / "notebooks"):
        if candidate.is_dir():
            return candidate
    raise RenderError(
        "the curated notebooks were not found beside the package; install mediakit from a source checkout "
        "(pip install -e .) or pass notebooks=[paths]",
        notebook=str(_PACKAGE_ROOT.parent / "notebooks"),
    )


def find_notebooks(names: Sequence[str | Path] | None = None, *, corpus: bool = False) -> tuple[Path, ...]:
    """Paths of the notebooks to run.

    Args:
        names: notebook stems (``"02-sentiment-and-tone"``), their numbers
            (``"02"``) or paths to ``.ipynb`` files. ``None``: the defaults.
        corpus: with the defaults, also run the corpus notebook (06), in order.

    Raises:
        RenderError: a name matches no notebook, or a path does not exist.

    >>> [p.stem for p in find_notebooks(["02", "01-loading-and-cleaning"])]
    ['02-sentiment-and-tone', '01-loading-and-cleaning']
    """
    if names is None:
        chosen: list[str | Path] = list(DEFAULT_NOTEBOOKS)
        if corpus:
            chosen = sorted(chosen + list(CORPUS_NOTEBOOKS))
    else:
        chosen = list(names)
    found: list[Path] = []
    for name in chosen:
        path = Path(name)
        if path.suffix == ".ipynb":
            if not path.is_file():
                raise RenderError("no such notebook", notebook=str(path))
            found.append(path)
            continue
        folder = notebooks_dir()
        matches = sorted(p for p in folder.glob("*.ipynb") if p.stem == str(name) or p.stem.split("-", 1)[0] == str(name))
        if len(matches) != 1:
            known = ", ".join(p.stem for p in sorted(folder.glob("*.ipynb")))
            raise RenderError(f"no single notebook called {str(name)!r}; there are: {known}", notebook=str(folder))
        found.append(matches[0])
    return tuple(found)


def resolve_path(path: str | Path, *, must_exist: bool = True) -> Path:
    """Resolve a path given to a notebook parameter, wherever the notebook runs.

    Tried in order: the path as given (absolute, or relative to the working
    directory: papermill's usual case), then relative to the notebooks folder
    (the defaults in the notebooks are written from there, as JupyterLab runs
    them). A glob pattern (``corpus/*/*.txt``) counts as found where it
    matches at least one file.

    Args:
        path: the parameter's value.
        must_exist: raise if neither place has it; otherwise return the first
            candidate (so a notebook can test ``.exists()`` for optional data).

    Raises:
        LoadError: ``must_exist`` and the path is in neither place.

    >>> resolve_path("../data/articles").name
    'articles'
    >>> resolve_path("../data/articles/*.txt").name
    '*.txt'
    >>> resolve_path("no/such/file.txt", must_exist=False).is_absolute()
    True
    """
    given = Path(path).expanduser()
    candidates = [given] if given.is_absolute() else [Path.cwd() / given]
    if not given.is_absolute():
        with contextlib.suppress(RenderError):
            candidates.append(notebooks_dir() / given)
    pattern = any(ch in str(path) for ch in "*?[")
    for candidate in candidates:
        if candidate.exists() or (pattern and next(iter(_glob.iglob(str(candidate), recursive=True)), None)):
            return candidate.resolve()
    if must_exist:
        raise LoadError(
            "no such file or folder (looked in the working directory and in the notebooks folder)", path=path
        )
    return candidates[0].resolve()


def parse_parameter(value: str) -> Any:
    """A command-line parameter value as Python: int, float, bool, None, else the string.

    >>> [parse_parameter(v) for v in ["50", "0.5", "true", "None", "data/x.txt"]]
    [50, 0.5, True, None, 'data/x.txt']
    """
    text = value.strip()
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("none", "null"):
        return None
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return value


def notebook_parameters(notebook: str | Path) -> dict[str, Any]:
    """The names and default values in a notebook's ``parameters`` cell.

    Raises:
        RenderError: the notebook has no cell tagged ``parameters``.

    >>> sorted(notebook_parameters(find_notebooks(["06"])[0]))
    ['CORPUS', 'SAMPLE_SIZE']
    """
    import papermill

    info = papermill.inspect_notebook(str(notebook))
    if not info:
        raise RenderError("the notebook has no cell tagged 'parameters'", notebook=str(notebook))
    return {name: p.get("default") for name, p in info.items()}


# -- kernel ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _kernel_manager_class() -> Iterator[type]:
    """A kernel manager class bound to this interpreter, through a kernelspec in a temporary folder.

    nbclient builds (and shuts down) one manager of this class per notebook, as it does with its default.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    with tempfile.TemporaryDirectory(prefix="mediakit-kernel-") as tmp:
        spec_dir = Path(tmp) / KERNEL_NAME
        spec_dir.mkdir()
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": f"mediakit ({Path(sys.executable).name})",
            "language": "python",
            "metadata": {"debugger": False},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        # IPC sockets in the temporary folder where possible: local only, and no plain-TCP warning in the output.
        local: dict[str, Any] = {"transport": "ipc", "ip": str(Path(tmp) / "ipc")} if os.name == "posix" else {}

        class MediakitKernelManager(AsyncKernelManager):
            def __init__(self, **kwargs: Any) -> None:
                kwargs.setdefault("kernel_spec_manager", KernelSpecManager(kernel_dirs=[tmp]))
                super().__init__(**{**local, **kwargs})

        yield MediakitKernelManager


def _source_index(nb: Any, index: int) -> int:
    """Map a cell index of the executed notebook back to the stored notebook (papermill adds a cell)."""
    injected = [i for i, c in enumerate(nb.cells) if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
    return index - sum(1 for i in injected if i < index)


def _last_started(path: Path) -> int | None:
    """Index of the last cell papermill had started, read from its saved progress."""
    import nbformat

    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception:  # noqa: BLE001 - best effort, only to name the cell
        return None
    started = [i for i, c in enumerate(nb.cells) if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    return _source_index(nb, started[-1]) if started else None


def execute_notebook(
    notebook: str | Path,
    *,
    parameters: Mapping[str, Any] | None = None,
    timeout: float = 600,
    cwd: str | Path | None = None,
) -> NotebookNode:
    """Run one notebook top to bottom on a fresh kernel of this interpreter.

    Args:
        notebook: path to the ``.ipynb``.
        parameters: values injected after its ``parameters`` cell.
        timeout: seconds allowed per cell.
        cwd: working directory of the kernel (default: the current one).

    Returns:
        The executed notebook (with outputs); the file on disk is not changed.

    Raises:
        RenderError: a cell raised (``cell_index`` counts the stored notebook's
            cells from 0, ``ename`` is the exception's name), a cell ran past
            ``timeout``, or the kernel died.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    path = Path(notebook)
    if not path.is_file():
        raise RenderError("no such notebook", notebook=str(path))
    with tempfile.TemporaryDirectory(prefix="mediakit-run-") as tmp, _kernel_manager_class() as manager:
        progress = Path(tmp) / path.name
        try:
            papermill.execute_notebook(
                str(path),
                str(progress),
                parameters=dict(parameters or {}),
                kernel_name=KERNEL_NAME,
                kernel_manager_class=manager,
                cwd=None if cwd is None else str(cwd),
                progress_bar=False,
                log_output=False,
                execution_timeout=timeout,
                request_save_on_cell_execute=True,
            )
        except PapermillExecutionError as exc:
            executed = nbformat.read(str(progress), as_version=4) if progress.exists() else None
            index = exc.cell_index if executed is None else _source_index(executed, exc.cell_index)
            raise RenderError(
                f"cell {index} raised {exc.ename}: {exc.evalue}", notebook=str(path), cell_index=index, ename=exc.ename
            ) from None
        except Exception as exc:  # timeouts, a dead kernel, a kernel that never started
            index = _last_started(progress) if progress.exists() else None
            name = type(exc).__name__
            raise RenderError(f"{name}: {exc}", notebook=str(path), cell_index=index, ename=name) from exc
        return nbformat.read(str(progress), as_version=4)


# -- rendering -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Section:
    anchor: str
    title: str
    notebook: str


def _title_of(nb: Any, fallback: str) -> str:
    """The first markdown heading of a notebook (our own text), else a title from the file name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback.replace("-", " ").capitalize()


def _scrub(nb: Any) -> None:
    """Remove outputs that would run code or load something when the page opens."""
    drop = {"application/javascript", "application/vnd.jupyter.widget-view+json", "text/javascript"}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data:
                for mime in list(data):
                    if mime in drop:
                        del data[mime]
    nb.metadata.pop("widgets", None)


def render_html(
    notebooks: Sequence[tuple[str, NotebookNode]],
    *,
    title: str,
    subtitle: str = "",
    contents_note: str = "",
) -> str:
    """Render executed notebooks, in order, as one self-contained HTML page with a table of contents.

    Args:
        notebooks: ``(name, executed notebook)`` pairs.
        title: the page title (escaped here; pass plain text).
        subtitle: a line under the title (escaped here).
        contents_note: a line under the table of contents (escaped here), e.g.
            what was left out.

    Returns:
        The HTML text. Cells tagged ``injected-parameters`` are left out (they
        hold the absolute paths of the machine that rendered the page).

    Raises:
        RenderError: nbconvert failed.
    """
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    sections: list[_Section] = []
    for k, (name, nb) in enumerate(notebooks):
        nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # a deep copy we can edit
        _scrub(nb)
        if k == 0:
            merged.metadata = nb.metadata
        anchor = f"section-{k + 1}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"
        sections.append(_Section(anchor, _title_of(nb, name), name))
        cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
        for j, cell in enumerate(cells):
            cell["id"] = f"{anchor}-{j}"[:64]
            if j == 0:
                cell.setdefault("metadata", {})["mediakit_section"] = {"anchor": anchor, "notebook": name}
            merged.cells.append(cell)
    merged.metadata.pop("papermill", None)
    merged.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab", template_file=str(TEMPLATE))
    resources = {
        "metadata": {"name": title},
        "mediakit": {
            "title": title,
            "subtitle": subtitle,
            "contents_note": contents_note,
            "sections": [{"anchor": s.anchor, "title": s.title, "notebook": s.notebook} for s in sections],
        },
    }
    try:
        body, _ = exporter.from_notebook_node(merged, resources=resources)
    except Exception as exc:  # nbconvert/jinja errors
        raise RenderError(f"could not render the page: {type(exc).__name__}: {exc}", ename=type(exc).__name__) from exc
    return str(body)


def network_references(page: str) -> list[str]:
    """Addresses in ``src``, ``href`` (except plain ``<a>`` links), ``srcset``, ``url()`` and ``@import`` that
    would make the browser contact a network address, and any ``javascript:`` URL.

    >>> network_references('<img src="https://x.org/a.png"><a href="https://x.org">x</a><style>@import "//cdn/x.css";</style>')
    ['https://x.org/a.png', '//cdn/x.css']
    >>> network_references('<img src="data:image/png;base64,AA=="><a href="#s1">s</a>')
    []
    """
    found: list[str] = []
    for m in re.finditer(r"<(\w+)\b([^>]*)>", page):
        tag, attrs = m.group(1).lower(), m.group(2)
        for a in re.finditer(r"""\b(src|href|srcset|poster|data|action|formaction|background)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""",
                             attrs, re.IGNORECASE):
            name, value = a.group(1).lower(), html.unescape(a.group(2).strip("\"'"))
            if value.strip().lower().startswith("javascript:"):
                found.append(value)
            elif name == "href" and tag == "a":
                continue  # a link is followed only when clicked
            elif any(_NETWORK.match(part.strip()) for part in value.split(",")):
                found.append(value)
    for m in re.finditer(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3""", page, re.IGNORECASE):
        value = m.group(2) if m.group(2) is not None else m.group(4)
        if value and _NETWORK.match(value):
            found.append(value)
    return found


def render_report(
    article_path: str | Path,
    output_html: str | Path,
    *,
    notebooks: Sequence[str | Path] | None = None,
    parameters: Mapping[str, Any] | None = None,
    timeout: float = 600,
) -> Path:
    """Execute the curated notebooks on an article and write one self-contained HTML page.

    Args:
        article_path: the article (``.txt``, ``.html``, ``.json``); read once
            here first, so a bad file fails before any notebook starts.
        output_html: the page to write (its folder is created).
        notebooks: names, numbers or paths of the notebooks to run, in order
            (see :func:`find_notebooks`). Default: :data:`DEFAULT_NOTEBOOKS`,
            plus the corpus notebook when ``parameters`` has ``CORPUS``.
        parameters: more notebook parameters (e.g. ``{"CORPUS": "data/articles",
            "SAMPLE_SIZE": 20}``); each notebook receives those its
            ``parameters`` cell declares. ``ARTICLE`` is always ``article_path``.
        timeout: seconds allowed per cell.

    Returns:
        The path written.

    Raises:
        LoadError: the article cannot be read.
        InputError: a parameter no chosen notebook declares.
        RenderError: a notebook failed (``notebook``, ``cell_index``, ``ename``).
    """
    from . import __version__
    from .io import load_article

    article_file = Path(article_path).expanduser().resolve()
    article = load_article(article_file)
    extra = dict(parameters or {})
    if "ARTICLE" in extra:
        raise InputError("parameters: ARTICLE is the article_path argument; do not pass it again")
    paths = find_notebooks(notebooks, corpus="CORPUS" in extra)
    declared = {p: notebook_parameters(p) for p in paths}
    unknown = sorted(set(extra) - {name for names in declared.values() for name in names})
    if unknown:
        known = sorted({name for names in declared.values() for name in names} - {"ARTICLE"})
        raise InputError(f"parameter(s) {', '.join(unknown)} are not declared by the notebooks run; "
                         f"known: {', '.join(known) or '(none)'}")
    executed = []
    for path in paths:
        values = {"ARTICLE": str(article_file), **extra}
        injected = {k: v for k, v in values.items() if k in declared[path]}
        executed.append((path.stem, execute_notebook(path, parameters=injected, timeout=timeout)))
    headline = article.title or article_file.name
    when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    bits = [article.outlet, str(article.published) if article.published else None, article_file.name]
    subtitle = " · ".join(b for b in bits if b) + f" — rendered {when} by mediakit {__version__}"
    left_out = [name for name in CORPUS_NOTEBOOKS if name not in {p.stem for p in paths}]
    note = ""
    if notebooks is None and left_out:  # the numbering skips them: say why
        note = (f"Not on this page: {', '.join(left_out)}, which analyses a corpus of many articles "
                "(render it with -p CORPUS <folder or file>).")
    page = render_html(executed, title=f"Framing analysis: {headline}", subtitle=subtitle, contents_note=note)
    out = Path(output_html)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
