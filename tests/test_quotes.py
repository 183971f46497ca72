"""Quotes: kinds, attribution, speakers, odd marks, and the bundled article."""

from __future__ import annotations

import pickle

import pytest

from mediakit.errors import InputError
from mediakit.framing.quotes import Quote, extract_quotes, quotes_table

# (text, expected [(kind, text, speaker, cue)]) in text order
CASES = [
    ('"We will win this war," Peskov said.', [("direct", "We will win this war,", "Peskov", "said")]),
    ('Peskov said: "We will not comment on the talks."',
     [("direct", "We will not comment on the talks.", "Peskov", "said")]),
    ('"We will not comment," said Kremlin spokesperson Dmitry Peskov.',
     [("direct", "We will not comment,", "Dmitry Peskov", "said")]),
    ("“The economy is strong,” the finance minister told reporters on Monday.",
     [("direct", "The economy is strong,", "the finance minister", "told reporters")]),
    ('"Prices will keep rising this year," according to the central bank.',
     [("direct", "Prices will keep rising this year,", "the central bank", "according to")]),
    ('The crowd fell silent.\n\n"Never again." —Jane Smith', [("direct", "Never again.", "Jane Smith", "—")]),
    ('"That is a disgrace!" Smith shouted.', [("direct", "That is a disgrace!", "Smith", "shouted")]),
    # interrupted quotation: both pieces are the speaker's
    ('"Judge," Brafman said, "I have never seen a case like this."',
     [("direct", "Judge,", "Brafman", "said"), ("direct", "I have never seen a case like this.", "Brafman", "said")]),
    ('"There is a lot of water under the bridge," Mr. Indyk said, "and it is hard to imagine a deal."',
     [("direct", "There is a lot of water under the bridge,", "Indyk", "said"),
      ("direct", "and it is hard to imagine a deal.", "Indyk", "said")]),
    ('"The politics are just so blatant" in the legislature, Smith said in an interview.',
     [("direct", "The politics are just so blatant", "Smith", "said")]),
    ('In his tribute, Elliott said "there is no greater man in this city than Ali."',
     [("direct", "there is no greater man in this city than Ali.", "Elliott", "said")]),
    ('Elliott said the city was "proud" of him.', [("indirect", 'the city was "proud" of him', "Elliott", "said"),
                                                  ("partial", "proud", "Elliott", "said")]),
    # speaker with an apposition, before the quotation
    ('Clinton\'s campaign chairman, John Podesta, said in a statement: "Tonight was a dark night."',
     [("direct", "Tonight was a dark night.", "John Podesta", "said")]),
    # '' as a double mark (news archives), and an abbreviated title before the speaker
    ("''People turn to Facebook to check on loved ones,'' Ms. White said.",
     [("direct", "People turn to Facebook to check on loved ones,", "White", "said")]),
    ('"We will win Iowa," said Sen. Ted Cruz of Texas.',
     [("direct", "We will win Iowa,", "Ted Cruz of Texas", "said")]),
    # an indefinite description is not resolved to whoever was named last
    ('Ted Cruz spoke first. "We lost the state," said a spokesman for the Clinton campaign.',
     [("direct", "We lost the state,", "a spokesman for the Clinton campaign", "said")]),
    # a speaker named before a colon, with no reporting verb (interviews, headlines)
    ('Senator Smith: "We will not yield."', [("direct", "We will not yield.", "Smith", None)]),
    ('According to Woodward, "The New York real estate world is more complex than the CIA," he wrote.',
     [("direct", "The New York real estate world is more complex than the CIA,", "Woodward", "According to")]),
    ('"Friend, let me be blunt. I can beat Hillary," the email read.',
     [("direct", "Friend, let me be blunt. I can beat Hillary,", "the email", "read")]),
    ('Carly Fiorina was far less bubbly: "The market will hate this deal." she recounted.',
     [("direct", "The market will hate this deal.", "Carly Fiorina", "recounted")]),
    ('Clinton has since apologized for what happened: "Yes, I should have used two accounts."',
     [("direct", "Yes, I should have used two accounts.", "Clinton", None)]),
    # the relative pronoun's antecedent is the speaker
    ('The aide, who testified when asked about the inquiry: "That matter is closed."',
     [("direct", "That matter is closed.", "The aide", "testified")]),
    # partial quotes, with and without a speaker
    ('Smith described the deal as a "disaster" for workers.', [("partial", "disaster", "Smith", "described")]),
    ('The so-called "peace plan" was rejected by both sides.', [("partial", "peace plan", None, None)]),
    ("Critics called the bill a “gift to the banks” on Tuesday.",
     [("partial", "gift to the banks", "Critics", "called")]),
    # indirect speech
    ("Trump said he had warned Putin about the strike.",
     [("indirect", "he had warned Putin about the strike", "Trump", "said")]),
    ("The mayor told reporters that the bridge would reopen in May.",
     [("indirect", "the bridge would reopen in May", "The mayor", "told reporters")]),
    ("The talks have stalled again, a government spokesperson said on Monday.",
     [("indirect", "The talks have stalled again", "a government spokesperson", "said")]),
    ("The primary will be decided by independents, says Dante Scala, a political scientist.",
     [("indirect", "The primary will be decided by independents", "Dante Scala", "says")]),
    ("The poll found that most voters had already decided.",  # a document: no speaker (source_kind "document")
     [("indirect", "most voters had already decided", None, "found")]),
    # a clause with a bare noun subject and no "that"
    ("Officials said consumer prices were rising fast.",
     [("indirect", "consumer prices were rising fast", "Officials", "said")]),
    ("A report by the IMF said growth would slow.", [("indirect", "growth would slow", None, "said")]),
    ("Unemployment fell to 4 percent in May, according to the Labor Department.",
     [("indirect", "Unemployment fell to 4 percent in May", "Labor Department", "according to")]),
]

