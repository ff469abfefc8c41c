"""Within-document coreference: which earlier referent a pronoun or description points to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
WINDOW = 4  # sentences a pronoun or description may reach back


@dataclass
class Entity:
    """A discourse referent that later mentions may point back to."""

    mention: int
    code: str | None
    sector: str | None
    name: str | None
    person: bool
    plural: bool
    sentence: int
    key: str | None = None  # identity across mentions: canonical name or surname
    subject: bool = False
    quoted: bool = False
    members: tuple[int, ...] = field(default_factory=tuple)  # mention indices of a group
    head_lemma: str | None = None


class Discourse:
    """The referents of one document in reading order, with a salience model for pronouns."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []

    def add(self, entity: Entity) -> None:
        self.entities.append(entity)

    def salient(self, sentence: int, inside_quote: bool, fits: Callable[[Entity], bool],
                as_subject: bool = False) -> Entity | None:
        """Subjects, repeated and recent referents score higher; quotes do not bind outside."""
        counts: dict[str | None, int] = {}
        best, best_score = None, float("-inf")
        for k, e in enumerate(self.entities):
            if sentence - e.sentence > WINDOW or not fits(e) or (e.quoted and not inside_quote):
                continue
            ident = e.key or e.name or e.code
            counts[ident] = counts.get(ident, 0) + 1
            score = (2.5 if e.subject else 0.0) + (1.0 if e.subject and as_subject else 0.0) \
                - 0.7 * (sentence - e.sentence) + 0.5 * min(counts[ident], 4) \
                + (1.0 if e.members else 0.0) + 0.001 * k
            if score >= best_score:
                best, best_score = e, score
        return best

    def latest(self, fits: Callable[[Entity], bool]) -> Entity | None:
        """The latest fitting referent, however far back: a named institution's own noun."""
        return next((e for e in reversed(self.entities) if fits(e)), None)

    def recent(self, sentence: int, fits: Callable[[Entity], bool]) -> Entity | None:
        """The latest fitting referent within the window."""
        for e in reversed(self.entities):
            if sentence - e.sentence > WINDOW:
                return None
            if fits(e):
                return e
        return None

    def pronoun(self, word: str, sentence: int, inside_quote: bool, as_subject: bool = False,
                excluded: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """The referent of a third-person pronoun, never one of the `excluded` names."""
        if word in PERSON_PRONOUNS:
            fits: Callable[[Entity], bool] = lambda e: e.person and not e.members  # noqa: E731
        elif word in PLURAL_PRONOUNS:
            fits = lambda e: bool(e.members) or e.plural or (  # noqa: E731
                not e.person and e.code is not None)
        elif word in THING_PRONOUNS:
            fits = lambda e: not e.person and not e.plural and not e.members  # noqa: E731
        else:
            return None
        if excluded:
            base = fits
            fits = lambda e: base(e) and (e.name or e.code or "") not in excluded  # noqa: E731
        return self.salient(sentence, inside_quote, fits, as_subject)

    def last_states(self, n: int, persons: bool = False) -> list[Entity]:
        """The last n distinct states ("the two countries") or leaders ("the two leaders")."""
        out: list[Entity] = []
        for e in reversed(self.entities):
            if e.code and e.person == persons and not e.members and \
                    e.code not in {x.code for x in out}:
                out.append(e)
            if len(out) == n:
                break
        return out

    def by_key(self, key: str) -> Entity | None:
        """The latest referent known by this key (a surname seen before)."""
        for e in reversed(self.entities):
            if e.key == key:
                return e
        return None
