"""Events named by a noun whose parties sit outside its own phrase: help someone receives
("has the backing of India", "with support from Britain"), an act carried by a noun of effort
("launched a mediation effort", "began relief operations"), a measure on goods or travel
from a country ("tariffs on steel from Europe", "restrictions on travel from India"), protests
that something sparked or that broke out ("the ruling sparked protests"), a body's session
that those who acted at it attended ("criticised Haiti at a Security Council meeting")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.arrival import arrival_place
from eventwire.events.roles import SUPPORT_VERBS, RoleFinder, subject_of
from eventwire.events.unrest import shaken_place, spell
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# Events one party gives another: the one who receives them is not who gives them.
GIVEN_EVENTS = {"SUPPORT", "AID", "COOPERATE"}
# Verbs whose subject receives what their object noun names: "has / won / secured the backing
# of India", "received assistance from Japan".
RECEIVING_VERBS = {"have", "receive", "get", "enjoy", "win", "gain", "secure", "obtain",
                   "garner", "earn", "attract", "accept", "rely", "count", "depend"}
# Where a giver is named on the noun: "the backing of India", "help from Japan", "US support".
GIVER_ROLES = ("poss", "mod", "prep:of", "prep:from", "prep:by")
# Nouns of effort that carry the act a noun before them names: "a mediation effort", "relief
# operations", "an aid programme", "a protest campaign".
EFFORT_NOUNS = {"effort", "operation", "mission", "campaign", "programme", "program",
                "initiative", "drive", "bid", "process", "work", "activity"}
# Verbs (and their nouns) that take a measure away: "lifted martial law", "the lifting of".
EASING_VERBS = {"lift", "ease", "relax", "end", "scrap", "remove", "rescind", "repeal",
                "revoke", "waive", "drop", "cancel", "loosen", "lifting", "easing"}
# What help is packed in: "a security assistance package for Kyiv", "a tranche of aid".
HELP_HOLDERS = {"package", "tranche", "shipment", "consignment", "batch", "convoy"}
# Prepositions by which an act happens at a gathering: "spoke at a UN Security Council session".
AT_GATHERING = {"at", "during"}
# Verbs by which one speaks to a gathering: "told / addressed an AU summit".
ADDRESSING_VERBS = {"tell", "address", "brief"}
# Forces belong to whoever moves them: "the withdrawal of U.S. troops", "a pullout of Kenyan
# soldiers" (data/word_classes.yaml `forces`, and the crews and craft they move in).
FORCE_NOUNS = {"troop", "force", "soldier", "unit", "contingent", "battalion", "brigade",
               "army", "peacekeeper", "personnel", "warship", "jet", "marine"}
MOVING_FORCES = {"RETREAT", "MOBILIZE"}
# Verbs by which something brings on a protest: "the ruling sparked protests".
CAUSING_VERBS = {"spark", "trigger", "prompt", "provoke", "draw", "fuel", "ignite", "cause",
                 "unleash", "spur", "stir", "inflame", "reignite"}
# Verbs by which a protest named as their subject goes on: "protests erupted".
OCCURRING_VERBS = {"erupt", "break", "continue", "spread", "begin", "start", "grow", "rage",
                   "escalate", "resume", "intensify", "persist", "flare", "swell", "enter"}
# A protest as the setting of another act: "despite protests", "after weeks of protests".
BACKDROP_PREPS = {"despite", "amid", "after", "following", "during"}
# People who protest as a crowd, whom the text need not place: "thousands took to the streets".
CROWD_NOUNS = {"people", "thousand", "hundred", "dozen", "million", "crowd", "protester",
               "demonstrator", "marcher", "supporter", "resident", "citizen", "villager",
               "student", "worker", "farmer", "teacher", "activist", "voter", "youth",
               "employee", "opponent", "legislator", "lawmaker", "mp", "doctor", "nurse"}
CROWD_SECTORS = {"CVL", "EDU", "LAB", "AGR", "MED", "OPP", "LEG", "REL", "JRN", "BUS", "REF"}
# Prepositions of where a crowd is: "marched through Minsk", "rallied outside parliament in X".
WHERE_PREPS = {"in", "at", "through", "across", "throughout", "outside", "around", "near",
               "into", "on", "to", "along", "from"}
PLACE_MENTIONS = {"country", "metonym", "place"}  # not "the Israeli embassy" (a demonym)
# Verbs of a purpose clause that name whom help is for: "provided equipment to assist the police".
HELPING_VERBS = {"help", "assist", "support", "aid", "strengthen", "bolster", "equip", "train",
                 "rebuild", "feed", "relieve", "shore"}
# Measures that land on the origin of the goods or people they are on.
ORIGIN_EVENTS = {"SANCTION", "COERCE"}

Roles = tuple[list[Mention], str, list[Mention], str]


def _receiver(noun: Token) -> tuple[Token, str] | None:
    """The verb whose subject receives a noun of help, and how the noun hangs off it."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in RECEIVING_VERBS:
        return head, "dobj<"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ == "on" and verb.lemma_ in RECEIVING_VERBS:  # "relies on US aid"
            return verb, "on<"
        if head.lower_ == "with" and verb.pos_ in ("VERB", "AUX") and \
                any(c.dep_ in ("prep", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN"
                    or c.dep_ == "amod" for c in noun.children):
            return verb, "with<"  # "With support from Britain, WFP delivered ..."
    return None


def received_help(entry: TriggerEntry, trigger: Token, roles: RoleFinder) -> Roles | None:
    """"The plan has the backing of India", "Kenya received assistance from Japan", "with
    support from Britain, the agency delivered": the giver named on the noun acts, the
    subject of the receiving verb (or of the clause) receives."""
    if trigger.pos_ not in ("NOUN", "PROPN") or entry.event not in GIVEN_EVENTS:
        return None
    found = _receiver(trigger)
    if found is None:
        return None
    verb, how = found
    givers, gpath = [], ""
    for role in GIVER_ROLES:
        givers, gpath = roles.fill(role, trigger, [])
        if givers:
            break
    if not givers:
        return None
    tok, path = subject_of(verb)
    takers: list[Mention] = []
    if tok is not None:
        # "the proposed deal has the backing of India": a thing's parties receive it
        takers = roles.resolver.resolve(tok) or roles.owners(tok)
    giving = {m.code for m in givers}
    takers = [m for m in takers if m.code not in giving]
    return givers, f"{gpath}+received", takers, f"{how}{path}" if takers else ""


def _attendee_tokens(noun: Token) -> tuple[list[Token], str]:
    """Who acts at a gathering: the subject of the verb it is at (or that tells it), or the
    people it is at ("representatives at a Security Council meeting")."""
    head = noun.head
    if noun.dep_ in ("dobj", "dative") and head.lemma_ in ADDRESSING_VERBS:
        tok, path = subject_of(head)  # "told an African Union summit"
        return ([tok], f"{noun.dep_}<{path}") if tok is not None else ([], "")
    if noun.dep_ != "pobj" or head.lower_ not in AT_GATHERING:
        return [], ""
    if head.head.pos_ in ("VERB", "AUX"):
        tok, path = subject_of(head.head)
        return ([tok], f"{head.lower_}<{path}") if tok is not None else ([], "")
    if head.head.pos_ in ("NOUN", "PROPN"):
        people = head.head  # "A, B and C representatives at ...": the parser's apposition
        return [people, *([people.head] if people.dep_ == "appos" else [])], \
            f"{head.lower_}<noun"
    return [], ""


def attendance(entry: TriggerEntry, trigger: Token, roles: RoleFinder) -> Roles | None:
    """"X and Y criticised Haiti at a U.N. Security Council meeting", "told an African Union
    summit": whoever acts at a body's session takes part in it (codebook v2: X CONSULT
    (multilateral) the body, never back, only where the participation is stated)."""
    if entry.event != "CONSULT" or trigger.pos_ != "NOUN":
        return None
    toks, path = _attendee_tokens(trigger)
    if not toks:
        return None
    bodies, bpath = [], ""
    for role in ("mod", "poss", "prep:of"):
        bodies, bpath = roles.fill(role, trigger, [])
        if bodies:
            break
    bodies = [m for m in bodies if m.sector == "IGO"]
    codes = {m.code for m in bodies}
    members = next((found for t in toks if (found := [
        m for m in roles.resolver.resolve(t) if m.code not in codes])), [])
    if not bodies or not members:
        return None
    return members, path, bodies, f"session<{bpath}"


def effort_carrier(trigger: Token) -> Token | None:
    """"launched a mediation effort", "began relief operations": the noun of effort that
    carries a noun-named act, whose verb and phrase name its parties."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("compound", "amod", "nmod") \
            and trigger.head.lemma_ in EFFORT_NOUNS and trigger.head.i > trigger.i:
        return trigger.head
    return None


def help_carrier(entry: TriggerEntry, trigger: Token) -> Token | None:
    """"announced $20 million in emergency assistance for Haiti", "a new security assistance
    package for Kyiv": help named inside an amount or a package is given by whoever gives,
    pledges or announces the amount (the verb) or the package (the noun)."""
    if entry.event != "AID" or trigger.pos_ != "NOUN":
        return None
    head = trigger.head
    if trigger.dep_ in ("compound", "nmod") and head.lemma_ in HELP_HOLDERS \
            and head.i > trigger.i:
        return head
    amount = head.head if trigger.dep_ == "pobj" and head.lower_ in ("in", "of") else None
    if amount is not None and amount.ent_type_ == "MONEY" and amount.dep_ == "dobj" \
            and amount.head.lemma_ in SUPPORT_VERBS:
        return amount.head
    return None


def lifted_measure(entry: TriggerEntry, trigger: Token) -> bool:
    """"lifted martial law", "eased its blockade of Gaza", "the lifting of the curfew": a
    coercive measure named as what is lifted is not imposed (the lifting is its own event)."""
    if entry.event not in ("COERCE", "SANCTION") or trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    if trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_ in EASING_VERBS:
        return True
    return trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in EASING_VERBS


def forces_owner(entry: TriggerEntry, trigger: Token, words: list[Token], roles: RoleFinder
                 ) -> tuple[list[Mention], str]:
    """"the ongoing withdrawal of U.S. and NATO troops", "the deployment of French soldiers":
    a noun-named movement of forces is made by whoever the forces belong to (never an
    attack: "the killing of Russian soldiers" is done to them)."""
    if trigger.pos_ != "NOUN" or entry.event not in MOVING_FORCES:
        return [], ""
    moved = [*words] + [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
    for word in moved:
        if word.lemma_.lower() in FORCE_NOUNS:
            found = [m for c in word.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                     and c.i < word.i for m in roles.resolver.resolve_modifier(c)]
            if found:
                return found, "forces-owner"
    return [], ""


def story_crowd(entry: TriggerEntry, trigger: Token, roles: RoleFinder
                ) -> tuple[list[Mention], str]:
    """"The ruling sparked protests", "protests erupted on Monday" (no place named): the
    people of the country the story is about protest."""
    if entry.event != "PROTEST":
        return [], ""
    if trigger.pos_ in ("VERB", "AUX") or trigger.dep_ == "amod":
        return crowd_protest(trigger, roles)
    if trigger.pos_ != "NOUN":
        return [], ""
    shaken = shaken_place(trigger, roles)  # "Serbia saw protests", "was rocked by protests"
    if shaken is not None:
        return [replace(shaken, sector="CVL")], "crowd<shaken-place"
    held = spell(trigger)
    if not (trigger.dep_ == "dobj" and trigger.head.lemma_ in CAUSING_VERBS
            or trigger.dep_ == "nsubj" and trigger.head.lemma_ in OCCURRING_VERBS
            or held.dep_ == "pobj" and held.head.lower_ in BACKDROP_PREPS):
        return [], ""
    found, path = roles.fill("place:in", trigger.head, [])
    if not found:
        m, where = place_on(trigger.head, roles)  # "protests spread across Senegal"
        found, path = ([m], where) if m is not None else ([], "")
    if found:
        return [replace(m, sector="CVL") for m in found], f"crowd<{path}"
    return _story_people(trigger, roles, "CVL")


def crowd_protest(trigger: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """"Thousands took to the streets of Khartoum", "demonstrators marched through Minsk",
    "protesting legislators": people the text does not place protest where the clause says
    they are (any place under a preposition of where), else in the story's country."""
    crowd, path = (trigger.head, "amod") if trigger.dep_ == "amod" else subject_of(trigger)
    if crowd is None or crowd.lemma_.lower() not in CROWD_NOUNS:
        return [], ""
    sector = _crowd_sector(crowd, roles)
    acting = crowd.head if path == "amod" else trigger  # "striking nurses blocked the road"
    m, where = place_on(acting, roles)
    if m is not None:
        return [replace(m, sector=sector)], f"crowd<{path}+{where}"
    return _story_people(trigger, roles, sector)


def place_on(verb: Token, roles: RoleFinder) -> tuple[Mention | None, str]:
    """The country of a place named under a preposition of where on a verb or on its object
    ("marched through Minsk", "blocked roads across India"); place names only, never a
    demonym ("outside the Israeli embassy in Ankara" is in Turkey)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for h in (verb, *objects) for c in h.children
                 if c.dep_ == "prep" and c.lower_ in WHERE_PREPS):
        for t in prep.subtree:
            m = roles.resolver.resolve_place(t) if t.pos_ == "PROPN" else None
            if m is not None and m.kind in PLACE_MENTIONS:
                return m, f"prep:{prep.lower_}"
    return None, ""


def aid_destination(trigger: Token, words: list[Token], roles: RoleFinder,
                    actors: list[Mention]) -> tuple[list[Mention], str]:
    """"The UN said it was sending food" in a story about floods in Pakistan, "reached 3
    million people in Somalia with food", "sent medicine to hospitals in Sudan": help that
    names no receiver goes to where the people or places given to are, or to the place its
    clause names, else, when a giving verb names what is given, to the country the story is
    about (never the giver's own; "funded the studies" names no help given)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    own = frozenset(a.code or "" for a in actors)
    for prep in (c for c in verb.children if c.dep_ in ("prep", "dative")
                 and c.lower_ in ("to", "for")):
        # "sent medicine to hospitals in Sudan": the people or places given to are there
        for pobj in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"):
            m = roles.resolver.place_in([pobj])
            if m is not None and m.code not in own:
                return [replace(m, sector=None)], f"prep:{prep.lower_}>in-place"
    m, where = place_on(verb, roles)
    if m is None:  # "Turkish aid reached Syria"
        m, where = arrival_place(trigger, roles, own)
    if m is not None and m.code not in own:
        return [replace(m, sector=None)], f"aid-to<{where}"
    if verb is not trigger or not words:
        return [], ""
    e = roles.resolver.story_country(trigger, people=False, other_than=own)
    if e is None:
        return [], ""
    m = roles.resolver.mentions[e.mention]
    return [replace(m, sector=None, kind="implied", rule="aid-story-country",
                    antecedent=e.mention)], "aid-to<story-country"


def _crowd_sector(crowd: Token, roles: RoleFinder) -> str:
    """"students" march as EDU, "opposition supporters" as OPP, "thousands of people" as CVL."""
    counted = [p for c in crowd.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    for noun in (crowd, *counted):
        for m in roles.resolver.resolve(noun, coded_only=False):
            if m.sector in CROWD_SECTORS:
                return m.sector
    return "CVL"


def _story_people(trigger: Token, roles: RoleFinder, sector: str
                  ) -> tuple[list[Mention], str]:
    """The people of the country the last sentences are about, if one was named."""
    e = roles.resolver.story_country(trigger, people=False)
    if e is None:
        return [], ""
    m = roles.resolver.mentions[e.mention]
    return [replace(m, sector=sector, kind="implied", rule="story-crowd", antecedent=e.mention)
            ], "crowd<story-country"


def nominal_recipient(entry: TriggerEntry, trigger: Token, words: list[Token],
                      roles: RoleFinder) -> tuple[list[Mention], str]:
    """Targets named outside a measure's or protest's own frame."""
    found, path = origin_recipient(entry, trigger, words, roles)
    if not found:
        found, path = purpose_recipient(entry, trigger, roles)
    if found or entry.event != "PROTEST" or trigger.dep_ != "dobj" \
            or trigger.head.lemma_ not in CAUSING_VERBS:
        return found, path
    # "Beijing's ruling sparked protests": protesters protest whoever brought it on
    tok, path = subject_of(trigger.head)
    if tok is None:
        return [], ""
    found = roles.resolver.resolve(tok) or roles.owners(tok)
    return found, f"cause<{path}" if found else ""


def helping_deployment(entry: TriggerEntry, trigger: Token) -> TriggerEntry:
    """"sent troops to Mozambique to help fight insurgents", "will deploy police to Haiti to
    assist": forces sent to help another are aid to it (PLOVER AID, CAMEO 074 peacekeeping),
    received where they go or by whom the purpose clause helps; other deployments mobilize."""
    if entry.event != "MOBILIZE" or trigger.pos_ != "VERB" or not any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_ in HELPING_VERBS and
            any(m.lower_ == "to" for m in c.children) for c in trigger.children):
        return entry
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if not any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") and any(
            p.dep_ == "pobj" and p.pos_ == "PROPN" for p in c.children)
            for h in heads for c in h.children):
        return entry  # "deploy along the border to help": forces moved at home
    return replace(entry, event="AID", mode=None, cameo="074", id=f"{entry.id}+help",
                   recipient=("prep:to", *entry.recipient), requires_recipient=True)


