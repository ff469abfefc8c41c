"""The folder tree is the flow: every import in the package points down it, never back up."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"

# Each stage may import its own layer and the layers before it, never a later one.
LAYERS: list[set[str]] = [
    {"", "model", "errors"},  # "" is the package root (`__version__`)
    {"knowledge"},
    {"ingest"},
    {"nlp"},
    {"actors"},
    {"events"},
    {"context"},
    {"coder"},
    {"explain", "evaluate"},
    {"store"},
    {"batch"},
    {"api"},
    {"cli", "__main__"},
]
RANK = {stage: i for i, layer in enumerate(LAYERS) for stage in layer}
# The package root may hold only these modules; the rest live in their stage's package.
ROOT_MODULES = {"__init__", "__main__", "coder", "model", "errors", "explain"}


def stage_of(module: str) -> str:
    """`eventwire.actors.resolver` -> `actors`; `eventwire` -> the root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every eventwire module a file imports, top-level or inside a function."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("eventwire")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "eventwire":  # `from eventwire import x`: x may be a stage
                found += [(node.lineno, f"eventwire.{a.name}") for a in node.names
                          if a.name in RANK]
                found.append((node.lineno, "eventwire"))
            elif node.module.startswith("eventwire."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "<relative>"))
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_stage() -> None:
    unknown = {module_name(p) for p in modules() if stage_of(module_name(p)) not in RANK}
    assert not unknown, f"modules outside every stage of LAYERS: {sorted(unknown)}"


def test_package_root_holds_only_the_coder_and_its_contract() -> None:
    extra = {p.stem for p in PACKAGE.glob("*.py")} - ROOT_MODULES
    assert not extra, f"move these into their stage's package: {sorted(extra)}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_flow(path: Path) -> None:
    here = stage_of(module_name(path))
    against = []
    for line, target in imported_modules(path):
        if target == "<relative>":
            against.append(f"line {line}: relative import (write eventwire.<stage>...)")
        elif RANK[stage_of(target)] > RANK[here]:
            against.append(f"line {line}: {here or 'root'} imports {target}, a later stage")
    assert not against, f"{path.relative_to(PACKAGE)}: " + "; ".join(against)


def test_the_check_sees_an_import_against_the_flow(tmp_path: Path) -> None:
    """The checker itself: an actors module importing events is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from eventwire.events.candidates import Candidate\n")
    (line, target), = imported_modules(bad)
    assert (line, target) == (2, "eventwire.events.candidates")
    assert RANK[stage_of(target)] > RANK["actors"]


def test_docs_layout_lists_every_module_under_its_package() -> None:
    """docs/layout.md is the map of the tree: a new module is added to it, under its stage."""
    text = (PACKAGE.parents[1] / "docs" / "layout.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `([\w/]+)`[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    missing = []
    for path in modules():
        folder = "eventwire/" if path.parent == PACKAGE else f"{path.parent.name}/"
        if path.name == "__init__.py" and path.parent != PACKAGE:
            continue
        if f"- `{path.name}`:" not in sections.get(folder, ""):
            missing.append(f"{folder}{path.name}")
    assert not missing, f"docs/layout.md does not list: {missing}"
