#!/usr/bin/env python3
"""The lowest `lost/k` any repair can reach on a scored corpus.

    benches/corpus_ceiling.py [CORPUS] [--scorer PATH]

(defaults: ../shared/corpus/dev2 and ../shared/tools/score-normalization).

`score-normalization` counts as lost every truth word token missing from the
output. A repair can only rearrange, join, split and re-hyphenate what the
input holds; it must not write words the input does not have. So a truth
token that does not occur in the input even with every space, line break,
soft hyphen and hyphen taken out and ligatures spelled out (that is: not even glued inside other text)
is lost by every tool that invents nothing. This script counts those tokens
with the scorer's own tokenizer and prints, per input and for the corpus,
that floor: a generous one (a token found inside any longer word counts as
recoverable), so the true floor is higher.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus/dev2")
    ap.add_argument("--scorer", default="../shared/tools/score-normalization")
    args = ap.parse_args()
    sn = load_scorer(Path(args.scorer))
    corpus = Path(args.corpus)
    total = unreachable = 0
    rows = []
    for inp in sorted(corpus.glob("*.txt")):
        doc = inp.name.split(".")[0]
        truth_file = corpus / f"{doc}.truth.json"
        if not truth_file.exists():
            continue
        blocks = json.loads(truth_file.read_text())["blocks"]
        words = sn.word_tokens(" ".join([b["text"] for b in blocks]
                                        + [b["marker"] for b in blocks if b.get("marker")]))
        # NFKC: a ligature glyph (U+FB01) is the letters a repair restores.
        text = unicodedata.normalize("NFKC", inp.read_text())
        squeezed = re.sub(r"\s+", "", sn.canon(text))
        squeezed = DASHES.sub("", squeezed)
        missing = {}
        for word, n in collections.Counter(words).items():
            short = n - squeezed.count(DASHES.sub("", word))
            if short > 0:
                missing[word] = short
        total += len(words)
        unreachable += sum(missing.values())
        rows.append((sum(missing.values()), len(words), inp.name, missing))
    for n, words, name, missing in sorted(rows, reverse=True):
        if n:
            sample = ", ".join(sorted(missing, key=missing.get, reverse=True)[:8])
            print(f"{name:55s} {n:4d} of {words:5d} tokens absent  ({sample})")
    print(f"corpus: {unreachable} of {total} truth tokens absent from their inputs: "
          f"lost/k can go no lower than {1000 * unreachable / total:.2f}")


if __name__ == "__main__":
    main()
