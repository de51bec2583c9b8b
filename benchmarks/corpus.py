"""A deterministic synthetic news corpus for benchmarks: N articles of about 400 words,
built from templates over real leaders, countries, places and organizations."""

from __future__ import annotations

import random
from pathlib import Path

LEADERS = [("Russian President", "Vladimir Putin", "Russia"), ("Chinese President", "Xi Jinping", "China"),
           ("Indian Prime Minister", "Narendra Modi", "India"), ("Turkish President", "Recep Tayyip Erdogan", "Turkey"),
           ("French President", "Emmanuel Macron", "France"), ("German Chancellor", "Olaf Scholz", "Germany"),
           ("Brazilian President", "Luiz Inacio Lula da Silva", "Brazil"), ("Kazakh President", "Kassym-Jomart Tokayev", "Kazakhstan"),
           ("Iranian President", "Masoud Pezeshkian", "Iran"), ("US President", "Joe Biden", "United States")]
PLACES = ["Beijing", "Moscow", "New Delhi", "Ankara", "Paris", "Berlin", "Brasilia", "Astana", "Tehran", "Tashkent",
          "Shanghai", "Kazan", "Sochi", "Vladivostok", "Budapest", "Belgrade"]
ORGS = ["NATO", "the Shanghai Cooperation Organisation", "BRICS", "the European Union", "the United Nations", "the G20"]
SENTENCES = [
    "{t1} {p1} arrived in {place} on {day} for talks with {t2} {p2}.",
    "{s1} and {s2} held talks on energy, trade and security in {place}.",
    "{c1} has become one of the largest buyers of oil from {c2}, officials said.",
    "Trade between {c1} and {c2} rose by {n} percent last year, according to customs data.",
    "{c1} is a member of {org}, which held a summit in {place} in {month}.",
    "{s1} said {c1} would never accept sanctions imposed by the West.",
    "Analysts in {place} said the visit showed that {c1} and {c2} want a closer partnership.",
    "The two leaders also discussed the war in Ukraine and the situation in the Middle East.",
    "{s2} is expected to visit {c1} later this year, the foreign ministry said.",
    "Officials from {org} met in {place} to prepare a joint statement on {topic}.",
    "{c2} imposed new tariffs on goods from {c1} in {month}, drawing criticism from business groups.",
    "Markets in {place} were calm as investors waited for the outcome of the talks on {topic}.",
]
TOPICS = ["energy", "grain exports", "payment systems", "climate", "nuclear power", "railways", "shipping"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> str:
    rng = random.Random(i)
    (t1, p1, c1), (t2, p2, c2) = rng.sample(LEADERS, 2)
    paragraphs = [f"{p1.split()[-1]} and {p2.split()[-1]} meet in {rng.choice(PLACES)}: round {i}"]
    for _ in range(8):
        sents = []
        for _ in range(3):
            tpl = rng.choice(SENTENCES)
            sents.append(tpl.format(t1=t1, p1=p1, t2=t2, p2=p2, s1=p1.split()[-1], s2=p2.split()[-1], c1=c1, c2=c2,
                                    place=rng.choice(PLACES), org=rng.choice(ORGS), day=rng.choice(DAYS),
                                    month=rng.choice(MONTHS), topic=rng.choice(TOPICS), n=rng.randint(2, 40)))
        paragraphs.append(" ".join(sents) + f" (Report {i}-{len(paragraphs)}.)")
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"article-{i:05d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def edited_copy(text: str, copy: int) -> str:
    """A lightly edited copy of an article: one sentence of our own added after the
    first paragraph (so it is not the same content), as republished news often is."""
    head, sep, rest = text.partition("\n\n")
    return f"{head}{sep}Revision {copy + 1} of this report adds background from other agencies.\n\n{rest}"


def write_copies(seeds: Path, folder: Path, copies: int) -> Path:
    """``copies`` edited copies of each seed article, each under another file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds.glob("*.txt")):
        for copy in range(copies):
            target = folder / f"{path.stem}-copy{copy + 1:02d}{path.suffix}"
            target.write_text(edited_copy(path.read_text(encoding="utf-8"), copy), encoding="utf-8")
    return folder
