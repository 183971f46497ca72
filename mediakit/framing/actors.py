"""Actors: the people, organisations and places a news text names, every label merged.

Offline rules, no model: capitalised word sequences with small lexicons of
titles, organisation words, places and given names (``mediakit/lexicons/``),
and TextBlob's offline tagger (``textblob.en.tag``) only to decide whether a
capitalised word that starts a sentence is a name. Labels are merged into one
actor where the text allows:

* a surname or given name alone ("Trump", "Vladimir") joins the full name
  seen elsewhere ("Donald Trump"); the display name is the fullest form;
* a title before the name ("Russian President Vladimir Putin", "Kremlin
  spokesperson Dmitry Peskov"), a nationality ("Australian Lynton Crosby")
  and an apposition after it ("Trump, the Republican candidate, ...") become
  labels of that person; a function word that is capitalised only because it
  starts the sentence ("Under AFL-CIO rules", "Despite Downing Street
  denials") is not part of the name;
* descriptions ("the former president", "the Russian leader", "a
  spokesperson") resolve to the person whose labels share the role word
  (president ~ leader) and modifiers, else to the most recent compatible
  person; "former X" never resolves to someone labelled the current X;
* pronouns ("he", "she", "they") resolve to the most recent compatible actor
  named outside quotation marks (gender from given names and titles).

Everything is one pass over the word tokens plus small lookups: linear time.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Literal

from ..article import Article
from ..lexicon import load_table, load_wordlist
from ..segment import as_text, quoted_spans, split_paragraphs, split_sentences, tokenize

if TYPE_CHECKING:
    import pandas as pd

    from .quotes import Quote

__all__ = ["Mention", "Actor", "find_actors", "actors_table", "share_of_voice"]

MentionForm = Literal["name", "surname", "pronoun", "description", "title"]
ActorKind = Literal["person", "organisation", "place", "group"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text refers to an actor: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    form: MentionForm

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "form": self.form}


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, place or group, with every label the text gives it."""

    name: str
    kind: ActorKind
    labels: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "labels": list(self.labels),
            "n_mentions": self.n_mentions,
            "mentions": [m.to_dict() for m in self.mentions],
        }


# ---------------------------------------------------------------- lexicons
@dataclass(frozen=True)
class _Lex:
    titles: dict[str, tuple[str, str]]  # word -> (class, gender)
    org_words: frozenset[str]
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
    """
    heads = sorted((w for w in _lex().titles if w.isalpha() and w not in _NOT_DESCRIPTION_HEADS), key=len, reverse=True)
    return re.compile(r"(?=[TtAa])\b(?:[Tt]he|[Aa]n?)\s+((?:[\w-]+\s+){0,3}?)(" + "|".join(heads) + r")\b")


@functools.cache
def _lex() -> _Lex:
    return _Lex(
        titles={r["word"]: (r["class"], r["gender"]) for r in load_table("person_titles")},
        org_words=frozenset(load_wordlist("org_words")),
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
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|ic|i)$")
_POSSESSIVE = re.compile(r"['’]s?$")
_CONTRACTION = re.compile(r"['’]")
# The lookaheads name the first letters the alternatives can start with: the scan skips other
# positions quickly and finds the same matches.
_PRONOUN_RE = re.compile(r"(?=[hst])\b(?:he|she|him|his|her|they|them|their)\b", re.IGNORECASE)


_TEXT_OF = attrgetter("text")
_FIRST_CHAR = itemgetter(0)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _norm(word: str) -> str:
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


# ---------------------------------------------------------------- the index
@dataclass
class _Entity:
    key: str
    kind: ActorKind
    forms: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str = ""

    @property
    def name(self) -> str:
        forms = self.forms
        if len(forms) == 1:
            return forms[0]
        return max(forms, key=lambda f: (len(f.split()), len(f))) if forms else self.key

    def label_words(self) -> set[str]:
        return {w.lower().rstrip(".") for label in self.labels for w in re.findall(r"[\w.-]+", label)}

    def classes(self) -> dict[str, bool]:
        """Role classes of this entity's labels -> whether the label says 'former'."""
        titles = _lex().titles
        out: dict[str, bool] = {}
        for label in self.labels:
            words = [w.lower() for w in re.findall(r"[\w.-]+", label)]
            former = "former" in words or any(w.startswith("ex-") for w in words)
            for w in words:
                if w in titles and w not in _NOT_DESCRIPTION_HEADS:
                    out[titles[w][0]] = out.get(titles[w][0], True) and former
        return out


