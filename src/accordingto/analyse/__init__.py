"""Analysis of the article as a whole, after extraction and resolution.

- :mod:`.chains`: nested attributions (chain, depth) and secondhand sources;
- :mod:`.stance`: neutral or loaded cues;
- :mod:`.hedges`: hedged claims and scare quotes;
- :mod:`.unattributed`: sentences asserted with no source;
- :mod:`.dates`: date expressions resolved against the publication date, and the timeline;
- :mod:`.gender`: the gender of person voices, from the text's own words, else the first name;
- :mod:`.profile`: the sourcing profile.
"""

from __future__ import annotations

from .chains import mark_chains
from .dates import build_timeline, find_dates
from .gender import assign_genders
from .hedges import find_hedges, find_scare_quotes
from .profile import build_profile
from .stance import mark_stance
from .unattributed import unattributed_sentences

__all__ = [
    "mark_chains",
    "mark_stance",
    "find_hedges",
    "find_scare_quotes",
    "unattributed_sentences",
    "find_dates",
    "build_timeline",
    "build_profile",
    "assign_genders",
]
