"""Gender of person voices, from the article's own words about them; failing that, their first name.

What this is: how the article refers to a person ("she said", "Ms. Lopez",
"the congresswoman") and, only where the article says nothing, a statistic
about a first name. It is never a person's identity. Every ``person``
speaker gets ``gender`` (``woman``, ``man`` or ``unknown``) and
``gender_evidence`` (its kind and the spans of the article it rests on);
speakers of other types get neither.

The decision, in order (:func:`assign_genders`):

1. **Override** (``kind="override"``): a newsroom's own list (name → gender,
   :func:`read_overrides`), for sources whose self-described gender it
   knows. Matched on the canonical name (titles, case and punctuation
   aside, :func:`override_key`). Nothing else is consulted.
2. **Text** (``kind="text"``): words of the article about this person and no
   one else:

   - *honorifics* right before or inside one of the speaker's name mentions:
     Mr., Mrs., Ms., Miss, Sir, Dame, Lord, Lady, Madam ("Mx." says nothing);
   - *gendered role nouns* that belong to one of the speaker's own mentions:
     the head of a nominal mention the resolver linked to the speaker ("the
     spokeswoman"), a compound modifier right before the name
     ("Congresswoman Maxine Waters", "spokesman Brian Fallon") or a noun in
     apposition to it ("Hope Hicks, a spokeswoman for …", "a spokesman,
     Brian Fallon,"). Gendered words elsewhere in the sentence ("Trump
     spokeswoman Hope Hicks" says nothing of Trump; "Clinton's husband"
     nothing of Clinton) are not evidence;
   - *pronouns* the resolver linked to the speaker: the speaker's mentions of
     kind ``pronoun`` (he/him/his/himself, she/her/hers/herself); and the
     other he/his/she/her of the narration where the person is the only one
     the text can mean (:func:`other_pronouns`).

   Honorifics and role nouns are *explicit*: if they disagree with each other
   the gender is ``unknown`` (a conflict); if they agree they decide, and
   pronouns that disagree with them are left out (pronoun links are the
   resolver's heuristics; words in the person's own mention are not).
   With no explicit word, the pronouns decide when at least
   :data:`PRONOUN_MAJORITY` (three quarters) of them agree; otherwise the
   gender is ``unknown`` (a conflict, noted). A conflict is still text
   evidence: the first name is not asked to break it.
3. **First name** (``kind="first name"``), only when the text says nothing:
   the first name of the canonical name (:mod:`nameparser`; a name of one
   word, an initial or no first name gives none) looked up in
   ``nomquamgender``'s name–gender data (:class:`NameData`). A name is
   gendered only when it is unambiguous: uncertainty ``0.5 - |0.5 - p(gf)|``
   at most :data:`MAX_UNCERTAINTY` (0.05: p(gf) ≤ 0.05 or ≥ 0.95; stricter
   than nomquamgender's default of 0.1, under which one bearer in ten may be
   of the other gender: no way to a label that is right 97 times in 100) and
   at least :data:`MIN_COUNTS` (10) observations behind it (nomquamgender's
   "high coverage"). Otherwise ``unknown``.
4. Nothing: ``kind="none"``, ``unknown``.

The package's modules, one job each: :mod:`.overrides` (the overrides file),
:mod:`.names` (first names and the name data), :mod:`.clues` (the speaker's own
gendered words), :mod:`.pronouns` (the narration's other pronouns),
:mod:`.assign` (the decision). Everything is importable from here; a setting
(``MAX_UNCERTAINTY``) is changed on the module that reads it
(``accordingto.analyse.gender.names``).
"""

from __future__ import annotations

from .assign import PRONOUN_MAJORITY, assign_genders, gender_of
from .clues import HONORIFICS, PRONOUNS, ROLE_NOUNS, Clue, clues_of
from .names import MAX_UNCERTAINTY, MIN_COUNTS, NameData, NameStat, data_path, first_name, name_data
from .overrides import GENDERS, GenderOverridesError, load_overrides, override_key, parse_overrides, read_overrides
from .pronouns import VETO_UNCERTAINTY, other_pronouns

__all__ = [
    "PRONOUN_MAJORITY",
    "assign_genders",
    "gender_of",
    "HONORIFICS",
    "PRONOUNS",
    "ROLE_NOUNS",
    "Clue",
    "clues_of",
    "MAX_UNCERTAINTY",
    "MIN_COUNTS",
    "NameData",
    "NameStat",
    "data_path",
    "first_name",
    "name_data",
    "GENDERS",
    "GenderOverridesError",
    "load_overrides",
    "override_key",
    "parse_overrides",
    "read_overrides",
    "VETO_UNCERTAINTY",
    "other_pronouns",
]
