"""The speaker mention in full: the description the text sets beside a source's name.

News introduces a source with a name and a description set off by commas, before the cue or after it:
"John Bulgaro, the president of Teamsters Local 294, said", "said Ilyse Hogue, president of NARAL
Pro-Choice America.", "Mr. Regalado, 69, said", "Sen. Richard Blumenthal (D-Conn.) said", "The
Podesta Group's CEO, Kimberley Fritts, said". The attribution finds the name (the speaker is resolved
from it); the mention the text uses for the source is the name with its description, as attribution
corpora (PARC, PolNeAR) mark the source: that description is how the writer presents the source.

What counts as a description: a noun phrase or a relative clause on a person ("who ...", "whose ...").
Not a participle clause (", citing internal documents", ", speaking on condition of anonymity"), a
prepositional adjunct (", in a statement,"), a connective (", however,") or a new quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..actors import _lex
from ._lexicon import _PREPS, _PRONOUNS, _words
from ._model import _Q, _Ctx, _toks
from ._phrases import _VERBISH, _np_backward

_MAX = 250  # characters of a description
_PAREN = re.compile(r"\s*\([^()\n\"“”]{1,40}\)")  # "(D-Conn.)", "(R)", "(Mich.)"
#: First words of what follows a comma but describes no one: adjuncts, connectives, clauses.
_NOT_START = _PREPS | frozenset("""after before since until during when while if as because though although
    however meanwhile moreover also too instead still yet and but or nor so then which that not whether where
    who whom whose according adding""".split())
_RELATIVE = frozenset("who whom whose which".split())
_FINITE_SPEECH = frozenset("said says told tells wrote writes thought".split())  # "state", "report" may be nouns
_ANONYMOUS = re.compile(r"\b(?:anonymity|anonymously|identified|be named|authorized to)\b")
_BAD = re.compile(r"[\"“”;:\n()—–]|''|\s-\s")  # a description holds no quotation, clause break or dash


def _description(text: str, a: int, b: int, *, relative: bool = False) -> bool:
    """``text[a:b]`` (after a comma) reads as a description of a person or body: "the president of X",
    "a Democrat", "69", "Clinton's campaign chairman"; with ``relative``, a relative clause too ("who
    leads the council"), which news sets after a source named at the end of a sentence."""
    body = text[a:b]
    if not body.strip() or len(body) > _MAX or _BAD.search(body):
        return False
    first, *rest = body.split()
    low = first.lower().rstrip(",.")
    if first[:1].isupper() and first.isalpha() and rest and rest[0][:1].islower() \
            and rest[0].lower() not in _PREPS | {"and", "the", "a"}:
        return False  # ", Wenger spoke to ...": a new clause, not a description
    w = _words()
    if _ANONYMOUS.search(body):
        return False  # ", who spoke on condition of anonymity": how the source spoke, not who the source is
    if low in _RELATIVE:
        return relative and len(rest) >= 2  # a bare ", who" is no clause
    if low in _NOT_START or low in w.aux or low in _PRONOUNS or low.endswith(("ing", "ly")):
        return False
    if low in w.stop and low not in ("the", "a", "an", "one", "another", "his", "her", "their", "its"):
        return False
    if any(x in w.speech and (x.endswith("ed") or x in _FINITE_SPEECH) for x in re.findall(r"\b[a-z]+\b", body.split(" who")[0])):
        return False  # "a cocoa farmer from Edo state told Reuters": a clause
    if relative:  # the relative clause may have its verbs: "a consultant who had tried ..."
        body = re.split(r"\s(?:who|whom|whose|which)\s", body)[0]
    return not any(x.lower() in w.aux for x in body.split())  # "the fund's lawyer, has rejected": a clause


#: Heads of an adverbial phrase after "said X": "on Monday", "in an interview", "at a news conference".
_ADJUNCT_HEADS = frozenset("""interview interviews statement statements conference briefing rally speech event email call
    hearing meeting debate release post tweet video television radio show program programme monday tuesday wednesday
    thursday friday saturday sunday today yesterday week weekend month year time night morning afternoon evening
    day days phone telephone condition reporters journalists crowd audience""".split())
_POSTMOD = re.compile(r"\s+(to|in|on|at|about)\s+")
_DESCRIPTION_DETS = frozenset("a an one another two three some several many the this that".split())


def _postmodifier(text: str, s: int, e: int, end: int, clear: Callable[[int, int], bool]) -> int:
    """End of a speaker description after the cue with the phrase attached to its noun, where the noun phrase
    reader stopped at a preposition: "said a source close to the president", "said a longtime adviser to
    Trump", "said a person involved in the talks", "said an analyst at Barclays"; not an adverbial phrase
    ("said a spokesman on Monday", "said Trump in an interview"). ``e`` when there is none."""
    m = _POSTMOD.match(text, e, end)
    if m is None:
        return e
    words = text[s:e].split()
    first, last = words[0].lower(), words[-1].lower()
    prep = m.group(1)
    description = first in _DESCRIPTION_DETS and text[s : s + 1].islower() and len(words) >= 2
    adjectival = last in ("close", "familiar", "involved", "briefed", "knowledgeable", "based", "working", "close")
    if not (description or adjectival):
        return e
    # the attached phrase: to the next comma, quotation, dash or the end of the sentence
    stop = re.compile(r"[,;:\"“”()]|\s[—–-]\s|\.(?=\s*$)|\.\s+[A-Z]")
    k = stop.search(text, m.end(), end)
    b = k.start() if k else end
    while b > m.end() and (text[b - 1].isspace() or text[b - 1] == "."):
        b -= 1
    obj = text[m.end() : b]
    for cut in re.finditer(r"\s(?:on|in|at|during|after|before|last|this|earlier|late)\s", obj):
        if any(w.lower() in _ADJUNCT_HEADS for w in re.findall(r"[A-Za-z]+", obj[cut.end() :])):
            b = m.end() + cut.start()  # "close to the president on Monday": the day is no part of the description
            obj = text[m.end() : b]
            break
    ws = re.findall(r"[A-Za-z]+", obj)
    if not ws or len(ws) > 10 or any(w.lower() in _ADJUNCT_HEADS for w in ws):
        return e
    # an adverbial preposition inside the phrase ends it ("close to the president on Monday" has a day: refused above)
    if prep in ("in", "on", "about") and not adjectival:
        return e  # "said a spokesman in a statement"
    if prep == "at" and not (adjectival or obj[:1].isupper() or re.match(r"the\s+[A-Z]", obj)):
        return e  # "said an official at a news conference"
    return b if clear(s, b) else e


def _extend(ctx: _Ctx, q: _Q) -> None:
    """Widen ``q.mention`` over the description the text sets beside the name (see the module docstring)."""
    if q.mention is None or q.cue is None:
        return
    text = ctx.text
    s, e = q.mention
    if text[s:e].lower() in _PRONOUNS or text[s:e].split()[0].lower() in _NOT_START:
        return  # "he"; "Meanwhile": no name to describe
    cs, ce = q.cue
    lo, hi = (q.open_mark if q.open_mark is not None else q.start), q.end

    def clear(a: int, b: int) -> bool:  # the widened mention stays off the quoted words
        return b <= lo or a >= hi

    if ce <= s:  # "said John Bulgaro, the president of ..." : to the end of the sentence
        if q.start > e and q.kind == "indirect":
            return  # "according to X, ...": the content follows
        sent = ctx.sentence_at(e)
        end = sent.end
        m = _PAREN.match(text, e, end)
        if m:
            e2 = m.end()
            if clear(s, e2):
                e = e2
        e2 = _postmodifier(text, s, e, end, clear)
        if e2 > e and q.speaker == " ".join(text[s:e].split()):
            q.speaker = " ".join(text[s:e2].split())  # no actor named: the speaker is the words, in full
        e = e2
        if not text.startswith(",", e):
            q.mention = (s, e)
            return
        a = e + 1
        while a < end and text[a].isspace():
            a += 1
        b = a
        # the description runs to the end of the sentence, or to a comma before a participle or a quotation
        for m2 in re.finditer(r"[,;:\"“”]|\.(?=\s*$)|\s[—–-]\s", text[a:end]):
            k = a + m2.start()
            if m2.group() == ",":
                nxt = text[k + 1 : end].split()
                # ", 55, of Brigantine", "in Somerton, Ariz., who ...": a place or an origin goes on
                if nxt and (nxt[0].lower().endswith("ing") or nxt[0][:1] in "\"“'‘"
                            or nxt[0].lower() in _NOT_START - _RELATIVE - {"of"}
                            or (nxt[0][:1].isupper() and nxt[0].isalpha() and len(nxt) > 1 and nxt[1][:1].islower()
                                and nxt[1].lower() not in _PREPS and nxt[1].lower() not in ("and", "the", "a"))):
                    b = k  # ", citing ...", ', "...', ", adding ...", ", Teck wants ...": the description ends
                    break
                continue
            b = k
            break
        else:
            b = end
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,"):
            b -= 1
        if text[b : b + 1] == "." and re.search(r"(?:\b[A-Z]\.[A-Z.]*|,\s+[A-Z][a-z]{1,4})$", text[a:b]):
            b += 1  # "M.I.T.", ", Fla."
        if b > a and _description(text, a, b, relative=True) and clear(s, b):
            e = b
        q.mention = (s, e)
        return
    if cs < e:
        return
    # "X, description, said": the words between the name and the cue
    gap_end = cs
    m = _PAREN.match(text, e, gap_end)
    if m and clear(s, m.end()):
        e = m.end()
    g = re.fullmatch(r"\s*,\s*(.+?)\s*,\s*", text[e:gap_end], re.S)
    if g and _description(text, e + g.start(1), e + g.end(1), relative=True) and clear(s, e + g.end(1)):
        e = e + g.end(1)
    # "The Podesta Group's CEO, Kimberley Fritts, said": a description before the name
    if text[s : s + 1].isupper() and re.search(r"[^\s,],\s+$", text[max(0, s - 3) : s]):
        sent = ctx.sentence_at(s)
        toks = _toks(ctx, sent.start, s)
        if len(toks) >= 2 and toks[-1].text == ",":
            j = _np_backward(toks, len(toks) - 1)
            words = toks[j : len(toks) - 1]
            titles = _lex().titles  # "CEO", "chairman", "delegate": a description, not "Earlier in the day"
            if (j < len(toks) - 1 and (j == 0 or toks[j - 1].text in (",", "and", "But", "but"))
                    and not words[0].text.lower().endswith("ing")  # "Interrupting Mr Sukul in his opening, Mr Mawrey"
                    and any(t.text.lower() in titles and titles[t.text.lower()][0] != "honorific" for t in words)
                    and clear(toks[j].start, e)):
                s = toks[j].start
    # "Sanders and his supporters argue": the subject is both (the speaker stays the one resolved)
    if re.search(r"\S\s+(?:and|&)\s+$", text[max(0, s - 6) : s]) and text[s:e].lower() not in _PRONOUNS:
        sent = ctx.sentence_at(s)
        toks = _toks(ctx, sent.start, s)
        if len(toks) >= 2 and toks[-1].text.lower() in ("and", "&"):
            j = _np_backward(toks, len(toks) - 1)
            if (j < len(toks) - 1 and (j == 0 or toks[j - 1].text in (",", ";", ":")
                                       or toks[j - 1].text.lower() in ("but", "that", "while", "because", "when"))
                    and toks[j].text.lower() not in _PRONOUNS and clear(toks[j].start, e)
                    and len(toks) - 1 - j <= 6  # a noun phrase, not a clause: "the pair chatted amicably and"
                    and not any(t.text.lower() in _VERBISH or (t.text[:1].islower() and t.text.endswith(("ed", "ly")))
                                for t in toks[j : len(toks) - 1])):
                s = toks[j].start
    q.mention = (s, e)
