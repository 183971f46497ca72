"""Quotes: speakers of direct quotations that the common patterns miss (odd marks, verbs no list holds,
cues with no subject of their own, introductions, bylines), and speaker mentions in full."""

from __future__ import annotations

import pytest

from mediakit.framing.quotes import extract_quotes


def _direct(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of the direct quotes."""
    return [(q.text, q.speaker_mention, q.cue) for q in extract_quotes(text) if q.kind == "direct"]


# (text, expected direct quotes [(text, speaker mention, cue)])
CASES = [
    # ''' : a single quotation nested at the edge of a '' one
    ("''I think voters will not be satisfied with 'We'll bomb them,''' said Senator John McCain of Arizona.",
     [("I think voters will not be satisfied with 'We'll bomb them,'", "Senator John McCain of Arizona", "said")]),
    ("'''Kosovo is special,' they tell us,'' Mr. Putin said.",
     [("'Kosovo is special,' they tell us,", "Mr. Putin", "said")]),
    # a verb of manner that no list holds, either order
    ('"We will win this," Toomey fumed on Tuesday.', [("We will win this,", "Toomey", "fumed")]),
    ('"This is fantastic!" beamed Donald Hartley.', [("This is fantastic!", "Donald Hartley", "beamed")]),
    ('"Governor, let me help you out," the vice-presidential nominee riffed.',
     [("Governor, let me help you out,", "the vice-presidential nominee", "riffed")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _direct(text) == expected


def test_manner_verb_needs_a_quotation_that_opens_the_sentence() -> None:
    # a title inside the writer's sentence is no quotation of the actor
    qs = extract_quotes('He spoke about his comedy project, "Latin History for Dummies," the actor discussed.')
    assert all(q.cue != "discussed" for q in qs)


def test_manner_verb_stays_in_the_paragraph() -> None:
    qs = extract_quotes('"Will you pay me $5 million?"\nThe next debate is scheduled for Dec. 15.')
    assert [q.cue for q in qs if q.kind == "direct"] == [None]


CASES_MORE = [
    # a cue with no subject of its own: the speaker of the quotation before in the sentence, or the sentence's subject
    ('Smith described the move as a "breach of trust," adding: "I am now informing all of our members."',
     [("I am now informing all of our members.", "Smith", "adding")]),
    ('On CBS, Jane Roe stated, "When I look at this, it is bad," adding, "I think 1,500 people were killed."',
     [("When I look at this, it is bad,", "Jane Roe", "stated"),
      ("I think 1,500 people were killed.", "Jane Roe", "adding")]),
    ('Appearing before supporters, Suu Kyi said it was too early to congratulate winners but added, '
     '"I think you all have an idea of the results."',
     [("I think you all have an idea of the results.", "Suu Kyi", "added")]),
    # "once said:" is the cue ("when asked:" is not)
    ("Famed fight doctor Ferdie Pacheco once said: “Cassius Clay was born in Louisville.”",
     [("Cassius Clay was born in Louisville.", "Famed fight doctor Ferdie Pacheco", "once said")]),
    # a colon with no reporting verb: the subject of the sentence, after an opening phrase, with its title
    ("Mr. Slinker sees him in the spirit of Silicon Valley: ''He's a start-up kind of guy.''",
     [("He's a start-up kind of guy.", "Mr. Slinker", None)]),
    ("Asked which county was his favorite, Smith demurred: “Whichever one I’m in at the moment.”",
     [("Whichever one I’m in at the moment.", "Smith", None)]),
    ("Then, the laugh line: ''I want to do this myself.''", [("I want to do this myself.", None, None)]),
    # the sentence before ends with a colon and has no reporting verb
    ("When Wallace died, President Clinton released the following statement:\n\n"
     "“Hillary and I offer our condolences to the family.”",
     [("Hillary and I offer our condolences to the family.", "President Clinton", None)]),
    ('Here are the details:\n\n"The plan costs $5 billion."', [("The plan costs $5 billion.", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_MORE)
def test_speakers_more(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _direct(text) == expected


CASES_SIGNED = [
    # signed in the next paragraph by a dash and a name (fact checks, notebooks)
    ('The claim.\n\n"Boeing and GE pay zero taxes."\n\n- Sanders.\n\nThis is a complex issue.',
     [("Boeing and GE pay zero taxes.", "Sanders", "-")]),
    ('The tweet.\n\n"Great speech. She is ready."\n\n-President Obama, tweeting after the speech.',
     [("Great speech. She is ready.", "President Obama", "-")]),
    ('"Another one."\n\n- 2016 was a year.', [("Another one.", None, None)]),
    # the writer's words go on after the quotation, then ", said X" ends the sentence
    ("''The most impressive aspect has been a newfound resilience,'' like the recent volatility of markets, "
     "said Richard Curtin, the chief economist.",
     [("The most impressive aspect has been a newfound resilience,", "Richard Curtin, the chief economist", "said")]),
    # not when the words after the quotation are the speaker's name with an apposition
    ("''We don't believe troops are the answer,'' Benjamin J. Rhodes, Mr. Obama's adviser, said Sunday.",
     [("We don't believe troops are the answer,", "Benjamin J. Rhodes, Mr. Obama's adviser", "said")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_SIGNED)
def test_speakers_signed_and_after(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _direct(text) == expected


@pytest.mark.parametrize(("tail", "mention"), [
    ("said a source close to the president.", "a source close to the president"),
    ("said a source close to the president on Monday.", "a source close to the president"),
    ("said a longtime adviser to Trump.", "a longtime adviser to Trump"),
    ("said a person involved in the talks.", "a person involved in the talks"),
    ("said an analyst at Barclays.", "an analyst at Barclays"),
    ("said an official at a news conference.", "an official"),
    ("said a spokesman on Monday.", "a spokesman"),
    ("said Mr. Trump in an interview.", "Mr. Trump"),
])
def test_description_after_the_cue_keeps_its_phrase(tail: str, mention: str) -> None:
    (q,) = extract_quotes('"We are not going to leave," ' + tail)
    assert q.speaker_mention == mention
    assert q.speaker == ("Trump" if mention == "Mr. Trump" else mention)  # no actor named: the words in full


def test_party_and_state_after_the_name() -> None:
    (q,) = extract_quotes('"It reminds us how important this election is," Sen. Marco Rubio (R-Fla.) said Saturday.')
    assert (q.speaker, q.speaker_mention, q.cue) == ("Marco Rubio", "Sen. Marco Rubio (R-Fla.)", "said")


CASES_LONG = [
    # a name with a long description set off by commas, then the cue and the quotation
    ("James Zogby, a Sanders superdelegate from the District and the president of the D.C.-based Arab American "
     'Institute, said: "I just don\'t think it\'s possible."',
     [("I just don't think it's possible.", "James Zogby, a Sanders superdelegate from the District and the "
       "president of the D.C.-based Arab American Institute", "said")]),
    ("Alex Castellanos, a veteran media consultant who earlier in the season had tried to organize an anti-Trump "
     'campaign, said, "A fantasy effort to stop Trump exists only as the denial stage of grief."',
     [("A fantasy effort to stop Trump exists only as the denial stage of grief.",
       "Alex Castellanos, a veteran media consultant who earlier in the season had tried to organize an anti-Trump "
       "campaign", "said")]),
    # the writer's words go on after the quotation, then ", X said."
    ("''He was going to make the Trump name known,'' as his father dreamed, Mr. Turry said.",
     [("He was going to make the Trump name known,", "Mr. Turry", "said")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_LONG)
def test_speakers_long(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _direct(text) == expected


CASES_SPLIT = [
    # the sentence splitter cut after the closing mark: a short "X said." still attributes
    ("''She'd look at me and say, 'What did he mean by that?''' Mr. Biden said, clutching the lectern.",
     [("She'd look at me and say, 'What did he mean by that?'", "Mr. Biden", "said")]),
    ("“I hope you’re able to find the emails that are missing.” Trump said. Clinton says they were personal.",
     [("I hope you’re able to find the emails that are missing.", "Trump", "said")]),
    # not a longer sentence of the writer's
    ('"It is over." Trump said the talks had failed.', [("It is over.", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_SPLIT)
def test_speakers_after_a_split(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _direct(text) == expected


def test_double_marks_nested_in_a_double_quotation() -> None:
    text = ('Sunday, Trump tweeted, "Reporting that Orlando killer shouted "Allah hu Akbar!" as he slaughtered '
            'clubgoers." This appeared to be altered.')
    (q,) = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert q.text == 'Reporting that Orlando killer shouted "Allah hu Akbar!" as he slaughtered clubgoers.'
    assert (q.speaker, q.cue) == ("Trump", "tweeted")
    # two quotations side by side stay two
    assert [q.text for q in extract_quotes('"We won," he said. "They lost," she said.')] == ["We won,", "They lost,"]


def test_closing_mark_left_out_before_the_cue() -> None:
    text = '"There wasn\'t a lot of education to adoptive parents, said Kessel, a lawyer.\n\nNext paragraph.'
    (q,) = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert (q.text, q.speaker, q.cue) == ("There wasn't a lot of education to adoptive parents,", "Kessel", "said")
    assert "no closing quotation mark" in q.uncertain


def test_title_and_name_after_the_quotation_keep_their_rule() -> None:
    (q,) = extract_quotes('"We will keep these hounds going," hunt master, Captain Ian Farquhar, said.')
    assert (q.speaker_mention, q.cue) == ("hunt master, Captain Ian Farquhar", "said")


@pytest.mark.parametrize("intro", ["Wait, it gets better:", "See the latest updates below:", "Here is the statement:"])
def test_colon_introductions_that_name_no_one(intro: str) -> None:
    (q,) = [q for q in extract_quotes(intro + '\n\n"The plan costs $5 billion."') if q.kind == "direct"]
    assert q.speaker_mention is None


@pytest.mark.parametrize(("tail", "mention"), [
    ("said a longtime adviser to Trump, who asked not to be named.", "a longtime adviser to Trump"),
    ("said an aide, who spoke on condition of anonymity.", "an aide"),
    ("said Jane Roe, who leads the council.", "Jane Roe, who leads the council"),
])
def test_anonymity_is_no_description(tail: str, mention: str) -> None:
    (q,) = extract_quotes('"We are not going to leave," ' + tail)
    assert q.speaker_mention == mention


def test_relative_pronoun_speaker() -> None:
    text = ("Cruz won an endorsement from Mike Lee, who declared in the spin room, "
            "“I’m sending the signal that it’s time to unite.”")
    (q,) = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert (q.speaker, q.speaker_mention, q.cue) == ("Mike Lee", "who", "declared")
    (q,) = [q for q in extract_quotes('The tweet came from the company, who wrote: "We are sorry."') if q.kind == "direct"]
    assert (q.speaker_mention, q.cue) == ("the company", "wrote")


@pytest.mark.parametrize(("text", "mention"), [
    ("The Slate technology columnist David Auerbach went so far as to say: ''Twitter as we know it is over.''",
     "The Slate technology columnist David Auerbach"),
    ('O\'Malley, who signed gun laws as governor, interjected to say: "They\'ve both been inconsistent."', "O'Malley"),
])
def test_infinitive_cue_after_a_verb_no_list_holds(text: str, mention: str) -> None:
    (q,) = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert (q.speaker_mention, q.cue) == (mention, "say")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Smith was asked whether he would run again.", None),  # the one asked is no speaker
        ("He was told that the deal was off.", None),
        ("It was widely reported that the deal was off.", None),  # an empty "it"
        ("Organizers said they are worried that the event will backfire.", "they"),  # a holder, not addressed
        ("Smith said that the deal was off.", "Smith"),
    ],
)
def test_passive_cue_names_no_speaker(text: str, mention: str | None) -> None:
    quotes = [q for q in extract_quotes(text) if q.kind == "indirect"]
    assert quotes, text
    assert quotes[-1].speaker_mention == mention


def test_infinitive_cue_needs_a_governing_verb() -> None:
    """"went on to say" and "was quick to add" report; "impossible not to ask", "a good way to understand" do not."""
    assert [q.speaker_mention for q in extract_quotes("She went on to say that the plan works.")] == ["She"]
    assert [q.speaker_mention for q in extract_quotes("Trump was quick to add that the talks were over.")] == ["Trump"]
    assert not extract_quotes("It is almost impossible not to ask whether the plan works.")
    assert not extract_quotes("A good way to understand the thinking is to ask voters.")
    assert not extract_quotes("By June, Clinton could be in a position to say that the race was over.")  # no report
