"""Which words a lexicon entry matches: a trigger's part of speech, the dependents the entry
requires, and words that are only part of a name."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.resolver import ActorResolver
from eventwire.knowledge.lexicon import FUNCTION_WORDS, TriggerEntry
from eventwire.nlp.parsed import dates_only

# Verbs whose required word is what is sent, never the sender (word class `dispatching`).
DISPATCHING = {"send", "dispatch"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "NORP"}


def pos_key(token: Token) -> str | None:
    """The lexicon's part of speech: names trigger as nouns ("a Brexit"), auxiliaries as verbs."""
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def required_words(trigger: Token, entry: TriggerEntry) -> list[Token] | None:
    """The dependents an entry requires: below the trigger, or below a word already found.

    A preposition or particle must hang directly off the trigger or a found word ("called
    on X"), not anywhere below it ("calling it an assault on Chile").
    """
    if not entry.with_:
        return []
    direct = [*trigger.children]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        direct.append(trigger.head)  # "sanctions imposed by the US": the participle's noun
    # "called for the charges to be dropped": the parser hangs a for-to clause's "for" on
    # the clause, not on the verb it completes
    direct += [m for c in trigger.children if c.dep_ in ("advcl", "ccomp", "xcomp")
               for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i < c.i]
    deeper = [g for c in direct if c.dep_ in ("dobj", "prep", "prt", "attr", "xcomp",
                                              "compound", "amod", "pobj", "acomp")
              for g in c.children]
    # "provide 25,000 tons of food aid", "suspended part of its aid programme": the measured
    # thing (or the kind it is named by) is the object.
    # "gave Tonga $5 million in relief": an amount's "in" names what it is.
    measured = [p for c in direct if c.dep_ == "dobj" for g in c.children
                if g.dep_ == "prep" and (g.lower_ == "of" or g.lower_ == "in" and _amount(c))
                for p in g.children if p.dep_ == "pobj"]
    deeper += measured + [m for p in measured for m in p.children if m.dep_ == "compound"]
    found: list[Token] = []
    for lemma in entry.with_:
        pool = direct if lemma in FUNCTION_WORDS else direct + deeper
        if trigger.lemma_ in DISPATCHING:  # "the prime minister sent condolences": no envoy sent
            pool = [t for t in pool if not (t.dep_ == "nsubj" and t.head.i == trigger.i)]
        if lemma in FUNCTION_WORDS:  # "fired water cannons at a boat on Saturday": not "fire on"
            pool = [t for t in pool if not dates_only(t)]
        if lemma in FUNCTION_WORDS and trigger.pos_ in ("VERB", "AUX"):
            # "On Thursday, X called for ...": the trigger's own particle follows it
            pool = [t for t in pool if t.i > trigger.i or t.head.i != trigger.i]
        hit = next((t for t in pool if t.lemma_.lower() == lemma or t.lower_ == lemma), None)
        if hit is None:
            return None
        found.append(hit)
        direct.extend(hit.children)
    return found


def _amount(noun: Token) -> bool:
    """"$5 million", "70m euros", "1,000 tonnes": a number or what one counts."""
    return noun.like_num or noun.pos_ == "NUM" or any(
        c.dep_ in ("nummod", "quantmod") or c.like_num for c in noun.children)


def inside_name(token: Token, resolver: ActorResolver) -> bool:
    """"Popular Mobilization Forces", "Defense Ministry": words of a name are not events."""
    gm = resolver.matches.get(token.i)
    if gm is not None and gm.entry.kind != "sector":
        return True
    return token.ent_type_ in NAME_ENTS
