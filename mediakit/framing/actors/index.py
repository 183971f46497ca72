"""The actor index of a text: names found in one pass over the tokens, merged, then descriptions and pronouns resolved."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any

from ...article import Article
from ...segment import as_text, quoted_spans, split_paragraphs, split_sentences, tokenize
from .model import ActorKind, Mention, MentionForm, _Entity, _Index, _Ref
from .names import (
    _ADJECTIVE_LIKE,
    _MONTH_STEMS,
    _adjective_before_noun,
    _body_after_place,
    _honorific_before,
    _honorifics,
    _joined,
    _kind_of,
    _modifier,
    _month_surname_alone,
    _org_after_and,
    _org_list_after_of,
    _role_before_name,
    _same_person,
    _surname_like,
    _surname_month,
)
from .words import (
    _CONTRACTION,
    _FIRST_CHAR,
    _NOT_DESCRIPTION_HEADS,
    _PLURAL_PRONOUNS,
    _POSSESSIVE_ENDS,
    _PRONOUN_GENDER,
    _TEXT_OF,
    STOP_CAPS,
    _descriptions,
    _function_word,
    _is_cap,
    _is_proper_at_start,
    _lex,
    _norm,
    _pronouns,
    _tag_lexicon,
    _title_case,
)

#: Words that open a description standing before a name as its apposition ("The minister, John Smith,").
_APPOSITION_DETERMINERS = frozenset("the a an his her their its our my your".split())
#: The word after a name, past an adverb: "Peskov (quickly) said".
_NEXT_WORD = re.compile(r"\s+(?:\w+ly\s+)?(\w+)")
_PERSON_AFTER = re.compile(
    r"(?:['’]s?\s+(?:\w+\s+)?(?:wife|husband|sons?|daughters?|father|mother|brothers?|sisters?|children|"
    r"parents|widow|girlfriend|boyfriend|fianc[ée]e?|grand(?:father|mother|sons?|daughters?|children)|presidency|"
    r"birthday|funeral)\b|,\s+\d{2},|\s+presidency\b|\s+\([RDI]-[A-Z])"
)
_START = attrgetter("start")
_REF_START = itemgetter(0)  # _Ref.start


def _in_quote(quoted: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(quoted, (pos, 1 << 62)) - 1
    return i >= 0 and quoted[i][0] <= pos < quoted[i][1]


def _quoted(text: str, paragraphs: Sequence[tuple[int, int, int, str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for _, s, e, _ in paragraphs:
        spans.extend(quoted_spans(text, s, e))
    return sorted(spans)


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
    tokens = tokenize(text)
    # the tokens of title-case paragraphs (headlines): the tokens starting inside one
    in_title: set[int] = set()
    for _, s, e, role in paras:
        if role == "headline" or _title_case(text, s, e):
            in_title.update(range(bisect.bisect_left(tokens, s, key=_START), bisect.bisect_left(tokens, e, key=_START)))
    words = list(map(_TEXT_OF, tokens))
    n = len(tokens)
    # capitalised tokens: the first character's case is read for every token at C speed (map), the
    # rest of the test (a letter somewhere: "Ⅻ" is upper case, not a letter) only for the few upper-case ones
    cap_idx = [k for k in compress(range(n), map(str.isupper, map(_FIRST_CHAR, words)))
               if words[k][0].isalpha() or _is_cap(words[k])]
    caps = [False] * n
    for k in cap_idx:
        caps[k] = True

    # capitalised tokens capitalised by position: sentence-initial, after a stop, or after an opening
    # quotation mark (perhaps not names); the words capitalised elsewhere (mid-sentence: names)
    by_position: set[int] = set()
    mid_caps: set[str] = set()
    for k in cap_idx:
        if tokens[k].start in sent_starts:
            by_position.add(k)
        elif k:
            prev = words[k - 1]
            if prev in ".!?:" or (prev in "\"“'‘" and ((p0 := tokens[k - 1].start) == 0 or text[p0 - 1].isspace())):
                by_position.add(k)
            else:
                mid_caps.add(words[k])

    entities: list[_Entity] = []
    by_key: dict[str, int] = {}
    refs: list[_Ref] = []
    # start, end, name, hint ("", "person", "person:<gender of an honorific>", "organisation"), labels
    pending: list[tuple[int, int, str, str, list[str]]] = []
    deferred: list[tuple[int, int]] = []  # token ranges in title-case text
    months: list[int] = []  # month names standing alone: surnames of a person named in full?

    # entities by the first word of their current name (lower-cased): "Vladimir" finds "Vladimir Putin"
    # with a look-up, not a scan of every entity's name. Only one-word names look, and they come after
    # the names of several words: the index is built at the first look-up, then kept up to date.
    by_first: dict[str, list[int]] = {}
    first_of: list[str | None] = []
    first_built = [False]

    def build_first() -> None:
        for e, ent in enumerate(entities):
            parts = ent.name.split()
            first = parts[0].lower() if parts else None
            first_of.append(first)
            if first is not None:
                by_first.setdefault(first, []).append(e)
        first_built[0] = True

    def index_first(e: int) -> None:
        if not first_built[0]:
            return
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
        if hint == "organisation":
            return "organisation"
        return "person" if hint else _kind_of(name)

    def _person_name(group: list[int]) -> bool:
        """Words that read as a person's full name: no place, organisation or group word, and a first
        word that is a given name or no common English word ("Retail Consortium", "New Year" are not)."""
        first = words[group[0]].lower()
        return kind_of(" ".join(_norm(words[k]) for k in group), "") == "person" and first not in lex.demonyms and (
            first in lex.given or tag_lexicon.get(first) is None)

    tag_lexicon = _tag_lexicon()
    honorifics = _honorifics()
    j = 0  # the end of the last name group: the next group starts at a capitalised token after it
    for i in cap_idx:
        if i < j:
            continue
        w = words[i]
        low = w.lower()
        if low in STOP_CAPS or (("'" in w or "’" in w) and _CONTRACTION.split(low)[0] in STOP_CAPS):
            if low[:3] in _MONTH_STEMS and _month_surname_alone(words, i):  # "May told MPs": Theresa May?
                months.append(i)
            continue  # "I'm", "We're", "It's" are pronouns, not names
        j = i + 1
        dots: set[int] = set()  # the periods of middle initials in the group ("Christopher M. Shelton")
        org_and = False  # the group ran on over "and": an organisation's name ("Transport and General Workers Union")
        of_at = -1  # the group's "of" ("Bureau of Alcohol")
        if not w.endswith(_POSSESSIVE_ENDS):
            while j < n:
                if (j + 2 < n and words[j + 1] == "." and len(words[j]) == 1 and caps[j]
                        and tokens[j].start - tokens[j - 1].end == 1 and tokens[j + 1].start == tokens[j].end
                        and caps[j + 2] and text[tokens[j + 1].end] == " " and tokens[j + 2].start == tokens[j + 1].end + 1
                        and words[j + 2].lower() not in STOP_CAPS and tokens[j + 2].start not in sent_starts
                        and not _function_word(words[j + 2])
                        and not (j + 3 < n and caps[j + 3] and tokens[j + 3].start - tokens[j + 2].end <= 1
                                 and words[j + 3].lower() not in STOP_CAPS)
                        and (j - 1 in dots or words[j - 1].lower() in lex.given
                             or tag_lexicon.get(words[j - 1].lower()) is None)):
                    # a middle initial after a given name (or a word that is no common English word), then a
                    # capitalised word in the same sentence: "George W. Bush", "Christopher M. Shelton",
                    # "George H. W. Bush"; not "World War I. Germany", "vitamin C. Doctors" ("war" and
                    # "vitamin" are common words), nor "... Malcolm X. The" ("The" does not continue a name);
                    # one word after the initial, the surname: "... of Malcolm X. Attallah Shabazz said" is
                    # two names (a sentence end the splitter took for an initial)
                    dots.add(j + 1)
                    j += 2
                elif caps[j] and tokens[j].start - tokens[j - 1].end <= 1 and (
                        words[j].lower() not in STOP_CAPS or _surname_month(words, j, lex.given, tag_lexicon)):
                    j += 1
                    if words[j - 1].endswith(_POSSESSIVE_ENDS):
                        break
                elif words[j] == "of" and j + 1 < n and caps[j + 1] and words[j + 1].lower() not in STOP_CAPS:
                    of_at = j
                    j += 2
                elif words[j] in ("and", "&") and (k := _org_after_and(words, caps, tokens, j, lex, tag_lexicon)):
                    j = k
                    org_and = True
                elif words[j] == "," and of_at >= 0 and (k := _org_list_after_of(words, caps, i, of_at, j, lex)):
                    j = k  # "Bureau of Alcohol, Tobacco, Firearms and Explosives"
                    org_and = True
                else:
                    break
        if j == i + 1 and j < n and words[j] == "." and low + "." in lex.titles and tokens[j].start == tokens[i].end:
            continue  # "Sen." in "Sen. Cruz": an abbreviated title, not a name
        if i in in_title:
            deferred.append((i, j))
            continue
        group = [k for k in range(i, j) if k not in dots] if dots else list(range(i, j))
        # "Under AFL-CIO rules", "Despite Crosby's plan": a function word capitalised by its place in the
        # sentence is not part of the name that follows it
        if j - i > 1 and caps[i + 1] and i in by_position and _function_word(w) and w.lower() not in lex.given:
            group = group[1:]
            i += 1
            w = words[i]
            if _CONTRACTION.split(w)[0].lower() in STOP_CAPS:
                continue  # "Maybe I'll": no name at all
        first = tokens[i]
        # sentence-initial, or clause-initial inside a quotation ("... believe it. I'm going",
        # "He goes, 'No way.' I said, 'Way.'"): capitalised by position, perhaps not a name
        # "Mr. Rahami", "Mr Blair": a person's name
        honorific = (_honorific_before(words, caps, tokens, i, lex)
                     if i and (words[i - 1] == "." or words[i - 1].lower() in honorifics) else -1)
        if i in by_position:
            if (j - i == 1 and w not in mid_caps and honorific < 0
                    and not _is_proper_at_start(w, text[first.start : first.start + 80])):
                continue
        # a title inside the group: "Russian President Vladimir Putin"
        labels: list[str] = []
        hint = ""
        t = -1  # the last title word in the group
        for k in group:
            if words[k].lower() in lex.titles and not org_and:  # "General" in "... and General Workers Union"
                t = k
        if org_and:
            hint = "organisation"  # "Health and Safety Executive": the name ends in an organisation's head
        elif t >= 0 and _body_after_place(words, group, lex):
            hint = "organisation"  # "Scottish Executive"
        elif t >= 0:
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
        # a role before a person's name: "Guitarist Brian May" is Brian May, labelled Guitarist
        elif not hint and len(group) >= 3 and (n_role := _role_before_name(words, group, lex, tag_lexicon,
                                                                           _person_name)):
            labels.append(text[tokens[group[0]].start : tokens[group[n_role - 1]].end])
            hint = "person"
            group = group[n_role:]
        # a lowercase title just before: "Kremlin spokesperson Dmitry Peskov"
        k = group[0] - 1
        if k >= 0 and words[k].lower() in lex.titles and not caps[k] and lex.titles[words[k]][0] != "honorific":
            s = k
            while s - 1 >= 0 and (caps[s - 1] or words[s - 1].lower() in lex.titles) and words[s - 1].lower() not in STOP_CAPS:
                s -= 1
            labels.append(text[tokens[s].start : tokens[k].end])
            hint = "person"
        elif honorific >= 0 and not hint and group[0] == i:
            # "Sen. Cruz": the abbreviated title is a label; "Mr Blair": the honorific only tells the gender
            cls, gender = lex.titles.get(words[honorific].lower(), None) or lex.titles[words[honorific].lower() + "."]
            if cls != "honorific":
                labels.append(text[tokens[honorific].start : tokens[i - 1].end])
            hint = "person:" + gender
        # a single adjective of nationality or party: "Republican candidate", "Russian state media"
        if (len(group) == 1 and not hint and group[0] + 1 < n and words[group[0] + 1][:1].islower()
                and ((w0 := words[group[0]]).endswith(_ADJECTIVE_LIKE) or "-" in w0)
                and _adjective_before_noun(_norm(w0))):
            continue
        # a nationality alone is not a name: "Welsh patients", "the Argentine", "the French"
        if len(group) == 1 and not hint and _norm(words[group[0]]).lower() in lex.demonyms:
            continue
        last = group[-1]
        end = tokens[last].end
        name_words = [_norm(words[k]) + "." if k + 1 in dots else _norm(words[k]) for k in group]
        if words[last].endswith(_POSSESSIVE_ENDS):
            end -= len(words[last]) - len(name_words[-1])
        # apposition before, closed by a comma after the name: "The minister, John Smith, said",
        # "Her lawyer, Jane Roe, told"; the description is the name's label (not a guess by recency)
        g0 = group[0]
        if (g0 >= 2 and j < n and words[j] == "," and words[g0 - 1] == ","
                and words[g0 - 2].lower() in lex.titles and not caps[g0 - 2]):
            s = g0 - 2  # the description's first word: back over modifiers ("former", "Ukrainian", "party")
            while (s - 1 >= max(0, g0 - 8) and _joined(text, tokens, s)
                   and _modifier(words[s - 1], caps[s - 1], lex.titles, tag_lexicon)):
                s -= 1
            if s - 1 >= 0 and _joined(text, tokens, s) and words[s - 1].lower() in _APPOSITION_DETERMINERS:
                s -= 1
            labels.append(text[tokens[s].start : tokens[g0 - 2].end])
            hint = hint or "person"
        # apposition after: "Trump, the Republican candidate for ..., told"
        if j + 2 < n and words[j] == "," and words[j + 1].lower() in ("the", "a", "an"):
            for k in range(j + 2, min(n, j + 9)):
                if words[k] in (",", ".", ";", "—"):
                    head = words[k - 1].lower()
                    if head in lex.titles or any(words[m].lower() in lex.titles for m in range(j + 2, k)):
                        labels.append(text[tokens[j + 1].start : tokens[k - 1].end])
                        hint = hint or "person"
                    break
        name = " ".join(name_words).replace(" , ", ", ") if org_and else " ".join(name_words)
        pending.append((tokens[group[0]].start, end, name, hint, labels))

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
                        if len(parts) == 2 and _same_person(parts[0], full[0], entities[idx].label_words()):
                            if len(full[0].rstrip(".")) > 1:
                                form = "surname"  # "G Henson", "Baroness Greenfield": not a fuller name
                        else:
                            idx = None  # a different person with the same surname
                if idx is None:
                    idx = new_entity("person:" + surname, "person")
            else:
                idx = by_key.get("person:" + surname)
                if idx is not None:
                    form = "surname"
                else:
                    if not first_built[0]:
                        build_first()
                    idx = next((e for e in by_first.get(surname, ()) if entities[e].kind == "person"), None)
                    if idx is not None:
                        form = "surname"
                    elif kind is None:
                        idx = by_key.get("other:" + key)
                        if idx is None:
                            # the first word of an organisation's name: "Cairn" after "Cairn Energy"
                            idx = next((e for e in by_first.get(surname, ()) if entities[e].kind == "organisation"
                                        and " " in entities[e].name), None)
                        if idx is None:
                            idx = new_entity("other:" + key, "organisation")
                    else:
                        idx = by_key.get("other:" + key)  # "Allard said ... Mr Allard": the word seen first
                        if idx is not None and _kind_of(entities[idx].name) is None:
                            entities[idx].kind = "person"
                            by_key["person:" + surname] = idx
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
        if labels:
            ent.labels.extend(lb for lb in labels if lb not in ent.labels)
        refs.append(_Ref(start, end, idx, form))
        if ent.kind == "person" and not ent.gender:
            ent.gender = lex.given.get(parts[0].lower(), "") if len(parts) > 1 else ""
            for lb in labels:
                for wd in lb.lower().split():
                    if wd in lex.titles and lex.titles[wd][1]:
                        ent.gender = lex.titles[wd][1]
            if hint.startswith("person:") and len(hint) > 7:  # "Mrs Pelosi"
                ent.gender = hint[7:]
    # an unknown single word used like a person ("Peskov told reporters") stays an organisation
    # unless a speech verb or pronoun agreement says otherwise: promote when followed by a speech verb,
    # or by what only a person has: kin ("Trump's wife"), an age ("Putin, 64,"), a presidency, a party
    # and state ("Cruz (R-Tex.)"). Not "administration" or "family" ("Labour administration", "Labour's
    # family tax credit").
    for r in refs:
        ent = entities[r.entity]
        if ent.kind == "organisation" and " " not in ent.key and ent.key.startswith("other:") \
                and _kind_of(ent.name) is None:  # not an acronym or an organisation's word ("BBC", "Pentagon")
            nxt = _NEXT_WORD.match(text, r.end, r.end + 30)
            if (nxt and nxt.group(1).lower() in lex.speech) or _PERSON_AFTER.match(text, r.end, r.end + 40):
                ent.kind = "person"

    # a month name alone is the surname of a person named in full ("Theresa May ... May told MPs")
    for k in months:
        found_month = by_key.get("person:" + _norm(words[k]).lower())
        if found_month is not None and entities[found_month].kind == "person" \
                and len(entities[found_month].name.split()) >= 2:
            refs.append(_Ref(tokens[k].start, tokens[k].start + len(_norm(words[k])), found_month, "surname"))

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
                # a given name and a surname: "Sean Spicer Under Fire", "Donald Trump's Appeal to Russia"
                if (k + 1 < b and words[k].lower() in lex.given and tokens[k + 1].start - tokens[k].end == 1
                        and _surname_like(_norm(words[k + 1]), tag_lexicon)):
                    name = f"{_norm(words[k])} {_norm(words[k + 1])}"
                    surname = name.split()[-1].lower()
                    e2 = by_key.get("person:" + surname)
                    if e2 is None or entities[e2].name.split()[0].lower() != words[k].lower():
                        e2 = new_entity("person:" + (surname if e2 is None else name.lower()), "person")
                        entities[e2].forms.append(name)
                        known[name.lower()] = e2
                        known.setdefault(surname, e2)
                    end = tokens[k + 1].start + len(name.split()[-1])
                    refs.append(_Ref(tokens[k].start, end, e2, "name"))
                    k += 2
                    continue
                k += 1

    refs.sort(key=_REF_START)
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
    for dm in _descriptions(text):
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
    named = sorted(name_refs + [r for r in extra if r.note is None], key=_REF_START)
    named_starts = [r.start for r in named]
    for pm in _pronouns(text):
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
    refs = sorted(refs + extra, key=_REF_START)
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
    from ...segment import _split_sentences

    return list(_split_sentences(text, tuple((i, s, e) for i, s, e, _ in paras)))
