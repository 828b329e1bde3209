#!/usr/bin/env python3
"""The lowest `lost/k` a repair that invents no words can reach on a scored corpus.

    benches/corpus_ceiling.py [CORPUS] [--scorer PATH] [--window N]

(defaults: ../shared/corpus/dev2, ../shared/tools/score-normalization, 8).

`score-normalization` counts as lost every truth word token missing from the
output. A repair can only rearrange, join, split and re-hyphenate what the
input holds; it must not write words the input does not have. This script
counts, with the scorer's own tokenizer, the truth tokens no such repair can
give back, in two steps, each generous (a token found inside any longer word
counts as recoverable), so the true floor is higher:

1. contiguous: the token does not occur in the input even with every space,
   line break, soft hyphen and hyphen taken out and ligatures spelled out;
2. with rejoins: nor by joining the end of one line with the start of another
   up to N non-blank lines away (a table cell that an extractor broke over
   lines with other cells in between, as a column-by-column rebuild would
   join it).

It prints, per input and for the corpus, the tokens left after step 2.
"""
import argparse
import collections
import importlib.machinery
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

# Soft hyphen, hyphen-minus and the Unicode hyphens and dashes: a repair may
# join across or drop any of them.
DASHES = re.compile("[\u00ad\\-\u2010-\u2015\u2212]")


def load_scorer(path):
    loader = importlib.machinery.SourceFileLoader("score_normalization", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def squeeze(sn, text):
    # NFKC: a ligature glyph (U+FB01) is the letters a repair restores.
    return DASHES.sub("", re.sub(r"\s+", "", sn.canon(unicodedata.normalize("NFKC", text))))


def rejoins(word, lines, window):
    """Ways to make `word` from a line's end and the start of another line
    within `window` lines (the next line is already counted as contiguous)."""
    found = 0
    for i, a in enumerate(lines):
        for j in range(max(0, i - window), min(len(lines), i + window + 1)):
            if j in (i, i + 1):
                continue
            if any(a.endswith(word[:k]) and lines[j].startswith(word[k:])
                   for k in range(1, len(word))):
                found += 1
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus/dev2")
    ap.add_argument("--scorer", default="../shared/tools/score-normalization")
    ap.add_argument("--window", type=int, default=8)
    args = ap.parse_args()
    sn = load_scorer(Path(args.scorer))
    corpus = Path(args.corpus)
    total = contiguous = unreachable = 0
    rows = []
    for inp in sorted(corpus.glob("*.txt")):
        doc = inp.name.split(".")[0]
        truth_file = corpus / f"{doc}.truth.json"
        if not truth_file.exists():
            continue
        blocks = json.loads(truth_file.read_text())["blocks"]
        words = sn.word_tokens(" ".join([b["text"] for b in blocks]
                                        + [b["marker"] for b in blocks if b.get("marker")]))
        text = inp.read_text()
        squeezed = squeeze(sn, text)
        lines = [s for s in (squeeze(sn, line) for line in text.split("\n")) if s]
        missing = {}
        for word, n in collections.Counter(words).items():
            bare = DASHES.sub("", word)
            short = n - squeezed.count(bare)
            if short <= 0:
                continue
            contiguous += short
            left = short - rejoins(bare, lines, args.window)
            if left > 0:
                missing[word] = left
        total += len(words)
        unreachable += sum(missing.values())
        rows.append((sum(missing.values()), len(words), inp.name, missing))
    for n, words, name, missing in sorted(rows, reverse=True):
        if n:
            sample = ", ".join(sorted(missing, key=missing.get, reverse=True)[:8])
            print(f"{name:55s} {n:4d} of {words:5d} tokens absent  ({sample})")
    print(f"corpus: {contiguous} of {total} truth tokens absent from their inputs as contiguous "
          f"text ({1000 * contiguous / total:.2f}/k); {unreachable} still absent with rejoins "
          f"of line pieces up to {args.window} lines apart: lost/k can go no lower than "
          f"{1000 * unreachable / total:.2f}")


if __name__ == "__main__":
    main()
