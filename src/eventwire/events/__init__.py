"""The events stage: triggers, the roles around them, and what the wording says about them.

Takes: a parsed `Doc`, the lexicon and an `ActorResolver`. Gives: event `Candidate`s (actor,
PLOVER category, recipient, evidence) from trigger words (`candidates`, `roles`, `implied`),
recoded by how the act is put (`intent`, `modality`), from speech acts (`demands`,
`evaluations`), references back to earlier acts (`eventref`), visits (`hosting`), and merged
per (actor, event, recipient) (`merge`).
"""

from eventwire.events.candidates import Candidate, find_candidates
from eventwire.events.merge import merge_events

__all__ = ["Candidate", "find_candidates", "merge_events"]
