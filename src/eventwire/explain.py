"""Human-readable traces of the coder's reasoning, for `explain` and `actors`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventwire.actors.resolver import ActorResolver
from eventwire.coder import Coder, article_candidates, parse_published
from eventwire.model import Article, Mention


def _who(m: Mention | None) -> str:
    if m is None:
        return "-"
    sector = f" {m.sector}" if m.sector else ""
    name = f" ({m.name})" if m.name else ""
    return f"{m.code}{sector}{name} <- '{m.text}'"


def mention_lines(resolver: ActorResolver) -> list[str]:
    """Each mention, its resolution, its antecedent and the rule, one line each."""
    lines = []
    for i, m in enumerate(resolver.mentions):
        code = f"{m.code or '?'}" + (f" {m.sector}" if m.sector else "")
        name = f" ({m.name})" if m.name else ""
        ante = ""
        if m.antecedent is not None:
            ante = f"  <- #{m.antecedent} '{resolver.mentions[m.antecedent].text}'"
        lines.append(f"#{i:<3} '{m.text}' -> {code}{name}  [{m.kind}: {m.rule}]{ante}")
    return lines


def show_actors(coder: Coder, article: Article, console: Console) -> None:
    """Print the actor resolution of one article."""
    doc = coder.nlp(article.text)
    resolver = ActorResolver(doc, coder.knowledge.gazetteer, parse_published(article.published))
    for line in mention_lines(resolver):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def explain(coder: Coder, text: str, date: str | None, console: Console) -> None:
    """Print parse, mentions, matched triggers, role paths and each candidate's fate."""
    doc = coder.nlp(text)
    resolver = ActorResolver(doc, coder.knowledge.gazetteer, parse_published(date))
    parse = Table(title="parse")
    for col in ("i", "text", "lemma", "pos", "dep", "head"):
        parse.add_column(col)
    for t in doc:
        parse.add_row(str(t.i), t.text, t.lemma_, t.pos_, t.dep_, f"{t.head.i} {t.head.text}")
    console.print(parse)
    console.print("[bold]actor mentions[/bold]")
    for line in mention_lines(resolver):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    cands = article_candidates(doc, coder.knowledge, resolver)
    table = Table(title="event candidates")
    for col in ("trigger", "entry", "event/mode", "actor", "recipient", "modality", "decision"):
        table.add_column(col)
    for c in cands:
        mod = c.modality.modality + (" negated" if c.modality.negated else "")
        if c.modality.cue:
            mod += f" ({c.modality.cue})"
        style = "green" if c.decision == "emitted" else "red"
        table.add_row(
            c.trigger.text, f"{c.entry.id}\n[dim]{c.entry.source}[/dim]",
            c.entry.event + (f"/{c.entry.mode}" if c.entry.mode else ""),
            f"{_who(c.actor)}\n[dim]{c.actor_path or '-'}[/dim]",
            f"{_who(c.recipient)}\n[dim]{c.recipient_path or '-'}[/dim]",
            mod, f"[{style}]{c.decision}[/{style}]")
    if not cands:
        console.print("[yellow]no trigger word from the lexicon in this text[/yellow]")
    else:
        console.print(table)
