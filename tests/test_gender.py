"""Gender of person voices (accordingto.analyse.gender) on made-up articles and on the founding article.

The made-up articles are written here; every expectation is what the text
itself says of each person (or, where it says nothing, what the first name
does), with the evidence pointing at those words.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import accordingto
from accordingto.analyse.gender import (
    GenderOverridesError,
    NameData,
    first_name,
    name_data,
    override_key,
    parse_overrides,
    read_overrides,
)

HARBOR = """Harbor Town Votes to Expand Ferry Service

The Harbor Town council voted 5-2 on Monday to add a second ferry to the island route.

Marisol Okafor, who runs a bakery near the terminal, welcomed the decision. "For ten years we have watched customers miss the last boat," she said. She added that the new schedule would let her stay open later.

Shirley Brennan, the council's longest-serving member, voted against the plan. "We are borrowing money we do not have," he said. He said the town should have waited a year.

Jamie Castellanos, a ferry pilot, said the crews were ready. "We can start in April," Castellanos said.

"This is a good day for the island," said Tom Reyes, a spokesman for the ferry company.
"""

HONORIFICS = """Clinic Hours Cut

Ms. Linwood, the harbor master, said the docks would need repairs.

"We were not told," said Robin Achebe, a spokeswoman for the clinic.

Donald Trump said on Tuesday that the clinic should stay open. Trump spokeswoman Hope Hicks said the campaign had no further comment.
"""


def speaker(report, name):
    return next(s for s in report.speakers if s.name == name)


@pytest.fixture(scope="module")
def harbor():
    return accordingto.analyze(HARBOR)


@pytest.fixture(scope="module")
def honorifics():
    return accordingto.analyze(HONORIFICS)


def test_woman_known_only_by_she(harbor):
    """Marisol Okafor: her full name once, then only "she": the pronouns are the evidence, not the name."""
    sp = speaker(harbor, "Marisol Okafor")
    assert sp.gender == "woman"
    ev = sp.gender_evidence
    assert ev.kind == "text"
    assert [s.text for s in ev.spans] == ["she", "She"]
    assert all(s.cue == "pronoun" and s.gender == "woman" for s in ev.spans)
    for s in ev.spans:
        assert harbor.text[s.start : s.end] == s.text


def test_man_with_a_usually_female_name(harbor):
    """Shirley Brennan: "Shirley" is a woman's name in nearly all records, but the article says "he"."""
    assert name_data().gender("Shirley")[0] == "woman"
    sp = speaker(harbor, "Shirley Brennan")
    assert sp.gender == "man"
    assert sp.gender_evidence.kind == "text"
    assert {s.text.lower() for s in sp.gender_evidence.spans} == {"he"}


def test_ambiguous_name_never_gendered_stays_unknown(harbor):
    """Jamie Castellanos: no pronoun, no honorific, and "Jamie" is given to women and men alike."""
    sp = speaker(harbor, "Jamie Castellanos")
    assert sp.gender == "unknown"
    assert sp.gender_evidence.kind == "none"
    assert "ambiguous" in sp.gender_evidence.note


def test_role_noun_of_the_persons_own_mention(harbor):
    sp = speaker(harbor, "Tom Reyes")
    assert sp.gender == "man"
    assert sp.gender_evidence.kind == "text"
    assert [(s.text, s.cue) for s in sp.gender_evidence.spans] == [("spokesman", "role noun")]


def test_honorific_and_role_noun_beat_the_first_name(honorifics):
    linwood = speaker(honorifics, "Linwood")
    assert linwood.gender == "woman"
    assert [(s.text, s.cue) for s in linwood.gender_evidence.spans] == [("Ms.", "honorific")]
    # "Robin" is ambiguous; "a spokeswoman" in apposition to her name is not
    achebe = speaker(honorifics, "Robin Achebe")
    assert achebe.gender == "woman" and achebe.gender_evidence.kind == "text"
    assert [s.text for s in achebe.gender_evidence.spans] == ["spokeswoman"]


def test_gendered_words_about_someone_else_are_not_evidence(honorifics):
    """ "Trump spokeswoman Hope Hicks": the spokeswoman is Hicks; nothing in it genders Trump."""
    trump = speaker(honorifics, "Donald Trump")
    assert any(m.text == "Trump" and honorifics.text[m.end : m.end + 12] == " spokeswoman" for m in trump.mentions)
    assert trump.gender_evidence.kind == "first name"
    assert all(s.cue == "first name" for s in trump.gender_evidence.spans)


