"""decode_bytes: byte-order marks, UTF-16 without one, single-byte code pages, broken UTF-8, binaries, mojibake."""

from __future__ import annotations

import codecs
import gzip
import zipfile
from io import BytesIO

import pytest

import mediakit as mk
from mediakit.encoding import decode_bytes

TEXT = "Café owner’s “résumé” — naïve coöperation, €5."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    d = decode_bytes(data)
    assert d.text == TEXT
    assert d.encoding == encoding
    assert "\ufeff" not in d.text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Ça coûte très cher, a dit le maire.", "latin-1"),
        ("Größe über Maß, sagte er.", "latin-1"),
        ("Café “résumé”", "cp1252"),  # short: accented letters are a third of its bytes
        ("Правительство в понедельник заявило, что переговоры продолжатся.", "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
    ],
)
def test_single_byte_code_pages(text: str, codec: str) -> None:
    d = decode_bytes(text.encode(codec))
    assert d.text == text
    assert [s.name for s in d.steps] == ["decode"]


def test_utf8_with_a_few_broken_sequences_stays_utf8() -> None:
    data = "Café “résumé” and naïve".encode() + b" truncated \xe2\x80 and a stray \xff byte."
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert d.text.startswith("Café “résumé” and naïve truncated \ufffd")
    assert d.text.count("\ufffd") == 2
    (step,) = d.steps
    assert step.name == "decode" and step.count == 2 and "U+FFFD" in step.description


def test_ascii_with_stray_high_bytes_is_read_as_cp1252() -> None:
    d = decode_bytes(b"He said \x93no\x94 \x96 twice.")
    assert d.text == "He said “no” – twice."
    assert d.encoding == "cp1252"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    d = decode_bytes(b"Caf\xe9 \x81 ok")
    assert d.encoding == "latin-1" and d.text == "Café \x81 ok"


def test_mojibake_is_repaired_and_the_received_text_kept() -> None:
    received = "The mayor’s “plan” was ‘fair’".encode().decode("cp1252", errors="replace").replace("\ufffd", "\x9d")
    d = decode_bytes(received.encode("utf-8"))
    assert received.startswith("The mayorâ€™s â€œplanâ€")
    assert d.text == "The mayor’s “plan” was ‘fair’"
    assert d.received == received
    assert [s.name for s in d.steps] == ["repair_mojibake"]
    assert "->" in d.steps[0].examples[0]


def test_clean_text_is_not_touched_by_the_repair() -> None:
    for text in ["plain ASCII text.", "naïve café", "Ü-Bahn", "“quoted” — dash", "Tōkyō 東京 😀"]:
        d = decode_bytes(text.encode())
        assert d.text == text and d.steps == () and d.received is None


def _zip() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (gzip.compress(b"Some article text."), "gzip"),
        (_zip(), "ZIP"),
        (b"\x7fELF\x02\x01\x01", "executable"),
    ],
)
def test_binaries_are_refused_by_name(data: bytes, what: str) -> None:
    with pytest.raises(mk.LoadError, match=what) as err:
        decode_bytes(data, path="story.txt")
    assert err.value.path == "story.txt"


def test_nul_bytes_outside_utf16_are_refused() -> None:
    with pytest.raises(mk.LoadError, match="2 NUL byte"):
        decode_bytes(b"Head\x00line and body text\x00 here.", path="x.txt")


def test_forced_encoding() -> None:
    assert decode_bytes("Größe".encode("latin-1"), encoding="latin-1").text == "Größe"
    with pytest.raises(mk.LoadError, match="cannot decode as utf-8"):
        decode_bytes(b"Gr\xf6\xdfe", encoding="utf-8")
    with pytest.raises(mk.LoadError, match="cannot decode as no-such-codec"):
        decode_bytes(b"x", encoding="no-such-codec")


def test_odd_length_utf16_is_a_load_error() -> None:
    with pytest.raises(mk.LoadError, match="utf-16"):
        decode_bytes(codecs.BOM_UTF16_LE + "Hello".encode("utf-16-le") + b"\x00")
