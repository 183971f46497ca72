"""Actor results (:class:`Mention`, :class:`Actor`) and the index the name scan builds (entities, references)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from .words import _NOT_DESCRIPTION_HEADS, _lex

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


class _Ref(NamedTuple):
    """A mention placed in the text, pointing at an entity (index into ``_Index.entities``).

    A named tuple: made by the thousand per text, three times quicker to build than a frozen dataclass.
    """

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
