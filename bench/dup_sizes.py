"""Where the duplicate tickets are, from the output of `ClusteringBench scenario -v`: per file, the themes that share a
truth majority beyond the largest are duplicates. Prints how many themes of each size are a truth theme's largest
("main"), a duplicate, or mostly noise (a theme held without a ticket, "held" in the THEME line, is counted apart and
is neither: the score reads ticketed themes only); and, for the three-item themes, how many are more alike than a bar to a larger
theme (of any kind, and of the same kind), read from the PAIR lines (the bench prints pairs above 0.25 only); and how
many duplicates are read as a small fix beside a largest piece that is not (a small-fix split of the problem's own
reports, or a small fix no merge rule joins to its problem).
Usage: python3 bench/dup_sizes.py BENCH_OUTPUT...
  e.g. dotnet $D scenario -v $FLEETLINE > /tmp/fleetline.txt; python3 bench/dup_sizes.py /tmp/fleetline.txt"""
import collections, re, sys

by_size = collections.defaultdict(collections.Counter)
three = []  # (kind, best similarity to a larger theme, best to a larger theme of the same kind)
small_fix_pieces = 0


def flush(themes, pairs):
    global small_fix_pieces
    by_majority = collections.defaultdict(list)
    for size, majority, read_as, held in themes:
        if held: by_size[min(size, 10)]["held"] += 1
        else: by_majority[majority].append((size, read_as))
    for majority, pieces in by_majority.items():
        pieces.sort(key=lambda p: -p[0])
        for rank, (size, read_as) in enumerate(pieces):
            kind = "noise" if majority == "noise" else ("duplicate" if rank > 0 else "main")
            if kind == "duplicate" and read_as == "SmallFix" and pieces[0][1] != "SmallFix": small_fix_pieces += 1
            by_size[min(size, 10)][kind] += 1
            if size != 3 or kind == "noise": continue
            near = []
            for sim, left, right in pairs:
                for (x, nx, kx), (y, ny, ky) in ((left, right), (right, left)):
                    if x == majority and nx == 3 and ny > 3: near.append((sim, kx == ky))
            three.append((kind, max([s for s, _ in near], default=0), max([s for s, same in near if same], default=0)))


for path in sys.argv[1:]:
    themes, pairs = [], []
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\S+\.json:", line):
            flush(themes, pairs)
            themes, pairs = [], []
        elif m := re.match(r"  THEME \S+ n=(\d+) majority=(\S+) kind=(\w+)( held)?", line):
            themes.append((int(m.group(1)), m.group(2), m.group(3), m.group(4) is not None))
        elif m := re.match(r"  PAIR (\S+) \S+ (\S+)\((\d+)\) ~ (\S+)\((\d+)\) kinds (\w+)/(\w+)", line):
            pairs.append((float(m.group(1)), (m.group(2), int(m.group(3)), m.group(6)), (m.group(4), int(m.group(5)), m.group(7))))
    flush(themes, pairs)

print("size  main  duplicate  noise  held")
for size in sorted(by_size):
    c = by_size[size]
    print(f"{'10+' if size == 10 else size:>4}  {c['main']:>4}  {c['duplicate']:>9}  {c['noise']:>5}  {c['held']:>4}")
for kind in ("duplicate", "main"):
    rows = [t for t in three if t[0] == kind]
    print(f"three-item {kind}s {len(rows)}: " + ", ".join(
        f"> {bar:.2f} to a larger theme {sum(1 for _, a, _ in rows if a > bar)} (same kind {sum(1 for _, _, s in rows if s > bar)})"
        for bar in (0.25, 0.30, 0.35)))
print(f"duplicates read as a small fix beside a largest piece that is not: {small_fix_pieces} of "
      f"{sum(c['duplicate'] for c in by_size.values())}")
