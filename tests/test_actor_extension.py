"""User actor files (issue #3 item 4): --actors, EVENTWIRE_ACTORS, overrides, clear errors."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runs import Run, side_by_side
from eventwire.actors.resolver import ActorResolver
from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.gazetteer import Gazetteer, load_actor_file, load_gazetteer
from eventwire.knowledge.loader import load_knowledge
from eventwire.model import Mention

EVENTWIRE = Path(sys.executable).parent / "eventwire"

NEW_ACTORS = """\
# a person and a group the packaged files do not know
- name: Amara Tekle
  aliases: [Tekle]
  offices:
    - {code: ETH, sector: GOV, title: foreign minister, from: 2024-01-01}
- {code: MLI, sector: REB, names: [Red Dawn Brigade]}
"""

OVERRIDE = """\
groups:
  - {code: LBN, sector: PTY, names: [Hezbollah]}
"""

BAD_SECTOR = """\
- name: Amara Tekle
  offices:
    - {code: ETH, sector: GVT, from: 2024-01-01}
"""

BAD_YAML = """\
- {code: MLI, sector: REB, names: [Red Dawn Brigade]}
- {code: MLI, sector: REB, names: [Blue Dusk
- {code: MLI, sector: REB, names: [Green Noon]}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mentions(nlp, gaz: Gazetteer, text: str, date: str = "2024-05-01") -> list[Mention]:
    doc = nlp(text)
    return ActorResolver(doc, gaz, dt.date.fromisoformat(date)).mentions


def coded(found: list[Mention], word: str) -> set[tuple[str | None, str | None]]:
    """(code, sector) of the coded mentions whose text contains word."""
    return {(m.code, m.sector) for m in found if m.code and word in m.text}


@pytest.fixture(scope="module")
def user_gaz(tmp_path_factory) -> Gazetteer:
    """Packaged knowledge plus two user files (--actors is repeatable), loaded once."""
    folder = tmp_path_factory.mktemp("actors")
    files = [write(folder, "new.yaml", NEW_ACTORS), write(folder, "override.yaml", OVERRIDE)]
    return load_knowledge(actor_files=files).gazetteer


def test_user_file_adds_person_and_group(nlp, user_gaz):
    found = mentions(nlp, user_gaz, "Amara Tekle met the Red Dawn Brigade. Tekle said it helped.")
    assert coded(found, "Amara Tekle") == {("ETH", "GOV")}
    assert coded(found, "Red Dawn Brigade") == {("MLI", "REB")}
    assert {(m.code, m.sector) for m in found if m.text == "Tekle"} == {("ETH", "GOV")}


def test_packaged_knowledge_does_not_know_the_user_entries(nlp):
    found = mentions(nlp, load_knowledge().gazetteer, "Amara Tekle met the Red Dawn Brigade.")
    assert coded(found, "Amara Tekle") == set()
    assert coded(found, "Red Dawn Brigade") == set()


def test_user_file_overrides_packaged_entry(nlp, user_gaz):
    text = "Hezbollah won seats in Beirut."
    assert coded(mentions(nlp, load_knowledge().gazetteer, text), "Hezbollah") == {
        ("LBN", "REB")}
    assert coded(mentions(nlp, user_gaz, text), "Hezbollah") == {("LBN", "PTY")}


def test_env_var_adds_files(nlp, tmp_path, monkeypatch):
    a = write(tmp_path, "new.yaml", NEW_ACTORS)
    b = write(tmp_path, "override.yaml", OVERRIDE)
    monkeypatch.setenv("EVENTWIRE_ACTORS", os.pathsep.join([str(a), str(b)]))
    found = mentions(nlp, load_gazetteer(), "Amara Tekle warned Hezbollah.")
    assert coded(found, "Amara Tekle") == {("ETH", "GOV")}
    assert coded(found, "Hezbollah") == {("LBN", "PTY")}


def test_malformed_entry_names_file_and_line(tmp_path):
    bad = write(tmp_path, "bad.yaml", BAD_SECTOR)
    with pytest.raises(KnowledgeFileError) as err:
        load_actor_file(Gazetteer(), bad)
    message = str(err.value)
    assert str(bad) in message and ":3:" in message, message
    assert "GVT" in message, message


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    bad = write(tmp_path, "syntax.yaml", BAD_YAML)
    with pytest.raises(KnowledgeFileError) as err:
        load_actor_file(Gazetteer(), bad)
    assert str(bad) in str(err.value)
    assert err.value.line in (2, 3), str(err.value)


def test_missing_file_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeFileError, match="nowhere.yaml"):
        load_actor_file(Gazetteer(), tmp_path / "nowhere.yaml")


def test_env_var_bad_file_is_a_knowledge_error(tmp_path, monkeypatch):
    bad = write(tmp_path, "bad.yaml", BAD_SECTOR)
    monkeypatch.setenv("EVENTWIRE_ACTORS", str(bad))
    with pytest.raises(KnowledgeFileError, match="bad.yaml:3"):
        load_gazetteer()


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> dict[str, subprocess.CompletedProcess[str]]:
    """`eventwire actors` with a bad and with a good user file, run side by side."""
    folder = tmp_path_factory.mktemp("cli")
    bad = write(folder, "bad.yaml", BAD_SECTOR)
    good = write(folder, "new.yaml", NEW_ACTORS)
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_ACTORS"}
    runs = {"bad": ["actors", "Hamas fired rockets at Israel.", "--actors", str(bad)],
            "good": ["actors", "Amara Tekle met the Red Dawn Brigade.", "--date", "2024-05-01",
                     "--actors", str(good)]}
    done = side_by_side(*(Run([str(EVENTWIRE), *args], env=env) for args in runs.values()),
                        timeout=120)
    return dict(zip(runs, done, strict=True))


def test_cli_bad_actor_file_is_one_error_line(cli):
    proc = cli["bad"]
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "bad.yaml" in lines[0] and "GVT" in lines[0], lines[0]


def test_cli_user_file_resolves(cli):
    proc = cli["good"]
    assert proc.returncode == 0, proc.stderr
    tekle = [line for line in proc.stdout.splitlines() if "Amara Tekle" in line]
    brigade = [line for line in proc.stdout.splitlines() if "Red Dawn Brigade" in line]
    assert tekle and "ETH GOV" in tekle[0], proc.stdout
    assert brigade and "MLI REB" in brigade[0], proc.stdout
