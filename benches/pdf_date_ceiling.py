#!/usr/bin/env python3
"""How many printed pages show their publication date at all.

A page printed to PDF keeps only what the page shows: a date that lives in
the page's meta tags (where most saved-page date finders read it) is not
printed. This reads the text layer of each case printed by
benches/print_cases_to_pdf.sh (with pypdf, installed into a temporary
folder from PyPI), looks for the expected date written in the common
forms a page uses, and prints the share of pages that show it: the most
any PDF reader can get right without guessing. With --report (score.py's
per-case JSON for the same PDFs) it also says how many of the pages that
show their date Folio read right, and names those it read wrong.

Usage: benches/pdf_date_ceiling.py [PDF_CASES_DIR] [--report FILE]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

MONTHS = ["january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"]


def date_forms(iso):
    y, m, d = iso[:10].split("-")
    mi, di = int(m), int(d)
    name = MONTHS[mi - 1]
    return [
        iso[:10], f"{d}.{m}.{y}", f"{di}.{mi}.{y}", f"{mi}/{di}/{y}", f"{di}/{mi}/{y}",
        f"{d}/{m}/{y}", f"{m}/{d}/{y}", f"{y}/{m}/{d}", f"{y}.{m}.{d}", f"{y}年{mi}月{di}日",
        f"{name} {di}, {y}", f"{name[:3]} {di}, {y}", f"{name[:3]}. {di}, {y}",
        f"{di} {name} {y}", f"{di} {name[:3]} {y}", f"{di}. {name} {y}",
        f"{name} {di} {y}", f"{name[:3]} {di} {y}", f"{di} {name}, {y}", f"{d}-{m}-{y}",
        f"{y}年{m}月{d}日", f"{y}. {mi}. {di}", f"{y}-{mi}-{di}",
        # The address a browser prints in the footer: /2020/04/24/.
        f"/{y}/{m}/{d}",
    ]


def main():
    args = sys.argv[1:]
    report = None
    if "--report" in args:
        at = args.index("--report")
        report = json.load(open(args[at + 1]))
        del args[at:at + 2]
    cases = args[0] if args else "/tmp/pdf-cases"
    lib = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", lib, "pypdf"], check=True)
    sys.path.insert(0, lib)
    from pypdf import PdfReader

    dated = shown = right_of_shown = 0
    missed = []
    for name in sorted(os.listdir(cases)):
        expected = json.load(open(os.path.join(cases, name, "expected.json")))
        if not expected.get("published"):
            continue
        try:
            pages = PdfReader(os.path.join(cases, name, "source.pdf")).pages
            text = " ".join(page.extract_text() or "" for page in pages)
        except Exception:  # a PDF pypdf cannot read counts as showing nothing
            text = ""
        text = re.sub(r"\s+", " ", text).lower()
        dated += 1
        if any(form in text for form in date_forms(expected["published"])):
            shown += 1
            if report and report.get(name, {}).get("scores", {}).get("published") == 1:
                right_of_shown += 1
            elif report:
                missed.append(name)
    print(f"{shown} of {dated} printed pages show their date ({shown / max(dated, 1):.3f})")
    if report:
        print(f"Folio read {right_of_shown} of those {shown} right ({right_of_shown / max(shown, 1):.3f})")
        print("shown but read wrong:", " ".join(missed))


if __name__ == "__main__":
    main()
