"""Integrity of the shipped trigger lexicon (data/lexicon/*.yaml), checked without spaCy."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

LEXICON_DIR = (Path(__file__).resolve().parents[1] / "src" / "eventwire" / "knowledge" / "data"
               / "lexicon")

FIELDS = {
    "id", "trigger", "pos", "with", "event", "mode", "context", "cameo", "actor", "recipient",
    "symmetric", "requires_recipient", "example",
}
OPTIONAL_FIELDS = {"actor_sectors"}
CLASS_FILE = LEXICON_DIR.parent / "word_classes.yaml"

# Modes per category, PLOVER manual draft 2.0 (tables 3.1-3.11); categories absent have none.
MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    },
    "ASSAULT": {
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    },
}

CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
}

ROLE = re.compile(r"^(subj|obj|dative|poss|mod|(prep|place):[a-z]+)$")
LEMMA = re.compile(r"^[a-z][a-z'é-]*$")
CLASS_REF = re.compile(r"^@[a-z][a-z0-9_]*$")  # a word class of data/word_classes.yaml
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}


@pytest.fixture(scope="module")
def files() -> dict[str, list[dict[str, Any]]]:
    """Every lexicon file, parsed, keyed by its category (the file stem, upper-cased)."""
    paths = sorted(LEXICON_DIR.glob("*.yaml"))
    assert paths, f"no lexicon files in {LEXICON_DIR}"
    return {p.stem.upper(): yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            for p in paths}  # libyaml: the same data as safe_load, 10x sooner


@pytest.fixture(scope="module")
def entries(files: dict[str, list[dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """(category of the file, entry) for every entry of every file."""
    return [(cat, e) for cat, es in files.items() for e in es]


def test_one_file_per_category(files: dict[str, list[dict[str, Any]]]) -> None:
    assert set(files) == set(MODES)
    for cat, es in files.items():
        assert isinstance(es, list) and es, f"{cat.lower()}.yaml is empty or not a list"


def test_enough_entries(entries: list[tuple[str, dict[str, Any]]]) -> None:
    assert len(entries) >= 600


def test_fields_exact(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for _, e in entries:
        extra = set(e) - FIELDS - OPTIONAL_FIELDS
        assert FIELDS <= set(e) and not extra, f"{e.get('id')}: fields {sorted(set(e) ^ FIELDS)}"


def test_ids_unique(entries: list[tuple[str, dict[str, Any]]]) -> None:
    dup = [i for i, n in Counter(e["id"] for _, e in entries).items() if n > 1]
    assert not dup, f"duplicate ids: {dup}"


def test_event_matches_file(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for cat, e in entries:
        assert e["event"] == cat, f"{e['id']}: event {e['event']} in {cat.lower()}.yaml"
        assert e["id"].startswith(cat.lower() + "-"), e["id"]


def test_modes_valid(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for cat, e in entries:
        assert e["mode"] is None or e["mode"] in MODES[cat], f"{e['id']}: mode {e['mode']!r}"


def test_every_manual_mode_covered(entries: list[tuple[str, dict[str, Any]]]) -> None:
    used: dict[str, set[str]] = {cat: set() for cat in MODES}
    for cat, e in entries:
        if e["mode"] is not None:
            used[cat].add(e["mode"])
    missing = {cat: sorted(MODES[cat] - used[cat]) for cat in MODES if MODES[cat] - used[cat]}
    assert not missing, f"modes with no entry: {missing}"


def test_trigger_and_with_are_lemmas(entries: list[tuple[str, dict[str, Any]]]) -> None:
    classes = {c["class"] for c in yaml.safe_load(CLASS_FILE.read_text(encoding="utf-8"))}
    for _, e in entries:
        assert isinstance(e["trigger"], str) and (LEMMA.match(e["trigger"]) or (
            CLASS_REF.match(e["trigger"]) and e["trigger"][1:] in classes)), e["id"]
        assert isinstance(e["with"], list), e["id"]
        for w in e["with"]:
            # YAML 1.1 turns bare on/off/yes/no into booleans: they must be quoted in the file.
            assert isinstance(w, str) and (LEMMA.match(w) or (
                CLASS_REF.match(w) and w[1:] in classes)), f"{e['id']}: with {w!r}"
        assert e["pos"] in ("VERB", "NOUN"), f"{e['id']}: pos {e['pos']!r}"


def test_roles_allowed(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for _, e in entries:
        assert isinstance(e["actor"], list) and e["actor"], f"{e['id']}: no actor role"
        assert isinstance(e["recipient"], list), e["id"]
        for r in e["actor"] + e["recipient"]:
            assert isinstance(r, str) and ROLE.match(r), f"{e['id']}: role {r!r}"


def test_cameo_and_contexts(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for _, e in entries:
        cameo = e["cameo"]
        assert isinstance(cameo, str) and cameo.isdigit() and 3 <= len(cameo) <= 4, e["id"]
        assert isinstance(e["context"], list), e["id"]
        for c in e["context"]:
            assert c in CONTEXTS, f"{e['id']}: context {c!r}"


def test_flags_and_recipient_rule(entries: list[tuple[str, dict[str, Any]]]) -> None:
    for cat, e in entries:
        assert isinstance(e["symmetric"], bool), e["id"]
        assert isinstance(e["requires_recipient"], bool), e["id"]
        if cat in NEEDS_RECIPIENT:
            assert e["requires_recipient"] is True, f"{e['id']}: {cat} needs a recipient"
        if e["requires_recipient"]:
            assert e["recipient"], f"{e['id']}: requires a recipient but names no role"


def test_examples_are_sentences(entries: list[tuple[str, dict[str, Any]]]) -> None:
    """Every entry carries a one-sentence example showing its frame."""
    for _, e in entries:
        ex = e["example"]
        assert isinstance(ex, str) and ex[:1].isupper() and ex.endswith("."), e["id"]
        assert len(ex.split()) >= 3, e["id"]


def test_no_two_entries_share_a_pattern_within_a_file(
    files: dict[str, list[dict[str, Any]]],
) -> None:
    for cat, es in files.items():
        keys = Counter((e["trigger"], e["pos"], tuple(sorted(e["with"]))) for e in es)
        dup = [k for k, n in keys.items() if n > 1]
        assert not dup, f"{cat.lower()}.yaml repeats trigger patterns: {dup}"
