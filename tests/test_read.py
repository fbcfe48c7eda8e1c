"""The read stage: decoding, format detection, HTML extraction, page furniture, refusals."""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

import pytest

from accordingto.errors import (
    AccordingtoError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    NoArticleError,
    NotEnglishError,
)
from accordingto.read import MAX_INPUT_BYTES, read_input, read_path
from conftest import SHARED

DATA = Path(__file__).parent / "data"
SEED = SHARED / "examples" / "seed-portland-ice-union.txt"

# A made-up article with no attributions at all.
PLAIN = (
    "Harbor Town Opens New Library Wing\n\n"
    "The new wing of the Harbor Town library opened on Saturday morning after two years of building work. "
    "It holds a reading room, a children's corner and a small hall for lectures and concerts.\n\n"
    "Visitors queued outside before the doors opened, and the first lecture, on the history of the harbor, "
    "was fully booked within an hour. The wing will stay open until nine in the evening on weekdays."
)


def _random_bytes(seed: int, low: int, high: int, n: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, high) for _ in range(n))


# --- the founding article -------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="founding article not available")
def test_founding_article_loses_its_furniture_and_nothing_else():
    raw = SEED.read_text(encoding="utf-8")
    article = read_path(SEED)

    assert article.meta.format == "text"
    assert article.meta.removed == [
        "Related: WATCH: ICE Official Has To Explain To Democrat Senator That Illegal Aliens Break The Law",
        "What's Your Reaction?",
    ]
    assert "Related:" not in article.text
    assert "Reaction" not in article.text
    # Every other paragraph survives verbatim, in order, with its separators.
    paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
    kept = [p for p in paragraphs if p not in article.meta.removed]
    assert len(kept) == len(paragraphs) - 2
    assert article.text == "\n\n".join(kept)
    assert article.text == raw[: raw.index("Related: WATCH")].strip()
    assert article.text.startswith("Portland's Anti-ICE Policies Just Put Agents' Lives In Danger, Says Union")


@pytest.mark.skipif(not SEED.exists(), reason="founding article not available")
def test_founding_article_raw_with_clean_false():
    raw = SEED.read_bytes().decode("utf-8")
    article = read_path(SEED, clean=False)
    assert article.text == raw
    assert article.meta.removed == []


# --- page furniture in plain text ------------------------------------------


def test_furniture_at_the_end_is_removed():
    furniture = [
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing",
        "Follow us on Instagram",
        "Tags: harbor, library, council",
        "Photo credit: Jane Roe/Lakeside Ledger",
        "Watch: The new library wing from above",
        "What\u2019s Your Reaction?",
        "Like",
        "Love",
        "Haha",
        "Wow",
        "Sad",
        "Angry",
        "Comments",
        "Copyright \u00a9 2024 The Lakeside Ledger",
        "All rights reserved.",
    ]
    article = read_input(PLAIN + "\n\n" + "\n".join(furniture) + "\n")
    assert article.text == PLAIN
    assert article.meta.removed == furniture


def test_furniture_between_paragraphs_leaves_one_blank_line():
    first, second = "The council met on Monday to discuss the harbor.", "The meeting lasted three hours."
    text = f"{first}\n\nAdvertisement\n\n\nRead more: Harbor budget explained\n\n{second}"
    article = read_input(text)
    assert article.text == f"{first}\n\n{second}"
    assert article.meta.removed == ["Advertisement", "Read more: Harbor budget explained"]


def test_furniture_between_single_newline_paragraphs_keeps_single_newlines():
    article = read_input("First paragraph of the story.\nAdvertisement\nSecond paragraph of the story.")
    assert article.text == "First paragraph of the story.\nSecond paragraph of the story."


def test_prose_that_mentions_furniture_words_is_kept():
    text = (
        "Police said the two fires were related.\n\n"
        "Related charges were filed against a second man on Friday.\n\n"
        "Related-party loans were disclosed in the filing.\n\n"
        "Watch: that is what residents were told to do as the water rose.\n\n"
        "Comments from residents were mostly positive.\n\n"
        "The council said it would share the results on Facebook next week."
    )
    article = read_input(text)
    assert article.text == text
    assert article.meta.removed == []


def test_ambiguous_lines_in_the_middle_are_kept():
    # "Watch:" and a lone "Sad" are furniture only at the very end of a text.
    text = "Watch: the river rose two metres overnight.\n\nSad\n\nThe town flooded on Tuesday."
    assert read_input(text).text == text


