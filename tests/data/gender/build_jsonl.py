"""Turn the hand annotations (annotation_notes.txt) into train_gender.jsonl.

usage (from the repo root, plain python3, no venv):
    python3 tests/data/gender/build_jsonl.py tests/data/gender/train_gender.jsonl tests/data/gender/annotation_notes.txt

Each note line is  starts|speaker|gender|evidence;...|first_name or -|name_alone  under an
"A <article id>" header. This script only looks up the full gold Source span that starts at
each hand-given offset and runs sanity checks (every span is a gold Source span, no span used
twice, evidence words and first names occur in the article). Every gender, evidence word and
name_alone value was decided by hand; nothing here guesses them.
"""

import importlib.util
import sys
import json
import collections
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("p", str(ROOT / "src/accordingto/read/polnear.py"))
m = importlib.util.module_from_spec(spec)
sys.modules["p"] = m
spec.loader.exec_module(m)
D = str(ROOT.parent / "shared/data/polnear/train")
texts = m.text_files(D)
gold = m.gold_files(D)
rows = []
arts = []
errs = 0
for fn in sys.argv[2:]:
    art = None
    for line in open(fn, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("A "):
            art = line[2:].strip()
            arts.append(art)
            t = m.read_text(texts[art])
            srcs = sorted({f for g in m.load_ann(gold[art]) for f in g.source})
            bystart = {s: (s, e) for s, e in srcs}
            continue
        starts, speaker, gender, ev, fn_, na = line.split("|")
        spans = []
        for s in starts.split(","):
            s = int(s)
            if s not in bystart:
                print("NO SPAN", art, s, file=sys.stderr)
                errs += 1
                continue
            spans.append(list(bystart[s]))
        assert gender in ("woman", "man", "unknown"), line
        assert na in ("woman", "man", "ambiguous", "none"), line
        evl = [x for x in ev.split(";") if x]
        if gender == "unknown":
            assert not evl, line
        else:
            assert evl, line
        fname = None if fn_ == "-" else fn_
        if fname is None:
            assert na == "none", line
        else:
            assert na != "none", line
        # sanity: evidence words occur in article, speaker name occurs
        for w in evl:
            if w not in t:
                print("EVIDENCE NOT IN TEXT", art, speaker, w, file=sys.stderr)
                errs += 1
        if fname and fname not in t:
            print("FIRSTNAME NOT IN TEXT", art, speaker, fname, file=sys.stderr)
            errs += 1
        rows.append(
            {
                "article": art,
                "speaker": speaker,
                "source_spans": spans,
                "gender": gender,
                "evidence": evl,
                "first_name": fname,
                "name_alone": na,
            }
        )
# duplicate spans
seen = collections.Counter((r["article"], tuple(s)) for r in rows for s in r["source_spans"])
for k, v in seen.items():
    if v > 1:
        print("DUP SPAN", k, file=sys.stderr)
        errs += 1
out = sys.argv[1]
with open(out, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("articles", len(arts), "rows", len(rows), "errs", errs)
print(collections.Counter(r["gender"] for r in rows))
