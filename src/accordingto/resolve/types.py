"""Source type: person, organisation, outlet, document, anonymous, group, artefact or unknown."""

from __future__ import annotations

import re
from collections import Counter

from . import lexicon as lx

# News outlets by name (lowercase, without a leading "the").
_OUTLET_NAMES = frozenset(
    {
        "cnn", "msnbc", "fox news", "fox business", "nbc", "nbc news", "abc", "abc news", "cbs",
        "cbs news", "npr", "pbs", "bbc", "bbc news", "reuters", "ap", "associated press", "afp",
        "agence france-presse", "bloomberg", "bloomberg news", "breitbart", "breitbart news",
        "politico", "axios", "huffpost", "huffington post", "buzzfeed", "buzzfeed news", "vox",
        "slate", "salon", "hill", "atlantic", "newsweek", "daily caller", "daily wire",
        "daily beast", "daily mail", "drudge report", "infowars", "townhall", "blaze",
        "national review", "mother jones", "intercept", "propublica", "usa today",
        "wall street journal", "wsj", "nyt", "wapo", "western journalism", "politifact", "snopes",
        "factcheck.org", "c-span", "al jazeera", "rt", "sputnik", "tmz", "guardian",
        "telegraph", "economist", "financial times", "forbes", "cnbc", "espn", "yahoo news",
        "vice news", "new yorker", "rolling stone", "federalist", "free beacon",
        "washington free beacon", "washington examiner", "washington times", "new york times",
        "new york post", "washington post", "los angeles times", "chicago tribune",
        "boston globe", "daily kos", "media matters", "talking points memo",
        "new york daily news", "miami herald", "seattle times", "denver post", "oregonian",
        "willamette week", "times", "post", "journal",
    }
)
# Words that make an organisation's name an outlet's: "… Times", "… News", "Daily …".
_OUTLET_WORDS = re.compile(
    r"\b(Times|Post|News|Journal|Herald|Tribune|Gazette|Observer|Chronicle|Caller|Beast|Examiner|"
    r"Inquirer|Globe|Register|Telegraph|Guardian|Independent|Dispatch|Courier|Enquirer|Bee|"
    r"Star-Ledger|Daily|Magazine|Radio|Newspaper|Wire|Report|Reporter|Press|TV|Television|Channel|"
    r"Network|Sun|Star|Mirror|Express|Post-Gazette|Times-Picayune|Bulletin|Review)\b"
)
_NOT_OUTLET = re.compile(r"\b(Post Office|Press Secretary|Report Card|Times Square|Star Wars)\b")


# Outlet names that are also ordinary words or names: outlets only as "The Hill", "The Times".
_NEEDS_THE = frozenset(
    "hill atlantic guardian independent telegraph economist intercept blaze federalist times post journal".split()
)


def is_outlet_name(name: str) -> bool:
    """Whether a name is a news outlet's: a known outlet or an outlet-like name."""
    ws = name.replace("’s", "").replace("'s", "").split()
    key = " ".join(w for w in ws if w.lower() != "the").lower()
    if key in _NEEDS_THE:
        return bool(ws) and ws[0].lower() == "the"
    if key in _OUTLET_NAMES:
        return True
    if _NOT_OUTLET.search(name):
        return False
    # an outlet word ends the name ("… Times", "… News") or "Daily" starts it; "News" or
    # "Broadcasting" anywhere in it ("Christian News Service", "Fox News Channel")
    if len(ws) > 1 and any(w in ("News", "Broadcasting") for w in ws):
        return True
    last = ws[-1] if ws else ""
    return bool(_OUTLET_WORDS.fullmatch(last)) and last[:1].isupper() or (len(ws) > 1 and ws[0] == "Daily")


def named_type(labels: list[str], name: str, canonical_label: str) -> str:
    """Type of a named speaker from its NER labels and its canonical name."""
    if canonical_label in ("ORG", "", "WORK_OF_ART") and is_outlet_name(name):
        return "outlet"
    if name.lower() in _OUTLET_NAMES and name.lower() not in _NEEDS_THE:  # NER: "Politico" PERSON
        return "outlet"
    label = canonical_label or (Counter(lab for lab in labels if lab).most_common(1) or [("", 0)])[0][0]
    if label == "PERSON":
        return "person"
    if label in ("ORG", "GPE", "FAC", "LOC"):
        return "organisation"
    if label == "NORP":
        return "group"
    if label in ("LAW", "WORK_OF_ART"):
        return "document"
    # unlabelled proper name: an acronym or an organisation word, else a person
    words = name.split()
    if len(words) == 1 and sum(ch.isupper() for ch in name) >= 2:
        return "organisation"
    if any(w.lower() in lx.ORG_NOUNS for w in words):
        return "organisation"
    return "person"


def nominal_type(category: str, lemma: str, plural: bool, text: str) -> str:
    """Type of an unnamed source from its head noun's category ("document", "group", …)."""
    low = text.lower()
    if category in ("document", "artefact", "outlet"):
        return category
    if category == "organisation" and ("news" in low.split() or lemma in ("media", "medium")):
        return "outlet"  # "state news media", "a news agency", "the media"
    if category == "organisation":
        return "organisation"
    if "close to" in low or "familiar with" in low or "on condition of anonymity" in low or "who asked not to be" in low:
        return "anonymous"
    if lemma in lx.ANONYMOUS_NOUNS or lemma in ("official", "officials", "source", "sources"):
        return "anonymous"
    if category == "anonymous":
        return "anonymous"
    if category == "group":
        return "group"
    if category == "person":
        # an unnamed individual: "a lawyer", "one protester"
        first = low.split()[0] if low.split() else ""
        if first in ("a", "an", "one", "another", "some", "someone"):
            return "anonymous"
        return "person"
    if plural:
        return "group"  # a plural description that says who speaks, if not what kind: "the markets", "the biggest hawks"
    return "unknown"
