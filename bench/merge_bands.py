"""Merges a rule made, by how alike the two themes were and by the smaller side's size, right against wrong, from the
output of `ClusteringBench scenario --merges` (its `MERGE right|WRONG` lines). With a second output, the same for the
merges the first run made and the second did not (what a change took away).

Usage (from the repository root, after a Release build of bench/ClusteringBench):
  dotnet bench/ClusteringBench/bin/Release/net10.0/ClusteringBench.dll scenario --merges FILES > OUT
  python3 bench/merge_bands.py OUT [OUT2] [--rule AreaLabelsOfTheirOwn]"""
import collections, re, sys

MERGE = re.compile(r"^  MERGE (right|WRONG) (\S+) \[(\w+)\] ([\d.]+) (\S+)\((\d+)\) \+ (\S+)\((\d+)\) shared terms (\d+)"
                   r"(?:.* labelled (\d+)/\d+ (\d+)/\d+)?")
SIMS = [(0, 0.30), (0.30, 0.35), (0.35, 0.40), (0.40, 0.42), (0.42, 0.45), (0.45, 1.01)]
SIZES = [(3, 5), (5, 8), (8, 10**9)]


def merges(path, rule):
    found = collections.Counter()
    for line in open(path, encoding="utf-8"):
        m = MERGE.match(line)
        if m and m.group(3) == rule:
            found[m.groups()] += 1
    return found


def bands(found, title):
    rows = [(g[0] == "right", float(g[3]), min(int(g[5]), int(g[7])), int(g[8]),
             None if g[9] is None else min(int(g[9]), int(g[10]))) for g, n in found.items() for _ in range(n)]
    print(f"{title}: {sum(r[0] for r in rows)} right, {sum(not r[0] for r in rows)} wrong")
    def show(name, key, ranges, fmt):
        for lo, hi in ranges:
            sel = [r for r in rows if lo <= key(r) < hi]
            print(f"  {name} {fmt(lo, hi)}: {sum(r[0] for r in sel)} right, {sum(not r[0] for r in sel)} wrong")
    show("similarity", lambda r: r[1], SIMS, lambda lo, hi: f"{lo:.2f}-{min(hi, 1):.2f}")
    show("smaller side", lambda r: r[2], SIZES, lambda lo, hi: f"{lo}+" if hi > 10**6 else f"{lo}-{hi - 1}")
    show("shared terms", lambda r: r[3], [(0, 1), (1, 2), (2, 3), (3, 99)], lambda lo, hi: f"{lo}" if hi < 99 else f"{lo}+")
    if all(r[4] is not None for r in rows):
        show("fewest labelled issues a side", lambda r: r[4], [(0, 2), (2, 99)], lambda lo, hi: "1" if lo == 0 else "2+")


args = [a for a in sys.argv[1:] if not a.startswith("--")]
rule = sys.argv[sys.argv.index("--rule") + 1] if "--rule" in sys.argv else "AreaLabelsOfTheirOwn"
args = [a for a in args if a != rule]
first = merges(args[0], rule)
bands(first, f"{rule} in {args[0]}")
if len(args) > 1:
    bands(first - merges(args[1], rule), f"{rule} in {args[0]} and not in {args[1]}")
