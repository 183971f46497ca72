"""Quotations and reported speech, with their speakers and cues.

Offline rules, no parser, linear in the length of the text:

* **Quotation marks** come from :func:`mediakit.segment.find_quote_marks`
  (straight and curly double marks, direction read from context; a curly mark
  of the wrong hand is read from its context too), plus ``''`` as news
  archives render a double mark. A quotation may run over several paragraphs,
  closed in a later one or re-opened at the start of each continued paragraph
  (the news convention). Single marks inside a double quotation are the
  speaker's own quoting ('Vladimir, ...') and stay part of the outer quote; a
  short single-quoted phrase there ('hygiene') is also reported as a
  ``partial`` quote of the same speaker. In a headline, single marks quote
  ("Trump: 'I will win'"). A text whose primary marks are single (British and
  Australian style: ‘We will not back down,’ the minister said) quotes with
  them, double marks inside them being the speaker's own quoting: decided per
  text, by counting single pairs outside double quotations against double
  pairs outside single ones. A single mark opens at the start of a word
  ("rock 'n' roll", "'em", "'90s" do not) and closes after the last character
  of one; a plural possessive ("voters' anger") closes only when no other
  mark could. An opening ‘ never closed runs to the end of its paragraph
  (continued in the next when that one re-opens). A straight mark after a digit (12") is an inch
  mark. A quotation in title case after a word such as *film*, *book* or
  *titled* is the title of a work, not a quote.
* **Kinds**: ``direct`` when the quotation stands as the speaker's sentence
  (it opens the sentence, or follows "X said:" / "X said," / "According to X,");
  ``partial`` when a few quoted words sit inside the writer's own sentence
  (scare quotes included); ``indirect`` for reported speech without marks:
  "Trump said (that) he had warned ..." (content: the complement clause, to
  the end of the sentence), "..., a spokesperson said." and "..., says X."
  (content: the clause before the comma), "according to X, ..." /
  "..., according to X.", and "the poll found that ..." (verbs that attribute
  only before "that"). Also "X announced he would ..." (verbs that also take
  objects report a clause without "that" only when it plainly is one),
  "X asked whether ..." and "Asked whether ..., X said" (the question),
  "X called for ..." / "called on Y to ..." (the demand), "X's claim that
  ..." (reporting nouns; the holder is the possessor, else the subject), and
  "..., she said, ..." inside the sentence it reports (the whole sentence).
  Reported content ends where the writer's next clause begins (", but X
  said", "; ", ", adding ...").
* **Attribution**: ``, X said`` / ``, said X`` / ``X told reporters`` /
  ``X said:`` / ``X: "..."`` / ``according to X`` / ``"..." —Name`` (also a
  dash and a name opening the next paragraph), a verb of manner right after a
  quotation ('"...," Toomey fumed'), a colon-ended sentence before the quotation, and a quotation with no cue of
  its own continuing the previous speaker (noted in ``uncertain``; the
  mention is then the previous quote's). A partial quote takes the speaker of
  the reported speech it lies in, or of a naming verb ("what Trump called a
  ..."). Subjects are read over appositions ("Trump, the Republican
  candidate, told"), coordination ("he laughed and said") and participles
  ("..., saying"), and are whole noun phrases with the phrases attached to
  their noun ("A spokesman for the White House said", "One of the senators
  said", "people familiar with the matter said").
* **Speakers** are resolved through :func:`mediakit.framing.actors.index_for`:
  names and descriptions ("the former president", "Kremlin spokesperson
  Dmitry Peskov") become the actor's display name; a speaker pronoun ("he
  said") is the previous quote's speaker unless a compatible person became a
  sentence subject since; ``speaker_mention`` keeps the words used, with
  the description set beside a name ("John Smith, the mayor of
  Springfield, said", "said Jane Roe, a teacher from Ohio.", "Sen. Ted
  Cruz (R-Texas)", "The company's CEO, Jane Roe, said"; not a participle,
  ", citing aides"), the speaker being resolved from the name. A
  description ("the minister") is the person the text gave that label
  ("The minister, John Smith,", "Jane Doe, a teacher,", "Finance Minister
  John Smith"), and the most recent compatible person only when no one
  carries it; one set off by commas after a name is that person ("Brian
  Murphy, the chairman of the county party, said"). A speaker
  that is no named actor ("sources", "a campaign aide") keeps its words as the
  speaker; an indefinite description ("a spokesman for the campaign") is never
  guessed from whoever was named last.
* **Documents** ("according to the data", "figures released on Monday show",
  "the poll found that", "a new survey by Gallup"): the attribution is kept,
  with its cue and the words naming the source, as PolNeAR annotates it, but
  ``source_kind`` is ``"document"`` and there is no ``speaker``: data, polls,
  studies and reports are sources, not voices, so they are not counted among
  the speakers of quotations nor given a share of voice. Told from a speaker
  by the head noun of the mention (``_DOCUMENT_HEADS``); a statement, letter
  or email carries its author's voice and is not a document here. A share of
  those polled ("Twelve percent said ...", "40% of voters say ...", "half of
  respondents", "one in five Americans", "a majority of Republicans") is read
  the same way: PolNeAR annotates the share as the Source, but it is a poll
  result, not a person with a voice. Counts of people ("two officials") and
  groups ("many Republicans") stay speakers.
* **Documents of someone** as the subject of a reporting verb: "a report by
  the IMF said", "a study published by Harvard economists found that", "the
  IMF's report said" are document sources, the mention being the whole phrase
  (as PolNeAR's Source); "a statement from the White House said", "the
  senators' letter said", "an email from X" carry the author's voice: the
  speaker is the author (noted in ``uncertain``), the mention the whole
  phrase.

Never raises on odd text: unbalanced marks give a best-effort span and a note
in ``uncertain``. Limits: English only; speakers that are not grammatical
neighbours of the cue (long appositions, speakers in another sentence) are
missed; reported speech is found from a list of verbs, so unusual verbs are
missed and some verbs with a clause-like object are taken for speech.

Layout (one concern a module): ``_model`` (the :class:`Quote` record, working records, tokens),
``_lexicon`` (word lists), ``_marks`` (quotation marks), ``_phrases`` (noun phrases, subjects, cues),
``_sources`` (documents, shares of those polled, authors of texts), ``_mention`` (the description beside
a speaker's name), ``_attribution`` (the cue of a
quotation, direct or partial), ``_speakers`` (resolving a mention to an actor), ``_labels`` (descriptions
resolved by the labels the text gives people), ``_indirect``
(reported speech) and ``_extract`` (:func:`extract_quotes`, :func:`quotes_table`).
"""

from ._extract import extract_quotes, quotes_table
from ._model import COLUMNS as COLUMNS
from ._model import Quote, QuoteKind, SourceKind

__all__ = ["Quote", "QuoteKind", "SourceKind", "extract_quotes", "quotes_table"]