def test_profile_counts_person_voices_by_gender(harbor):
    by = harbor.profile.by_gender
    assert set(by) == {"woman", "man", "unknown"}
    people = [s for s in harbor.speakers if s.type == "person" and s.attributions]
    assert sum(c.voices for c in by.values()) == len(people)
    for g, c in by.items():
        mine = [s for s in people if s.gender == g]
        assert c.voices == len(mine)
        assert c.attributions == sum(s.attributions for s in mine)
        assert c.quoted_words == sum(s.quoted_words for s in mine)
    assert all(s.gender is None and s.gender_evidence is None for s in harbor.speakers if s.type != "person")


# ---- the conflict rule ------------------------------------------------------------------


def _person(name, mentions):
    from accordingto.schema import Mention, Speaker

    return Speaker(id=0, name=name, type="person", mentions=[Mention(**m) for m in mentions])


def test_pronouns_need_three_quarters():
    from accordingto.analyse.gender import gender_of

    text = "Alex Kim said. he said. she said. he said. he said."
    ms = [{"start": 0, "end": 8, "text": "Alex Kim", "kind": "name"}]
    for i in [m.start() for m in __import__("re").finditer(r"\b(he|she)\b", text)]:
        w = text[i : text.index(" ", i)]
        ms.append({"start": i, "end": i + len(w), "text": w, "kind": "pronoun"})
    g, ev = gender_of(_person("Alex Kim", ms), text)  # 3 he, 1 she: three quarters
    assert g == "man" and ev.kind == "text" and "1 of 4" in ev.note
    g, ev = gender_of(_person("Alex Kim", ms[:3]), text)  # 1 he, 1 she
    assert g == "unknown" and ev.kind == "text" and "disagree" in ev.note


def test_explicit_words_that_disagree_give_unknown():
    from accordingto.analyse.gender import gender_of

    text = "Mr. Kim and Ms. Kim"
    ms = [
        {"start": 4, "end": 7, "text": "Kim", "kind": "last_name"},
        {"start": 16, "end": 19, "text": "Kim", "kind": "last_name"},
    ]
    g, ev = gender_of(_person("Kim", ms), text)
    assert g == "unknown" and ev.kind == "text" and len(ev.spans) == 2


# ---- first names ------------------------------------------------------------------------


def test_first_name():
    assert first_name("Sean J. Riddell") == "Sean"
    assert first_name("Sen. Elizabeth Warren") == "Elizabeth"
    assert first_name("Trump") is None  # a last name alone
    assert first_name("J.D. Vance") is None  # initials
    assert first_name("Mr. Trump") is None


