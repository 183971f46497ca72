"""Is this text English? mediakit's lexicons are, so it warns when it is not.

Offline and cheap: a guess from the writing system (script) of the letters
and from the share of frequent function words ("the", "of", "der", "le", …)
of seven Latin-script languages, shipped in ``lexicons/stopwords.tsv``.
It answers "is this English?" well; it is not a general language identifier.

* :func:`guess_language` returns a :class:`LanguageGuess` with the evidence.
* :func:`check_english` issues a :class:`~mediakit.errors.LanguageWarning`
  when a text long enough to judge is not English.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .article import Article
from .errors import LanguageWarning
from .lexicon import load_table
from .segment import as_text

__all__ = ["LanguageGuess", "guess_language", "check_english", "MIN_WORDS"]

#: Texts with fewer words than this are too short to judge: no warning.
MIN_WORDS = 12

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Writing systems that mostly mean one language (Cyrillic and Arabic script
# serve several: the code is the most common one, the evidence names the script).
_SCRIPT_CODES: dict[str, str] = {
    "CYRILLIC": "ru",
    "GREEK": "el",
    "HEBREW": "he",
    "ARABIC": "ar",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "BENGALI": "bn",
    "TAMIL": "ta",
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language a text is most likely written in, and why.

    Attributes:
        code: ISO 639-1 code (``"en"``, ``"fr"``, ``"ru"`` …), or ``"und"``
            when the text gives too little to go on.
        english_ratio: the share of the text's function words that are
            English ones, times the share of its letters in Latin script
            (0 to 1; English news scores above 0.8).
        evidence: the most frequent function words of the guessed language
            (``"the×12"``), or the script (``"script: CYRILLIC 98%"``).
        n_words: words seen.
        n_letters: letters seen (what counts for scripts written without spaces).
        scores: per language, the share of words that are its function words.
        script: the main writing system of the letters (``"LATIN"`` …).
    """

    code: str
    english_ratio: float
    evidence: tuple[str, ...]
    n_words: int = 0
    n_letters: int = 0
    scores: dict[str, float] = field(default_factory=dict, hash=False)
    script: str = "LATIN"

    @property
    def is_english(self) -> bool:
        return self.code == "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "english_ratio": self.english_ratio,
            "evidence": list(self.evidence),
            "n_words": self.n_words,
            "n_letters": self.n_letters,
            "scores": dict(self.scores),
            "script": self.script,
        }


@functools.cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {row["lang"]: frozenset(row["words"].split()) for row in load_table("stopwords")}


