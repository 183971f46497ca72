"""Word lists and word classes of the name scan: lexicons, stop words, TextBlob's tag lexicon look-ups."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from ...lexicon import load_table, load_wordlist, trie_pattern


# ---------------------------------------------------------------- lexicons
@dataclass(frozen=True)
class _Lex:
    titles: dict[str, tuple[str, str]]  # word -> (class, gender)
    org_words: frozenset[str]
    org_suffixes: frozenset[str]  # last words of organisation names ("Technologies", "Pictures")
    places: frozenset[str]
    groups: frozenset[str]
    given: dict[str, str]  # given name -> gender
    speech: frozenset[str]
    demonyms: frozenset[str]  # one-word nationality adjectives, lower-cased


@functools.cache
def _description_re() -> re.Pattern[str]:
    """ "the former president", "a Kremlin spokesperson": a determiner, up to three words, a role word.

    The role word is one of the titles lexicon, so the lazy modifier group
    reaches past "former" to "president" instead of stopping at the first word.
    The pattern starts with a set of letters, so the regex engine skips to
    those letters instead of trying every position; the word boundary before
    the determiner, ``\\b``, is the lookbehind after its first letter (no word
    character before it).
    """
    heads = [w for w in _lex().titles if w.isalpha() and w not in _NOT_DESCRIPTION_HEADS]
    return re.compile(r"[TtAa]" + _BOUNDARY_BEFORE + r"(?:(?<=[Tt])he|(?<=[Aa])n?)\s+((?:[\w-]+\s+){0,3}?)("
                      + trie_pattern(heads) + r")\b")  # a prefix tree of the role words; \b after it


#: After a pattern's first character: ``\\b`` before that character (no word character before it).
_BOUNDARY_BEFORE = r"(?<!\w.)"


def _descriptions(text: str) -> Iterator[re.Match[str]]:
    """Matches of :func:`_description_re` in ``text``: group 1 the modifiers, group 2 the role word."""
    return _description_re().finditer(text)


@functools.cache
def _lex() -> _Lex:
    return _Lex(
        titles={r["word"]: (r["class"], r["gender"]) for r in load_table("person_titles")},
        org_words=frozenset(load_wordlist("org_words")),
        org_suffixes=frozenset(load_wordlist("org_suffixes")),
        places=frozenset(load_wordlist("places")) | frozenset(load_wordlist("places_geonames")),
        groups=frozenset(load_wordlist("group_words")),
        given={r["name"].lower(): r["gender"] for r in load_table("given_names")},
        speech=frozenset(load_wordlist("speech_verbs")),
        demonyms=frozenset(load_wordlist("demonyms")),
    )


# Capitalised words that are not names where they stand.
STOP_CAPS = frozenset(
    """the a an but and or so yet if as at in on of for to by from with after before when while
    this that these those there here it its he she they we i you his her their our my your
    what who why how where which mr mrs ms dr according however meanwhile still also then now
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december well yes no not unfortunately today yesterday
    last next earlier later many some most several one two three every each all both such""".split()
)
# Roles too vague to resolve to a person, or words that are titles only before a name.
_NOT_DESCRIPTION_HEADS = frozenset(
    "man woman resident witness victim suspect source head chief press prime general host chair justice "
    "officer mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady sen. rep. gen.".split()
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_POSSESSIVE = re.compile(r"['’]s?$")
# the endings _POSSESSIVE finds in a token ("Smith's", "Jones'"; a token holds no line break for "$" to pass)
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")
_CONTRACTION = re.compile(r"['’]")
# he, she, him, his, her, they, them, their in any case (as re.IGNORECASE reads them: "ſ" is an "s",
# "İ" and "ı" are an "i"), written as character classes so that the pattern starts with one set of
# letters: the regex engine skips to those letters (then the word boundary before them, and
# lookbehinds that pick the pronouns starting with the letter found).
_PRONOUN_RE = re.compile(
    r"[HhSsſTt]" + _BOUNDARY_BEFORE + r"(?:(?<=[Hh])(?:[Ee][Rr]?|[Iiİı][MmSsſ])|(?<=[Ssſ])[Hh][Ee]|(?<=[Tt])[Hh][Ee](?:[YyMm]|[Iiİı][Rr]))\b"
)


def _pronouns(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``\\b(?:he|she|him|his|her|they|them|their)\\b`` (any case) in ``text``."""
    return _PRONOUN_RE.finditer(text)


