"""Word classes: a lexicon entry names a class ("@trade_measure") instead of listing its words.

The same act is worded with many verbs and many object nouns ("imposed / raised / doubled
tariffs / duties / levies on X"); an entry per pair misses every pair nobody listed. A class is
defined once, in any lexicon file, and every entry that refers to it covers all its words; a
user adds a word to a class with a `class:` mapping of the same name in their own file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.yamlfile import entry_line

REF = "@"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
WORD_RE = re.compile(r"^[a-z][a-z'-]*$")


def is_class_definition(raw: dict[str, Any]) -> bool:
    """A lexicon-file mapping that defines (or extends) a word class rather than an entry."""
    return "class" in raw


@dataclass
class WordClasses:
    """Named word lists, each grown by every file that defines it."""

    words: dict[str, list[str]] = field(default_factory=dict)

    def add(self, raw: dict[str, Any], path: str) -> None:
        """Define a class, or add words to one already defined; one clear error if malformed."""
        line = entry_line(raw)
        name = raw.get("class")
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise KnowledgeFileError(path, f"class name {name!r} must be lowercase letters, "
                                     "digits and underscores", line)
        words = raw.get("words")
        if not isinstance(words, list) or not words:
            raise KnowledgeFileError(path, f"class {name!r} needs a non-empty 'words' list", line)
        for word in words:
            if not isinstance(word, str) or not WORD_RE.match(word.lower()):
                raise KnowledgeFileError(path, f"class {name!r}: {word!r} is not a single "
                                         "lowercase lemma", line)
        known = self.words.setdefault(name, [])
        known.extend(w.lower() for w in words if w.lower() not in known)

    def _expand(self, value: str, path: str, line: int | None) -> list[str]:
        if not value.startswith(REF):
            return [value]
        name = value[len(REF):]
        if name not in self.words:
            raise KnowledgeFileError(path, f"unknown word class {value!r} (define it with "
                                     f"'class: {name}' and a 'words' list)", line)
        return self.words[name]

    def variants(self, trigger: str, with_: tuple[str, ...], path: str, line: int | None
                 ) -> list[tuple[str, tuple[str, ...], str]]:
        """Every (trigger, required words, id suffix) an entry's class references stand for;
        an entry without references is itself, with no suffix."""
        specs = (trigger, *with_)
        options = [self._expand(s, path, line) for s in specs]
        refs = [i for i, s in enumerate(specs) if s.startswith(REF)]
        out = []
        for combo in itertools.product(*options):
            suffix = "/" + "+".join(combo[i] for i in refs) if refs else ""
            out.append((combo[0], tuple(combo[1:]), suffix))
        return out
