"""Scoring against gold: attribution extraction on PolNeAR (:mod:`.extraction`, :mod:`.cofenet`), speakers (:mod:`.speakers`) and gender (:mod:`.gender`)."""