_TEXT_OF = attrgetter("text")
_FIRST_CHAR = itemgetter(0)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _norm(word: str) -> str:
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_FUNCTION_WORDS = frozenset(
    "a an the and or nor but of to in on at for by with from as vs via into onto over per than up off out is".split()
)


def _title_case(text: str, start: int = 0, end: int | None = None) -> bool:
    """Headline-style capitalisation: every content word capitalised.

    "Russia Responds to Donald Trump's Alleged Threat" is; "Chancellor Olaf
    Scholz met President Emmanuel Macron" is not (a name-heavy sentence still
    has a lower-case verb).
    """
    n_content = 0
    # stops at the first lower-case content word: most paragraphs have one early (read in place, not copied)
    for m in _WORD_RE.finditer(text, start, len(text) if end is None else end):
        w = m.group()
        if w.lower() in _FUNCTION_WORDS:
            continue
        if w[0].islower():
            return False
        n_content += 1
    return n_content >= 3


@functools.cache
def _tagger() -> Any:
    """``textblob.en.tag``, loaded without NLTK (:mod:`mediakit._textblob_tagger`)."""
    from ..._textblob_tagger import tagger

    return tagger()


@functools.cache
def _tag_lexicon() -> Any:
    """The word -> tag lexicon TextBlob's tagger reads (loaded on first use)."""
    from ..._textblob_tagger import tag_lexicon

    return tag_lexicon()


_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_QUOTE_CHARS = frozenset("\"“”‘’")


@functools.lru_cache(maxsize=1 << 16)
def _proper_word(word: str) -> bool:
    """TextBlob's tag of ``word`` as a sentence's first token is NNP or NNPS (see :func:`_is_proper_at_start`)."""
    lexicon = _tag_lexicon()
    tag = lexicon.get(word) or lexicon.get(word.lower())
    if tag is None:
        tag = "NNP" if word.istitle() else "NN"  # unknown words: NNP if title case, else a suffix rule (never NNP)
    return bool(tag.startswith("NNP"))


# Word classes that never start a name: prepositions and subordinating conjunctions, determiners,
# coordinating conjunctions, adverbs, wh-words, modals, pronouns, interjections.
# (Not modals: "Will Smith".)
_FUNCTION_TAGS = frozenset("IN DT PDT CC RB RBR RBS WRB WDT WP WP$ EX TO PRP PRP$ UH".split())


@functools.lru_cache(maxsize=1 << 14)
def _function_word(word: str) -> bool:
    """A title-case word that TextBlob's lexicon knows only as a function word: "Under", "Despite", "Meanwhile".

    Not when the capitalised form is itself a proper noun in the lexicon ("North", "New").
    """
    if not (word.isalpha() and word.istitle()):
        return False
    lexicon = _tag_lexicon()
    return lexicon.get(word.lower()) in _FUNCTION_TAGS and not (lexicon.get(word) or "").startswith("NNP")


def _is_proper_at_start(word: str, sentence_text: str) -> bool:
    """Whether TextBlob's tagger tags the first word of ``sentence_text`` as a proper noun (NNP, NNPS).

    The tagger (``textblob.en.tag``) uses no contextual rules: a first word's
    tag is its lexicon tag (the word as written, else lower-cased), else NNP
    for a title-case word, else a suffix rule that never gives NNP. So when the
    tagger's first token is a plain word of letters (followed by a space, a
    comma and a space, a quotation mark or apostrophe, or the end), the answer
    is a look-up, cached per word; any other start (hyphens, periods, one
    letter, "n't") asks the tagger itself.
    """
    m = _LEADING_LETTERS.match(sentence_text)
    if m is not None:
        first = m.group()
        e = m.end()
        after = sentence_text[e : e + 2]
        if len(first) > 1 and (
            not after
            or after[0].isspace()
            or after[0] in _QUOTE_CHARS  # the tokenizer puts spaces around quotation marks and apostrophes
            or (after[0] == "," and (after == "," or after[1].isspace()))
            or (after[0] == "'" and not (after == "'t" and first[-1] == "n"))  # "Isn't" -> "Is n't"
        ):
            return _proper_word(first)
    tags = _tagger()(sentence_text[:80])
    return bool(tags) and tags[0][1].startswith("NNP")
