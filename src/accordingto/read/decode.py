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


_CONTROLS = bytes(c for c in range(32) if chr(c) not in _TEXT_CONTROLS)


def check_not_binary(data: bytes | str) -> None:
    """Raise :class:`BinaryInputError` if ``data`` looks like binary data rather than text.

    One rule for the whole input: a NUL anywhere, or more than 5% control
    characters overall (file signatures are read from the start).
    """
    head = data[:_SAMPLE]
    if isinstance(head, bytes):
        for magic, what in _MAGIC:
            if head.startswith(magic):
                raise BinaryInputError(f"input is binary data, not text: it looks like {what}")
        if head[4:12] in (b"ftypisom", b"ftypmp42") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            raise BinaryInputError("input is binary data, not text: it looks like a video or image file")
        nul = data.find(b"\x00")
        controls = len(data) - len(data.translate(None, _CONTROLS))
    else:
        nul = data.find("\x00")
        controls = len(_CONTROL_CHARS.findall(data))
    if nul >= 0:
        raise BinaryInputError(f"input is binary data, not text: it contains a NUL byte (at offset {nul:,})")
    if data and controls / len(data) > _MAX_CONTROL_SHARE:
        share = round(100 * controls / len(data))
        raise BinaryInputError(f"input is binary data, not text: {share}% of it is control characters")


_CONTROL_CHARS = re.compile("[" + "".join(f"\\x{c:02x}" for c in _CONTROLS) + "]")


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

    UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark or
    without one (recognised by its zero bytes); otherwise the encoding
    charset-normalizer detects, preferring Windows-1252 over other Latin code
    pages since it is what legacy English news text uses. A file that mixes
    UTF-8 lines with lines in a legacy encoding is decoded line by line (never
    read whole as cp1252, which turns its UTF-8 into mojibake).
    Raises :class:`BinaryInputError` or :class:`EncodingError`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise EncodingError("input starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    check_not_binary(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8 = [_utf8(line) for line in lines]
    if any(text is not None and not text.isascii() for text in utf8):
        # some lines are UTF-8 with non-ASCII characters, others are not UTF-8: decode each line by its own
        rest = b"\n".join(line for line, text in zip(lines, utf8) if text is None)
        encoding = _legacy_encoding(rest)
        try:
            return "\n".join(text if text is not None else line.decode(encoding) for line, text in zip(lines, utf8))
        except UnicodeDecodeError:
            raise EncodingError(
                "input mixes UTF-8 with another text encoding that could not be decoded line by line"
            ) from None
    encoding = _legacy_encoding(data)
    return data.decode(encoding)


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _legacy_encoding(data: bytes) -> str:
    """The legacy encoding of ``data`` (not UTF-8), by charset-normalizer, cp1252 preferred among Latin ones."""
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
            return best.encoding
        if _latin_only(as_1252):
            return "cp1252"
    return best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 data with no byte-order mark, recognised by a zero byte in most even or odd places."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, encoding in ((zeros_odd, zeros_even, "utf-16-le"), (zeros_even, zeros_odd, "utf-16-be")):
        if zeros >= 0.3 * half and other <= 0.02 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            printable = sum(c.isprintable() or c in "\n\r\t" for c in text[:_SAMPLE])
            if printable >= 0.95 * min(len(text), _SAMPLE) and "\x00" not in text:
                return text
    return None


def _latin_only(text: str) -> bool:
    """True when every letter of ``text`` is a Latin-script letter."""
    return all(
        unicodedata.name(c, "").startswith("LATIN") for c in set(text) if c.isalpha()
    )
