"""Where the author of a document or artefact is named beside one of its mentions.

Each finder takes the document noun and gives the words that may name its
author: :func:`by_agent` ("the letter, sent by X"), :func:`by_preposition`
("a statement from X"), :func:`by_possessor` ("the union's letter"),
:func:`by_compound` ("a White House statement"), :func:`by_sender` ("the union
has sent a letter", "X said in a statement"). The
:class:`~accordingto.resolve.roles.Describer` tries them in that order.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs whose agent ("by …") wrote or made a document: "the letter, sent by lawyer X".
_AUTHOR_VERBS = frozenset(
    """
    send write sign issue release publish post author draft pen file submit prepare produce compile
    conduct commission tweet share record film upload circulate distribute deliver
    """.split()
)
# "The union has sent a letter": the subject of these wrote the document they govern.
_SENDER_VERBS = frozenset("send write sign issue release publish post author draft pen file submit tweet".split())
# "X said in a statement": the subject of these is the author of the document after "in".
_SAY_VERBS = frozenset("say write tell add announce state note argue claim warn explain respond".split())


def by_agent(noun: Token) -> list[Token]:
    """ "the letter, sent by X", "footage posted by X", "a poll conducted by X"."""
    out = []
    for verb in noun.children:
        if verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in _AUTHOR_VERBS:
            for agent in verb.children:
                if agent.dep_ == "agent":
                    out += [o for o in agent.children if o.dep_ == "pobj"]
    return out


def by_preposition(noun: Token) -> list[Token]:
    """ "a report by the Congressional Budget Office", "a statement from the White House"."""
    return [
        o
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from")
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def by_possessor(noun: Token) -> list[Token]:
    """ "the union's letter", "Trump's tweet" (not "his letter": pronouns are left alone)."""
    return [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]


def by_compound(noun: Token) -> list[Token]:
    """ "a White House statement", "a CBO report": a name modifying the document noun."""
    return [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]


def by_sender(noun: Token) -> list[Token]:
    """ "The union has sent a letter", "X said in a statement": the subject of the verb."""
    verb = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SENDER_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in _SAY_VERBS:
        verb = noun.head.head
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