def purpose_recipient(entry: TriggerEntry, trigger: Token, roles: RoleFinder
                      ) -> tuple[list[Mention], str]:
    """"provided training and equipment to assist the Haitian police", "sent money to help
    Somalia's army", "offered $5 million to help Sri Lanka": help given or offered is for whom
    its purpose clause helps."""
    if entry.event not in ("AID", "AGREE"):
        return [], ""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    verbs = (verb, *verb.conjuncts)
    # the parser may hang the clause on the thing given: "donated ambulances to support X"
    things = [c for v in verbs for c in v.children if c.dep_ == "dobj"]
    clauses = [c for h in (*verbs, *things) for c in h.children
               if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_ in HELPING_VERBS]
    for clause in clauses:
        found, path = roles.fill("obj", clause, [])
        # "to help Sri Lanka recover": the helped is the subject of the clause it governs
        helped = [s for c in clause.children if c.dep_ in ("ccomp", "xcomp")
                  for s in c.children if s.dep_ == "nsubj"]
        found, path = (found, path) if found or not helped else (
            roles.resolver.resolve(helped[0]), "ccomp>nsubj")
        if found:
            return found, f"purpose>{path}"
    return [], ""


def origin_recipient(entry: TriggerEntry, trigger: Token, words: list[Token],
                     roles: RoleFinder) -> tuple[list[Mention], str]:
    """"tariffs on steel from Europe", "restrictions on all travel from India": a measure on
    goods or people lands on the country they come from."""
    if entry.event not in ORIGIN_EVENTS:
        return [], ""
    holders = (trigger, *words)
    ons = [p for h in holders for p in h.children
           if p.dep_ == "prep" and p.lower_ in ("on", "against")]
    things = [c for on in ons for p in on.children if p.dep_ == "pobj" for c in (p, *p.conjuncts)]
    # "duties on steel from Korea": the parser may hang the from-phrase on the verb or measure
    for source in [s for t in (*things, *holders) for s in t.children
                   if s.dep_ == "prep" and s.lower_ == "from"] if ons else []:
        found = [m for p in source.children if p.dep_ == "pobj"
                 for m in roles.resolver.resolve(p)]
        if found:
            return found, f"prep:{ons[0].lower_}>from"
    return [], ""
