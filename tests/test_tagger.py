"""The tagger's input encoding, decoding and linking, on real text."""

from __future__ import annotations

import numpy as np

from accordingto.extract.encoding import LABELS, encode, labels_for, windows, word_spans
from accordingto.extract.link import link
from accordingto.extract.tagger import tag_spans, viterbi

TEXT = (
    "Harbour Ferry Fares Rise Again\n\n"
    'Fares will rise by 40 cents in April, the port authority said on Monday. "Nobody likes paying more," '
    "said Ana Ruiz, who runs the ferry line.\n\nCommuters were not consulted, according to a union leaflet."
)


def _at(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def test_labels_round_trip_to_the_same_spans():
    enc = encode(TEXT)
    gold = {
        "source": [[_at(TEXT, "the port authority")], [_at(TEXT, "Ana Ruiz, who runs the ferry line")]],
        "cue": [[_at(TEXT, "said on Monday")]],
        "content": [[_at(TEXT, "Fares will rise by 40 cents in April")]],
    }
    labels = labels_for(enc, gold)
    tags = [LABELS[labels[i]] for i in enc.word_starts]
    spans = word_spans(enc, tags)
    assert spans["source"] == [_at(TEXT, "the port authority"), _at(TEXT, "Ana Ruiz, who runs the ferry line")]
    assert spans["cue"] == [_at(TEXT, "said on Monday")]
    assert spans["content"] == [_at(TEXT, "Fares will rise by 40 cents in April")]


def test_paragraph_breaks_and_letter_case_are_encoded():
    enc = encode(TEXT)
    assert (enc.words == -1).sum() == 2  # two blank-line breaks
    first = enc.word_starts[0]
    assert enc.case[first] == 2  # "Harbour" is capitalised


def test_windows_cover_everything_with_overlap():
    spans = windows(1000, 256, 192)
    assert spans[0][0] == 0 and spans[-1][1] == 1000
    assert all(e - s <= 254 for s, e in spans)
    assert all(b[0] < a[1] for a, b in zip(spans, spans[1:]))


def test_viterbi_never_starts_inside_a_span():
    logp = np.log(np.full((3, len(LABELS)), 1e-6))
    logp[:, LABELS.index("I-cue")] = 0.0  # the raw best path would be I-cue everywhere
    tags = [LABELS[t] for t in viterbi(logp)]
    assert tags[0] != "I-cue" and all(not t.startswith("I-") or t[2:] == tags[0][2:] for t in tags)


def test_link_ties_source_cue_content_of_one_sentence():
    s1 = _at(TEXT, 'Fares will rise by 40 cents in April, the port authority said on Monday.')
    spans = {
        "source": [_at(TEXT, "the port authority")],
        "cue": [_at(TEXT, "said")],
        "content": [_at(TEXT, "Fares will rise by 40 cents in April")],
    }
    (a,) = link(spans, [s1], TEXT)
    assert a.source == spans["source"] and a.content == spans["content"]


def test_trained_tagger_finds_the_quote_and_its_speaker():
    spans = tag_spans(TEXT)
    sources = [TEXT[s:e] for s, e in spans["source"]]
    contents = [TEXT[s:e] for s, e in spans["content"]]
    assert any("Ana Ruiz" in s for s in sources)
    assert any("Nobody likes paying more" in c for c in contents)
    assert any("40 cents" in c for c in contents)


def test_each_piece_is_scored_by_the_window_with_most_context(monkeypatch):
    """Window stitching over a multi-window article: a piece takes its scores from the
    window where it has the most context on its poorer side; the text's own start and
    end are no window edge (issue 10: the first and last windows used to win their
    whole range, so a piece at position 253 of window 0 was scored with no right context)."""
    import accordingto.extract.tagger as tagger
    from accordingto.extract.encoding import STRIDE, WINDOW

    sentence = "The mayor said the ferry would keep running through the winter months. "
    enc = encode("Ferry Service Continues\n\n" + sentence * 60)
    n = len(enc.ids)
    spans = windows(n)
    assert 4 <= len(spans) <= len(LABELS)  # one label per window

    class WindowIndexSession:
        """Logits that tell which window scored a piece: label k gets 10 for the window k."""

        def __init__(self):
            self.calls = 0

        def get_inputs(self):
            return []

        def run(self, _names, feeds):
            x = feeds["input_ids"]
            logits = np.zeros((*x.shape, len(LABELS)), dtype=np.float32)
            for row in range(x.shape[0]):
                logits[row, :, self.calls + row] = 10.0
            self.calls += x.shape[0]
            return [logits]

    monkeypatch.setattr(tagger, "get_session", lambda: WindowIndexSession())
    monkeypatch.setattr(tagger, "BATCH", 2)  # several batches, as a long article has
    chosen = tagger.piece_logprobs(enc.ids, enc.case).argmax(-1)

    for p in range(n):
        inside = [k for k, (s, e) in enumerate(spans) if s <= p < e]
        context = {k: min(p - spans[k][0] if spans[k][0] > 0 else n,
                          spans[k][1] - 1 - p if spans[k][1] < n else n) for k in inside}
        best = max(context.values())
        assert chosen[p] in inside and context[chosen[p]] == best, p
    # the piece at the last position of window 0 comes from window 1, which sees both sides
    assert chosen[WINDOW - 3] == 1
    # the text's first and last pieces come from the first and last windows
    assert chosen[0] == 0 and chosen[n - 1] == len(spans) - 1
    assert STRIDE < WINDOW - 2


def test_models_that_take_quote_depth_get_it(monkeypatch):
    """A model trained with the quote-depth feature gets each piece's depth; the shipped
    (older) model, which has no such input, is fed as before."""
    import accordingto.extract.tagger as tagger

    text = 'Fares Rise\n\nThe mayor said "we will not raise fares again" on Monday.'
    enc = encode(text)
    seen = []

    class Session:
        def __init__(self, names):
            self.names = names

        def get_inputs(self):
            return [type("I", (), {"name": n}) for n in self.names]

        def run(self, _names, feeds):
            seen.append(feeds)
            return [np.zeros((*feeds["input_ids"].shape, len(LABELS)), dtype=np.float32)]

    for names in (["input_ids", "attention_mask", "case_ids", "quote_ids"], ["input_ids", "attention_mask", "case_ids"]):
        monkeypatch.setattr(tagger, "get_session", lambda names=names: Session(names))
        tagger.piece_logprobs(enc.ids, enc.case, enc.quote)
    with_quote, without = seen
    assert "quote_ids" not in without
    q = with_quote["quote_ids"][0, 1 : len(enc.ids) + 1]
    inside = text.index('"we'), text.index('again"') + len('again"')
    expected = [1 if inside[0] <= s < inside[1] else 0 for s in enc.starts]
    assert q.tolist() == expected and sum(expected) >= 7


def test_an_entity_head_gives_the_doc_its_entities(monkeypatch):
    """A model with an entity head (scores after the roles') tags entities; the default
    extractor gives them to a Doc that no spaCy NER ran on."""
    import accordingto.extract.tagger as tagger
    from accordingto.extract.encoding import ENTITY_TAGS
    from accordingto.extract.model import extract_model
    from accordingto.pipeline import parse

    text = "Fares Rise\n\nAna Ruiz said fares would rise in Lisbon."
    enc = encode(text)
    k = len(LABELS)
    person = {text.index("Ana"): "B-PERSON", text.index("Ruiz"): "I-PERSON", text.index("Lisbon"): "B-GPE"}

    class Session:
        def get_inputs(self):
            return []

        def get_outputs(self):
            return [type("O", (), {"shape": ["batch", "pieces", k + len(ENTITY_TAGS)]})]

        def run(self, _names, feeds):
            b, w = feeds["input_ids"].shape
            logits = np.zeros((b, w, k + len(ENTITY_TAGS)), dtype=np.float32)
            logits[..., 0] = 5.0  # roles: all O
            logits[..., k] = 5.0  # entities: O ...
            for p, start in enumerate(enc.starts):
                if int(start) in person:
                    logits[0, p + 1, k + ENTITY_TAGS.index(person[int(start)])] = 10.0
            return [logits]

    monkeypatch.setattr(tagger, "get_session", lambda: Session())
    assert tagger.has_entities()
    spans, ents = tagger.tag_article(text)
    assert all(v == [] for v in spans.values())
    assert [(text[s:e], t) for s, e, t in ents] == [("Ana Ruiz", "PERSON"), ("Lisbon", "GPE")]
    doc = parse(text, disable=["ner"])
    assert not doc.has_annotation("ENT_IOB")
    extract_model(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ana Ruiz", "PERSON"), ("Lisbon", "GPE")]
