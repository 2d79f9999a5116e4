#!/bin/sh
# Scores the clipping reader on pages it was never tuned on: the saved pages
# of the htmldate cases, copied as text the way the `-txt` cases of
# ../shared/eval/cases were (a text browser's dump, 100 columns wide).
#
# Those cases give only a date. The title and body to compare with are what
# Folio reads from the saved page itself (0.99 body F1, 0.98 title F1 on the
# HTML cases), so the figures say how much of that a text copy keeps.
#
# Usage: benches/text-copies.sh [OUT_DIR]   (after `cargo build --release`;
# needs w3m: `apt-get install w3m`)
set -eu
cases=../shared/eval/cases
out=${1:-/tmp/folio-text-copies}
folio=target/release/folio
command -v w3m >/dev/null || { echo "needs w3m (apt-get install w3m)" >&2; exit 2; }
[ -x "$folio" ] || { echo "build first: cargo build --release" >&2; exit 2; }
mkdir -p "$out"
for page in "$cases"/htmldate-*; do
    name=$(basename "$page")
    copy="$out/$name-txt"
    mkdir -p "$copy"
    w3m -dump -T text/html -cols 100 -O UTF-8 "$page/source.html" >"$copy/source.txt" 2>/dev/null || true
    # A page that is all script leaves nothing to read: no case.
    if [ ! -s "$copy/source.txt" ]; then
        rm -r "$copy"
        continue
    fi
    "$folio" extract --json "$page/source.html" >"$copy/from-page.json" 2>/dev/null || true
    python3 - "$page/expected.json" "$copy" <<'PY'
import json, sys
gold, copy = sys.argv[1], sys.argv[2]
expected = {"published": json.load(open(gold)).get("published")}
try:
    page = json.load(open(copy + "/from-page.json"))
except ValueError:
    page = {}
for field in ("title", "body"):
    if page.get(field):
        expected[field] = page[field]
json.dump(expected, open(copy + "/expected.json", "w"), ensure_ascii=False)
PY
    rm "$copy/from-page.json"
done
python3 ../shared/eval/score.py --cases "$out" -- "$folio" extract --json
