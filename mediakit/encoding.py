"""Turn bytes from disk into text: detect the encoding, refuse binaries, repair mojibake."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .article import CleaningStep
from .errors import LoadError

__all__ = ["decode_bytes", "detect_encoding", "Decoded", "BINARY_SIGNATURES"]

#: Magic numbers of file types that are certainly not article text.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"PAR1", "a Parquet file"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    steps: tuple[CleaningStep, ...] = ()
    received: str | None = None  # the decoded text before mojibake repair, when that changed it


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _repair_mojibake(text: str) -> tuple[str, CleaningStep | None]:
    if text.isascii():
        # mojibake is non-ASCII by definition, and the fixers that act on ASCII
        # (HTML entities, terminal escapes, control characters) are switched off below
        return text, None
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config)
    if fixed == text:
        return text, None
    # count and show the first changed stretch
    i = next((k for k, (a, b) in enumerate(zip(text, fixed)) if a != b), min(len(text), len(fixed)))
    example = f"{text[max(0, i - 10):i + 15]!r} -> {fixed[max(0, i - 10):i + 12]!r}"
    return fixed, CleaningStep("repair_mojibake", "repaired text decoded with the wrong encoding (mojibake)", 1, (example,))


def decode_bytes(data: bytes, *, path: object = None, encoding: str | None = None) -> Decoded:
    """Decode ``data`` to text.

    Order: an explicit ``encoding``; a byte-order mark (UTF-8, UTF-16, UTF-32);
    UTF-16 without a mark (detected from NUL-byte patterns); strict UTF-8;
    then charset-normalizer's best guess, preferring cp1252 for mostly-ASCII
    Western text; latin-1 as the last resort (it never fails). Mojibake left
    by an earlier wrong decode is repaired with ftfy and reported.

    Raises:
        LoadError: the bytes are a known binary format (PDF, PNG, gzip …) or
            contain NUL bytes that are not UTF-16.

    >>> decode_bytes("café".encode("cp1252")).text
    'café'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le")).encoding
    'utf-16'
    """
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise LoadError(f"this is {what}, not article text", path=path)
    steps: list[CleaningStep] = []
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise LoadError(f"cannot decode as {encoding}: {exc}", path=path) from None
        return Decoded(text, encoding)
    chosen: str
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        chosen = "utf-32"
    elif data.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        chosen = "utf-16"
    else:
        chosen = _utf16_without_bom(data) or ""
    if chosen:
        try:
            return Decoded(data.decode(chosen), chosen)
        except UnicodeDecodeError as exc:
            raise LoadError(f"looks like {chosen} but is not valid: {exc.reason} at byte {exc.start}", path=path) from None
    if b"\x00" in data:
        n = data.count(b"\x00")
        raise LoadError(f"contains {n} NUL byte(s): binary data, not article text", path=path)
    try:
        text = data.decode("utf-8")
        chosen = "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
        n_bad, n_good = _utf8_damage(data)
        if n_good >= n_bad:
            # UTF-8 text with a few broken sequences (a truncated character, a stray byte):
            # a single-byte decode would turn every good accent and curly quote into mojibake
            chosen = "utf-8"
            text = data.decode("utf-8", errors="replace")
            description = (f"not valid UTF-8: {n_bad} invalid byte sequence(s) replaced with U+FFFD "
                           f"(first at byte {bad_at})")
            count = n_bad
        else:
            chosen = _guess_single_byte(data)
            text = data.decode(chosen, errors="replace")
            description = f"not valid UTF-8 (first bad byte at offset {bad_at}); decoded as {chosen}"
            count = 1
        steps.append(CleaningStep("decode", description, count))
    fixed, step = _repair_mojibake(text)
    if step:
        steps.append(step)
        return Decoded(fixed, chosen, tuple(steps), received=text)
    return Decoded(text, chosen, tuple(steps))


def detect_encoding(sample: bytes, *, path: object = None) -> str:
    """The encoding of a file from its first bytes, for files read as a stream (CSV, JSONL).

    Same order as :func:`decode_bytes`: a byte-order mark, UTF-16 without
    one, UTF-8 (a character cut at the end of the sample is allowed), then a
    single-byte code page.

    Raises:
        LoadError: the sample starts like a known binary format.

    >>> detect_encoding("title,text\\nCafé,x\\n".encode("cp1252"))
    'cp1252'
    >>> detect_encoding(codecs.BOM_UTF8 + b"title,text")
    'utf-8-sig'
    """
    for magic, what in BINARY_SIGNATURES:
        if sample.startswith(magic):
            raise LoadError(f"this is {what}, not article text", path=path)
    if sample.startswith(codecs.BOM_UTF32_LE) or sample.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        n_bad, n_good = _utf8_damage(sample)
        return "utf-8" if n_good >= n_bad else _guess_single_byte(sample)


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid sequences, valid multi-byte characters) when ``data`` is read as UTF-8."""
    n_bad = n_good = 0
    pos = 0
    while True:
        try:
            chunk = data[pos:].decode("utf-8")
        except UnicodeDecodeError as exc:
            n_good += sum(1 for ch in data[pos : pos + exc.start].decode("utf-8") if ord(ch) > 127)
            n_bad += 1
            pos += exc.end
            continue
        n_good += sum(1 for ch in chunk if ord(ch) > 127)
        return n_bad, n_good


def _guess_single_byte(data: bytes) -> str:
    """cp1252 (or latin-1) for Western text, else charset-normalizer's guess.

    Western European text has accented letters as a minority of its letters,
    however short it is ("Café “résumé”"); Cyrillic, Greek or Arabic in a
    single-byte code page has almost nothing but bytes above 127.
    """
    try:
        western = data.decode("cp1252")
        name = "cp1252"
    except UnicodeDecodeError:
        western = data.decode("latin-1")
        name = "latin-1"
    letters = [ch for ch in western if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    if accented <= 0.5 * max(1, len(letters)):
        return name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best.encoding)
    return name
