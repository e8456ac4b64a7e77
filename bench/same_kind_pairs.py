"""Pairs of final themes that are both larger than a fragment for their run and read as the same kind, by centroid
similarity, from the PAIR and THEME lines of `ClusteringBench scenario -v`: would a higher bar for merging two such
themes join pieces of one problem (SAME) without joining sibling problems (diff)? The fragment cap is computed as
ThemeMerging does (half the size of the theme the median report is in, at least MinThemeSize + 1 = 4).
Then the same larger-than-the-cap pairs of any kind, by similarity band and by how their GitHub labels agree (the PAIR
line's "labels": >= 0.9 as the label merge needs, below, or "na" for too few labelled issues): where the any-size label
merge (Clustering:LabelMergeAnySizeSimilarity) sets its bar. Run the bench with `--labelany 0` to see the pairs it joins.
Usage: dotnet $D scenario -v FILES > OUT; python3 bench/same_kind_pairs.py OUT..."""
import re, sys

rows = []
for path in sys.argv[1:]:
    name, sizes, pairs = None, [], []
    def flush():
        if name is None: return
        half, seen, typical = sum(sizes) / 2, 0, 0
        for n in sorted(sizes):
            seen += n
            if seen >= half: typical = n; break
        cap = max(4, round(0.5 * typical))
        rows.extend((name, cap) + p for p in pairs)
    for line in open(path, encoding="utf-8"):
        if m := re.match(r"^(\S+\.json): ", line): flush(); name, sizes, pairs = m.group(1), [], []
        elif m := re.match(r"  THEME \S+ n=(\d+)", line): sizes.append(int(m.group(1)))
        elif m := re.match(r"  PAIR ([\d.]+) (SAME|diff) (\S+)\((\d+)\) ~ (\S+)\((\d+)\) kinds (\w+)/(\w+) labels (\S+)", line):
            sim, rel, a, na, b, nb, ka, kb, lab = m.groups()
            pairs.append((float(sim), rel, a, int(na), b, int(nb), ka, kb, lab))
    flush()
large = [r for r in rows if min(r[5], r[7]) > r[1] and r[8] == r[9]]
for bar in (0.38, 0.40, 0.42, 0.44, 0.46, 0.48, 0.50):
    print(f"bar {bar:.2f}: SAME {sum(r[2] >= bar and r[3] == 'SAME' for r in large)} diff {sum(r[2] >= bar and r[3] == 'diff' for r in large)}")
for r in sorted(large, key=lambda r: -r[2]):
    if r[2] >= 0.38: print(f"{r[0]:22} cap={r[1]:3} {r[2]:.3f} {r[3]} {r[4]}({r[5]}) ~ {r[6]}({r[7]}) {r[8]}/{r[9]} labels {r[10]}")

print("pairs of themes both above the cap, any kind: one problem (SAME) of all, by label agreement")
print("similarity   labels>=0.9   labels<0.9   too few labels")
larger = [r for r in rows if min(r[5], r[7]) > r[1]]
for lo, hi in ((0.35, 0.40), (0.40, 0.45), (0.45, 0.50), (0.50, 1.01)):
    cells = []
    for agrees in (lambda l: l != "na" and float(l) >= 0.9, lambda l: l != "na" and float(l) < 0.9, lambda l: l == "na"):
        sel = [r for r in larger if lo <= r[2] < hi and agrees(r[10])]
        cells.append(f"{sum(r[3] == 'SAME' for r in sel)} of {len(sel)}")
    print(f"{lo:.2f}-{min(hi, 1):.2f}    " + "   ".join(f"{c:>12}" for c in cells))