NO_QUOTES = [
    'The storm dropped 12" of snow on Boston overnight.',  # inch mark
    'She starred in the film "Gone With the Wind" in 1939.',  # title of a work
    "The claims were false, and the report was withdrawn.",  # nouns, not reporting verbs
    "Residents want a say in the plan.",
    "She was said to be furious about the delay.",
    "Donald Trump's Alleged Threat to Strike Moscow",  # 'alleged' after a possessive is an adjective
    "He warned Putin—not for the first time—about the risks.",
    "Ayotte wrote a letter congratulating the organizers.",  # an object, not a reported clause
    "She did not maintain a state.gov account.",
    "The inspectors found the keys in the car.",  # 'found' attributes only with 'that'
    "He said goodbye to his staff on Friday.",
    "The senator declined to say whether voters were angry.",
    "Rubio, who lost in Florida, still does not resonate in his home state.",  # 'state' is a noun here
    "",
]


def _rows(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, q.speaker, q.cue) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kinds_speakers_cues(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", NO_QUOTES)
def test_no_quote(text: str) -> None:
    assert extract_quotes(text) == ()


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_offsets_are_evidence(text: str, _expected: object) -> None:
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue


def test_nested_single_quotes_stay_in_the_outer_quote() -> None:
    text = "\"I said, 'Vladimir, if you go after Ukraine, I am going to hit you so hard,'\" Trump said."
    qs = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in qs] == [("direct", "Trump")]
    assert qs[0].text.startswith("I said, 'Vladimir")


def test_single_quoted_scare_word_inside_a_quote_is_partial_of_the_speaker() -> None:
    text = '"Some leaders do not observe such information \'hygiene\' at all," Peskov said.'
    qs = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker) for q in qs] == [
        ("direct", "Some leaders do not observe such information 'hygiene' at all,", "Peskov"),
        ("partial", "hygiene", "Peskov"),
    ]


def test_quote_reopened_on_each_continued_paragraph() -> None:
    text = '"The first part of the statement ends here.\n\n"And the second part follows," Smith said.\n\nThen he left.'
    qs = extract_quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.text.startswith("The first part") and q.text.endswith("follows,")
    assert (q.kind, q.speaker, q.paragraph) == ("direct", "Smith", 0)
    assert "runs over several paragraphs" in q.uncertain


def test_quote_closed_in_a_later_paragraph_without_reopening() -> None:
    text = '"We will hit them hard, you will not believe it.\n\nThey will regret it," Trump said.'
    (q,) = extract_quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Trump", "said")
    assert q.text.endswith("regret it,")


def test_quote_without_cue_continues_previous_speaker() -> None:
    text = '"We are ready," Smith said.\n\n"The team has trained for months and nobody is afraid."'
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Smith", "Smith"]
    # no cue of its own; the mention is the previous quote's (offsets point there)
    assert qs[1].cue is None and (qs[1].speaker_mention, qs[1].speaker_start) == ("Smith", qs[0].speaker_start)
    assert any("continues the previous speaker" in u for u in qs[1].uncertain)


def test_cue_in_the_sentence_before() -> None:
    text = 'Jane Smith, the council leader, said in a statement.\n\n"We will rebuild the bridge by May."'
    (q,) = extract_quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Jane Smith", "said")
    assert "cue in the sentence before" in q.uncertain
    # a sentence that reports something of its own does not lend its speaker
    (q,) = extract_quotes('Smith said the bridge would reopen.\n\n"Nobody expected this."')[1:]
    assert (q.kind, q.speaker) == ("direct", None)


def test_quote_without_cue_far_from_any_speaker_stays_unattributed() -> None:
    text = 'Smith said so.\n\nThe river rose.\n\nThe bridge closed.\n\n"Nobody expected this."'
    (q,) = extract_quotes(text)
    assert (q.kind, q.speaker) == ("direct", None)


@pytest.mark.parametrize(
    "text",
    [
        '"We will fight on, Smith said, and the crowd cheered.',
        'He left." The meeting ended.',
        '"One" "two" "three',
        '""',
        '"\n\n"',
        "“Unclosed curly quote that runs to the end",
        "”Backwards marks“ everywhere” and “",
    ],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text


def test_single_quotes_in_a_headline() -> None:
    from mediakit import Article

    a = Article(title="Trump: 'I will hit Moscow so hard'", paragraphs=("Donald Trump spoke on Friday.",))
    (q,) = extract_quotes(a)
    assert (q.kind, q.text, q.speaker, q.paragraph) == ("direct", "I will hit Moscow so hard", "Donald Trump", 0)



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text with no double marks at all quotes with single marks (British style)
        ("'We will win this war,' Peskov said. Critics called it 'reckless'.",
         [("direct", "We will win this war,", "Peskov"), ("partial", "reckless", "Critics")]),
        ("‘We’re going to fight on,’ Jane Smith told the BBC.", [("direct", "We’re going to fight on,", "Jane Smith")]),
        ("The Clintons' foundation said it would close. It's done.", [("indirect", "it would close", "foundation")]),
        # a plural possessive inside a single-quoted quotation does not close it
        ("'The voters' choice is clear,' Smith said.", [("direct", "The voters' choice is clear,", "Smith")]),
        # where double marks quote, single marks are apostrophes or nested quotes
        ('"We are ready," Smith said. Critics called it \'reckless\'.', [("direct", "We are ready,", "Smith")]),
    ],
)
def test_single_marks(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(text)] == expected


UK_STYLE = (
    "Boris Johnson arrived late on Tuesday.\n\n"
    "‘It is a “grotesque” plan and the voters’ anger is real,’ Mr Johnson told the BBC.\n\n"
    "'We will fight on. The members' patience is not endless,' he added.\n\n"
    "‘We are not going anywhere.\n\n"
    "‘And we will win,’ he said. He called the bill \"a disgrace\"."
)


