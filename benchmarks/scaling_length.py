"""Coding cost against article length: seconds per 10k characters for texts of 1k to 1M chars.

Usage: python benchmarks/scaling_length.py [--sizes 1k,10k,100k,1m] [--cases prose,repeated,
                                            sentence,emoji] [--max-size-slow 100k]

Cases (all text generated here, nothing read from disk):
  prose     varied news-like sentences about states, ministers and talks
  repeated  "Russia attacked Ukraine." over and over (the reproduction in issue 18)
  sentence  one sentence of clauses joined by "and", as long as the size
  emoji     emoji with no space at all
The coder runs with no time budget (max_seconds=None) so the whole text is coded. For each case
and size it prints the CPU and wall-clock seconds and the CPU seconds per 10k characters, and
the ratio of the largest to the smallest per-10k figure (linear cost: close to 1; quadratic:
grows with the size). The sentence and emoji cases stop at --max-size-slow (emoji are one
token per character, so 1M of them takes many minutes on a small machine). Sizes of 10k and
less are coded several times and the best time is kept, so one hiccup does not count.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from eventwire.coder import Coder
from eventwire.model import Article

STATES = ["Russia", "Ukraine", "France", "Germany", "Iran", "Turkey", "Japan", "China",
          "India", "Brazil", "Kenya", "Egypt", "Poland", "Canada", "Mexico", "Israel"]
PEOPLE = ["the foreign minister", "the prime minister", "the president", "the defence minister",
          "the ambassador", "a government spokesperson"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{A} of {a} met {B} of {b} in the capital to discuss trade.",
    "Officials said {a} would send humanitarian aid to {b} next week.",
    "{a} and {b} signed an agreement to expand energy cooperation.",
    "Protesters gathered outside the embassy of {b} in {a} on {day}.",
    "{A} of {a} criticised the decision, calling it a threat to regional security.",
    "Troops from {a} shelled positions near the border with {b} overnight.",
    "{b} rejected the proposal, a spokesperson for the ministry said.",
    "The talks between {a} and {b} ended without a joint statement.",
    "{a} imposed new sanctions on banks in {b} on {day}.",
    "Analysts expect the dispute to weigh on markets for several months.",
    "\"We will not accept any pressure,\" {A} of {b} told reporters in {a}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EMOJI = "\U0001F600\U0001F680\U0001F30D\U0001F525\u2764\uFE0F\U0001F44D\U0001F389"


def _fill(text: str, size: int) -> str:
    return text[:size]


def prose(size: int) -> str:
    """Paragraphs of varied sentences, cut to `size` characters."""
    rng = random.Random(size)
    parts: list[str] = []
    total = 0
    while total < size:
        a, b = rng.sample(STATES, 2)
        sentence = rng.choice(TEMPLATES).format(a=a, b=b, day=rng.choice(DAYS),
                                                A=rng.choice(PEOPLE).capitalize(),
                                                B=rng.choice(PEOPLE))
        sentence = sentence[0].upper() + sentence[1:]
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(parts[-1])
    return _fill("".join(parts), size)


def repeated(size: int) -> str:
    return _fill(" ".join(["Russia attacked Ukraine."] * (size // 25 + 1)), size)


def sentence(size: int) -> str:
    rng = random.Random(size)
    clauses = []
    total = 0
    while total < size:
        a, b = rng.sample(STATES, 2)
        clauses.append(f"{a} criticised {b}")
        total += len(clauses[-1]) + 5
    return _fill(" and ".join(clauses), size - 1) + "."


def emoji(size: int) -> str:
    return _fill(EMOJI * (size // len(EMOJI) + 1), size)


CASES: dict[str, Callable[[int], str]] = {
    "prose": prose, "repeated": repeated, "sentence": sentence, "emoji": emoji}


def _size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def timed(coder: Coder, text: str, repeats: int) -> tuple[float, float]:
    """The best of `repeats` (CPU, wall-clock) seconds for coding the text as one article.

    CPU seconds of this process are the figure compared: on a shared machine the wall clock
    also counts the time other processes held the cores."""
    best = (float("inf"), float("inf"))
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        coder.code(Article(id="bench", text=text, published="2024-05-01"))
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k,1m")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--max-size-slow", default="100k",
                        help="largest size for the sentence and emoji cases")
    args = parser.parse_args()
    sizes = [_size(s) for s in args.sizes.split(",")]
    slow_limit = _size(args.max_size_slow)
    coder = Coder.load(max_seconds=None)
    coder.code(Article(id="warm", text=prose(2_000), published="2024-05-01"))
    print(f"{'case':<10}{'chars':>10}{'CPU s':>10}{'wall s':>10}{'CPU s / 10k chars':>19}")
    for name in args.cases.split(","):
        per_10k = []
        for size in sizes:
            if name in ("sentence", "emoji") and size > slow_limit:
                continue
            text = CASES[name](size)
            cpu, wall = timed(coder, text, repeats=5 if size <= 10_000 else 1)
            per_10k.append(cpu / len(text) * 10_000)
            print(f"{name:<10}{len(text):>10,}{cpu:>10.2f}{wall:>10.2f}{per_10k[-1]:>19.3f}",
                  flush=True)
        ratio = max(per_10k) / min(per_10k)
        verdict = "linear (within 2x)" if ratio <= 2 else "NOT within 2x"
        print(f"{name:<10}{'':>30}{'max/min ' + format(ratio, '.2f'):>19}  {verdict}",
              flush=True)


if __name__ == "__main__":
    main()
