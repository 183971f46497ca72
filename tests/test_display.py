"""How quotations attributed to documents (data, polls, reports) are shown: never as a person's voice."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import mediakit as mk
from mediakit.framing.quotes import quotes_table
from mediakit.html import article_html
from mediakit.plot import plot_share_of_voice

TEXT = (
    'Unemployment rose to 5%, according to the data. "We are worried," said John Smith. '
    "A poll found that most voters disagree."
)


def test_text_report_names_the_document() -> None:
    text = mk.analyze(TEXT).to_text()
    assert "the data (document)" in text and "A poll (document)" in text
    assert "(unattributed)" not in text


def test_article_html_titles_a_document_quote() -> None:
    page = article_html(mk.analyze(TEXT))
    assert "document: the data" in page and "John Smith" in page
    assert "unattributed" not in page.split("<style", 1)[0] + page.split("</style>", 1)[-1]


def test_share_of_voice_puts_documents_in_one_bar() -> None:
    ax = plot_share_of_voice(quotes_table(TEXT))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == ["(documents)", "John Smith"]