def test_uk_style_single_marks_are_the_primary_quotation_marks() -> None:
    # a text quoting with single marks, nesting double ones, with a stray double quotation: the single
    # marks quote, apostrophes ("voters’", "members'") do not close a quotation
    qs = [(q.kind, q.text, q.speaker) for q in extract_quotes(UK_STYLE)]
    assert qs == [
        ("direct", "It is a “grotesque” plan and the voters’ anger is real,", "Boris Johnson"),
        ("direct", "We will fight on. The members' patience is not endless,", "Boris Johnson"),
        ("direct", "We are not going anywhere.", "Boris Johnson"),
        ("direct", "And we will win,", "Boris Johnson"),
        ("partial", "a disgrace", "Boris Johnson"),
    ]
    continued = extract_quotes(UK_STYLE)[2]
    assert "runs over several paragraphs" in continued.uncertain


def test_single_marks_in_a_text_that_quotes_with_double_marks() -> None:
    # American style: double marks quote; single ones are apostrophes, nested quotes or scare quotes
    text = ("The band played rock 'n' roll in the '90s. \"It was the Clintons' decade,\" she said. "
            "\"He told me, 'Vladimir, you are a strong leader,'\" Trump said. "
            "\"I'm done,\" he added. Critics called it 'reckless'.")
    qs = [(q.kind, q.text) for q in extract_quotes(text)]
    assert qs == [
        ("direct", "It was the Clintons' decade,"),
        ("direct", "He told me, 'Vladimir, you are a strong leader,'"),
        ("direct", "I'm done,"),
    ]


def test_elided_words_are_not_opening_marks() -> None:
    text = "“I’ve got six of ‘em stacked up. I watch these things called ‘A Football Life,’ mostly,” he said."
    assert [(q.kind, q.text) for q in extract_quotes(text)][1:] == [("partial", "A Football Life,")]


def test_a_contraction_split_over_a_paragraph_break_is_no_quotation() -> None:
    # a broken text: "Susan Deacon stole\n\n's thunder" must not open a quotation to the paragraph end
    assert extract_quotes("Scotland's Susan Deacon stole\n\n's thunder in the final of the 200m. She won.") == ()


def test_mistyped_curly_mark_is_read_from_context() -> None:
    text = "“It's unusual,“ said Larry Noble, an attorney. “It's a hard thing to do.”"
    qs = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker) for q in qs] == [
        ("direct", "It's unusual,", "Larry Noble"),
        ("direct", "It's a hard thing to do.", "Larry Noble"),
    ]


def test_unclosed_quote_is_noted() -> None:
    (q,) = extract_quotes('"We will fight on to the very end, Smith said.\n\nThe crowd cheered.')
    assert q.kind == "direct"
    assert "no closing quotation mark" in q.uncertain
    assert "crowd" not in q.text


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ('Donald Trump spoke on Friday. "I will end the war in a day," the former president said.',
         "Donald Trump", "the former president"),
        ('Kremlin spokesperson Dmitry Peskov spoke on Monday. "We will not comment," Peskov told reporters.',
         "Dmitry Peskov", "Peskov"),
        ('Angela Merkel arrived late. "We have a lot of work to do," she said.', "Angela Merkel", "she"),
        # the subject of the sentence, not the last name before the pronoun
        ("Trump told the newspaper that he had warned Putin, with whom he said he had a good relationship.",
         "Trump", "he"),
    ],
)
def test_speaker_resolution(text: str, speaker: str, mention: str) -> None:
    q = extract_quotes(text)[-1]
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


def test_unresolved_pronoun_is_noted() -> None:
    (q,) = extract_quotes('"We are ready," he said.')
    assert (q.speaker, q.speaker_mention) == (None, "he")
    assert any("not resolved" in u for u in q.uncertain)


