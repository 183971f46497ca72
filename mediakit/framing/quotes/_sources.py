"""Sources that are no voice (documents, data, shares of those polled) and texts that carry their author's words."""

from __future__ import annotations

import re

from ._lexicon import _WORD

_SOURCE_PARTICIPLE = frozenset("""released published issued conducted compiled commissioned written prepared
    obtained seen sent signed posted filed produced carried done""".split())


#: Head nouns of a source that is a document, a data set or a measurement, not a voice:
#: "according to the data / figures / estimates", "the poll found", "a new survey by Gallup shows".
#: Texts that carry their author's own words (a statement, a letter, an email, a tweet) are not here:
#: "the statement said" gives the author's voice. PolNeAR annotates both as attributions with a Source.
_DOCUMENT_HEADS = frozenset(
    """data dataset datasets figures statistics stats numbers poll polls polling survey surveys study
    studies report reports research analysis analyses estimate estimates projection projections forecast
    forecasts census records documents document filings filing index ratings average averages tally
    findings results evidence""".split()
)
#: Texts that carry their author's own words: "a statement from the White House said" is the White
#: House's voice ("a report by the IMF" is a document: ``_DOCUMENT_HEADS``).
_VOICE_TEXTS = frozenset(
    """statement statements letter letters email emails e-mail e-mails memo memos memorandum tweet tweets
    post posts message messages note notes announcement editorial op-ed""".split()
)
_PEOPLE_FIGURES = frozenset("senior leading prominent key public political party opposition top".split())
_POSTMODIFIER = frozenset("of by from for in on at with among between that which who whose according".split())


def _is_document(words: str) -> bool:
    """A source mention whose head noun is a document or data: "the data", "figures released on
    Monday", "a new survey by Gallup", "U.S. Census data", "exit polls"; not "the study's author",
    not a proper name ending in such a word ("the Natural Hazards Research ...", "Referee Graham Poll").

    The head is the last word before a postmodifier (a preposition, "that", "which", a comma), past
    a participle that follows it ("figures released").
    """
    ws = _WORD.findall(words.split(",")[0])
    names = [w for w in ws if w.lower() not in ("the", "a", "an")]
    if len(names) > 1 and ws[-1] in _DOCUMENT_HEADS and names[0][:1].isupper() and names[-2][:1].isupper():
        return True  # a name, then a document: "The Forum for the Future research", "the Gallup poll"
    for k, w in enumerate(ws):
        if w.lower() in _POSTMODIFIER and k > 0:
            ws = ws[:k]
            break
    if not ws:
        return False
    if ws[-1].lower() not in _DOCUMENT_HEADS:
        while len(ws) > 1 and ws[-1].endswith("ed"):  # "figures released", "data compiled"
            ws.pop()
    head = ws[-1]
    if head[:1].isupper() and len(ws) > 1:
        return False  # part of a name: "the Natural Hazards Research", "Referee Graham Poll"
    if head.lower() == "figures" and len(ws) > 1 and ws[-2].lower() in _PEOPLE_FIGURES:
        return False  # "senior figures in the party" are people
    return head.lower() in _DOCUMENT_HEADS


_NUMBER = (r"(?:\d+(?:[.,]\d+)*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four"
           r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
           r"|nineteen|a hundred|one hundred)")
_FRACTION = r"(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"  # also ordinals: after a number
#: A share of those polled, as a source: "Twelve percent", "40% of voters", "nearly half of respondents",
#: "two-thirds of Democrats", "one in five voters", "a majority of Republicans", "the vast majority of
#: Americans". Not a count of people ("two officials", "one of the senators") nor a title ("Majority
#: Leader Mitch McConnell"), and "the majority" alone may be a court's.
_SHARE_MOD = (r"(?:only|just|nearly|almost|about|around|roughly|some|fully|over|under|exactly|approximately|another|"
              r"more than|fewer than|less than|at least|at most|upwards of|close to|a mere|a full|a paltry|"
              r"an estimated|the remaining|the other|the|a|an|vast|large|slim|narrow|clear|overwhelming|bare|small|"
              r"sizable|sizeable|solid|strong|big|wide)\s+")
_SHARE = re.compile(
    rf"(?:{_SHARE_MOD})*"
    rf"(?:(?:{_NUMBER}\s*(?:%|percent\b|per\s+cent\b|pc\b)"
    rf"|(?:(?:{_NUMBER}|a|an)[- ])?half\b|(?:{_NUMBER}|a|an)[- ]{_FRACTION}\b"
    rf"|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER}(?:\s+[a-z]\w*s)?\b"
    r"|(?:majority|minority|plurality)(?=\s+of\b))"
    r"(?:\s*$|\s+(?:of|among|polled|surveyed|questioned|asked|interviewed|who)\b)"
    rf"|(?:a|an)\s+(?:{_SHARE_MOD})*(?:majority|minority|plurality)\s*$)",
    re.IGNORECASE,
)


_VOICE_TEXT_RE = "|".join(sorted(_VOICE_TEXTS, key=len, reverse=True))
_AUTHOR_AFTER = re.compile(  # the author ends before a participle: "an email from X obtained by Reuters"
    rf"^.*?\b(?:{_VOICE_TEXT_RE})\s+(?:\w+\s+)?(?:by|from)\s+(.+?)(?:\s+(?:{'|'.join(_SOURCE_PARTICIPLE)})\b.*)?$",
    re.IGNORECASE,
)
_AUTHOR_BEFORE = re.compile(rf"^(.+?)['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{_VOICE_TEXT_RE})$", re.IGNORECASE)


def _author(words: str) -> tuple[int, int] | None:
    """Offsets in ``words`` of the author of a text cited as a source: "a statement from the White House",
    "a letter signed by 50 senators", "Trump's statement", "the senators' letter"; else None."""
    m = _AUTHOR_AFTER.match(words) or _AUTHOR_BEFORE.match(words)
    if m is None:
        return None
    a, b = m.span(1)
    if words[a:b].lower() in ("his", "her", "their", "its", "our", "my", "your"):
        return None
    return a, b


def _is_share(words: str) -> bool:
    """A share of people polled rather than people speaking: "Twelve percent", "40% of voters",
    "Half of respondents", "one in five Americans", "a majority of Republicans"."""
    return _SHARE.match(" ".join(words.split())) is not None
