"""Build src/accordingto/data/noun_classes.tsv from WordNet 3.0 (Debian's wordnet-base).

    apt-get install wordnet-base
    .venv/bin/python scripts/build_noun_classes.py [/usr/share/wordnet]

For every one-word English noun, the lexicographer file ("lexname") of its
most frequent sense, when that is one of the classes a source's head noun can
take: noun.person, noun.group, noun.communication, noun.artifact,
noun.cognition. The resolver reads the table (accordingto.resolve.mentions)
as the last word on a head noun that its own word classes do not know:
"code" (communication) → document, "crowd" (group) → group.

WordNet 3.0 Copyright 2006 by Princeton University; its license (kept in the
table's header) allows use, copying and distribution with the notice.
"""

from __future__ import annotations

import sys
from pathlib import Path

KEEP = {"noun.person": "person", "noun.group": "group", "noun.communication": "communication",
        "noun.artifact": "artifact", "noun.cognition": "cognition"}
LEXNAMES = {3: "noun.Tops", 4: "noun.act", 5: "noun.animal", 6: "noun.artifact", 7: "noun.attribute",
            8: "noun.body", 9: "noun.cognition", 10: "noun.communication", 11: "noun.event",
            12: "noun.feeling", 13: "noun.food", 14: "noun.group", 15: "noun.location", 16: "noun.motive",
            17: "noun.object", 18: "noun.person", 19: "noun.phenomenon", 20: "noun.plant",
            21: "noun.possession", 22: "noun.process", 23: "noun.quantity", 24: "noun.relation",
            25: "noun.shape", 26: "noun.state", 27: "noun.substance", 28: "noun.time"}
HEADER = """# Noun → WordNet lexname class of its most frequent sense (person, group, communication, artifact, cognition).
# Built by scripts/build_noun_classes.py from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University.
# All rights reserved. Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that you agree to comply
# with the following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for internal use or
# for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used
# in advertising or publicity pertaining to distribution of the software and/or database.
"""


def main() -> None:
    wn = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    data = (wn / "data.noun").read_bytes()
    out = {}
    for line in (wn / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, p_cnt = f[0], int(f[3])
        if "_" in lemma or not lemma.replace("-", "").isalpha():
            continue
        offsets = f[6 + p_cnt :]
        first = int(offsets[0])
        lex = int(data[first : first + 40].split()[1])
        name = LEXNAMES.get(lex)
        if name in KEEP:
            out[lemma] = KEEP[name]
    target = Path(__file__).resolve().parents[1] / "src" / "accordingto" / "data" / "noun_classes.tsv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(HEADER + "".join(f"{k}\t{v}\n" for k, v in sorted(out.items())), encoding="utf-8")
    print(f"{len(out)} nouns → {target}")


if __name__ == "__main__":
    main()