# ---------------------------------------------------------------- sources that are documents
@pytest.mark.parametrize(
    "text, mention",
    [
        ("Unemployment rose to 5% last year, according to the data.", "the data"),
        ("According to figures released on Monday, exports fell sharply in March.", "figures released"),
        ("The economy is slowing down this year, according to the report.", "the report"),
        ("According to a new survey by Gallup, most voters oppose the plan.", "a new survey by Gallup"),
        ("Sales will fall by 3% next year, according to estimates.", "estimates"),
        ("Trump leads in Ohio and Florida, according to polls.", "polls"),
        ("According to the study, the drug cuts deaths by half.", "the study"),
        ("According to U.S. Census data, the city lost residents.", "U.S. Census data"),
        ("The poll found that most voters were still undecided.", "The poll"),
    ],
)
def test_document_sources_are_attributions_without_a_speaker(text: str, mention: str) -> None:
    (q,) = extract_quotes(text)
    assert q.kind == "indirect" and q.cue is not None
    assert (q.speaker, q.speaker_mention, q.source_kind) == (None, mention, "document")
    assert text[q.speaker_start : q.speaker_end] == mention


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The plan will be dropped, according to senior figures in the party.", "senior figures in the party"),
        ("The vote was rigged, according to the study's author.", "the study's author"),
        ("Prices will rise next year, according to officials at the ministry.", "officials at the ministry"),
        ("Smith said the recovery is slow.", "Smith"),
    ],
)
def test_people_described_near_a_document_word_keep_their_voice(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert (q.speaker, q.source_kind) == (speaker, "speaker")


@pytest.mark.parametrize(
    "text, mention",
    [
        # PolNeAR annotates the share as the Source of the attribution: kept as the mention, no speaker
        ("Twelve percent said they would vote for him.", "Twelve percent"),
        ("40% of voters said the economy was the top issue.", "40% of voters"),
        ("Half of respondents said they had not decided.", "Half of respondents"),
        ("Among Trump voters, 74 percent said they are set on voting for him.", "74 percent"),
        ("Seventy-four percent of Democratic voters say they have a favorable view of Clinton.",
         "Seventy-four percent of Democratic voters"),
        ("Nearly two-thirds of Republicans said the party had lost its way.", "Nearly two-thirds of Republicans"),
        ("One in five voters said they had never heard of him.", "One in five voters"),
        ("A majority of voters said they trusted her more than him.", "A majority of voters"),
        ("The vast majority of Americans say they prefer lower prices.", "The vast majority of Americans"),
        ("Fifty-five per cent of Britons said they would stay in the EU.", "Fifty-five per cent of Britons"),
        ('"I do not trust him at all," 40 percent of voters said.', "40 percent of voters"),
    ],
)
def test_shares_of_those_polled_are_document_sources(text: str, mention: str) -> None:
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_mention, q.source_kind) == (None, mention, "document")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # counts of people, groups and titles are voices
        ("Two officials said the talks had collapsed overnight.", "Two officials"),
        ("Many Republicans said they would not back the bill.", "Republicans"),
        ("Three senators said the bill would fail.", "Three senators"),
        ("Senate Majority Leader Mitch McConnell said the Senate would not act.", "Mitch McConnell"),
        ("The majority wrote that the law was unconstitutional.", "The majority"),  # a court's majority
        ("A third party said the deal was fair to both sides.", "A third party"),
    ],
)
def test_counts_of_people_and_titles_stay_speakers(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert (q.speaker, q.source_kind) == (speaker, "speaker")


@pytest.mark.parametrize(
    "text, mention",
    [
        # a document of someone is a document source; the mention is the whole phrase, as PolNeAR's Source
        ("A report by the IMF said that growth would slow next year.", "A report by the IMF"),
        ("Growth will slow sharply next year, a report by the IMF said.", "a report by the IMF"),
        ("The IMF's report said that growth would slow next year.", "The IMF's report"),
        ("A report said that growth would slow next year.", "A report"),
        ("A study published by Harvard economists found that voters were angry.",
         "A study published by Harvard economists"),
        ("A 2009 report by the Center for Economic and Policy Research found that the tax would raise $220 billion.",
         "A 2009 report by the Center for Economic and Policy Research"),
        ("The State Department's inspector general's report said that Clinton broke the rules.",
         "The State Department's inspector general's report"),
    ],
)
def test_documents_of_someone_are_document_sources(text: str, mention: str) -> None:
    (q,) = extract_quotes(text)
    assert q.kind == "indirect" and q.cue is not None
    assert (q.speaker, q.speaker_mention, q.source_kind) == (None, mention, "document")


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        # a statement, a letter or an email carries its author's voice
        ("A statement from the White House said the president would veto the bill.",
         "White House", "A statement from the White House"),
        ("A letter signed by 50 senators said the deal was unfair to workers.",
         "50 senators", "A letter signed by 50 senators"),
        ("The senators' letter said the deal was unfair to workers.", "The senators", "The senators' letter"),
        ("Angela Merkel's statement said the talks would go on.", "Angela Merkel", "Angela Merkel's statement"),
        ('"We will not back down," a statement from the ministry said.', "the ministry",
         "a statement from the ministry"),
        ('A statement from the ministry said: "We will not back down."', "the ministry",
         "A statement from the ministry"),
    ],
)
def test_statements_of_someone_carry_the_authors_voice(text: str, speaker: str, mention: str) -> None:
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_mention, q.source_kind) == (speaker, mention, "speaker")
    assert "speaker is the author of the text cited" in q.uncertain


def test_document_sources_are_not_counted_as_speakers() -> None:
    from mediakit.analysis import analyze
    from mediakit.framing.actors import share_of_voice
    from mediakit.framing.voice import split_voices

    text = ('Unemployment rose to 5% last year, according to the data. Smith said the recovery is slow. '
            '"We will not give up," Smith said.')
    quotes = extract_quotes(text)
    assert [q.source_kind for q in quotes] == ["document", "speaker", "speaker"]
    summary = analyze(text).summary()
    assert (summary["n_speakers"], summary["top_speaker"], summary["n_indirect"]) == (1, "Smith", 2)
    assert share_of_voice(quotes)["speaker"].tolist() == ["Smith"]
    voiced = [s.text for s in split_voices(text, quotes=quotes, include_indirect=True) if s.voice == "quoted"]
    assert voiced == ["the recovery is slow", "We will not give up,"]


def test_quote_without_a_source_has_no_source_kind() -> None:
    (q,) = extract_quotes('The so-called "peace plan" was rejected.')
    assert (q.speaker, q.speaker_mention, q.source_kind) == (None, None, None)


def test_min_words_drops_short_quotes() -> None:
    text = 'He said the plan was a "disaster" and left. "We will not accept this plan at all," Smith said.'
    kinds = [q.kind for q in extract_quotes(text, min_words=4)]
    assert "partial" not in kinds and "direct" in kinds
    assert "partial" in [q.kind for q in extract_quotes(text)]


def test_bad_input_raises_input_error() -> None:
    with pytest.raises(InputError):
        extract_quotes(42)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        quotes_table([1, 2])  # type: ignore[list-item]


def test_quote_to_dict_and_pickle() -> None:
    (q,) = extract_quotes('"We will win this war," Peskov said.')
    d = q.to_dict()
    assert d["speaker"] == "Peskov" and d["uncertain"] == []
    assert pickle.loads(pickle.dumps(q)) == q


def test_quotes_table_columns_and_precomputed_quotes() -> None:
    text = '"We will win this war," Peskov said. Trump said he would end it.'
    t = quotes_table(text)
    assert list(t.columns) == list(Quote.__dataclass_fields__)
    assert t["kind"].tolist() == ["direct", "indirect"]
    assert quotes_table(extract_quotes(text)).equals(t)
    assert quotes_table("No quotes here.").empty


# ---------------------------------------------------------------- the bundled article
@pytest.fixture(scope="module")
def bundled(bundled_article):  # type: ignore[no-untyped-def]
    return bundled_article, extract_quotes(bundled_article)