def test_reaction_widget_in_the_middle_is_removed():
    text = "First paragraph.\n\nWhat's Your Reaction?\nLike\nLove\n\nHaha\n\nSecond paragraph."
    article = read_input(text)
    assert article.text == "First paragraph.\n\nSecond paragraph."
    assert article.meta.removed == ["What's Your Reaction?", "Like", "Love", "Haha"]


def test_line_endings_normalised_and_ends_stripped():
    article = read_input(("\r\n  " + PLAIN + "  \r\n\r\n").replace("\n\n", "\r\n\r\n"))
    assert article.text == PLAIN


def test_clean_false_keeps_text_byte_exact():
    raw = "\ufeff  Headline\r\n\r\nBody text of the story.\r\nAdvertisement\r\n\r\nRelated: Other story\r\n\r\n"
    article = read_input(raw.encode("utf-8"), clean=False)
    assert article.text == raw.removeprefix("\ufeff")  # only the byte-order mark goes
    assert article.meta.removed == []


def test_unbalanced_quotes_and_apostrophes_are_fine():
    text = (
        "\u201cWe will not move, the mayor said on Monday, and the crowd\u2019s chant grew louder.\n\n"
        "'Rock 'n' roll is here, one sign read. The protest ended at dusk \"without arrests."
    )
    assert read_input(text).text == text


def test_text_without_attributions_reads_fine():
    article = read_input(PLAIN.encode("utf-8"))
    assert article.text == PLAIN
    assert article.meta.format == "text"
    assert article.meta.removed == []


# --- HTML -------------------------------------------------------------------


def test_html_page_body_and_metadata():
    article = read_path(DATA / "news_page.html")
    meta = article.meta
    assert meta.format == "html"
    assert meta.title == "Harbor Town Council Approves Seawall Plan"
    assert meta.author == "Dana Whitcomb"
    assert meta.site == "The Lakeside Ledger"
    assert meta.published == "2023-04-18"
    assert meta.url == "https://lakesideledger.example/news/harbor-seawall-plan"

    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == meta.title
    assert paragraphs[1].startswith("The Harbor Town council voted 5-2 on Monday night")
    assert paragraphs[2].startswith('"We cannot keep pumping water out of basements')
    assert paragraphs[-1].startswith("Construction is expected to begin next summer")
    assert len(paragraphs) == 6
    for furniture in (
        "Home",
        "Subscribe",
        "Share on",
        "Related",
        "Read more",
        "Reaction",
        "Haha",
        "Most popular",
        "bakery",
        "Advertisement",
        "Follow us",
        "Copyright",
        "All rights reserved",
        "<p>",
    ):
        assert furniture not in article.text


def test_html_url_argument_is_recorded():
    page = (DATA / "news_page.html").read_bytes()
    article = read_input(page, url="https://mirror.example/seawall")
    assert article.meta.url == "https://mirror.example/seawall"


def test_html_fragment_detected_by_tag_density():
    fragment = "".join(f"<p>{p}</p>\n" for p in PLAIN.split("\n\n")[1:]) * 2
    article = read_input(fragment)
    assert article.meta.format == "html"
    assert "<p>" not in article.text
    assert "The new wing of the Harbor Town library opened on Saturday morning" in article.text


def test_prose_mentioning_a_tag_stays_text():
    text = PLAIN + "\n\nThe site's editors wrap each paragraph in a <p> tag, a reader noted."
    article = read_input(text)
    assert article.meta.format == "text"
    assert article.text == text


def test_format_can_be_forced():
    page = (DATA / "news_page.html").read_text(encoding="utf-8")
    assert read_input(page, format="text").text.startswith("<!DOCTYPE html>")
    assert read_input(page, format="html").meta.format == "html"
    with pytest.raises(AccordingtoError, match="format"):
        read_input(page, format="pdf")


def test_html_without_article_body():
    with pytest.raises(NoArticleError, match="no article body"):
        read_path(DATA / "no_body.html")


# --- refusals ---------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", "", b"   \n\t\r\n ", " \n\n\t", b"\xef\xbb\xbf \n"])
def test_empty_input(data):
    with pytest.raises(EmptyInputError):
        read_input(data)


