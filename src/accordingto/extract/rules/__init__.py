"""Rule-based attribution extraction over spaCy's dependency parse.

Each rule (a function registered by name in :mod:`.registry`) proposes
candidates, char ranges of source, cue and content (:mod:`.candidates`);
:func:`extract_rules` then keeps the outermost of nested candidates, one per
cue (:mod:`.conflicts`), adds quote continuations (:mod:`.continuations`),
and turns the survivors into :class:`~accordingto.schema.Attribution` objects
in reading order (:mod:`.convert`).

The rules, in the order they run:

- ``verbs`` (:mod:`.verbs`): a reporting verb (cues.SPEECH/COGNITION) with
  its subject as the source and its clause, infinitive, object or an adjacent
  quotation as the content, in either order ("X said that …", '"…," X
  said', "…, said X"); a colon after the verb joins the cue ('Riddell
  continues: "…"').
- ``according_to`` (:mod:`.according`): "according to X" (source X, content
  the clause it modifies).
- ``nouns`` (:mod:`.nouns`): cue nouns with a possessive source or a support
  verb ("his promise to …", "Republicans expressed concern that …").
- ``parenthetical``: "Among them, TheDC notes, were …" when the parser missed
  the verb; ``surface``: 'A sign … read, “…”' when the tagger took the verb
  for a noun (:mod:`.missed_verbs`).
- ``headline``: "…, Says Union" / "…, Experts Say" / "Trump: …" on a title
  line; ``dash`` ('“…” ― Name'); ``transcript`` ('PENCE: …'); ``block``: a
  paragraph that introduces what follows with a colon, then paragraphs quoted
  without quotation marks (:mod:`.layout`).

Then ``continuation``: a quotation right after an attributed quotation, with
no cue of its own, is more content of the same attribution.

The parse is read through :mod:`.syntax` (verb groups, subjects) and
:class:`.context.Context` (paragraph-bound subtrees, whole quotations).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...doctext import doc_text
from ...schema import Attribution
from ..quotes import quote_index
from . import according, layout, missed_verbs, nouns, verbs  # noqa: F401  (each registers its rules)
from .conflicts import settle
from .context import Context
from .continuations import add_continuations
from .convert import to_attributions
from .registry import rules_in_order


def extract_rules(doc: Doc) -> list[Attribution]:
    """Every attribution the rules find in ``doc``, in reading order (by content start)."""
    ctx = Context(doc, doc_text(doc), quote_index(doc))
    for _, run in rules_in_order():
        ctx.cands.extend(run(ctx))
    kept = settle(ctx, ctx.cands)
    kept = add_continuations(ctx, kept)
    return to_attributions(ctx, kept)