def _find(quotes: tuple[Quote, ...], kind: str, startswith: str) -> Quote:
    hits = [q for q in quotes if q.kind == kind and q.text.startswith(startswith)]
    assert hits, f"no {kind} quote starting {startswith!r}"
    return hits[0]


def test_bundled_offsets(bundled) -> None:  # type: ignore[no-untyped-def]
    article, quotes = bundled
    for q in quotes:
        assert article.text[q.start : q.end] == q.text
        assert article.parts[q.paragraph].start <= q.start <= article.parts[q.paragraph].end


def test_bundled_standfirst_is_the_former_president(bundled) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    q = _find(quotes, "direct", "I said, 'Vladimir, if you go")
    assert (q.speaker, q.speaker_mention, q.cue, q.paragraph) == ("Donald Trump", "the former president", "said", 1)


def test_bundled_trump_quotes(bundled) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    q = _find(quotes, "direct", "I said, 'Vladimir, 'if you go")
    assert (q.speaker, q.cue) == ("Donald Trump", "purportedly said")
    assert q.text.endswith("fricking Moscow,'")
    q = _find(quotes, "direct", "I said, 'We're friends")
    assert q.speaker == "Donald Trump" and q.cue is None
    assert q.text.endswith("I said, 'Way.'")
    assert any("continues the previous speaker" in u for u in q.uncertain)
    # the nested 'Vladimir, ...' is never a quote of its own
    assert not [x for x in quotes if x.text.startswith("Vladimir")]


def test_bundled_peskov_quotes(bundled) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    q = _find(quotes, "direct", "We still prefer")
    assert (q.speaker, q.speaker_mention, q.cue) == ("Dmitry Peskov", "Kremlin spokesperson Dmitry Peskov", "said")
    q = _find(quotes, "direct", "Unfortunately, a number of world leaders")
    assert (q.speaker, q.speaker_mention, q.cue) == ("Dmitry Peskov", "Peskov", "told reporters")
    assert q.text.endswith("on their conscience,")


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("great relationship", "Donald Trump"),
        ("hit", "Donald Trump"),
        ("high-level conversations", "Dmitry Peskov"),
        ("very good relationship", "Donald Trump"),
        ("hygiene", "Dmitry Peskov"),
    ],
)
def test_bundled_partial_quotes(bundled, words: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    q = _find(quotes, "partial", words)
    assert q.text.rstrip(",") == words
    assert q.speaker == speaker


def test_bundled_indirect_speech(bundled) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    q = _find(quotes, "indirect", "he had threatened Russian President Vladimir Putin")
    assert (q.speaker, q.speaker_mention, q.cue) == ("Donald Trump", "Donald Trump", "said")
    q = _find(quotes, "indirect", "The Kremlin has refused to publish details")
    assert (q.speaker_mention, q.cue) == ("a spokesperson", "said")
    q = _find(quotes, "indirect", "he had warned Putin")
    assert q.speaker == "Donald Trump"
    assert q.cue is not None and q.cue.startswith("told")


def test_bundled_kinds_and_no_headline_quote(bundled) -> None:  # type: ignore[no-untyped-def]
    _, quotes = bundled
    assert all(q.paragraph != 0 for q in quotes)  # the headline's "Alleged" is not a reporting verb
    assert sum(q.kind == "direct" for q in quotes) == 5


# The subject of a reporting verb is the whole noun phrase, over the phrases attached to its noun
# ("for/of/at/from/with/in ..."), as the direct-quote path reads '"...," a spokeswoman for the ministry said.'
@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("A spokesman for the White House said the talks would resume.",
         "A spokesman for the White House", "A spokesman for the White House"),
        ("One of the senators said the bill was dead.", "One of the senators", "One of the senators"),
        ("Some of the protesters said they would return on Friday.",
         "Some of the protesters", "Some of the protesters"),
        ("A senior official at the Pentagon said the strike was legal.",
         "A senior official at the Pentagon", "A senior official at the Pentagon"),
        ("People familiar with the matter said the deal was close.",
         "People familiar with the matter", "People familiar with the matter"),
        ("The head of the office of the governor said the plan was dead.",
         "The head of the office of the governor", "The head of the office of the governor"),
        ("Senator Smith was asked about it. But one of the senators said the bill was dead.",
         "one of the senators", "one of the senators"),
        # a name before a title's phrase is resolved on the name, not on the phrase's object
        ("Christine Lagarde arrived late. Lagarde of the IMF said growth would slow.",
         "Lagarde of the IMF", "Christine Lagarde"),
        # an apposition with an initial: resolved on the name, not the title's phrase; the mention is both
        ("On Monday, however, the director of the Federal Bureau of Investigation, James B. Comey, said that "
         "the attack had been planned.", "the director of the Federal Bureau of Investigation, James B. Comey",
         "James B. Comey"),
    ],
)
def test_reported_speech_subject_is_the_whole_noun_phrase(text: str, mention: str, speaker: str) -> None:
    (q,) = [q for q in extract_quotes(text) if q.kind == "indirect"]
    assert (q.speaker_mention, q.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "not_in_mention"),
    [
        # the words before the preposition are a verb phrase, not a noun with an attached phrase
        ("By June, Clinton had moved into a lead in the polls and said that the race was over.", "moved"),
        ("Rubio also has spent heavily in the state, and Cruz said the race was open.", "spent"),
        # a relative clause before the preposition is not part of the subject
        ("Those who voted for the bill said it was fair.", "voted"),
    ],
)
def test_reported_speech_subject_stops_at_verbs(text: str, not_in_mention: str) -> None:
    mentions = [q.speaker_mention or "" for q in extract_quotes(text) if q.kind == "indirect"]
    assert mentions and not any(not_in_mention in m for m in mentions)


