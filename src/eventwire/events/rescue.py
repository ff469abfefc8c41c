"""People saved are helped where they were saved: "soldiers rescued 190 passengers from the
train", "the Red Cross evacuated 300 civilians from Mariupol" (PLOVER AID, CAMEO 073)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.nominal import place_on
from eventwire.events.roles import RoleFinder, object_of
from eventwire.model import Mention

# Verbs of saving people from danger.
RESCUE_VERBS = {"rescue", "evacuate", "save", "airlift"}


def rescued_where(trigger: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """Saved people the text does not place by origin belong to the place named on the verb
    (any preposition of where: "from Mariupol", "in Sindh"), else to the country the story is
    about, the rescuer's own too: a state rescuing its people at home aids them."""
    if trigger.lemma_ not in RESCUE_VERBS or object_of(trigger)[0] is None:
        return [], ""
    m, where = place_on(trigger, roles)
    if m is not None:
        return [replace(m, sector="CVL")], f"rescued<{where}"
    e = roles.resolver.story_country(trigger, people=False)
    if e is None:
        return [], ""
    m = roles.resolver.mentions[e.mention]
    return [replace(m, sector="CVL", kind="implied", rule="rescued-story-country",
                    antecedent=e.mention)], "rescued<story-country"
