"""Bytes → text: refuse binary data, decode UTF-8 or a detected legacy encoding."""

from __future__ import annotations

import re
import unicodedata

from ..errors import BinaryInputError, EncodingError

# Leading bytes of common binary formats, with what to call them in the error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document"),
    (b"OggS", "Ogg audio/video"),
    (b"ID3", "an MP3 audio file"),
)
# Control characters that do occur in text: tab, newline, vertical tab, form feed, return, escape.
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1b")
_SAMPLE = 65536  # how much of the input the binary sniffing looks at
_MAX_CONTROL_SHARE = 0.05


def check_not_binary(data: bytes | str) -> None:
    """Raise :class:`BinaryInputError` if ``data`` looks like binary data rather than text."""
    head = data[:_SAMPLE]
    if isinstance(head, bytes):
        for magic, what in _MAGIC:
            if head.startswith(magic):
                raise BinaryInputError(f"input is binary data, not text: it looks like {what}")
        if head[4:12] in (b"ftypisom", b"ftypmp42") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            raise BinaryInputError("input is binary data, not text: it looks like a video or image file")
        chars = head.decode("latin-1")  # one character per byte, to count control bytes
    else:
        chars = head
    if "\x00" in chars:
        raise BinaryInputError("input is binary data, not text: it contains NUL bytes")
    controls = sum(1 for c in chars if c < " " and c not in _TEXT_CONTROLS)
    if chars and controls / len(chars) > _MAX_CONTROL_SHARE:
        share = round(100 * controls / len(chars))
        raise BinaryInputError(f"input is binary data, not text: {share}% of it is control characters")


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(text: str, what: str = "input") -> None:
    """Raise :class:`EncodingError` if ``text`` holds a lone surrogate (U+D800–U+DFFF), which no encoding can write."""
    m = _SURROGATE.search(text)
    if m:
        raise EncodingError(
            f"{what} is not valid Unicode text: it holds a lone surrogate U+{ord(m.group()):04X} at character {m.start():,}"
        )


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to text.

    UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark;
    otherwise the encoding charset-normalizer detects, preferring Windows-1252
    over other Latin code pages since it is what legacy English news text uses.
    Raises :class:`BinaryInputError` or :class:`EncodingError`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise EncodingError("input starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    check_not_binary(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise EncodingError("input is not UTF-8 and its text encoding could not be detected")
    text = str(best)
    # charset-normalizer cannot tell Latin code pages apart well (é/č): if both
    # its pick and cp1252 give Latin-script text, cp1252 is the better bet.
    if best.encoding != "cp1252" and _latin_only(text):
        try:
            as_1252 = data.decode("cp1252")
        except UnicodeDecodeError:
            return text
        if _latin_only(as_1252):
            return as_1252
    return text


def _latin_only(text: str) -> bool:
    """True when every letter of ``text`` is a Latin-script letter."""
    return all(
        unicodedata.name(c, "").startswith("LATIN") for c in set(text) if c.isalpha()
    )
