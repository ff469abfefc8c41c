"""The actors stage: noun phrases of a parsed article to coded actors.

Takes: a parsed `Doc` and the knowledge. Gives: an `ActorResolver` that turns a token into
`Mention`s with a country and sector code: names, titles, demonyms and offices found by one
Aho-Corasick pass (`mentions`), read as phrases (`phrases`, `groups`, `parties`), placed
(`whereabouts`) and resolved through coreference (`coref`).
"""

from eventwire.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