@dataclass(frozen=True)
class _Ref:
    """A mention placed in the text, pointing at an entity (index into ``_Index.entities``)."""

    start: int
    end: int
    entity: int
    form: MentionForm
    note: str | None = None


@dataclass
class _Index:
    text: str
    entities: list[_Entity]
    refs: list[_Ref]  # sorted by start
    starts: list[int]
    quoted: list[tuple[int, int]]

    def entity_in(self, start: int, end: int) -> tuple[_Entity | None, str | None]:
        """The actor referred to by the words in ``[start, end)`` (the last name, else a description/pronoun)."""
        i = bisect.bisect_left(self.starts, start)
        best: _Ref | None = None
        while i < len(self.refs) and self.refs[i].start < end:
            r = self.refs[i]
            if r.end <= end and (best is None or _FORM_RANK[r.form] >= _FORM_RANK[best.form]):
                best = r
            i += 1
        if best is None:
            return None, None
        return self.entities[best.entity], best.note


_FORM_RANK = {"pronoun": 0, "description": 1, "title": 1, "surname": 2, "name": 3}


def _in_quote(quoted: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(quoted, (pos, 1 << 62)) - 1
    return i >= 0 and quoted[i][0] <= pos < quoted[i][1]


def _quoted(text: str, paragraphs: Sequence[tuple[int, int, int, str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for _, s, e, _ in paragraphs:
        spans.extend(quoted_spans(text, s, e))
    return sorted(spans)


_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_FUNCTION_WORDS = frozenset(
    "a an the and or nor but of to in on at for by with from as vs via into onto over per than up off out is".split()
)


def _title_case(text: str) -> bool:
    """Headline-style capitalisation: every content word capitalised.

    "Russia Responds to Donald Trump's Alleged Threat" is; "Chancellor Olaf
    Scholz met President Emmanuel Macron" is not (a name-heavy sentence still
    has a lower-case verb).
    """
    n_content = 0
    for m in _WORD_RE.finditer(text):  # stops at the first lower-case content word: most paragraphs have one early
        w = m.group()
        if w.lower() in _FUNCTION_WORDS:
            continue
        if w[0].islower():
            return False
        n_content += 1
    return n_content >= 3


@functools.cache
def _tagger() -> Any:
    from textblob.en import tag

    return tag


@functools.cache
def _tag_lexicon() -> Any:
    """The word -> tag lexicon TextBlob's tagger reads (loaded on first use)."""
    from textblob.en import parser

    return parser.lexicon


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


def index_for(text_or_article: str | Article) -> _Index:
    """The actor index of a text (cached per text): used by quotes for speaker resolution."""
    text = as_text(text_or_article)
    paras = tuple((p.index, p.start, p.end, p.role) for p in split_paragraphs(text_or_article))
    return _build_index(text, paras)


@functools.lru_cache(maxsize=64)
def _build_index(text: str, paras: tuple[tuple[int, int, int, str], ...]) -> _Index:
    lex = _lex()
    sentences = split_sentences(text) if all(r == "body" for *_, r in paras) else None
    if sentences is None:
        # an Article: sentence splitting follows its parts
        sentences = [s for s in _sentences_for(text, paras)]
    quoted = _quoted(text, paras)
    sent_starts = {s.start for s in sentences}
    title_paras = [(s, e) for _, s, e, role in paras if role == "headline" or _title_case(text[s:e])]

    def in_title(pos: int) -> bool:
        return any(s <= pos < e for s, e in title_paras)

    tokens = tokenize(text)
    words = list(map(_TEXT_OF, tokens))
    n = len(tokens)
    # capitalised tokens: the first character's case is read for every token at C speed (map), the
    # rest of the test (a letter somewhere: "Ⅻ" is upper case, not a letter) only for the few upper-case ones
    cap_idx = [k for k in compress(range(n), map(str.isupper, map(_FIRST_CHAR, words)))
               if words[k][0].isalpha() or _is_cap(words[k])]
    caps = [False] * n
    for k in cap_idx:
        caps[k] = True

    def positional(k: int) -> bool:
        """Capitalised by position: sentence-initial, after a stop, or after an opening quotation mark."""
        if tokens[k].start in sent_starts:
            return True
        if k == 0:
            return False
        prev = words[k - 1]
        if prev in ".!?:":
            return True
        p0 = tokens[k - 1].start
        return prev in "\"“'‘" and (p0 == 0 or text[p0 - 1].isspace())

    mid_caps = {words[k] for k in cap_idx if k and not positional(k)}

    entities: list[_Entity] = []
    by_key: dict[str, int] = {}
    refs: list[_Ref] = []
    pending: list[tuple[int, int, str, str, list[str]]] = []  # start, end, name, hint, labels
    deferred: list[tuple[int, int]] = []  # token ranges in title-case text

    # entities by the first word of their current name (lower-cased): "Vladimir" finds "Vladimir Putin"
    # with a look-up, not a scan of every entity's name
    by_first: dict[str, list[int]] = {}
    first_of: list[str | None] = []

    def index_first(e: int) -> None:
        parts = entities[e].name.split()
        first = parts[0].lower() if parts else None
        if e < len(first_of):
            if first_of[e] == first:
                return
            old = first_of[e]
            if old is not None:
                by_first[old].remove(e)
            first_of[e] = first
        else:
            first_of.append(first)
        if first is not None:
            bisect.insort(by_first.setdefault(first, []), e)

    def new_entity(key: str, kind: ActorKind) -> int:
        by_key[key] = len(entities)
        entities.append(_Entity(key, kind))
        index_first(by_key[key])
        return by_key[key]

    def kind_of(name: str, hint: str) -> ActorKind | None:
        low = name.lower()
        parts = low.split()
        if hint:
            return "person"
        if low in lex.places or low.removeprefix("the ") in lex.places:
            return "place"
        if low in lex.groups:
            return "group"
        if any(p.rstrip(".") in lex.org_words or p in lex.org_words for p in parts) or (name.isupper() and len(name) <= 6):
            return "organisation"
        if parts[0] in lex.given:
            return "person"
        if len(parts) >= 2:
            return "person"
        return None


    def _person_name(group: list[int]) -> bool:
        """Words that read as a person's full name: no place, organisation or group word, and a first
        word that is a given name or no common English word ("Retail Consortium", "New Year" are not)."""
        first = words[group[0]].lower()
        return kind_of(" ".join(_norm(words[k]) for k in group), "") == "person" and first not in lex.demonyms and (
            first in lex.given or tag_lexicon.get(first) is None)

    tag_lexicon = _tag_lexicon()
    j = 0  # the end of the last name group: the next group starts at a capitalised token after it
    for i in cap_idx:
        if i < j:
            continue
        w = words[i]
        if w.lower() in STOP_CAPS or _CONTRACTION.split(w)[0].lower() in STOP_CAPS:
            continue  # "I'm", "We're", "It's" are pronouns, not names
        j = i + 1
        if not _POSSESSIVE.search(w):
            while j < n:
                if caps[j] and words[j].lower() not in STOP_CAPS and tokens[j].start - tokens[j - 1].end <= 1:
                    j += 1
                    if _POSSESSIVE.search(words[j - 1]):
                        break
                elif words[j] == "of" and j + 1 < n and caps[j + 1] and words[j + 1].lower() not in STOP_CAPS:
                    j += 2
                else:
                    break
        if title_paras and in_title(tokens[i].start):
            deferred.append((i, j))
            continue
        group = list(range(i, j))
        # "Under AFL-CIO rules", "Despite Crosby's plan": a function word capitalised by its place in the
        # sentence is not part of the name that follows it
        if j - i > 1 and caps[i + 1] and positional(i) and _function_word(w) and w.lower() not in lex.given:
            group = group[1:]
            i += 1
            w = words[i]
            if _CONTRACTION.split(w)[0].lower() in STOP_CAPS:
                continue  # "Maybe I'll": no name at all
        first = tokens[i]
        # sentence-initial, or clause-initial inside a quotation ("... believe it. I'm going",
        # "He goes, 'No way.' I said, 'Way.'"): capitalised by position, perhaps not a name
        if positional(i):
            if j - i == 1 and w not in mid_caps and not _is_proper_at_start(w, text[first.start : first.start + 80]):
                continue
        # a title inside the group: "Russian President Vladimir Putin"
        labels: list[str] = []
        hint = ""
        t = max((k for k in group if words[k].lower() in lex.titles), default=-1)
        if t >= 0:
            if t == group[-1]:
                continue  # "White House Press Secretary": a role, not a name
            labels.append(text[tokens[group[0]].start : tokens[t].end])
            hint = "person"
            group = [k for k in group if k > t]
        # a nationality before a person's name: "Australian Lynton Crosby" is Lynton Crosby, labelled Australian
        if len(group) >= 3 and words[group[0]].lower() in lex.demonyms and _person_name(group[1:]):
            labels.append(words[group[0]])
            hint = "person"
            group = group[1:]
        # a lowercase title just before: "Kremlin spokesperson Dmitry Peskov"
        k = group[0] - 1
        if k >= 0 and words[k].lower() in lex.titles and not caps[k] and lex.titles[words[k]][0] != "honorific":
            s = k
            while s - 1 >= 0 and (caps[s - 1] or words[s - 1].lower() in lex.titles) and words[s - 1].lower() not in STOP_CAPS:
                s -= 1
            labels.append(text[tokens[s].start : tokens[k].end])
            hint = "person"
        # a single adjective of nationality or party: "Republican candidate", "Russian state media"
        if (len(group) == 1 and not hint and _DEMONYM.search(words[group[0]]) and group[0] + 1 < n
                and words[group[0] + 1][:1].islower() and _norm(words[group[0]]).lower() not in lex.places):
            continue
        # a nationality alone is not a name: "Welsh patients", "the Argentine", "the French"
        if len(group) == 1 and not hint and _norm(words[group[0]]).lower() in lex.demonyms:
            continue
        last = group[-1]
        end = tokens[last].end
        name_words = [_norm(words[k]) for k in group]
        if _POSSESSIVE.search(words[last]):
            end -= len(words[last]) - len(name_words[-1])
        # apposition after: "Trump, the Republican candidate for ..., told"
        if j + 2 < n and words[j] == "," and words[j + 1].lower() in ("the", "a", "an"):
            for k in range(j + 2, min(n, j + 9)):
                if words[k] in (",", ".", ";", "—"):
                    head = words[k - 1].lower()
                    if head in lex.titles or any(words[m].lower() in lex.titles for m in range(j + 2, k)):
                        labels.append(text[tokens[j + 1].start : tokens[k - 1].end])
                        hint = hint or "person"
                    break
        pending.append((tokens[group[0]].start, end, " ".join(name_words), hint, labels))

    # persons with full names first, so surnames can join them
    order = sorted(range(len(pending)), key=lambda q: -len(pending[q][2].split()))
    for q in order:
        start, end, name, hint, labels = pending[q]
        kind = kind_of(name, hint)
        parts = name.split()
        key = name.lower()
        idx: int | None = None
        form: MentionForm = "name"
        if kind == "person" or kind is None:
            surname = parts[-1].lower()
            if len(parts) >= 2:
                idx = by_key.get("person:" + surname)
                if idx is not None and entities[idx].forms and len(entities[idx].name.split()) >= 2:
                    full = entities[idx].name.split()
                    if full[0].lower() != parts[0].lower() and parts[0].lower() != full[-1].lower():
                        idx = None  # a different person with the same surname
                if idx is None:
                    idx = new_entity("person:" + surname, "person")
            else:
                idx = by_key.get("person:" + surname)
                if idx is not None:
                    form = "surname"
                else:
                    idx = next((e for e in by_first.get(surname, ()) if entities[e].kind == "person"), None)
                    if idx is not None:
                        form = "surname"
                    elif kind is None:
                        idx = by_key.get("other:" + key)
                        if idx is None:
                            idx = new_entity("other:" + key, "organisation")
                    else:
                        idx = new_entity("person:" + surname, "person")
        else:
            idx = by_key.get("other:" + key.removeprefix("the "))
            if idx is None:
                idx = new_entity("other:" + key.removeprefix("the "), kind)
        ent = entities[idx]
        if form == "name" and name not in ent.forms:
            ent.forms.append(name)
            index_first(idx)
        ent.labels.extend(lb for lb in labels if lb not in ent.labels)
        refs.append(_Ref(start, end, idx, form))
        if ent.kind == "person" and not ent.gender:
            ent.gender = lex.given.get(parts[0].lower(), "") if len(parts) > 1 else ""
            for lb in labels:
                for wd in lb.lower().split():
                    if wd in lex.titles and lex.titles[wd][1]:
                        ent.gender = lex.titles[wd][1]
    # an unknown single word used like a person ("Peskov told reporters") stays an organisation
    # unless a speech verb or pronoun agreement says otherwise: promote when followed by a speech verb.
    for r in refs:
        ent = entities[r.entity]
        if ent.key.startswith("other:") and ent.kind == "organisation" and " " not in ent.key:
            nxt = re.match(r"\s+(?:\w+ly\s+)?(\w+)", text[r.end : r.end + 30])
            if nxt and nxt.group(1).lower() in lex.speech and ent.key[6:] not in lex.org_words:
                ent.kind = "person"

    # title-case text (headlines): only names known from elsewhere
    known: dict[str, int] = {}
    for e, ent in enumerate(entities):
        for f in ent.forms:
            known[f.lower()] = e
        if ent.kind == "person" and ent.forms:
            known.setdefault(ent.name.split()[-1].lower(), e)
    for a, b in deferred:
        k = a
        while k < b:
            for stop in range(min(b, k + 4), k, -1):
                cand = " ".join(_norm(words[x]) for x in range(k, stop)).lower()
                if cand in known or (stop == k + 1 and cand in lex.places):
                    found = known.get(cand)
                    if found is None:
                        found = by_key.get("other:" + cand)
                        if found is None:
                            found = new_entity("other:" + cand, "place")
                            entities[found].forms.append(_norm(words[k]))
                            known[cand] = found
                    e = found
                    end = tokens[stop - 1].end - (len(words[stop - 1]) - len(_norm(words[stop - 1])))
                    form = "name" if stop - k > 1 or cand != entities[e].name.split()[-1].lower() or len(entities[e].name.split()) == 1 else "surname"
                    refs.append(_Ref(tokens[k].start, end, e, form))
                    k = stop
                    break
            else:
                k += 1

    refs.sort(key=lambda r: r.start)
    name_refs = [r for r in refs if not _in_quote(quoted, r.start)]
    starts_of: dict[int, list[int]] = {}  # entity -> sorted starts of its name mentions
    for r in name_refs:
        starts_of.setdefault(r.entity, []).append(r.start)
    # descriptions: "the former president", "a spokesperson"
    persons = [e for e, ent in enumerate(entities) if ent.kind == "person"]
    extra: list[_Ref] = []
    bound_labels = {(lb.lower()) for ent in entities for lb in ent.labels}
    role_cache: dict[int, tuple[dict[str, bool], set[str]]] = {}  # entity -> (classes, label words)
    person_set = frozenset(persons)
    name_ref_starts = [r.start for r in name_refs]
    for dm in _description_re().finditer(text):
        head = dm.group(2)
        if head not in lex.titles or head in _NOT_DESCRIPTION_HEADS or _in_quote(quoted, dm.start()):
            continue
        mods = [w.lower() for w in dm.group(1).split()]
        if any(w in lex.speech or w in STOP_CAPS for w in mods):
            continue
        desc = dm.group(0)
        cls = lex.titles[head][0]
        det = desc.split()[0].lower()
        former = "former" in mods or any(w.startswith("ex-") for w in mods)
        best: tuple[float, int] | None = None
        note: str | None = None
        g = lex.titles[head][1]
        bound = desc.lower() in bound_labels
        for e in _candidates(persons, person_set, name_refs, name_ref_starts, dm.start()):
            ent = entities[e]
            if bound and any(lb.lower() == desc.lower() for lb in ent.labels):
                best, note = (100.0, e), None
                break
            if e not in role_cache:  # labels change only when a description joins: see below
                role_cache[e] = (ent.classes(), ent.label_words())
            classes, lw = role_cache[e]
            if cls in classes and former != classes[cls]:
                continue  # "the former president" is not the current president
            if g and ent.gender and g != ent.gender:
                continue
            score = 0.0
            if cls in classes:
                score += 3
            score += 2 * sum(1 for w in mods if w in lw and w not in ("the", "a", "an"))
            if score == 0 and det != "the":
                continue
            # recency: last mention before the description (outside quotes)
            own = starts_of.get(e, [])
            k_before = bisect.bisect_left(own, dm.start())
            if not k_before and det == "the" and score == 0:
                continue
            recency = (own[k_before - 1] / max(1, dm.start())) if k_before else 0.0
            scored = (score + recency, e)
            if best is None or scored > best:
                best = scored
                note = None if score > 0 else "description resolved by recency"
        if best is not None:
            extra.append(_Ref(dm.start(), dm.end(), best[1], "description", note))
            ent = entities[best[1]]
            if desc not in ent.labels and desc.lower() not in {lb.lower() for lb in ent.labels}:
                ent.labels.append(desc)
                role_cache.pop(best[1], None)
    # pronouns: most recent compatible actor named outside quotations
    named = sorted(name_refs + [r for r in extra if r.note is None], key=lambda r: r.start)
    named_starts = [r.start for r in named]
    for pm in _PRONOUN_RE.finditer(text):
        p = pm.group(0).lower()
        if _in_quote(quoted, pm.start()):
            continue
        k = bisect.bisect_left(named_starts, pm.start()) - 1
        while k >= 0:
            ent = entities[named[k].entity]
            if p in _PLURAL_PRONOUNS:
                ok = ent.kind in ("organisation", "group")
            else:
                ok = ent.kind == "person" and (not ent.gender or ent.gender == _PRONOUN_GENDER[p])
            if ok:
                extra.append(_Ref(pm.start(), pm.end(), named[k].entity, "pronoun"))
                break
            k -= 1
            if pm.start() - named_starts[max(k, 0)] > 600:
                break
    refs = sorted(refs + extra, key=lambda r: r.start)
    for r in refs:
        entities[r.entity].mentions.append(Mention(r.start, r.end, text[r.start : r.end], r.form))
    return _Index(text, entities, refs, [r.start for r in refs], quoted)


_MAX_CANDIDATES = 60  # persons weighed for one description; every person when there are fewer
_AHEAD = 1000  # characters after a description where the person it names may first appear


def _candidates(persons: list[int], person_set: frozenset[int], name_refs: Sequence[_Ref],
                starts: Sequence[int], pos: int) -> list[int]:
    """The persons a description at ``pos`` may refer to, in entity order.

    In a text naming few people, all of them. In one naming hundreds (a long
    list, a pathological input), the ones most recently named before ``pos``
    and those named soon after it: resolution stays linear in text length.
    """
    if len(persons) <= _MAX_CANDIDATES:
        return persons
    k = bisect.bisect_left(starts, pos)
    found: set[int] = set()
    j = k - 1
    while j >= 0 and len(found) < _MAX_CANDIDATES and k - j <= 8 * _MAX_CANDIDATES:
        if name_refs[j].entity in person_set:
            found.add(name_refs[j].entity)
        j -= 1
    j = k
    while j < len(name_refs) and starts[j] - pos <= _AHEAD:
        if name_refs[j].entity in person_set:
            found.add(name_refs[j].entity)
        j += 1
    return sorted(found)


def _sentences_for(text: str, paras: tuple[tuple[int, int, int, str], ...]) -> list[Any]:
    from ..segment import _split_sentences

    return list(_split_sentences(text, tuple((i, s, e) for i, s, e, _ in paras)))


# ---------------------------------------------------------------- public API
def find_actors(text_or_article: str | Article) -> tuple[Actor, ...]:
    """People, organisations, places and groups in a text, most mentioned first.

    Args:
        text_or_article: a text, or an :class:`~mediakit.article.Article`
            (offsets are then into ``article.text``).

    Returns:
        A tuple of :class:`Actor`, each with every label and mention merged.

    Examples:
        >>> text = ("Kremlin spokesperson Dmitry Peskov said on Monday that talks had stalled. "
        ...         "Peskov told reporters he would not comment. The Kremlin spokesperson left.")
        >>> a = find_actors(text)[0]
        >>> a.name, a.kind, a.n_mentions
        ('Dmitry Peskov', 'person', 4)
        >>> [m.form for m in a.mentions]
        ['name', 'surname', 'pronoun', 'description']
    """
    idx = index_for(text_or_article)
    out = [
        Actor(ent.name, ent.kind, tuple(dict.fromkeys([ent.name, *ent.forms, *ent.labels])), tuple(ent.mentions))
        for ent in idx.entities
        if ent.mentions and ent.forms
    ]
    out.sort(key=lambda a: (-a.n_mentions, a.mentions[0].start))
    return tuple(out)


def share_of_voice(quotes: Iterable[Quote]) -> pd.DataFrame:
    """Quoted words per speaker, direct (direct + partial) and indirect, and each speaker's share.

    >>> from mediakit.framing.quotes import extract_quotes
    >>> share_of_voice(extract_quotes('"We will win this war," Peskov said.')).to_dict("records")[0]["quoted_words_direct"]
    5
    """
    import pandas as pd

    counts: dict[str, list[int]] = {}
    for q in quotes:
        if q.speaker is None:
            continue
        row = counts.setdefault(q.speaker, [0, 0, 0])
        n = len(re.findall(r"\w+(?:['’-]\w+)*", q.text))
        row[1 if q.kind == "indirect" else 0] += n
        row[2] += 1
    total = sum(r[0] + r[1] for r in counts.values())
    rows = [
        {
            "speaker": s,
            "n_quotes": r[2],
            "quoted_words_direct": r[0],
            "quoted_words_indirect": r[1],
            "share_of_voice": (r[0] + r[1]) / total if total else 0.0,
        }
        for s, r in counts.items()
    ]
    cols = ["speaker", "n_quotes", "quoted_words_direct", "quoted_words_indirect", "share_of_voice"]
    return pd.DataFrame(rows, columns=cols).sort_values("share_of_voice", ascending=False, ignore_index=True)


def actors_table(
    text_or_article: str | Article,
    *,
    actors: Sequence[Actor] | None = None,
    quotes: Sequence[Quote] | None = None,
) -> pd.DataFrame:
    """One row per actor: mentions, labels, share of voice, and tone around and in their words.

    ``tone_mentions`` is the mean TextBlob polarity of the sentences that
    mention the actor; ``tone_quoted`` the polarity of the actor's own quoted
    words (direct and indirect together; NaN when the actor is not quoted).
    Pass ``actors`` and ``quotes`` already found for this text (as
    :func:`mediakit.analyze` does) to skip finding them again.

    >>> actors_table('"This is a terrible mistake," Peskov said.')[["name", "kind", "quoted_words_direct"]].to_dict("records")
    [{'name': 'Peskov', 'kind': 'person', 'quoted_words_direct': 5}]
    """
    import pandas as pd

    from ..sentiment import score_sentiment
    from .quotes import extract_quotes

    actors = find_actors(text_or_article) if actors is None else actors
    quotes = extract_quotes(text_or_article) if quotes is None else quotes
    voice = share_of_voice(quotes).set_index("speaker")
    sentences = split_sentences(text_or_article)
    starts = [s.start for s in sentences]
    tone_cache: dict[int, float] = {}

    def sentence_tone(k: int) -> float:
        if k not in tone_cache:
            tone_cache[k] = score_sentiment(sentences[k].text).polarity
        return tone_cache[k]

    rows = []
    for a in actors:
        ks = sorted({bisect.bisect_right(starts, m.start) - 1 for m in a.mentions} - {-1})
        own = " ".join(q.text for q in quotes if q.speaker == a.name)
        v = voice.loc[a.name] if a.name in voice.index else None
        rows.append(
            {
                "name": a.name,
                "kind": a.kind,
                "n_mentions": a.n_mentions,
                "labels": "; ".join(a.labels),
                "quoted_words_direct": int(v["quoted_words_direct"]) if v is not None else 0,
                "quoted_words_indirect": int(v["quoted_words_indirect"]) if v is not None else 0,
                "share_of_voice": float(v["share_of_voice"]) if v is not None else 0.0,
                "tone_mentions": sum(sentence_tone(k) for k in ks) / len(ks) if ks else float("nan"),
                "tone_quoted": score_sentiment(own).polarity if own else float("nan"),
                "start": a.mentions[0].start,
                "end": a.mentions[0].end,
            }
        )
    cols = ["name", "kind", "n_mentions", "labels", "quoted_words_direct", "quoted_words_indirect",
            "share_of_voice", "tone_mentions", "tone_quoted", "start", "end"]
    return pd.DataFrame(rows, columns=cols)