@functools.cache
def _language_index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose function words include it."""
    index: dict[str, list[str]] = {}
    for lang, words in _stopwords().items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@functools.lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HANGUL", "HIRAGANA", "KATAKANA"):
        return first
    return first or "UNKNOWN"


def _scripts(letters: str) -> Counter[str]:
    """Letters per script (Unicode name's first word), in first-seen order."""
    # fast path, plain Latin: the apostrophes inside words ("it's", "Trump’s") count under their
    # own names' first words, as below; every other ASCII letter is LATIN
    n_curly = letters.count("’")
    if (letters.replace("’", "") if n_curly else letters).isascii():
        n_straight = letters.count("'")
        scripts = Counter({"LATIN": len(letters) - n_curly - n_straight} if letters else {})
        if n_straight:
            scripts["APOSTROPHE"] = n_straight
        if n_curly:
            scripts["RIGHT"] = n_curly
        return scripts
    # count each distinct letter once, then its script (the joined text lowers a final sigma to
    # another letter, of the same script)
    scripts = Counter()
    for ch, n in Counter(letters.lower()).items():
        scripts[_script_of(ch)] += n
    return scripts


def guess_language(text_or_article: str | Article) -> LanguageGuess:
    """Guess the language of a text from its script and its function words.

    Args:
        text_or_article: a text, or an :class:`~mediakit.article.Article`.

    Returns:
        A :class:`LanguageGuess`; ``code`` is ``"und"`` for texts with no
        letters or no recognisable function words.

    Examples:
        >>> g = guess_language("The minister said that the talks would go on in the spring.")
        >>> g.code, g.english_ratio > 0.8, g.evidence[0]
        ('en', True, 'the×3')
        >>> guess_language("Le ministre a déclaré que les discussions se poursuivront.").code
        'fr'
        >>> g = guess_language("Министр заявил, что переговоры продолжатся.")
        >>> g.code, g.english_ratio, g.evidence
        ('ru', 0.0, ('script: CYRILLIC 100%',))
    """
    text = as_text(text_or_article)
    # each distinct word once: its count, in first-seen order (lower-cased one by one, as
    # str.lower of a joined text treats a word-final sigma differently)
    raw = _WORD.findall(text)
    counts: Counter[str] = Counter()
    for w, n in Counter(raw).items():
        counts[w.lower()] += n
    scripts = _scripts("".join(raw))
    n_letters = sum(scripts.values())
    if not n_letters:
        return LanguageGuess("und", 0.0, (), 0, 0, {}, "UNKNOWN")
    script, n_main = scripts.most_common(1)[0]
    latin_share = scripts["LATIN"] / n_letters
    lists = _stopwords()
    index = _language_index()
    hits: dict[str, Counter[str]] = {lang: Counter() for lang in lists}
    any_function = 0
    for w, n in counts.items():
        langs = index.get(w)
        if langs:
            any_function += n
            for lang in langs:
                hits[lang][w] += n
    n_words = sum(counts.values())
    totals = {lang: sum(c.values()) for lang, c in hits.items()}
    scores = {lang: round(t / n_words, 4) for lang, t in totals.items()}
    english_ratio = round((totals["en"] / any_function if any_function else 0.0) * latin_share, 4)
    english_ratio = min(1.0, english_ratio)
    if script != "LATIN":
        code = _SCRIPT_CODES.get(script, "und")
        if script in ("HIRAGANA", "KATAKANA") or (script == "CJK" and (scripts["HIRAGANA"] or scripts["KATAKANA"])):
            code = "ja"
        return LanguageGuess(code, english_ratio, (f"script: {script} {n_main / n_letters:.0%}",), n_words, n_letters, scores, script)
    best = max(lists, key=lambda lang: (totals[lang], lang == "en"))
    if totals[best] < 2 or totals[best] < 0.05 * n_words:
        return LanguageGuess("und", english_ratio, (), n_words, n_letters, scores, script)
    evidence = tuple(f"{w}×{n}" for w, n in hits[best].most_common(8))
    return LanguageGuess(best, english_ratio, evidence, n_words, n_letters, scores, script)


def check_english(text_or_article: str | Article, *, source: str | None = None) -> LanguageGuess:
    """Warn (:class:`~mediakit.errors.LanguageWarning`) when a text is not English.

    mediakit's lexicons (sentiment, hedges, attribution verbs, frames) are
    English; on other languages their scores mean little. Texts shorter than
    :data:`MIN_WORDS` words (``2 * MIN_WORDS`` letters in scripts written
    without spaces) are not judged.

    Args:
        text_or_article: a text, or an :class:`~mediakit.article.Article`.
        source: the file or id to name in the warning (an article's own
            ``source``/``id`` by default).

    Returns:
        The :class:`LanguageGuess`, warning or not.

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     g = check_english("Die Regierung hat am Montag erklärt, dass die Gespräche mit der "
        ...                       "Opposition nicht fortgesetzt werden, weil es keine Einigung gibt.")
        >>> g.code, caught[0].category.__name__
        ('de', 'LanguageWarning')
    """
    guess = guess_language(text_or_article)
    long_enough = guess.n_words >= MIN_WORDS or (guess.script != "LATIN" and guess.n_letters >= 2 * MIN_WORDS)
    if not long_enough or guess.is_english:
        return guess
    if source is None and isinstance(text_or_article, Article):
        source = text_or_article.source or text_or_article.id
    where = f"{source}: " if source else ""
    what = f"looks like {guess.code!r}" if guess.code != "und" else "does not look like English"
    because = f" ({', '.join(guess.evidence[:3])})" if guess.evidence else ""
    warnings.warn(
        f"{where}text {what}{because}, english_ratio={guess.english_ratio:.2f}; mediakit's lexicons are English, "
        "so sentiment, cue and frame scores of this text are unreliable",
        LanguageWarning,
        stacklevel=2,
    )
    return guess
