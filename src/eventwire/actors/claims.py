"""Claims of responsibility: who carried out the attacks an article reports with no attacker.

"The BLA claimed responsibility", "Boko Haram carried out the attack". Codebook v2: an
agentless attack is coded only with the agent the article identifies elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.model import Mention
from eventwire.nlp.parsed import sentence_index

# "claimed / took / accepted / admitted responsibility (credit) for"
CLAIM_VERBS = {"claim", "take", "accept", "admit"}
CLAIM_NOUNS = {"responsibility", "credit"}
# "carried out the attack", "was behind the bombing": the claimed deed, by its noun
DEED_NOUNS = {"attack", "attacks", "bombing", "bombings", "assault", "strike", "strikes",
              "ambush", "raid", "massacre", "killing", "killings"}
NOBODY = {"no", "nobody", "none", "noone"}
WH_WORDS = {"who", "which", "that"}


def claim_subjects(doc: Doc) -> list[Token]:
    """The subject of every asserted claim of responsibility in a document, in order."""
    out = []
    for tok in doc:
        verb = tok.head
        claim = tok.dep_ == "dobj" and (
            tok.lemma_.lower() in CLAIM_NOUNS and verb.lemma_ in CLAIM_VERBS
            or tok.lower_ in DEED_NOUNS and verb.lemma_ == "carry"
            and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))
        if not claim or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject = clause_subject(verb)
        # a named claimant only: "it said it had carried out the attack" is left to no one
        if subject is not None and subject.pos_ != "PRON" and not any(
                c.lower_ in NOBODY for c in subject.children if c.dep_ == "det"):
            out.append(subject)
    return out


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject; through "who" to the noun a relative clause is on; for a
    participle or a second verb, the noun it hangs on or the first verb's subject
    ("officials ... are in jail, facing trial", "a group claiming responsibility")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in WH_WORDS and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "acl":
        return verb.head
    if subj is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return clause_subject(verb.head)
    return subj


def nearest_claimant(trigger: Token, claimants: list[tuple[int, list[Mention]]]
                     ) -> list[Mention]:
    """Who claimed the attack a trigger names: the claim nearest to it in the article, one
    in or before its sentence first."""
    here = sentence_index(trigger)
    ranked = sorted(claimants, key=lambda c: (c[0] > here, abs(c[0] - here)))
    return ranked[0][1] if ranked else []