def test_name_data_lookup():
    d = name_data()
    assert d.lookup("sean").p_woman < 0.05
    assert d.lookup("Mary").p_woman > 0.95
    assert d.lookup("José") is not None  # diacritics folded as nomquamgender folds them
    assert d.lookup("zzqxjv") is None
    assert d.gender("Jean")[0] == "unknown"  # p(gf) near 0.5
    # every key of the file can be found by the bisection (a sample across the file)
    import re

    raw = d.path.read_bytes()
    keys = re.findall(rb'(?:\{|\], )"([a-z]+)": \[', raw)
    for k in keys[:: max(1, len(keys) // 300)] + keys[-3:] + keys[:3]:
        assert d.lookup(k.decode()) is not None, k
    assert isinstance(NameData(d.path).lookup("anna").counts, int)


# ---- overrides --------------------------------------------------------------------------


def test_override_changes_one_voice(tmp_path):
    path = tmp_path / "genders.csv"
    path.write_text("name,gender\nJamie Castellanos,woman\n", encoding="utf-8")
    report = accordingto.analyze(HARBOR, gender_overrides=path)
    jamie = speaker(report, "Jamie Castellanos")
    assert jamie.gender == "woman" and jamie.gender_evidence.kind == "override"
    plain = accordingto.analyze(HARBOR)
    for a, b in zip(report.speakers, plain.speakers):
        if a.name != "Jamie Castellanos":
            assert (a.gender, a.gender_evidence) == (b.gender, b.gender_evidence)
    assert report.profile.by_gender["woman"].voices == plain.profile.by_gender["woman"].voices + 1


def test_override_beats_the_text():
    report = accordingto.analyze(HARBOR, gender_overrides={"Ms. Marisol Okafor": "unknown"})
    sp = speaker(report, "Marisol Okafor")
    assert sp.gender == "unknown" and sp.gender_evidence.kind == "override"


def test_override_file_errors(tmp_path):
    assert parse_overrides("name,gender\n# a comment\n\nMr. Sean Riddell , MAN\n") == {"sean riddell": "man"}
    assert override_key("Sen. Elizabeth Warren") == override_key("elizabeth warren")
    for text, message in [
        ("Jane Doe,female\n", "not one of"),
        ("Jane Doe\n", "expected 2 fields"),
        ("Jane Doe,woman,extra\n", "expected 2 fields"),
        (",woman\n", "empty name"),
        ("Jane Doe,woman\nJANE DOE,man\n", "already given"),
    ]:
        with pytest.raises(GenderOverridesError, match=message):
            parse_overrides(text)
    with pytest.raises(GenderOverridesError, match="cannot read"):
        read_overrides(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00J\x00a")
    with pytest.raises(GenderOverridesError):
        read_overrides(bad)


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "accordingto.cli", *args], capture_output=True, text=True, **kw)


def test_cli_overrides(tmp_path):
    article = tmp_path / "harbor.txt"
    article.write_text(HARBOR, encoding="utf-8")
    overrides = tmp_path / "g.csv"
    overrides.write_text("Jamie Castellanos,man\n", encoding="utf-8")
    done = _cli("analyze", str(article), "--json", "--fast", "--gender-overrides", str(overrides))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    jamie = next(s for s in report["speakers"] if s["name"] == "Jamie Castellanos")
    assert jamie["gender"] == "man" and jamie["gender_evidence"]["kind"] == "override"
    shown = _cli("analyze", str(article), "--fast", "--gender-overrides", str(overrides), env={"COLUMNS": "200", **__import__("os").environ})
    assert "man (override)" in shown.stdout
    overrides.write_text("Jamie Castellanos,nonbinary\n", encoding="utf-8")
    for cmd in (
        ["analyze", str(article), "--gender-overrides", str(overrides)],
        ["analyze", str(article), "--gender-overrides", str(tmp_path / "nope.csv")],
        ["batch", str(article), "--store", str(tmp_path / "s.duckdb"), "--gender-overrides", str(overrides)],
    ):
        done = _cli(*cmd)
        assert done.returncode == 2, (cmd, done.stderr)
        assert done.stderr.startswith("accordingto: ") and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr


# ---- the founding article ---------------------------------------------------------------


def test_founding_article_riddell_by_first_name_only(founding_report):
    """Sean J. Riddell is never given a pronoun or an honorific: his label comes from "Sean" alone."""
    people = [s for s in founding_report.speakers if s.type == "person"]
    assert [s.name for s in people] == ["Sean J. Riddell"]
    riddell = people[0]
    assert riddell.gender == "man"
    ev = riddell.gender_evidence
    assert ev.kind == "first name"
    assert [(s.text, s.cue) for s in ev.spans] == [("Sean", "first name")]
    assert founding_report.text[ev.spans[0].start : ev.spans[0].end] == "Sean"
    assert "nomquamgender" in ev.note
    assert not any(m.kind == "pronoun" for m in riddell.mentions)
    by = founding_report.profile.by_gender
    assert (by["man"].voices, by["woman"].voices, by["unknown"].voices) == (1, 0, 0)
    assert by["man"].attributions == riddell.attributions


def test_a_gendered_title_inside_a_name_tagged_as_an_organisation_still_counts():
    """spaCy tags "Spokeswoman Lena Varga" as ORG; her title still says who "he" cannot be."""
    import accordingto

    text = (
        "Campaign Moves Staff\n\n"
        "Senator Tom Halvorsen is moving staff to Iowa. Spokeswoman Lena Varga says the campaign will "
        "stay lean.\n\nThe former governor has trailed in the polls. He said the move would help."
    )
    report = accordingto.analyze(text)
    he = next(a for a in report.attributions if [s.text for s in a.source] == ["He"])
    assert he.speaker == "Tom Halvorsen"


def test_the_server_applies_its_overrides_to_every_analysis(tmp_path):
    """`accordingto serve --gender-overrides FILE`: the API's reports carry the newsroom's corrections;
    a malformed file is refused before the server starts."""
    from fastapi.testclient import TestClient

    from accordingto.web.app import create_app

    path = tmp_path / "genders.csv"
    path.write_text("name,gender\nJamie Castellanos,woman\n", encoding="utf-8")
    with TestClient(create_app(gender_overrides=path, workers=1)) as client:
        r = client.post("/api/analyze", json={"text": HARBOR})
    assert r.status_code == 200, r.text
    jamie = next(s for s in r.json()["speakers"] if s["name"] == "Jamie Castellanos")
    assert jamie["gender"] == "woman" and jamie["gender_evidence"]["kind"] == "override"
    bad = tmp_path / "bad.csv"
    bad.write_text("Jane Doe,female\n", encoding="utf-8")
    with pytest.raises(GenderOverridesError, match="not one of"):
        create_app(gender_overrides=bad)


def test_serve_refuses_a_bad_overrides_file_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from accordingto.cli import app

    bad = tmp_path / "bad.csv"
    bad.write_text("Jane Doe,female\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--gender-overrides", str(bad), "--port", "0"])
    assert result.exit_code == 2 and "not one of" in result.output and "Traceback" not in result.output
