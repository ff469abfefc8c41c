"""Within-document coreference: which earlier referent a pronoun or description points to."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
GENDER = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she",
          "hers": "she", "herself": "she"}
WINDOW = 4  # sentences a pronoun or description may reach back
# Who fights a war: its "sides" may be one country's army and its rebels.
FIGHTING_SECTORS = {"MIL", "REB", "PRM", "UAF"}


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
    echo: bool = False  # a pronoun that continues this referent: counts for salience only
    depth: int = 0  # how many clauses down its sentence's main clause the referent stands

    @property
    def ident(self) -> str | None:
        """Who the referent is across mentions: its key, else its name or code."""
        return self.key or self.name or self.code


class Discourse:
    """The referents of one document in reading order, with a salience model for pronouns."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._sentences: list[int] = []  # each referent's sentence, for bisecting
        self._in_order = True  # referents come in reading order (checked as they are added)
        # Indexes, so that no lookup rescans every referent of a long document:
        self.by_mention: dict[int, list[Entity]] = {}
        self._by_key: dict[str, Entity] = {}
        self._by_lemma: dict[str | None, list[Entity]] = {}
        self.gender: dict[str, str] = {}  # ident -> "he" or "she", as the text referred to them

    def add(self, entity: Entity) -> None:
        if self.entities and entity.sentence < self.entities[-1].sentence:
            self._in_order = False
        self.entities.append(entity)
        self._sentences.append(entity.sentence)
        if entity.echo:
            return
        self.by_mention.setdefault(entity.mention, []).append(entity)
        if entity.key is not None:
            self._by_key[entity.key] = entity
        self._by_lemma.setdefault(entity.head_lemma, []).append(entity)

    def _window_start(self, sentence: int) -> int:
        """The first referent that may lie within the window of `sentence`: referents come in
        reading order (a group right after its members), so the scan back stops early."""
        start = len(self.entities)
        while start > 0 and self.entities[start - 1].sentence >= sentence - WINDOW - 3:
            start -= 1
        return start

    def salient(self, sentence: int, inside_quote: bool, fits: Callable[[Entity], bool],
                as_subject: bool = False) -> Entity | None:
        """Subjects, repeated and recent referents score higher; quotes do not bind outside."""
        counts: dict[str | None, int] = {}
        best, best_score = None, float("-inf")
        for k in range(self._window_start(sentence), len(self.entities)):
            e = self.entities[k]
            if sentence - e.sentence > WINDOW or not fits(e) or (e.quoted and not inside_quote):
                continue
            ident = e.ident
            counts[ident] = counts.get(ident, 0) + 1
            score = (2.5 if e.subject else 0.0) + (1.0 if e.subject and as_subject else 0.0) \
                - 0.7 * (sentence - e.sentence) + 0.5 * min(counts[ident], 4) \
                + (1.0 if e.members else 0.0) + 0.001 * k
            if score >= best_score:
                best, best_score = e, score
        return best

    def continued(self, entity: Entity, sentence: int, subject: bool, word: str,
                  quoted: bool, depth: int = 0) -> None:
        """A pronoun took up this referent: it stays salient (centering); its gender is known."""
        self.add(Entity(entity.mention, entity.code, entity.sector, entity.name, entity.person,
                        entity.plural, sentence, entity.key, subject, quoted,
                        entity.members, entity.head_lemma, echo=True, depth=depth))
        if entity.ident and word in GENDER and not entity.members:
            self.gender.setdefault(entity.ident, GENDER[word])

    def latest(self, head_lemma: str, fits: Callable[[Entity], bool]) -> Entity | None:
        """The latest fitting referent with this head noun, however far back: a named
        institution's own noun."""
        return next((e for e in reversed(self._by_lemma.get(head_lemma, [])) if fits(e)), None)

    def recent(self, sentence: int, fits: Callable[[Entity], bool]) -> Entity | None:
        """The latest fitting referent within the window, read back from `sentence`: a lookup
        made after the whole article was read does not walk every later referent first."""
        end = len(self.entities)
        if self._in_order and end and self._sentences[-1] > sentence:
            end = bisect.bisect_right(self._sentences, sentence)
        for k in range(end - 1, -1, -1):
            e = self.entities[k]
            if sentence - e.sentence > WINDOW:
                return None
            if not e.echo and fits(e):
                return e
        return None

    def pronoun(self, word: str, sentence: int, inside_quote: bool, as_subject: bool = False,
                excluded: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """The referent of a third-person pronoun, never one of the `excluded` names."""
        if word in PERSON_PRONOUNS:
            said = GENDER.get(word)
            fits: Callable[[Entity], bool] = lambda e: e.person and not e.members and (  # noqa: E731
                said is None or self.gender.get(e.ident or "", said) == said)
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
        if word in PERSON_PRONOUNS:
            subject = self._subject_before(sentence, inside_quote, fits, as_subject)
            if subject is not None:
                return subject
        return self.salient(sentence, inside_quote, fits, as_subject)

    def _subject_before(self, sentence: int, inside_quote: bool, fits: Callable[[Entity], bool],
                        as_subject: bool) -> Entity | None:
        """The person a pronoun continues: a subject of its own sentence ("Reyes told reporters
        he was calm"), else, for a subject pronoun, the subject of the latest sentence that had
        a person subject, before anyone named more often further back (centering). The subject
        of a higher clause comes before the subject of a clause it reports ("Dempsey said Ahern
        was committed. '...,' he said" is Dempsey)."""
        reach = WINDOW if as_subject else 0
        for at in range(sentence, sentence - reach - 1, -1):
            def subject(e: Entity, at: int = at) -> bool:
                return fits(e) and e.subject and e.sentence == at
            top = self.salient(sentence, inside_quote, subject, as_subject)
            if top is None:
                continue
            top_depth = min(e.depth for e in self.entities[self._window_start(sentence):]
                            if subject(e) and not (e.quoted and not inside_quote))
            return self.salient(sentence, inside_quote, lambda e, d=top_depth: subject(e)
                                and e.depth == d, as_subject)
        return None

    def last_states(self, n: int, persons: bool = False,
                    skip: set[str] | frozenset[str] = frozenset()) -> list[Entity]:
        """The last n distinct states ("the two countries") or leaders ("the two leaders")."""
        return self._latest_distinct(n, lambda e: e.person == persons and e.code not in skip,
                                     lambda e: e.code)

    def last_fighters(self, n: int, sentence: int,
                      skip: set[str] | frozenset[str] = frozenset()) -> list[Entity]:
        """The last n distinct armed parties ("both sides" of Sudan's war: its army and the
        RSF, one country in two sectors), within twice the window."""
        return self._latest_distinct(
            n, lambda e: not e.person and e.sector in FIGHTING_SECTORS and e.code not in skip,
            lambda e: (e.code, e.sector), stop=lambda e: sentence - e.sentence > 2 * WINDOW)

    def _latest_distinct(self, n: int, fits: Callable[[Entity], bool],
                         key: Callable[[Entity], object],
                         stop: Callable[[Entity], bool] = lambda e: False) -> list[Entity]:
        """The last n coded single referents that fit, one per key, read back until `stop`."""
        out: list[Entity] = []
        seen: set[object] = set()
        for e in reversed(self.entities):
            if stop(e):
                break
            if e.code and not e.echo and not e.members and fits(e) and key(e) not in seen:
                out.append(e)
                seen.add(key(e))
                if len(out) == n:
                    break
        return out

    def by_key(self, key: str) -> Entity | None:
        """The latest referent known by this key (a surname seen before)."""
        return self._by_key.get(key)
