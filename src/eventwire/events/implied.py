"""Roles the text implies but does not name: where a protest happens says who protests,
an arrest without an agent is the state's, a protest without a target aims at home.

Every implied role says so in its path ("domestic", "passive<story-state", "crowd<place:in"),
so that an analyst can tell an inferred role from one read off the words (docs/coding.md).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.roles import RoleFinder, object_of, passive_without_agent
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# Acts only a state does: an agentless passive takes the country where it happened.
STATE_ACTS = {"COERCE", "SANCTION"}
# ... and releases from custody: "he was released on bail", "the activists were freed" (the
# state that held them lets them go, and they are at home).
STATE_RELEASE = ("RETREAT", "release")
# Participles that say where the released were held: "an American held in Russia".
HOLDING_VERBS = {"hold", "detain", "jail", "imprison", "arrest", "kidnap", "abduct", "seize"}
# Who is "released" from custody (not a statement, a report or new rules).
HELD_PEOPLE = {"prisoner", "detainee", "hostage", "captive", "journalist", "reporter",
               "activist", "protester", "demonstrator", "dissident", "critic", "blogger",
               "lawyer", "student", "worker", "national", "citizen", "man", "woman", "people",
               "soldier", "leader", "member", "opponent", "suspect", "defendant"}
PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i"}
# Acts aimed at home unless the text says otherwise ("Serbians protested", "police arrested
# dozens", "the government dropped the bill"): the actor's own country receives them, with
# this sector.
DOMESTIC_EVENTS: dict[str, str | None] = {"PROTEST": "GOV", "COERCE": "CVL", "CONCEDE": "CVL",
                                          "ASSAULT": None, "REQUEST": "GOV", "ACCUSE": "GOV"}
PLACED_EVENTS = {"COERCE", "ASSAULT"}
HOST_ROLES = ("place:in", "place:at")
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD"}
NON_STATE = {"REB", "CVL", "OPP", "PTY"}
# Events a state may aim abroad: only these sectors aim them at home unnamed ("police fired
# tear gas" is at home, "the army struck" need not be).
HOME_SECTORS = {"ASSAULT": NON_STATE | {"COP"}, "REQUEST": NON_STATE, "ACCUSE": NON_STATE}


def actor_from_place(entry: TriggerEntry, trigger: Token, words: list[Token],
                      roles: RoleFinder) -> tuple[list[Mention], str]:
    """Who acts when the text names only where: the state for an agentless arrest ("was
    arrested in Lebanon"), the people of the place for a protest ("protests in Baghdad")."""
    if (entry.event in STATE_ACTS or _release_of_people(entry, trigger)) \
            and passive_without_agent(trigger) and not _standing_state(trigger):
        found, path = roles.fill("place:in", trigger, words)
        if not found and entry.event == "RETREAT":
            found, path = held_where(trigger, roles)
        if found:
            return found, f"passive<{path}"
        return _story_state(trigger, roles, entry.event), "passive<story-state"
    if entry.event == "PROTEST":
        # "protests in Baghdad", "riots broke out in Dakar", "thousands marched in Nairobi":
        # a crowd the text does not place is the people of the place.
        found, path = roles.fill("place:in", trigger, words)
        if not found and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":
            found, path = roles.fill("place:in", trigger.head, [])  # "protests continue in X"
        return [replace(m, sector="CVL") for m in found], f"crowd<{path}" if found else ""
    return [], ""


def _release_of_people(entry: TriggerEntry, verb: Token) -> bool:
    """"he was released", "the journalists were freed": people let out of custody."""
    if (entry.event, entry.mode) != STATE_RELEASE:
        return False
    held = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    # "Two Britons were released", "an American was freed": people named by nationality
    return held is not None and (held.ent_type_ in ("PERSON", "NORP") or held.tag_ == "NNPS"
                                 or held.lower_ in PERSONAL_PRONOUNS
                                 or held.lemma_.lower() in HELD_PEOPLE)


def held_where(verb: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """"An American held in Russia has been freed": the place its participle puts the
    released in names the state that held them."""
    held = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    for acl in (c for c in held.children if c.dep_ == "acl" and c.lemma_ in HOLDING_VERBS
                ) if held is not None else ():
        found, path = roles.fill("place:in", acl, [])
        if found:
            return found, f"held<{path}"
    return [], ""


def released_at_home(entry: TriggerEntry, actor_path: str, trigger: Token) -> bool:
    """"He was released on bail", "the junta freed the detained politicians", "militants
    released dozens of women": whoever lets go of people the text does not place by origin
    lets them go at home."""
    if (entry.event, entry.mode) != STATE_RELEASE:
        return False
    held = object_of(trigger)[0] if trigger.pos_ == "VERB" else None
    if held is not None and _taken_from_the_other_side(held):
        return False
    return actor_path.startswith("passive<") or held is not None and (
        held.lemma_.lower() in HELD_PEOPLE or held.lower_ in PERSONAL_PRONOUNS)


def _taken_from_the_other_side(held: Token) -> bool:
    """"released 20 hostages", "freed 90 prisoners of war": captives are the other side's
    people, so their release is not a domestic act (its target is left to the text)."""
    return held.lemma_.lower() in ("hostage", "captive") or any(
        p.lower_ == "of" and any(w.lemma_ == "war" for w in p.children) for p in held.children)


def _story_state(trigger: Token, roles: RoleFinder, event: str) -> list[Mention]:
    """"At least 40 people were arrested": the country the story is about, named just before."""
    e = roles.resolver.story_country(trigger, people=False)
    if e is None:
        return []
    m = roles.resolver.mentions[e.mention]
    sector = "COP" if event == "COERCE" else "GOV"  # arrests are mostly the police's doing
    return [replace(m, sector=sector, kind="implied", rule="story-state", antecedent=e.mention)]


def _standing_state(verb: Token) -> bool:
    """"The group is banned in Germany": a present passive describes how things stand."""
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children) \
        and not any(c.dep_ == "aux" for c in verb.children)


def clause_target(noun: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """"the airstrike that killed the commander", "a raid targeting rebels": the clause's object;
    "a hospital was hit by airstrikes": what the attack, as the doer of a passive, hit."""
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
            found, path = roles.fill("obj", clause, [])
            if found:
                return found, f"{clause.dep_}>{path}"
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        found, path = roles.fill("obj", noun.head.head, [])
        if found:
            return found, f"agent<{path}"
    return [], ""


def condition_subject(condition: Token, roles: RoleFinder, actors: list[Mention]
                       ) -> tuple[list[Mention], str]:
    subject = next((c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = roles.resolver.resolve(subject) if subject is not None else []
    found = [m for m in found if m.code not in {a.code for a in actors}]
    return found, "condition>nsubj" if found else ""


def where_it_happens(entry: TriggerEntry, trigger: Token, words: list[Token],
                     roles: RoleFinder, actor: Mention) -> tuple[list[Mention], str]:
    """A state's coercion lands where it happens: "imposed curfews in Gaza"."""
    if entry.event not in PLACED_EVENTS or actor.sector not in STATE_SECTORS:
        return [], ""
    place = roles.resolver.resolve_place
    for holder in (trigger, trigger.head):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                for pobj in prep.children:
                    m = place(pobj) if pobj.dep_ == "pobj" else None
                    if m is not None and m.code != actor.code:
                        return [replace(m, sector=None)], f"place:{prep.lower_}"
        if trigger.pos_ != "NOUN":
            break
    return [], ""


def domestic(actor: Mention, event: str, countries: set[str]) -> list[Mention]:
    """The actor's own country, for acts aimed at home when the text names no other target."""
    if actor.code not in countries or actor.sector == "IGO" \
            or event == "PROTEST" and actor.sector == "GOV":
        return []  # only a country has a home (not the IS, not the UN)
    if event in HOME_SECTORS and actor.sector not in HOME_SECTORS[event]:
        return []  # a state may strike or demand abroad; insurgents and citizens act at home
    return [replace(actor, sector=DOMESTIC_EVENTS.get(event, "CVL"), name=None, kind="implied",
                    rule="domestic", antecedent=None)]


def meeting_host(trigger: Token, words: list[Token], roles: RoleFinder
                 ) -> tuple[list[Mention], str]:
    """A meeting held somewhere: the host country receives the visitors (PLOVER visit). Not
    a place inside what is discussed ("discussed the war in Ukraine", "the crisis in Syria")."""
    for role in HOST_ROLES:
        recipients, rpath = roles.fill(role, trigger, words)
        if recipients and not _in_topic(trigger, words, recipients[0], roles):
            return recipients, f"host<{rpath}"
    return [], ""


def _in_topic(trigger: Token, words: list[Token], place: Mention, roles: RoleFinder) -> bool:
    """The place lies in the trigger's object that is a subject matter: neither a party nor
    the meeting itself ("held talks in Tokyo")."""
    for obj in trigger.children:
        if obj.dep_ == "dobj" and obj not in words and not roles.resolver.resolve(obj):
            topic = list(obj.subtree)
            if topic[0].idx <= place.start < topic[-1].idx + len(topic[-1]):
                return True
    return False


def participle_object(trigger: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """"arrested a French tourist, accusing him of spying": "him" of a participle with no
    subject of its own is the object of the verb it hangs on, named or described."""
    if trigger.dep_ not in ("advcl", "xcomp") or trigger.tag_ != "VBG" or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children) or not any(
            c.dep_ == "dobj" and c.lower_ in ("him", "her", "them") for c in trigger.children):
        return [], ""
    found, path = roles.fill("obj", trigger.head, [])
    return (found, f"participle<{path}") if found else ([], "")


def aimed_at_itself(actors: list[Mention], recipients: list[Mention]) -> bool:
    """"The WHO suspended its operations in Sudan": an international body is never the target
    of its own act (its "its" names what it does, not whom it does it to); a state may be."""
    return bool(actors and recipients) and actors[0].sector == "IGO" \
        and all(r.code == actors[0].code for r in recipients)


def left_own_place(event: str, trigger: Token, actors: list[Mention], rpath: str,
                   roles: RoleFinder) -> tuple[list[Mention], str] | None:
    """"French troops left their last base in Chad": what forces leave that is their own is
    no target; the country it stands in is (PLOVER RETREAT, withdraw)."""
    if event != "RETREAT" or not actors or not rpath.startswith("dobj>owner"):
        return None
    obj = object_of(trigger)[0]
    m = roles.resolver.place_in([obj]) if obj is not None else None
    if m is None:  # "left their camp in Mali": the parser may hang the place on the verb
        found, _ = roles.fill("place:in", trigger, [])
        m = found[0] if found else None
    if m is None or m.code == actors[0].code:
        return None
    return [replace(m, sector=None)], "dobj>in-place"
