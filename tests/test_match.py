"""The token pattern matcher behind the cue and frame lexicons."""

from __future__ import annotations

import time

import pytest

from mediakit.errors import InputError
from mediakit.framing._match import PatternSet, compile_pattern
from mediakit.framing._tokens import sentence_tokens, word_tokens


def _matches(pattern: str, text: str) -> list[str]:
    ps = PatternSet([compile_pattern(pattern)])
    toks = word_tokens(text)
    return [text[toks[i].start : toks[j].end] for _, i, j in ps.find_longest(toks)]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("alleged", "The alleged conversation took place.", ["alleged"]),
        ("alleged", "The Alleged Threat", ["Alleged"]),
        ("alleged", "The allegedly corrupt mayor", []),  # whole words only
        ("alleg*", "The allegedly corrupt mayor", ["allegedly"]),
        ("did|does not elaborate", "He did not elaborate on when.", ["did not elaborate"]),
        ("did|does not elaborate", "He did not want to elaborate.", []),
        ("didn't elaborate", "He didn’t elaborate.", ["didn’t elaborate"]),  # curly apostrophe
        ("so-called", "the so-called special operation", ["so-called"]),
        ("reached out ... for comment", "Newsweek has reached out to Trump and to the Kremlin for comment via email.",
         ["reached out to Trump and to the Kremlin for comment"]),
        # punctuation between the words does not stop a gap
        ("reached out ... for comment", "It reached out to Trump, and the Kremlin, for comment.",
         ["reached out to Trump, and the Kremlin, for comment"]),
        # the gap is bounded: 9 words in between is too far for "..."
        ("reached out ... for comment", "We reached out to a b c d e f g h i for comment.", []),
        ("reached out ...9 for comment", "We reached out to a b c d e f g h for comment.",
         ["reached out to a b c d e f g h for comment"]),
        # the gap tries later positions too (the nearest "for" is not the right one)
        ("reached out ... for comment", "They reached out to him for his views and for comment.",
         ["reached out to him for his views and for comment"]),
        ("may|might have? been", "He may have been there.", ["may have been"]),
        ("may|might have? been", "He might been there.", ["might been"]),
        ("may|might have? been", "On May 12 troops moved.", []),
        ("the? alleged", "the alleged plot", ["the alleged"]),
        ("believed ...2 to", "The war effort, believed now to have racked up", ["believed now to"]),
        ("believed ...2 to", "believed in God and went to church", []),
    ],
)
def test_pattern_table(pattern: str, text: str, expected: list[str]) -> None:
    assert _matches(pattern, text) == expected


def test_longest_match_wins_and_ties_go_to_the_first_listed() -> None:
    ps = PatternSet([compile_pattern("believed"), compile_pattern("believed in"), compile_pattern("believed")])
    toks = word_tokens("They believed in God.")
    [(p, i, j)] = list(ps.finditer(toks))
    assert p.source == "believed in" and (i, j) == (1, 2)
    ps2 = PatternSet([compile_pattern("refused to", ("a",)), compile_pattern("refused to", ("b",))])
    [(p2, _, _)] = list(ps2.finditer(word_tokens("He refused to say.")))
    assert p2.payload == ("a",)


def test_find_longest_drops_overlaps() -> None:
    ps = PatternSet([compile_pattern("declined to comment"), compile_pattern("to comment")])
    toks = word_tokens("She declined to comment, then agreed to comment.")
    assert [p.source for p, _, _ in ps.find_longest(toks)] == ["declined to comment", "to comment"]


@pytest.mark.parametrize("bad", ["", "   ", "...", "maybe?", "a ...x b", "|", 3])
def test_bad_patterns_raise_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        compile_pattern(bad)  # type: ignore[arg-type]


def test_prefix_candidates_many_prefixes() -> None:
    pats = [compile_pattern(f"{w}*") for w in ("econ", "financ", "cost", "tax", "budget", "e")]
    ps = PatternSet(pats)
    assert {p.source for p in ps.candidates("economy")} == {"econ*", "e*"}
    assert ps.candidates("war") == ()


def test_sentence_tokens_do_not_cross_sentences() -> None:
    text = "Newsweek reached out. For comment, see below."
    ps = PatternSet([compile_pattern("reached out ... for comment")])
    assert [m for _, toks in sentence_tokens(text) for m in ps.finditer(toks)] == []


def test_linear_time_on_adversarial_input() -> None:
    # many gaps and many near-matches: time must grow linearly with the text
    ps = PatternSet([compile_pattern("a ... a ... a ... b"), compile_pattern("a* ...20 a|aa ... c")])

    def run(n: int) -> float:
        toks = word_tokens(" ".join(["a"] * n))
        t = time.perf_counter()
        assert list(ps.finditer(toks)) == []
        return time.perf_counter() - t

    small, big = run(500), run(4000)
    assert big < small * 8 * 4  # generous: linear would be ~8x


def _reference_finditer(ps: PatternSet, toks: list) -> list[tuple[str, int, int]]:
    """The matcher's contract spelled out: at each token, every pattern that may start there is
    simulated on its own (``_match_at``), and the longest match wins, the first listed on a tie."""
    from mediakit.framing._match import _match_at

    out = []
    for i, t in enumerate(toks):
        best = None
        for p in ps.candidates(t.low):
            j = _match_at(p.elements, [t.low for t in toks], i)
            if j is not None and (best is None or j > best[2]):
                best = (p.payload[0], i, j)
        if best is not None:
            out.append(best)
    return out