# A description is the person the text gave that label (apposition, title before a name, "X, a teacher"),
# before whoever was named last; recency only when no one carries the label.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister, John Smith, said on Monday that taxes would rise. Jane Doe, a teacher, disagreed. "
         "The minister added that it was fair.", "John Smith"),
        ("John Smith, a minister, said on Monday that taxes would rise. Jane Doe, a teacher, disagreed. "
         "The teacher added that it was unfair.", "Jane Doe"),
        ("Mark Holden, chairman of the board of the foundation, spoke first. Jane Doe arrived later. "
         "The chairman said the plan was dead.", "Mark Holden"),
        # the description itself set off by commas after the name
        ("Brian Murphy, the chairman of the county party in New Hampshire, for example, said the party was united.",
         "Brian Murphy"),
        ("Elward Edd, an official at the housing authority in Arizona, which has a backlog of repairs, said the "
         "rule would help.", "Elward Edd"),
    ],
)
def test_description_resolved_by_label(text: str, speaker: str) -> None:
    q = [q for q in extract_quotes(text) if q.kind == "indirect"][-1]
    assert q.speaker == speaker


def test_description_without_a_label_is_not_resolved_to_a_company_or_a_list() -> None:
    text = ("Wealth-X, a private company that tracks billionaires, keeps its clients a secret. "
            "The company says its business has tripled.")
    assert [q.speaker for q in extract_quotes(text) if q.kind == "indirect"] == ["The company"]
    text = ("The mayor, Tomas Regalado, and two Republican members of Congress from Florida, Ileana Ros-Lehtinen "
            "and Carlos Curbelo, have said they will not vote for him.")
    assert all(q.speaker != "Tomas Regalado" for q in extract_quotes(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an apposition with a bare title, the writer's closing comma missing
        ("Patricia Sanders, spokeswoman for the Disaster Emergency Committee said it was aware of the site.",
         "Patricia Sanders"),
        # a title before the name is a label too
        ("Economics Minister Aburizal Bakrie said the freeze was not needed, the newspaper Bisnis Indonesia "
         "reported. The Indonesian Economics Minister explained that the money was for Aceh.", "Aburizal Bakrie"),
    ],
)
def test_description_resolved_by_title_label(text: str, speaker: str) -> None:
    q = [q for q in extract_quotes(text) if q.kind == "indirect"][-1]
    assert q.speaker == speaker


def test_named_document_and_clauses_are_not_noun_phrases() -> None:
    (q,) = extract_quotes("The Forum for the Future research found that old phones can help close the divide.")
    assert (q.source_kind, q.speaker) == ("document", None)
    for text in ("The downing of the sites could dent Lycos claims that the protest is legal.",
                 "Looking further ahead in the year, the chairman Mike Short, has predicted that sales will grow."):
        assert all(not (q.speaker_mention or "").startswith(("The downing", "Looking")) for q in extract_quotes(text))


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # the description set beside the name is part of the mention; the speaker is resolved from the name
        ("John Bulgaro, the president of Teamsters Local 294 in Albany, said the strike would go on.",
         "John Bulgaro, the president of Teamsters Local 294 in Albany", "John Bulgaro"),
        ('"We will win," said Ilyse Hogue, president of NARAL Pro-Choice America.',
         "Ilyse Hogue, president of NARAL Pro-Choice America", "Ilyse Hogue"),
        ('"It was a shock," said Ray Haines, 44. "I kept arguing."', "Ray Haines, 44", "Ray Haines"),
        ('"This is new," said Sen. Richard Blumenthal (D-Conn.), who has pushed for new rules.',
         "Sen. Richard Blumenthal (D-Conn.), who has pushed for new rules", "Richard Blumenthal"),
        ("Rep. Sander Levin (Mich.), a superdelegate, said he had spoken to many colleagues.",
         "Rep. Sander Levin (Mich.), a superdelegate", "Sander Levin"),
        ("The Podesta Group's CEO, Kimberley Fritts, said the firms had coordinated.",
         "The Podesta Group's CEO, Kimberley Fritts", "Kimberley Fritts"),
        # an interrupted quotation: the description ends before the quotation goes on
        ('"We have offices here," said Stephanie Formas, a spokeswoman for the campaign, "and we will stay."',
         "Stephanie Formas, a spokeswoman for the campaign", "Stephanie Formas"),
        # not a description: a participle, an adjunct, a connective, a clause, an opening adverbial
        ('"It is over," said Cornell Belcher, referring to the 2004 race.', "Cornell Belcher", "Cornell Belcher"),
        ("Corey Lewandowski, in a statement released by the campaign, said the report was false.",
         "Corey Lewandowski", "Corey Lewandowski"),
        ("Trump, however, said the report was false.", "Trump", "Trump"),
        ("Dan Backer, the fund's lawyer, has rejected the label, noting that it pays its own way.",
         "Dan Backer", "Dan Backer"),
        ("Earlier in the day, Trump told reporters that the deal was dead.", "Trump", "Trump"),
        # a relative clause set off by commas before the cue is part of the mention, as PolNeAR marks the Source
        ("Michael Bloomberg, who is thinking about running, said the race was open.",
         "Michael Bloomberg, who is thinking about running", "Michael Bloomberg"),
    ],
)
def test_mention_keeps_the_description_beside_the_name(text: str, mention: str, speaker: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind in ("direct", "indirect"))
    assert (q.speaker_mention, q.speaker) == (mention, speaker)
    assert text[q.speaker_start : q.speaker_end] == mention


