"""The hostile-input regression corpus of issue 18, generated (nothing large is committed).

Each maker writes one hostile source under a folder and returns (the source to give eventwire,
the words its one error line must contain). `python tests/hostile.py DIR` writes the whole
file corpus to DIR, to try by hand: `eventwire ingest DIR/* --db /tmp/h.duckdb`.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

GOOD = "Iran and Russia signed an energy agreement in Moscow on Tuesday, officials said."
BOMB_ENTITIES = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
BOMB_FEED = (f'<?xml version="1.0"?><!DOCTYPE rss [{BOMB_ENTITIES}]><rss><channel><item>'
             "<title>x</title><description>&i;</description></item></channel></rss>")

Maker = Callable[[Path], tuple[str, str]]


def fifo(folder: Path) -> tuple[str, str]:
    """A named pipe with an article's suffix: opening it would block forever."""
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return str(path), "FIFO"


def fifo_in_directory(folder: Path) -> tuple[str, str]:
    """A FIFO inside an ingested directory, next to a good article."""
    sub = folder / "with-fifo"
    sub.mkdir()
    os.mkfifo(sub / "pipe.jsonl")
    (sub / "good.txt").write_text(GOOD.replace("Tuesday", "Friday"))
    return str(sub), "FIFO"


def gzipped_text_named_warc(folder: Path) -> tuple[str, str]:
    """Plain text, gzipped, named .warc.gz: warcio reads it as a legacy ARC record."""
    path = folder / "news.warc.gz"
    path.write_bytes(gzip.compress(f"{GOOD}\nMore text here.\n".encode()))
    return str(path), "not a WARC record"


def plain_text_named_warc(folder: Path) -> tuple[str, str]:
    """Uncompressed text named .warc.gz."""
    path = folder / "plain.warc.gz"
    path.write_text(f"{GOOD}\n")
    return str(path), "WARC"


def empty_source_name(folder: Path) -> tuple[str, str]:
    """`ingest ""` must not read the current directory."""
    return "", "empty source name"


def symlink_out_of_directory(folder: Path) -> tuple[str, str]:
    """`ln -s /outside/secret.txt dir/x.txt`: the secret must not be stored."""
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET. " + GOOD.replace("Moscow", "Kazan"))
    tree = folder / "tree"
    tree.mkdir()
    (tree / "x.txt").symlink_to(outside / "secret.txt")
    return str(tree), "outside"


def ansi_file_name(folder: Path) -> tuple[str, str]:
    """An empty file whose name retitles the terminal and paints it red."""
    tree = folder / "ansi"
    tree.mkdir()
    (tree / "\x1b]0;pwned\x07\x1b[31mred.txt").write_bytes(b"")
    return str(tree), "empty file"


def utf16_dtd_feed(folder: Path) -> tuple[str, str]:
    """A billion-laughs feed in UTF-16: the bytes hold no ASCII '<!ENTITY'."""
    path = folder / "utf16.rss"
    path.write_bytes(BOMB_FEED.replace('version="1.0"', 'version="1.0" encoding="utf-16"')
                     .encode("utf-16"))
    return str(path), "has a DTD"


def utf32_dtd_feed(folder: Path) -> tuple[str, str]:
    """The same bomb in UTF-32 with no byte-order mark."""
    path = folder / "utf32.xml"
    path.write_bytes(BOMB_FEED.replace('version="1.0"', 'version="1.0" encoding="utf-32-le"')
                     .encode("utf-32-le"))
    return str(path), "has a DTD"


def commented_root_dtd_feed(folder: Path) -> tuple[str, str]:
    """`<!-- <rss -->` before the DTD made the old check think the root came first."""
    path = folder / "comment.rss"
    path.write_text(BOMB_FEED.replace("<!DOCTYPE", "<!-- <rss --><!DOCTYPE"))
    return str(path), "has a DTD"


def plain_doctype_feed(folder: Path) -> tuple[str, str]:
    """An external-only DOCTYPE: refused too, DTDs are refused outright."""
    path = folder / "netscape.rss"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//'
                    'DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
                    f"<rss><channel><item><description>{GOOD}</description></item></channel>"
                    "</rss>")
    return str(path), "has a DTD"


def overlong_id(folder: Path) -> tuple[str, str]:
    """An id the API could not serve back (over 200 characters)."""
    path = folder / "long-id.jsonl"
    path.write_text(json.dumps({"id": "x" * 201, "text": GOOD}) + "\n")
    return str(path), "ids are at most 200"


def malformed_flood(folder: Path, lines: int = 100_000) -> tuple[str, str]:
    """100,000 malformed JSON lines, then two good articles that must be stored."""
    path = folder / "flood.jsonl"
    with path.open("w") as out:
        out.writelines(f"{{not json {i}\n" for i in range(lines))
        for k, day in enumerate(("Monday", "Wednesday")):
            out.write(json.dumps({"id": f"after-flood-{k}", "text": GOOD.replace("Tuesday", day)})
                      + "\n")
    return str(path), "invalid JSON"


def empty_items_feed(folder: Path, items: int = 20_000) -> tuple[str, str]:
    """A feed of 20,000 empty items and one real one."""
    path = folder / "empty-items.rss"
    path.write_text("<rss><channel><title>t</title>" + "<item></item>" * items +
                    f"<item><title>Pact</title><description>{GOOD.replace('Tuesday', 'Sunday')}"
                    "</description></item>"
                    "</channel></rss>")
    return str(path), "no summary"


def long_article_lines(folder: Path, chars: int = 1_300_000) -> tuple[str, str]:
    """JSON Lines with an article over spaCy's 1,000,000-character limit (under 2 MiB)
    between two good ones: `code` must write the good ones and go on."""
    path = folder / "long-article.jsonl"
    long_text = " ".join(["Talks went on."] * (chars // 15))
    with path.open("w") as out:
        for aid, text in (("before", GOOD), ("huge", long_text),
                          ("after", "France accused Germany of lying about the deal.")):
            out.write(json.dumps({"id": aid, "text": text}) + "\n")
    return str(path), "huge"


FILE_CASES: dict[str, Maker] = {
    "fifo": fifo, "fifo-in-directory": fifo_in_directory,
    "gzipped-text-named-warc": gzipped_text_named_warc,
    "plain-text-named-warc": plain_text_named_warc, "empty-source-name": empty_source_name,
    "symlink-out-of-directory": symlink_out_of_directory, "ansi-file-name": ansi_file_name,
    "utf16-dtd-feed": utf16_dtd_feed, "utf32-dtd-feed": utf32_dtd_feed,
    "commented-root-dtd-feed": commented_root_dtd_feed, "plain-doctype-feed": plain_doctype_feed,
    "overlong-id": overlong_id,
}
SLOW_CASES: dict[str, Maker] = {
    "malformed-flood": malformed_flood, "empty-items-feed": empty_items_feed,
    "long-article-lines": long_article_lines,
}


def main(argv: list[str]) -> int:
    """Write every file case under argv[1], one folder per case."""
    if len(argv) != 2:
        print("usage: python tests/hostile.py DIR", file=sys.stderr)
        return 2
    root = Path(argv[1])
    for name, make in {**FILE_CASES, **SLOW_CASES}.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        source, _ = make(folder)
        print(f"{name}: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
