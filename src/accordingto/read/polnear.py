"""PolNeAR gold annotations (brat standoff) as character spans.

PolNeAR ships each article as ``text/<id>.txt`` and its annotations as
``attributions/<id>_<annotator>.ann``. An ``.ann`` file holds ``T`` lines
(a role and its fragments: ``T3\tContent 10 50;60 90\t<text>``) and ``E``
lines tying a trigger and its roles into one attribution::

    E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
    E2\tAttribution-no-source:T8 Content:T7 Cue:T6 Content2:T9

``Content2`` is a further part of the content (merged into ``content``).
``Discard``/``Discuss`` spans and ``#`` notes are annotators' working marks
and are ignored. Offsets index the ``.txt`` decoded as UTF-8 with no newline
translation, exactly as :func:`read_text` reads it.

A handful of ``E`` lines in the corpus are incomplete. :func:`load_ann`
repairs or drops them so that every gold attribution has a cue and a content:

- no ``Cue`` argument: the trigger's span (which equals the cue's span in
  all but 11 of ~24,800 complete attributions) is used as the cue;
- no ``Content``/``Content2`` argument (35 trigger-only lines, 2 more with a
  cue but no content): the attribution is dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .walk import files

Fragment = tuple[int, int]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_TRIGGERS = ("Attribution", "Attribution-no-source")
_ANN_NAME = re.compile(r"^(?P<id>.+)_(?P<annotator>[^_]+)\.ann$")


@dataclass
class GoldAttribution:
    """One gold attribution: each role a list of ``(start, end)`` fragments.

    ``source`` is empty for ``Attribution-no-source``. Fragments are sorted by
    start offset; ``end`` is exclusive.
    """

    source: list[Fragment] = field(default_factory=list)
    cue: list[Fragment] = field(default_factory=list)
    content: list[Fragment] = field(default_factory=list)
    id: str = ""  # the E line's id, e.g. "E3"

    def to_prediction(self) -> dict:
        """This attribution in the exchange format of PREDICTIONS.md."""
        return {
            "source": [list(f) for f in self.source],
            "cue": [list(f) for f in self.cue],
            "content": [list(f) for f in self.content],
        }


def read_text(path: str | Path) -> str:
    """An article's text exactly as the offsets see it: UTF-8, no newline translation."""
    return Path(path).read_bytes().decode("utf-8")


def _fragments(spec: str) -> list[Fragment]:
    frags = []
    for part in spec.split(";"):
        start, end = part.split()
        frags.append((int(start), int(end)))
    return frags


