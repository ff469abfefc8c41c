"""The context stage: when and where each event happened, and who said what.

Takes: a parsed `Doc`, its event candidates and the `ActorResolver`. Gives: event dates
resolved against the publication date (`dates`), event places (`places`), direct and indirect
quotes with their speakers (`quotes`, `speakers`); `situate` is the glue the coder calls.
"""

from eventwire.context.situate import Situator

__all__ = ["Situator"]
