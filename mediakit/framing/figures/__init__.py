"""Figures: the numbers and amounts a text gives, what they count, and who they come from.

News frames a story through its numbers ("at least 1 million combined
casualties", "$3.5 billion in aid", "45% of voters"). :func:`find_figures`
finds each amount with:

* ``value``: the number, with words read ("two and a half" = 2.5, "half a
  million" = 500000, "1.5bn" = 1.5e9, "a dozen" = 12); ``None`` for vague
  amounts ("dozens of", "thousands of");
* ``unit``: ``"%"``, ``"percentage points"``, a currency (``"$"``, ``"€"``,
  ``"£"``, ``"¥"``, ``"₹"``, or the currency word: ``"rubles"``), a measure
  (``"years"``, ``"weeks"``, ``"km"``, ``"tonnes"``...), ``"years old"``
  for ages, ``"share"`` for fractions of a group ("a third of voters", "one in
  five voters" = 0.2), ``"times"`` for multipliers ("400 times more likely");
* ``counts``: the noun phrase counted, after the number ("1,740 men",
  "45% of voters", "$3.5 billion in military aid") or, failing that, before
  it ("the total of lost military personnel has reached 675,800");
* ``source``: who the figure is attributed to, in the same sentence: a
  source found by :func:`mediakit.framing.cues.find_sources` ("according to
  the data", "according to an index sourced from the Armed Forces of
  Ukraine"), else the subject of a reporting verb ("Police said 12 people
  ..."), else the speaker of the quotation it sits in when ``quotes`` are given;
* ``approximate``: a qualifier before or after it ("at least", "about",
  "more than", "nearly", "some", "up to", "an estimated", "or more") or a
  vague amount;
* ``in_quote``: it lies inside a quotation.

``text`` is the whole figure as written: qualifier, amount, unit and the
counted noun phrase when it follows (``"at least 1 million combined
casualties"``).

Not figures (excluded on purpose): years written alone ("in 2024", "the 2020s"),
dates ("May 12", "12 May", "the 12th"), clock times ("10:30", "3 p.m."),
ordinals ("first", "1st"), identifiers and names with numbers ("Covid-19",
"F-16", "G7", "Article 5", "No. 10", "Flight 370"), ranges and scores
written with a hyphen ("10-15", "3-1"), and a bare "one" or "zero" ("one
day", "one of them") unless it is a percentage or a currency amount. A
four-digit number from 1800 to 2100 with no comma, unit or counted noun is
read as a year; write "2,000 people" to count.

"1.2m" is read as 1.2 million ("1.2m viewers") except before a race word
("the 100m final": metres).

Limits: the counted noun phrase is cut at function words and verbs by
rule (no parser); a time span ("two weeks") counts nothing; a figure's
source is looked for in its own sentence only; a reporting verb's subject
is only a capitalised name or a group noun ("police", "officials"), not a
pronoun.

The package, one module per concern: :mod:`.figure` (the :class:`Figure`
result), :mod:`.amounts` (reading numbers, units and qualifiers),
:mod:`.counts` (what a figure counts), :mod:`.sources` (who a figure comes
from) and :mod:`.find` (:func:`find_figures`, :func:`figures_table`).
"""

from .figure import Figure
from .find import figures_table, find_figures
from .sources import _covered as _covered
from .sources import _nearest as _nearest
from .sources import _speaker_at as _speaker_at
from .sources import _subject_for as _subject_for

__all__ = ["Figure", "find_figures", "figures_table"]
