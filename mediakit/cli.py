"""The ``mediakit`` command: a thin click wrapper over the package.

Every command answers bad input with a non-zero exit and one line naming the
file and the problem, never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from . import __version__
from .errors import MediakitError

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Answer every failure with one line on stderr and a non-zero exit, never a traceback.

    mediakit's own errors (:class:`~mediakit.errors.MediakitError`) and
    unreadable files exit with status 2 and the error's message, which names
    the file and the problem. Anything else is a bug in mediakit: it exits
    with status 1 and one line naming the input (the wrapped function's
    first argument) and the exception; set ``MEDIAKIT_DEBUG=1`` to get the
    traceback instead. Ctrl-C exits with 130, a closed pipe (``| head``)
    quietly.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        subject = args[0] if args and isinstance(args[0], str) else None
        try:
            return func(*args, **kwargs)
        except MediakitError as exc:
            _fail(str(exc), 2)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            where = exc.filename or subject or ""
            _fail(f"{where}: {exc.strerror or exc}", 2)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("MEDIAKIT_DEBUG"):
                raise
            what = " ".join(f"{type(exc).__name__}: {exc}".split())
            if len(what) > 300:
                what = what[:297] + "..."
            where = f"{subject}: " if subject else ""
            _fail(f"{where}unexpected error ({what}); this is a bug in mediakit, "
                  "please report it (MEDIAKIT_DEBUG=1 shows the traceback)", 1)

    return wrapper  # type: ignore[return-value]


def _fail(message: str, status: int) -> NoReturn:
    click.echo(f"mediakit: error: {' '.join(message.split())}", err=True)
    sys.exit(status)


def _quiet_broken_pipe() -> NoReturn:
    # the reader went away (``mediakit analyze x | head``): stop without a second error at exit
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(1)


def _echo_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Print each distinct warning as one ``mediakit: warning:`` line on stderr."""
    seen: set[str] = set()
    for w in caught:
        if not issubclass(w.category, UserWarning):
            continue  # library deprecations are not the user's business
        message = " ".join(str(w.message).split())
        if message not in seen:
            seen.add(message)
            click.echo(f"mediakit: warning: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mediakit")
def main() -> None:
    """Analyse how news articles frame a story: quotes, attribution, hedging,
    actors, frames and tone, each with its evidence."""


@main.command()
@click.argument("path", type=str)  # checked by the loader, which names the problem in one line
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A readable summary, or everything as JSON.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=None, metavar="N",
              help="Refuse files larger than N bytes (default: 20,000,000; 0: no limit).")
def analyze(path: str, fmt: str, max_bytes: int | None) -> None:
    """Analyse one article (.txt, .html, .json) and print what mediakit measures."""
    _analyze(path, fmt, max_bytes)


@friendly_errors
def _analyze(path: str, fmt: str, max_bytes: int | None = None) -> None:
    from .analysis import analyze as run
    from .io import DEFAULT_MAX_BYTES, load_article

    limit = DEFAULT_MAX_BYTES if max_bytes is None else (max_bytes or None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path, max_bytes=limit)
        result = run(article)
    _echo_warnings(caught)
    if fmt == "json":
        click.echo(result.to_json(indent=2))
    else:
        click.echo(result.to_text())


# --- report command (owned by the report/notebooks work; see report.py) -----------------
@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), required=True,
              help="The HTML file to write.")
@click.option("-p", "--parameter", "parameters", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A notebook parameter, e.g. -p CORPUS data/corpus -p SAMPLE_SIZE 50 (CORPUS adds notebook 06). "
                   "Numbers, true/false and none are converted.")
@click.option("-n", "--notebook", "notebooks", multiple=True, metavar="NAME",
              help="Run only these notebooks, in this order: a number (02), a name or an .ipynb path. Repeatable.")
@click.option("--timeout", type=float, default=600, show_default=True, help="Seconds allowed per notebook cell.")
def report(article: str, output: str, parameters: tuple[tuple[str, str], ...], notebooks: tuple[str, ...],
           timeout: float) -> None:
    """Render the curated analysis of ARTICLE to one self-contained HTML page.

    Runs notebooks 01-05 and 07 on the article (06, the corpus notebook, too when -p CORPUS is given)
    and writes one page: figures embedded, code folded, nothing loaded from the network.
    """
    _report(article, output, parameters, notebooks, timeout)


@friendly_errors
def _report(article: str, output: str, parameters: tuple[tuple[str, str], ...] = (),
            notebooks: tuple[str, ...] = (), timeout: float = 600) -> None:
    from .report import parse_parameter, render_report

    values = {name: parse_parameter(value) for name, value in parameters}
    path = render_report(article, output, notebooks=list(notebooks) or None, parameters=values, timeout=timeout)
    click.echo(f"wrote {path}")


# --- corpus command (owned by the corpus-scale work; see corpus.py) ------------------
@main.command()
@click.argument("source", type=str)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), required=True,
              help="Parquet (or .csv/.jsonl, optionally .gz/.bz2/.xz compressed) file to write, one row per article.")
@click.option("-w", "--workers", type=int, default=None,
              help="Worker processes (-1: one per CPU). Default: this process only.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask' runs on a local Dask cluster (pip install 'mediakit[dask]').")
@click.option("--text-column", "text_col", default="text", show_default=True,
              help="Column holding the article text in CSV, JSONL or Parquet sources.")
@click.option("--limit", type=int, default=None, help="Analyse only the first N records.")
@click.option("--tables", default="", metavar="NAMES",
              help="Comma-separated long tables to write beside OUTPUT as <stem>.<name>.parquet (e.g. sentences).")
@click.option("--chunk-size", type=int, default=64, show_default=True, help="Articles per unit of work.")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.option("--resume", is_flag=True,
              help="Continue an earlier run into the same .parquet OUTPUT: skip the articles it already holds.")
def corpus(source: str, output: str, workers: int | None, engine: str, text_col: str, limit: int | None,
           tables: str, chunk_size: int, no_progress: bool, resume: bool) -> None:
    """Analyse every article in SOURCE (JSONL, CSV, Parquet, a folder or glob) into one table.

    Articles that cannot be read or analysed are listed in <stem>.errors.csv. Stopped part-way
    (Ctrl-C), OUTPUT keeps every finished chunk; --resume goes on from there.
    """
    _corpus(source, output, workers=workers, engine=engine, text_col=text_col, limit=limit,
            tables=tuple(t.strip() for t in tables.split(",") if t.strip()), chunk_size=chunk_size,
            progress=not no_progress, resume=resume)


@friendly_errors
def _corpus(source: str, output: str, **options: Any) -> None:
    import warnings

    from .corpus import analyze_corpus

    with warnings.catch_warnings(record=True) as caught:  # the summary line below gives the count of failures
        warnings.simplefilter("always")
        try:
            result = analyze_corpus(source, output=output, **options)
        except BaseException:
            for w in caught:  # what a stopped run kept, and how to go on
                if str(w.message).startswith("stopped part-way"):
                    click.echo(str(w.message), err=True)
            raise
    kept = f" ({result.n_resumed} kept from the earlier run)" if result.n_resumed else ""
    click.echo(f"wrote {result.path}: {result.n_articles} article(s){kept} in {result.seconds:.1f} s")
    for path in result.tables.values():
        click.echo(f"wrote {path}")
    if result.n_errors:
        click.echo(f"{result.n_errors} article(s) failed; see {result.errors_path}", err=True)


def dump_json(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, default=str)
