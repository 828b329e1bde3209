#!/usr/bin/env python3
"""Regenerates en.txt from the SCOWL lists installed by Debian's `scowl` package
(/usr/share/dict/scowl). Run: python3 data/words/build.py > data/words/en.txt

Output format: lines starting with '#' open a section `#<level> <kind>`; every
other line is one lower-cased word. A word appears once, in its lowest
(most common) level; kind is `word` (ordinary words and contractions), `name`
(capitalised words and proper names) or `abbr` (abbreviations). Possessive
forms ("'s") are dropped: the lexicon strips them before looking up.
"""
import os
import re

ROOT = "/usr/share/dict/scowl"
MAX_LEVEL = 70
SPELLINGS = ("english", "american", "british", "british_z", "variant_1")
KINDS = {"words": "word", "contractions": "word", "upper": "name",
         "proper-names": "name", "abbreviations": "abbr"}
KIND_RANK = {"word": 0, "name": 1, "abbr": 2}

best = {}
for name in sorted(os.listdir(ROOT)):
    m = re.fullmatch(r"(.+)-(words|contractions|upper|proper-names|abbreviations)\.(\d+)", name)
    if not m or m.group(1) not in SPELLINGS or int(m.group(3)) > MAX_LEVEL:
        continue
    level, kind = int(m.group(3)), KINDS[m.group(2)]
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if not w or w.endswith("'s"):
                continue
            key = (level, KIND_RANK[kind])
            lw = w.lower()
            if lw not in best or key < best[lw][0]:
                best[lw] = (key, kind, level)

sections = {}
for w, (_, kind, level) in best.items():
    sections.setdefault((level, KIND_RANK[kind], kind), []).append(w)
for (level, _, kind) in sorted(sections):
    print(f"#{level} {kind}")
    for w in sorted(sections[(level, _, kind)]):
        print(w)
