"""Checks on the input: size, emptiness, language."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import EmptyInputError, InputTooLargeError, NotEnglishError

_MIN_WORDS = 20  # texts shorter than this are not language-checked
_SAMPLE_CHARS = 3000  # how much of the text the language detector reads
_MIN_CONFIDENCE = 0.9  # refuse only when the detector is this sure of another language
# Common English function words. English prose has 25-30% of its words in
# this list, other languages under 10%; lingua alone takes an English report
# full of Spanish names ("José Martínez, the mayor of San Juan de los Lagos")
# for Spanish, so a text with enough of these words is English, full stop.
_ENGLISH_WORDS = frozenset(
    "the of and to that for with said says it its by from this they their has have had were would"
    " which who but not been are is was he she his her will there be at an".split()
)
_MIN_ENGLISH_SHARE = 0.15


def check_size(size: int, limit: int, *, unit: str = "bytes") -> None:
    """Raise :class:`InputTooLargeError` if ``size`` exceeds ``limit``."""
    if size > limit:
        raise InputTooLargeError(f"input is {_human(size, unit)}, larger than the limit of {_human(limit, unit)}")


def _human(n: int, unit: str) -> str:
    if unit == "bytes":
        return f"{n / 1_000_000:.1f} MB ({n:,} bytes)" if n >= 100_000 else f"{n:,} bytes"
    return f"{n:,} {unit}"


def check_not_empty(text: str | bytes) -> None:
    """Raise :class:`EmptyInputError` if ``text`` is empty or only white space."""
    if not text.strip():
        raise EmptyInputError("input is empty (no text, or only white space)")


# A "word" for the length test: a run of letters/digits, or one CJK/kana/hangul
# character (those scripts do not separate words with spaces).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def check_english(text: str) -> None:
    """Raise :class:`NotEnglishError` if ``text`` is confidently in another language.

    Texts under ~20 words are let through, as is anything the detector is
    unsure about (a CSV, a code dump, a mix of languages).
    """
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) < _MIN_WORDS:
        return
    if sum(w.lower() in _ENGLISH_WORDS for w in words) >= _MIN_ENGLISH_SHARE * len(words):
        return
    from lingua import Language

    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return
    top = values[0]
    if top.language != Language.ENGLISH and top.value >= _MIN_CONFIDENCE:
        name = top.language.name.title()
        raise NotEnglishError(f"input is not in English: it looks like {name} (accordingto reads English only)")


@lru_cache(maxsize=1)
def _detector():
    """The language detector, built once, on first use, for a few common languages."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.GERMAN,
        Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH, Language.SWEDISH,
        Language.POLISH, Language.TURKISH, Language.RUSSIAN, Language.UKRAINIAN,
        Language.ARABIC, Language.HINDI, Language.CHINESE, Language.JAPANESE,
        Language.KOREAN, Language.INDONESIAN,
    ]  # fmt: skip
    # Low-accuracy mode (trigrams only) loads in milliseconds rather than
    # seconds and is reliable on article-length samples.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
