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

# the public API, and (re-exported with "as") the internals quotes, the benchmarks and the tests use
from .index import _build_index as _build_index
from .index import _in_quote as _in_quote
from .index import index_for as index_for
from .model import Actor, Mention
from .model import ActorKind as ActorKind
from .model import MentionForm as MentionForm
from .model import _Index as _Index
from .table import actors_table, find_actors, share_of_voice
from .words import STOP_CAPS as STOP_CAPS
from .words import _is_proper_at_start as _is_proper_at_start
from .words import _lex as _lex

__all__ = ["Mention", "Actor", "find_actors", "actors_table", "share_of_voice"]
