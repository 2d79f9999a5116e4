#!/usr/bin/env python3
"""Folio against Recoll, the desktop search people use for a folder of
articles, on the same articles.

The articles of a (generated) library are exported as a Markdown vault
(`folio export --format md`). Recoll indexes that folder; Folio imports it
into a library of its own. Both then answer the same 30 queries (common and
rare words, two words, phrases), each as a whole process, as a user at a
terminal or a launcher would run them: `recollq` and `folio search`.

Both print the first 20 results, each with the passage it was found in.
Printed for both: the time to build the index, the footprint on disk (for
Recoll the Markdown files and its index, for Folio its one library file,
which holds the text and every index), and the median and 95th percentile
of the queries' wall-clock times.

    python3 benches/compare_with_recoll.py --library /tmp/bench.sqlite --work /tmp/vs-recoll

Needs `recollindex` and `recollq` (Debian's `recollcmd`; installed with
apt-get when missing and this runs as root). The work folder can be large:
the vault is about the size of the articles' text.
"""

import argparse
import collections
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path


def ensure_recoll():
    if shutil.which("recollindex") and shutil.which("recollq"):
        return
    if os.geteuid() != 0:
        sys.exit("Recoll is not installed: apt-get install recollcmd (as root), then run this again")
    print("installing recollcmd…", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "-q", "recollcmd"], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def size_of(path):
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(command, **kwargs):
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed, done.stdout.decode(errors="replace")


WORD = re.compile(r"[a-z]{4,}")


def queries_from(library, count_each=(8, 8, 7, 7), seed=1):
    """Common words, rare words, word pairs and two-word phrases, from the
    English articles' own text (document frequencies over a sample)."""
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    bodies = [b for (b,) in conn.execute(
        "SELECT body FROM articles WHERE language = 'en' AND deleted_at IS NULL ORDER BY id LIMIT 4000")]
    conn.close()
    if not bodies:
        sys.exit("the library has no English articles to take queries from")
    frequency = collections.Counter()
    for body in bodies:
        frequency.update(set(WORD.findall(body.lower())))
    ranked = [w for w, _ in frequency.most_common()]
    rng = random.Random(seed)
    common = ranked[10:10 + count_each[0]]
    # The rarest words found in at least two articles.
    rare_pool = [w for w in reversed(ranked) if frequency[w] >= 2][:20 * count_each[1]]
    rare = rng.sample(rare_pool, min(count_each[1], len(rare_pool)))
    middling = ranked[len(ranked) // 20: len(ranked) // 20 + 2 * count_each[2]]
    pairs = [f"{a} {b}" for a, b in zip(middling[0::2], middling[1::2])]
    phrases = []
    for body in rng.sample(bodies, min(len(bodies), 50)):
        words = WORD.findall(body.lower())
        if len(words) > 12:
            at = rng.randrange(3, len(words) - 3)
            phrases.append(f'"{words[at]} {words[at + 1]}"')
        if len(phrases) == count_each[3]:
            break
    return [("common word", q) for q in common] + [("rare word", q) for q in rare] + \
        [("two words", q) for q in pairs] + [("phrase", q) for q in phrases]


def percentile(times, share):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True, help="the library whose articles are compared")
    parser.add_argument("--work", default="/tmp/folio-vs-recoll", help="folder for the vault and both indexes")
    parser.add_argument("--folio", default="target/release/folio")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of the 30 queries")
    parser.add_argument("--reuse", action="store_true", help="keep a vault and indexes already built in --work")
    args = parser.parse_args()

    ensure_recoll()
    folio = str(Path(args.folio).resolve())
    work = Path(args.work)
    vault, conf, folio_library = work / "md", work / "recoll", work / "folio.sqlite"
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)

    if not vault.exists():
        print("exporting the articles as Markdown…", flush=True)
        seconds, _ = timed([folio, "--library", args.library, "export", "--format", "md", "--out", str(vault)])
        print(f"  {sum(1 for _ in vault.rglob('*.md'))} files in {seconds:.0f} s", flush=True)

    if not (conf / "xapiandb").exists():
        conf.mkdir(parents=True, exist_ok=True)
        # Markdown read as the plain text it is (Recoll's own default runs a
        # Python filter per file), and no spelling dictionary: the fastest
        # Recoll there is, for these files.
        (conf / "recoll.conf").write_text(f"topdirs = {vault}\nloglevel = 1\nnoaspell = 1\n")
        (conf / "mimeconf").write_text("[index]\ntext/markdown = internal text/plain\n")
        print("Recoll: indexing…", flush=True)
        recoll_build, _ = timed(["recollindex", "-c", str(conf)])
    else:
        recoll_build = float("nan")

    if not folio_library.exists():
        print("Folio: importing…", flush=True)
        folio_build, _ = timed([folio, "--library", str(folio_library), "import", str(vault)])
    else:
        folio_build = float("nan")

    queries = queries_from(folio_library)
    runs = {
        "Folio": lambda q: [folio, "--library", str(folio_library), "search", "--limit", "20", "--", q],
        # Both print each result with the passage it was found in (Folio's
        # snippet, Recoll's abstract): the same work for the same answer.
        "Recoll": lambda q: ["recollq", "-c", str(conf), "-A", "-n", "20", "--", q],
    }
    times = {name: [] for name in runs}
    hits = {name: 0 for name in runs}
    for round_number in range(args.rounds + 1):
        for _, query in queries:
            for name, command in runs.items():
                seconds, out = timed(command(query))
                # The first round warms both caches and is not counted.
                if round_number > 0:
                    times[name].append(seconds * 1000)
                    hits[name] += out.count("\n") > 2

    footprint = {
        "Folio": size_of(folio_library),
        "Recoll": size_of(vault) + size_of(conf / "xapiandb"),
    }
    built = {"Folio": folio_build, "Recoll": recoll_build}
    articles = sum(1 for _ in vault.rglob("*.md"))
    print(f"\n{articles} articles, {size_of(vault) / 1e6:.0f} MB of Markdown; "
          f"{len(queries)} queries × {args.rounds} rounds, whole process each")
    print(f"{'':8} {'build s':>9} {'on disk MB':>11} {'median ms':>10} {'p95 ms':>8} {'answered':>9}")
    for name in runs:
        print(f"{name:8} {built[name]:9.0f} {footprint[name] / 1e6:11.0f} "
              f"{statistics.median(times[name]):10.1f} {percentile(times[name], 0.95):8.1f} "
              f"{hits[name]:>5}/{len(times[name])}")
    ratio = percentile(times["Recoll"], 0.95) / percentile(times["Folio"], 0.95)
    print(f"Folio's p95 is {ratio:.1f}× faster than Recoll's; its footprint "
          f"{footprint['Folio'] / footprint['Recoll']:.2f}× Recoll's")
    for kind in dict.fromkeys(k for k, _ in queries):
        chosen = [q for k, q in queries if k == kind]
        print(f"  {kind}: {', '.join(chosen[:4])}{' …' if len(chosen) > 4 else ''}")


if __name__ == "__main__":
    main()