def test_trie_matches_simulating_every_pattern() -> None:
    import random

    rng = random.Random(7)
    vocab = ["a", "b", "c", "ab", "abc", "the", "new", "x"]

    def element() -> str:
        if rng.random() < 0.1:
            return "..." + rng.choice(["", "1", "2"])
        alts = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            w = rng.choice(vocab)
            alts.append(w[: rng.randrange(1, len(w) + 1)] + "*" if rng.random() < 0.25 else w)
        return "|".join(alts) + ("?" if rng.random() < 0.3 else "")

    n_matches = 0
    for _ in range(800):
        sources: list[str] = []
        while len(sources) < rng.randrange(1, 8):
            src = " ".join(element() for _ in range(rng.randrange(1, 5)))
            try:
                compile_pattern(src)
            except InputError:
                continue
            sources.append(src)
        ps = PatternSet([compile_pattern(src, (str(k),)) for k, src in enumerate(sources)])
        for _ in range(4):
            toks = word_tokens(" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 15))))
            got = [(p.payload[0], i, j) for p, i, j in ps.finditer(toks)]
            assert got == _reference_finditer(ps, toks), (sources, [t.text for t in toks])
            n_matches += len(got)
    assert n_matches > 1000  # the random lexicons do match


def test_many_patterns_sharing_an_optional_first_word() -> None:
    # "the? guardian", "the? new york times": one walk finds the longest, ties to the first listed
    ps = PatternSet([compile_pattern("the? new york times", ("nyt",)), compile_pattern("the? new york", ("ny",)),
                     compile_pattern("new york times", ("dup",)), compile_pattern("the? guardian", ("g",))])
    toks = word_tokens("The New York Times and the Guardian, not the new York post.")
    assert [(p.payload[0], i, j) for p, i, j in ps.find_longest(toks)] == [("nyt", 0, 3), ("g", 5, 6), ("ny", 8, 10)]


@pytest.mark.parametrize("text", ["ΟΔΟΣ:Α ΟΔΟΣ Σ ΣΑΣ.", "İstanbul’s DIDN’T so-called U.S. 3.5", "", "  ,;  "])
def test_word_tokens_lower_each_word_on_its_own(text: str) -> None:
    # "ΟΔΟΣ:Α".lower() ends its sigma as "σ", "ΟΔΟΣ".lower() as "ς": each word is lowered alone
    toks = word_tokens(text)
    assert [t.low for t in toks] == [t.text.lower().replace("’", "'") for t in toks]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_sentence_tokens_behave_as_a_tuple_of_word_tokens() -> None:
    text = "He didn’t say. The U.S. aid, 3.5 billion, came."
    (s1, t1), (s2, t2) = sentence_tokens(text)
    assert t2 == tuple(word_tokens(text, s2.start, s2.end))
    assert [t.text for t in t2] == ["The", "U.S", "aid", "3.5", "billion", "came"]
    assert len(t2) == 6 and t2[-1].low == "came" and t2[1:3] == tuple(word_tokens(text, s2.start, s2.end))[1:3]
    assert t1 != t2 and t1 == tuple(word_tokens(text, 0, s1.end))


def test_find_in_is_find_longest_in_each_sentence() -> None:
    # one pass over the text's words gives, per sentence, what find_longest gives on the sentence's own words;
    # a match never runs into the next sentence (gaps and optional words included), words first seen in a
    # text are looked up once, and a text whose sentences do not all sit between spaces is split per sentence
    import random

    from mediakit.framing._tokens import _sentence_tokens, text_words

    rng = random.Random(11)
    vocab = ["a", "b", "c", "ab", "the", "new", "x", "A", "B."]
    ps = PatternSet([compile_pattern(src, (str(k),)) for k, src in enumerate(
        ["a b", "a ... c", "the? new", "ab*", "b a|c? a", "x ...2 x", "c", "new new new"])])
    n_matches = n_cut = 0
    for n in range(300):
        sentences = [" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 9))) for _ in range(rng.randrange(1, 6))]
        text = ". ".join(s for s in sentences if s) + "."
        tw = text_words(text)
        if n % 3 == 0:  # paragraphs that cut through words: each sentence's words are found on their own
            cut = rng.randrange(len(text) + 1)
            tw = _sentence_tokens(text, ((0, 0, cut), (1, cut, len(text))))
            n_cut += any(0 < s.end < len(text) and not text[s.end].isspace() for s in tw.sentences)
        got = [(k, p.payload[0], tw.words[i].start, tw.words[j].end) for k, p, i, j in ps.find_in(tw)]
        own = [word_tokens(text, s.start, s.end) for s in tw.sentences]
        want = [(k, p.payload[0], toks[i].start, toks[j].end)
                for k, toks in enumerate(own) for p, i, j in ps.find_longest(toks)]
        assert got == want, text
        assert [tuple(tw.sentence_words(k)) for k in range(len(tw.sentences))] == [tuple(toks) for toks in own]
        n_matches += len(got)
    assert n_matches > 300 and n_cut > 20


def test_fast_word_pattern_splits_as_the_plain_one() -> None:
    import re

    from mediakit.framing._tokens import _WORD, _WORD_SPLIT

    plain = re.compile("(" + _WORD.pattern + ")")
    text = "He didn’t say, so-called U.S. aid 3.5.6 a-. b'- c..d e’’f _x_ ΟΔΟΣ-Α 1,740 -a- 'b' x.y.z. --"
    assert _WORD_SPLIT.split(text) == plain.split(text)
