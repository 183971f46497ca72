"""Word lists of the quote rules: speech verbs and the word classes of ``quote_words``, and small closed sets."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon import load_table, load_wordlist

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._model import _Tok


@dataclass(frozen=True)
class _Words:
    speech: frozenset[str]
    aux: frozenset[str]
    audience: frozenset[str]
    naming: frozenset[str]
    work: frozenset[str]
    clause: frozenset[str]
    stop: frozenset[str]
    that_verbs: frozenset[str]
    after_only: frozenset[str]
    finite: frozenset[str]
    nominal: frozenset[str]
    reporting: frozenset[str]  # speech verbs and the participles that report a clause: reported speech only
    indirect_keys: frozenset[str]  # the only words that can start reported speech (see _indirect)


@functools.cache
def _words() -> _Words:
    rows = load_table("quote_words")

    def cls(name: str) -> frozenset[str]:
        return frozenset(r["word"].lower() for r in rows if r["class"] == name)

    speech = frozenset(load_wordlist("speech_verbs"))
    that_verbs = cls("that")
    return _Words(
        speech=speech,
        aux=cls("aux"),
        audience=cls("audience"),
        naming=cls("naming"),
        work=cls("work"),
        clause=cls("clause"),
        stop=cls("stop"),
        that_verbs=that_verbs,
        after_only=cls("after"),
        finite=cls("finite"),
        nominal=cls("nominal"),
        reporting=speech | cls("participle"),
        indirect_keys=speech | cls("participle") | that_verbs | cls("nominal") | {"according", "call", "calls", "called", "calling"}
        | {"point", "points", "pointed", "pointing", "make", "makes", "made", "making"},
    )


_IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think"}
_SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())
_CLAUSE_DETS = frozenset("the a an his her their its our my this these those some many no one two".split())
_NOUN_DETS = frozenset("a an the his her their its our my your this that these those such any every no".split())
_PRONOUNS = frozenset("he she they it we i you him her them".split())
_PREPS = frozenset("in on at for with from by of to about after before during alongside among despite "
                   "into over under like unlike amid".split())
_NOT_AFTER_SUBJECT = frozenset("about of for to on in at with from not against over".split())
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_DASHES = frozenset("—–-")
_END_PUNCT = frozenset(".!?…")


def _lemma_is(word: str, classes: frozenset[str]) -> bool:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w] in classes
    cands = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "y", w[:-3] + "e", w[:-1] + "e" if w.endswith("d") else w}
    return any(c in classes for c in cands)


#: Speech verbs that are also words of names: "the State Department", "The Washington Post", "the Drudge
#: Report", "Secretary of State". Capitalised after a capitalised word, "the" or "of", they are no cue.
_NAME_PARTS = frozenset("state states post posts report reports counter".split())
#: Words ending in -ly that are no adverb: "a Clinton ally suggested" is not the cue "ally suggested".
_LY_NOUNS = frozenset("ally rally family assembly supply reply bully tally anomaly monopoly homily belly daily weekly".split())


def _name_part(toks: Sequence[_Tok], v: int) -> bool:
    """``toks[v]`` is a speech verb's form inside a name ("State" in "the State Department")."""
    t = toks[v].text
    if v == 0 or not t[:1].isupper() or t.lower() not in _NAME_PARTS:
        return False
    p = toks[v - 1].text
    return (p[:1].isupper() and p[:1].isalpha()) or p.lower() in ("the", "of")


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_word(tok: _Tok) -> bool:
    return tok.text[:1].isalnum()


_ADJUNCT_START = frozenset("on in at during late last this earlier yesterday today monday tuesday wednesday thursday "
                           "friday saturday sunday".split())
