#!/bin/sh
# Prints the saved pages of the evaluation cases to PDF the way a user
# would (the browser's Print ▸ Save as PDF, its default page header and
# footer included), to score Folio's PDF reader against the cases' own
# expected fields.
#
# Each case becomes OUT_DIR/<case>/source.pdf with a copy of expected.json.
# score.py looks for source.html or source.txt only, so source.html is made
# a link to the PDF: Folio tells a PDF by its content, not its name.
#
# Usage: benches/print_cases_to_pdf.sh [OUT_DIR] [CASE_PREFIX]
#   then: python3 ../shared/eval/score.py --cases OUT_DIR -- target/release/folio extract --json
# Needs Chromium (`apt-get install chromium`). Scripts and the network are
# off: the pages are saved files, and what they would fetch is not theirs.
set -eu
cases=../shared/eval/cases
out=${1:-/tmp/pdf-cases}
prefix=${2:-}
command -v chromium >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 2; }
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

print_one() {
    page=$1
    name=$(basename "$page")
    dest="$out/$name"
    [ -s "$dest/source.pdf" ] && return 0
    mkdir -p "$dest"
    # A page that does not finish printing in time is left out, not waited for.
    timeout 60 chromium --headless --no-sandbox --disable-gpu \
        --user-data-dir="$profile/$name" \
        --disable-javascript \
        --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
        --print-to-pdf="$dest/source.pdf" "file://$(realpath "$page/source.html")" \
        >/dev/null 2>&1 || true
    rm -rf "$profile/$name"
    if [ ! -s "$dest/source.pdf" ]; then
        echo "not printed: $name" >&2
        rm -rf "$dest"
        return 0
    fi
    cp "$page/expected.json" "$dest/expected.json"
    ln -sf source.pdf "$dest/source.html"
}

# Only the saved pages: the text copies (-txt) have nothing to print.
for page in "$cases/$prefix"*; do
    [ -f "$page/source.html" ] || continue
    print_one "$page"
done
echo "printed $(ls "$out" | wc -l) cases into $out"