@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        # a speech verb's form inside a name is no cue: "State", "Post", "Report"
        ("The State Department said it found no evidence of a breach.", "The State Department", "said"),
        ('"We are not worried," said the Washington Post, citing aides.', "the Washington Post", "said"),
        ("The Post reported that the talks had stalled again.", "The Post", "reported"),
        # an -ly noun is no adverb of the cue
        ("A Clinton ally suggested she would change course on the deal.", "A Clinton ally", "suggested"),
        # a lower-case speech verb after "the" stays a cue when it is one
        ("Trump stated that the wall would be built.", "Trump", "stated"),
    ],
)
def test_speech_words_inside_names_are_no_cue(text: str, mention: str, cue: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind in ("direct", "indirect"))
    assert (q.speaker_mention, q.cue) == (mention, cue)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the subject past adverbs and a verb taking the cue as an infinitive
        ("She went on to say that the plan would fail.", "She"),
        ('"It is over," he often says.', "he"),
        ("The school declined to comment on the report, but officials said the talks would go on.", "officials"),
        ('"We will win," Trump went on to say.', "Trump"),
        # the subject after an opening phrase, before a colon
        ('At a conference that month in Aspen, Jane Roe was blunt: "We will not yield."', "Jane Roe"),
        # a description runs on over a place or an origin
        ('"It is hard," said Rachel Woolard, 20, of Jacksonville, Fla.', "Rachel Woolard, 20, of Jacksonville, Fla."),
    ],
)
def test_subject_past_verbs_and_openers(text: str, mention: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind in ("direct", "indirect") and q.speaker_mention)
    assert q.speaker_mention == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # an -ly noun in the subject: "his family said"
        ("The singer has died at the age of 93, his family has said.", "his family"),
        # a name with its title before a colon
        ('BBC Two controller Roly Keating: "We are proud of the show."', "BBC Two controller Roly Keating"),
        # no description: a new clause after the comma, an opening participle phrase before the name
        ("Arsenal won again, according to The Independent, Wenger spoke to reporters after the game.",
         "The Independent"),
        ('Interrupting Mr Sukul in his opening, Mr Mawrey said: "That is not the question."', "Mr Mawrey"),
        # "state" as a noun inside a description
        ("Rex Early, a former state party chairman, said the campaign was ready.",
         "Rex Early, a former state party chairman"),
        # a coordinated subject is one mention; a clause before "and" is not part of it
        ("Sanders and his supporters argue that the system is rigged.", "Sanders and his supporters"),
        ("Figures showed the economy grew by 9.5% in 2004 and experts say growth will slow.", "experts"),
        ("The pair chatted amicably and Mr Brown insisted the two were friends.", "Mr Brown"),
        # a participle cue: the subject after an opening adverbial phrase
        ("On Sunday, Trump defended his views on Russia, saying that talks were needed.", "Trump"),
        ("Facing mounting criticism, Mr. Trump released a statement, insisting that he was right.", "Mr. Trump"),
        # a participle after a reporting verb: that verb's subject, before or after it
        ("Washington did not complain, a Chinese official said, adding that the impact was small.",
         "a Chinese official"),
        ('"It is the one to beat," said Mr Jolin, adding that the film was a favourite.', "Mr Jolin"),
        ("He then defended the remark, saying that it was a joke.", "He"),
    ],
)
def test_mention_edges(text: str, mention: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind in ("direct", "indirect") and q.speaker_mention)
    assert q.speaker_mention == mention


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # reported speech ends where the writer's own clause begins
        ("Sanders said he would not seek a recount, but his aides said they were less sure.",
         "he would not seek a recount"),
        ("Sandoval said he had voted for Rubio, but cautioned against reading too much into it.",
         "he had voted for Rubio"),
        ("Rubio said Trump could not lead, while Cruz said the stakes were too high.",
         "Trump could not lead"),
        # a contrast with no reporting verb of its own stays in the reported clause
        ("Houlihan added that Sony had done well, but it definitely helped that the release coincided.",
         "Sony had done well, but it definitely helped that the release coincided"),
        ("Speculation suggests that Euronext can bid 1.4bn, while its rival may up its bid.",
         "Euronext can bid 1.4bn, while its rival may up its bid"),
        ("Carson said he plans to visit Libya, insisting that leaders were too cautious.",
         "he plans to visit Libya"),
        ("Rendell said the foundation should close, and he added that donors agreed.", "the foundation should close"),
        ("Clinton said Republicans should give him a hearing and added that time was short.",
         "Republicans should give him a hearing"),
        ("Forbes says it is $4.5 billion; others put it higher.", "it is $4.5 billion"),
        ("While the president has said he opposes the war, his aides plan for it.", "he opposes the war"),
        # a comma inside the reported clause that opens no new clause stays in it
        ("Officials said the bridge, which opened in 1990, would close in May.",
         "the bridge, which opened in 1990, would close in May"),
        # the clause may open with a contraction or a title with a full stop
        ("They say it's been evident for weeks.", "it's been evident for weeks"),
        ("Republicans said Mr. Obama would have a hard time.", "Mr. Obama would have a hard time"),
    ],
)
def test_reported_clause_edges(text: str, content: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert q.text == content


def test_speech_verb_after_of_is_a_noun_in_the_subject() -> None:
    q = next(q for q in extract_quotes("At the rally, the secretary of state said she was ready to serve.")
             if q.kind == "indirect")
    assert (q.text, q.speaker_mention) == ("she was ready to serve", "the secretary of state")


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        # a cue set inside the sentence it reports: the whole sentence
        ("Otherwise, she said, countries may simply steal growth from one another.",
         "Otherwise, she said, countries may simply steal growth from one another", "she"),
        # a participle cue after a comma takes a clause without "that"
        ("The businessman has praised Putin, saying he was a stronger leader than Obama.",
         "he was a stronger leader than Obama", "The businessman"),
        # a clause opening with a number
        ("The State Department has said 2,093 of the emails were redacted.", "2,093 of the emails were redacted",
         "The State Department"),
        # a pronoun contracted with "has" is no possessive
        ("He's said he gets his ideas from a speech.", "he gets his ideas from a speech", "He's"),
        # the comma that ends a quotation ends the reported clause before a participle cue
        ('The senator said the system was "corrupt," noting that banks were strange.', 'the system was "corrupt,"',
         "The senator"),
    ],
)
def test_reported_clause_shapes(text: str, content: str, mention: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert (q.text, q.speaker_mention) == (content, mention)


@pytest.mark.parametrize("text", [
    "Walking home, saying nothing, he went to bed.",  # a participle with an object, no clause
    "He kept saying the same thing.",  # no comma before the participle
])
def test_participle_without_a_clause_is_no_cue(text: str) -> None:
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


def test_participle_cue_after_a_common_noun_subject() -> None:
    q = next(q for q in extract_quotes("The New York businessman has praised Putin, saying he was a strong leader.")
             if q.kind == "indirect")
    assert q.speaker_mention == "The New York businessman"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Nabisco announced it was laying off 600 workers.", "it was laying off 600 workers"),
        ("Officials confirmed the report was accurate.", "the report was accurate"),
        ("He acknowledged he made mistakes.", "he made mistakes"),
        ("Democrats feared the party could lose the Senate.", "the party could lose the Senate"),
    ],
)
def test_verbs_that_take_a_plain_clause_without_that(text: str, content: str) -> None:
    assert [q.text for q in extract_quotes(text) if q.kind == "indirect"] == [content]


