"""TextBlob's part-of-speech tagger (``textblob.en.tag``) without importing NLTK.

``import textblob.en`` first runs ``textblob/__init__.py``, which imports
``textblob.blob`` and with it NLTK: about 1.3 s, on the first analysis in a
notebook and in every corpus worker process. The tagger itself needs none of
that: it is pattern's ``Parser`` and ``Lexicon`` in ``textblob/_text.py``
(standard library only) reading the ``en-*.txt`` files beside
``textblob/en/__init__.py``. This module loads that same ``_text.py`` file
from the installed TextBlob under a private module name and builds the parser
exactly as ``textblob/en/__init__.py`` builds it, so the tags are TextBlob's
(``tests/test_actors.py`` compares them with ``textblob.en.tag``).

Where TextBlob's files are not laid out so (another release), it falls back to
``textblob.en`` itself: the same tags, with the slower import.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable, Mapping
from typing import Any

_PRIVATE_NAME = "mediakit._textblob_text"


@functools.cache
def _parser() -> Any:
    """pattern's English parser and lexicon, built as ``textblob.en`` builds them; None if TextBlob differs."""
    spec = importlib.util.find_spec("textblob")  # finds the package without running its __init__
    if spec is None or spec.origin is None:
        return None
    base = os.path.dirname(spec.origin)
    en = os.path.join(base, "en")
    files = {k: os.path.join(en, f"en-{k}.txt") for k in ("lexicon", "morphology", "context", "entities")}
    source = os.path.join(base, "_text.py")
    if not all(os.path.exists(p) for p in (source, *files.values())):
        return None
    text_spec = importlib.util.spec_from_file_location(_PRIVATE_NAME, source)
    if text_spec is None or text_spec.loader is None:
        return None
    module = importlib.util.module_from_spec(text_spec)
    try:
        text_spec.loader.exec_module(module)
        lexicon = module.Lexicon(
            path=files["lexicon"],
            morphology=files["morphology"],
            context=files["context"],
            entities=files["entities"],
            language="en",
        )
        # filled now, the lazy dict never runs its own loader: 94k lines read in 0.18-0.22 s against its 0.28-0.49 s
        dict.update(lexicon, _lexicon_entries(files["lexicon"]))
        return module.Parser(lexicon=lexicon, default=("NN", "NNP", "CD"), language="en")
    except Exception:  # a TextBlob whose pattern code differs: use textblob.en instead
        return None


def _lexicon_entries(path: str) -> dict[str, str]:
    """What pattern's ``Lexicon.load`` puts in the dict, read faster.

    ``Lexicon.load`` updates the dict with ``line.split(" ")[:2]`` for every
    line of the file (read in text mode, so any line end becomes ``"\n"``),
    stripped, that is not empty and does not start with ``;;;``.
    """
    with open(path, encoding="utf-8") as f:
        lines = [line.strip() for line in f.read().split("\n")]
    return dict(line.split(" ", 2)[:2] for line in lines if line and not line.startswith(";;;"))


def tag_lexicon() -> Mapping[str, str]:
    """The word -> Penn tag lexicon of TextBlob's tagger (``textblob.en.parser.lexicon``), loaded on first use."""
    parser = _parser()
    if parser is None:
        from textblob.en import parser as own

        return own.lexicon
    return parser.lexicon


def tagger() -> Callable[[str], list[tuple[str, str]]]:
    """A function equal to ``textblob.en.tag``: (token, tag) pairs of a text, tokenised as TextBlob does."""
    parser = _parser()
    if parser is None:
        from textblob.en import tag as own_tag

        return own_tag

    def tag(s: str) -> list[tuple[str, str]]:
        # textblob.en.tag: parse(s, tokenize=True, tags=True, chunks=False, relations=False, lemmata=False)
        tagged = parser.parse(str(s), True, True, False, False, False, "utf-8")
        return [(token[0], token[1]) for sentence in tagged.split() for token in sentence]

    return tag
