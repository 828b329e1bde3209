#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the
# project's own inputs and the shared dev corpus. Safe to rerun: files are
# named by content, so copies do not pile up.
set -euo pipefail
cd "$(dirname "$0")"
root=..
dev=${RECTO_DEV_CORPUS:-$root/../shared/corpus/dev}

seed() { # seed TARGET FILE...
    local target=$1
    shift
    mkdir -p "corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] || continue
        cp "$f" "corpus/$target/$(sha1sum "$f" | cut -c1-16)"
    done
}

shopt -s nullglob
texts=("$root"/input/*.txt "$root"/tests/data/*.txt "$dev"/*.txt)
markdown=("$root"/tests/data/*.md "$root"/README.md "$root"/fuzz/README.md)
seed text_normalize "${texts[@]}"
seed markdown "${markdown[@]}" "${texts[@]}"
# The writer targets read their bytes as choices for building a tree: any
# bytes do, and text gives them realistic words.
for t in write_txt write_jats write_epub write_pdf write_html; do
    seed "$t" "${texts[@]:0:8}" "${markdown[@]}"
done
for t in corpus/*; do
    echo "$t: $(ls "$t" | wc -l) files"
done
