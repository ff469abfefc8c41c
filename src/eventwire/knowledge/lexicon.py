"""The trigger lexicon: words that signal PLOVER events, with their argument frames."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.ontology import Ontology, load_ontology
from eventwire.knowledge.wordclass import WordClasses, is_class_definition
from eventwire.knowledge.yamlfile import entry_line, load_entry_list

ROLE_RE = re.compile(r"^(subj|obj|dative|poss|mod|(prep|place):[a-z][a-z ]*)$")
REQUIRED = ("id", "trigger", "pos", "event")
# Particles and prepositions: a required word among these says less than a content word.
FUNCTION_WORDS = {"on", "off", "in", "out", "up", "down", "to", "for", "with", "against", "at",
                  "over", "from", "into", "back", "away", "about", "by", "under", "of", "through",
                  "forward", "around", "across", "upon", "onto", "toward", "towards", "after"}


@dataclass(frozen=True)
class TriggerEntry:
    """One way of saying an event: a head lemma, required dependents and a frame."""

    id: str
    trigger: str
    pos: str
    with_: tuple[str, ...]
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    symmetric: bool
    requires_recipient: bool
    source: str
    actor_sectors: tuple[str, ...] = ()  # empty: any actor; else only these (or unknown)
    intent: str | None = None  # the act meant, when how it is put recodes it (AGREE, THREATEN)


@dataclass
class Lexicon:
    """All trigger entries, indexed by (lemma, pos) for constant-time lookup per token."""

    entries: dict[str, TriggerEntry]
    index: dict[tuple[str, str], list[TriggerEntry]]

    def candidates(self, lemma: str, pos: str) -> list[TriggerEntry]:
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return len(self.entries)


def _roles(value: Any, path: str, line: int | None, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeFileError(path, f"'{field}' must be a list of roles", line)
    for role in value:
        if not ROLE_RE.match(role):
            raise KnowledgeFileError(
                path, f"unknown role {role!r} in '{field}' (use subj, obj, dative, poss, mod, "
                f"prep:WORD or place:WORD)", line)
    return tuple(value)


def _strings(value: Any, path: str, line: int | None, field: str) -> list[str]:
    """A string or a list of strings, or one clear error naming the field."""
    value = value or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeFileError(path, f"'{field}' must be a string or a list of strings", line)
    return value


def parse_entry(raw: dict[str, Any], path: str, ontology: Ontology) -> TriggerEntry:
    """Validate one raw YAML entry against the schema and the ontology."""
    line = entry_line(raw)
    for key in REQUIRED:
        if not raw.get(key):
            raise KnowledgeFileError(path, f"entry is missing '{key}'", line)
    event = str(raw["event"]).upper()
    if event not in ontology.categories:
        raise KnowledgeFileError(path, f"unknown event category {raw['event']!r}", line)
    mode = raw.get("mode") or None
    if mode is not None and not isinstance(mode, str):
        raise KnowledgeFileError(path, f"mode must be a string, not {mode!r}", line)
    if not ontology.valid_mode(event, mode):
        raise KnowledgeFileError(path, f"mode {mode!r} is not a PLOVER mode of {event}", line)
    pos = str(raw["pos"]).upper()
    if pos not in ("VERB", "NOUN"):
        raise KnowledgeFileError(path, f"pos must be VERB or NOUN, not {raw['pos']!r}", line)
    context = _strings(raw.get("context"), path, line, "context")
    unknown = [c for c in context if c not in ontology.contexts]
    if unknown:
        raise KnowledgeFileError(path, f"unknown context {unknown[0]!r}", line)
    with_ = _strings(raw.get("with"), path, line, "with")
    actor_sectors = _strings(raw.get("actor_sectors"), path, line, "actor_sectors")
    bad = [x for x in actor_sectors if x not in ontology.sectors]
    if bad:
        raise KnowledgeFileError(path, f"unknown sector {bad[0]!r} in 'actor_sectors' (use "
                                 f"{', '.join(sorted(ontology.sectors))})", line)
    cameo = str(raw.get("cameo") or ontology.categories[event].cameo)
    if not cameo.isdigit():
        raise KnowledgeFileError(path, f"cameo must be a digit string, not {cameo!r}", line)
    category = ontology.categories[event]
    return TriggerEntry(
        id=str(raw["id"]),
        trigger=str(raw["trigger"]).lower(),
        pos=pos,
        with_=tuple(str(w).lower() for w in with_),
        event=event,
        mode=mode,
        context=tuple(context),
        cameo=cameo,
        actor=_roles(raw.get("actor", ["subj"]), path, line, "actor") or ("subj",),
        recipient=_roles(raw.get("recipient", ["obj"]), path, line, "recipient"),
        symmetric=bool(raw.get("symmetric", False)),
        requires_recipient=bool(raw.get("requires_recipient", category.requires_recipient)),
        source=f"{Path(path).name}:{line}" if line else Path(path).name,
        actor_sectors=tuple(actor_sectors),
    )


def packaged_lexicon_files() -> list[Path]:
    """The lexicon files shipped inside the package, in a stable order."""
    folder = Path(str(resources.files("eventwire.knowledge") / "data" / "lexicon"))
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def packaged_class_file() -> Path:
    """The word classes shipped inside the package (data/word_classes.yaml)."""
    return Path(str(resources.files("eventwire.knowledge") / "data" / "word_classes.yaml"))


def load_lexicon(extra_files: Iterable[str | Path] = (), packaged: bool = True) -> Lexicon:
    """Load packaged and user lexicon files; a user entry with a known id replaces it (all of
    its class variants), a user class definition adds words to the class of that name."""
    ontology = load_ontology()
    shipped = [packaged_class_file(), *packaged_lexicon_files()] if packaged else []
    files = shipped + [Path(p) for p in extra_files]
    classes = WordClasses()
    raws: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in files:
        for raw in load_entry_list(path):
            if is_class_definition(raw):
                classes.add(raw, str(path))
            else:
                raws[str(raw.get("id"))] = (str(path), raw)
    entries = _expanded([(path, entry_line(raw), parse_entry(raw, path, ontology))
                         for path, raw in raws.values()], classes)
    index: dict[tuple[str, str], list[TriggerEntry]] = defaultdict(list)
    for entry in entries.values():
        index[(entry.trigger, entry.pos)].append(entry)
    # Entries with more required dependents (content words before particles: "moved
    # missiles into" is about missiles before it is about "into"), or a narrower actor,
    # are more specific: first.
    for lst in index.values():
        lst.sort(key=lambda e: (-len(e.with_), -sum(w not in FUNCTION_WORDS for w in e.with_),
                                not e.actor_sectors))
    return Lexicon(entries=entries, index=dict(index))


def _expanded(parsed: list[tuple[str, int | None, TriggerEntry]], classes: WordClasses
              ) -> dict[str, TriggerEntry]:
    """Entries with their class references replaced by every word of the class; a variant
    that an entry lists word for word gives way to it (the listed entry says more)."""
    listed = {(e.trigger, e.pos, e.with_) for _, _, e in parsed}
    entries: dict[str, TriggerEntry] = {}
    for path, line, entry in parsed:
        for trigger, with_, suffix in classes.variants(entry.trigger, entry.with_, path, line):
            if suffix and (trigger, entry.pos, with_) in listed:
                continue
            entries[entry.id + suffix] = replace(entry, id=entry.id + suffix, trigger=trigger,
                                                 with_=with_)
    return entries