def parse_ann(content: str) -> list[GoldAttribution]:
    """Parse the text of a brat ``.ann`` file (see :func:`load_ann`)."""
    spans: dict[str, tuple[str, list[Fragment]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in content.splitlines():
        # Lines that match neither pattern are notes or the continuation of a
        # T line whose text runs over several lines.
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _fragments(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            args = []
            for arg in m.group(2).split():
                role, _, ref = arg.partition(":")
                if ref:
                    args.append((role, ref))
            events.append((m.group(1), args))

    out: list[GoldAttribution] = []
    for eid, args in events:
        if not args or args[0][0] not in _TRIGGERS:
            continue
        roles: dict[str, list[Fragment]] = {"Source": [], "Cue": [], "Content": []}
        trigger = spans.get(args[0][1], ("", []))[1]
        for role, ref in args[1:]:
            if ref not in spans:
                continue
            role = role.rstrip("0123456789")  # Content2 -> Content
            if role in roles:
                roles[role].extend(spans[ref][1])
        if not roles["Cue"]:
            roles["Cue"] = list(trigger)
        if not roles["Content"] or not roles["Cue"]:
            continue
        out.append(
            GoldAttribution(
                source=sorted(set(roles["Source"])),
                cue=sorted(set(roles["Cue"])),
                content=sorted(set(roles["Content"])),
                id=eid,
            )
        )
    return out


def load_ann(path: str | Path) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file, in file order.

    ``T`` lines may have discontinuous spans (``10 50;60 90``); ``E`` lines
    tie Source, Cue, Content (and ``Content2``, merged into content). Lines
    of other kinds (notes, ``Discard``/``Discuss`` spans) are ignored.
    """
    return parse_ann(read_text(path))


def _layout(directory: Path) -> tuple[Path, Path]:
    """(text dir, annotation dir) of a split dir or of a flat dir."""
    if (directory / "text").is_dir() or (directory / "attributions").is_dir():
        return directory / "text", directory / "attributions"
    return directory, directory


def text_files(directory: str | Path) -> dict[str, Path]:
    """Article id -> ``.txt`` path, for a split dir (``text/``) or a flat dir."""
    text_dir, _ = _layout(Path(directory))
    if not text_dir.is_dir():
        raise FileNotFoundError(f"no such directory: {text_dir}")
    return {p.stem: p for p in files(text_dir, ".txt")}


def gold_files(directory: str | Path) -> dict[str, Path]:
    """Article id -> gold ``.ann`` path (the first ``<id>_<annotator>.ann`` in sorted order).

    ``directory`` is a split dir holding ``text/`` and ``attributions/``, or
    a dir holding the ``.txt`` and ``.ann`` files directly. The id is the
    text file's name without ``.txt``; an ``.ann`` whose name does not match
    a text file is ignored, and ``<id>.ann`` (no annotator suffix) is
    accepted too.
    """
    _, ann_dir = _layout(Path(directory))
    if not ann_dir.is_dir():
        raise FileNotFoundError(f"no such directory: {ann_dir}")
    texts = text_files(directory)
    gold: dict[str, Path] = {}
    for ann in files(ann_dir, ".ann"):
        article = article_id(ann.stem, texts)
        if article is not None and article not in gold:
            gold[article] = ann
    return dict(sorted(gold.items()))


def article_id(annotation_id: str, known: dict[str, object] | set[str]) -> str | None:
    """The article id of ``<id>_<annotator>`` (or of ``<id>``) among ``known`` ids."""
    if annotation_id in known:
        return annotation_id
    m = re.match(r"^(.+)_[^_]+$", annotation_id)
    if m and m.group(1) in known:
        return m.group(1)
    return None


def iter_articles(directory: str | Path) -> Iterator[tuple[str, str, list[GoldAttribution]]]:
    """Yield ``(article_id, text, gold attributions)`` for every annotated article, sorted by id."""
    texts = text_files(directory)
    for article, ann in gold_files(directory).items():
        yield article, read_text(texts[article]), load_ann(ann)


# --------------------------------------------------------------------------
# The held-out slice of PolNeAR train

#: Articles per outlet in the held-out slice of the train split.
HELDOUT_PER_OUTLET = 12


def outlet_of(article: str) -> str:
    """The outlet prefix of a PolNeAR article id (``nyt`` of ``nyt_2016-10-02_...``)."""
    return article.split("_", 1)[0]


def heldout_rank(article: str) -> str:
    """The key that orders an outlet's articles for the held-out slice: SHA-256 of the id."""
    return hashlib.sha256(article.encode("utf-8")).hexdigest()


def heldout_ids(articles: set[str] | dict[str, object] | list[str]) -> set[str]:
    """The held-out slice among PolNeAR **train** article ids.

    The rule, fixed once and never tuned: for each outlet (the id's prefix
    before the first ``_``), the :data:`HELDOUT_PER_OUTLET` articles whose id
    (the ``.txt`` file name without extension) has the smallest SHA-256 hex
    digest. On the 840 train articles that is 84 articles, 12 per outlet, the
    size of dev. They are excluded from training (``accordingto train``) and
    from every rule, word list and threshold we tune; ``predict``/``evaluate
    --subset heldout`` score them.
    """
    by_outlet: dict[str, list[str]] = {}
    for a in articles:
        by_outlet.setdefault(outlet_of(a), []).append(a)
    out: set[str] = set()
    for ids in by_outlet.values():
        out.update(sorted(ids, key=heldout_rank)[:HELDOUT_PER_OUTLET])
    return out


SUBSETS = ("all", "heldout", "rest")


def select(articles: dict[str, Path] | set[str] | list[str], subset: str) -> set[str]:
    """The ids of ``articles`` in ``subset``: ``all``, ``heldout`` (the slice) or ``rest`` (train less the slice)."""
    if subset not in SUBSETS:
        raise ValueError(f"subset must be one of {', '.join(SUBSETS)}, not {subset!r}")
    ids = set(articles)
    if subset == "all":
        return ids
    held = heldout_ids(ids)
    return held if subset == "heldout" else ids - held