def test_only_furniture_is_empty():
    with pytest.raises(EmptyInputError):
        read_input("Advertisement\n\nShare this article\n")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (PLAIN.encode("utf-8")[:100] + b"\x00" + PLAIN.encode("utf-8")[100:], "NUL"),
        (PLAIN[:100] + "\x00" + PLAIN[100:], "NUL"),
        (_random_bytes(3, 1, 32, 500), "control characters"),
    ],
)
def test_binary_input(data, what):
    with pytest.raises(BinaryInputError, match=what):
        read_input(data)


def test_random_bytes_are_refused():
    data = _random_bytes(7, 0, 256, 4096)
    with pytest.raises((EncodingError, BinaryInputError)):
        read_input(data)


def test_undecodable_high_bytes_are_an_encoding_error():
    data = _random_bytes(11, 0x80, 0x100, 2000)
    with pytest.raises(EncodingError, match="encoding"):
        read_input(data)


def test_cp1252_text_decodes():
    text = (
        "\u201cWe\u2019re not going anywhere,\u201d said Ren\u00e9e Dubois, the caf\u00e9 owner \u2014 "
        "whose shop has stood on Main Street since 1987 \u2013 as the council met on Tuesday night. "
        "She said the new parking rules would cost her a third of her customers, na\u00efvely drawn up."
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert read_input(data).text == text


def test_latin1_text_decodes():
    text = "The cr\u00e8me br\u00fbl\u00e9e at Jos\u00e9 Nu\u00f1ez\u2019s bistro won the prize, the judges said."
    text = text.replace("\u2019", "'")  # Latin-1 has no curly apostrophe
    assert read_input(text.encode("latin-1")).text == text


def test_utf8_bom_and_utf16_are_decoded():
    assert read_input(b"\xef\xbb\xbf" + PLAIN.encode("utf-8")).text == PLAIN
    assert read_input(PLAIN.encode("utf-16")).text == PLAIN


def test_too_large_bytes_and_text():
    with pytest.raises(InputTooLargeError, match="limit"):
        read_input(b"a" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputTooLargeError, match="limit"):
        read_input("a" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputTooLargeError, match="100 bytes"):
        read_input(PLAIN.encode("utf-8"), max_bytes=100)
    assert read_input(PLAIN, max_bytes=len(PLAIN)).text == PLAIN


def test_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # a sparse 20 MB file
        f.truncate(20 * 1_000_000)

    def no_reading(self):
        raise AssertionError("read_path read a file that is over the limit")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    start = time.perf_counter()
    with pytest.raises(InputTooLargeError, match=r"20\.0 MB"):
        read_path(big)
    assert time.perf_counter() - start < 1.0


def test_too_large_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 1000)))
    with pytest.raises(InputTooLargeError):
        read_path("-", max_bytes=100)


def test_read_path_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLAIN.encode("utf-8"))))
    assert read_path("-").text == PLAIN


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(AccordingtoError, match="cannot read"):
        read_path(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "El ayuntamiento aprobó el martes un nuevo plan para proteger el puerto de las inundaciones. "
            "La concejala Rosa Delgado dijo que la obra costará unos catorce millones de euros y que "
            "comenzará el próximo verano.",
            "Spanish",
        ),
        (
            "Le conseil municipal a approuvé mardi un nouveau projet de digue pour protéger le port des "
            "inondations. Selon la conseillère Rosa Delgado, les travaux coûteront environ quatorze "
            "millions d'euros et commenceront l'été prochain.",
            "French",
        ),
        (
            "Der Stadtrat hat am Dienstag einen neuen Plan zum Schutz des Hafens vor Überschwemmungen "
            "beschlossen. Die Stadträtin Rosa Delgado sagte, die Arbeiten würden rund vierzehn Millionen "
            "Euro kosten und im nächsten Sommer beginnen.",
            "German",
        ),
    ],
)
def test_not_english(text, language):
    with pytest.raises(NotEnglishError, match=language):
        read_input(text)


def test_english_full_of_foreign_names_is_english():
    text = (
        "José Martínez, the mayor of San Juan de los Lagos, said on Tuesday that the city of Santa Cruz "
        "would join Los Alamos and Nuevo León in a regional water agreement with the Comisión Nacional "
        "del Agua. The deal was signed in Ciudad Juárez."
    )
    assert read_input(text).text == text


def test_short_foreign_text_is_not_checked():
    text = "El alcalde dijo que no habrá cambios."
    assert read_input(text).text == text
