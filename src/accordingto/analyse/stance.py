"""The stance of each cue: neutral or loaded, from a documented word list.

A cue is **loaded** when one of its words is a reporting verb or noun that
does more than report: it tells the reader what to think of the statement
(that it is doubtful, unproven, or an admission of fault) or of the speaker
(stubborn, vain). Every other cue is **neutral**: "said", "told", "wrote",
"according to", a colon, and the many verbs that only name the kind of
speech act ("warned", "criticized", "denied", "argued").

The guidance the list follows:

- The AP Stylebook treats *said* as the neutral, almost always right verb of
  attribution, and its entry on *allege* asks for great care with the word
  and for the source of an allegation always to be named.
- Bender et al., *Writing and Reporting for the Media* (OUP), "verbs to
  avoid for attribution": "*Claimed* casts doubt on a source's remarks. It
  suggests that the remarks are controversial and possibly wrong. Similarly,
  *admitted* implies a source conceded some point or confessed to an error
  or crime. By comparison, the word *said* is almost always appropriate."
- Wikipedia's Manual of Style, *Words to watch* (MOS:SAID / MOS:CLAIM):
  *asserted* or *claimed* call a statement's credibility into question;
  *insisted* suggests a resoluteness the reporter cannot verify; *admit*,
  *confess* and *deny* can imply culpability; *stated* and *argued* express
  no point of view.

In (loaded), with the reason:

==============  ==============================================================
claim           casts doubt on the statement (AP, Bender, MOS:CLAIM); also the
                noun ("his claim that …")
assert          like *claim*: foregrounds the statement as a bare assertion
                (MOS:CLAIM); also "assertion"
allege          presents the content as an unproven accusation; AP asks for
                special care with it; also "allegation"
purport         suggests the statement or document may not be genuine
admit           implies the speaker conceded a fault or error (Bender,
                MOS:SAID); also "admission"
confess         implies guilt (MOS:SAID); also "confession"
concede         implies the speaker gave ground, was in the wrong; also
                "concession"
insist          suggests stubbornness against the evidence (MOS:SAID); also
                "insistence"
boast, brag     characterise the speaker as vain
scoff, sneer    characterise the speaker as contemptuous (Bender: people speak
                words, they do not smile or laugh them)
whine, rant     characterise the speaker as petulant or unhinged
==============  ==============================================================

Out (neutral), with the reason:

- *deny*: MOS:SAID warns it can hint at culpability, but reporting a denial
  is what fairness asks for when someone is accused, and "denied the
  charges" is the plain, accurate verb in news copy; flagging every denial
  would flag the balance good practice requires.
- *acknowledge*: a concession without the guilt of *admit*; common in
  neutral copy ("acknowledged the problem").
- *complain*, *warn*, *criticize*, *accuse*, *praise* …: they name the kind
  of speech act, not the reporter's view of its truth.
- *maintain*, *contend*, *argue*: they mark a position in a dispute and are
  standard in court and policy reporting ("the lawsuit contends");
  MOS:CLAIM names *argued* as expressing no point of view.
- *note*, *point out*, *reveal*, *explain*, *underscore*, *stress*: these
  lean the other way (they endorse the statement, MOS:SAID), but "noted" is
  everyday newswire and the schema's stance has no "endorsing" value; they
  stay neutral.

Matching is on the lowercased words of the cue (every cue span), each
compared with the inflected forms listed in :data:`LOADED_FORMS`
("claim", "claims", "claimed", "claiming"), so "is claiming" and "his
claim" match while "said the claim was false" (cue "said") does not.
"""

from __future__ import annotations

import re

from ..schema import Attribution

__all__ = ["LOADED", "LOADED_FORMS", "cue_stance", "mark_stance"]

# lemma -> its inflected forms (verbs) and related nouns; see the module docstring for why each is here
LOADED: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claims", "claimed", "claiming"),
    "assert": ("assert", "asserts", "asserted", "asserting", "assertion", "assertions"),
    "allege": ("allege", "alleges", "alleged", "alleging", "allegation", "allegations"),
    "purport": ("purport", "purports", "purported", "purporting"),
    "admit": ("admit", "admits", "admitted", "admitting", "admission", "admissions"),
    "confess": ("confess", "confesses", "confessed", "confessing", "confession", "confessions"),
    "concede": ("concede", "concedes", "conceded", "conceding", "concession"),
    "insist": ("insist", "insists", "insisted", "insisting", "insistence"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "brag": ("brag", "brags", "bragged", "bragging"),
    "scoff": ("scoff", "scoffs", "scoffed", "scoffing"),
    "sneer": ("sneer", "sneers", "sneered", "sneering"),
    "whine": ("whine", "whines", "whined", "whining"),
    "rant": ("rant", "rants", "ranted", "ranting"),
}

LOADED_FORMS: dict[str, str] = {form: lemma for lemma, forms in LOADED.items() for form in forms}

_WORD = re.compile(r"[a-z]+")


def cue_stance(cue_text: str) -> str:
    """'loaded' when a word of ``cue_text`` is a form of a loaded verb or noun, else 'neutral'."""
    for word in _WORD.findall(cue_text.lower().replace("\u2019", "'")):
        if word in LOADED_FORMS:
            return "loaded"
    return "neutral"


def mark_stance(attributions: list[Attribution]) -> list[Attribution]:
    """Each attribution with ``stance`` set from its cue (new objects, same order)."""
    out = []
    for a in attributions:
        stance = cue_stance(" ".join(span.text for span in a.cue))
        out.append(a.model_copy(update={"stance": stance}))
    return out
