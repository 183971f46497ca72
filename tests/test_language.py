"""Language guess and the warning that mediakit's lexicons are English."""

from __future__ import annotations

import warnings

import pytest

import mediakit as mk
from mediakit.language import MIN_WORDS, check_english, guess_language

NEWS = {
    "en": "The government said on Monday that talks with the opposition would not continue because there was no deal.",
    "fr": "Le gouvernement a annoncé lundi que les négociations avec l'opposition ne se poursuivront pas, faute d'accord.",
    "de": "Die Regierung hat am Montag erklärt, dass die Gespräche mit der Opposition nicht fortgesetzt werden.",
    "es": "El gobierno anunció el lunes que las negociaciones con la oposición no continuarán porque no hay acuerdo.",
    "it": "Il governo ha annunciato lunedì che i negoziati con l'opposizione non continueranno perché non c'è accordo.",
    "pt": "O governo anunciou na segunda-feira que as negociações com a oposição não vão continuar porque não há acordo.",
    "nl": "De regering heeft maandag aangekondigd dat de onderhandelingen met de oppositie niet worden voortgezet.",
    "ru": "Правительство в понедельник заявило, что переговоры с оппозицией не будут продолжены, так как соглашения нет.",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι συνομιλίες με την αντιπολίτευση δεν θα συνεχιστούν.",
    "ar": "أعلنت الحكومة يوم الاثنين أن المحادثات مع المعارضة لن تستمر لعدم التوصل إلى اتفاق بين الطرفين.",
    "he": "הממשלה הודיעה ביום שני כי השיחות עם האופוזיציה לא יימשכו משום שאין הסכם בין הצדדים.",
    "zh": "政府星期一宣布，由于没有达成协议，与反对派的谈判将不会继续进行下去。",
    "ja": "政府は月曜日、合意がないため野党との交渉を継続しないと発表した。",
    "ko": "정부는 월요일 합의가 없어 야당과의 협상을 계속하지 않겠다고 발표했다.",
}


@pytest.mark.parametrize(("code", "text"), sorted(NEWS.items()))
def test_guess_language_of_news_sentences(code: str, text: str) -> None:
    g = guess_language(text)
    assert g.code == code
    if code == "en":
        assert g.english_ratio > 0.8 and g.is_english
    else:
        assert g.english_ratio < 0.4 and not g.is_english
    assert g.evidence  # always says why


def test_bundled_article_is_english(bundled_article: mk.Article) -> None:
    g = guess_language(bundled_article)
    assert g.code == "en" and g.english_ratio > 0.9
    assert g.evidence[0].split("×")[0] in {"the", "to", "of", "a", "in", "and"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_english(bundled_article)  # no warning


@pytest.mark.parametrize("text", ["", "   \n\n ", "1,740 3.5 % 12:30", "😀🎉🔥 👍🏽 ❤️", "!!! ??? ..."])
def test_nothing_to_judge_is_undetermined(text: str) -> None:
    g = guess_language(text)
    assert g.code == "und" and g.english_ratio == 0.0 and g.evidence == ()


def test_english_with_foreign_names_and_emoji_stays_english() -> None:
    text = ("President Emmanuel Macron met Olaf Scholz and Pedro Sánchez in Brussels 🇪🇺 on Thursday, "
            "where the leaders said they would work together on defence.")
    assert guess_language(text).code == "en"


@pytest.mark.parametrize("code", [c for c in NEWS if c != "en"])
def test_check_english_warns_on_other_languages(code: str) -> None:
    text = NEWS[code] + " " + NEWS[code]  # long enough to judge in every script
    with pytest.warns(mk.LanguageWarning, match="lexicons are English") as rec:
        g = check_english(text, source="story.txt")
    assert g.code == code
    message = str(rec[0].message)
    assert message.startswith("story.txt: ") and repr(code) in message


def test_check_english_names_the_article_source() -> None:
    art = mk.parse_text("Titre\n\n" + NEWS["fr"] + "\n\n" + NEWS["fr"], source="le-monde.txt")
    with pytest.warns(mk.LanguageWarning, match=r"^le-monde\.txt: text looks like 'fr'"):
        check_english(art)


def test_unknown_latin_language_warns_as_not_english() -> None:
    polish = ("Rząd ogłosił w poniedziałek, że negocjacje z opozycją nie będą kontynuowane, "
              "ponieważ nie ma porozumienia między stronami sporu.")
    with pytest.warns(mk.LanguageWarning, match="does not look like English"):
        g = check_english(polish)
    assert g.code == "und"


def test_short_texts_are_not_judged() -> None:
    short = "Le président a parlé."
    assert len(short.split()) < MIN_WORDS
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_english(short).code == "fr"
        check_english("")


def test_english_news_never_warns() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_english(NEWS["en"] * 3)


def test_language_warning_is_a_user_warning() -> None:
    assert issubclass(mk.LanguageWarning, UserWarning)


def test_guess_is_frozen_and_serialisable() -> None:
    g = guess_language(NEWS["de"])
    d = g.to_dict()
    assert d["code"] == "de" and d["evidence"] == list(g.evidence)
    with pytest.raises(AttributeError):
        g.code = "en"  # type: ignore[misc]


def test_guess_rejects_non_text() -> None:
    with pytest.raises(mk.InputError):
        guess_language(42)  # type: ignore[arg-type]
