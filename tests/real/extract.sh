#!/bin/bash
# Regenerates the extracts of this folder from the Debian packages named in
# README.md. Needs apt-get (with a Debian 12 package list), poppler-utils and
# ghostscript. Run from anywhere; writes into this folder.
#
#   bash tests/real/extract.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p pkg

# id  package  file inside the package  first page  last page
documents='
glpk-api       glpk-doc     usr/share/doc/glpk-doc/glpk.pdf                      54 56
gmpl-data      glpk-doc     usr/share/doc/glpk-doc/gmpl.pdf                      50 52
nauty-guide    nauty-doc    usr/share/doc/nauty/nug28.pdf                        15 17
camlidl-manual camlidl-doc  usr/share/doc/camlidl/camlidl-1.04.doc.pdf           15 17
4ti2-manual    4ti2-doc     usr/share/doc/4ti2/4ti2_manual.pdf                   19 21
fasta-guide    fasta3-doc   usr/share/doc/fasta3/fasta_guide.pdf                  6  8
mrbayes-manual mrbayes-doc  usr/share/doc/mrbayes/Manual_MrBayes_v3.2.pdf        20 22
pari-tutorial  pari-doc     usr/share/pari/doc/tutorial.pdf                      45 47
gnuplot-manual gnuplot-doc  usr/share/doc/gnuplot/gnuplot.pdf                    38 40
music-manual   music-doc    usr/share/doc/music-doc/music-manual.pdf.gz          35 37
mpich-user     mpich-doc    usr/share/doc/mpich/user.pdf.gz                       3  5
crc-guide      zlib1g-dev   usr/share/doc/zlib1g-dev/crc-doc.1.0.pdf.gz          14 16
revtex-sample  texlive-publishers-doc usr/share/doc/texlive-doc/latex/revtex4-1/sample/aps/apssamp.pdf 4 6
r-exts-debugging r-doc-pdf  usr/share/R/doc/manual/R-exts.pdf                   122 124
sbcl-alien     sbcl-doc     usr/share/doc/sbcl/sbcl.pdf.gz                        83 85
elsarticle-sample texlive-publishers-doc usr/share/doc/texlive-doc/latex/elsarticle/elstest-5p.pdf 1 4
scons-variantdir scons-doc  usr/share/doc/scons/PDF/scons-user.pdf.gz          119 121
zoo-quickref   r-cran-zoo   usr/lib/R/site-library/zoo/doc/zoo-quickref.pdf        2  4
cfitsio-quick  libcfitsio-doc usr/share/doc/libcfitsio-dev/quick.pdf.gz           10 12
xpiano-code    texlive-music usr/share/doc/texlive-doc/latex/xpiano/xpiano.pdf        6  8
'

echo "$documents" | while read -r id package file first last; do
    [ -n "$id" ] || continue
    [ -d "pkg/$package" ] || { apt-get download "$package" >/dev/null; dpkg-deb -x "$package"_*.deb "pkg/$package"; }
    pdf="pkg/$package/$file"
    case "$pdf" in *.gz) gunzip -c "$pdf" > "$id.pdf"; pdf="$id.pdf" ;; esac
    mkdir -p "$here/$id"
    pdftotext -enc UTF-8 -f "$first" -l "$last" "$pdf" "$here/$id/pdftotext.txt"
    pdftotext -enc UTF-8 -layout -f "$first" -l "$last" "$pdf" "$here/$id/layout.txt"
    gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=txtwrite -dFirstPage="$first" -dLastPage="$last" \
        -sOutputFile="$here/$id/txtwrite.txt" "$pdf"
done

# The elsarticle sample keeps no txtwrite extract (see README.md): its
# page numbers are not found yet, and a control character it prints for a
# lost glyph glues "414Å" to "a" when it is removed.
rm -f "$here/elsarticle-sample/txtwrite.txt"

# Nor the SCons guide (see README.md): without form feeds, its two page
# numbers are too few to show the pages.
rm -f "$here/scons-variantdir/txtwrite.txt"

# The sendmail guide is shipped as paginated plain text (nroff -me): 66-line
# pages, running heads and feet. Pages 4 to 7 of the file (lines 199-462).
apt-get download sendmail-doc >/dev/null
dpkg-deb -x sendmail-doc_*.deb pkg/sendmail-doc
mkdir -p "$here/sendmail-op"
gunzip -c pkg/sendmail-doc/usr/share/doc/sendmail-doc/op/op.txt.gz | sed -n 199,462p > "$here/sendmail-op/nroff.txt"

# CMake's Importing and Exporting Guide ships as HTML: Chromium prints it
# with its default header (date, title) and foot (address, "N/16"), and
# the three extractors read pages 4 to 6 of that print. The date in the
# header is the day of the print, so only that line differs on a rerun.
apt-get download cmake-doc >/dev/null
dpkg-deb -x cmake-doc_*.deb pkg/cmake-doc
html="$work/pkg/cmake-doc/usr/share/doc/cmake-doc/html/guide/importing-exporting/index.html"
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$work/cmake-importexport.pdf" \
    "file://$html" 2>/dev/null
mkdir -p "$here/cmake-importexport"
pdftotext -enc UTF-8 -f 4 -l 6 cmake-importexport.pdf "$here/cmake-importexport/pdftotext.txt"
pdftotext -enc UTF-8 -layout -f 4 -l 6 cmake-importexport.pdf "$here/cmake-importexport/layout.txt"
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=txtwrite -dFirstPage=4 -dLastPage=6 \
    -sOutputFile="$here/cmake-importexport/txtwrite.txt" cmake-importexport.pdf