@pytest.mark.parametrize("text", [
    "Priebus announced his resignation on Monday.",  # an object, not a clause
    "Reince Priebus announced the creation of a website to explain the process.",
    "The inspectors found the keys in the car.",
    "She felt the ground shake under her feet.",
])
def test_verbs_with_an_object_report_no_clause(text: str) -> None:
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "content", "mention", "cue"),
    [
        ("Asked if her email practices were illegal, 46 percent of voters said yes.",
         "if her email practices were illegal", None, "Asked"),
        ("Asked by Starnes if he believed the situation was grave, Carson said he did not.",
         "if he believed the situation was grave", "Starnes", "Asked"),
        ("Hewitt asked Trump whether he would run, and Trump said no.", "whether he would run", "Hewitt", "asked"),
        ("Sanders called on the Obama administration to block the deal.",
         "the Obama administration to block the deal", "Sanders", "called on"),
        ("Trump calls for bringing back surveillance of Muslim communities.",
         "bringing back surveillance of Muslim communities", "Trump", "calls for"),
    ],
)
def test_questions_and_calls(text: str, content: str, mention: str | None, cue: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert (q.text, q.speaker_mention, q.cue) == (content, mention, cue)


@pytest.mark.parametrize("text", [
    "The reporter called on Monday for comment.",
    "Trump's call for a ban on Muslims drew criticism.",  # a noun
    "The race was called for Ted Cruz after the polls closed.",  # passive: no speaker
    "Asked about it later, he smiled.",  # no question
])
def test_no_question_or_call(text: str) -> None:
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


def test_participle_cue_without_comma_takes_the_sentence_subject() -> None:
    text = ("Trump called for deporting millions of immigrants, while also suggesting that birthright "
            "citizenship should be abolished.")
    q = [q for q in extract_quotes(text) if q.kind == "indirect"][-1]
    assert (q.text, q.speaker_mention, q.cue) == ("birthright citizenship should be abolished", "Trump",
                                                  "also suggesting")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mrs. Clinton's campaign has said for months that it sees no reason to break with Obama.",
         "it sees no reason to break with Obama"),
        ("Sanders has said repeatedly that he plans to support the nominee.", "he plans to support the nominee"),
        ("Adelson said earlier on Friday during a news conference that he may wait.", "he may wait"),
    ],
)
def test_adjunct_between_the_cue_and_that(text: str, content: str) -> None:
    assert [q.text for q in extract_quotes(text) if q.kind == "indirect"] == [content]


@pytest.mark.parametrize(
    ("text", "content", "mention", "cue"),
    [
        ("Trump's warning that Britain would go to the back of the queue angered many.",
         "Britain would go to the back of the queue angered many", "Trump's", "warning"),
        ("Cruz entered the debate with an argument that 2016 is now a two-man contest.",
         "2016 is now a two-man contest", "Cruz", "argument"),
        ("There is a belief that the loss was driven by turnout.", "the loss was driven by turnout", None, "belief"),
        # others' words about the subject: no holder named
        ("He faced allegations that he assaulted a former aide.", "he assaulted a former aide", None, "allegations"),
    ],
)
def test_reporting_nouns_with_a_that_clause(text: str, content: str, mention: str | None, cue: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert (q.text, q.speaker_mention, q.cue) == (content, mention, cue)


@pytest.mark.parametrize("text", [
    "The claim that he made was false.",  # a relative clause: no content
    "The promise that he broke haunted him.",
    "His claims were false.",
])
def test_reporting_noun_without_a_that_clause(text: str) -> None:
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Warren pointed out that the bank had paid no penalty.", "the bank had paid no penalty", "pointed out"),
        ("He made it clear that he would not run.", "he would not run", "made it clear"),
    ],
)
def test_reporting_phrases_with_that(text: str, content: str, cue: str) -> None:
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert (q.text, q.cue) == (content, cue)


def test_point_and_make_without_that_report_nothing() -> None:
    assert extract_quotes("He made it clear to everyone and pointed out the exits.") == ()


@pytest.mark.parametrize("text", [
    "The ex-chat show host had been quite useful.",  # 'show' is a noun
    "But he played down reports Mr Blair was considering a new treaty.",  # 'reports' is a noun
    "The images were removed as soon as she learned she had been suspended.",  # knowledge, not speech
])
def test_nouns_and_knowledge_report_no_clause(text: str) -> None:
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


def test_that_as_a_determiner_after_an_adverb_opens_no_clause() -> None:
    text = "Neither Mr Howard nor Mr Letwin would say exactly how they would use that cash, although a cut seems unlikely."
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


def test_a_speech_verb_after_a_determiner_ends_no_clause() -> None:
    text = "JP Morgan said it was setting up a scholarship for students in Louisiana, the state where it began."
    q = next(q for q in extract_quotes(text) if q.kind == "indirect")
    assert q.text.endswith("the state where it began")
