"""Public actor functions: :func:`find_actors`, :func:`share_of_voice`, :func:`actors_table`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...article import Article
from ...segment import split_sentences
from .index import index_for
from .model import Actor

if TYPE_CHECKING:
    import pandas as pd

    from ..quotes import Quote

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
        Actor(name, ent.kind, tuple(dict.fromkeys([name, *ent.forms, *ent.labels])), tuple(ent.mentions))
        for ent in idx.entities
        if ent.mentions and ent.forms
        for name in (ent.name,)  # a property that picks the fullest form: read once
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
    mention the actor; ``tone_towards`` the mean tone towards the actor over
    its mentions (:func:`mediakit.target_tone`: the sentence's tone words
    weighted by clause, distance and role relative to the mention);
    ``tone_quoted`` the polarity of the actor's own quoted words (direct and
    indirect together; NaN when the actor is not quoted).
    Pass ``actors`` and ``quotes`` already found for this text (as
    :func:`mediakit.analyze` does) to skip finding them again.

    >>> actors_table('"This is a terrible mistake," Peskov said.')[["name", "kind", "quoted_words_direct"]].to_dict("records")
    [{'name': 'Peskov', 'kind': 'person', 'quoted_words_direct': 5}]
    """
    import pandas as pd

    from ...segment import as_text
    from ...sentiment import score_sentiment
    from ...target import _target_tones
    from ..quotes import extract_quotes

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

    text = as_text(text_or_article)

    # every mention's target tone, each sentence scored once for all the mentions in it
    spans = [(m.start, m.end) for a in actors for m in a.mentions]
    scored = dict(zip(spans, (tt.score for tt in _target_tones(text, dict.fromkeys(spans), sentences=sentences))))

    def towards(a: Actor) -> float:
        scores = [scored[(m.start, m.end)] for m in a.mentions]
        return sum(scores) / len(scores) if scores else float("nan")

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
                "tone_towards": towards(a),
                "tone_quoted": score_sentiment(own).polarity if own else float("nan"),
                "start": a.mentions[0].start,
                "end": a.mentions[0].end,
            }
        )
    cols = ["name", "kind", "n_mentions", "labels", "quoted_words_direct", "quoted_words_indirect",
            "share_of_voice", "tone_mentions", "tone_towards", "tone_quoted", "start", "end"]
    return pd.DataFrame(rows, columns=cols)
