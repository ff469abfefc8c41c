"""The on-disk knowledge cache: exact round trips, rebuilt when an input changes, --no-cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runs import Run, side_by_side
from eventwire.knowledge import cache as knowledge_cache
from eventwire.knowledge import codec as knowledge_codec
from eventwire.knowledge import loader as knowledge
from eventwire.knowledge import placenames as places
from eventwire.knowledge.place_index import read_places, write_places

SENTENCE = "Russia's foreign minister Sergei Lavrov met Iranian officials in Tehran on Tuesday."


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder and empty per-process caches, restored afterwards."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(knowledge_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(knowledge_cache.NO_CACHE_ENV, raising=False)
    monkeypatch.delenv("EVENTWIRE_ACTORS", raising=False)
    knowledge._cached.cache_clear()
    yield folder
    knowledge._cached.cache_clear()


def test_a_cold_load_stores_an_exact_round_trip_and_a_damaged_entry_is_rebuilt(
        cache_dir: Path):
    built = knowledge.load_knowledge()  # built from the YAML, then written by the codec
    (entry,) = cache_dir.glob("knowledge-*.json")
    back = knowledge_codec.read_knowledge(entry)
    assert back.ontology == built.ontology
    assert list(back.lexicon.entries.items()) == list(built.lexicon.entries.items())
    assert list(back.lexicon.index.items()) == list(built.lexicon.index.items())
    gaz, old = back.gazetteer, built.gazetteer
    assert list(gaz.aliases.items()) == list(old.aliases.items())
    assert (gaz.capitals, gaz.names, gaz.demonyms, gaz.countries) == \
        (old.capitals, old.names, old.demonyms, old.countries)
    assert sorted(gaz.automaton.keys()) == sorted(old.automaton.keys())
    lavrov = gaz.lookup("Sergei Lavrov")
    assert lavrov is not None and lavrov.offices == old.lookup("Sergei Lavrov").offices

    entry.write_text('{"ontology": 1', encoding="utf-8")  # one build serves both checks
    knowledge._cached.cache_clear()
    again = knowledge.load_knowledge()
    assert list(again.lexicon.entries) == list(built.lexicon.entries)
    assert entry.read_text(encoding="utf-8").startswith('{"ontology":{')


def test_place_index_answers_as_the_built_gazetteer(tmp_path: Path):
    built = places.build_gazetteer()
    write_places(built, tmp_path / "p.sqlite")
    back = read_places(tmp_path / "p.sqlite")
    keys = list(built.index)
    for key in keys[::97] + ["moscow", "gaza", "donbas", "washington"]:
        assert back.index.get(key) == built.index.get(key), key
    assert back.index.get("no such place anywhere") is None
    assert len(back.index) == len(built.index)
    assert (back.countries, back.capitals, back.subdivisions) == \
        (built.countries, built.capitals, built.subdivisions)


def test_second_load_reads_the_cache_and_a_changed_user_file_rebuilds(cache_dir: Path,
                                                                       tmp_path: Path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("countries:\n  - code: RUS\n    metonyms: [the Zork Palace]\n",
                     encoding="utf-8")
    first = knowledge.load_knowledge([extra])
    assert first.gazetteer.lookup("the Zork Palace").code == "RUS"
    files = sorted(p.name for p in cache_dir.iterdir())
    assert len([f for f in files if f.startswith("knowledge-")]) == 1
    assert cache_dir.stat().st_mode & 0o077 == 0  # private: folder and files
    assert all(p.stat().st_mode & 0o077 == 0 for p in cache_dir.iterdir())
    knowledge._cached.cache_clear()
    again = knowledge.load_knowledge([extra])  # from the file this time
    assert list(again.gazetteer.aliases.items()) == list(first.gazetteer.aliases.items())

    extra.write_text("countries:\n  - code: IRN\n    metonyms: [the Zork Palace]\n",
                     encoding="utf-8")
    knowledge._cached.cache_clear()
    changed = knowledge.load_knowledge([extra])
    assert changed.gazetteer.lookup("the Zork Palace").code == "IRN"
    assert len(list(cache_dir.glob("knowledge-*.json"))) == 2


def test_fingerprint_follows_every_input(tmp_path: Path):
    user = tmp_path / "a.yaml"
    user.write_text("[]\n", encoding="utf-8")
    base = knowledge_cache.fingerprint([user])
    assert knowledge_cache.fingerprint([user]) == base
    assert knowledge_cache.fingerprint([]) != base
    assert knowledge_cache.fingerprint([user], libraries=["pycountry"]) != base
    user.write_text("[] \n", encoding="utf-8")
    assert knowledge_cache.fingerprint([user]) != base


def _code(*runs: tuple[Path, tuple[str, ...]]) -> list[subprocess.CompletedProcess[str]]:
    """`eventwire code` with each (cache folder, flags), side by side."""
    env = {k: v for k, v in os.environ.items() if k != knowledge_cache.NO_CACHE_ENV}
    return side_by_side(*(Run([sys.executable, "-m", "eventwire", "code", "-", "--published",
                               "2022-03-30", *flags], input=SENTENCE,
                              env={**env, knowledge_cache.CACHE_DIR_ENV: str(cache)})
                          for cache, flags in runs))


def test_no_cache_neither_reads_nor_writes_and_codes_the_same(tmp_path: Path):
    cache, unused = tmp_path / "cache", tmp_path / "unused"
    bypass, cold = _code((unused, ("--no-cache",)), (cache, ()))
    assert bypass.returncode == 0, bypass.stderr
    assert not unused.exists()
    assert cold.returncode == 0, cold.stderr
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["knowledge", "places"]
    (warm,) = _code((cache, ()))
    assert bypass.stdout == cold.stdout == warm.stdout
    assert '"event": "CONSULT"' in warm.stdout and '"name": "Tehran"' in warm.stdout


def test_least_recently_used_entries_are_pruned(cache_dir: Path):
    def never() -> dict:
        raise AssertionError("a cached entry was rebuilt")

    def store(key: str, build) -> dict:
        return knowledge_cache.cached("demo", key, build, knowledge_cache.write_json,
                                      knowledge_cache.read_json)

    assert store("often", lambda: {"n": 0}) == {"n": 0}
    for i in range(1, 25):
        assert store(f"once{i}", lambda i=i: {"n": i}) == {"n": i}
        assert store("often", never) == {"n": 0}  # read, so recently used
    kept = {p.name for p in cache_dir.glob("demo-*")}
    assert len(kept) == knowledge_cache.KEEP and "demo-often.json" in kept
    assert "demo-once1.json" not in kept and "demo-once24.json" in kept
