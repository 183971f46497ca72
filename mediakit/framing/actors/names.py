"""Word-level rules of the name scan: where a name runs on, and the kind its words alone give it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from .model import ActorKind
from .words import STOP_CAPS, _lex, _norm, _tag_lexicon

#: TextBlob lexicon tags of words that can modify the head of such a description.
_MODIFIER_TAGS = frozenset("JJ JJR JJS NN NNS NNP NNPS CD".split())

#: Month names that are also surnames ("Theresa May", "Brian May", "Kelly April").
_SURNAME_MONTHS = frozenset("may june april august march".split())


def _surname_month(words: Sequence[str], j: int, given: Any, tags: Any) -> bool:
    """Whether the month name ``words[j]`` is the surname of the name before it: it follows a given name
    (or a word that is no common English word) and no day or year follows ("Theresa May said", not
    "Washington May 3" or "Friday May 12")."""
    if words[j].lower() not in _SURNAME_MONTHS:
        return False
    prev = words[j - 1].lower()
    if not (prev in given or tags.get(prev) is None):
        return False
    return not (j + 1 < len(words) and words[j + 1][:1].isdigit())


#: Titles that also head the name of a public body: "Health and Safety Executive", "Scottish Executive"
#: (but "Chief Executive John Smith" is a title; so not an organisation word).
BODY_HEADS = frozenset({"executive"})


def _body_after_place(words: Sequence[str], group: Sequence[int], lex: Any) -> bool:
    """Whether ``group`` names a public body by a place and a title that heads such bodies ("Scottish
    Executive", "Northern Ireland Executive"): its only title word is the last, one of :data:`BODY_HEADS`,
    after a demonym or place."""
    if len(group) < 2 or words[group[-1]].lower() not in BODY_HEADS:
        return False
    if any(words[k].lower() in lex.titles for k in group[:-1]):
        return False
    before = words[group[-2]].lower()
    return before in lex.demonyms or before in lex.places


def _org_after_and(words: Sequence[str], caps: Sequence[bool], tokens: Sequence[Any], j: int, lex: Any,
                   tags: Any) -> int:
    """The end of an organisation's name that runs on over "and" at ``j``, else 0.

    Organisation names coordinate common nouns before their head ("Food and Drug Administration",
    "Department of Health and Human Services", "Securities and Exchange Commission"); two names side by
    side do not ("Trump and Putin", "Citizens Bank and Canal Bank", "Hero and House of Flying Daggers").
    So: the word before "and" is a common noun in TextBlob's lexicon, no acronym and no organisation
    word; the words since the name's start (or its last "of") are at most two, with no organisation
    word or given name; after "and" come two or three capitalised words ending in an organisation
    word, and no "of".
    """
    prev = words[j - 1]
    before = prev.lower()
    tag = tags.get(before) or ""
    if not (caps[j - 1] and tag.startswith("NN") and not tag.startswith("NNP") and not prev.isupper()):
        return 0
    if before in lex.org_words:
        return 0  # "Deutsche Bank and ...", "Electoral Commission and ...": a whole name already
    k = j - 2
    while k >= 0 and caps[k] and words[k] != "of" and words[k].lower() not in STOP_CAPS:
        low = words[k].lower().rstrip(".")
        if low in lex.org_words or low in lex.org_suffixes or low in lex.given or j - k > 2:
            return 0  # a whole name already, a person's name, or a long name: two names side by side
        k -= 1
    n = len(words)
    end = j + 1
    while end < n and end - j <= 4 and caps[end] and words[end].lower() not in STOP_CAPS \
            and tokens[end].start - tokens[end - 1].end <= 1:
        end += 1
    if not 2 <= end - (j + 1) <= 3 or (end < n and words[end] == "of"):  # two or three words, no "of" after
        return 0
    last = words[end - 1].lower().rstrip(".")
    return end if last in lex.org_words or last in lex.org_suffixes or last in BODY_HEADS else 0


def _joined(text: str, tokens: Sequence[Any], k: int) -> bool:
    """Whether tokens ``k - 1`` and ``k`` stand in one paragraph (no line break between them)."""
    return "\n" not in text[tokens[k - 1].end : tokens[k].start]


def _modifier(word: str, cap: bool, titles: Any, tags: Any) -> bool:
    """Whether ``word`` can stand inside a description before its head ("former", "Ukrainian", "party")."""
    if cap or word.lower() in titles or word.lower().startswith("ex-"):
        return word[:1].isalnum()
    return tags.get(word) in _MODIFIER_TAGS or tags.get(word.lower()) in _MODIFIER_TAGS


@functools.lru_cache(maxsize=1 << 14)
def _kind_of(name: str) -> ActorKind | None:
    """The kind a name has by its words alone (no title or apposition saying "person"); cached: names recur."""
    lex = _lex()
    low = name.lower()
    parts = low.split()
    if low in lex.places or low.removeprefix("the ") in lex.places:
        return "place"
    if low in lex.groups:
        return "group"
    if any(p.rstrip(".") in lex.org_words or p in lex.org_words for p in parts) or (name.isupper() and len(name) <= 6):
        return "organisation"
    head = low.split(" of ")[0].split()  # "Alan Patricof of Greycroft Partners" is a person
    if len(head) >= 2 and head[-1].rstrip(".") in lex.org_suffixes:
        return "organisation"  # "United Technologies", "Sony Pictures"
    if "-" in name and any(_code_part(p) for word in name.split() if "-" in word for p in word.split("-")):
        return "organisation"  # "Wealth-X", "T-Mobile", "AFL-CIO": a letter, number or acronym in a hyphenated name
    if parts[0] in lex.given:
        return "person"
    if len(parts) >= 2:
        return "person"
    return None


def _code_part(part: str) -> bool:
    """A part of a hyphenated word that no person's name has: one capital letter, digits, or an acronym."""
    return (len(part) == 1 and part.isupper()) or part.isdigit() or (len(part) >= 2 and part.isalpha() and part.isupper())


#: Endings of the words :func:`_adjective_before_noun` may take for adjectives (a cheap test first).
_ADJECTIVE_LIKE = ("an", "ese", "ish", "ic", "i", "'", "’", "'s", "’s")
_MONTH_STEMS = frozenset({"may", "jun", "apr", "aug", "mar"})  # first letters of the month names that are surnames
#: Word endings of nationality, party and faith adjectives: "Russian", "Chinese", "Danish", "Iraqi", "Islamic".
_ADJECTIVE_ENDS = ("an", "ian", "ese", "ish", "ic", "i")
#: Of these, the ones people's names rarely have ("Caribbean", "Pavlovian", "Spanglish", "Eurosceptic"),
#: and the endings of surnames among them ("Djokovic", "Vucic", "Modric", "Ljubicic", "Susic").
_ADJECTIVE_ONLY_ENDS = ("ian", "ean", "ese", "ish", "ic")
_SURNAME_IC = ("vic", "cic", "ric", "sic", "zic")


@functools.cache
def _place_first_words() -> frozenset[str]:
    """First words of the places of several words: "saudi" (Saudi Arabia), "sri" (Sri Lanka)."""
    return frozenset(p.split()[0] for p in _lex().places if " " in p)


@functools.lru_cache(maxsize=1 << 14)
def _adjective_before_noun(word: str) -> bool:
    """Whether a capitalised word before a lower-case one is an adjective of nationality, party or faith
    ("Republican candidate", "Iraqi forces", "Islamic militants", "Saudi officials", "Anglo-American
    talks"), or a nationality noun ("Welshman"), not a one-word name ("Erdogan has", "Rahami handled",
    "Ryan said", "Djokovic won", "Nissan said"): a demonym, a word TextBlob's lexicon tags JJ, a place's
    adjective ("Mallorcan", "Kashmiri"), the first word of a place's name, or an ending people's names
    rarely have. Never a place or a given name."""
    lex = _lex()
    tags = _tag_lexicon()
    low = word.lower()
    if low in lex.places or low in lex.given:
        return False
    if low in lex.demonyms:
        return True
    if "-" in word:  # "African-American", "French-Israeli", "Pan-European"; not "Spider-Man"
        parts = [p for p in low.split("-") if p]
        return any(p in lex.demonyms or p in lex.places for p in parts) or (
            bool(parts) and parts[-1].endswith(_ADJECTIVE_ONLY_ENDS) and _adjective_before_noun(parts[-1].title()))
    for end in ("man", "woman"):  # "Welshman", "Frenchman", "Corkman"
        if low.endswith(end) and (low[: -len(end)] in lex.demonyms or low[: -len(end)] in lex.places):
            return True
    if not word.endswith(_ADJECTIVE_ENDS):
        return False
    if tags.get(word) == "JJ" or tags.get(low) == "JJ" or low[:-1] in lex.places or low in _place_first_words():
        return True
    if low.endswith("ic"):
        return not low.endswith(_SURNAME_IC) or word in tags or low in tags
    return low.endswith(_ADJECTIVE_ONLY_ENDS)


@functools.cache
def _honorifics() -> frozenset[str]:
    """The honorifics of the titles lexicon ("mr", "mrs", "dr", "sir"), lower-cased."""
    return frozenset(w for w, (cls, _) in _lex().titles.items() if cls == "honorific")


def _honorific_before(words: Sequence[str], caps: Sequence[bool], tokens: Sequence[Any], g: int, lex: Any) -> int:
    """The token where an honorific or abbreviated title just before token ``g`` starts ("Mr. Trump",
    "Mr Blair", "Mrs May", "Sen. Cruz", "Dr. Fauci"), else -1. Such a title is no part of the name
    (these words stop a name), but it says the name is a person's."""
    k = g - 1
    if k < 0 or tokens[g].start - tokens[k].end != 1:
        return -1
    if words[k] == "." and k >= 1 and tokens[k].start == tokens[k - 1].end:
        t = words[k - 1].lower()
        return k - 1 if caps[k - 1] and t + "." in lex.titles else -1
    t = words[k].lower()
    return k if caps[k] and lex.titles.get(t, ("",))[0] == "honorific" else -1


#: Endings of agent nouns the tag lexicon may not know: "Striker", "Midfielder", "Rapper", "Novelist".
_AGENT_ENDS = ("er", "ist", "or", "ess", "ian", "ant", "ent")
_ROLE_TAGS = frozenset("NN NNS JJ VBG".split())


def _role_word(word: str, tags: Any) -> bool:
    """A capitalised common noun or adjective that can stand before a name as its role ("Guitarist",
    "Counsel", "Actress", "Green", "Striker"), or a short acronym ("MEP", "MSP", "CEO")."""
    if word.isupper():
        return 2 <= len(word) <= 4 and word.isalpha()
    low = word.lower()
    tag = tags.get(low)
    return tag in _ROLE_TAGS if tag is not None else low.endswith(_AGENT_ENDS)


def _role_before_name(words: Sequence[str], group: Sequence[int], lex: Any, tags: Any, person_name: Any) -> int:
    """How many words at the start of ``group`` are a role before a person's name ("Guitarist Brian
    May", "Counsel James A. Baker", "Green MEP Caroline Lucas"), else 0: role words (common nouns,
    adjectives, short acronyms), then a given name that starts a person's name of two words or more
    (a word that is no common English word will not do: "New York Marathon", "White Hart Lane").
    Not when the group starts with a given name ("Will Smith", "Rose Mary Woods")."""
    if len(group) < 3 or words[group[0]].lower() in lex.given:
        return 0
    for p in range(1, len(group) - 1):
        if not _role_word(words[group[p - 1]], tags):
            return 0
        if words[group[p]].lower() in lex.given:
            return p if person_name(group[p:]) else 0
    return 0


#: Words before a month that make it a date ("in May", "since June", "last April").
_DATE_BEFORE = frozenset(
    "in on since until till by from to of last next this early late mid during before after between through "
    "throughout every each until for".split()
)
#: Words after "May" that make it the modal verb ("May I ask", "May we").
_MODAL_AFTER = frozenset("i we you he she it they be not the a".split())


def _month_surname_alone(words: Sequence[str], k: int) -> bool:
    """Whether the month name ``words[k]``, standing alone, may be a surname ("May told MPs", "said Mrs
    May"): not after a word that makes it a date ("in May", "last June"), not before a number ("May 3")
    and not the modal ("May I ask"). It joins a person only where one of that surname is named."""
    w = _norm(words[k])
    if w.lower() not in _SURNAME_MONTHS or not w.istitle():
        return False
    if k and words[k - 1].lower() in _DATE_BEFORE:
        return False
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return not (nxt[:1].isdigit() or nxt.lower() in _MODAL_AFTER)


def _org_list_after_of(words: Sequence[str], caps: Sequence[bool], i: int, of: int, j: int, lex: Any) -> int:
    """The end of an organisation's name that lists its fields after "of" ("Bureau of Alcohol, Tobacco,
    Firearms and Explosives", "Ministry of Agriculture, Fisheries and Food") when ``words[j]`` is the
    comma after the first field, else 0: the name so far has an organisation word before its "of",
    then single capitalised words, each after a comma, the last after "and" (", and"); no place among
    them ("Bank of England, France and Germany" lists three). ``of`` is the index of the name's "of"."""
    if not any(w.lower() in lex.org_words for w in words[i:of]) or words[j - 1].lower() in lex.places:
        return 0
    n = len(words)

    def field(k: int) -> bool:
        return (k < n and caps[k] and words[k].lower() not in STOP_CAPS and words[k].lower() not in lex.places
                and not (k + 1 < n and caps[k + 1]))

    k = j
    while k + 1 < n and words[k] == "," and field(k + 1):
        k += 2
    if k + 1 < n and words[k] == "," and words[k + 1] == "and":
        k += 1
    if k > j and k + 1 < n and words[k] == "and" and field(k + 1):
        return k + 2
    if k == j and k + 2 < n and words[k] == "," and words[k + 1] == "and" and field(k + 2):
        return k + 3
    return 0


def _surname_like(word: str, tags: Any) -> bool:
    """A capitalised word that can be a surname in title-case text: TextBlob's lexicon knows it as a proper
    noun ("Trump", "Clinton") or knows neither it nor its lower case ("Spicer", "Gingrich"); not "Passes",
    "Rise" or "Down"."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    tag = tags.get(word)
    return tag == "NNP" or (tag is None and word.lower() not in tags)


def _same_person(first: str, full_first: str, label_words: set[str]) -> bool:
    """Whether "<first> <Surname>" names the person already named "<full_first> ... <Surname>": ``first``
    is the initial of the given name ("G Henson": Gavin Henson, not "G Thomas": Jonathan Thomas) or a
    role the person's labels give ("Baroness Greenfield" after "Baroness Susan Greenfield")."""
    f, g = first.rstrip("."), full_first.rstrip(".")
    if len(f) == 1:
        return f.isupper() and g[:1] == f
    if len(g) == 1:  # "Gavin Henson" after "G Henson"
        return g.isupper() and f[:1] == g
    return f.lower() in label_words
